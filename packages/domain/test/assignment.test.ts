import { describe, expect, it } from 'vitest';
import {
  ASSIGNMENT_REASON_CODES,
  DEFAULT_ASSIGNMENT_WEIGHTS,
  evaluateCandidate,
  LIST_ITEMS,
  localDate,
  planBatch,
  planGreedy,
  printCitation,
  QUALIFICATION_TRIGGERS,
  qualificationRulesInForce,
  rankCandidates,
  type AssignmentReason,
  type QualificationRule,
} from '../src/index.ts';
import { buildCase, buildHandler, deathPenaltyCase, NOW, RULES } from './assignment-factories.ts';

/** Each hard rule of assignment (指派) with a failing and a passing case, then the score. */

const blocking = (reasons: AssignmentReason[]) => reasons.filter((r) => r.blocking);
const codes = (reasons: AssignmentReason[]) => reasons.map((r) => r.code);

describe('the shipped qualification rows', () => {
  it('are the three handler_qualification items for cases, each with a trigger and its citation, and the duty row', () => {
    expect(RULES.map((r) => [r.code, r.citation])).toEqual([
      ['appeal_cases', 'OPN (六)'],
      ['duty_lawyer_service', 'LAL art.14'],
      ['life_or_death_cases', 'LAL art.26'],
      ['minors_cases', 'MPL art.104'],
    ]);
    // The duty row names its own trait (`appliesTo: duty`), which no case has.
    for (const rule of RULES)
      expect(QUALIFICATION_TRIGGERS[rule.code] ?? rule.params.appliesTo).toBeDefined();
  });

  it('are none before the Legal Aid Law was in force', () => {
    expect(qualificationRulesInForce(LIST_ITEMS, ['000000', '110000'], localDate('2021-12-31'))).toEqual([]);
  });
});

describe('life imprisonment and death penalty (LAL art.26)', () => {
  const twoYears = buildHandler({ id: 'h-2y', yearsOfPractice: 2, yearsOfCriminalPractice: 2 });
  const threeYears = buildHandler({ id: 'h-3y', yearsOfPractice: 9, yearsOfCriminalPractice: 3 });

  it('a lawyer with 2 years of criminal practice is not eligible, with the rule and its citation', () => {
    const result = evaluateCandidate(twoYears, deathPenaltyCase(), RULES, NOW);
    expect(result.eligible).toBe(false);
    expect(result.score).toBeNull();
    expect(blocking(result.reasons)).toEqual([
      {
        code: 'QUALIFICATION_NOT_MET',
        blocking: true,
        citation: 'LAL art.26',
        params: { rule: 'life_or_death_cases', requirement: 'minYearsPractice', required: '3', actual: '2' },
      },
    ]);
  });

  it('counts criminal practice, not practice in general', () => {
    const civilVeteran = buildHandler({ yearsOfPractice: 20, yearsOfCriminalPractice: 1 });
    expect(evaluateCandidate(civilVeteran, deathPenaltyCase(), RULES, NOW).eligible).toBe(false);
  });

  it('a lawyer with 3 years is eligible, and the reason says the rule was met', () => {
    const result = evaluateCandidate(threeYears, deathPenaltyCase(), RULES, NOW);
    expect(result.eligible).toBe(true);
    expect(result.reasons).toContainEqual(
      expect.objectContaining({ code: 'QUALIFICATION_MET', citation: 'LAL art.26', blocking: false }),
    );
  });

  it('applies to death-penalty review and to a possible life sentence on any ground', () => {
    for (const needs of [
      deathPenaltyCase({ criminalGround: 'death_penalty_review' }),
      deathPenaltyCase({ criminalGround: 'ordinary_procedure_court', possibleSentence: 'life_or_death' }),
    ]) {
      expect(evaluateCandidate(twoYears, needs, RULES, NOW).eligible).toBe(false);
      expect(evaluateCandidate(threeYears, needs, RULES, NOW).eligible).toBe(true);
    }
  });

  it('a non-lawyer never qualifies, whatever the years', () => {
    const worker = buildHandler({
      kind: 'grassroots_worker',
      yearsOfPractice: 15,
      yearsOfCriminalPractice: 15,
    });
    const result = evaluateCandidate(worker, deathPenaltyCase(), RULES, NOW);
    expect(codes(blocking(result.reasons))).toEqual(['LAWYER_REQUIRED', 'QUALIFICATION_NOT_MET']);
  });

  it('the two-year lawyer is never chosen: not by rank, greedy or batch, even when cheapest', () => {
    // The 2-year lawyer matches everything and has no load; the qualified one is busy and elsewhere.
    const cheap = buildHandler({ ...twoYears, openCases: 0, lastAssignedAt: null });
    const busy = buildHandler({ ...threeYears, districts: ['110101'], specialties: [], openCases: 4 });
    const needs = deathPenaltyCase();
    expect(rankCandidates(needs, [cheap, busy], RULES, NOW).best?.handlerId).toBe('h-3y');
    for (const plan of [planGreedy, planBatch]) {
      expect(plan([needs], [cheap, busy], RULES, { now: NOW }).assignments).toEqual([
        expect.objectContaining({ caseId: 'case-1', handlerId: 'h-3y' }),
      ]);
      const alone = plan([needs], [cheap], RULES, { now: NOW });
      expect(alone.assignments).toEqual([]);
      expect(alone.unassigned[0]?.reasons).toEqual([
        { code: 'NO_ELIGIBLE_HANDLER', blocking: true, params: { handlers: 1 } },
        {
          code: 'QUALIFICATION_NOT_MET',
          blocking: true,
          citation: 'LAL art.26',
          params: { handlers: 1, rule: 'life_or_death_cases' },
        },
      ]);
    }
    expect(rankCandidates(needs, [cheap], RULES, NOW).best).toBeNull();
  });
});

