import { pinyin } from 'pinyin-pro';
import {
  checkResidentIdNumber,
  normalisePhone,
  type ApplicantCategory,
  type DocumentType,
  type LocalDate,
  type RepresentativeRole,
  type Sex,
} from '@fayuan/domain';
import type { HouseholdMember, persons } from '../../db/schema/index.ts';
import type { FieldCipher } from '../../platform/crypto/field-cipher.ts';
import { AppError } from '../../platform/errors.ts';

/** A person's editable fields in plain text: what create and update validate and compare. */
export type PersonFields = {
  name: string;
  documentType: DocumentType;
  idNumber: string | null;
  birthDate: string | null;
  sex: Sex | null;
  phone: string | null;
  address: string | null;
  categories: ApplicantCategory[];
  householdMembers: HouseholdMember[];
  representativeName: string | null;
  representativeRole: RepresentativeRole | null;
  representativeRelation: string | null;
  representativePhone: string | null;
};

type PersonRow = typeof persons.$inferSelect;

/**
 * Validates and normalises: a resident identity number must pass GB 11643 and gives the birth date
 * and sex (a birth date or sex given in the same request must agree); phones take their canonical
 * form so that the lookup hash finds them however they were typed.
 */
export function normaliseFields(
  fields: PersonFields,
  today: LocalDate,
  given: { birthDate?: boolean; sex?: boolean } = {},
): PersonFields {
  const result = { ...fields, categories: [...new Set(fields.categories)] };
  if (result.idNumber !== null) result.idNumber = result.idNumber.replace(/\s+/g, '').toUpperCase();
  if (result.documentType === 'resident_id' && result.idNumber !== null) {
    const check = checkResidentIdNumber(result.idNumber, today);
    if (!check.ok) throw new AppError('ID_NUMBER_INVALID', { field: 'idNumber', problem: check.problem });
    const { birthDate, sex } = check.identity;
    if ((given.birthDate && result.birthDate !== birthDate) || (given.sex && result.sex !== sex))
      throw new AppError('ID_NUMBER_MISMATCH', { birthDate, sex });
    result.birthDate = birthDate;
    result.sex = sex;
  }
  result.phone = canonicalPhone(result.phone, 'phone');
  result.representativePhone = canonicalPhone(result.representativePhone, 'representative.phone');
  if (result.representativeName === null) {
    result.representativeRole = null;
    result.representativeRelation = null;
    result.representativePhone = null;
  }
  return result;
}

function canonicalPhone(value: string | null, field: string): string | null {
  if (value === null) return null;
  const check = normalisePhone(value);
  if (!check.ok) throw new AppError('PHONE_INVALID', { field });
  return check.phone;
}

/** 张三 → {full: 'zhangsan', initials: 'zs'}; surnames read as surnames (单 → shan). */
export function namePinyin(name: string): { full: string; initials: string } {
  const syllables = pinyin(name, {
    toneType: 'none',
    type: 'array',
    surname: 'head',
    v: true,
    nonZh: 'consecutive',
  })
    .map((s) => s.toLowerCase().replace(/[^a-z0-9]/g, ''))
    .filter(Boolean);
  return { full: syllables.join(''), initials: syllables.map((s) => s[0]).join('') };
}

function sealPair(cipher: FieldCipher, value: string | null) {
  const sealed = value === null ? null : cipher.seal(value);
  return { sealed: sealed?.sealed ?? null, hash: sealed?.hash ?? null };
}

/** The columns for a validated set of fields: pinyin computed, numbers sealed beside their hashes. */
export function toColumns(cipher: FieldCipher, fields: PersonFields) {
  const { full, initials } = namePinyin(fields.name);
  const idNumber = sealPair(cipher, fields.idNumber);
  const phone = sealPair(cipher, fields.phone);
  const representativePhone = sealPair(cipher, fields.representativePhone);
  return {
    name: fields.name,
    namePinyin: full,
    nameInitials: initials,
    documentType: fields.documentType,
    idNumberSealed: idNumber.sealed,
    idNumberHash: idNumber.hash,
    birthDate: fields.birthDate,
    sex: fields.sex,
    phoneSealed: phone.sealed,
    phoneHash: phone.hash,
    address: fields.address,
    categories: fields.categories,
    householdMembers: fields.householdMembers,
    representativeName: fields.representativeName,
    representativeRole: fields.representativeRole,
    representativeRelation: fields.representativeRelation,
    representativePhoneSealed: representativePhone.sealed,
    representativePhoneHash: representativePhone.hash,
  };
}

export function fieldsOf(cipher: FieldCipher, row: PersonRow): PersonFields {
  const open = (sealed: Buffer | null) => (sealed ? cipher.open(sealed) : null);
  return {
    name: row.name,
    documentType: row.documentType,
    idNumber: open(row.idNumberSealed),
    birthDate: row.birthDate,
    sex: row.sex,
    phone: open(row.phoneSealed),
    address: row.address,
    categories: row.categories as ApplicantCategory[],
    householdMembers: row.householdMembers,
    representativeName: row.representativeName,
    representativeRole: row.representativeRole,
    representativeRelation: row.representativeRelation,
    representativePhone: open(row.representativePhoneSealed),
  };
}
