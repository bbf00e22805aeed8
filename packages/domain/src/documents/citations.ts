import type { Locale } from '../shared/brand.ts';

/**
 * The short citations the rules carry (`LAL art.43(2)`, `BJR art.24`, `OPN (三)`, several joined
 * by `; `) as a person reads them: in the UI by the law's short name (《法律援助法》第四十三条), in a
 * written document by its full title, grouped by law (《中华人民共和国法律援助法》第二十二条、
 * 第四十三条). The short form is printed only in English.
 *
 * Chinese text cites to the article: whether a parenthesised number in our citations is a
 * paragraph (款) or an item (项) differs from article to article, and an article-level citation is
 * never wrong. English keeps the number as written (`art. 43(2)`).
 */
interface LawTitle {
  /** The name staff use on screen. */
  short: Record<Locale, string>;
  /** The title a written document prints. */
  full: Record<Locale, string>;
}

/**
 * The laws our rule rows cite, by their code in the citations. A normative document is named by
 * its title, and by its document number only where the rule data gives one (none given yet).
 */
export const LAW_TITLES: Readonly<Record<string, LawTitle>> = {
  LAL: {
    short: { 'zh-CN': '《法律援助法》', 'en-US': 'Legal Aid Law' },
    full: { 'zh-CN': '《中华人民共和国法律援助法》', 'en-US': 'Legal Aid Law of the PRC' },
  },
  BJR: {
    short: { 'zh-CN': '《北京市法律援助条例》', 'en-US': 'Beijing Legal Aid Regulations' },
    full: { 'zh-CN': '《北京市法律援助条例》', 'en-US': 'Beijing Legal Aid Regulations' },
  },
  CPL: {
    short: { 'zh-CN': '《刑事诉讼法》', 'en-US': 'Criminal Procedure Law' },
    full: { 'zh-CN': '《中华人民共和国刑事诉讼法》', 'en-US': 'Criminal Procedure Law of the PRC' },
  },
  MPL: {
    short: { 'zh-CN': '《未成年人保护法》', 'en-US': 'Minors Protection Law' },
    full: { 'zh-CN': '《中华人民共和国未成年人保护法》', 'en-US': 'Minors Protection Law of the PRC' },
  },
  民法典: {
    short: { 'zh-CN': '《民法典》', 'en-US': 'Civil Code' },
    full: { 'zh-CN': '《中华人民共和国民法典》', 'en-US': 'Civil Code of the PRC' },
  },
  律师法: {
    short: { 'zh-CN': '《律师法》', 'en-US': 'Lawyers Law' },
    full: { 'zh-CN': '《中华人民共和国律师法》', 'en-US': 'Lawyers Law of the PRC' },
  },
  OPN: {
    short: {
      'zh-CN': '《关于完善法律援助制度的实施意见》',
      'en-US': 'Beijing implementation opinions (2017)',
    },
    full: {
      'zh-CN': '《关于完善法律援助制度的实施意见》',
      'en-US': 'Beijing implementation opinions on improving the legal aid system (2017)',
    },
  },
  MOJ: {
    short: { 'zh-CN': '《办理法律援助案件程序规定》', 'en-US': 'MOJ procedure rules' },
    full: { 'zh-CN': '司法部《办理法律援助案件程序规定》', 'en-US': 'MOJ rules on handling legal aid cases' },
  },
  MOJC: {
    short: { 'zh-CN': '《法律援助投诉处理办法》', 'en-US': 'MOJ complaint rules' },
    full: {
      'zh-CN': '司法部《法律援助投诉处理办法》',
      'en-US': 'MOJ rules on handling legal aid complaints',
    },
  },
};

/** One provision of a citation, parsed; `text` when the citation is not one we know. */
export type CitationPart =
  | { law: string; article: number; to?: number; paragraph?: number }
  | { law: 'OPN'; part: string }
  | { law: 'MOJ' | 'MOJC'; year: number; article?: number }
  | { named: string; article: number; paragraph?: number }
  | { text: string };

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

const ARTICLE = /^(LAL|BJR|MPL|CPL|民法典|律师法)\s*art\.\s*(\d+)(?:\s*[–-]\s*(\d+))?(?:\s*\((\d+)\))?$/;
const OPINION = /^OPN\s*[(（]?\s*([一二三四五六七八九十]+)\s*[)）]?$/;
const MOJ_RULES = /^MOJ (procedure|complaint) rules (\d{4})(?:\s*art\.\s*(\d+))?$/;
/** A law our table does not list, named in Chinese in the rule data: `两高两部刑事诉讼法律援助规定(2013) art.2`. */
const NAMED_LAW = /^([^\sA-Za-z;][^;]*?)\s*art\.\s*(\d+)(?:\s*\((\d+)\))?$/;
/** `LAL art.22, art.31`: further articles of the law named first. */
const MORE_ARTICLES = /^art\.\s*(\d+)(?:\s*\((\d+)\))?$/;