describe('minors (MPL art.104)', () => {
  const minorCase = buildCase({ minor: true, matter: 'maintenance' });

  it('needs a handler familiar with minors', () => {
    const result = evaluateCandidate(buildHandler(), minorCase, RULES, NOW);
    expect(blocking(result.reasons)).toEqual([
      expect.objectContaining({ code: 'QUALIFICATION_NOT_MET', citation: 'MPL art.104' }),
    ]);
  });

  it('a handler marked familiar with minors, or in the minors team, is eligible', () => {
    expect(
      evaluateCandidate(buildHandler({ familiarWithMinors: true }), minorCase, RULES, NOW).eligible,
    ).toBe(true);
    expect(evaluateCandidate(buildHandler({ teams: ['minors'] }), minorCase, RULES, NOW).eligible).toBe(true);
  });

  it('a notified minor defendant is a minors case too', () => {
    const notified = deathPenaltyCase({ criminalGround: 'minor' });
    expect(evaluateCandidate(buildHandler(), notified, RULES, NOW).eligible).toBe(false);
    expect(evaluateCandidate(buildHandler({ familiarWithMinors: true }), notified, RULES, NOW).eligible).toBe(
      true,
    );
  });
});

describe('appeals and team-only matters ([OPN])', () => {
  it('an appeal needs a member of the appeals team', () => {
    const appeal = buildCase({ appeal: true });
    const outsider = evaluateCandidate(buildHandler(), appeal, RULES, NOW);
    expect(blocking(outsider.reasons)).toEqual([
      expect.objectContaining({
        code: 'QUALIFICATION_NOT_MET',
        citation: 'OPN (六)',
        params: expect.objectContaining({ requirement: 'requiresTeam', required: 'appeals' }),
      }),
    ]);
    expect(evaluateCandidate(buildHandler({ teams: ['appeals'] }), appeal, RULES, NOW).eligible).toBe(true);
  });

  it('a team-only case takes only members of that team', () => {
    const labourOnly = buildCase({ teamRequired: 'labour' });
    expect(codes(blocking(evaluateCandidate(buildHandler(), labourOnly, RULES, NOW).reasons))).toEqual([
      'TEAM_REQUIRED',
    ]);
    expect(evaluateCandidate(buildHandler({ teams: ['labour'] }), labourOnly, RULES, NOW).eligible).toBe(
      true,
    );
  });
});

