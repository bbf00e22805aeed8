import { describe, expect, it } from 'vitest';
import {
  checkFeeWaiverAnswer,
  FEE_WAIVER_KINDS,
  FEE_WAIVER_REQUEST_KINDS,
  nextFeeWaiverStatus,
  parseCitation,
  requestKindsFor,
  summariseFeeWaivers,
  type Fen,
  type FeeWaiverAnswer,
  type LocalDate,
} from '../src/index.ts';

const d = (s: string) => s as LocalDate;
const fen = (n: number) => n as Fen;
const TODAY = d('2026-05-20');
const SENT = d('2026-05-04');
const answer = (over: Partial<FeeWaiverAnswer> = {}): FeeWaiverAnswer => ({
  outcome: 'granted',
  amountSavedFen: fen(80_000),
  deferredUntil: null,
  answeredOn: d('2026-05-15'),
  ...over,
});

describe('fee waivers and deferrals (费用缓减免, LAL art.53)', () => {
  it('asks a court to defer, reduce or waive, and a notary or appraiser to reduce or waive (no deferral)', () => {
    expect(requestKindsFor('court')).toEqual([
      'litigation_fee_deferral',
      'litigation_fee_reduction',
      'litigation_fee_waiver',
    ]);
    expect(requestKindsFor('notary_office')).toEqual(['notary_fee_reduction', 'notary_fee_waiver']);
    expect(requestKindsFor('forensic_appraisal')).toEqual([
      'appraisal_fee_reduction',
      'appraisal_fee_waiver',
    ]);
  });

  it('cites LAL art.53 for every kind, with OPN (十三) for courts and OPN (八) for notaries and appraisers', () => {
    for (const kind of FEE_WAIVER_REQUEST_KINDS) {
      const rule = FEE_WAIVER_KINDS[kind];
      expect(parseCitation(rule.citation)).toEqual([
        { law: 'LAL', article: 53 },
        { law: 'OPN', part: rule.body === 'court' ? '十三' : '八' },
      ]);
    }
  });

  it('goes draft → sent → answered, and may be withdrawn before the answer only', () => {
    expect(nextFeeWaiverStatus('draft', 'send')).toBe('sent');
    expect(nextFeeWaiverStatus('draft', 'answer')).toBeNull();
    expect(nextFeeWaiverStatus('sent', 'answer')).toBe('answered');
    expect(nextFeeWaiverStatus('sent', 'send')).toBeNull();
    expect(nextFeeWaiverStatus('draft', 'withdraw')).toBe('withdrawn');
    expect(nextFeeWaiverStatus('sent', 'withdraw')).toBe('withdrawn');
    expect(nextFeeWaiverStatus('answered', 'withdraw')).toBeNull();
    expect(nextFeeWaiverStatus('withdrawn', 'send')).toBeNull();
  });

  it('wants a waiver granted to save whole fen, no more than asked', () => {
    const waiver = { kind: 'notary_fee_waiver' as const, amountAskedFen: fen(80_000), sentOn: SENT };
    expect(checkFeeWaiverAnswer(waiver, answer(), TODAY)).toBeNull();
    expect(checkFeeWaiverAnswer(waiver, answer({ amountSavedFen: fen(0) }), TODAY)).toBe('AMOUNT_NEEDED');
    expect(checkFeeWaiverAnswer(waiver, answer({ amountSavedFen: fen(80_001) }), TODAY)).toBe(
      'AMOUNT_ABOVE_ASKED',
    );
    expect(checkFeeWaiverAnswer(waiver, answer({ amountSavedFen: fen(12.5) }), TODAY)).toBe(
      'AMOUNT_NOT_WHOLE_FEN',
    );
    expect(checkFeeWaiverAnswer(waiver, answer({ amountSavedFen: fen(-1) }), TODAY)).toBe(
      'AMOUNT_NOT_WHOLE_FEN',
    );
    // Without an amount asked, any positive amount stands.
    expect(
      checkFeeWaiverAnswer({ ...waiver, amountAskedFen: null }, answer({ amountSavedFen: fen(1) }), TODAY),
    ).toBeNull();
    expect(checkFeeWaiverAnswer(waiver, answer({ deferredUntil: d('2026-09-01') }), TODAY)).toBe(
      'DEFERRAL_DATE_NOT_OPEN',
    );
  });

  it('saves nothing on a refusal or a deferral; a deferral names its date, after the answer', () => {
    const deferral = { kind: 'litigation_fee_deferral' as const, amountAskedFen: fen(500_000), sentOn: SENT };
    const granted = answer({ amountSavedFen: fen(0), deferredUntil: d('2026-11-15') });
    expect(checkFeeWaiverAnswer(deferral, granted, TODAY)).toBeNull();
    expect(checkFeeWaiverAnswer(deferral, { ...granted, amountSavedFen: fen(100) }, TODAY)).toBe(
      'AMOUNT_ON_DEFERRAL',
    );
    expect(checkFeeWaiverAnswer(deferral, { ...granted, deferredUntil: null }, TODAY)).toBe(
      'DEFERRAL_DATE_NEEDED',
    );
    expect(checkFeeWaiverAnswer(deferral, { ...granted, deferredUntil: d('2026-05-15') }, TODAY)).toBe(
      'DEFERRAL_DATE_BEFORE_ANSWER',
    );
    const refused = answer({ outcome: 'refused', amountSavedFen: fen(0) });
    expect(checkFeeWaiverAnswer(deferral, refused, TODAY)).toBeNull();
    expect(checkFeeWaiverAnswer(deferral, { ...refused, amountSavedFen: fen(5) }, TODAY)).toBe(
      'AMOUNT_ON_REFUSAL',
    );
  });

  it('dates the answer between the letter and today', () => {
    const waiver = { kind: 'appraisal_fee_waiver' as const, amountAskedFen: null, sentOn: SENT };
    expect(checkFeeWaiverAnswer(waiver, answer({ answeredOn: d('2026-05-03') }), TODAY)).toBe(
      'ANSWER_DATE_INVALID',
    );
    expect(checkFeeWaiverAnswer(waiver, answer({ answeredOn: d('2026-05-21') }), TODAY)).toBe(
      'ANSWER_DATE_INVALID',
    );
    expect(checkFeeWaiverAnswer(waiver, answer({ answeredOn: SENT }), TODAY)).toBeNull();
  });

  it('sums letters sent and answers in the period per body kind, each body kind present', () => {
    const rows = summariseFeeWaivers(
      [
        // sent and answered in the period
        {
          kind: 'notary_fee_waiver',
          sentOn: d('2026-03-02'),
          outcome: 'granted',
          answeredOn: d('2026-03-10'),
          amountSavedFen: 80_000,
        },
        // sent before the period, answered in it
        {
          kind: 'notary_fee_reduction',
          sentOn: d('2026-02-20'),
          outcome: 'partly_granted',
          answeredOn: d('2026-03-01'),
          amountSavedFen: 20_050,
        },
        // a deferral granted: counted, nothing saved
        {
          kind: 'litigation_fee_deferral',
          sentOn: d('2026-03-05'),
          outcome: 'granted',
          answeredOn: d('2026-03-20'),
          amountSavedFen: 0,
        },
        {
          kind: 'litigation_fee_waiver',
          sentOn: d('2026-03-31'),
          outcome: null,
          answeredOn: null,
          amountSavedFen: null,
        },
        // answered after the period: only the letter counts
        {
          kind: 'litigation_fee_reduction',
          sentOn: d('2026-03-15'),
          outcome: 'refused',
          answeredOn: d('2026-04-01'),
          amountSavedFen: 0,
        },
      ],
      { from: d('2026-03-01'), to: d('2026-03-31') },
    );
    expect(rows).toEqual([
      { body: 'court', sent: 3, granted: 1, partlyGranted: 0, refused: 0, deferred: 1, amountSavedFen: 0 },
      {
        body: 'notary_office',
        sent: 1,
        granted: 1,
        partlyGranted: 1,
        refused: 0,
        deferred: 0,
        amountSavedFen: 100_050,
      },
      {
        body: 'forensic_appraisal',
        sent: 0,
        granted: 0,
        partlyGranted: 0,
        refused: 0,
        deferred: 0,
        amountSavedFen: 0,
      },
    ]);
  });
});
