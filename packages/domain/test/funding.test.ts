import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  alertStep,
  burnDownSeries,
  contractProgress,
  countDutyDays,
  donationBalance,
  hoursOf,
  lineStanding,
  paymentFits,
  withinPeriod,
  yuanInCapitals,
  type LocalDate,
} from '../src/index.ts';

const d = (s: string) => s as LocalDate;

describe('a budget line’s standing', () => {
  it('is remaining = allocated − spent and available = remaining − committed', () => {
    expect(
      lineStanding({
        allocatedFen: 1_000_000,
        committedFen: 200_000,
        spentFen: 300_000,
        thresholdPerMille: 100,
      }),
    ).toEqual({
      allocatedFen: 1_000_000,
      committedFen: 200_000,
      spentFen: 300_000,
      remainingFen: 700_000,
      availableFen: 500_000,
      thresholdFen: 100_000,
      low: false,
    });
  });

  it('is low only when what is free to promise falls below the threshold', () => {
    const at = (spentFen: number) =>
      lineStanding({ allocatedFen: 1_000_000, committedFen: 0, spentFen, thresholdPerMille: 100 }).low;
    expect(at(900_000)).toBe(false); // exactly 10 % left
    expect(at(900_001)).toBe(true);
    expect(lineStanding({ allocatedFen: 0, committedFen: 0, spentFen: 0, thresholdPerMille: 100 }).low).toBe(
      false,
    );
    expect(lineStanding({ allocatedFen: 0, committedFen: 1, spentFen: 0, thresholdPerMille: 100 }).low).toBe(
      true,
    );
  });

  it('rounds the threshold up to the fen', () => {
    expect(
      lineStanding({ allocatedFen: 5, committedFen: 0, spentFen: 0, thresholdPerMille: 100 }).thresholdFen,
    ).toBe(1);
  });

  it('rings once per crossing and is armed again above the threshold', () => {
    let rung = false;
    const rings: boolean[] = [];
    for (const low of [false, true, true, false, true, true]) {
      const step = alertStep(low, rung);
      rings.push(step.ring);
      rung = step.rung;
    }
    expect(rings).toEqual([false, true, false, false, true, false]);
  });

  it('keeps the fen whole: remaining + spent = allocated for any amounts', () => {
    fc.assert(
      fc.property(
        fc.nat(10 ** 12),
        fc.nat(10 ** 12),
        fc.nat(10 ** 12),
        fc.integer({ min: 0, max: 1000 }),
        (allocatedFen, committedFen, spentFen, thresholdPerMille) => {
          const s = lineStanding({ allocatedFen, committedFen, spentFen, thresholdPerMille });
          expect(s.remainingFen + s.spentFen).toBe(allocatedFen);
          expect(s.availableFen + s.committedFen + s.spentFen).toBe(allocatedFen);
          expect(Number.isInteger(s.thresholdFen)).toBe(true);
        },
      ),
    );
  });
});

describe('the burn-down over the year', () => {
  it('accumulates spending by month and releases commitments as they are paid', () => {
    const series = burnDownSeries(
      2026,
      1_000_000,
      [
        { on: d('2025-12-30'), amountFen: 1_000 }, // before the year: counts from January
        { on: d('2026-02-10'), amountFen: 50_000 },
        { on: d('2026-04-01'), amountFen: 20_000 },
        { on: d('2027-01-02'), amountFen: 99_999 }, // after the year: never
      ],
      [
        {
          on: d('2026-03-01'),
          amountFen: 300_000,
          payments: [
            { on: d('2026-06-30'), amountFen: 100_000 },
            { on: d('2026-09-30'), amountFen: 250_000 }, // overpaid: the commitment is 0, not negative
          ],
        },
      ],
      [0, 0, 0, 0, 5_000], // May: case subsidies paid
    );
    expect(series).toHaveLength(12);
    const at = (m: number) => series[m - 1]!;
    expect(at(1)).toMatchObject({ spentFen: 1_000, committedFen: 0, allocatedFen: 1_000_000 });
    expect(at(2).spentFen).toBe(51_000);
    expect(at(3)).toMatchObject({ spentFen: 51_000, committedFen: 300_000, boundFen: 351_000 });
    expect(at(5).spentFen).toBe(76_000);
    expect(at(6).committedFen).toBe(200_000);
    expect(at(9).committedFen).toBe(0);
    expect(at(12).spentFen).toBe(76_000);
  });

  it('never falls from one month to the next while nothing is refunded', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ month: fc.integer({ min: 1, max: 12 }), amountFen: fc.nat(10 ** 9) })),
        (rows) => {
          const series = burnDownSeries(
            2026,
            0,
            rows.map((r) => ({
              on: d(`2026-${String(r.month).padStart(2, '0')}-15`),
              amountFen: r.amountFen,
            })),
            [],
          );
          for (let i = 1; i < 12; i++)
            expect(series[i]!.spentFen).toBeGreaterThanOrEqual(series[i - 1]!.spentFen);
          expect(series[11]!.spentFen).toBe(rows.reduce((s, r) => s + r.amountFen, 0));
        },
      ),
    );
  });
});

