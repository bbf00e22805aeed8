/**
 * Chinese word segmentation for search (architecture.md, "Data"). `Intl.Segmenter` splits 拖欠工资
 * into 拖欠 | 工资 with ICU's dictionary, so a query for 工资 matches a word inside a sentence that
 * a plain full-text parser would keep as one run of characters. The same function prepares the
 * stored text and the query, so both sides see the same words.
 */
const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });

/** NFKC folds full-width letters and digits (１２３４８ → 12348); lower case for Latin words. */
export function normaliseForSearch(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

/** The words of a text (punctuation and spaces dropped), in order, repeats kept. */
export function segmentWords(text: string): string[] {
  const words: string[] = [];
  for (const s of segmenter.segment(normaliseForSearch(text))) if (s.isWordLike) words.push(s.segment);
  return words;
}

/** What a row stores in `search_segments`: its texts' words, space-joined. */
export function searchSegmentsOf(...texts: (string | null | undefined)[]): string {
  return texts
    .filter((t): t is string => typeof t === 'string' && t.length > 0)
    .flatMap(segmentWords)
    .join(' ');
}

/**
 * The distinct words of a query worth matching. Single characters (的, 我, 费) match almost
 * everything, so they are dropped when the query has longer words; a one-character query keeps them.
 */
export function queryWords(query: string): string[] {
  const words = [...new Set(segmentWords(query))];
  const longer = words.filter((w) => [...w].length > 1);
  return longer.length > 0 ? longer : words;
}
