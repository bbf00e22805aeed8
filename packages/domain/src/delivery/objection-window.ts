import type { HolidayCalendar } from '../calendar/holiday-calendar.ts';
import { compareDates, endOfBeijingDay } from '../calendar/local-date.ts';
import { dueDate } from '../calendar/periods.ts';
import type { DocumentKind, PeriodKind } from '../lifecycle/effects.ts';
import type { PeriodRule } from '../reference/periods-cn-bj.ts';
import type { LocalDate } from '../shared/brand.ts';

/** How a document reached the applicant (送达方式): 当面 / 邮寄 / 短信 / 电子送达 / 公告. */
export const DELIVERY_METHODS = ['in_person', 'post', 'sms', 'electronic', 'public_notice'] as const;
export type DeliveryMethod = (typeof DELIVERY_METHODS)[number];

/**
 * Periods that run for the applicant from the day a decision reaches them, not from the day it is
 * made: BJR art.24 "自收到不予法律援助决定之日起". Each names the document whose delivery starts it.
 * A decision's lifecycle rule still says which period it opens (`startClock`); the clock is started
 * when the delivery is recorded, with the rule row in force then, or not at all when none is.
 */
export const PERIODS_FROM_DELIVERY: Partial<Record<PeriodKind, DocumentKind>> = {
  objection_filing: 'refusal_decision',
  // LAL art.49 sets no period; a rule row (none shipped) would make one.
  objection_filing_termination: 'termination_decision',
};

export const runsFromDelivery = (kind: PeriodKind): boolean => kind in PERIODS_FROM_DELIVERY;

/**
 * Where an applicant stands in the objection period of a decision (LAL art.49; BJR art.24):
 * - `not_delivered`: the decision has not been shown to reach them; the period has not begun,
 *   so an objection is in time whenever it comes (no due date);
 * - `no_period`: no period rule is in force for this decision (a termination, LAL art.49): an
 *   objection has no filing deadline;
 * - `running`: delivered; the period counts from the day after delivery (民法典 art.201).
 */
export type ObjectionWindow =
  | { status: 'not_delivered' }
  | { status: 'no_period' }
  | {
      status: 'running';
      deliveredOn: LocalDate;
      dueDate: LocalDate;
      dueAt: string;
      ruleId: string;
      citation: string;
    };

export interface ObjectionWindowInput {
  /** The day the decision was delivered (Beijing), or null when no delivery is recorded. */
  deliveredOn: LocalDate | null;
  /** The filing-period rule in force for this decision on the delivery day, if any. */
  rule: PeriodRule | undefined;
  calendar: HolidayCalendar;
}

export function objectionWindow(input: ObjectionWindowInput): ObjectionWindow {
  if (!input.rule) return { status: 'no_period' };
  if (input.deliveredOn === null) return { status: 'not_delivered' };
  // The delivery day itself is not counted: a period in days starts the next day (民法典 art.201).
  const due = dueDate(endOfBeijingDay(input.deliveredOn), input.rule, input.calendar);
  return {
    status: 'running',
    deliveredOn: input.deliveredOn,
    dueDate: due.dueDate,
    dueAt: due.dueAt,
    ruleId: input.rule.id,
    citation: input.rule.citation,
  };
}

/** Whether an objection that reached the centre or bureau on `filedOn` is in time. */
export function objectionInTime(window: ObjectionWindow, filedOn: LocalDate): boolean {
  return window.status !== 'running' || compareDates(filedOn, window.dueDate) <= 0;
}
