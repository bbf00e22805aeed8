import type { CaseState } from '../lifecycle/states.ts';
import type { Fen, LocalDate } from '../shared/brand.ts';

/**
 * Fee waivers and deferrals for a recipient (费用缓减免). LAL art.53, as enacted:
 * 「人民法院应当根据情况对受援人缓收、减收或者免收诉讼费用；对法律援助人员复制相关材料等费用予以免收
 * 或者减收。公证机构、司法鉴定机构应当对受援人减收或者免收公证费、鉴定费。」
 * OPN (八) asks to 完善公证处、司法鉴定机构依法减免相关费用制度; OPN (十三) to 落实民事诉讼和
 * 行政诉讼法律援助与诉讼费用减免缓制度的衔接机制.
 *
 * The centre writes to the body a request letter (申请函) for one fee of one recipient; the body
 * answers, and what it waived is counted in the statistics.
 */
export const FEE_WAIVER_BODY_KINDS = ['court', 'notary_office', 'forensic_appraisal'] as const;
export type FeeWaiverBodyKind = (typeof FEE_WAIVER_BODY_KINDS)[number];

/** 缓收 (pay later), 减收 (pay less), 免收 (pay nothing). */
export const FEE_RELIEFS = ['deferral', 'reduction', 'waiver'] as const;
export type FeeRelief = (typeof FEE_RELIEFS)[number];

export const FEE_WAIVER_REQUEST_KINDS = [
  'litigation_fee_deferral', // 缓收诉讼费用
  'litigation_fee_reduction', // 减收诉讼费用
  'litigation_fee_waiver', // 免收诉讼费用
  'notary_fee_reduction', // 减收公证费
  'notary_fee_waiver', // 免收公证费
  'appraisal_fee_reduction', // 减收鉴定费
  'appraisal_fee_waiver', // 免收鉴定费
] as const;
export type FeeWaiverRequestKind = (typeof FEE_WAIVER_REQUEST_KINDS)[number];

export interface FeeWaiverKindRule {
  body: FeeWaiverBodyKind;
  relief: FeeRelief;
  /** The provisions that ask the body for it (short citations, see documents/citations.ts). */
  citation: string;
}

/**
 * Each request kind: the body it goes to, the relief asked, and its source. A court may defer,
 * reduce or waive litigation fees; notaries and forensic appraisers reduce or waive their fees
 * (LAL art.53 gives them no deferral).
 */
export const FEE_WAIVER_KINDS: Readonly<Record<FeeWaiverRequestKind, FeeWaiverKindRule>> = {
  litigation_fee_deferral: { body: 'court', relief: 'deferral', citation: 'LAL art.53; OPN (十三)' },
  litigation_fee_reduction: { body: 'court', relief: 'reduction', citation: 'LAL art.53; OPN (十三)' },
  litigation_fee_waiver: { body: 'court', relief: 'waiver', citation: 'LAL art.53; OPN (十三)' },
  notary_fee_reduction: { body: 'notary_office', relief: 'reduction', citation: 'LAL art.53; OPN (八)' },
  notary_fee_waiver: { body: 'notary_office', relief: 'waiver', citation: 'LAL art.53; OPN (八)' },
  appraisal_fee_reduction: {
    body: 'forensic_appraisal',
    relief: 'reduction',
    citation: 'LAL art.53; OPN (八)',
  },
  appraisal_fee_waiver: { body: 'forensic_appraisal', relief: 'waiver', citation: 'LAL art.53; OPN (八)' },
};

/** The request kinds a body of this kind can be asked for, in the order of FEE_WAIVER_REQUEST_KINDS. */
export function requestKindsFor(body: FeeWaiverBodyKind): FeeWaiverRequestKind[] {
  return FEE_WAIVER_REQUEST_KINDS.filter((k) => FEE_WAIVER_KINDS[k].body === body);
}

/**
 * The case states in which the person is a recipient (受援人) whose aid is running or done and not
 * yet archived: aid granted (also in advance, LAL art.44, or by notification), assigned, carried,
 * closed. Not before the grant, not after a refusal, a withdrawal or a termination (LAL art.48).
 */
export const FEE_WAIVER_CASE_STATES: readonly CaseState[] = [
  'granted',
  'provisional_aid',
  'to_assign',
  'assigned',
  'in_progress',
  'closing_submitted',
  'closed',
  'evaluated',
  'subsidy_paid',
];

/** draft → sent (the letter issued, numbered) → answered; withdrawn from draft or sent. */
export const FEE_WAIVER_STATUSES = ['draft', 'sent', 'answered', 'withdrawn'] as const;
export type FeeWaiverStatus = (typeof FEE_WAIVER_STATUSES)[number];

/** What the body answered. */
export const FEE_WAIVER_OUTCOMES = ['granted', 'partly_granted', 'refused'] as const;
export type FeeWaiverOutcome = (typeof FEE_WAIVER_OUTCOMES)[number];

export type FeeWaiverAction = 'send' | 'answer' | 'withdraw';

/** The status after an action, or null when the action is not open in this status. */
export function nextFeeWaiverStatus(
  status: FeeWaiverStatus,
  action: FeeWaiverAction,
): FeeWaiverStatus | null {
  switch (action) {
    case 'send':
      return status === 'draft' ? 'sent' : null;
    case 'answer':
      return status === 'sent' ? 'answered' : null;
    case 'withdraw':
      return status === 'draft' || status === 'sent' ? 'withdrawn' : null;
  }
}

