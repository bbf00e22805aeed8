import { z } from 'zod';
import { DONOR_KINDS } from '@fayuan/domain';
import { localDate } from '../../../platform/http/date-schemas.ts';
import { positiveFen, text } from '../funding.schemas.ts';

export const createDonationBody = z.strictObject({
  donorKind: z.enum(DONOR_KINDS),
  /** The person's or organisation's name; no phone or identity number is kept. */
  donorName: text(200),
  /** What the donor gave it for (an earmark). */
  purpose: text(500),
  amountFen: positiveFen,
  receivedOn: localDate,
});

export const useBody = z.strictObject({
  /** The budget line of the use's year it is spent from. */
  budgetLineId: z.string().uuid(),
  amountFen: positiveFen,
  usedOn: localDate,
  description: text(500),
  /** The case it was used for, by its number (受理编号). */
  applicationNumber: text(100).optional(),
});

export const donationItem = z.object({
  id: z.string().uuid(),
  receiptNumber: z.string(),
  donorKind: z.enum(DONOR_KINDS),
  donorName: z.string(),
  purpose: z.string(),
  amountFen: z.number().int(),
  receivedOn: z.string(),
  usedFen: z.number().int(),
  leftFen: z.number().int(),
  version: z.number().int(),
});

export const donationDetailSchema = donationItem.extend({
  centreName: z.string(),
  uses: z.array(
    z.object({
      id: z.string().uuid(),
      amountFen: z.number().int(),
      usedOn: z.string(),
      description: z.string(),
      budgetLine: z.object({ id: z.string().uuid(), name: z.string() }),
      application: z.object({ id: z.string().uuid(), number: z.string() }).nullable(),
    }),
  ),
});
