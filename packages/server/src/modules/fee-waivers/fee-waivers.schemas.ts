import { z } from 'zod';
import {
  CASE_STATES,
  FEE_WAIVER_BODY_KINDS,
  FEE_WAIVER_OUTCOMES,
  FEE_WAIVER_REQUEST_KINDS,
  FEE_WAIVER_STATUSES,
} from '@fayuan/domain';
import { localDate } from '../../platform/http/date-schemas.ts';

const text = (max: number) => z.string().trim().min(1).max(max);
const version = z.number().int().min(1).optional();
/** Integer fen, up to ten thousand million yuan. */
const fen = z.number().int().min(0).max(1_000_000_000_000);

export const idParams = z.strictObject({ id: z.string().uuid() });

export const createBody = z.strictObject({
  applicationId: z.string().uuid(),
  bodyKind: z.enum(FEE_WAIVER_BODY_KINDS),
  bodyName: text(200),
  requestKind: z.enum(FEE_WAIVER_REQUEST_KINDS),
  /** The fee in the body's words, e.g. 案件受理费 or 公证费（继承权公证）. */
  feeDescription: text(200),
  /** The fee in fen, when the body stated it. */
  amountAskedFen: fen.nullable().optional(),
});

export const sendBody = z.strictObject({ version });
export const withdrawBody = z.strictObject({ version, reason: text(500) });
export const answerBody = z.strictObject({
  version,
  outcome: z.enum(FEE_WAIVER_OUTCOMES),
  /** What the recipient does not pay, in fen: 0 for a refusal or a deferral. */
  amountSavedFen: fen,
  /** The date a deferred fee falls due (a deferral granted). */
  deferredUntil: localDate.nullable().optional(),
  /** The date of the body's answer. */
  answeredOn: localDate,
  /** The body's own reference (its ruling or letter number). */
  answerReference: text(100).optional(),
  answerNote: text(1000).optional(),
});

export const listQuery = z.strictObject({
  status: z.enum(FEE_WAIVER_STATUSES).optional(),
  bodyKind: z.enum(FEE_WAIVER_BODY_KINDS).optional(),
  applicationId: z.string().uuid().optional(),
});
export const caseQuery = z.strictObject({
  number: text(100).optional(),
  applicationId: z.string().uuid().optional(),
});
export const summaryQuery = z.strictObject({ from: localDate, to: localDate });

export const stepResult = z.object({ status: z.enum(FEE_WAIVER_STATUSES), version: z.number().int() });

export const requestItem = z.object({
  id: z.string().uuid(),
  applicationId: z.string().uuid(),
  applicationNumber: z.string(),
  recipientName: z.string(),
  bodyKind: z.enum(FEE_WAIVER_BODY_KINDS),
  bodyName: z.string(),
  requestKind: z.enum(FEE_WAIVER_REQUEST_KINDS),
  /** The provisions the request rests on (short form: `LAL art.53; OPN (八)`). */
  citation: z.string(),
  feeDescription: z.string(),
  amountAskedFen: z.number().int().nullable(),
  status: z.enum(FEE_WAIVER_STATUSES),
  letterNumber: z.string().nullable(),
  outcome: z.enum(FEE_WAIVER_OUTCOMES).nullable(),
  amountSavedFen: z.number().int().nullable(),
  deferredUntil: z.string().nullable(),
  answeredOn: z.string().nullable(),
  sentAt: z.string().nullable(),
  createdAt: z.string(),
  version: z.number().int(),
});

export const requestDetail = requestItem.extend({
  centreName: z.string(),
  answerReference: z.string().nullable(),
  answerNote: z.string().nullable(),
  answeredAt: z.string().nullable(),
  withdrawReason: z.string().nullable(),
});

export const caseLookup = z.object({
  applicationId: z.string().uuid(),
  applicationNumber: z.string(),
  recipientName: z.string(),
  state: z.enum(CASE_STATES),
  /** Whether a request can be made for the case now (aid granted, not ended or archived). */
  aided: z.boolean(),
  /** The court recorded on the application, suggested as the body for litigation fees. */
  courtName: z.string().nullable(),
});

const counts = z.object({
  sent: z.number().int(),
  granted: z.number().int(),
  partlyGranted: z.number().int(),
  refused: z.number().int(),
  deferred: z.number().int(),
  amountSavedFen: z.number().int(),
});
export const summary = z.object({
  from: z.string(),
  to: z.string(),
  bodies: z.array(counts.extend({ body: z.enum(FEE_WAIVER_BODY_KINDS) })),
  total: counts,
});
