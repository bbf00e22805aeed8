import { z } from 'zod';
import { BUDGET_PURPOSES, BUDGET_SOURCE_KINDS } from '@fayuan/domain';
import { fen, text, version } from '../funding.schemas.ts';

const year = z.number().int().min(2000).max(2100);
const threshold = z.number().int().min(0).max(1000);

export const createLineBody = z.strictObject({
  year,
  name: text(100),
  sourceKind: z.enum(BUDGET_SOURCE_KINDS),
  purpose: z.enum(BUDGET_PURPOSES),
  amountFen: fen,
  /** Per mille of the allocation below which the line rings its alert; default 100 (10 %). */
  alertThresholdPerMille: threshold.optional(),
  /** The budget document or allocation notice (文号). */
  reference: text(200).nullable().optional(),
});

export const updateLineBody = z.strictObject({
  version,
  name: text(100).optional(),
  amountFen: fen.optional(),
  alertThresholdPerMille: threshold.optional(),
  reference: text(200).nullable().optional(),
});

export const listQuery = z.strictObject({ year: z.coerce.number().int().min(2000).max(2100).optional() });

export const lineItem = z.object({
  id: z.string().uuid(),
  organisationId: z.string().uuid(),
  year: z.number().int(),
  name: z.string(),
  sourceKind: z.enum(BUDGET_SOURCE_KINDS),
  purpose: z.enum(BUDGET_PURPOSES),
  reference: z.string().nullable(),
  alertThresholdPerMille: z.number().int(),
  allocatedFen: z.number().int(),
  committedFen: z.number().int(),
  spentFen: z.number().int(),
  /** Allocated − spent. */
  remainingFen: z.number().int(),
  /** Remaining − committed: what is still free to promise. */
  availableFen: z.number().int(),
  thresholdFen: z.number().int(),
  /** Available has fallen below the threshold. */
  low: z.boolean(),
  version: z.number().int(),
});

export const lineDetail = lineItem.extend({
  caseSubsidies: z.object({ committedFen: z.number().int(), spentFen: z.number().int() }),
  commitments: z.array(
    z.object({
      contractId: z.string().uuid(),
      contractNumber: z.string(),
      providerName: z.string(),
      amountFen: z.number().int(),
      paidFen: z.number().int(),
      openFen: z.number().int(),
    }),
  ),
  entries: z.array(
    z.object({
      kind: z.enum(['donation_use', 'contract_payment']),
      on: z.string(),
      amountFen: z.number().int(),
      description: z.string(),
    }),
  ),
  burnDown: z.array(
    z.object({
      month: z.number().int(),
      spentFen: z.number().int(),
      committedFen: z.number().int(),
      boundFen: z.number().int(),
      allocatedFen: z.number().int(),
    }),
  ),
});
