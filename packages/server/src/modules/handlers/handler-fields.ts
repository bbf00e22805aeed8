import { and, eq, inArray } from 'drizzle-orm';
import {
  compareDates,
  effectiveByKey,
  needsLicence,
  normalisePhone,
  type HandlerKind,
  type LocalDate,
  type MatterRule,
  type VolunteerSubkind,
} from '@fayuan/domain';
import type { Queryable } from '../../db/client.ts';
import type { handlers } from '../../db/schema/index.ts';
import { CASE_TYPES, lawFirms, organisations, users } from '../../db/schema/index.ts';
import type { Actor } from '../../platform/context.ts';
import type { FieldCipher } from '../../platform/crypto/field-cipher.ts';
import { AppError } from '../../platform/errors.ts';
import { ownerInScope } from '../../platform/scope/data-scope.ts';
import { jurisdictionChain, rulesOf } from '../rules/rules.repository.ts';
import { toDomainRule } from '../rules/rule-tables.ts';
import { namePinyin } from '../people/person-fields.ts';

/** Specialties are read against Beijing's matter catalogue. */
const HANDLER_JURISDICTION = '110000';
/** Organisation kinds whose cases a handler may serve (the districts served). */
const CENTRE_KINDS = ['city_centre', 'district_centre'];

/** A handler's editable fields in plain text: what create and update validate and compare. */
export type HandlerFields = {
  organisationId: string;
  userId: string | null;
  name: string;
  kind: HandlerKind;
  volunteerSubkind: VolunteerSubkind | null;
  firmId: string | null;
  licenceNumber: string | null;
  practiceStartDate: string | null;
  criminalPracticeStartDate: string | null;
  specialties: string[];
  languages: string[];
  districtsServed: string[];
  familiarWithMinors: boolean;
  capacity: number;
  phone: string | null;
};

export function fieldsOf(cipher: FieldCipher, h: typeof handlers.$inferSelect): HandlerFields {
  return {
    organisationId: h.organisationId,
    userId: h.userId,
    name: h.name,
    kind: h.kind,
    volunteerSubkind: h.volunteerSubkind,
    firmId: h.firmId,
    licenceNumber: h.licenceNumber,
    practiceStartDate: h.practiceStartDate,
    criminalPracticeStartDate: h.criminalPracticeStartDate,
    specialties: h.specialties,
    languages: h.languages,
    districtsServed: h.districtsServed,
    familiarWithMinors: h.familiarWithMinors,
    capacity: h.capacity,
    phone: h.phoneSealed ? cipher.open(h.phoneSealed) : null,
  };
}

/**
 * Validates the fields the request changes (`changed`) and normalises them: a licence for every
 * kind but volunteers, a subkind for volunteers only, dates not in the future and criminal practice
 * not before practice, specialties from the catalogue in force or case types, centres as districts
 * served, a handler login in scope, a firm on file, a canonical phone.
 */
export async function checkFields(
  db: Queryable,
  actor: Actor,
  fields: HandlerFields,
  changed: ReadonlySet<keyof HandlerFields>,
  today: LocalDate,
): Promise<HandlerFields> {
  const result: HandlerFields = {
    ...fields,
    licenceNumber: fields.licenceNumber?.replace(/\s+/g, '') || null,
    specialties: [...new Set(fields.specialties)],
    languages: [...new Set(fields.languages)],
    districtsServed: [...new Set(fields.districtsServed)],
  };
  if (needsLicence(result.kind) && result.licenceNumber === null)
    throw new AppError('HANDLER_LICENCE_REQUIRED', { field: 'licenceNumber' });
  if ((result.kind === 'volunteer') !== (result.volunteerSubkind !== null))
    throw new AppError('HANDLER_SUBKIND_INVALID', { field: 'volunteerSubkind' });
  for (const field of ['practiceStartDate', 'criminalPracticeStartDate'] as const) {
    const value = result[field];
    if (changed.has(field) && value !== null && compareDates(value as LocalDate, today) > 0)
      throw new AppError('HANDLER_DATES_INVALID', { field });
  }
  if (
    result.practiceStartDate !== null &&
    result.criminalPracticeStartDate !== null &&
    compareDates(result.criminalPracticeStartDate as LocalDate, result.practiceStartDate as LocalDate) < 0
  )
    throw new AppError('HANDLER_DATES_INVALID', { field: 'criminalPracticeStartDate' });
  if (changed.has('organisationId')) {
    const [owner] = await db
      .select({ id: organisations.id })
      .from(organisations)
      .where(and(eq(organisations.id, result.organisationId), ownerInScope(actor.scope, organisations.id)));
    if (!owner) throw new AppError('NOT_FOUND', { field: 'organisationId' });
  }
  if (changed.has('firmId') && result.firmId !== null) {
    const [firm] = await db.select({ id: lawFirms.id }).from(lawFirms).where(eq(lawFirms.id, result.firmId));
    if (!firm) throw new AppError('NOT_FOUND', { field: 'firmId' });
  }
  if (changed.has('userId') && result.userId !== null) {
    const [user] = await db
      .select({ roles: users.roles, status: users.status })
      .from(users)
      .where(and(eq(users.id, result.userId), ownerInScope(actor.scope, users.organisationId)));
    if (!user || !user.roles.includes('handler'))
      throw new AppError('HANDLER_USER_INVALID', { field: 'userId' });
  }
  if (changed.has('specialties')) await assertSpecialtiesKnown(db, result.specialties, today);
  if (changed.has('districtsServed') && result.districtsServed.length > 0) {
    const found = await db
      .select({ id: organisations.id })
      .from(organisations)
      .where(
        and(inArray(organisations.id, result.districtsServed), inArray(organisations.kind, CENTRE_KINDS)),
      );
    if (found.length !== result.districtsServed.length)
      throw new AppError('HANDLER_DISTRICT_UNKNOWN', { field: 'districtsServed' });
  }
  if (result.phone !== null) {
    const check = normalisePhone(result.phone);
    if (!check.ok) throw new AppError('PHONE_INVALID', { field: 'phone' });
    result.phone = check.phone;
  }
  return result;
}

async function assertSpecialtiesKnown(db: Queryable, specialties: string[], today: LocalDate) {
  const unknown = specialties.filter((s) => !(CASE_TYPES as readonly string[]).includes(s));
  if (unknown.length === 0) return;
  const chain = await jurisdictionChain(db, HANDLER_JURISDICTION);
  const matters = (await rulesOf(db, 'matter', chain)).map((r) => toDomainRule<MatterRule>(r));
  const inForce = effectiveByKey(matters, chain, today, (m) => m.code);
  const missing = unknown.filter((s) => !inForce.has(s));
  if (missing.length > 0) throw new AppError('HANDLER_SPECIALTY_UNKNOWN', { field: 'specialties', missing });
}

/** The row columns for validated fields: pinyin computed, the phone sealed beside its hash. */
export function toColumns(cipher: FieldCipher, fields: HandlerFields) {
  const { phone, ...plain } = fields;
  const { full, initials } = namePinyin(fields.name);
  const sealed = phone === null ? null : cipher.seal(phone);
  return {
    ...plain,
    namePinyin: full,
    nameInitials: initials,
    phoneSealed: sealed?.sealed ?? null,
    phoneHash: sealed?.hash ?? null,
  };
}
