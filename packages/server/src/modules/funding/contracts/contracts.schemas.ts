import { z } from 'zod';
import { CONTRACT_SERVICES, PROVIDER_KINDS } from '@fayuan/domain';
import { localDate } from '../../../platform/http/date-schemas.ts';
import { positiveFen, text, version } from '../funding.schemas.ts';

const count = z.number().int().min(0).max(1_000_000);

export const createContractBody = z.strictObject({
  contractNumber: text(100),
  providerKind: z.enum(PROVIDER_KINDS),
  /** A law firm of the registry (providerKind law_firm). */
  lawFirmId: z.string().uuid().nullable().optional(),
  /** The social organisation's name (providerKind social_organisation). */
  providerName: text(200).optional(),
  /** The budget line of the year the contract starts, which funds it. */
  budgetLineId: z.string().uuid(),
  startsOn: localDate,
  endsOn: localDate,
  amountFen: positiveFen,
  casesDue: count,
  dutyDaysDue: count,
  hotlineHoursDue: count,
});

export const updateContractBody = z.strictObject({
  version,
  contractNumber: text(100).optional(),
  endsOn: localDate.optional(),
  amountFen: positiveFen.optional(),
  casesDue: count.optional(),
  dutyDaysDue: count.optional(),
  hotlineHoursDue: count.optional(),
});

export const paymentBody = z.strictObject({
  amountFen: positiveFen,
  paidOn: localDate,
  /** The voucher or bank reference. */
  reference: text(100),
});

export const hoursBody = z.strictObject({
  servedOn: localDate,
  minutes: z
    .number()
    .int()
    .min(1)
    .max(24 * 60),
  note: text(500),
});

const counts = z.object({ cases: z.number(), dutyDays: z.number(), hotlineHours: z.number() });

export const contractItem = z.object({
  id: z.string().uuid(),
  contractNumber: z.string(),
  providerKind: z.enum(PROVIDER_KINDS),
  providerName: z.string(),
  lawFirmId: z.string().uuid().nullable(),
  budgetLine: z.object({ id: z.string().uuid(), name: z.string() }),
  startsOn: z.string(),
  endsOn: z.string(),
  amountFen: z.number().int(),
  paidFen: z.number().int(),
  due: counts,
  version: z.number().int(),
});

export const contractDetailSchema = contractItem.extend({
  progress: z.array(
    z.object({
      service: z.enum(CONTRACT_SERVICES),
      due: z.number(),
      delivered: z.number(),
      perMille: z.number().int().nullable(),
    }),
  ),
  /** Hotline seconds found in the 12348 consultation records of the firm's lawyers. */
  recordedHotlineSeconds: z.number().int(),
  /** Hotline minutes entered by hand. */
  manualHotlineMinutes: z.number().int(),
  payments: z.array(
    z.object({
      id: z.string().uuid(),
      amountFen: z.number().int(),
      paidOn: z.string(),
      reference: z.string(),
    }),
  ),
  hotlineEntries: z.array(
    z.object({ id: z.string().uuid(), servedOn: z.string(), minutes: z.number().int(), note: z.string() }),
  ),
});