describe('status and capacity', () => {
  it('a suspended or exited handler gets no new case', () => {
    for (const [status, code] of [
      ['suspended', 'HANDLER_SUSPENDED'],
      ['exited', 'HANDLER_EXITED'],
    ] as const) {
      const result = evaluateCandidate(buildHandler({ status }), buildCase(), RULES, NOW);
      expect(codes(blocking(result.reasons))).toEqual([code]);
    }
    expect(evaluateCandidate(buildHandler(), buildCase(), RULES, NOW).reasons[0]?.code).toBe(
      'HANDLER_ACTIVE',
    );
  });

  it('a handler at capacity is not eligible; one case of room is enough', () => {
    const full = evaluateCandidate(buildHandler({ capacity: 3, openCases: 3 }), buildCase(), RULES, NOW);
    expect(blocking(full.reasons)).toEqual([
      { code: 'CAPACITY_FULL', blocking: true, params: { openCases: 3, capacity: 3 } },
    ]);
    expect(
      evaluateCandidate(buildHandler({ capacity: 3, openCases: 2 }), buildCase(), RULES, NOW).eligible,
    ).toBe(true);
  });

  it('planners give a handler no more cases than the room left', () => {
    const handler = buildHandler({ capacity: 3, openCases: 1 });
    const cases = ['a', 'b', 'c'].map((id) => buildCase({ id }));
    for (const plan of [planGreedy, planBatch]) {
      const result = plan(cases, [handler], RULES, { now: NOW });
      expect(result.assignments.map((a) => a.caseId)).toEqual(['a', 'b']);
      expect(result.unassigned).toEqual([
        {
          caseId: 'c',
          reasons: [{ code: 'ELIGIBLE_HANDLERS_TAKEN', blocking: true, params: { eligible: 1 } }],
        },
      ]);
    }
  });
});

describe('criminal defence needs a lawyer (CPL art.35)', () => {
  const defence = deathPenaltyCase({ criminalGround: 'ordinary_procedure_court' });
  it('a volunteer cannot defend; a lawyer can', () => {
    const volunteer = evaluateCandidate(buildHandler({ kind: 'volunteer' }), defence, RULES, NOW);
    expect(blocking(volunteer.reasons)).toEqual([
      { code: 'LAWYER_REQUIRED', blocking: true, citation: 'CPL art.35', params: { kind: 'volunteer' } },
    ]);
    expect(evaluateCandidate(buildHandler({ kind: 'public_lawyer' }), defence, RULES, NOW).eligible).toBe(
      true,
    );
  });
  it('a victim’s representation is not defence', () => {
    const representation = { ...defence, criminalRole: 'representation' as const };
    expect(evaluateCandidate(buildHandler({ kind: 'volunteer' }), representation, RULES, NOW).eligible).toBe(
      true,
    );
  });
});

