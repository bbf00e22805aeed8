/**
 * Legal values Fayuan does not encode because no source could be found for them yet ("to
 * confirm"). docs/lifecycle.md lists them (scripts/generate-lifecycle-doc.ts); when a source is
 * found, the value enters the rule data with it and its entry here is removed.
 */
export interface ToConfirm {
  /** What is missing, in a sentence. */
  topic: string;
  /** What was looked at, and what would settle it. */
  searched: string;
  /** The issue section or area it belongs to. */
  area: string;
}

export const TO_CONFIRM: ToConfirm[] = [
  {
    area: 'eligibility',
    topic: 'Beijing minimum wage 2000 (2017) and 2120 (2018): start dates',
    searched: 'domain.md gives the amounts without start dates; needs the 北京市人力资源和社会保障局 notices',
  },
  {
    area: 'procedure (issue 11 §8)',
    topic:
      'Closing materials: the period to hand them in after the end of the matter (30 days?) — no closing_materials period row ships, so no clock runs until one is entered',
    searched:
      'LawRefBook/Laws holds no 《办理法律援助案件程序规定》 (司法部令第148号); public reposts read (jianbiaoku book 163126, arts. 24–28) did not reach the closing chapter. LAL art.50 says only "及时". Needs the official 2023 text',
  },
  {
    area: 'procedure (issue 11 §9)',
    topic:
      'Supplement pause: the 2023 MOJ procedure rules article that keeps the time to supply out of the review period (art.13 in the 2012 rules) — cited as "MOJ procedure rules 2023" without an article',
    searched:
      'LAL art.43 (LawRefBook/Laws 行政法/法律援助法(2021-08-20).md) has no such clause; the 2012 art.13 wording was read on reposts only; the 2023 numbering was not found',
  },
  {
    area: 'procedure (issue 11 §9)',
    topic:
      'Change of handler: the 2023 MOJ procedure rules article (art.23 in the 2012 rules) — cited as LAL art.55 only',
    searched: 'Not in LawRefBook/Laws; reposts of the 2023 text read up to art.28 did not show it',
  },
  {
    area: 'procedure (issue 11 §7)',
    topic:
      'MOJ procedure rules 2023 art.24, art.26, art.27 were read on a public repost (jianbiaoku book 163126), not on an official page or LawRefBook/Laws',
    searched:
      'art.27: "法律援助人员所属单位应当自安排或者收到指派之日起五日内与受援人或者其法定代理人、近亲属签订委托协议和授权委托书，但因受援人原因或者其他客观原因无法按时签订的除外". Check against the 司法部 gazette text',
  },
  {
    area: 'procedure (issue 11 §5)',
    topic:
      'Compulsory medical treatment in the Criminal Procedure Law: the article (art.304 per the issue) that gives the respondent a representative (诉讼代理人) — only LAL art.28 is cited',
    searched: 'LAL art.28 read in LawRefBook/Laws; the 刑事诉讼法 (2018) file was not found there',
  },
];
