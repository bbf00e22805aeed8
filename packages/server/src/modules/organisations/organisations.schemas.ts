import { z } from 'zod';
import { listQuery, pageOf } from '../../platform/http/pagination.ts';

const code = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,39}$/, 'letters, digits, - and _');
const regionCode = z.string().regex(/^\d{6}$/, 'six-digit administrative division code');
const phone = z
  .string()
  .trim()
  .regex(/^[0-9+\-() ]{5,30}$/, 'phone number');

export const organisationSchema = z
  .object({
    id: z.string().uuid(),
    parentId: z.string().uuid().nullable(),
    code: z.string(),
    name: z.string(),
    kind: z.string(),
    regionCode: z.string().nullable(),
    address: z.string().nullable(),
    phone: z.string().nullable(),
    /** Public office hours (接待时间), as the office states them. */
    officeHours: z.string().nullable(),
    active: z.boolean(),
    path: z.string(),
    depth: z.number().int(),
    createdAt: z.string(),
  })
  .meta({ id: 'Organisation' });
export type OrganisationView = z.infer<typeof organisationSchema>;

export const createOrganisationBody = z.strictObject({
  parentId: z.string().uuid(),
  code,
  name: z.string().trim().min(2).max(100),
  kind: z.string().min(1).max(60),
  regionCode: regionCode.optional(),
  address: z.string().trim().max(200).optional(),
  phone: phone.optional(),
  officeHours: z.string().trim().min(1).max(200).optional(),
});

export const updateOrganisationBody = z
  .strictObject({
    parentId: z.string().uuid(),
    name: z.string().trim().min(2).max(100),
    kind: z.string().min(1).max(60),
    regionCode: regionCode.nullable(),
    address: z.string().trim().max(200).nullable(),
    phone: phone.nullable(),
    officeHours: z.string().trim().min(1).max(200).nullable(),
    active: z.boolean(),
  })
  .partial();

export const organisationListQuery = listQuery(['name', 'code', 'createdAt'], {
  q: z.string().trim().max(100).optional(),
  kind: z.string().max(60).optional(),
  parentId: z.string().uuid().optional(),
  active: z.enum(['true', 'false']).optional(),
});
export const organisationPage = pageOf(organisationSchema);

export const idParams = z.strictObject({ id: z.string().uuid() });

export const organisationKindSchema = z.object({
  code: z.string(),
  nameZh: z.string(),
  nameEn: z.string(),
  active: z.boolean(),
  sortOrder: z.number().int(),
});
export const createOrganisationKindBody = z.strictObject({
  code: z.string().regex(/^[a-z][a-z0-9_]{1,59}$/),
  nameZh: z.string().trim().min(2).max(60),
  nameEn: z.string().trim().min(2).max(100),
  sortOrder: z.number().int().min(0).max(1000).optional(),
});
export const updateOrganisationKindBody = z
  .strictObject({
    nameZh: z.string().trim().min(2).max(60),
    nameEn: z.string().trim().min(2).max(100),
    sortOrder: z.number().int().min(0).max(1000),
    active: z.boolean(),
  })
  .partial();
export const kindParams = z.strictObject({ code: z.string().max(60) });
