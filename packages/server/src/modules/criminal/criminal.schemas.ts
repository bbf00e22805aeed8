import { z } from 'zod';
import { CRIMINAL_NOTICE_GROUNDS, CRIMINAL_STAGES } from '@fayuan/domain';
import { instant, localDate } from '../../platform/http/date-schemas.ts';
import { noticePerson } from '../applications/applications.schemas.ts';

const text = (max: number) => z.string().trim().min(1).max(max);

/** The notice letter (or the forwarded application form) as a PDF, base64 in the JSON body. */
export const partnerAttachment = z.strictObject({
  fileName: text(200),
  contentType: z.literal('application/pdf'),
  /** At most 20 MiB once decoded (ATTACHMENT_MAX_BYTES); checked by content to be a PDF. */
  contentBase64: z
    .string()
    .min(1)
    .max(28_000_000)
    .regex(/^[A-Za-z0-9+/]+={0,2}$/, 'base64'),
});

/** `POST /api/partner/v1/criminal-notices`: 通知辩护/代理 from police, a procuratorate or a court. */
export const partnerNoticeBody = z.strictObject({
  institutionCaseNumber: text(100),
  stage: z.enum(CRIMINAL_STAGES),
  ground: z.enum(Object.keys(CRIMINAL_NOTICE_GROUNDS) as [string, ...string[]]),
  charges: z.array(text(100)).min(1).max(20),
  defendant: noticePerson.extend({ detained: z.boolean(), detentionPlace: text(200).optional() }),
  /** GB/T 2260 code of the district whose court hears the case (six digits). */
  courtDistrictCode: z
    .string()
    .regex(/^\d{6}$/, 'six digits')
    .optional(),
  facts: text(20_000).optional(),
  attachments: z.array(partnerAttachment).max(5).optional(),
});
export type PartnerNoticeInput = z.infer<typeof partnerNoticeBody>;

/**
 * A notice's status for the organ, derived from the case: `received` (no handler yet), `assigned`
 * (a handler is assigned or has accepted), `handler_changed` (the handler was replaced and the new
 * one is assigned), `awaiting_reassignment` (a handler declined or was replaced and none is
 * assigned yet), `closed`, `terminated` (aid ended, LAL art.48), `withdrawn`.
 */
export const NOTICE_STATUSES = [
  'received',
  'assigned',
  'handler_changed',
  'awaiting_reassignment',
  'closed',
  'terminated',
  'withdrawn',
] as const;

export const partnerNoticeReceipt = z.object({
  id: z.string().uuid(),
  receivedAt: z.string(),
  /** The last day (Beijing date) of the 3-day assignment period, LAL art.36. */
  assignmentDueDate: localDate.nullable(),
  status: z.enum(NOTICE_STATUSES),
});

export const partnerDocument = z.object({
  id: z.string().uuid(),
  kind: z.enum(['assignment_letter', 'meeting_letter']),
  number: z.string(),
  issuedAt: z.string(),
  url: z.string(),
});

export const partnerNoticeView = partnerNoticeReceipt.extend({
  institutionCaseNumber: z.string().nullable(),
  handler: z
    .object({
      name: z.string(),
      firm: z.string().nullable(),
      licenceNumber: z.string().nullable(),
      phone: z.string().nullable(),
    })
    .nullable(),
  documents: z.array(partnerDocument),
});

/** `POST /api/partner/v1/forwarded-applications`: a detainee's application forwarded (LAL art.39). */
export const forwardedApplicationBody = z.strictObject({
  applicant: noticePerson,
  detained: z.boolean(),
  detentionPlace: text(200).optional(),
  /** When the detainee asked for legal aid; the 24-hour forwarding period runs from it. */
  requestedAt: instant,
  /** A matter code of the rule list `matter`; defaults to criminal defence. */
  matter: z.string().trim().min(1).max(64).default('criminal_defense'),
  facts: text(20_000).optional(),
  institutionCaseNumber: text(100).optional(),
  attachments: z.array(partnerAttachment).max(5).optional(),
});
export type ForwardedApplicationInput = z.infer<typeof forwardedApplicationBody>;

export const forwardedReceipt = z.object({
  id: z.string().uuid(),
  receivedAt: z.string(),
  /** The case's state code (CASE_STATES), e.g. `received`, `granted`, `refused`. */
  status: z.string(),
  /** Forwarded more than the `custody_transfer` period (24 h, LAL art.39) after the detainee asked. */
  forwardedLate: z.boolean(),
});

export const forwardedView = forwardedReceipt.extend({
  requestedAt: z.string().nullable(),
  decision: z.enum(['grant', 'refuse']).nullable(),
  decidedAt: z.string().nullable(),
});

export const idParams = z.strictObject({ id: z.string().uuid() });
export const documentParams = z.strictObject({ id: z.string().uuid(), documentId: z.string().uuid() });
