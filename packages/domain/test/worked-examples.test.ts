import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import {
  assessEligibility,
  beijingDateOf,
  buildCalendar,
  CALENDAR_CN,
  CALENDAR_YEARS,
  dueDate,
  earliestDue,
  effectiveByKey,
  EXEMPTIONS,
  LIST_ITEMS,
  MATTERS,
  objectionInTime,
  objectionWindow,
  PERIODS,
  periodsFor,
  STATUTORY_HOLIDAYS,
  PERIODS_FROM_DELIVERY,
  THRESHOLDS,
  transition,
  type ApplicantCategory,
  type CaseEvent,
  type CaseState,
  type LifecycleActor,
  type LifecycleFacts,
  type DocumentKind,
  type Fact,
  type LocalDate,
  type PeriodUnit,
  type RuleBook,
  calculateSubsidy,
  subsidyRateKey,
  SUBSIDY_RATES,
  type SubsidyCaseFacts,
  type SubsidyRateData,
  type SubsidyRateRule,
} from '../src/index.ts';

/**
 * Legal worked examples, written as data a jurist can read (test/cases/*.yaml), run against the
 * rule rows Fayuan ships. Each file is a list of cases of kind `eligibility`, `deadline`,
 * `lifecycle` (one transition and the clocks it starts, pauses or stops), `handler_role` or
 * `objection_window`.
 */
interface EligibilityCase {
  name: string;
  kind: 'eligibility';
  jurisdiction?: string;
  input: {
    applicationDate: string;
    matter: string;
    categories?: ApplicantCategory[];
    household?: { members: number; monthlyIncomeFen: number };
    facts?: Partial<Record<Fact, boolean>>;
  };
  expect: {
    eligible: boolean;
    inScope?: boolean;
    hardship?: string;
    thresholdFen?: number | null;
    perCapitaMonthlyIncomeFen?: number | null;
    reasons?: string[];
    citations?: string[];
    whatWouldChange?: string[];
  };
}

interface DeadlineCase {
  name: string;
  kind: 'deadline';
  jurisdiction?: string;
  start: string;
  period: string | { amount: number; unit: PeriodUnit };
  pauses?: { from: string; to: string }[];
  /** Every period that binds the step (`runsWith`), the earliest due governing (ADR 0013). */
  governing?: boolean;
  expect: {
    dueDate: string;
    dueAt?: string;
    extendedOver?: string[];
    /** The date relies on the statutory baseline of a year without a notice (default false). */
    provisional?: boolean;
    provisionalYears?: number[];
    citations?: string[];
  };
}

/** One lifecycle step: from a state, an event by a role with the facts the caller knows. */
interface LifecycleCase {
  name: string;
  kind: 'lifecycle';
  from: CaseState | null;
  event: CaseEvent;
  actor: LifecycleActor;
  facts?: LifecycleFacts;
  expect: {
    to: CaseState;
    /** Clock effects, each as `start agreement_signing`, `pause review_decision`…, in order. */
    clocks?: string[];
    citation?: string;
    citationExcludes?: string[];
  };
}

/** The handler's standing a document prints for a matter (list `handler_role`), on a date. */
interface HandlerRoleCase {
  name: string;
  kind: 'handler_role';
  matter: string;
  date: string;
  expect: { roleZh: string; roleEn: string; citation?: string };
}

/** When an objection to a decision may be filed, from its delivery (LAL art.49; BJR art.24). */
interface ObjectionWindowCase {
  name: string;
  kind: 'objection_window';
  jurisdiction?: string;
  decision: DocumentKind;
  /** The day the decision was delivered; null when no delivery is recorded. */
  deliveredOn: string | null;
  /** The day the objection reached the centre or bureau. */
  filedOn: string;
  expect: { status: string; dueDate?: string; inTime: boolean };
}

/**
 * A case's subsidy under the shipped standard (subsidies/calculate.ts) on a date, with the rows a
 * centre set (`centreSets`: Beijing versions from that date); every line is checked.
 */
interface SubsidyCase {
  name: string;
  kind: 'subsidy';
  jurisdiction?: string;
  date: string;
  centreSets?: (SubsidyRateData & { from: string })[];
  facts: Partial<Omit<SubsidyCaseFacts, 'declared'>> & {
    caseType: string;
    declared?: Partial<SubsidyCaseFacts['declared']>;
  };
  expect: {
    items: { code: string; amountFen: number | null; explains?: string }[];
    computedFen: number;
    complete: boolean;
    citations?: string[];
  };
}

type Case =
  EligibilityCase | DeadlineCase | LifecycleCase | HandlerRoleCase | ObjectionWindowCase | SubsidyCase;

