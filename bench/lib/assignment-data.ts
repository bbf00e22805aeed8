/**
 * Made-up handlers and a day's queue for the assignment benchmark: reproducible (one seed), shaped
 * like Beijing — about 5 900 lawyers across the 16 districts (most in 朝阳, 海淀, 东城, 西城),
 * about 10 % with three or more years of criminal practice, some familiar with minors, the
 * specialised teams, a few sign-language and minority-language speakers, firms with conflict
 * registers — and 1 000 queued cases: notified criminal defence (a few life-imprisonment or
 * death-penalty and minors' cases among them), civil and administrative matters, appeals,
 * team-only labour cases. Nothing here is real data. Pure: no I/O.
 */
import {
  LIST_ITEMS,
  localDate,
  qualificationRulesInForce,
  type CaseNeeds,
  type CriminalNoticeGround,
  type HandlerKind,
  type HandlerProfile,
  type HandlerTeam,
  type QualificationRule,
} from '@fayuan/domain';

/** mulberry32: a small, fast, seeded generator of floats in [0, 1). */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)] as T;
}

function weighted<T>(random: () => number, items: readonly (readonly [T, number])[]): T {
  const total = items.reduce((sum, [, w]) => sum + w, 0);
  let r = random() * total;
  for (const [item, w] of items) {
    r -= w;
    if (r < 0) return item;
  }
  return (items[items.length - 1] as readonly [T, number])[0];
}

/** The 16 districts by region code, weighted roughly by where Beijing's lawyers and courts are. */
export const BEIJING_DISTRICTS: readonly (readonly [string, number])[] = [
  ['110105', 30], // 朝阳
  ['110108', 20], // 海淀
  ['110101', 12], // 东城
  ['110102', 12], // 西城
  ['110106', 6], // 丰台
  ['110107', 2], // 石景山
  ['110112', 4], // 通州
  ['110114', 3], // 昌平
  ['110115', 3], // 大兴
  ['110113', 2], // 顺义
  ['110111', 2], // 房山
  ['110109', 1], // 门头沟
  ['110116', 1], // 怀柔
  ['110117', 1], // 平谷
  ['110118', 1], // 密云
  ['110119', 1], // 延庆
];

const CIVIL_MATTERS: readonly (readonly [string, number])[] = [
  ['labour_remuneration', 30],
  ['work_injury', 12],
  ['maintenance', 12],
  ['marriage_family', 10],
  ['traffic_accident', 10],
  ['medical_accident', 5],
  ['social_insurance', 8],
  ['state_compensation', 3],
  ['domestic_violence', 5],
  ['minimum_living_allowance', 5],
];
const CRIMINAL_GROUNDS: readonly (readonly [CriminalNoticeGround, number])[] = [
  ['ordinary_procedure_court', 70],
  ['minor', 10],
  ['sensory_disability', 3],
  ['mental_incapacity', 2],
  ['life_or_death_sentence', 7],
  ['death_penalty_review', 2],
  ['trial_in_absentia', 1],
  ['compulsory_medical_treatment', 2],
];
const LANGUAGES: readonly (readonly [string, number])[] = [
  ['sign', 3],
  ['ug', 2],
  ['bo', 1],
  ['mn', 1],
  ['en', 8],
];

export interface AssignmentData {
  handlers: HandlerProfile[];
  cases: CaseNeeds[];
  rules: QualificationRule[];
  /** The instant the plan is made at. */
  now: string;
}

