import { z } from 'zod';
import { APPLICANT_CATEGORIES, DOCUMENT_TYPES, REPRESENTATIVE_ROLES, SEXES } from '@fayuan/domain';
import { listQuery, pageOf } from '../../platform/http/pagination.ts';
import { localDate } from '../../platform/http/date-schemas.ts';

// Format is checked by the use case (normalisePhone / checkResidentIdNumber) so the client gets a stable code.
const phone = z.string().trim().min(1).max(40);
export const idNumber = z.string().trim().min(1).max(40);
const categories = z.array(z.enum(APPLICANT_CATEGORIES)).max(APPLICANT_CATEGORIES.length);

const householdMember = z.strictObject({
  name: z.string().trim().min(1).max(100),
  relation: z.string().trim().min(1).max(30),
  birthDate: localDate.nullable().default(null),
});
const householdMembers = z.array(householdMember).max(30);

const representativeBody = z.strictObject({
  name: z.string().trim().min(1).max(100),
  role: z.enum(REPRESENTATIVE_ROLES),
  relation: z.string().trim().min(1).max(30).nullable().default(null),
  phone: phone.nullable().default(null),
});

export const createPersonBody = z.strictObject({
  /** Defaults to the caller's organisation; another one must lie in the caller's scope. */
  ownerOrgId: z.string().uuid().optional(),
  name: z.string().trim().min(1).max(100),
  documentType: z.enum(DOCUMENT_TYPES).default('resident_id'),
  idNumber: idNumber.optional(),
  /** Derived from a resident identity number; when given as well, it must agree. */
  birthDate: localDate.optional(),
  sex: z.enum(SEXES).optional(),
  phone: phone.optional(),
  address: z.string().trim().min(1).max(300).optional(),
  categories: categories.default([]),
  householdMembers: householdMembers.default([]),
  representative: representativeBody.optional(),
});
export type CreatePersonInput = z.infer<typeof createPersonBody>;

export const updatePersonBody = z
  .strictObject({
    name: z.string().trim().min(1).max(100),
    documentType: z.enum(DOCUMENT_TYPES),
    idNumber: idNumber.nullable(),
    birthDate: localDate.nullable(),
    sex: z.enum(SEXES).nullable(),
    phone: phone.nullable(),
    address: z.string().trim().min(1).max(300).nullable(),
    categories,
    householdMembers,
    representative: representativeBody.nullable(),
  })
  .partial();
export type UpdatePersonInput = z.infer<typeof updatePersonBody>;

export const personSchema = z.object({
  id: z.string().uuid(),
  ownerOrgId: z.string().uuid(),
  ownerOrgName: z.string(),
  name: z.string(),
  namePinyin: z.string(),
  documentType: z.enum(DOCUMENT_TYPES),
  idNumberMasked: z.string().nullable(),
  /** Null for a reader without person.unmask: the date would rebuild the masked number. */
  birthDate: z.string().nullable(),
  birthYear: z.number().int().nullable(),
  sex: z.enum(SEXES).nullable(),
  phoneMasked: z.string().nullable(),
  address: z.string().nullable(),
  categories: z.array(z.enum(APPLICANT_CATEGORIES)),
  householdMembers: z.array(
    z.object({
      name: z.string(),
      relation: z.string(),
      birthDate: z.string().nullable(),
      birthYear: z.number().int().nullable(),
    }),
  ),
  representative: z
    .object({
      name: z.string(),
      role: z.enum(REPRESENTATIVE_ROLES),
      relation: z.string().nullable(),
      phoneMasked: z.string().nullable(),
    })
    .nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type PersonView = z.infer<typeof personSchema>;

export const PERSON_WARNINGS = ['PERSON_SAME_NAME_BIRTH_DATE', 'PERSON_SAME_PHONE'] as const;
export type PersonWarning = { code: (typeof PERSON_WARNINGS)[number]; personId: string };

/** Create and update answer the person plus possible duplicates in scope, which never block the save. */
export const personWithWarnings = personSchema.extend({
  warnings: z.array(z.object({ code: z.enum(PERSON_WARNINGS), personId: z.string().uuid() })),
});

export const unmaskedSchema = z.object({
  idNumber: z.string().nullable(),
  phone: z.string().nullable(),
  representativePhone: z.string().nullable(),
});

export const personListQuery = listQuery(['name', 'createdAt', 'birthDate'], {
  q: z.string().trim().max(100).optional(),
  category: z.enum(APPLICANT_CATEGORIES).optional(),
  documentType: z.enum(DOCUMENT_TYPES).optional(),
  ownerOrgId: z.string().uuid().optional(),
});
export type PersonListQuery = z.infer<typeof personListQuery>;
export const personPage = pageOf(personSchema);