const casesDir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'cases');
const files = readdirSync(casesDir).filter((f) => f.endsWith('.yaml'));
// The announced years (2019–2026) and, for years without a notice, the statutory baseline.
const calendar = buildCalendar(CALENDAR_CN, CALENDAR_YEARS, STATUTORY_HOLIDAYS);

function chain(jurisdiction = '110000'): string[] {
  return jurisdiction === '000000' ? ['000000'] : ['000000', jurisdiction];
}

function ruleBook(jurisdiction?: string): RuleBook {
  return {
    jurisdictions: chain(jurisdiction),
    matters: MATTERS,
    thresholds: THRESHOLDS,
    exemptions: EXEMPTIONS,
    facts: LIST_ITEMS,
  };
}

function runEligibility(c: EligibilityCase) {
  const result = assessEligibility(
    {
      applicationDate: c.input.applicationDate as LocalDate,
      matter: c.input.matter,
      categories: c.input.categories ?? [],
      household: c.input.household,
      facts: c.input.facts ?? {},
    },
    ruleBook(c.jurisdiction),
  );
  expect(result.eligible, 'eligible').toBe(c.expect.eligible);
  if (c.expect.inScope !== undefined) expect(result.scope.inScope, 'inScope').toBe(c.expect.inScope);
  if (c.expect.hardship !== undefined) expect(result.hardship.status, 'hardship').toBe(c.expect.hardship);
  if (c.expect.thresholdFen !== undefined)
    expect(result.hardship.thresholdFen, 'thresholdFen').toBe(c.expect.thresholdFen);
  if (c.expect.perCapitaMonthlyIncomeFen !== undefined)
    expect(result.hardship.perCapitaMonthlyIncomeFen, 'perCapita').toBe(c.expect.perCapitaMonthlyIncomeFen);
  if (c.expect.reasons)
    expect(
      result.reasons.map((r) => r.code),
      'reasons',
    ).toEqual(c.expect.reasons);
  if (c.expect.citations) {
    const all = [
      ...result.scope.citations,
      ...result.hardship.citations,
      ...result.reasons.map((r) => r.citation),
    ].join(' | ');
    for (const citation of c.expect.citations) expect(all, 'citations').toContain(citation);
  }
  if (c.expect.whatWouldChange)
    expect(
      result.whatWouldChange.map((w) => w.code),
      'whatWouldChange',
    ).toEqual(c.expect.whatWouldChange);
}

function runDeadline(c: DeadlineCase) {
  if (c.governing && typeof c.period === 'string') return runGoverningDeadline(c, c.period);
  let period: { amount: number; unit: PeriodUnit };
  if (typeof c.period === 'string') {
    const rule = PERIODS.find((p) => p.kind === c.period && chain(c.jurisdiction).includes(p.jurisdiction));
    if (!rule) throw new Error(`no period rule ${c.period}`);
    period = rule;
  } else period = c.period;
  const due = dueDate(c.start, period, calendar, c.pauses ?? []);
  expect(due.dueDate, 'dueDate').toBe(c.expect.dueDate);
  if (c.expect.dueAt) expect(due.dueAt, 'dueAt').toBe(c.expect.dueAt);
  if (c.expect.extendedOver) expect(due.extendedOver, 'extendedOver').toEqual(c.expect.extendedOver);
  expect(due.missingCalendarYears).toEqual([]);
  expect(due.provisional, 'provisional').toBe(c.expect.provisional ?? false);
  if (c.expect.provisionalYears)
    expect(due.provisionalYears, 'provisionalYears').toEqual(c.expect.provisionalYears);
}

function runGoverningDeadline(c: DeadlineCase, kind: string) {
  const rules = periodsFor(PERIODS, chain(c.jurisdiction), beijingDateOf(c.start), kind);
  const { due, rules: cited } = earliestDue(c.start, rules, calendar, c.pauses ?? []);
  expect(due.dueDate, 'dueDate').toBe(c.expect.dueDate);
  if (c.expect.dueAt) expect(due.dueAt, 'dueAt').toBe(c.expect.dueAt);
  if (c.expect.citations)
    expect(
      cited.map((r) => r.citation),
      'citations',
    ).toEqual(c.expect.citations);
  expect(due.missingCalendarYears).toEqual([]);
}

