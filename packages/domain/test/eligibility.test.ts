import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  APPLICANT_CATEGORIES,
  assessEligibility,
  CATEGORY_NAMES,
  effectiveByKey,
  EXEMPTIONS,
  explainCounterfactual,
  explainReason,
  LIST_ITEMS,
  fingerprint,
  inForce,
  LOCALES,
  localDate,
  MATTERS,
  THRESHOLDS,
  yuan,
  type AssessmentInput,
  type Counterfactual,
  type ExemptionRule,
  type LocalDate,
  type MatterRule,
  type Reason,
  type ReasonCode,
  type RuleBook,
  type RuleRow,
  type ThresholdRule,
} from '../src/index.ts';

/** The facts Fayuan ships: rows of the rule list `fact`. */
const FACT_ROWS = LIST_ITEMS.filter((i) => i.list === 'fact');
const FACT_CODES = FACT_ROWS.map((f) => f.code);

/**
 * Unit and property tests of the assessment engine (assess.ts, rules.ts, explain.ts) on small rule
 * books built here, and integrity checks of the shipped rule rows. The legal worked examples are in
 * test/cases/eligibility-*.yaml.
 */
const NATIONAL = '000000';
const BEIJING = '110000';
const d = (s: string) => localDate(s);

function rowOf(id: string, jurisdiction: string, from: string, to: string | null = null): RuleRow {
  return { id, jurisdiction, effectiveFrom: d(from), effectiveTo: to === null ? null : d(to), citation: id };
}

function matterRule(code: string, extra: Partial<MatterRule> = {}): MatterRule {
  return {
    ...rowOf(`m.${code}`, NATIONAL, '2022-01-01'),
    code,
    nameZh: code,
    nameEn: code,
    requiresFacts: [],
    hardshipTested: true,
    ...extra,
  };
}

function threshold(
  fen: number,
  from: string,
  to: string | null = null,
  jurisdiction = BEIJING,
): ThresholdRule {
  return { ...rowOf(`t.${from}`, jurisdiction, from, to), monthlyIncomePerMemberFen: fen };
}

function exemptionRule(
  code: string,
  kind: ExemptionRule['kind'],
  extra: Partial<ExemptionRule> = {},
): ExemptionRule {
  return {
    ...rowOf(`e.${code}`, NATIONAL, '2022-01-01'),
    code,
    kind,
    categories: [],
    facts: [],
    matters: [],
    ...extra,
  };
}

const BOOK: RuleBook = {
  jurisdictions: [NATIONAL, BEIJING],
  matters: [
    matterRule('wages'),
    matterRule('retrial', { requiresFacts: ['retrialOrdered'], citation: 'LAL art.33' }),
    matterRule('notified_defence', { hardshipTested: false, citation: 'LAL art.25' }),
    matterRule('notified_retrial', { hardshipTested: false, requiresFacts: ['retrialOrdered'] }),
  ],
  thresholds: [threshold(200_000, '2022-01-01', '2024-12-31'), threshold(250_000, '2025-01-01')],
  exemptions: [
    exemptionRule('victim', 'no_condition', { facts: ['domesticViolenceVictim'], matters: ['wages'] }),
    exemptionRule('elderly_poor', 'presumed', { categories: ['elderly', 'no_fixed_income'] }),
    exemptionRule('relief', 'presumed', { categories: ['judicial_relief'] }),
  ],
};

function input(over: Partial<AssessmentInput> = {}): AssessmentInput {
  return {
    applicationDate: d('2025-03-01'),
    matter: 'wages',
    categories: [],
    household: { members: 2, monthlyIncomeFen: 400_000 },
    facts: {},
    ...over,
  };
}

const SHIPPED = (jurisdictions: string[]): RuleBook => ({
  jurisdictions,
  matters: MATTERS,
  thresholds: THRESHOLDS,
  exemptions: EXEMPTIONS,
});

