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
    area: 'objection windows (issue 11 §1)',
    topic:
      'BJR art.24: the 15-day objection period "自收到不予法律援助决定之日起15日内" (bj.period.objection_filing.v1), as the issue and domain.md quote it',
    searched:
      'LawRefBook/Laws holds no 北京市法律援助条例 (find_string on the article text and the title found nothing); LAL art.49 was read there (行政法/法律援助法(2021-08-20).md): no filing period, review within 5 days 自收到异议之日起. Needs the Beijing text as in force (2008, amended?)',
  },
];
