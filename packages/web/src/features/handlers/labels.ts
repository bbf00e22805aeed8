import type { TFunction } from 'i18next';
import { HANDLER_LANGUAGES } from '@fayuan/domain';

/** Beijing's 16 districts by GB/T 2260 code: where a law firm sits. */
export const BEIJING_DISTRICT_CODES = [
  '110101',
  '110102',
  '110105',
  '110106',
  '110107',
  '110108',
  '110109',
  '110111',
  '110112',
  '110113',
  '110114',
  '110115',
  '110116',
  '110117',
  '110118',
  '110119',
] as const;

export function districtLabel(t: TFunction, code: string): string {
  return (BEIJING_DISTRICT_CODES as readonly string[]).includes(code)
    ? t(`lawFirms.districts.${code as (typeof BEIJING_DISTRICT_CODES)[number]}`)
    : code;
}

/** A language code's name; codes outside the offered list show as they are. */
export function languageLabel(t: TFunction, code: string): string {
  return (HANDLER_LANGUAGES as readonly string[]).includes(code)
    ? t(`handlers.languageNames.${code as (typeof HANDLER_LANGUAGES)[number]}`)
    : code;
}

export const STATUS_COLOURS = {
  applying: 'blue',
  active: 'green',
  suspended: 'orange',
  exited: 'default',
} as const;
