import { sql, type AnyColumn, type SQL } from 'drizzle-orm';
import { queryTerms } from './segment.ts';

/** A LIKE pattern that matches `value` anywhere, its wildcards taken literally. */
export function containsPattern(value: string): string {
  return `%${value.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** One quoted lexeme of to_tsquery: quotes doubled, backslashes escaped. */
function lexeme(word: string): string {
  return `'${word.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
}

/**
 * The tsquery for a query's terms (segment.ts: words, and phrases of single characters), with `any`
 * (OR: suggestions ranked by how many terms they share) or `all` (AND: a list filter). Null when
 * the query has no words (only punctuation).
 */
export function wordsQuery(query: string, mode: 'any' | 'all'): SQL | null {
  const terms = queryTerms(query);
  if (terms.length === 0) return null;
  const text = terms
    .map((words) => (words.length === 1 ? lexeme(words[0]!) : `(${words.map(lexeme).join(' <-> ')})`))
    .join(mode === 'any' ? ' | ' : ' & ');
  return sql`to_tsquery('simple'::regconfig, ${text})`;
}

/**
 * Text search over Chinese: the segmented words match the tokens column, and the query as typed
 * matches as a substring of any of the text columns (trigram-indexed for three or more characters).
 */
export function textSearchCondition(
  query: string,
  tokens: AnyColumn,
  texts: readonly AnyColumn[],
  mode: 'any' | 'all',
): SQL {
  const words = wordsQuery(query, mode);
  const pattern = containsPattern(query);
  const conditions = texts.map((column) => sql`${column} ILIKE ${pattern}`);
  if (words) conditions.unshift(sql`${tokens} @@ ${words}`);
  return sql`(${sql.join(conditions, sql` OR `)})`;
}