function runLifecycle(c: LifecycleCase) {
  const result = transition(c.from, c.event, {
    actorRoles: [c.actor],
    at: '2025-03-03T01:00:00.000Z',
    facts: c.facts ?? {},
  });
  if (!result.ok) expect.fail(JSON.stringify(result));
  expect(result.state, 'to').toBe(c.expect.to);
  if (c.expect.clocks)
    expect(
      result.effects.flatMap((e) => ('period' in e ? [`${e.type.replace('_clock', '')} ${e.period}`] : [])),
      'clocks',
    ).toEqual(c.expect.clocks);
  if (c.expect.citation !== undefined) expect(result.citation, 'citation').toBe(c.expect.citation);
  for (const excluded of c.expect.citationExcludes ?? [])
    expect(result.citation, 'citation').not.toContain(excluded);
}

function runHandlerRole(c: HandlerRoleCase) {
  const roles = effectiveByKey(
    LIST_ITEMS.filter((i) => i.list === 'handler_role'),
    chain(),
    c.date as LocalDate,
    (i) => i.code,
  );
  const role = roles.get(c.matter);
  expect(role, `handler_role ${c.matter}`).toBeDefined();
  expect(role?.nameZh, 'roleZh').toBe(c.expect.roleZh);
  expect(role?.nameEn, 'roleEn').toBe(c.expect.roleEn);
  if (c.expect.citation !== undefined) expect(role?.citation, 'citation').toBe(c.expect.citation);
}

function runObjectionWindow(c: ObjectionWindowCase) {
  const kind = Object.entries(PERIODS_FROM_DELIVERY).find(([, doc]) => doc === c.decision)?.[0];
  if (!kind) throw new Error(`no period runs from the delivery of ${c.decision}`);
  const on = (c.deliveredOn ?? c.filedOn) as LocalDate;
  const rule = PERIODS.find(
    (p) =>
      p.kind === kind &&
      chain(c.jurisdiction).includes(p.jurisdiction) &&
      p.effectiveFrom <= on &&
      (p.effectiveTo === null || on <= p.effectiveTo),
  );
  const window = objectionWindow({
    deliveredOn: c.deliveredOn as LocalDate | null,
    rule,
    calendar,
  });
  expect(window.status, 'status').toBe(c.expect.status);
  if (c.expect.dueDate !== undefined)
    expect(window.status === 'running' ? window.dueDate : null, 'dueDate').toBe(c.expect.dueDate);
  expect(objectionInTime(window, c.filedOn as LocalDate), 'inTime').toBe(c.expect.inTime);
}

function runSubsidy(c: SubsidyCase): void {
  const set: SubsidyRateRule[] = (c.centreSets ?? []).map(({ from, ...data }, i) => ({
    ...(data as SubsidyRateData),
    id: `centre.${data.code}.${i}`,
    jurisdiction: c.jurisdiction ?? '110000',
    citation: 'set by the centre',
    effectiveFrom: from as LocalDate,
    effectiveTo: null,
  }));
  const rates = [
    ...effectiveByKey(
      [...SUBSIDY_RATES, ...set],
      chain(c.jurisdiction),
      c.date as LocalDate,
      subsidyRateKey,
    ).values(),
  ];
  const result = calculateSubsidy(rates, {
    criminalStage: null,
    hearingsHeld: 0,
    terminated: false,
    qualityScore: null,
    costs: [],
    ...c.facts,
    declared: { extraStages: 0, extraParties: 0, remoteTravel: false, complex: false, ...c.facts.declared },
  });
  expect(
    result.items.map((i) => ({ code: i.code, amountFen: i.amountFen })),
    'items',
  ).toEqual(c.expect.items.map((i) => ({ code: i.code, amountFen: i.amountFen })));
  for (const [n, want] of c.expect.items.entries())
    if (want.explains)
      expect(result.items[n]?.explanationZh, `explanation of ${want.code}`).toContain(want.explains);
  expect(result.computedFen, 'computedFen').toBe(c.expect.computedFen);
  expect(result.complete, 'complete').toBe(c.expect.complete);
  for (const citation of c.expect.citations ?? [])
    expect(
      result.items.map((i) => i.citation),
      `citation ${citation}`,
    ).toContain(citation);
}

describe.each(files)('worked examples: %s', (file) => {
  const cases = parse(readFileSync(path.join(casesDir, file), 'utf8')) as Case[];
  it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    if (c.kind === 'eligibility') runEligibility(c);
    else if (c.kind === 'lifecycle') runLifecycle(c);
    else if (c.kind === 'handler_role') runHandlerRole(c);
    else if (c.kind === 'objection_window') runObjectionWindow(c);
    else if (c.kind === 'subsidy') runSubsidy(c);
    else runDeadline(c);
  });
});

it('has at least 60 worked examples', () => {
  const count = files.reduce(
    (n, file) => n + (parse(readFileSync(path.join(casesDir, file), 'utf8')) as Case[]).length,
    0,
  );
  expect(count).toBeGreaterThanOrEqual(60);
});
