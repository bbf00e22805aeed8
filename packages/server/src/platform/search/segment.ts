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

// Words that carry the shape of a question, not its subject ("老板拖欠工资怎么办" is about 拖欠 and 工资).
const QUESTION_WORDS = new Set([
  '怎么',
  '怎么办',
  '怎样',
  '如何',
  '什么',
  '为什么',
  '请问',
  '可以',
  '能否',
  '是否',
  '哪里',
  '应该',
  '需要',
  '我们',
  '自己',
  '这个',
  '那个',
]);
// Particles and pronouns that ICU leaves as single characters.
const FUNCTION_CHARACTERS = new Set([
  ...'的了吗呢吧啊呀我你他她它在是和与或就都也还又要会能把被给对向从这那有',
]);

/**
 * What a query is matched by: its words, each term a sequence of words that must be adjacent.
 * ICU splits words it does not know (社保, 赠与) into single characters, so a run of single
 * characters stays together as a phrase (社 <-> 保) rather than matching every text with 社 or 保.
 * A lone character and question words are dropped; if nothing is left, the whole query is one phrase.
 */
export function queryTerms(query: string): string[][] {
  const words = segmentWords(query);
  const terms: string[][] = [];
  let run: string[] = [];
  const closeRun = () => {
    if (run.length > 1 && !run.every((c) => FUNCTION_CHARACTERS.has(c))) terms.push(run);
    run = [];
  };
  for (const word of words) {
    if ([...word].length === 1) {
      run.push(word);
      continue;
    }
    closeRun();
    if (!QUESTION_WORDS.has(word)) terms.push([word]);
  }
  closeRun();
  const seen = new Set<string>();
  const distinct = terms.filter((term) => {
    const key = term.join(' ');
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  if (distinct.length === 0 && words.length > 0) return [words];
  return distinct;
}
