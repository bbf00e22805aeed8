import { z } from 'zod';
import { APPLICANT_CATEGORIES } from '@fayuan/domain';
import { factCode } from '../../rules/rule-tables.ts';

const text = (max: number) => z.string().trim().min(1).max(max);

/** The online application (issue 14, pinned): what a citizen can say for themselves, no more. */
export const portalApplicationBody = z.strictObject({
  /** The centre applied to, by its administrative code (e.g. 110108 for Haidian). */
  organisationCode: z.string().regex(/^\d{6}$/, 'a 6-digit organisation code'),
  /** A code of the matter catalogue in force (the self-test's list). */
  matter: z.string().regex(/^[a-z][a-z0-9_]{1,63}$/),
  /** What happened and what help is wanted, in the applicant's words. */
  description: text(20_000),
  applicant: z.strictObject({
    name: text(100),
    /** Resident identity number (checksum checked: the real-name check). */
    idNumber: text(40),
    categories: z.array(z.enum(APPLICANT_CATEGORIES)).max(APPLICANT_CATEGORIES.length).optional(),
  }),
  household: z
    .strictObject({
      members: z.number().int().min(1).max(50),
      monthlyIncomeFen: z.number().int().min(0).max(10_000_000_000),
    })
    .optional(),
  /** Yes/no facts by code (rule list `fact` in force), as the self-test asks them. */
  facts: z
    .record(factCode, z.boolean())
    .refine((f) => Object.keys(f).length <= 50, 'at most 50 facts')
    .optional(),
  /** The applicant's pledge that what they state is true (诚信承诺, LAL art.41): must be true. */
  pledge: z.boolean(),
});
export type PortalApplicationInput = z.infer<typeof portalApplicationBody>;

export const portalApplicationCreated = z.object({
  id: z.string().uuid(),
  receiptNumber: z.string(),
  state: z.string(),
});

export const pledgeResponse = z.object({ version: z.string(), text: z.string(), citation: z.string() });

const timelineEntry = z.object({ at: z.string(), title: z.string(), text: z.string().nullable() });

export const portalApplicationSummary = z.object({
  id: z.string().uuid(),
  receiptNumber: z.string(),
  matterName: z.string(),
  state: z.string(),
  stateLabel: z.string(),
  receivedAt: z.string(),
  dueDate: z.string().nullable(),
});

export const portalApplicationList = z.object({ items: z.array(portalApplicationSummary) });

/** GET /applications/{id} (pinned core: id, state, timeline, dueDate). */
export const portalApplicationDetail = portalApplicationSummary.extend({
  timeline: z.array(timelineEntry),
  countdown: z.string().nullable(),
  centre: z.object({ name: z.string(), phone: z.string().nullable(), address: z.string().nullable() }),
  materials: z.array(
    z.object({ code: z.string(), name: z.string(), status: z.string(), files: z.number().int() }),
  ),
  supplement: z.object({ items: z.array(z.string()), dueDate: z.string().nullable() }).nullable(),
  documents: z.array(
    z.object({
      id: z.string().uuid(),
      kind: z.string(),
      title: z.string(),
      number: z.string(),
      issuedAt: z.string(),
    }),
  ),
  objection: z.object({ open: z.boolean(), until: z.string().nullable(), filed: z.boolean() }),
  closed: z.boolean(),
});

export const accessLog = z.object({
  items: z.array(
    z.object({ at: z.string(), organisation: z.string(), role: z.string(), purpose: z.string() }),
  ),
});

export const idParams = z.strictObject({ id: z.string().uuid() });
export const documentParams = z.strictObject({ id: z.string().uuid(), documentId: z.string().uuid() });
export const uploadQuery = z.strictObject({
  material: z
    .string()
    .regex(/^[a-z][a-z0-9_]{1,63}$/)
    .optional(),
  name: text(200),
});
export const objectionBody = z.strictObject({ reason: text(5000) });
