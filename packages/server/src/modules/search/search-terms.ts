import { normalisePhone } from '@fayuan/domain';

/**
 * What a search text can be, read once: an identity or phone number (looked up exactly by its
 * keyed hash, never stored or logged), an application or document number in full, the sequence part
 * of one (00002 or 2), a name's first characters in 汉字, or its pinyin (full or initials).
 * One text can be several of these (a 6-digit text is a sequence number and maybe an ID prefix).
 */
export interface SearchTerms {
  idNumber: string | null;
  phone: string | null;
  fullNumber: string | null;
  sequence: number | null;
  namePrefix: string | null;
  pinyinPrefix: string | null;
}

/** Fewer characters than this find nothing (a single 汉字 would match a tenth of the city), except a digit. */
export const MIN_QUERY_LENGTH = 2;

const HAN = /\p{Script=Han}/u;

export function readSearchTerms(raw: string): SearchTerms | null {
  const q = raw.trim().replace(/\s+/g, ' ');
  const compact = q.replace(/\s+/g, '');
  const digitsOnly = /^[0-9]+$/.test(compact);
  if (compact.length === 0 || (compact.length < MIN_QUERY_LENGTH && !digitsOnly)) return null;
  const phone = normalisePhone(q);
  const latin = q.toLowerCase().replace(/[\s'’]/g, '');
  return {
    idNumber: /^[0-9A-Za-z]{6,20}$/.test(compact) && /\d/.test(compact) ? compact.toUpperCase() : null,
    phone: phone.ok ? phone.phone : null,
    fullNumber: /\d/.test(compact) && !digitsOnly ? q : null,
    sequence: digitsOnly && compact.length <= 9 ? Number(compact) : null,
    // A name has no digits: 京海法援〔2026〕第00002号 is a number only, not a name to look up too.
    namePrefix: HAN.test(q) && !/\d/.test(compact) ? compact : null,
    pinyinPrefix: /^[a-z]+$/.test(latin) ? latin : null,
  };
}

/** Whether the text is a number that names one person (identity or phone): found exactly or not at all. */
export const isPersonalNumber = (terms: SearchTerms) => terms.idNumber !== null || terms.phone !== null;
