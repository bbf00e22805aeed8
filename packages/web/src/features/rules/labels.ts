import { CATEGORY_NAMES, type ApplicantCategory } from '@fayuan/domain';
import type { Jurisdiction } from '../../api';

export const NATIONAL = '000000';
export const BEIJING = '110000';

const english = (language: string) => language === 'en-US';

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** An applicant category's plain name (the domain's wording, as the engine explains reasons). */
export function categoryName(code: string, language: string): string {
  const names = CATEGORY_NAMES[code as ApplicantCategory] as [string, string] | undefined;
  if (!names) return code;
  return english(language) ? capitalise(names[1]) : names[0];
}

/** A row's Chinese or English name (`data.nameZh` / `data.nameEn`), when it has one. */
export function localName(data: Record<string, unknown>, language: string): string | undefined {
  const zh = typeof data.nameZh === 'string' ? data.nameZh : undefined;
  const en = typeof data.nameEn === 'string' ? data.nameEn : undefined;
  return english(language) ? (en ?? zh) : (zh ?? en);
}

export function jurisdictionName(
  code: string,
  jurisdictions: readonly Jurisdiction[] | undefined,
  language: string,
): string {
  const found = jurisdictions?.find((j) => j.code === code);
  if (!found) return code;
  return english(language) ? found.nameEn : found.nameZh;
}