describe('inForce and effectiveByKey (rules.ts)', () => {
  const key = () => 'k';

  it('a row is in force from its first to its last day, inclusive; null means open-ended', () => {
    const row = rowOf('r', NATIONAL, '2023-09-01', '2025-08-31');
    expect(inForce(row, d('2023-08-31'))).toBe(false);
    expect(inForce(row, d('2023-09-01'))).toBe(true);
    expect(inForce(row, d('2025-08-31'))).toBe(true);
    expect(inForce(row, d('2025-09-01'))).toBe(false);
    expect(inForce(rowOf('open', NATIONAL, '2025-09-01'), d('2099-12-31'))).toBe(true);
  });

  it('the more local jurisdiction wins, even over a later national row', () => {
    const rows = [rowOf('cn-new', NATIONAL, '2024-01-01'), rowOf('bj-old', BEIJING, '2020-01-01')];
    expect(effectiveByKey(rows, [NATIONAL, BEIJING], d('2025-01-01'), key).get('k')?.id).toBe('bj-old');
    expect(effectiveByKey([...rows].reverse(), [NATIONAL, BEIJING], d('2025-01-01'), key).get('k')?.id).toBe(
      'bj-old',
    );
  });

  it('falls back to the national row where the local one is not in force', () => {
    const rows = [rowOf('cn', NATIONAL, '2022-01-01'), rowOf('bj', BEIJING, '2024-01-01')];
    expect(effectiveByKey(rows, [NATIONAL, BEIJING], d('2023-06-01'), key).get('k')?.id).toBe('cn');
  });

  it('within one jurisdiction, the later effectiveFrom wins among overlapping rows', () => {
    const rows = [rowOf('v2', BEIJING, '2025-09-01'), rowOf('v1', BEIJING, '2023-09-01')];
    expect(effectiveByKey(rows, [NATIONAL, BEIJING], d('2025-10-01'), key).get('k')?.id).toBe('v2');
    expect(effectiveByKey([...rows].reverse(), [NATIONAL, BEIJING], d('2025-10-01'), key).get('k')?.id).toBe(
      'v2',
    );
    expect(effectiveByKey(rows, [NATIONAL, BEIJING], d('2025-08-31'), key).get('k')?.id).toBe('v1');
  });

  it('ignores rows outside their span and rows of a jurisdiction not in the chain', () => {
    const rows = [
      rowOf('expired', BEIJING, '2019-07-01', '2021-07-31'),
      rowOf('future', BEIJING, '2030-01-01'),
      rowOf('tianjin', '120000', '2020-01-01'),
    ];
    expect(effectiveByKey(rows, [NATIONAL, BEIJING], d('2025-01-01'), key).size).toBe(0);
    expect(effectiveByKey(rows, [NATIONAL, '120000'], d('2025-01-01'), key).get('k')?.id).toBe('tianjin');
    expect(effectiveByKey(rows, [], d('2020-01-01'), key).size).toBe(0);
  });

  it('keeps one row per key', () => {
    const rows = [
      { ...rowOf('a1', NATIONAL, '2022-01-01'), code: 'a' },
      { ...rowOf('b1', NATIONAL, '2022-01-01'), code: 'b' },
      { ...rowOf('a2', BEIJING, '2022-01-01'), code: 'a' },
    ];
    const chosen = effectiveByKey(rows, [NATIONAL, BEIJING], d('2023-01-01'), (r) => r.code);
    expect([...chosen.entries()].map(([k, r]) => [k, r.id]).sort()).toEqual([
      ['a', 'a2'],
      ['b', 'b1'],
    ]);
  });

  it('does not depend on the order of the rows when no two candidates tie', () => {
    const jurisdictions = [NATIONAL, BEIJING, '110105'];
    const rowArb = fc.record({
      j: fc.constantFrom(...jurisdictions, '120000'),
      from: fc.integer({ min: 0, max: 3000 }),
      span: fc.option(fc.integer({ min: 0, max: 3000 }), { nil: null }),
      key: fc.constantFrom('a', 'b', 'c'),
    });
    const base = d('2018-01-01');
    const plus = (n: number) =>
      new Date(Date.parse(`${base}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
    fc.assert(
      fc.property(
        fc.uniqueArray(rowArb, { selector: (r) => `${r.j}|${r.from}|${r.key}`, maxLength: 12 }),
        fc.integer({ min: 0, max: 6000 }),
        fc.integer(),
        (specs, on, seed) => {
          const rows = specs.map((s, i) => ({
            ...rowOf(`r${i}`, s.j, plus(s.from), s.span === null ? null : plus(s.from + s.span)),
            key: s.key,
          }));
          const shuffled = [...rows].sort(
            (x, y) =>
              ((Number(x.id.slice(1)) * 7919 + seed) % 97) - ((Number(y.id.slice(1)) * 7919 + seed) % 97),
          );
          const date = d(plus(on));
          const pick = (rs: typeof rows) =>
            Object.fromEntries(
              [...effectiveByKey(rs, jurisdictions, date, (r) => r.key)].map(([k, r]) => [k, r.id]),
            );
          const chosen = pick(rows);
          expect(pick(shuffled)).toEqual(chosen);
          for (const [k, id] of Object.entries(chosen)) {
            const row = rows.find((r) => r.id === id)!;
            expect(row.key).toBe(k);
            expect(inForce(row, date)).toBe(true);
            // No row of a more local jurisdiction, or later in the same one, was passed over.
            for (const other of rows.filter(
              (r) => r.key === k && inForce(r, date) && r.jurisdiction !== '120000',
            )) {
              const rank = (r: RuleRow) => jurisdictions.indexOf(r.jurisdiction);
              expect(
                rank(other) < rank(row) ||
                  (rank(other) === rank(row) && other.effectiveFrom <= row.effectiveFrom),
              ).toBe(true);
            }
          }
        },
      ),
    );
  });
});

describe('fingerprint', () => {
  it('is a short stable name: the same ids give the same version', () => {
    expect(fingerprint(['a', 'b'])).toBe(fingerprint(['a', 'b']));
    expect(fingerprint(['a', 'b'])).toMatch(/^rv-[0-9a-f]{8}$/);
    expect(fingerprint([])).toBe('rv-811c9dc5');
  });

  it('distinguishes different rows and versions', () => {
    expect(fingerprint(['bj.threshold.2023-09-01'])).not.toBe(fingerprint(['bj.threshold.2025-09-01']));
    expect(fingerprint(['a', 'b'])).not.toBe(fingerprint(['ab']));
  });

  it('is order-sensitive itself; the assessment sorts the ids first, so its version is order-independent', () => {
    expect(fingerprint(['a', 'b'])).not.toBe(fingerprint(['b', 'a']));
    const one = assessEligibility(
      input({
        applicationDate: d('2025-09-02'),
        matter: 'maintenance',
        categories: ['social_assistance', 'military_benefit'],
      }),
      SHIPPED([NATIONAL, BEIJING]),
    );
    const reversed = assessEligibility(
      input({
        applicationDate: d('2025-09-02'),
        matter: 'maintenance',
        categories: ['military_benefit', 'social_assistance'],
      }),
      {
        ...SHIPPED([NATIONAL, BEIJING]),
        matters: [...MATTERS].reverse(),
        exemptions: [...EXEMPTIONS].reverse(),
        thresholds: [...THRESHOLDS].reverse(),
      },
    );
    expect(one.rulesApplied).toEqual([...one.rulesApplied].sort());
    expect(reversed.rulesApplied).toEqual(one.rulesApplied);
    expect(reversed.ruleVersion).toBe(one.ruleVersion);
    expect(one.ruleVersion).toBe(fingerprint(one.rulesApplied));
  });
});

describe('assessEligibility: scope', () => {
  it('answers a matter outside the catalogue with a reason, not an error, and no hardship counterfactual', () => {
    const a = assessEligibility(input({ matter: 'divorce' }), BOOK);
    expect(a.eligible).toBe(false);
    expect(a.scope).toEqual({ inScope: false, matter: 'divorce', citations: ['LAL art.31'] });
    expect(a.reasons[0]).toEqual({
      code: 'MATTER_OUT_OF_CATALOGUE',
      citation: 'LAL art.31',
      params: { matter: 'divorce' },
    });
    expect(a.hardship.status).toBe('met');
    expect(a.whatWouldChange).toEqual([]);
    expect(a.rulesApplied).toEqual(['t.2025-01-01']);
  });

  it('a matter that needs a fact is out of scope without it, and says which fact would change that', () => {
    const a = assessEligibility(
      input({ matter: 'retrial', household: { members: 1, monthlyIncomeFen: 900_000 } }),
      BOOK,
    );
    expect(a.eligible).toBe(false);
    expect(a.scope).toEqual({ inScope: false, matter: 'retrial', citations: ['LAL art.33'] });
    expect(a.reasons.map((r) => r.code)).toEqual(['MATTER_NEEDS_FACT', 'HARDSHIP_NOT_MET']);
    expect(a.reasons[0]?.params).toEqual({ matter: 'retrial', fact: 'retrialOrdered' });
    // The income counterfactual is dropped: it alone would not make the applicant eligible.
    expect(a.whatWouldChange).toEqual([{ code: 'ELIGIBLE_IF_FACT', params: { fact: 'retrialOrdered' } }]);
  });

  it('a fact given as false counts as missing', () => {
    const a = assessEligibility(input({ matter: 'retrial', facts: { retrialOrdered: false } }), BOOK);
    expect(a.scope.inScope).toBe(false);
  });

  it('with the fact, the matter is in scope', () => {
    const a = assessEligibility(input({ matter: 'retrial', facts: { retrialOrdered: true } }), BOOK);
    expect(a.eligible).toBe(true);
    expect(a.reasons.map((r) => r.code)).toEqual(['MATTER_IN_SCOPE', 'HARDSHIP_MET']);
    expect(a.rulesApplied).toEqual(['m.retrial', 't.2025-01-01']);
  });

  it('a Beijing row replaces the national row of the same code (appeal: OPN (三) vs LAL art.33)', () => {
    const base = input({
      applicationDate: d('2025-09-02'),
      matter: 'appeal',
      categories: ['social_assistance'],
    });
    const national = assessEligibility(base, SHIPPED([NATIONAL]));
    const beijing = assessEligibility(base, SHIPPED([NATIONAL, BEIJING]));
    expect(national.scope.inScope).toBe(false);
    expect(national.rulesApplied).toContain('cn.matter.appeal.v1');
    expect(beijing.scope.inScope).toBe(true);
    expect(beijing.rulesApplied).toContain('bj.matter.appeal.v1');
    expect(beijing.ruleVersion).not.toBe(national.ruleVersion);
  });
});

describe('assessEligibility: hardship', () => {
  it('not_tested: a matter outside the hardship test is eligible without household data (LAL art.25)', () => {
    const a = assessEligibility(input({ matter: 'notified_defence', household: undefined }), BOOK);
    expect(a.eligible).toBe(true);
    expect(a.hardship).toEqual({
      status: 'not_tested',
      perCapitaMonthlyIncomeFen: null,
      thresholdFen: null,
      citations: [],
    });
    expect(a.reasons).toEqual([
      { code: 'MATTER_IN_SCOPE', citation: 'LAL art.25', params: { matter: 'notified_defence' } },
      { code: 'HARDSHIP_NOT_TESTED', citation: 'LAL art.25' },
    ]);
    expect(a.whatWouldChange).toEqual([]);
    expect(a.rulesApplied).toEqual(['m.notified_defence']);
  });

  it('not_tested still reports the income it was given, and exemptions are not looked at', () => {
    const a = assessEligibility(
      input({
        matter: 'notified_defence',
        categories: ['judicial_relief'],
        household: { members: 3, monthlyIncomeFen: 1_000_000 },
      }),
      BOOK,
    );
    expect(a.hardship.status).toBe('not_tested');
    expect(a.hardship.perCapitaMonthlyIncomeFen).toBe(333_334);
    expect(a.reasons.map((r) => r.code)).not.toContain('HARDSHIP_PRESUMED');
  });

  it('not_tested does not cure a missing fact', () => {
    const a = assessEligibility(input({ matter: 'notified_retrial' }), BOOK);
    expect(a.eligible).toBe(false);
    expect(a.hardship.status).toBe('not_tested');
  });

  it('exempt (no condition) outranks presumed; only the winning kind is reported', () => {
    const a = assessEligibility(
      input({
        categories: ['elderly', 'no_fixed_income', 'judicial_relief'],
        facts: { domesticViolenceVictim: true },
      }),
      BOOK,
    );
    expect(a.hardship).toEqual({
      status: 'exempt',
      perCapitaMonthlyIncomeFen: 200_000,
      thresholdFen: null,
      citations: ['e.victim'],
    });
    expect(a.reasons.map((r) => r.code)).toEqual(['MATTER_IN_SCOPE', 'HARDSHIP_EXEMPT']);
    expect(a.reasons[1]?.params).toEqual({ ground: 'victim' });
    expect(a.rulesApplied).toEqual(['e.victim', 'm.wages']);
  });

  it('exempt outranks presumed whatever the order of the rows', () => {
    const book: RuleBook = { ...BOOK, exemptions: [...BOOK.exemptions].reverse() };
    const a = assessEligibility(
      input({
        categories: ['elderly', 'no_fixed_income', 'judicial_relief'],
        facts: { domesticViolenceVictim: true },
      }),
      book,
    );
    expect(a.hardship.status).toBe('exempt');
    expect(a.reasons.map((r) => r.code)).toEqual(['MATTER_IN_SCOPE', 'HARDSHIP_EXEMPT']);
  });

  it('presumed lists every ground that applies, citations without duplicates', () => {
    const book: RuleBook = {
      ...BOOK,
      exemptions: [
        ...BOOK.exemptions,
        exemptionRule('relief_again', 'presumed', { categories: ['judicial_relief'], citation: 'e.relief' }),
      ],
    };
    const a = assessEligibility(
      input({ categories: ['elderly', 'no_fixed_income', 'judicial_relief'] }),
      book,
    );
    expect(a.hardship.status).toBe('presumed');
    expect(a.reasons.filter((r) => r.code === 'HARDSHIP_PRESUMED').map((r) => r.params?.ground)).toEqual([
      'elderly_poor',
      'relief',
      'relief_again',
    ]);
    expect(a.hardship.citations).toEqual(['e.elderly_poor', 'e.relief']);
    expect(a.whatWouldChange).toEqual([]);
  });

  it('an exemption needs all its categories, all its facts, and one of its matters', () => {
    expect(assessEligibility(input({ categories: ['elderly'] }), BOOK).hardship.status).toBe('met');
    expect(assessEligibility(input({ facts: { domesticViolenceVictim: false } }), BOOK).hardship.status).toBe(
      'met',
    );
    expect(
      assessEligibility(
        input({ matter: 'retrial', facts: { domesticViolenceVictim: true, retrialOrdered: true } }),
        BOOK,
      ).hardship.status,
    ).toBe('met');
    // An exemption with no matters applies to any matter, even one outside the catalogue.
    expect(
      assessEligibility(input({ matter: 'divorce', categories: ['judicial_relief'] }), BOOK).hardship.status,
    ).toBe('presumed');
  });

  it('no threshold in force: unknown, NO_THRESHOLD, not eligible', () => {
    const a = assessEligibility(input({ applicationDate: d('2021-06-01') }), BOOK);
    expect(a.eligible).toBe(false);
    expect(a.hardship).toEqual({
      status: 'unknown',
      perCapitaMonthlyIncomeFen: 200_000,
      thresholdFen: null,
      citations: ['LAL art.34'],
    });
    expect(a.reasons.at(-1)).toEqual({
      code: 'NO_THRESHOLD',
      citation: 'LAL art.34',
      params: { date: '2021-06-01' },
    });
    expect(a.whatWouldChange).toEqual([]);
  });

  it('no household given: unknown, HARDSHIP_UNKNOWN with the line that would apply', () => {
    const a = assessEligibility(input({ household: undefined }), BOOK);
    expect(a.eligible).toBe(false);
    expect(a.hardship).toEqual({
      status: 'unknown',
      perCapitaMonthlyIncomeFen: null,
      thresholdFen: 250_000,
      citations: ['LAL art.34', 't.2025-01-01'],
    });
    expect(a.reasons.at(-1)).toEqual({
      code: 'HARDSHIP_UNKNOWN',
      citation: 'LAL art.41',
      params: { thresholdFen: 250_000 },
    });
    expect(a.rulesApplied).toEqual(['m.wages', 't.2025-01-01']);
  });

  it('met and not met carry the per-capita income, the line and the counterfactual for the household', () => {
    const met = assessEligibility(input({ household: { members: 3, monthlyIncomeFen: 750_000 } }), BOOK);
    expect(met.hardship).toMatchObject({
      status: 'met',
      perCapitaMonthlyIncomeFen: 250_000,
      thresholdFen: 250_000,
    });
    expect(met.reasons.at(-1)).toEqual({
      code: 'HARDSHIP_MET',
      citation: 't.2025-01-01',
      params: { perCapitaFen: 250_000, thresholdFen: 250_000 },
    });
    expect(met.whatWouldChange).toEqual([
      { code: 'INELIGIBLE_IF_INCOME_ABOVE', params: { perCapitaFen: 250_000, householdFen: 750_000 } },
    ]);
    const notMet = assessEligibility(input({ household: { members: 3, monthlyIncomeFen: 750_001 } }), BOOK);
    expect(notMet.eligible).toBe(false);
    expect(notMet.hardship.perCapitaMonthlyIncomeFen).toBe(250_001);
    expect(notMet.whatWouldChange).toEqual([
      { code: 'ELIGIBLE_IF_INCOME_AT_MOST', params: { perCapitaFen: 250_000, householdFen: 750_000 } },
    ]);
  });

  it('the threshold follows the application date', () => {
    const before = assessEligibility(input({ applicationDate: d('2024-12-31') }), BOOK);
    const after = assessEligibility(input({ applicationDate: d('2025-01-01') }), BOOK);
    expect(before.hardship.thresholdFen).toBe(200_000);
    expect(after.hardship.thresholdFen).toBe(250_000);
    expect(before.ruleVersion).not.toBe(after.ruleVersion);
  });

  it('income at or below line × members meets the test; one fen more does not (any household size)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 0, max: 5_000_000 }),
        (members, income) => {
          const a = assessEligibility(input({ household: { members, monthlyIncomeFen: income } }), BOOK);
          const atOrBelow = income <= 250_000 * members;
          expect(a.eligible).toBe(atOrBelow);
          expect(a.hardship.status).toBe(atOrBelow ? 'met' : 'not_met');
          // The per-capita figure shown never contradicts the decision.
          expect((a.hardship.perCapitaMonthlyIncomeFen ?? 0) <= 250_000).toBe(atOrBelow);
          expect(a.reasons).toHaveLength(2);
        },
      ),
    );
  });

  it('less income never turns an eligible applicant ineligible (shipped Beijing rules)', () => {
    const matters = MATTERS.map((m) => m.code);
    fc.assert(
      fc.property(
        fc.constantFrom(...matters),
        fc.subarray([...APPLICANT_CATEGORIES]),
        fc.integer({ min: 1, max: 6 }),
        fc.integer({ min: 0, max: 3_000_000 }),
        fc.integer({ min: 0, max: 3_000_000 }),
        fc.constantFrom('2019-07-01', '2021-08-01', '2023-09-01', '2025-09-01', '2026-03-01'),
        (matter, categories, members, x, y, date) => {
          const [low, high] = x <= y ? [x, y] : [y, x];
          const at = (income: number) =>
            assessEligibility(
              {
                applicationDate: d(date),
                matter,
                categories,
                household: { members, monthlyIncomeFen: income },
                facts: {},
              },
              SHIPPED([NATIONAL, BEIJING]),
            ).eligible;
          if (at(high)) expect(at(low)).toBe(true);
        },
      ),
    );
  });
});

// Every reason and counterfactual code, with the parameters the engine gives it.
const REASON_SAMPLES = {
  MATTER_IN_SCOPE: { code: 'MATTER_IN_SCOPE', citation: 'LAL art.31(4)', params: { matter: 'maintenance' } },
  MATTER_OUT_OF_CATALOGUE: {
    code: 'MATTER_OUT_OF_CATALOGUE',
    citation: 'LAL art.31',
    params: { matter: 'divorce' },
  },
  MATTER_NEEDS_FACT: {
    code: 'MATTER_NEEDS_FACT',
    citation: 'LAL art.33',
    params: { matter: 'appeal', fact: 'retrialOrdered' },
  },
  HARDSHIP_NOT_TESTED: { code: 'HARDSHIP_NOT_TESTED', citation: 'LAL art.25' },
  HARDSHIP_EXEMPT: {
    code: 'HARDSHIP_EXEMPT',
    citation: 'LAL art.32(2)',
    params: { ground: 'good_samaritan' },
  },
  HARDSHIP_PRESUMED: {
    code: 'HARDSHIP_PRESUMED',
    citation: 'LAL art.42(2)',
    params: { ground: 'social_assistance' },
  },
  HARDSHIP_MET: {
    code: 'HARDSHIP_MET',
    citation: 'x',
    params: { perCapitaFen: 254_000, thresholdFen: 254_000 },
  },
  HARDSHIP_NOT_MET: {
    code: 'HARDSHIP_NOT_MET',
    citation: 'x',
    params: { perCapitaFen: 300_050, thresholdFen: 254_000 },
  },
  HARDSHIP_UNKNOWN: { code: 'HARDSHIP_UNKNOWN', citation: 'LAL art.41', params: { thresholdFen: 254_000 } },
  NO_THRESHOLD: { code: 'NO_THRESHOLD', citation: 'LAL art.34', params: { date: '2019-06-30' } },
} satisfies Record<ReasonCode, Reason>;

const COUNTERFACTUAL_SAMPLES = {
  ELIGIBLE_IF_INCOME_AT_MOST: {
    code: 'ELIGIBLE_IF_INCOME_AT_MOST',
    params: { perCapitaFen: 254_000, householdFen: 762_000 },
  },
  INELIGIBLE_IF_INCOME_ABOVE: {
    code: 'INELIGIBLE_IF_INCOME_ABOVE',
    params: { perCapitaFen: 254_000, householdFen: 762_000 },
  },
  ELIGIBLE_IF_FACT: { code: 'ELIGIBLE_IF_FACT', params: { fact: 'retrialOrdered' } },
} satisfies Record<Counterfactual['code'], Counterfactual>;

describe('explain.ts', () => {
  it('formats yuan from fen: grouping, and decimals only when there are fen', () => {
    expect(yuan(254_000, 'zh-CN')).toBe('2,540 元');
    expect(yuan(254_000, 'en-US')).toBe('¥2,540');
    expect(yuan(254_001, 'zh-CN')).toBe('2,540.01 元');
    expect(yuan(1_270_001, 'en-US')).toBe('¥12,700.01');
    expect(yuan(5, 'en-US')).toBe('¥0.05');
    expect(yuan(50, 'zh-CN')).toBe('0.50 元');
    expect(yuan(0, 'zh-CN')).toBe('0 元');
    expect(yuan(100_000_000, 'en-US')).toBe('¥1,000,000');
  });

  it.each(Object.values(REASON_SAMPLES))('explains $code in Chinese and English', (reason: Reason) => {
    const zh = explainReason(reason, 'zh-CN');
    const en = explainReason(reason, 'en-US');
    expect(zh.length).toBeGreaterThan(4);
    expect(en.length).toBeGreaterThan(4);
    expect(zh).not.toBe(en);
    expect(zh).toMatch(/[\u4e00-\u9fff]/);
    expect(en).not.toMatch(/[\u4e00-\u9fff]/);
  });

  it.each(Object.values(COUNTERFACTUAL_SAMPLES))(
    'explains counterfactual $code in Chinese and English',
    (change: Counterfactual) => {
      const zh = explainCounterfactual(change, 'zh-CN');
      const en = explainCounterfactual(change, 'en-US');
      expect(zh).toMatch(/[\u4e00-\u9fff]/);
      expect(en).not.toMatch(/[\u4e00-\u9fff]/);
    },
  );

  it('puts the amounts into the hardship texts', () => {
    expect(explainReason(REASON_SAMPLES.HARDSHIP_MET, 'zh-CN')).toBe(
      '家庭人均月收入 2,540 元，不高于经济困难标准 2,540 元，符合经济困难条件。',
    );
    expect(explainReason(REASON_SAMPLES.HARDSHIP_NOT_MET, 'en-US')).toBe(
      'Household income per member is ¥3,000.50 a month, above the line of ¥2,540: economic hardship is not met.',
    );
    expect(explainReason(REASON_SAMPLES.HARDSHIP_UNKNOWN, 'zh-CN')).toContain('人均 2,540 元');
    expect(explainReason(REASON_SAMPLES.NO_THRESHOLD, 'en-US')).toBe(
      'No economic-hardship line is in force on 2019-06-30.',
    );
    expect(explainCounterfactual(COUNTERFACTUAL_SAMPLES.ELIGIBLE_IF_INCOME_AT_MOST, 'en-US')).toBe(
      'Eligible if household income per member were at most ¥2,540 (household total at most ¥7,620).',
    );
    expect(explainCounterfactual(COUNTERFACTUAL_SAMPLES.ELIGIBLE_IF_INCOME_AT_MOST, 'zh-CN')).toBe(
      '如果家庭人均月收入不高于 2,540 元（家庭月收入合计不高于 7,620 元），即符合经济困难条件。',
    );
    expect(explainCounterfactual(COUNTERFACTUAL_SAMPLES.INELIGIBLE_IF_INCOME_ABOVE, 'zh-CN')).toContain(
      '2,540 元',
    );
  });

  it('names every fact row in both languages, and falls back to the code for an unknown one', () => {
    for (const row of FACT_ROWS)
      for (const locale of LOCALES) {
        const params = { matter: 'm', fact: row.code, factZh: row.nameZh, factEn: row.nameEn };
        const text = explainReason({ code: 'MATTER_NEEDS_FACT', citation: 'x', params }, locale);
        expect(text).not.toContain(row.code);
        expect(text).toContain(locale === 'en-US' ? row.nameEn : row.nameZh);
        expect(explainCounterfactual({ code: 'ELIGIBLE_IF_FACT', params }, locale)).not.toContain(row.code);
      }
    expect(
      explainReason({ code: 'MATTER_NEEDS_FACT', citation: 'x', params: { fact: 'mystery' } }, 'en-US'),
    ).toContain('mystery');
    expect(
      explainCounterfactual({ code: 'ELIGIBLE_IF_FACT', params: { fact: 'mystery' } }, 'zh-CN'),
    ).toContain('mystery');
    expect(explainReason({ code: 'MATTER_IN_SCOPE', citation: 'x' }, 'zh-CN')).toBe(
      '申请事项属于法律援助范围。',
    );
  });

  it('names every applicant category in both languages', () => {
    expect(Object.keys(CATEGORY_NAMES).sort()).toEqual([...APPLICANT_CATEGORIES].sort());
    for (const [zh, en] of Object.values(CATEGORY_NAMES)) {
      expect(zh).toMatch(/[\u4e00-\u9fff]/);
      expect(en).toMatch(/^[a-z]/);
    }
  });

  it('explains every reason and counterfactual the shipped rules produce', () => {
    const dates = ['2019-06-30', '2021-08-01', '2025-09-02'];
    for (const matter of [...new Set(MATTERS.map((m) => m.code)), 'divorce'])
      for (const date of dates)
        for (const household of [
          undefined,
          { members: 2, monthlyIncomeFen: 300_000 },
          { members: 1, monthlyIncomeFen: 900_000 },
        ]) {
          const a = assessEligibility(
            { applicationDate: d(date), matter, categories: ['migrant_worker'], household, facts: {} },
            SHIPPED([NATIONAL, BEIJING]),
          );
          for (const r of a.reasons)
            for (const l of LOCALES) expect(explainReason(r, l)).not.toMatch(/undefined|NaN/);
          for (const c of a.whatWouldChange)
            for (const l of LOCALES) expect(explainCounterfactual(c, l)).not.toMatch(/undefined|NaN/);
        }
  });
});

describe('the shipped rule rows', () => {
  const ALL: RuleRow[] = [...MATTERS, ...EXEMPTIONS, ...THRESHOLDS];

  it('have unique ids, known jurisdictions, citations and well-formed spans', () => {
    const ids = ALL.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const r of ALL) {
      expect([NATIONAL, BEIJING]).toContain(r.jurisdiction);
      expect(r.citation.length).toBeGreaterThan(0);
      if (r.effectiveTo !== null) expect(r.effectiveFrom <= r.effectiveTo, r.id).toBe(true);
    }
  });

  it('never have two versions of one key in force on the same day in one jurisdiction', () => {
    const groups = new Map<string, RuleRow[]>();
    const add = (key: string, r: RuleRow) => groups.set(key, [...(groups.get(key) ?? []), r]);
    for (const m of MATTERS) add(`matter|${m.jurisdiction}|${m.code}`, m);
    for (const e of EXEMPTIONS) add(`exemption|${e.jurisdiction}|${e.code}`, e);
    for (const t of THRESHOLDS) add(`threshold|${t.jurisdiction}`, t);
    for (const [key, rows] of groups) {
      const sorted = [...rows].sort((a, b) => (a.effectiveFrom < b.effectiveFrom ? -1 : 1));
      for (let i = 1; i < sorted.length; i++) {
        const previous = sorted[i - 1]!;
        expect(previous.effectiveTo !== null && previous.effectiveTo < sorted[i]!.effectiveFrom, key).toBe(
          true,
        );
      }
    }
  });

  it('the Beijing line runs without gaps from 2019-07-01: 2200, 2320, 2420, 2540 yuan', () => {
    const sorted = [...THRESHOLDS].sort((a, b) => (a.effectiveFrom < b.effectiveFrom ? -1 : 1));
    expect(sorted.map((t) => [t.effectiveFrom, t.monthlyIncomePerMemberFen])).toEqual([
      ['2019-07-01', 220_000],
      ['2021-08-01', 232_000],
      ['2023-09-01', 242_000],
      ['2025-09-01', 254_000],
    ]);
    for (let i = 1; i < sorted.length; i++) {
      const end = sorted[i - 1]!.effectiveTo as LocalDate;
      const next = new Date(Date.parse(`${end}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
      expect(next).toBe(sorted[i]!.effectiveFrom);
    }
    expect(sorted.at(-1)!.effectiveTo).toBeNull();
  });

  it('exemptions name only known categories and facts, and matters that are in the catalogue', () => {
    const codes = new Set(MATTERS.map((m) => m.code));
    for (const e of EXEMPTIONS) {
      for (const c of e.categories) expect(APPLICANT_CATEGORIES).toContain(c);
      for (const f of e.facts) expect(FACT_CODES).toContain(f);
      for (const m of e.matters) expect(codes.has(m), `${e.id} → ${m}`).toBe(true);
    }
    for (const m of MATTERS) for (const f of m.requiresFacts) expect(FACT_CODES).toContain(f);
  });

  it('cover every matter code of the public API', () => {
    const codes = new Set(MATTERS.map((m) => m.code));
    for (const code of [
      'state_compensation',
      'social_insurance',
      'social_assistance',
      'survivor_pension',
      'maintenance',
      'labour_remuneration',
      'incapacity_declaration',
      'personal_injury_work',
      'personal_injury_traffic',
      'personal_injury_food_drug',
      'personal_injury_medical',
      'personal_injury_product',
      'personal_injury_other',
      'environmental_damage',
      'domestic_violence_protection',
      'appeal',
      'notarization',
      'hero_martyr_rights',
      'good_samaritan',
      'state_compensation_after_acquittal',
      'criminal_defense',
      'criminal_victim',
    ])
      expect(codes.has(code), code).toBe(true);
  });
});
