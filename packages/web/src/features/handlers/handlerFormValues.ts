import type { Dayjs } from 'dayjs';
import { normalisePhone } from '@fayuan/domain';
import type {
  CreateHandlerInput,
  Handler,
  HandlerFieldsInput,
  HandlerKind,
  UpdateHandlerInput,
  VolunteerSubkind,
} from '../../api';

/**
 * The handler form's values and how they become API requests: a create body, or a PATCH with only
 * what changed plus the version read. Pure, so the component keeps to layout and state.
 */
export interface HandlerValues {
  name: string;
  kind: HandlerKind;
  volunteerSubkind?: VolunteerSubkind | null;
  firmId?: string | null;
  licenceNumber?: string;
  practiceStartDate?: Dayjs | null;
  criminalPracticeStartDate?: Dayjs | null;
  specialties?: string[];
  languages?: string[];
  districtsServed?: string[];
  familiarWithMinors?: boolean;
  capacity?: number | null;
  phone?: string;
  applicationNote?: string;
}

export const DATE = 'YYYY-MM-DD';
const trimmed = (value: string | undefined) => value?.trim() ?? '';
const isoDate = (value: Dayjs | null | undefined) => (value ? value.format(DATE) : null);

function fields(values: HandlerValues): HandlerFieldsInput {
  const licence = trimmed(values.licenceNumber).replace(/\s+/g, '');
  const phoneText = trimmed(values.phone);
  const phone = phoneText ? normalisePhone(phoneText) : null;
  return {
    name: values.name.trim(),
    kind: values.kind,
    volunteerSubkind: values.kind === 'volunteer' ? (values.volunteerSubkind ?? null) : null,
    firmId: values.firmId ?? null,
    licenceNumber: licence || null,
    practiceStartDate: isoDate(values.practiceStartDate),
    criminalPracticeStartDate: isoDate(values.criminalPracticeStartDate),
    specialties: values.specialties ?? [],
    languages: values.languages ?? [],
    districtsServed: values.districtsServed ?? [],
    familiarWithMinors: values.familiarWithMinors ?? false,
    capacity: values.capacity ?? 5,
    // The server refuses text that is not a phone number, with PHONE_INVALID on the field.
    phone: phone === null ? null : phone.ok ? phone.phone : phoneText,
  };
}

export function toCreateInput(values: HandlerValues): CreateHandlerInput {
  const { phone, ...rest } = fields(values);
  const note = trimmed(values.applicationNote);
  return { ...rest, ...(phone ? { phone } : {}), ...(note ? { applicationNote: note } : {}) };
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const sameSet = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((x) => b.includes(x));

/** Only what changed; the phone is sent only when typed (the form never shows the stored one). */
export function toUpdatePatch(values: HandlerValues, editing: Handler): UpdateHandlerInput {
  const next = fields(values);
  const before: Omit<HandlerFieldsInput, 'phone'> = {
    name: editing.name,
    kind: editing.kind,
    volunteerSubkind: editing.volunteerSubkind,
    firmId: editing.firm?.id ?? null,
    licenceNumber: editing.licenceNumber,
    practiceStartDate: editing.practiceStartDate,
    criminalPracticeStartDate: editing.criminalPracticeStartDate,
    specialties: editing.specialties,
    languages: editing.languages,
    districtsServed: editing.districtsServed,
    familiarWithMinors: editing.familiarWithMinors,
    capacity: editing.capacity,
  };
  const patch: UpdateHandlerInput = { version: editing.version };
  for (const key of Object.keys(before) as (keyof typeof before)[]) {
    const a = before[key];
    const b = next[key];
    const changed = Array.isArray(a) && Array.isArray(b) ? !sameSet(a, b) : !same(a, b);
    if (changed) (patch as Record<string, unknown>)[key] = b;
  }
  if (next.phone) patch.phone = next.phone;
  return patch;
}

/** Whether a patch carries anything besides the version. */
export function hasChanges(patch: UpdateHandlerInput): boolean {
  return Object.keys(patch).some((key) => key !== 'version');
}