describe('conflicts of interest (回避, 律师法 art.39)', () => {
  const needs = buildCase({
    opposingParties: ['北京某科技有限公司', 'party-9'],
    opposingFirmIds: ['firm-x'],
  });

  it('the handler acts or acted for an opposing party (names compared without spaces or width)', () => {
    const handler = buildHandler({
      conflicts: { actedFor: [' 北京某科技有限公司 '], firmActedFor: [], relations: [] },
    });
    expect(blocking(evaluateCandidate(handler, needs, RULES, NOW).reasons)).toEqual([
      {
        code: 'CONFLICT_HANDLER_ACTED_FOR_OPPONENT',
        blocking: true,
        citation: '律师法 art.39',
        params: { party: '北京某科技有限公司' },
      },
    ]);
    const fullWidth = buildHandler({
      conflicts: { actedFor: ['ＰＡＲＴＹ-9'], firmActedFor: [], relations: [] },
    });
    expect(evaluateCandidate(fullWidth, needs, RULES, NOW).eligible).toBe(false);
  });

  it('the handler’s firm acts or acted for an opposing party', () => {
    const handler = buildHandler({ conflicts: { actedFor: [], firmActedFor: ['party-9'], relations: [] } });
    expect(codes(blocking(evaluateCandidate(handler, needs, RULES, NOW).reasons))).toEqual([
      'CONFLICT_FIRM_ACTED_FOR_OPPONENT',
    ]);
  });

  it('the handler’s firm is known to act for the other side', () => {
    const handler = buildHandler({ firmId: 'firm-x' });
    expect(codes(blocking(evaluateCandidate(handler, needs, RULES, NOW).reasons))).toEqual([
      'CONFLICT_FIRM_ACTS_FOR_OPPONENT',
    ]);
  });

  it('a recorded relation with the client or an opposing party', () => {
    for (const party of ['client-1', 'party-9']) {
      const handler = buildHandler({
        conflicts: { actedFor: [], firmActedFor: [], relations: [{ party, relation: 'spouse' }] },
      });
      expect(blocking(evaluateCandidate(handler, needs, RULES, NOW).reasons)).toEqual([
        {
          code: 'CONFLICT_RECORDED_RELATION',
          blocking: true,
          citation: '律师法 art.39',
          params: { party, relation: 'spouse' },
        },
      ]);
    }
  });

  it('no conflict: another firm, other parties', () => {
    const handler = buildHandler({
      conflicts: { actedFor: ['party-1'], firmActedFor: ['party-2'], relations: [] },
    });
    const result = evaluateCandidate(handler, needs, RULES, NOW);
    expect(result.eligible).toBe(true);
    expect(codes(result.reasons)).toContain('NO_CONFLICT');
  });

  it('every failing rule is listed at once, not only the first', () => {
    const handler = buildHandler({
      status: 'suspended',
      openCases: 5,
      firmId: 'firm-x',
      conflicts: { actedFor: ['party-9'], firmActedFor: [], relations: [] },
    });
    expect(codes(blocking(evaluateCandidate(handler, needs, RULES, NOW).reasons))).toEqual([
      'HANDLER_SUSPENDED',
      'CAPACITY_FULL',
      'CONFLICT_HANDLER_ACTED_FOR_OPPONENT',
      'CONFLICT_FIRM_ACTS_FOR_OPPONENT',
    ]);
  });
});

describe('rules are data', () => {
  const lifeOrDeath = RULES.find((r) => r.code === 'life_or_death_cases') as QualificationRule;

  it('the years come from the row: a 5-year row turns a 3-year lawyer away', () => {
    const stricter = RULES.map((r) => (r === lifeOrDeath ? { ...r, params: { minYearsPractice: 5 } } : r));
    const lawyer = buildHandler({ yearsOfCriminalPractice: 3 });
    expect(evaluateCandidate(lawyer, deathPenaltyCase(), RULES, NOW).eligible).toBe(true);
    expect(evaluateCandidate(lawyer, deathPenaltyCase(), stricter, NOW).eligible).toBe(false);
  });

  it('without the row, nothing is required', () => {
    const without = RULES.filter((r) => r !== lifeOrDeath);
    const junior = buildHandler({ yearsOfCriminalPractice: 0 });
    expect(evaluateCandidate(junior, deathPenaltyCase(), without, NOW).eligible).toBe(true);
  });

  it('a new row names the cases it covers in params.appliesTo', () => {
    const labourTeam: QualificationRule = {
      id: 'bj.handler_qualification.labour.v1',
      code: 'labour_team',
      citation: 'OPN',
      params: { appliesTo: 'matter:labour_remuneration', requiresTeam: 'labour' },
    };
    expect(evaluateCandidate(buildHandler(), buildCase(), [labourTeam], NOW).eligible).toBe(false);
    expect(
      evaluateCandidate(buildHandler(), buildCase({ matter: 'maintenance' }), [labourTeam], NOW).eligible,
    ).toBe(true);
  });

  it('a requirement the engine does not know blocks rather than passes', () => {
    const unknown: QualificationRule = {
      id: 'x',
      code: 'x',
      citation: 'OPN',
      params: { appliesTo: 'caseType:civil', requiresPhd: true },
    };
    const result = evaluateCandidate(buildHandler(), buildCase(), [unknown], NOW);
    expect(result.eligible).toBe(false);
    expect(blocking(result.reasons)[0]?.params).toMatchObject({
      requirement: 'requiresPhd',
      actual: 'unknown requirement',
    });
  });
});

