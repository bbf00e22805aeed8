import type { Locale } from '../shared/brand.ts';

/**
 * The short citations the rules carry (`LAL art.43(2)`, `BJR art.24`) as a written document prints
 * them: 《中华人民共和国法律援助法》第四十三条. Documents cite to the article: whether a
 * parenthesised number is a paragraph (款) or an item (项) differs from article to article, and an
 * article-level citation is never wrong.
 */
const SOURCES: Record<string, [zh: string, en: string]> = {
  LAL: ['《中华人民共和国法律援助法》', 'Legal Aid Law of the PRC'],
  BJR: ['《北京市法律援助条例》', 'Beijing Legal Aid Regulations'],
  MPL: ['《中华人民共和国未成年人保护法》', 'Minors Protection Law of the PRC'],
  CPL: ['《中华人民共和国刑事诉讼法》', 'Criminal Procedure Law of the PRC'],
  民法典: ['《中华人民共和国民法典》', 'Civil Code of the PRC'],
  律师法: ['《中华人民共和国律师法》', 'Lawyers Law of the PRC'],
  OPN: [
    '《关于完善法律援助制度的实施意见》',
    'Beijing implementation opinions on improving the legal aid system (2017)',
  ],
};

const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 1–999 in Chinese numerals as used for article numbers (十一, 二十, 一百零三). */
export function chineseNumber(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 999) return String(n);
  const hundreds = Math.floor(n / 100);
  const tens = Math.floor((n % 100) / 10);
  const ones = n % 10;
  let out = '';
  if (hundreds) out += `${DIGITS[hundreds]}百`;
  if (tens) out += `${tens === 1 && !hundreds ? '' : DIGITS[tens]}十`;
  else if (hundreds && ones) out += '零';
  if (ones) out += DIGITS[ones];
  return out;
}

const PATTERN = /^(LAL|BJR|MPL|CPL|民法典|律师法|OPN)\s*art\.(\d+)(?:\s*[–-]\s*(\d+))?/;

/** One short citation as printed; one the pattern does not know is printed as it is. */
export function printCitation(citation: string, locale: Locale): string {
  const opinion = /^OPN\s*[(（](.+?)[)）]/.exec(citation.trim());
  if (opinion) {
    const [zh, en] = SOURCES.OPN as [string, string];
    return locale === 'en-US' ? `${en}, part ${opinion[1]}` : `${zh}（${opinion[1]}）`;
  }
  const match = PATTERN.exec(citation.trim());
  const source = match ? SOURCES[match[1] as string] : undefined;
  if (!match || !source) return citation.trim();
  const from = Number(match[2]);
  const to = match[3] === undefined ? undefined : Number(match[3]);
  if (locale === 'en-US') return `${source[1]}, art. ${from}${to === undefined ? '' : `–${to}`}`;
  const range = to === undefined ? '' : `至第${chineseNumber(to)}条`;
  return `${source[0]}第${chineseNumber(from)}条${range}`;
}

/** Several citations (each may hold `a; b`), printed, in order, each once. */
export function printCitations(citations: readonly string[], locale: Locale): string[] {
  const printed = citations
    .flatMap((c) => c.split(';'))
    .map((c) => c.trim())
    .filter((c) => c.length > 0)
    .map((c) => printCitation(c, locale));
  return [...new Set(printed)];
}
