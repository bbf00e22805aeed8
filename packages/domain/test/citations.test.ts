import { describe, expect, it } from 'vitest';
import { chineseNumber, printCitation, printCitations } from '../src/index.ts';

describe('printed citations', () => {
  it('writes article numbers in Chinese numerals', () => {
    expect([1, 10, 11, 20, 24, 43, 100, 103, 110, 203].map(chineseNumber)).toEqual([
      '一',
      '十',
      '十一',
      '二十',
      '二十四',
      '四十三',
      '一百',
      '一百零三',
      '一百一十',
      '二百零三',
    ]);
  });

  it('prints a rule citation to the article of the named law', () => {
    expect(printCitation('LAL art.43(2)', 'zh-CN')).toBe('《中华人民共和国法律援助法》第四十三条');
    expect(printCitation('BJR art.24', 'zh-CN')).toBe('《北京市法律援助条例》第二十四条');
    expect(printCitation('民法典 art.201–203', 'zh-CN')).toBe(
      '《中华人民共和国民法典》第二百零一条至第二百零三条',
    );
    expect(printCitation('LAL art.49', 'en-US')).toBe('Legal Aid Law of the PRC, art. 49');
  });

  it('keeps a citation it cannot parse as given', () => {
    expect(printCitation('京人社劳发〔2025〕7号', 'zh-CN')).toBe('京人社劳发〔2025〕7号');
    expect(printCitation('MOJ procedure rules 2023 art.27', 'zh-CN')).toBe('MOJ procedure rules 2023 art.27');
  });

  it('prints the 2017 opinions by their part', () => {
    expect(printCitation('OPN (三)', 'zh-CN')).toBe('《关于完善法律援助制度的实施意见》（三）');
  });

  it('splits combined citations and prints each once', () => {
    expect(printCitations(['LAL art.49; BJR art.24', 'LAL art.49(1)'], 'zh-CN')).toEqual([
      '《中华人民共和国法律援助法》第四十九条',
      '《北京市法律援助条例》第二十四条',
    ]);
  });
});
