/**
 * Chinese telephone numbers in one canonical form, so the same number always gives the same lookup
 * hash: mobiles as 11 digits (`13800138000`, the +86 / 0086 prefix dropped), landlines as
 * `<area code>-<number>[-<extension>]` (`010-12345678`).
 */
export type PhoneKind = 'mobile' | 'landline';
export type PhoneCheck =
  { ok: true; phone: string; kind: PhoneKind } | { ok: false; problem: 'PHONE_FORMAT' };

const MOBILE = /^1[3-9]\d{9}$/;
// Area codes: 010 and 02x have 3 digits, the others 4; subscriber numbers 7 or 8 digits.
const LANDLINE = /^(0(?:10|2\d|[3-9]\d{2}))-?([2-9]\d{6,7})(?:[-#转](\d{1,6}))?$/;

export function normalisePhone(raw: string): PhoneCheck {
  let value = raw.replace(/[\s()（）]/g, '');
  const international = /^(?:\+86|0086)/.test(value);
  value = value.replace(/^(?:\+86|0086)-?/, '');
  const digits = value.replace(/-/g, '');
  if (MOBILE.test(digits)) return { ok: true, phone: digits, kind: 'mobile' };
  if (/^861[3-9]\d{9}$/.test(digits)) return { ok: true, phone: digits.slice(2), kind: 'mobile' };
  // After +86 a landline drops its trunk 0: +86 10 12345678.
  const landline = LANDLINE.exec(international && !value.startsWith('0') ? `0${value}` : value);
  if (!landline) return { ok: false, problem: 'PHONE_FORMAT' };
  const [, area, number, extension] = landline;
  return { ok: true, phone: `${area}-${number}${extension ? `-${extension}` : ''}`, kind: 'landline' };
}