describe('the score (a cost: lower is better)', () => {
  it('is 100 × Σ weight × part, each part explained', () => {
    const handler = buildHandler({ openCases: 1, capacity: 5, lastAssignedAt: '2026-11-12T01:00:00.000Z' });
    const result = evaluateCandidate(
      handler,
      buildCase({ district: '110101', language: 'sign' }),
      RULES,
      NOW,
    );
    expect(result.scoreParts).toEqual({
      load: 0.2,
      rotation: 0.5,
      specialty: 0,
      district: 1,
      language: 1,
      quality: 0,
    });
    const w = DEFAULT_ASSIGNMENT_WEIGHTS;
    expect(result.score).toBe(
      Math.round(100 * w.load * 0.2) + 100 * w.rotation * 0.5 + 100 * (w.district + w.language),
    );
    expect(codes(result.reasons.filter((r) => !r.blocking))).toEqual(
      expect.arrayContaining(['SPECIALTY_MATCH', 'OUTSIDE_DISTRICT', 'LANGUAGE_NOT_SPOKEN']),
    );
  });

  it('weights are data: only load counts when the others are zero', () => {
    const options = { weights: { rotation: 0, specialty: 0, district: 0, language: 0, load: 1 } };
    const result = evaluateCandidate(
      buildHandler({ openCases: 2, capacity: 4 }),
      buildCase({ district: 'x' }),
      RULES,
      NOW,
      options,
    );
    expect(result.score).toBe(50);
  });

  it('rotation: never assigned costs nothing, assigned just now costs the most', () => {
    const rotation = (lastAssignedAt: string | null) =>
      evaluateCandidate(buildHandler({ lastAssignedAt }), buildCase(), RULES, NOW).scoreParts.rotation;
    expect(rotation(null)).toBe(0);
    expect(rotation(NOW)).toBe(1);
    expect(rotation('2026-09-01T00:00:00.000Z')).toBe(0);
  });

  it('rejects a negative weight and an invalid clock', () => {
    expect(() =>
      evaluateCandidate(buildHandler(), buildCase(), RULES, NOW, { weights: { load: -1 } }),
    ).toThrow(RangeError);
    expect(() => evaluateCandidate(buildHandler(), buildCase(), RULES, 'today')).toThrow(RangeError);
  });
});

describe('rankCandidates', () => {
  it('puts eligible handlers first by score then id, then the ineligible, each with reasons', () => {
    const handlers = [
      buildHandler({ id: 'z-suspended', status: 'suspended' }),
      buildHandler({ id: 'b-busy', openCases: 4 }),
      buildHandler({ id: 'a-idle', openCases: 0 }),
      buildHandler({ id: 'c-idle', openCases: 0 }),
      buildHandler({ id: 'a-full', openCases: 5 }),
    ];
    const { best, candidates } = rankCandidates(buildCase(), handlers, RULES, NOW);
    expect(candidates.map((c) => c.handlerId)).toEqual([
      'a-idle',
      'c-idle',
      'b-busy',
      'a-full',
      'z-suspended',
    ]);
    expect(best?.handlerId).toBe('a-idle');
    for (const c of candidates) expect(c.reasons.length).toBeGreaterThan(0);
  });
});

describe('citations', () => {
  it('every citation the engine gives prints as a law and article', () => {
    expect(printCitation('律师法 art.39', 'zh-CN')).toBe('《中华人民共和国律师法》第三十九条');
    expect(printCitation('CPL art.35', 'en-US')).toBe('Criminal Procedure Law of the PRC, art. 35');
  });

  it('reason codes are unique', () => {
    expect(new Set(ASSIGNMENT_REASON_CODES).size).toBe(ASSIGNMENT_REASON_CODES.length);
  });
});
