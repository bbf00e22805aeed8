import { z } from 'zod';
import { PARTNER_KINDS, PARTNER_OPERATIONS } from '@fayuan/domain';
import { listQuery, pageOf } from '../../platform/http/pagination.ts';

/** https anywhere; plain http only to this machine (tests and the partner simulator). */
export function isAllowedCallbackUrl(value: string): boolean {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  if (url.username || url.password) return false;
  if (url.protocol === 'https:') return true;
  return url.protocol === 'http:' && ['localhost', '127.0.0.1'].includes(url.hostname);
}

const callbackUrl = z
  .string()
  .trim()
  .max(500)
  .refine(isAllowedCallbackUrl, 'https URL (http only for localhost or 127.0.0.1)');
const operations = z
  .array(z.enum(PARTNER_OPERATIONS))
  .min(1)
  .max(PARTNER_OPERATIONS.length)
  .refine((list) => new Set(list).size === list.length, 'each operation once');
const name = z.string().trim().min(2).max(100);
const rateLimitPerMinute = z.number().int().min(1).max(100_000);

export const createPartnerBody = z.strictObject({
  kind: z.enum(PARTNER_KINDS),
  name,
  organisationId: z.string().uuid(),
  operations,
  callbackUrl: callbackUrl.optional(),
  rateLimitPerMinute: rateLimitPerMinute.optional(),
});
export type CreatePartnerInput = z.infer<typeof createPartnerBody>;

export const updatePartnerBody = z.strictObject({
  /** The `updatedAt` read with the partner: another save in between answers 409 PARTNER_VERSION_CONFLICT. */
  expectedUpdatedAt: z.string().datetime({ offset: true }),
  name: name.optional(),
  operations: operations.optional(),
  callbackUrl: callbackUrl.nullable().optional(),
  rateLimitPerMinute: rateLimitPerMinute.optional(),
  active: z.boolean().optional(),
});
export type UpdatePartnerInput = z.infer<typeof updatePartnerBody>;

export const KEY_DIRECTIONS = ['inbound', 'outbound'] as const;

export const rotateKeyBody = z.strictObject({
  direction: z.enum(KEY_DIRECTIONS),
  /** How long the replaced key stays valid; default FAYUAN_PARTNER_KEY_OVERLAP_HOURS (24). */
  overlapHours: z.number().int().min(0).max(168).optional(),
});

export const partnerKeySchema = z.object({
  keyId: z.string(),
  direction: z.enum(KEY_DIRECTIONS),
  createdAt: z.string(),
  expiresAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
  lastUsedAt: z.string().nullable(),
  /** Whether it is valid now (not revoked, not past its overlap). */
  live: z.boolean(),
});

export const partnerSchema = z
  .object({
    id: z.string().uuid(),
    kind: z.enum(PARTNER_KINDS),
    name: z.string(),
    organisationId: z.string().uuid(),
    organisationName: z.string(),
    operations: z.array(z.enum(PARTNER_OPERATIONS)),
    callbackUrl: z.string().nullable(),
    rateLimitPerMinute: z.number().int(),
    active: z.boolean(),
    createdAt: z.string(),
    updatedAt: z.string(),
    lastRequestAt: z.string().nullable(),
  })
  .meta({ id: 'Partner' });
export type PartnerView = z.infer<typeof partnerSchema>;

export const partnerDetailSchema = partnerSchema.extend({ keys: z.array(partnerKeySchema) });

export const createdPartnerSchema = z.object({
  id: z.string().uuid(),
  /** The partner's key id and secret (X-Fayuan-Key): shown this once, never again. */
  keyId: z.string(),
  secret: z.string(),
  /** Fayuan's own key for signing callbacks to this partner: shown this once, never again. */
  callbackKeyId: z.string(),
  callbackSecret: z.string(),
});

export const rotatedKeySchema = z.object({
  keyId: z.string(),
  secret: z.string(),
  previousKeyId: z.string().nullable(),
  previousKeyExpiresAt: z.string().nullable(),
});

export const partnerListQuery = listQuery(['name', 'createdAt'], {
  q: z.string().trim().max(100).optional(),
  kind: z.enum(PARTNER_KINDS).optional(),
  organisationId: z.string().uuid().optional(),
  active: z.enum(['true', 'false']).optional(),
});
export const partnerPage = pageOf(partnerSchema);

export const requestLogQuery = z.strictObject({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
  status: z.coerce.number().int().min(100).max(599).optional(),
  operation: z.string().max(60).optional(),
  errorCode: z.string().max(60).optional(),
});
export const requestLogEntrySchema = z.object({
  id: z.number().int(),
  at: z.string(),
  keyId: z.string().nullable(),
  method: z.string(),
  path: z.string(),
  operation: z.string().nullable(),
  status: z.number().int(),
  latencyMs: z.number().int(),
  errorCode: z.string().nullable(),
  requestId: z.string(),
});
export const requestLogPage = pageOf(requestLogEntrySchema);

export const partnerIdParams = z.strictObject({ id: z.string().uuid() });
export const partnerKeyParams = z.strictObject({ id: z.string().uuid(), keyId: z.string().min(1).max(80) });
