import { z } from 'zod';
import { PAYEE_KINDS } from '../../db/schema/index.ts';
import { localDate } from '../../platform/http/date-schemas.ts';

/** A subsidy paid on a case (LAL art.52): the amount as paid, in fen; nothing is computed yet. */
export const paymentBody = z.strictObject({
  amountFen: z.number().int().positive().max(Number.MAX_SAFE_INTEGER),
  paidOn: localDate,
  paymentReference: z.string().trim().min(1).max(100),
});
export type PaymentInput = z.infer<typeof paymentBody>;

export const paymentSchema = z.object({
  id: z.string().uuid(),
  applicationId: z.string().uuid(),
  handler: z.object({ id: z.string().uuid(), name: z.string() }),
  payee: z.object({
    kind: z.enum(PAYEE_KINDS),
    /** The law firm's id, or the handler's. */
    id: z.string().uuid(),
    name: z.string(),
  }),
  amountFen: z.number().int(),
  paidOn: z.string(),
  paymentReference: z.string(),
  recordedBy: z.object({ id: z.string().uuid(), displayName: z.string() }),
  recordedAt: z.string(),
  /** Reserved for the subsidy area's payment batches and rate table; null for now. */
  batchId: z.string().uuid().nullable(),
  rateRuleId: z.string().nullable(),
});
export type PaymentView = z.infer<typeof paymentSchema>;
