import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  HANDLER_STATUSES,
  completedYears,
  handlerStatusActions,
  localDate,
  mayTakeNewCases,
  nextHandlerStatus,
} from '../src/index.ts';

describe('handler admission and exit (准入退出)', () => {
  it('approves an applicant, suspends and reinstates an active handler, and lets anyone still in exit', () => {
    expect(nextHandlerStatus('applying', 'approve')).toBe('active');
    expect(nextHandlerStatus('active', 'suspend')).toBe('suspended');
    expect(nextHandlerStatus('suspended', 'reinstate')).toBe('active');
    for (const from of ['applying', 'active', 'suspended'] as const)
      expect(nextHandlerStatus(from, 'exit')).toBe('exited');
  });

  it('refuses every other move; exit is final', () => {
    expect(nextHandlerStatus('applying', 'suspend')).toBeNull();
    expect(nextHandlerStatus('active', 'approve')).toBeNull();
    expect(nextHandlerStatus('suspended', 'approve')).toBeNull();
    expect(handlerStatusActions('exited')).toEqual([]);
    expect(handlerStatusActions('active')).toEqual(['suspend', 'exit']);
  });

  it('gives new cases only to active handlers', () => {
    expect(HANDLER_STATUSES.filter(mayTakeNewCases)).toEqual(['active']);
  });
});

describe('years of practice (LAL art.26 counts whole years)', () => {
  it('counts a year only once its anniversary is reached', () => {
    expect(completedYears(localDate('2021-11-02'), localDate('2026-11-02'))).toBe(5);
    expect(completedYears(localDate('2021-11-03'), localDate('2026-11-02'))).toBe(4);
    expect(completedYears(localDate('2023-11-03'), localDate('2026-11-02'))).toBe(2);
    expect(completedYears(localDate('2024-02-29'), localDate('2027-02-28'))).toBe(2);
    expect(completedYears(localDate('2024-02-29'), localDate('2027-03-01'))).toBe(3);
  });

  it('is 0 without a date or for a date in the future', () => {
    expect(completedYears(null, localDate('2026-11-02'))).toBe(0);
    expect(completedYears(localDate('2027-01-01'), localDate('2026-11-02'))).toBe(0);
  });

  it('never decreases as time passes', () => {
    const day = fc
      .date({ min: new Date('1980-01-01'), max: new Date('2040-12-31'), noInvalidDate: true })
      .map((d) => localDate(d.toISOString().slice(0, 10)));
    fc.assert(
      fc.property(day, day, day, (since, a, b) => {
        const [early, late] = a <= b ? [a, b] : [b, a];
        return completedYears(since, early) <= completedYears(since, late);
      }),
    );
  });
});