/** The provisions of one stored citation (`LAL art.22, art.31; BJR art.24`), in order. */
export function parseCitation(citation: string): CitationPart[] {
  const parts: CitationPart[] = [];
  for (const clause of citation.split(/\s*;\s*/).filter((c) => c.trim().length > 0)) {
    const [first = '', ...rest] = clause.split(/\s*,\s*/);
    const article = ARTICLE.exec(first.trim());
    const opinion = OPINION.exec(clause.trim());
    const moj = MOJ_RULES.exec(clause.trim());
    const named = NAMED_LAW.exec(clause.trim());
    if (article) {
      const law = article[1] as string;
      parts.push({
        law,
        article: Number(article[2]),
        ...(article[3] ? { to: Number(article[3]) } : {}),
        ...(article[4] ? { paragraph: Number(article[4]) } : {}),
      });
      for (const more of rest) {
        const m = MORE_ARTICLES.exec(more.trim());
        if (m) parts.push({ law, article: Number(m[1]), ...(m[2] ? { paragraph: Number(m[2]) } : {}) });
        else parts.push({ text: more.trim() });
      }
    } else if (opinion) parts.push({ law: 'OPN', part: opinion[1] as string });
    else if (moj)
      parts.push({
        law: moj[1] === 'complaint' ? 'MOJC' : 'MOJ',
        year: Number(moj[2]),
        ...(moj[3] ? { article: Number(moj[3]) } : {}),
      });
    else if (named)
      parts.push({
        named: (named[1] as string).trim(),
        article: Number(named[2]),
        ...(named[3] ? { paragraph: Number(named[3]) } : {}),
      });
    else parts.push({ text: clause.trim() });
  }
  return parts;
}

type Style = 'short' | 'full';

function articleWords(part: { article: number; to?: number; paragraph?: number }, locale: Locale): string {
  if (locale === 'en-US') {
    const range = part.to === undefined ? '' : `–${part.to}`;
    const paragraph = part.paragraph === undefined ? '' : `(${part.paragraph})`;
    return `art. ${part.article}${range}${paragraph}`;
  }
  const range = part.to === undefined ? '' : `至第${chineseNumber(part.to)}条`;
  return `第${chineseNumber(part.article)}条${range}`;
}

/** The law's title and the provision's words, apart (so a document can group by law). */
function words(part: CitationPart, locale: Locale, style: Style): { law?: string; words: string } {
  if ('text' in part) return { words: part.text };
  // A law we hold no title for is printed by the name the rule data gives it.
  if ('named' in part) return { law: part.named, words: articleWords(part, locale) };
  const title = LAW_TITLES[part.law]?.[style][locale] ?? part.law;
  if ('part' in part)
    return { law: title, words: locale === 'en-US' ? `part ${part.part}` : `（${part.part}）` };
  if ('year' in part) {
    const law = locale === 'en-US' ? `${title} (${part.year})` : `${title}（${part.year}年）`;
    if (part.article === undefined) return { law, words: '' };
    return { law, words: articleWords({ article: part.article }, locale) };
  }
  return { law: title, words: articleWords(part, locale) };
}

const joinLaw = (law: string, text: string, locale: Locale) =>
  !text ? law : locale === 'en-US' ? `${law}, ${text}` : `${law}${text}`;

/**
 * One stored citation in words, each provision with its law's short name (the UI) or full title:
 * `LAL art.41` → 《法律援助法》第四十一条. A citation we do not know is returned as it is.
 */
export function formatCitation(citation: string, locale: Locale, style: Style = 'short'): string {
  const printed = parseCitation(citation).map((part) => {
    const w = words(part, locale, style);
    return w.law === undefined ? w.words : joinLaw(w.law, w.words, locale);
  });
  return [...new Set(printed)].join(locale === 'en-US' ? '; ' : '；');
}

/** One citation as a written document prints it: the law's full title, to the article. */
export function printCitation(citation: string, locale: Locale): string {
  return formatCitation(citation, locale, 'full');
}

/**
 * Several citations as a written document prints them: one entry per law (full title), its
 * articles in ascending order, each once (《中华人民共和国法律援助法》第二十二条、第三十一条), laws in
 * the order first cited. A provision we do not know stays as written, in its place.
 */
export function printCitations(citations: readonly string[], locale: Locale): string[] {
  const groups = new Map<string, { n: number; words: string }[]>();
  const entries: { law?: string; text: string }[] = [];
  for (const part of citations.flatMap(parseCitation)) {
    const w = words(part, locale, 'full');
    if (w.law === undefined) {
      if (!entries.some((e) => e.law === undefined && e.text === w.words)) entries.push({ text: w.words });
      continue;
    }
    let group = groups.get(w.law);
    if (!group) {
      group = [];
      groups.set(w.law, group);
      entries.push({ law: w.law, text: '' });
    }
    const n = 'article' in part && part.article !== undefined ? part.article : 0;
    if (w.words && !group.some((g) => g.words === w.words)) group.push({ n, words: w.words });
  }
  return entries.map(({ law, text }) => {
    if (law === undefined) return text;
    const provisions = [...(groups.get(law) ?? [])].sort((a, b) => a.n - b.n).map((g) => g.words);
    return joinLaw(law, provisions.join(locale === 'en-US' ? ', ' : '、'), locale);
  });
}
