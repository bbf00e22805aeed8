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
    area: 'subsidies (issue 16)',
    topic:
      'Whether a newer Beijing subsidy standard replaced 《北京市法律援助补贴办法》(京财行〔2011〕2483号), and the 2011 text’s own commencement date',
    searched:
      'facts.md §4: the 2011 notice was read from two reposts (law444.infoeach.com, cehavas.com), both cut off after 第五条(一). No later Beijing text was found [NF]. The Beijing rows (bj.subsidy.*) start on the notice’s date, 2011-11-22; a rule admin closes them and adds the new standard’s rows from its date when it is read',
  },
  {
    area: 'subsidies (issue 16)',
    topic:
      'The figures of the subsidy standard other than consultation duty (150元 per working day), the criminal investigation stage (1,200元 per case) and the cost rules of 京财行〔2011〕2483号 第三条: the later criminal stages, civil, administrative and other case types, duty lawyers, the differentiated supplements, cost caps and quality bands',
    searched:
      'The later articles of the 2011 text were cut off in every stored copy; 司发通〔2019〕27号 was read only through secondary sources (its structure, no national figures: LAL art.52 leaves them to the province). dfrtw.com’s 900/1300/1800/2000元 name no jurisdiction and are not used. These rows ship with null figures (待中心设定): a calculation that needs one lists it and cannot be approved until a rule admin sets it, with its source, on 规则管理 → 补贴标准',
  },
  {
    area: 'subsidies (issue 16)',
    topic:
      'The finance policy: whether the standard in force on the assignment date or on the closing date pays a case, and the adjustment above which a second person approves',
    searched:
      'No Beijing text on either was found. The shipped policy row (cn.subsidy_policy.v1) is Fayuan’s default, not law: the assignment date, and 500元; a centre sets its own on 规则管理 → 补贴核定规则',
  },
  {
    area: 'subsidies (issue 16)',
    topic: 'The amounts of the Tianjin (津司行规〔2019〕3号) and Hebei subsidy standards',
    searched:
      'facts.md §4: the Tianjin 办法 is known by name and structure only, Hebei’s not at all [NF]. Neither ships rows; both regions fall back to the national structure with figures unset',
  },
  {
    area: 'complaints (issue 15)',
    topic:
      'The periods of 《法律援助投诉处理办法》(司法部令第149号, in force 2025-06-15) for accepting, handling and answering a complaint, its acceptance conditions and its outcomes',
    searched:
      "facts.md §2: only arts. 1–5 of the 2025 text and the MOJ summary were readable ([NF] for the periods). Until they are read, complaint clocks run on the last confirmed periods, the 2013 rules' (5 working days to accept, 45 days to finish, 5 working days to answer; cn.period.complaint_*, cited 'MOJ complaint rules 2013'), and the decline reasons and outcomes are the 2013 text's (complaint_decline_reason, complaint_outcome). A rule admin adds the 2025 rows from 2025-06-15 when the text is read; clocks started after that use them",
  },
  {
    area: 'quality (issue 15)',
    topic:
      'The service standards: SF/T 0032-2023’s implementation date (2024-06-01 per a vendor listing) and item texts; SF/T 0058-2019’s section numbers and date; which standard covers state compensation, appeal and notarial matters',
    searched:
      'facts.md §3: only the chapter headings of SF/T 0032-2023 (its foreword) and the outline of SF/T 0058-2019 were readable. The checklist rows (service-standards-cn.ts) follow those headings and the law each item rests on; their weights are sample values for the bureau to set',
  },
  {
    area: 'quality (issue 15)',
    topic:
      'What SF/T 0032-2023 §11.3 (庭审旁听) and §11.5 (征询意见) require of an observation’s score sheet and of the questions put to the organs',
    searched:
      'Only the section headings were readable (facts.md §3). LAL art.59 (read in LawRefBook/Laws, 行政法/法律援助法.md) names both measures but sets no content. The score sheet (hearing_observation_item) and the rating items (organ_opinion_item) ship as SAMPLE rows for the bureau to set; every record keeps the rule ids it used',
  },
  {
    area: 'duty',
    topic:
      '《法律援助值班律师工作办法》(司规〔2020〕6号): the article of each duty (the service types cite LAL art.30/37/39 and CPL art.174 instead), presence at the plea signing in the measures, rosters, the service register (工作台账) contents and the duty subsidy',
    searched:
      'facts.md §1: only the chapter headings and the MOJ/Xinhua summaries were readable; CPL art.174 (2018) read in LawRefBook/Laws 诉讼与非诉讼程序法/刑事诉讼法(2018-10-26).md. Rosters, the register and the subsidy are [NF]: the weekly capacity, rotation window and lateness are centre settings, not law',
  },
  {
    area: 'duty',
    topic:
      'Duty-lawyer stations at police case-handling centres: not named by LAL art.14 nor by the stored sources of the 2020 measures',
    searched:
      'LAL art.14 names courts, procuratorates and detention centres ("等场所"); the station kind police_case_centre_station is kept as Beijing practice, to confirm from a Beijing text',
  },
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
