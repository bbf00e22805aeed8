import {
  addDays,
  beijingDateOf,
  dueDate,
  earliestDue,
  periodsFor,
  type Locale,
  type PeriodRule,
  type PeriodUnit,
  fingerprint,
} from '@fayuan/domain';
import type { z } from 'zod';
import type { AppDeps } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { jurisdictionChain, loadCalendar, loadPeriods } from '../rules/rules.repository.ts';
import type { deadlineBody, deadlineResponse } from './eligibility.schemas.ts';

/**
 * When a statutory (or custom) period ends, on the working calendar of the jurisdiction: the
 * period rule in force on the start date, the holidays and adjusted working days on file.
 */
export async function computeDeadline(
  deps: AppDeps,
  input: z.infer<typeof deadlineBody>,
  locale: Locale,
): Promise<z.infer<typeof deadlineResponse>> {
  const chain = await jurisdictionChain(deps.db, input.jurisdiction);
  if (chain.length === 0) throw new AppError('JURISDICTION_UNKNOWN', { jurisdiction: input.jurisdiction });
  const startDate = beijingDateOf(input.start);
  let period: { amount: number; unit: PeriodUnit; citations: string[]; ids: string[] };
  // Every period that binds the step (Beijing's BJR art.21 beside LAL art.43): the earliest due governs.
  let rules: PeriodRule[] = [];
  if ('amount' in input) {
    period = { amount: input.amount, unit: input.unit, citations: ['民法典 art.201–203'], ids: [] };
  } else {
    rules = periodsFor(await loadPeriods(deps.db, chain), chain, startDate, input.kind);
    const rule = rules[0];
    if (!rule) throw new AppError('PERIOD_UNKNOWN', { kind: input.kind });
    period = {
      amount: rule.amount,
      unit: rule.unit,
      citations: [rule.citation, '民法典 art.201–203'],
      ids: [rule.id],
    };
  }
  // Enough calendar for the longest stretch a period can run: every day a holiday, plus pauses.
  const pausedDays = input.pauses.reduce(
    (n, p) => n + Math.max(0, Date.parse(p.to) - Date.parse(p.from)) / 86_400_000,
    0,
  );
  const longest = Math.max(...[period, ...rules].map((p) => p.amount * (p.unit === 'working_days' ? 3 : 1)));
  const horizon = addDays(startDate, Math.ceil(longest + pausedDays) + 45);
  const calendar = await loadCalendar(deps.db, chain, startDate, horizon);
  let due = dueDate(input.start, period, calendar, input.pauses);
  if (rules.length > 1) {
    const governing = earliestDue(input.start, rules, calendar, input.pauses);
    due = governing.due;
    period = {
      amount: governing.governing.amount,
      unit: governing.governing.unit,
      citations: [...governing.rules.map((r) => r.citation), '民法典 art.201–203'],
      ids: governing.rules.map((r) => r.id),
    };
  }
  const warnings: z.infer<typeof deadlineResponse>['warnings'] = due.missingCalendarYears.map((year) => ({
    code: 'CALENDAR_YEAR_MISSING',
    message:
      locale === 'en-US'
        ? `The holiday calendar for ${year} is not on file yet: the date counts weekends only.`
        : `${year} 年的节假日安排尚未录入，本结果仅按周末计算。`,
  }));
  if (due.provisional) warnings.push(provisionalWarning(due.provisionalYears, locale));
  return {
    kind: input.kind,
    amount: period.amount,
    unit: period.unit,
    start: input.start,
    dueAt: due.dueAt,
    dueDate: due.dueDate,
    extendedOver: due.extendedOver.map((date) => ({ date, name: calendar.nameOf(date) ?? null })),
    citations: period.citations,
    warnings,
    provisional: due.provisional,
    ruleVersion: fingerprint([...period.ids, ...due.statutoryRuleIds]),
  };
}

/** The warning on a date counted on the statutory baseline of years without a State Council notice. */
export function provisionalWarning(years: readonly number[], locale: Locale) {
  const list = years.join(locale === 'en-US' ? ', ' : '、');
  return {
    code: 'CALENDAR_PROVISIONAL',
    provisional: true,
    years: [...years],
    message:
      locale === 'en-US'
        ? `The State Council holiday notice for ${list} is not on file: the date counts the statutory holidays (National Holidays Measures art.2) and weekends, and is provisional until the notice is entered.`
        : `${list} 年的国务院放假通知尚未录入：本结果按《全国年节及纪念日放假办法》第二条的法定节假日和周末计算，为暂定结果，通知录入后将重新计算。`,
  };
}
