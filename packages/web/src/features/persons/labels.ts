import type { TFunction } from 'i18next';
import { CATEGORY_NAMES, type ApplicantCategory } from '@fayuan/domain';

/**
 * A birth date as shown: the full date for a reader with person.unmask, else the year only (the
 * server sends `birthDate: null` then, since the date rebuilds the masked identity number).
 */
export function birthLabel(
  t: TFunction,
  birth: { birthDate: string | null; birthYear?: number | null },
): string | null {
  if (birth.birthDate) return birth.birthDate;
  return birth.birthYear ? t('persons.birthYearOnly', { year: birth.birthYear }) : null;
}

/** An applicant category's name in the UI language (the domain's wording, shared with the rules engine). */
export function categoryLabel(code: ApplicantCategory | string, language: string): string {
  const names = CATEGORY_NAMES[code as ApplicantCategory] as [string, string] | undefined;
  if (!names) return code;
  if (language !== 'en-US') return names[0];
  return names[1].charAt(0).toUpperCase() + names[1].slice(1);
}
