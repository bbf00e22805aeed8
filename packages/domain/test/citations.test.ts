import { describe, expect, it } from 'vitest';
import { chineseNumber, formatCitation, parseCitation, printCitation, printCitations } from '../src/index.ts';

describe('citations in words', () => {
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

  it('parses our short citations, several articles of one law and several laws', () => {
    expect(parseCitation('LAL art.22, art.31; BJR art.24')).toEqual([
      { law: 'LAL', article: 22 },
      { law: 'LAL', article: 31 },
      { law: 'BJR', article: 24 },
    ]);
    expect(parseCitation('LAL art.43(2)')).toEqual([{ law: 'LAL', article: 43, paragraph: 2 }]);
    expect(parseCitation('OPN 八')).toEqual([{ law: 'OPN', part: '八' }]);
    expect(parseCitation('MOJ procedure rules 2023 art.27')).toEqual([
      { law: 'MOJ', year: 2023, article: 27 },
    ]);
    expect(parseCitation('京人社劳发〔2025〕7号')).toEqual([{ text: '京人社劳发〔2025〕7号' }]);
  });

  it('shows a citation on screen by the law’s short name in Chinese, the short form only in English', () => {
    expect(formatCitation('LAL art.41', 'zh-CN')).toBe('《法律援助法》第四十一条');
    expect(formatCitation('BJR art.24', 'zh-CN')).toBe('《北京市法律援助条例》第二十四条');
    expect(formatCitation('LAL art.49; BJR art.24', 'zh-CN')).toBe(
      '《法律援助法》第四十九条；《北京市法律援助条例》第二十四条',
    );
    expect(formatCitation('LAL art.43(2)', 'zh-CN')).toBe('《法律援助法》第四十三条');
    expect(formatCitation('OPN (三)', 'zh-CN')).toBe('《关于完善法律援助制度的实施意见》（三）');
    expect(formatCitation('LAL art.41', 'en-US')).toBe('Legal Aid Law, art. 41');
    expect(formatCitation('LAL art.43(2)', 'en-US')).toBe('Legal Aid Law, art. 43(2)');
  });

  it('prints a rule citation in a document by the law’s full title', () => {
    expect(printCitation('LAL art.43(2)', 'zh-CN')).toBe('《中华人民共和国法律援助法》第四十三条');
    expect(printCitation('民法典 art.201–203', 'zh-CN')).toBe(
      '《中华人民共和国民法典》第二百零一条至第二百零三条',
    );
    expect(printCitation('MOJ procedure rules 2023 art.27', 'zh-CN')).toBe(
      '司法部《办理法律援助案件程序规定》（2023年）第二十七条',
    );
    expect(printCitation('LAL art.49', 'en-US')).toBe('Legal Aid Law of the PRC, art. 49');
  });

  it('prints a law the table does not hold by the name the rule data gives it', () => {
    expect(formatCitation('两高两部刑事诉讼法律援助规定(2013) art.2', 'zh-CN')).toBe(
      '两高两部刑事诉讼法律援助规定(2013)第二条',
    );
    expect(formatCitation('LAL art.24; 两高两部刑事诉讼法律援助规定(2013) art.2(3)', 'zh-CN')).toBe(
      '《法律援助法》第二十四条；两高两部刑事诉讼法律援助规定(2013)第二条',
    );
  });

  it('keeps a citation it cannot parse as given', () => {
    expect(printCitation('京人社劳发〔2025〕7号', 'zh-CN')).toBe('京人社劳发〔2025〕7号');
  });

  it('groups a document’s citations by law, articles in order, each once', () => {
    expect(
      printCitations(['LAL art.43', 'LAL art.31; BJR art.24', 'LAL art.22', 'LAL art.43(2)'], 'zh-CN'),
    ).toEqual([
      '《中华人民共和国法律援助法》第二十二条、第三十一条、第四十三条',
      '《北京市法律援助条例》第二十四条',
    ]);
    expect(printCitations(['LAL art.49; BJR art.24', 'LAL art.49(1)'], 'zh-CN')).toEqual([
      '《中华人民共和国法律援助法》第四十九条',
      '《北京市法律援助条例》第二十四条',
    ]);
    expect(printCitations(['LAL art.31, art.22'], 'en-US')).toEqual([
      'Legal Aid Law of the PRC, art. 22, art. 31',
    ]);
  });
});
