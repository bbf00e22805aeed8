/**
 * Official documents are numbered per centre and year (SF/T 0024-2017), e.g. 京朝法援〔2026〕第00123号.
 * A centre configures its pattern; the number itself comes from a gap-free sequence in the
 * database (issued in the same transaction as the document, so a failed issue uses no number).
 *
 * Pattern tokens: `{year}`, `{seq}` or `{seq:N}` (zero-padded to N digits), `{org}` (the
 * organisation code). `{seq}` is required: without it two documents would share a number.
 */
export type PatternProblem =
  'PATTERN_NEEDS_SEQ' | 'PATTERN_UNKNOWN_TOKEN' | 'PATTERN_TOO_LONG' | 'PATTERN_SEQ_TWICE';

const TOKEN = /\{([a-z]+)(?::(\d{1,2}))?\}/g;

export function checkNumberPattern(pattern: string): PatternProblem[] {
  const problems: PatternProblem[] = [];
  if (pattern.length > 80) problems.push('PATTERN_TOO_LONG');
  const tokens = [...pattern.matchAll(TOKEN)].map((m) => m[1]);
  if (tokens.some((t) => t !== 'year' && t !== 'seq' && t !== 'org')) problems.push('PATTERN_UNKNOWN_TOKEN');
  const seqs = tokens.filter((t) => t === 'seq').length;
  if (seqs === 0) problems.push('PATTERN_NEEDS_SEQ');
  if (seqs > 1) problems.push('PATTERN_SEQ_TWICE');
  return problems;
}

export function formatDocumentNumber(
  pattern: string,
  values: { year: number; seq: number; org: string },
): string {
  return pattern.replace(TOKEN, (_match, token: string, width?: string) => {
    if (token === 'year') return String(values.year);
    if (token === 'org') return values.org;
    return width ? String(values.seq).padStart(Number(width), '0') : String(values.seq);
  });
}

/** The pattern a centre starts with until it sets its own: `<org>〔2026〕第00001号`. */
export const DEFAULT_NUMBER_PATTERN = '{org}〔{year}〕第{seq:5}号';
