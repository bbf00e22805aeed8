import { CATEGORY_NAMES, type ApplicantCategory } from '@fayuan/domain';

/** An applicant category's name in the UI language (the domain's wording, shared with the rules engine). */
export function categoryLabel(code: ApplicantCategory | string, language: string): string {
  const names = CATEGORY_NAMES[code as ApplicantCategory] as [string, string] | undefined;
  if (!names) return code;
  if (language !== 'en-US') return names[0];
  return names[1].charAt(0).toUpperCase() + names[1].slice(1);
}
