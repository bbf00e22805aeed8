import type { LocalDate } from '../shared/brand.ts';
import { effectiveByKey } from '../eligibility/rules.ts';
import type { PeriodRule } from '../reference/periods-cn-bj.ts';
import type { HolidayCalendar } from './holiday-calendar.ts';
import { dueDate, type Due, type Pause } from './periods.ts';

/**
 * The period rules that bind one step: the rule of `kind` in force on `date` (the most local
 * jurisdiction winning, as for every rule), and every rule in force that runs beside it
 * (`runsWith: kind`), such as Beijing's 5 working days (BJR art.21) beside the Legal Aid Law's
 * 7 days (LAL art.43). The main rule comes first; none when no rule of `kind` is in force.
 */
export function periodsFor(
  periods: readonly PeriodRule[],
  jurisdictions: readonly string[],
  date: LocalDate,
  kind: string,
): PeriodRule[] {
  const inForce = effectiveByKey(periods, jurisdictions, date, (p) => p.kind);
  const main = inForce.get(kind);
  if (!main) return [];
  return [main, ...[...inForce.values()].filter((p) => p.runsWith === kind)];
}

export interface GoverningDue {
  due: Due;
  /** The rule whose due date is the earliest: the one that governs (ADR 0013). */
  governing: PeriodRule;
  /** Every rule that applies, the governing one first: all are cited. */
  rules: PeriodRule[];
}

/**
 * When several periods bind the same step, the earliest due date wins and every rule is cited
 * (docs/adr/0013-beijing-decision-period.md): meeting the shorter period meets both. On a tie the
 * main rule (the first) governs.
 */
export function earliestDue(
  start: string,
  rules: readonly PeriodRule[],
  calendar: HolidayCalendar,
  pauses: readonly Pause[] = [],
): GoverningDue {
  const [first, ...rest] = rules;
  if (!first) throw new RangeError('earliestDue needs at least one period rule');
  let best = { due: dueDate(start, first, calendar, pauses), rule: first };
  for (const rule of rest) {
    const due = dueDate(start, rule, calendar, pauses);
    if (Date.parse(due.dueAt) < Date.parse(best.due.dueAt)) best = { due, rule };
  }
  const missing = new Set(rules.length > 1 ? [] : best.due.missingCalendarYears);
  if (rules.length > 1)
    for (const rule of rules)
      for (const y of dueDate(start, rule, calendar, pauses).missingCalendarYears) missing.add(y);
  return {
    due: { ...best.due, missingCalendarYears: [...missing].sort((a, b) => a - b) },
    governing: best.rule,
    rules: [best.rule, ...rules.filter((r) => r !== best.rule)],
  };
}
