import { randomUUID } from 'node:crypto';
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import {
  addDays,
  beijingDateOf,
  dueDate,
  earliestDue,
  endOfBeijingDay,
  type LifecycleFacts,
  type LocalDate,
  type PeriodKind,
  periodsFor,
} from '@fayuan/domain';
import type { Queryable, Tx } from '../../db/client.ts';
import { applications, caseClocks, type ClockRow } from '../../db/schema/index.ts';
import { jurisdictionChain, loadCalendar, loadPeriods } from '../rules/rules.repository.ts';
import { AppError } from '../../platform/errors.ts';

/** 民法典 art.201–203 govern how every period is counted; cited beside the period's own rule. */
const COUNTING = '民法典 art.201–203';

interface ClockTarget {
  applicationId: string;
  ownerOrgId: string;
  jurisdiction: string;
}

async function periodRule(
  db: Queryable,
  jurisdiction: string,
  kind: PeriodKind,
  on: LocalDate,
  ruleId?: string,
) {
  const chain = await jurisdictionChain(db, jurisdiction);
  const periods = await loadPeriods(db, chain);
  // issue 11 §10: the rule of the kind and every rule running beside it (BJR art.21 beside LAL
  // art.43). A recomputation (`ruleId`) keeps the rules the clock started with.
  let rules = periodsFor(periods, chain, on, kind);
  if (ruleId !== undefined && !rules.some((r) => r.id === ruleId)) {
    const recorded = periods.find((p) => p.id === ruleId);
    rules = recorded ? [recorded] : [];
  }
  const rule = rules[0];
  // A date before the first rule took effect (a notice dated 1950): the client's date, not our fault.
  if (!rule) throw new AppError('PERIOD_NOT_IN_FORCE', { period: kind, jurisdiction, on });
  return { rule, rules, chain };
}

/**
 * When a statutory period that started at `start` ends, with the pauses so far (with `ruleId`:
 * by that rule row, for a recomputation). `provisionalYears`: years counted on the statutory
 * baseline for want of a State Council notice.
 */
export async function computeDue(
  db: Queryable,
  jurisdiction: string,
  kind: PeriodKind,
  start: Date,
  pauses: { from: string; to: string }[],
  ruleId?: string,
) {
  const startDate = beijingDateOf(start);
  const { rules, chain } = await periodRule(db, jurisdiction, kind, startDate, ruleId);
  const pausedDays = pauses.reduce(
    (n, p) => n + Math.max(0, Date.parse(p.to) - Date.parse(p.from)) / 86_400_000,
    0,
  );
  const longest = Math.max(...rules.map((r) => r.amount * (r.unit === 'working_days' ? 3 : 1)));
  const horizon = addDays(startDate, Math.ceil(longest + pausedDays) + 45);
  const calendar = await loadCalendar(db, chain, startDate, horizon);
  // The earliest due of the rules that apply governs; all are cited (ADR 0013).
  const { due, governing, rules: cited } = earliestDue(start.toISOString(), rules, calendar, pauses);
  return {
    dueAt: new Date(due.dueAt),
    rule: governing,
    citation: cited.map((r) => r.citation).join('; '),
    provisionalYears: due.provisionalYears,
  };
}

/** Starts a statutory period, or a period that ends on a date staff set (`setDate`). */
export async function startClock(
  tx: Tx,
  target: ClockTarget,
  kind: PeriodKind,
  at: Date,
  setDate?: LocalDate,
): Promise<ClockRow> {
  let dueAt: Date;
  let ruleId: string | null = null;
  let citation: string;
  let provisionalYears: number[] = [];
  if (setDate !== undefined) {
    dueAt = new Date(endOfBeijingDay(setDate));
    citation = 'LAL art.43(2)';
  } else {
    const due = await computeDue(tx, target.jurisdiction, kind, at, []);
    dueAt = due.dueAt;
    ruleId = due.rule.id;
    citation = `${due.citation}; ${COUNTING}`;
    provisionalYears = due.provisionalYears;
  }
  const row: ClockRow = {
    id: randomUUID(),
    applicationId: target.applicationId,
    ownerOrgId: target.ownerOrgId,
    period: kind,
    status: 'running',
    startedAt: at,
    dueAt,
    ruleId,
    citation,
    pauses: [],
    pausedAt: null,
    stoppedAt: null,
    remindedAt: null,
    alertedAt: null,
    provisionalYears,
    dueHistory: [],
  };
  await tx.insert(caseClocks).values(row);
  return row;
}

async function openClock(tx: Tx, applicationId: string, kind: PeriodKind) {
  const [row] = await tx
    .select()
    .from(caseClocks)
    .where(
      and(
        eq(caseClocks.applicationId, applicationId),
        eq(caseClocks.period, kind),
        inArray(caseClocks.status, ['running', 'paused']),
      ),
    )
    .for('update');
  return row;
}

export async function pauseClock(tx: Tx, applicationId: string, kind: PeriodKind, at: Date) {
  const clock = await openClock(tx, applicationId, kind);
  if (!clock || clock.status !== 'running') return;
  await tx.update(caseClocks).set({ status: 'paused', pausedAt: at }).where(eq(caseClocks.id, clock.id));
}

