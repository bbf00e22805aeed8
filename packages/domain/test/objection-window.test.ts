import { describe, expect, it } from 'vitest';
import {
  buildCalendar,
  CALENDAR_CN,
  CALENDAR_YEARS,
  objectionInTime,
  objectionWindow,
  PERIODS,
  PERIODS_FROM_DELIVERY,
  type LocalDate,
  type PeriodRule,
} from '../src/index.ts';

const calendar = buildCalendar(CALENDAR_CN, CALENDAR_YEARS);
const day = (d: string) => d as LocalDate;

describe('objection windows are rule data (ADR 0011)', () => {
  it('ships no period for objecting to a termination (LAL art.49 sets none)', () => {
    expect(PERIODS_FROM_DELIVERY.objection_filing_termination).toBe('termination_decision');
    expect(PERIODS.filter((p) => p.kind === 'objection_filing_termination')).toEqual([]);
  });

  it('a period row for terminations, were one enacted, would run from delivery like a refusal’s', () => {
    const rule: PeriodRule = {
      id: 'xx.period.objection_filing_termination.v1',
      jurisdiction: '999999',
      kind: 'objection_filing_termination',
      amount: 10,
      unit: 'calendar_days',
      citation: 'a hypothetical local rule',
      nameZh: '对终止决定提出异议',
      nameEn: 'Objecting to a termination',
      effectiveFrom: day('2022-01-01'),
      effectiveTo: null,
    };
    const window = objectionWindow({ deliveredOn: day('2025-03-03'), rule, calendar });
    expect(window).toMatchObject({ status: 'running', dueDate: '2025-03-13', ruleId: rule.id });
    expect(objectionInTime(window, day('2025-03-13'))).toBe(true);
    expect(objectionInTime(window, day('2025-03-14'))).toBe(false);
    expect(objectionWindow({ deliveredOn: null, rule, calendar })).toEqual({ status: 'not_delivered' });
  });
});
