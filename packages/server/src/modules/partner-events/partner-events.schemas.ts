import { z } from 'zod';
import { PARTNER_EVENT_KINDS } from '../../db/schema/index.ts';
import { pageOf } from '../../platform/http/pagination.ts';

export const eventsQuery = z.strictObject({
  /** The cursor of the last event already read (`nextCursor` of the previous page); none: from the start. */
  after: z
    .string()
    .regex(/^[0-9]{1,15}$/)
    .optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const partnerEventSchema = z.object({
  /** The event's id: the same in its callback, so a partner can tell a repeat. */
  id: z.string().uuid(),
  cursor: z.string(),
  kind: z.enum(PARTNER_EVENT_KINDS),
  occurredAt: z.string(),
  data: z.record(z.string(), z.unknown()),
});

export const eventsPage = z.object({
  events: z.array(partnerEventSchema),
  /** Pass as `after` next time; unchanged when there was nothing new. */
  nextCursor: z.string(),
});

export const deliveriesQuery = z.strictObject({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
  status: z.enum(['pending', 'delivered', 'failed']).optional(),
});

export const deliverySchema = z.object({
  id: z.string().uuid(),
  eventId: z.string().uuid(),
  kind: z.enum(PARTNER_EVENT_KINDS),
  applicationId: z.string().uuid(),
  applicationNumber: z.string(),
  status: z.enum(['pending', 'delivered', 'failed']),
  attempts: z.number().int(),
  createdAt: z.string(),
  lastAttemptAt: z.string().nullable(),
  lastHttpStatus: z.number().int().nullable(),
  lastError: z.string().nullable(),
  latencyMs: z.number().int().nullable(),
  nextAttemptAt: z.string().nullable(),
  deliveredAt: z.string().nullable(),
});

export const deliveriesPage = pageOf(deliverySchema);
export const deliveryParams = z.strictObject({ id: z.string().uuid(), deliveryId: z.string().uuid() });
