import { and, asc, desc, eq, gte, inArray, lte, sql } from 'drizzle-orm';
import {
  buildCalendar,
  type CalendarDay,
  type ExemptionRule,
  type HolidayCalendar,
  type ListItemRule,
  type LocalDate,
  type MatterRule,
  type PeriodRule,
  type RuleBook,
  type RuleList,
  type ThresholdRule,
} from '@fayuan/domain';
import type { Queryable } from '../../db/client.ts';
import { memoInTransaction } from '../../db/transaction-memo.ts';
import { calendarDays, jurisdictions, ruleRows } from '../../db/schema/index.ts';
import { toDomainRule, type RuleTableName, type StoredRule } from './rule-tables.ts';

/** The jurisdictions whose rules apply, general first: `110000` → `['000000', '110000']`; empty when unknown. */
export function jurisdictionChain(db: Queryable, code: string): Promise<string[]> {
  return memoInTransaction(db, `jurisdiction-chain:${code}`, () => loadChain(db, code));
}

async function loadChain(db: Queryable, code: string): Promise<string[]> {
  const all = await db.select().from(jurisdictions);
  const byCode = new Map(all.map((j) => [j.code, j]));
  const chain: string[] = [];
  for (
    let current = byCode.get(code);
    current && chain.length < 10;
    current = current.parentCode ? byCode.get(current.parentCode) : undefined
  )
    chain.unshift(current.code);
  return chain;
}

export function rulesOf(
  db: Queryable,
  table: RuleTableName,
  chain: readonly string[],
): Promise<StoredRule[]> {
  if (chain.length === 0) return Promise.resolve([]);
  return memoInTransaction(db, `rules:${table}:${chain.join(',')}`, () => loadRules(db, table, chain));
}

function loadRules(db: Queryable, table: RuleTableName, chain: readonly string[]): Promise<StoredRule[]> {
  return db
    .select()
    .from(ruleRows)
    .where(and(eq(ruleRows.ruleTable, table), inArray(ruleRows.jurisdiction, [...chain])))
    .orderBy(asc(ruleRows.key), desc(ruleRows.effectiveFrom));
}

/** Everything the eligibility assessment needs for a jurisdiction, every version (the engine picks by date). */
export async function loadRuleBook(db: Queryable, chain: string[]): Promise<RuleBook> {
  // One after the other: `db` may be a transaction's single connection.
  const matters = await rulesOf(db, 'matter', chain);
  const thresholds = await rulesOf(db, 'threshold', chain);
  const exemptions = await rulesOf(db, 'exemption', chain);
  const facts = await loadList(db, chain, 'fact');
  return {
    jurisdictions: chain,
    matters: matters.map((r) => toDomainRule<MatterRule>(r)),
    thresholds: thresholds.map((r) => toDomainRule<ThresholdRule>(r)),
    exemptions: exemptions.map((r) => toDomainRule<ExemptionRule>(r)),
    facts,
  };
}

export async function loadPeriods(db: Queryable, chain: string[]): Promise<PeriodRule[]> {
  return (await rulesOf(db, 'period', chain)).map((r) => toDomainRule<PeriodRule>(r));
}

export async function loadListItems(db: Queryable, chain: string[]): Promise<ListItemRule[]> {
  return (await rulesOf(db, 'list_item', chain)).map((r) => toDomainRule<ListItemRule>(r));
}

/** Every version of one coded list's items (read once per transaction with the other lists). */
export async function loadList(db: Queryable, chain: string[], list: RuleList): Promise<ListItemRule[]> {
  return (await loadListItems(db, chain)).filter((r) => r.list === list);
}

/**
 * The working calendar around a date range: the announced days of every jurisdiction in the
 * chain, which years have any announcement at all, and the statutory-holiday rule rows that stand
 * in for a year without one (its dates are flagged provisional).
 */
export async function loadCalendar(
  db: Queryable,
  chain: string[],
  from: LocalDate,
  to: LocalDate,
): Promise<HolidayCalendar> {
  const rows = await db
    .select()
    .from(calendarDays)
    .where(
      and(
        inArray(calendarDays.jurisdiction, chain),
        gte(calendarDays.date, from),
        lte(calendarDays.date, to),
      ),
    );
  const years = await db
    .selectDistinct({ year: sql<number>`extract(year from ${calendarDays.date})::int` })
    .from(calendarDays)
    .where(inArray(calendarDays.jurisdiction, chain));
  const days: CalendarDay[] = rows.map((r) => ({ date: r.date as LocalDate, kind: r.kind, name: r.nameZh }));
  const baseline = await loadList(db, chain, 'statutory_holiday');
  return buildCalendar(
    days,
    years.map((y) => Number(y.year)),
    baseline,
  );
}