/**
 * Ends a pause: the time paused is not counted (a supplement: MOJ procedure rules 2023; a recipient
 * delay of the agreement: MOJ procedure rules 2023 art.27), so the due time moves on.
 */
export async function resumeClock(tx: Tx, target: ClockTarget, kind: PeriodKind, at: Date) {
  const clock = await openClock(tx, target.applicationId, kind);
  if (!clock || clock.status !== 'paused' || !clock.pausedAt) return;
  const pauses = [...clock.pauses, { from: clock.pausedAt.toISOString(), to: at.toISOString() }];
  const due =
    clock.ruleId === null
      ? { dueAt: clock.dueAt, provisionalYears: clock.provisionalYears }
      : await computeDue(tx, target.jurisdiction, kind, clock.startedAt, pauses);
  const { dueAt, provisionalYears } = due;
  await tx
    .update(caseClocks)
    .set({
      status: 'running',
      pausedAt: null,
      pauses,
      dueAt,
      provisionalYears,
      remindedAt: null,
      alertedAt: null,
    })
    .where(eq(caseClocks.id, clock.id));
}

export async function stopClock(tx: Tx, applicationId: string, kind: PeriodKind, at: Date) {
  const clock = await openClock(tx, applicationId, kind);
  if (!clock) return;
  await tx
    .update(caseClocks)
    .set({ status: 'stopped', stoppedAt: at, pausedAt: null })
    .where(eq(caseClocks.id, clock.id));
}

/**
 * The clock a case's header and the worklist show: a running one before a paused one (review
 * pauses while the supplement runs), the centre's own period before the handler's agreement
 * period running beside it, then the earliest due.
 */
export function currentClockOf<C extends Pick<ClockRow, 'status' | 'period' | 'dueAt'>>(
  clocks: readonly C[],
): C | undefined {
  const rank = (c: C) => (c.status === 'running' ? 0 : 2) + (c.period === 'agreement_signing' ? 1 : 0);
  return clocks
    .filter((c) => c.status !== 'stopped')
    .sort((x, y) => rank(x) - rank(y) || x.dueAt.getTime() - y.dueAt.getTime())[0];
}

/** A stopped clock is on time when it stopped by its due time; an open one has no answer yet. */
export function onTimeOf(clock: Pick<ClockRow, 'stoppedAt' | 'dueAt'>): boolean | null {
  return clock.stoppedAt === null ? null : clock.stoppedAt.getTime() <= clock.dueAt.getTime();
}

/** The supplement date a centre gives by default: its number of days, counted like any period. */
export async function defaultSupplementDate(
  db: Queryable,
  jurisdiction: string,
  at: Date,
  days: number,
): Promise<LocalDate> {
  const startDate = beijingDateOf(at);
  const chain = await jurisdictionChain(db, jurisdiction);
  const calendar = await loadCalendar(db, chain, startDate, addDays(startDate, days + 45));
  return dueDate(at.toISOString(), { amount: days, unit: 'calendar_days' }, calendar).dueDate;
}

/** Keeps the application's `nextDueAt` (the worklist order) equal to its nearest running deadline. */
export async function refreshNextDue(tx: Tx, applicationId: string): Promise<void> {
  await tx
    .update(applications)
    .set({
      nextDueAt: sql`(SELECT min(${caseClocks.dueAt}) FROM ${caseClocks} WHERE ${caseClocks.applicationId} = ${applicationId} AND ${caseClocks.status} = 'running')`,
    })
    .where(eq(applications.id, applicationId));
}

/** The time facts the lifecycle's guards need, read off the application's clocks at `now`. */
export function factsOf(clocks: readonly ClockRow[], now: Date): LifecycleFacts {
  const open = (period: PeriodKind) => clocks.find((c) => c.period === period && c.status === 'running');
  // Running, or paused by a recipient delay (MOJ procedure rules 2023 art.27): not yet stopped.
  const unstopped = (period: PeriodKind) => clocks.some((c) => c.period === period && c.status !== 'stopped');
  const filing = open('objection_filing');
  const supplement = open('supplement');
  return {
    objectionWindowOpen: filing !== undefined && now.getTime() <= filing.dueAt.getTime(),
    supplementDueDatePassed: supplement !== undefined && now.getTime() > supplement.dueAt.getTime(),
    agreementPending: unstopped('agreement_signing'),
    closingMaterialsPending: unstopped('closing_materials'),
  };
}

export async function clocksOf(db: Queryable, applicationId: string): Promise<ClockRow[]> {
  return db.select().from(caseClocks).where(eq(caseClocks.applicationId, applicationId));
}

/** The latest clock of a period on an application (a supplement may be asked for more than once). */
export async function latestClock(
  db: Queryable,
  applicationId: string,
  period: PeriodKind,
): Promise<ClockRow | undefined> {
  const [row] = await db
    .select()
    .from(caseClocks)
    .where(and(eq(caseClocks.applicationId, applicationId), eq(caseClocks.period, period)))
    .orderBy(desc(caseClocks.startedAt))
    .limit(1);
  return row;
}