export function assignmentData(
  options: { handlers?: number; cases?: number; seed?: number } = {},
): AssignmentData {
  const handlerCount = options.handlers ?? 6000;
  const caseCount = options.cases ?? 1000;
  const random = seededRandom(options.seed ?? 20261127);
  const now = '2026-11-27T01:00:00.000Z';
  const nowMs = Date.parse(now);
  const districts = BEIJING_DISTRICTS.map(([code]) => code);

  // Opposing parties: employers, insurers, individuals; firms' conflict registers draw from them.
  const parties = Array.from({ length: 3000 }, (_, i) => `party-${String(i).padStart(4, '0')}`);
  const firms = Array.from({ length: Math.max(1, Math.round(handlerCount / 3)) }, (_, i) => {
    const id = `firm-${String(i).padStart(4, '0')}`;
    const register = Array.from({ length: 5 + Math.floor(random() * 20) }, () => pick(random, parties));
    return { id, district: weighted(random, BEIJING_DISTRICTS), register };
  });

  const handlers: HandlerProfile[] = [];
  for (let i = 0; i < handlerCount; i++) {
    const kind: HandlerKind = weighted(random, [
      ['social_lawyer', 88],
      ['public_lawyer', 4],
      ['centre_lawyer', 2],
      ['grassroots_worker', 4],
      ['volunteer', 2],
    ]);
    const firm = kind === 'volunteer' ? null : pick(random, firms);
    const yearsOfPractice = Math.floor(-Math.log(1 - random()) * 6); // many recent entrants, a long tail
    const criminalShare = random();
    const lawyer = kind !== 'grassroots_worker' && kind !== 'volunteer';
    // About 10 % have three or more years of criminal practice (LAL art.26).
    const yearsOfCriminalPractice = !lawyer
      ? 0
      : criminalShare < 0.17 && yearsOfPractice >= 3
        ? Math.max(3, Math.floor(yearsOfPractice * (0.5 + random() / 2)))
        : Math.min(yearsOfPractice, Math.floor(random() * 3));
    const specialties = new Set<string>();
    for (let s = 0, count = 1 + Math.floor(random() * 3); s < count; s++)
      specialties.add(weighted(random, CIVIL_MATTERS));
    if (yearsOfCriminalPractice > 0 && random() < 0.8) specialties.add('criminal');
    if (random() < 0.1) specialties.add('administrative');
    const languages = LANGUAGES.filter(([, w]) => random() < w / 100).map(([l]) => l);
    const home = firm?.district ?? weighted(random, BEIJING_DISTRICTS);
    const served = new Set([home]);
    if (random() < 0.3) served.add(pick(random, districts));
    const familiarWithMinors = random() < 0.12;
    const teams: HandlerTeam[] = [];
    if (specialties.has('labour_remuneration') && random() < 0.15) teams.push('labour');
    if (specialties.has('marriage_family') && random() < 0.2) teams.push('marriage_family');
    if (yearsOfCriminalPractice >= 5 && random() < 0.3) teams.push('death_penalty');
    if (familiarWithMinors && random() < 0.5) teams.push('minors');
    if (lawyer && yearsOfPractice >= 5 && random() < 0.04) teams.push('appeals');
    const capacity = 3 + Math.floor(random() * 10);
    const openCases = Math.min(capacity, Math.floor(random() * (capacity + 2)));
    const lastAssignedAt =
      random() < 0.1 ? null : new Date(nowMs - Math.floor(random() * 60 * 86_400_000)).toISOString();
    handlers.push({
      id: `h-${String(i).padStart(5, '0')}`,
      kind,
      status: weighted(random, [
        ['active', 95],
        ['suspended', 3],
        ['exited', 2],
      ]),
      firmId: firm?.id ?? null,
      yearsOfPractice,
      yearsOfCriminalPractice,
      specialties: [...specialties],
      languages,
      districts: [...served],
      familiarWithMinors,
      teams,
      capacity,
      openCases,
      lastAssignedAt,
      conflicts: {
        actedFor: Array.from({ length: Math.floor(random() * 4) }, () => pick(random, parties)),
        firmActedFor: firm?.register ?? [],
        relations: random() < 0.01 ? [{ party: pick(random, parties), relation: 'relative' }] : [],
      },
    });
  }

  const cases: CaseNeeds[] = [];
  for (let i = 0; i < caseCount; i++) {
    const caseType = weighted(random, [
      ['criminal', 45],
      ['civil', 45],
      ['administrative', 5],
      ['non_litigation', 5],
    ] as const);
    const id = `case-${String(i).padStart(4, '0')}`;
    const receivedAt = new Date(nowMs - Math.floor(random() * 3 * 86_400_000)).toISOString();
    const district = weighted(random, BEIJING_DISTRICTS);
    const language = random() < 0.04 ? weighted(random, LANGUAGES) : null;
    if (caseType === 'criminal') {
      const criminalGround = weighted(random, CRIMINAL_GROUNDS);
      cases.push({
        id,
        caseType,
        matter: 'criminal',
        criminalGround,
        possibleSentence:
          criminalGround === 'ordinary_procedure_court' && random() < 0.02 ? 'life_or_death' : null,
        minor: criminalGround === 'minor',
        appeal: false,
        district,
        language: criminalGround === 'sensory_disability' ? 'sign' : language,
        opposingParties: random() < 0.15 ? [pick(random, parties)] : [],
        clientId: `client-${i}`,
        receivedAt,
      });
    } else {
      const matter = caseType === 'civil' ? weighted(random, CIVIL_MATTERS) : caseType;
      const appeal = random() < 0.03;
      cases.push({
        id,
        caseType,
        matter,
        minor: matter === 'maintenance' && random() < 0.3,
        appeal,
        teamRequired: matter === 'labour_remuneration' && random() < 0.1 ? 'labour' : null,
        district,
        language,
        opposingParties: [pick(random, parties), ...(random() < 0.2 ? [pick(random, parties)] : [])],
        opposingFirmIds: random() < 0.2 ? [pick(random, firms).id] : [],
        clientId: `client-${i}`,
        receivedAt,
      });
    }
  }
  const rules = qualificationRulesInForce(LIST_ITEMS, ['000000', '110000'], localDate('2026-11-27'));
  return { handlers, cases, rules, now };
}