describe('donations', () => {
  it('are never used for more than was given', () => {
    expect(donationBalance(100_000, [30_000, 20_000], 50_000)).toEqual({
      usedFen: 50_000,
      leftFen: 50_000,
      fits: true,
    });
    expect(donationBalance(100_000, [30_000, 20_000], 50_001).fits).toBe(false);
    expect(donationBalance(100_000, [], 0).fits).toBe(false);
  });
});

describe('purchased services', () => {
  it('count one duty day per lawyer and date, however many slots', () => {
    expect(
      countDutyDays([
        { handlerId: 'a', date: d('2026-03-02') },
        { handlerId: 'a', date: d('2026-03-02') }, // morning and afternoon
        { handlerId: 'b', date: d('2026-03-02') },
        { handlerId: 'a', date: d('2026-03-03') },
      ]),
    ).toBe(3);
  });

  it('count hotline hours to a tenth, rounded down', () => {
    expect(hoursOf(3600)).toBe(1);
    expect(hoursOf(5399)).toBe(1.4);
    expect(hoursOf(0)).toBe(0);
  });

  it('show delivered against due per service', () => {
    expect(
      contractProgress(
        { cases: 40, dutyDays: 100, hotlineHours: 0 },
        { cases: 10, dutyDays: 120, hotlineHours: 3 },
      ),
    ).toEqual([
      { service: 'cases', due: 40, delivered: 10, perMille: 250 },
      { service: 'dutyDays', due: 100, delivered: 120, perMille: 1200 },
      { service: 'hotlineHours', due: 0, delivered: 3, perMille: null },
    ]);
  });

  it('refuse a payment above what is left of the contract', () => {
    expect(paymentFits(500_000, [200_000], 300_000).fits).toBe(true);
    expect(paymentFits(500_000, [200_000], 300_001)).toEqual({
      paidFen: 200_000,
      leftFen: 300_000,
      fits: false,
    });
  });

  it('include both ends of the period', () => {
    expect(withinPeriod(d('2026-01-01'), d('2026-01-01'), d('2026-12-31'))).toBe(true);
    expect(withinPeriod(d('2026-12-31'), d('2026-01-01'), d('2026-12-31'))).toBe(true);
    expect(withinPeriod(d('2027-01-01'), d('2026-01-01'), d('2026-12-31'))).toBe(false);
  });
});

describe('amounts in capital numerals (大写金额)', () => {
  it.each([
    [0, '零元整'],
    [10_000, '壹佰元整'],
    [1_234_560, '壹万贰仟叁佰肆拾伍元陆角'],
    [105, '壹元零伍分'],
    [50, '伍角'],
    [1_001_000, '壹万零壹拾元整'],
    [10_000_000, '壹拾万元整'],
    [10_000_000_000, '壹亿元整'],
    [10_000_100_000, '壹亿零壹仟元整'],
    [3_000_000_007, '叁仟万元零柒分'],
  ])('%i fen is %s', (fen, words) => {
    expect(yuanInCapitals(fen)).toBe(words);
  });
});
