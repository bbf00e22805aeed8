import fc from 'fast-check';
import {
  CASE_TYPES,
  HANDLER_KINDS,
  HANDLER_TEAMS,
  LIST_ITEMS,
  localDate,
  qualificationRulesInForce,
  type CaseNeeds,
  type CriminalNoticeGround,
  type HandlerProfile,
} from '../src/index.ts';

/** Builders and arbitraries for the assignment tests: each test states only what it is about. */

export const NOW = '2026-11-27T01:00:00.000Z';
export const RULES = qualificationRulesInForce(LIST_ITEMS, ['000000', '110000'], localDate('2026-11-27'));

export function buildHandler(overrides: Partial<HandlerProfile> = {}): HandlerProfile {
  return {
    id: 'h-1',
    kind: 'social_lawyer',
    status: 'active',
    firmId: 'firm-1',
    yearsOfPractice: 8,
    yearsOfCriminalPractice: 6,
    specialties: ['criminal', 'labour_remuneration'],
    languages: [],
    districts: ['110108'],
    familiarWithMinors: false,
    teams: [],
    capacity: 5,
    openCases: 1,
    lastAssignedAt: '2026-10-01T01:00:00.000Z',
    conflicts: { actedFor: [], firmActedFor: [], relations: [] },
    ...overrides,
  };
}

export function buildCase(overrides: Partial<CaseNeeds> = {}): CaseNeeds {
  return {
    id: 'case-1',
    caseType: 'civil',
    matter: 'labour_remuneration',
    minor: false,
    appeal: false,
    district: '110108',
    opposingParties: ['北京某科技有限公司'],
    clientId: 'client-1',
    receivedAt: '2026-11-26T02:00:00.000Z',
    ...overrides,
  };
}

/** A life-imprisonment or death-penalty case (LAL art.26). */
export const deathPenaltyCase = (overrides: Partial<CaseNeeds> = {}) =>
  buildCase({
    caseType: 'criminal',
    matter: 'criminal',
    criminalGround: 'life_or_death_sentence',
    opposingParties: [],
    ...overrides,
  });

const GROUNDS: CriminalNoticeGround[] = [
  'minor',
  'life_or_death_sentence',
  'death_penalty_review',
  'ordinary_procedure_court',
  'sensory_disability',
];
const PARTIES = ['p1', 'p2', 'p3'];
const subset = <T>(items: readonly T[]) => fc.subarray([...items]);

const handlerArb = fc.record({
  kind: fc.constantFrom(...HANDLER_KINDS),
  status: fc.constantFrom('active', 'active', 'active', 'active', 'suspended', 'exited' as const),
  firmId: fc.constantFrom('f1', 'f2', null),
  yearsOfPractice: fc.integer({ min: 0, max: 8 }),
  yearsOfCriminalPractice: fc.integer({ min: 0, max: 6 }),
  specialties: subset(['criminal', 'labour_remuneration', 'maintenance']),
  languages: subset(['sign', 'ug']),
  districts: subset(['d1', 'd2']),
  familiarWithMinors: fc.boolean(),
  teams: subset(HANDLER_TEAMS),
  capacity: fc.integer({ min: 0, max: 3 }),
  openCases: fc.integer({ min: 0, max: 3 }),
  lastAssignedAt: fc.option(
    fc.integer({ min: 0, max: 60 }).map((d) => new Date(Date.parse(NOW) - d * 86_400_000).toISOString()),
  ),
  conflicts: fc.record({
    actedFor: subset(PARTIES),
    firmActedFor: subset(PARTIES),
    relations: subset(['p1', 'c1']).map((ps) => ps.map((party) => ({ party, relation: 'relative' }))),
  }),
});

const caseArb = fc.record({
  caseType: fc.constantFrom(...CASE_TYPES),
  matter: fc.constantFrom('labour_remuneration', 'maintenance', 'criminal', null),
  criminalGround: fc.option(fc.constantFrom(...GROUNDS)),
  possibleSentence: fc.constantFrom(null, null, null, 'life_or_death' as const),
  minor: fc.boolean(),
  appeal: fc.boolean(),
  teamRequired: fc.option(fc.constantFrom(...HANDLER_TEAMS), { freq: 4 }),
  district: fc.constantFrom('d1', 'd2', null),
  language: fc.constantFrom(null, null, 'sign', 'ug'),
  opposingParties: subset(PARTIES),
  opposingFirmIds: subset(['f1', 'f2']),
  clientId: fc.constantFrom('c1', 'c2'),
  receivedAt: fc
    .integer({ min: 0, max: 72 })
    .map((h) => new Date(Date.parse(NOW) - h * 3_600_000).toISOString()),
});

/** Random handlers and cases with unique ids; fields drawn so that every rule fires now and then. */
export function instanceArb(maxCases: number, maxHandlers: number) {
  return fc
    .record({
      handlers: fc.array(handlerArb, { minLength: 1, maxLength: maxHandlers }),
      cases: fc.array(caseArb, { minLength: 1, maxLength: maxCases }),
    })
    .map(({ handlers, cases }) => ({
      handlers: handlers.map((h, i): HandlerProfile => ({ ...h, id: `h${i}` })),
      cases: cases.map((c, i): CaseNeeds => ({ ...c, id: `c${i}` })),
    }));
}
