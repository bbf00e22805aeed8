import { queryTerms } from './segment.ts';

/** A piece of a snippet; `match` marks text the query found. */
export interface SnippetPart {
  text: string;
  match: boolean;
}

/** Markdown marks a reader would not say aloud: headings, emphasis, code ticks, quotes, list bullets, link targets. */
export function plainTextOf(markdown: string): string {
  return markdown
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/^\s{0,3}(#{1,6}|>|[-*+]|\d+\.)\s+/gm, '')
    .replace(/[*_`~]+/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** What to mark for a query: the whole phrase and its words, longest first. */
export function highlightTerms(query: string): string[] {
  const phrase = query.trim().toLowerCase();
  const terms = new Set(
    [phrase, ...queryTerms(query).map((words) => words.join(''))].filter((t) => t.length > 0),
  );
  return [...terms].sort((a, b) => b.length - a.length);
}

/**
 * A passage of about `width` characters around the first match, with every match marked. Without a
 * match the passage is the start of the text. Matching ignores case.
 */
export function snippetOf(text: string, terms: readonly string[], width = 90): SnippetPart[] {
  const plain = plainTextOf(text);
  const lower = plain.toLowerCase();
  // Lower-casing can change the length of a few scripts; then match on the text as written.
  const haystack = lower.length === plain.length ? lower : plain;
  const ranges: [number, number][] = [];
  for (let i = 0; i < haystack.length;) {
    const term = terms.find((t) => t.length > 0 && haystack.startsWith(t, i));
    if (term) {
      ranges.push([i, i + term.length]);
      i += term.length;
    } else i += 1;
  }
  const first = ranges[0]?.[0] ?? 0;
  const start = Math.max(0, Math.min(first - Math.floor(width / 4), plain.length - width));
  const end = Math.min(plain.length, start + width);
  const parts: SnippetPart[] = [];
  if (start > 0) parts.push({ text: '…', match: false });
  let at = start;
  for (const [from, to] of ranges) {
    if (to <= start || from >= end) continue;
    const a = Math.max(from, start);
    const b = Math.min(to, end);
    if (a > at) parts.push({ text: plain.slice(at, a), match: false });
    parts.push({ text: plain.slice(a, b), match: true });
    at = b;
  }
  if (at < end) parts.push({ text: plain.slice(at, end), match: false });
  if (end < plain.length) parts.push({ text: '…', match: false });
  return parts;
}