export interface FeeWaiverAnswer {
  outcome: FeeWaiverOutcome;
  /** What the recipient does not pay: the fee waived or the reduction, in fen; 0 for a deferral. */
  amountSavedFen: Fen;
  /** The date a deferred fee falls due (缓收 granted). */
  deferredUntil: LocalDate | null;
  /** The date of the body's answer. */
  answeredOn: LocalDate;
}

export type FeeWaiverAnswerProblem =
  | 'AMOUNT_NOT_WHOLE_FEN' // not a non-negative integer number of fen
  | 'AMOUNT_NEEDED' // a reduction or waiver granted saves something
  | 'AMOUNT_ABOVE_ASKED' // more saved than the fee asked about
  | 'AMOUNT_ON_REFUSAL' // a refusal saves nothing
  | 'AMOUNT_ON_DEFERRAL' // a deferral saves nothing: the fee is paid later
  | 'DEFERRAL_DATE_NEEDED' // a deferral granted names the date the fee falls due
  | 'DEFERRAL_DATE_NOT_OPEN' // only a deferral granted has one
  | 'DEFERRAL_DATE_BEFORE_ANSWER'
  | 'ANSWER_DATE_INVALID'; // before the letter went out, or after today

/**
 * Checks an answer against the request: the amount saved is whole fen, positive when a reduction
 * or waiver is granted (in full or in part) and not above the amount asked when one was given, and
 * nought for a refusal or a deferral; a deferral granted names its due date, after the answer;
 * the answer is dated between the letter's sending and today.
 */
export function checkFeeWaiverAnswer(
  request: { kind: FeeWaiverRequestKind; amountAskedFen: Fen | null; sentOn: LocalDate },
  answer: FeeWaiverAnswer,
  today: LocalDate,
): FeeWaiverAnswerProblem | null {
  const { relief } = FEE_WAIVER_KINDS[request.kind];
  const saved = answer.amountSavedFen;
  if (!Number.isSafeInteger(saved) || saved < 0) return 'AMOUNT_NOT_WHOLE_FEN';
  if (answer.answeredOn < request.sentOn || answer.answeredOn > today) return 'ANSWER_DATE_INVALID';
  if (answer.outcome === 'refused') {
    if (saved !== 0) return 'AMOUNT_ON_REFUSAL';
    if (answer.deferredUntil !== null) return 'DEFERRAL_DATE_NOT_OPEN';
    return null;
  }
  if (relief === 'deferral') {
    if (saved !== 0) return 'AMOUNT_ON_DEFERRAL';
    if (answer.deferredUntil === null) return 'DEFERRAL_DATE_NEEDED';
    if (answer.deferredUntil <= answer.answeredOn) return 'DEFERRAL_DATE_BEFORE_ANSWER';
    return null;
  }
  if (answer.deferredUntil !== null) return 'DEFERRAL_DATE_NOT_OPEN';
  if (saved === 0) return 'AMOUNT_NEEDED';
  if (request.amountAskedFen !== null && saved > request.amountAskedFen) return 'AMOUNT_ABOVE_ASKED';
  return null;
}

export interface FeeWaiverSummaryRow {
  body: FeeWaiverBodyKind;
  /** Letters sent in the period. */
  sent: number;
  /** Answers dated in the period, by outcome. */
  granted: number;
  partlyGranted: number;
  refused: number;
  /** Deferrals granted (in full or in part) in the period. */
  deferred: number;
  /** Fen saved by the answers dated in the period. */
  amountSavedFen: number;
}

/**
 * The statistics' figures per body kind from the requests' facts: letters sent in the period
 * (by the date sent), answers in the period (by the answer's date) and the fen they saved. Every
 * body kind has a row, in FEE_WAIVER_BODY_KINDS order, so a period with none shows noughts.
 */
export function summariseFeeWaivers(
  requests: ReadonlyArray<{
    kind: FeeWaiverRequestKind;
    sentOn: LocalDate | null;
    outcome: FeeWaiverOutcome | null;
    answeredOn: LocalDate | null;
    amountSavedFen: number | null;
  }>,
  period: { from: LocalDate; to: LocalDate },
): FeeWaiverSummaryRow[] {
  const rows = new Map(
    FEE_WAIVER_BODY_KINDS.map((body) => [
      body,
      { body, sent: 0, granted: 0, partlyGranted: 0, refused: 0, deferred: 0, amountSavedFen: 0 },
    ]),
  );
  const within = (d: LocalDate | null) => d !== null && d >= period.from && d <= period.to;
  for (const r of requests) {
    const { body, relief } = FEE_WAIVER_KINDS[r.kind];
    const row = rows.get(body)!;
    if (within(r.sentOn)) row.sent += 1;
    if (r.outcome === null || !within(r.answeredOn)) continue;
    if (r.outcome === 'granted') row.granted += 1;
    if (r.outcome === 'partly_granted') row.partlyGranted += 1;
    if (r.outcome === 'refused') row.refused += 1;
    if (r.outcome !== 'refused' && relief === 'deferral') row.deferred += 1;
    row.amountSavedFen += r.amountSavedFen ?? 0;
  }
  return [...rows.values()];
}
