import { z } from 'zod';
import { CASE_STATES } from '@fayuan/domain';
import { listQuery, pageOf } from '../../platform/http/pagination.ts';

const flag = z.enum(['true', 'false']).transform((v) => v === 'true');

export const inboxQuery = listQuery(['receivedAt'], {
  kind: z.enum(['notice', 'forwarded']).optional(),
  source: z.enum(['partner', 'staff']).optional(),
  /** Notices still waiting for a handler (待指派). */
  unassigned: flag.optional(),
  /** The running clock has passed its due time. */
  overdue: flag.optional(),
});
export type InboxQuery = z.infer<typeof inboxQuery>;

export const inboxItem = z.object({
  id: z.string().uuid(),
  number: z.string(),
  kind: z.enum(['notice', 'forwarded']),
  /** Came through the partner API, or recorded by staff from paper. */
  source: z.enum(['partner', 'staff']),
  /** The organ that sent or forwarded it (the partner's name for the API). */
  institution: z.string().nullable(),
  /** The organ's own number for the notice or its case (通知书文号 / 案号), as it sent or staff typed it. */
  institutionNumber: z.string().nullable(),
  personName: z.string(),
  receivedAt: z.string(),
  /** The running clock's due time: for a notice, the 3-day assignment period (LAL art.36). */
  dueAt: z.string().nullable(),
  dueDate: z.string().nullable(),
  overdue: z.boolean(),
  forwardedLate: z.boolean().nullable(),
  state: z.enum(CASE_STATES),
});

export const inboxPage = pageOf(inboxItem);
