import type { TFunction } from 'i18next';

/**
 * Citations are stored in the short form of the worked examples (`LAL art.42(3)`, `OPN (三)`,
 * `民法典 art.201–203`, several joined by `; `). People read them as the law's name and article; the
 * short form stays beside it so staff can search for it.
 */
const LAWS = { LAL: 'law.LAL', BJR: 'law.BJR', CPL: 'law.CPL', MPL: 'law.MPL', 民法典: 'law.CC' } as const;
type LawAbbreviation = keyof typeof LAWS;

const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
const UNITS = ['', '十', '百', '千'];

/** 1–9999 in Chinese numerals as statutes number their articles: 十二, 四十二, 一百零四, 二百零一. */
export function chineseNumeral(n: number): string {
  if (!Number.isInteger(n) || n <= 0 || n > 9999) return String(n);
  const digits = String(n).split('').map(Number);
  let out = '';
  let zero = false;
  digits.forEach((d, i) => {
    const unit = UNITS[digits.length - 1 - i] ?? '';
    if (d === 0) {
      zero = out !== '';
      return;
    }
    if (zero) out += '零';
    zero = false;
    // 十二, not 一十二, when the number starts at the tens.
    out += (d === 1 && unit === '十' && out === '' ? '' : DIGITS[d]) + unit;
  });
  return out;
}

/** 一 … 九十九 → 1 … 99 (the numbering of a document's parts). */
function fromChineseNumeral(text: string): number {
  const digit = (c: string | undefined) => (c ? DIGITS.indexOf(c) : -1);
  const ten = text.indexOf('十');
  if (ten === -1) return digit(text);
  const tens = ten === 0 ? 1 : digit(text[ten - 1]);
  const ones = ten === text.length - 1 ? 0 : digit(text[ten + 1]);
  return tens * 10 + ones;
}

const ARTICLE = /^(LAL|BJR|CPL|MPL|民法典)\s*art\.\s*(\d+)(?:\s*[–-]\s*(\d+))?(?:\((\d+)\))?$/;
const OPINIONS = /^OPN\s*[(（]([一二三四五六七八九十]+)[)）]$/;
/** The MOJ procedure rules by the year of their text (`MOJ procedure rules 2023`, optionally `art.27`). */
const MOJ_RULES = /^MOJ procedure rules (\d{4})(?:\s*art\.\s*(\d+))?$/;

function formatPart(part: string, t: TFunction, zh: boolean): string {
  const article = ARTICLE.exec(part);
  if (article) {
    const [, law, from, to, item] = article;
    const num = (s: string) => (zh ? chineseNumeral(Number(s)) : s);
    const name = t(LAWS[law as LawAbbreviation]);
    let text = to
      ? t('law.articles', { from: num(from ?? ''), to: num(to) })
      : t('law.article', { n: num(from ?? '') });
    if (item) text += t('law.item', { n: num(item) });
    return zh ? `${name}${text}` : `${name} ${text}`;
  }
  const opinions = OPINIONS.exec(part);
  if (opinions) {
    const part = opinions[1] ?? '';
    return zh
      ? `${t('law.OPN')}（${part}）`
      : `${t('law.OPN')}, ${t('law.section', { n: fromChineseNumeral(part) })}`;
  }
  const moj = MOJ_RULES.exec(part);
  if (moj) {
    const [, year, n] = moj;
    const name = t('law.MOJ_PROCEDURE', { year });
    if (!n) return name;
    const text = t('law.article', { n: zh ? chineseNumeral(Number(n)) : n });
    return zh ? `${name}${text}` : `${name} ${text}`;
  }
  return part;
}

/** The citation in words of the UI language; the input itself when nothing in it is recognised. */
export function formatCitation(citation: string, t: TFunction, language: string): string {
  const zh = language !== 'en-US';
  return citation
    .split(/\s*;\s*/)
    .filter(Boolean)
    .map((part) => formatPart(part.trim(), t, zh))
    .join(zh ? '；' : '; ');
}
