/**
 * Social donations to legal aid (社会捐赠, LAL art.9: the State encourages enterprises, public
 * institutions, social organisations and individuals to support legal aid by donation).
 */
export const DONOR_KINDS = ['person', 'organisation'] as const;
export type DonorKind = (typeof DONOR_KINDS)[number];

/** The receipt number a centre starts with: 京海法援捐〔2026〕第0001号 (documents/numbering.ts). */
export const DONATION_RECEIPT_PATTERN = '{org}捐〔{year}〕第{seq:4}号';

/**
 * What is left of a donation after its uses, and whether a further use of `amountFen` fits: a
 * donation is never used for more than was given.
 */
export function donationBalance(
  donationFen: number,
  usesFen: readonly number[],
  nextFen = 0,
): { usedFen: number; leftFen: number; fits: boolean } {
  const usedFen = usesFen.reduce((sum, u) => sum + u, 0);
  const leftFen = donationFen - usedFen;
  return { usedFen, leftFen, fits: nextFen > 0 && nextFen <= leftFen };
}

const CAPITALS = ['零', '壹', '贰', '叁', '肆', '伍', '陆', '柒', '捌', '玖'];
const UNITS = ['', '拾', '佰', '仟'];
const SECTIONS = ['', '万', '亿', '万亿'];

function integerInCapitals(n: number): string {
  if (n === 0) return '零';
  const digits = String(n);
  let out = '';
  let zero = false;
  let sectionHasDigit = false;
  for (let i = 0; i < digits.length; i++) {
    const d = Number(digits[i]);
    const p = digits.length - 1 - i;
    if (d === 0) zero = true;
    else {
      if (zero) out += '零';
      zero = false;
      out += CAPITALS[d]! + UNITS[p % 4]!;
      sectionHasDigit = true;
    }
    if (p % 4 === 0 && p > 0 && sectionHasDigit) {
      out += SECTIONS[p / 4]!;
      sectionHasDigit = false;
    }
  }
  return out;
}

/**
 * An amount as a receipt writes it in capital numerals (大写金额), as finance vouchers do so the
 * figure cannot be altered: 12,345.60 元 → 壹万贰仟叁佰肆拾伍元陆角, 100 元 → 壹佰元整.
 */
export function yuanInCapitals(fen: number): string {
  if (!Number.isSafeInteger(fen) || fen < 0) throw new Error(`not an amount in fen: ${fen}`);
  const yuan = Math.floor(fen / 100);
  const jiao = Math.floor(fen / 10) % 10;
  const cents = fen % 10;
  let out = yuan > 0 || (jiao === 0 && cents === 0) ? `${integerInCapitals(yuan)}元` : '';
  if (jiao === 0 && cents === 0) return `${out}整`;
  if (jiao > 0) out += `${CAPITALS[jiao]}角`;
  else if (yuan > 0) out += '零';
  if (cents > 0) out += `${CAPITALS[cents]}分`;
  return out;
}
