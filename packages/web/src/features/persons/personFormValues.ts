import type { Dayjs } from 'dayjs';
import { normalisePhone, type LocalDate } from '@fayuan/domain';
import type {
  ApplicantCategory,
  CreatePersonInput,
  DocumentType,
  HouseholdMember,
  Person,
  RepresentativeInput,
  RepresentativeRole,
  Sex,
  UpdatePersonInput,
} from '../../api';
import { beijingToday } from '../rules/beijingTime';

/**
 * The applicant form's values and how they become API requests: a create body, or a PATCH with
 * only what changed. Pure, so the component keeps to layout and state.
 */
export interface MemberValues {
  name?: string;
  relation?: string;
  birthDate?: Dayjs | null;
}

export interface Values {
  name: string;
  documentType: DocumentType;
  idNumber?: string;
  birthDate?: Dayjs | null;
  sex?: Sex | null;
  phone?: string;
  address?: string;
  categories: ApplicantCategory[];
  householdMembers: MemberValues[];
  representativeName?: string;
  representativeRole?: RepresentativeRole;
  representativeRelation?: string;
  representativePhone?: string;
}

export const DATE = 'YYYY-MM-DD';
export const today = () => beijingToday() as LocalDate;
export const trimmed = (value: string | undefined) => value?.trim() ?? '';
export const isoDate = (value: Dayjs | null | undefined) => (value ? value.format(DATE) : null);

/** The person's canonical phone, or the text as typed when it is not a phone (the server then refuses it). */
export function canonicalPhone(value: string): string {
  const check = normalisePhone(value);
  return check.ok ? check.phone : value;
}

function members(values: MemberValues[] | undefined): HouseholdMember[] {
  return (values ?? []).map((m) => ({
    name: trimmed(m.name),
    relation: trimmed(m.relation),
    birthDate: isoDate(m.birthDate),
  }));
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x) => b.includes(x));
}

/** A representative body path (`representative.phone`) or a household member's (`householdMembers.0.name`) → form field. */
export function issueField(path: string[]): string | (string | number)[] | undefined {
  const [head, second, third] = path;
  if (head === 'representative') {
    const field = second ?? 'name';
    return `representative${field.charAt(0).toUpperCase()}${field.slice(1)}`;
  }
  if (head === 'householdMembers' && second !== undefined && third) return [head, Number(second), third];
  return head;
}

function representativeOf(values: Values): RepresentativeInput | null {
  const name = trimmed(values.representativeName);
  if (!name || !values.representativeRole) return null;
  const relation = trimmed(values.representativeRelation);
  const phoneText = trimmed(values.representativePhone);
  return {
    name,
    role: values.representativeRole,
    relation: relation || null,
    phone: phoneText ? canonicalPhone(phoneText) : null,
  };
}

/** `derived`: birth date and sex follow from a resident identity number, so they are not sent. */
function ownDates(values: Values, idText: string, derived: boolean): boolean {
  return !(values.documentType === 'resident_id' && (idText || derived));
}

function idTextOf(values: Values): string {
  return trimmed(values.idNumber).replace(/\s+/g, '').toUpperCase();
}

export function toCreateInput(values: Values, derived: boolean): CreatePersonInput {
  const idText = idTextOf(values);
  const phoneText = trimmed(values.phone);
  const address = trimmed(values.address);
  const representative = representativeOf(values);
  const dates = ownDates(values, idText, derived);
  return {
    name: values.name.trim(),
    documentType: values.documentType,
    ...(idText ? { idNumber: idText } : {}),
    ...(dates && values.birthDate ? { birthDate: values.birthDate.format(DATE) } : {}),
    ...(dates && values.sex ? { sex: values.sex } : {}),
    ...(phoneText ? { phone: canonicalPhone(phoneText) } : {}),
    ...(address ? { address } : {}),
    categories: values.categories,
    householdMembers: members(values.householdMembers),
    ...(representative ? { representative } : {}),
  };
}

export function toUpdatePatch(values: Values, editing: Person, derived: boolean): UpdatePersonInput {
  const idText = idTextOf(values);
  const phoneText = trimmed(values.phone);
  const address = trimmed(values.address);
  const representative = representativeOf(values);
  const patch: UpdatePersonInput = {};
  const name = values.name.trim();
  if (name !== editing.name) patch.name = name;
  if (values.documentType !== editing.documentType) patch.documentType = values.documentType;
  if (idText) patch.idNumber = idText;
  if (ownDates(values, idText, derived)) {
    const birthDate = isoDate(values.birthDate);
    if (birthDate !== editing.birthDate) patch.birthDate = birthDate;
    if ((values.sex ?? null) !== editing.sex) patch.sex = values.sex ?? null;
  }
  if (phoneText) patch.phone = canonicalPhone(phoneText);
  if ((address || null) !== editing.address) patch.address = address || null;
  if (!sameSet(values.categories, editing.categories)) patch.categories = values.categories;
  const household = members(values.householdMembers);
  // A member's hidden birth date (reader without person.unmask) goes back as null; the server keeps it.
  const shown = editing.householdMembers.map((m) => ({
    name: m.name,
    relation: m.relation,
    birthDate: m.birthDate,
  }));
  if (JSON.stringify(household) !== JSON.stringify(shown)) patch.householdMembers = household;
  const before = editing.representative;
  if (!representative) {
    if (before) patch.representative = null;
  } else if (
    !before ||
    representative.phone !== null ||
    representative.name !== before.name ||
    representative.role !== before.role ||
    representative.relation !== before.relation
  ) {
    patch.representative = representative;
  }
  return patch;
}
