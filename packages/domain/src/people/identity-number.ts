import type { LocalDate } from '../shared/brand.ts';
import { compareDates, isLocalDate } from '../calendar/local-date.ts';
import type { Sex } from './documents.ts';

/**
 * The resident identity number (居民身份证号), GB 11643-1999: a 6-digit administrative region
 * code (GB/T 2260), the 8-digit birth date, a 3-digit sequence whose last digit gives the sex
 * (odd male, even female) and a check character computed with ISO 7064 MOD 11-2.
 */
export const ID_NUMBER_LENGTH = 18;
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARACTERS = '10X98765432';
/** Province-level prefixes of GB/T 2260, plus 71 (Taiwan), 81/82 (Hong Kong, Macao residence permits) and 83 (Taiwan residence permits). */
const PROVINCE_CODES = new Set([
  11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52, 53, 54, 61,
  62, 63, 64, 65, 71, 81, 82, 83,
]);
/** Numbers were first issued in 1984; nobody alive holding one was born before this. */
const EARLIEST_BIRTH_DATE = '1900-01-01' as LocalDate;

export type IdNumberProblem = 'ID_LENGTH' | 'ID_FORMAT' | 'ID_CHECKSUM' | 'ID_REGION' | 'ID_BIRTH_DATE';

export interface ResidentIdentity {
  /** Upper-cased, without spaces. */
  idNumber: string;
  regionCode: string;
  birthDate: LocalDate;
  sex: Sex;
}

export type IdNumberCheck =
  { ok: true; identity: ResidentIdentity } | { ok: false; problem: IdNumberProblem };

/** The check character for the first 17 digits. */
export function idNumberCheckCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < WEIGHTS.length; i += 1) sum += Number(first17[i]) * WEIGHTS[i]!;
  return CHECK_CHARACTERS[sum % 11]!;
}

/**
 * Validates a resident identity number. The checksum is tested before the region and birth date,
 * so a single mistyped character is always reported as `ID_CHECKSUM` (MOD 11-2 catches every one).
 * `today` bounds the birth date: the domain has no clock.
 */
export function checkResidentIdNumber(raw: string, today: LocalDate): IdNumberCheck {
  const idNumber = raw.replace(/\s+/g, '').toUpperCase();
  if (idNumber.length !== ID_NUMBER_LENGTH) return { ok: false, problem: 'ID_LENGTH' };
  if (!/^\d{17}[\dX]$/.test(idNumber)) return { ok: false, problem: 'ID_FORMAT' };
  if (idNumberCheckCharacter(idNumber) !== idNumber[17]) return { ok: false, problem: 'ID_CHECKSUM' };
  if (!PROVINCE_CODES.has(Number(idNumber.slice(0, 2))) || idNumber.slice(2, 6) === '0000')
    return { ok: false, problem: 'ID_REGION' };
  const birthDate = `${idNumber.slice(6, 10)}-${idNumber.slice(10, 12)}-${idNumber.slice(12, 14)}`;
  if (
    !isLocalDate(birthDate) ||
    compareDates(birthDate, EARLIEST_BIRTH_DATE) < 0 ||
    compareDates(birthDate, today) > 0
  )
    return { ok: false, problem: 'ID_BIRTH_DATE' };
  return {
    ok: true,
    identity: {
      idNumber,
      regionCode: idNumber.slice(0, 6),
      birthDate,
      sex: Number(idNumber[16]) % 2 === 1 ? 'male' : 'female',
    },
  };
}

/**
 * For display: a resident identity number keeps its first 6 and last 4 characters
 * (`110105********123X`); shorter document numbers keep 2 at each end, very short ones nothing.
 */
export function maskDocumentNumber(value: string): string {
  const keep = value.length >= 15 ? [6, 4] : value.length >= 6 ? [2, 2] : [0, 0];
  const [head, tail] = keep as [number, number];
  return `${value.slice(0, head)}${'*'.repeat(value.length - head - tail)}${tail ? value.slice(-tail) : ''}`;
}
