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
    searched:
      'domain.md gives the amounts without start dates; needs the 北京市人力资源和社会保障局 notices. Searched again for issue 11 §6 (stored pages): only unsourced aggregator pages, so the rows stay out',
  },
  {
    area: 'eligibility',
    topic:
      '两高两部《关于刑事诉讼法律援助工作的规定》(2013) art.2: exact wording of the four "other reasons", and whether it is still in force beside LAL art.24',
    searched:
      'Not in LawRefBook/Laws (find_string on its wording and title). Wording read only in secondary reposts (110ask.com, soolun.net: issued 2013-02-04, in force 2013-03-01). Encoded as fact rows coDefendantHasCounsel, procuratorateProtest, majorSocialImpact, intellectualDisability; settle from the official text (司法部 / 最高人民法院 gazette)',
  },
  {
    area: 'eligibility',
    topic:
      'Beijing hardship line 2009-03-01..2017-10-10: BJR art.10 ties it to the low-income household standard (低收入家庭认定标准), not the minimum wage',
    searched:
      'BJR art.10 read in LawRefBook/Laws (地方性法规/北京/北京市法律援助条例.md). The low-income standard amounts by year were not found; without them applications in that span answer NO_THRESHOLD unless an exemption applies',
  },
  {
    area: 'deadlines',
    topic:
      'Whether 《北京市法律援助条例》(2008) was revised or repealed after the Legal Aid Law (2022): the BJR art.21 5-working-day period is encoded as still in force',
    searched:
      'LawRefBook/Laws holds only the 2008 text (地方性法规/北京/北京市法律援助条例.md, commit 3a0d261); a later Beijing revision was not found. If one exists, close bj.period.review_decision_bjr.v1 from its date',
  },
  {
    area: 'calendar',
    topic:
      'State Council notice of the 2027 holidays (国务院办公厅关于2027年部分节假日安排的通知): not entered',
    searched:
      'No authoritative text found (public code holds invented 2027 fixtures, not used). Until an administrator enters it from gov.cn, 2027 dates use the statutory baseline and are flagged provisional',
  },
  {
    area: 'calendar',
    topic:
      '《全国年节及纪念日放假办法》 2024 revision: in force 2025-01-01, and the 2013 revision from 2013-12-11',
    searched:
      'LawRefBook/Laws 行政法规/全国年节及纪念日放假办法(2024-11-10).md and (2013-12-11).md read (art.2); both texts say 自公布之日起施行. The 2025-01-01 date is that of the 国务院关于修改…的决定, not found in LawRefBook',
  },
  {
    area: 'calendar',
    topic:
      'Make-up days (补假) for a statutory holiday on a weekend (《全国年节及纪念日放假办法》 art.6) in years without a notice',
    searched:
      'Art.6 says a holiday on a Saturday or Sunday is made up on a working day but not which one; the baseline leaves them out (dates stay provisional) until the notice fixes them',
  },
];
