import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  BEIJING,
  bankFileRows,
  batchTotalFen,
  calculateSubsidy,
  DEFAULT_BANK_FILE_LAYOUT,
  effectiveByKey,
  matchBankReturn,
  NATIONAL,
  shareOfFen,
  SUBSIDY_RATES,
  subsidyRateKey,
  transferLines,
  type LocalDate,
  type SubsidyRateRule,
} from '../src/index.ts';

/** Half away from zero, exactly, with big integers. */
function exactShare(fen: number, bp: number): number {
  const n = BigInt(fen) * BigInt(bp);
  const q = n / 10_000n;
  const r = n % 10_000n;
  const abs = r < 0n ? -r : r;
  return Number(abs * 2n >= 10_000n ? q + (n < 0n ? -1n : 1n) : q);
}

describe('rounding to the fen', () => {
  it('takes a share half away from zero, as exact arithmetic does', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 100_000_000 }),
        fc.integer({ min: -10_000, max: 10_000 }),
        (fen, bp) => {
          expect(shareOfFen(fen, bp)).toBe(exactShare(fen, bp));
        },
      ),
    );
  });

  it('rounds 0.5 fen away from zero both ways', () => {
    expect(shareOfFen(150_005, 1_000)).toBe(15_001);
    expect(shareOfFen(150_005, -1_000)).toBe(-15_001);
    expect(shareOfFen(150_004, 1_000)).toBe(15_000);
  });
});

const subsidy = fc.record({
  id: fc.uuid(),
  payeeKey: fc.constantFrom('firm-a', 'firm-b', 'handler-c', 'handler-d'),
  payeeName: fc.constantFrom('甲律师事务所', '乙律师事务所', '张三', '李四'),
  amountFen: fc.integer({ min: 1, max: 10_000_000 }),
});

describe('payment batches', () => {
  it('a batch total equals the sum of its subsidies, and every subsidy is in exactly one line', () => {
    fc.assert(
      fc.property(fc.uniqueArray(subsidy, { selector: (s) => s.id, maxLength: 40 }), (subsidies) => {
        const lines = transferLines('BT2026-0001', subsidies);
        expect(batchTotalFen(lines)).toBe(subsidies.reduce((s, x) => s + x.amountFen, 0));
        const listed = lines.flatMap((l) => l.subsidyIds);
        expect(listed.length).toBe(subsidies.length);
        expect(new Set(listed).size).toBe(subsidies.length);
        for (const l of lines)
          expect(l.amountFen).toBe(
            subsidies.filter((s) => l.subsidyIds.includes(s.id)).reduce((s, x) => s + x.amountFen, 0),
          );
        expect(new Set(lines.map((l) => l.payeeKey)).size).toBe(lines.length);
      }),
    );
  });

  it('refuses a subsidy listed twice: no subsidy is in a batch twice', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(subsidy, { selector: (s) => s.id, minLength: 1, maxLength: 10 }),
        (subsidies) => {
          expect(() => transferLines('BT2026-0001', [...subsidies, subsidies[0]!])).toThrow(/listed twice/);
        },
      ),
    );
  });

  it('settles a line at most once, whatever the return file repeats, and never an unknown reference', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            reference: fc.constantFrom('B-001', 'B-002', 'B-003', 'X-999'),
            status: fc.constantFrom('成功', '失败', 'SUCCESS'),
          }),
          { maxLength: 20 },
        ),
        (rows) => {
          const open = new Set(['B-001', 'B-002', 'B-003']);
          const outcomes = matchBankReturn(
            open,
            rows.map((r) => ({ ...r, bankSerial: 's', date: '2026-12-01', message: '' })),
            DEFAULT_BANK_FILE_LAYOUT.successValues,
          );
          const settled = outcomes
            .filter((o) => o.kind === 'paid' || o.kind === 'failed')
            .map((o) => o.reference);
          expect(new Set(settled).size).toBe(settled.length);
          expect(settled).not.toContain('X-999');
        },
      ),
    );
  });

  it('writes the bank file in the layout’s column order with plain yuan amounts', () => {
    const lines = transferLines('BT2026-0007', [
      { id: 'a', payeeKey: 'f', payeeName: '甲律师事务所', amountFen: 120_000 },
      { id: 'b', payeeKey: 'f', payeeName: '甲律师事务所', amountFen: 5 },
    ]);
    const rows = bankFileRows(
      DEFAULT_BANK_FILE_LAYOUT,
      lines,
      new Map([
        ['f', { accountName: '甲律师事务所', accountNumber: '6222000011112222', bankName: '工商银行' }],
      ]),
      '法律援助补贴',
    );
    expect(rows).toEqual([
      ['业务参考号', '收款户名', '收款账号', '开户银行', '金额（元）', '用途'],
      ['BT2026-0007-001', '甲律师事务所', '6222000011112222', '工商银行', '1200.05', '法律援助补贴'],
    ]);
  });
});

describe('the subsidy calculation', () => {
  const beijing2026 = [
    ...effectiveByKey(SUBSIDY_RATES, [NATIONAL, BEIJING], '2026-06-01' as LocalDate, subsidyRateKey).values(),
  ];
  const setAll: SubsidyRateRule[] = beijing2026.map((r) =>
    r.kind === 'base' || (r.kind === 'supplement' && r.method === 'fixed')
      ? { ...r, amountFen: r.amountFen ?? 100_000 }
      : r.kind === 'supplement' || r.kind === 'quality_band'
        ? { ...r, percentBp: r.percentBp ?? 1_000 }
        : r.kind === 'cost' && r.treatment === 'capped'
          ? { ...r, capFen: r.capFen ?? 20_000 }
          : r,
  );

  it('totals whole fen, never below zero, the sum of its lines, each line naming its rule row', () => {
    fc.assert(
      fc.property(
        fc.record({
          caseType: fc.constantFrom('criminal', 'civil', 'administrative', 'non_litigation'),
          criminalStage: fc.constantFrom(null, 'investigation', 'trial_first_instance'),
          hearingsHeld: fc.nat(6),
          terminated: fc.boolean(),
          qualityScore: fc.option(fc.integer({ min: 0, max: 100 })),
          declared: fc.record({
            extraStages: fc.nat(3),
            extraParties: fc.nat(3),
            remoteTravel: fc.boolean(),
            complex: fc.boolean(),
          }),
          costs: fc.array(
            fc.record({
              kind: fc.constantFrom('copying', 'travel', 'interpretation', 'other'),
              claimedFen: fc.integer({ min: 1, max: 500_000 }),
            }),
            { maxLength: 5 },
          ),
        }),
        (facts) => {
          const result = calculateSubsidy(setAll, facts);
          const sum = result.items.reduce((s, i) => s + (i.amountFen ?? 0), 0);
          expect(result.computedFen).toBe(Math.max(0, sum));
          expect(Number.isInteger(result.computedFen)).toBe(true);
          for (const i of result.items) {
            if (i.amountFen !== null) expect(Number.isInteger(i.amountFen)).toBe(true);
            if (i.code !== 'cost_other') expect(i.citation).not.toBe('');
          }
          expect(result.complete).toBe(true);
        },
      ),
    );
  });
});
