import { describe, expect, it } from 'vitest';
import { queryTerms, searchSegmentsOf, segmentWords } from './segment.ts';
import { highlightTerms, plainTextOf, snippetOf } from './snippet.ts';

describe('segmentation', () => {
  it('splits Chinese into words, drops punctuation and folds width and case', () => {
    expect(segmentWords('拖欠工资，怎么办？')).toEqual(['拖欠', '工资', '怎么', '办']);
    expect(segmentWords('ＡＰＰ骑手')).toContain('app');
    expect(searchSegmentsOf('拖欠工资', null, '工伤')).toBe('拖欠 工资 工伤');
  });

  it('keeps runs of single characters together and drops question words', () => {
    // ICU does not know 社保 as one word: it is matched as the phrase 社 <-> 保.
    expect(queryTerms('社保')).toEqual([['社', '保']]);
    expect(queryTerms('老板拖欠工资怎么办')).toEqual([['老板'], ['拖欠'], ['工资']]);
    expect(queryTerms('怎么办')).toEqual([['怎么', '办']]);
    expect(queryTerms('工资 工资')).toEqual([['工资']]);
    expect(queryTerms('，。！')).toEqual([]);
  });
});

describe('snippets', () => {
  it('marks every match around the first one', () => {
    const parts = snippetOf('单位拖欠工资三个月，工资条为证。', highlightTerms('工资'));
    expect(parts).toEqual([
      { text: '单位拖欠', match: false },
      { text: '工资', match: true },
      { text: '三个月，', match: false },
      { text: '工资', match: true },
      { text: '条为证。', match: false },
    ]);
  });

  it('cuts a long text around the match and strips markdown', () => {
    const text = `## 标题\n${'甲'.repeat(200)}**工伤**${'乙'.repeat(200)}`;
    const parts = snippetOf(text, highlightTerms('工伤'), 40);
    expect(parts[0]).toEqual({ text: '…', match: false });
    expect(parts.at(-1)).toEqual({ text: '…', match: false });
    expect(parts.filter((p) => p.match)).toEqual([{ text: '工伤', match: true }]);
    expect(parts.map((p) => p.text).join('').length).toBe(42);
    expect(plainTextOf('# 标题\n- 一 [链接](https://x) `代码`')).toBe('标题 一 链接 代码');
  });

  it('starts at the beginning when nothing matches', () => {
    expect(snippetOf('没有匹配', ['工资'])).toEqual([{ text: '没有匹配', match: false }]);
  });
});
