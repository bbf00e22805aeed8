import { fingerprint } from '../eligibility/assess.ts';
import type { CriminalStage } from '../lifecycle/events.ts';
import {
  SUPPLEMENT_EVIDENCE,
  type BaseRate,
  type CostKind,
  type CostRate,
  type QualityBand,
  type SubsidyRateRule,
  type SupplementRate,
  type SupplementTrigger,
} from './standard.ts';

/** What the calculation reads of a closed case. */
export interface SubsidyCaseFacts {
  caseType: string;
  /** The criminal stage the case was handled at (the notice's), if criminal. */
  criminalStage: CriminalStage | null;
  /** Hearings recorded as held on the handler's timeline. */
  hearingsHeld: number;
  /** Aid ended by termination rather than by the matter's end. */
  terminated: boolean;
  /** The closed case's quality evaluation score (0–100), when evaluated. */
  qualityScore: number | null;
  /** What finance states at review, from the file: the record does not carry these yet. */
  declared: { extraStages: number; extraParties: number; remoteTravel: boolean; complex: boolean };
  /** Costs the handler claims, with receipts, in fen. */
  costs: readonly { kind: CostKind; claimedFen: number }[];
}

export type SubsidyEvidence = 'standard' | 'record' | 'declared' | 'claim' | 'evaluation';

/** One line of the calculation: what it pays, by which rule row, on what evidence, how much. */
export interface SubsidyItem {
  kind: SubsidyRateRule['kind'];
  code: string;
  ruleId: string;
  citation: string;
  nameZh: string;
  nameEn: string;
  evidence: SubsidyEvidence;
  quantity: number;
  /** Null while the centre has not set the rule's figure (待中心设定). */
  amountFen: number | null;
  explanationZh: string;
  explanationEn: string;
}

export type SubsidyProblem = { code: 'NO_BASE_RATE'; caseType: string; stage: CriminalStage | null };

export interface SubsidyCalculation {
  items: SubsidyItem[];
  /** The sum of the items that have an amount, never below zero. */
  computedFen: number;
  /** Every item has its amount and a base rate was found: only then may finance approve it. */
  complete: boolean;
  unsetCodes: string[];
  problems: SubsidyProblem[];
  ruleIds: string[];
  ruleVersion: string;
}

/** Whole fen, half away from zero, of `fen × bp / 10 000` (integer arithmetic: no float drift). */
export function shareOfFen(fen: number, bp: number): number {
  const n = fen * bp;
  const q = Math.trunc(n / 10_000);
  const r = n - q * 10_000;
  // `+ 0` turns the -0 of a small negative share into 0.
  return (Math.abs(r) * 2 >= 10_000 ? q + Math.sign(n) : q) + 0;
}

/** `1,200.00` from 120 000 fen. */
export function formatYuan(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  const yuan = Math.floor(abs / 100).toLocaleString('en-US');
  return `${sign}${yuan}.${String(abs % 100).padStart(2, '0')}`;
}

const STAGE_ZH: Record<CriminalStage, string> = {
  investigation: '侦查阶段',
  prosecution_review: '审查起诉阶段',
  trial_first_instance: '一审',
  trial_second_instance: '二审',
  death_penalty_review: '死刑复核',
  compulsory_medical_treatment: '强制医疗',
};

const appliesTo = (caseTypes: readonly string[], caseType: string): boolean =>
  caseTypes.length === 0 || caseTypes.includes(caseType);

/**
 * The base rate a case earns: the row for its type at its criminal stage, or else the row for its
 * type at any stage. Also what a budget commits for a case not yet calculated.
 */
export function caseBaseRate(
  rates: readonly SubsidyRateRule[],
  caseType: string,
  criminalStage: string | null,
): (BaseRate & SubsidyRateRule) | undefined {
  const bases = rates.filter(
    (r): r is BaseRate & SubsidyRateRule =>
      r.kind === 'base' && r.service === 'case' && r.caseTypes.includes(caseType),
  );
  return (
    bases.find((r) => r.stage !== undefined && r.stage === criminalStage) ??
    bases.find((r) => r.stage === undefined)
  );
}

function triggerCount(trigger: SupplementTrigger, facts: SubsidyCaseFacts): number {
  switch (trigger) {
    case 'extra_stage':
      return facts.declared.extraStages;
    case 'extra_party':
      return facts.declared.extraParties;
    case 'remote_travel':
      return facts.declared.remoteTravel ? 1 : 0;
    case 'complex':
      return facts.declared.complex ? 1 : 0;
    case 'extra_hearing':
      return facts.hearingsHeld;
    case 'terminated':
      return facts.terminated ? 1 : 0;
  }
}

const UNSET_ZH = '待中心设定';
const UNSET_EN = 'to be set by the centre';

function item(
  rule: SubsidyRateRule,
  evidence: SubsidyEvidence,
  quantity: number,
  amountFen: number | null,
  zh: string,
  en: string,
): SubsidyItem {
  return {
    kind: rule.kind,
    code: rule.code,
    ruleId: rule.id,
    citation: rule.citation,
    nameZh: rule.nameZh,
    nameEn: rule.nameEn,
    evidence,
    quantity,
    amountFen,
    explanationZh: amountFen === null ? `${zh}；金额${UNSET_ZH}` : zh,
    explanationEn: amountFen === null ? `${en}; amount ${UNSET_EN}` : en,
  };
}

function supplementItem(
  rule: SupplementRate & SubsidyRateRule,
  facts: SubsidyCaseFacts,
  baseFen: number | null,
): SubsidyItem | undefined {
  const raw = triggerCount(rule.trigger, facts);
  const count = Math.max(0, raw - rule.includedCount);
  if (count === 0) return undefined;
  const evidence = SUPPLEMENT_EVIDENCE[rule.trigger];
  const source =
    evidence === 'record'
      ? { zh: '承办记录', en: 'the casework record' }
      : { zh: '财务审核确认', en: "finance's review" };
  const counted =
    rule.includedCount > 0
      ? {
          zh: `${source.zh}：${raw} 次，标准已含 ${rule.includedCount} 次，计 ${count} 次`,
          en: `${source.en}: ${raw}, ${rule.includedCount} included in the base, ${count} counted`,
        }
      : { zh: `${source.zh}：${count}`, en: `${source.en}: ${count}` };
  let amount: number | null;
  let how: { zh: string; en: string };
  if (rule.method === 'fixed') {
    amount = rule.amountFen === null ? null : rule.amountFen * count;
    how =
      rule.amountFen === null
        ? { zh: '每次金额', en: 'amount each' }
        : {
            zh: `每次 ${formatYuan(rule.amountFen)} 元 × ${count}`,
            en: `¥${formatYuan(rule.amountFen)} × ${count}`,
          };
  } else {
    amount = rule.percentBp === null || baseFen === null ? null : shareOfFen(baseFen, rule.percentBp * count);
    how =
      rule.percentBp === null
        ? { zh: '基础补贴的比例', en: 'share of the base' }
        : {
            zh: `基础补贴的 ${rule.percentBp / 100}% × ${count}`,
            en: `${rule.percentBp / 100}% of the base × ${count}`,
          };
  }
  let capped = { zh: '', en: '' };
  if (amount !== null && rule.capFen !== null && amount > rule.capFen) {
    capped = {
      zh: `，超过上限按 ${formatYuan(rule.capFen)} 元`,
      en: `, capped at ¥${formatYuan(rule.capFen)}`,
    };
    amount = rule.capFen;
  }
  return item(
    rule,
    evidence,
    count,
    amount,
    `${counted.zh}；${how.zh}${capped.zh}`,
    `${counted.en}; ${how.en}${capped.en}`,
  );
}

function costItem(
  rule: (CostRate & SubsidyRateRule) | undefined,
  kind: CostKind,
  claimedFen: number,
): SubsidyItem {
  const claimed = { zh: `申报 ${formatYuan(claimedFen)} 元`, en: `claimed ¥${formatYuan(claimedFen)}` };
  if (!rule)
    return {
      kind: 'cost',
      code: `cost_${kind}`,
      ruleId: '',
      citation: '',
      nameZh: kind,
      nameEn: kind,
      evidence: 'claim',
      quantity: 1,
      amountFen: 0,
      explanationZh: `${claimed.zh}；补贴标准未列此项费用，不予报销`,
      explanationEn: `${claimed.en}; the standard lists no such cost, not reimbursed`,
    };
  switch (rule.treatment) {
    case 'included':
      return item(
        rule,
        'claim',
        1,
        0,
        `${claimed.zh}；已含在补贴标准内，不另报销`,
        `${claimed.en}; included in the base, not reimbursed`,
      );
    case 'at_cost':
      return item(
        rule,
        'claim',
        1,
        claimedFen,
        `${claimed.zh}；据实报销`,
        `${claimed.en}; reimbursed at cost`,
      );
    case 'capped':
      if (rule.capFen === null)
        return item(rule, 'claim', 1, null, `${claimed.zh}；上限`, `${claimed.en}; cap`);
      return claimedFen > rule.capFen
        ? item(
            rule,
            'claim',
            1,
            rule.capFen,
            `${claimed.zh}；超过上限，按 ${formatYuan(rule.capFen)} 元`,
            `${claimed.en}; above the cap, ¥${formatYuan(rule.capFen)}`,
          )
        : item(
            rule,
            'claim',
            1,
            claimedFen,
            `${claimed.zh}；在上限 ${formatYuan(rule.capFen)} 元内`,
            `${claimed.en}; within the cap of ¥${formatYuan(rule.capFen)}`,
          );
  }
}

/**
 * The subsidy of a closed case under the rate rows in force (one per code, the caller picks them
 * for the date the policy names): the base for its type and stage, each supplement its record or
 * finance's statement triggers, each claimed cost within its rule, and the quality band its
 * evaluation score falls in. Every line names its rule row and says why; an unset figure leaves
 * the line without an amount and the calculation incomplete rather than guessing.
 */
export function calculateSubsidy(
  rates: readonly SubsidyRateRule[],
  facts: SubsidyCaseFacts,
): SubsidyCalculation {
  const items: SubsidyItem[] = [];
  const problems: SubsidyProblem[] = [];
  const base = caseBaseRate(rates, facts.caseType, facts.criminalStage);
  let baseFen: number | null = null;
  if (base) {
    baseFen = base.amountFen;
    const what = base.stage
      ? { zh: `${STAGE_ZH[base.stage]}每件`, en: `per case at this stage` }
      : { zh: '每件', en: 'per case' };
    items.push(
      item(
        base,
        'standard',
        1,
        baseFen,
        baseFen === null ? what.zh : `${what.zh} ${formatYuan(baseFen)} 元`,
        baseFen === null ? what.en : `¥${formatYuan(baseFen)} ${what.en}`,
      ),
    );
  } else problems.push({ code: 'NO_BASE_RATE', caseType: facts.caseType, stage: facts.criminalStage });

  for (const rule of rates) {
    if (rule.kind !== 'supplement' || !appliesTo(rule.caseTypes, facts.caseType)) continue;
    const line = supplementItem(rule, facts, baseFen);
    if (line) items.push(line);
  }

  const claimed = new Map<CostKind, number>();
  for (const c of facts.costs) claimed.set(c.kind, (claimed.get(c.kind) ?? 0) + c.claimedFen);
  for (const [kind, fen] of claimed) {
    if (fen <= 0) continue;
    const rule = rates.find((r): r is CostRate & SubsidyRateRule => r.kind === 'cost' && r.costKind === kind);
    items.push(costItem(rule, kind, fen));
  }

  if (facts.qualityScore !== null && base) {
    const score = facts.qualityScore;
    const band = rates.find(
      (r): r is QualityBand & SubsidyRateRule =>
        r.kind === 'quality_band' && r.minScore <= score && score <= r.maxScore,
    );
    if (band) {
      const amount = band.percentBp === null || baseFen === null ? null : shareOfFen(baseFen, band.percentBp);
      const pct = band.percentBp === null ? '' : `${band.percentBp > 0 ? '+' : ''}${band.percentBp / 100}%`;
      items.push(
        item(
          band,
          'evaluation',
          1,
          amount,
          `质量评估 ${score} 分（${band.minScore}–${band.maxScore}）：基础补贴 ${pct}`,
          `quality score ${score} (${band.minScore}–${band.maxScore}): base ${pct}`,
        ),
      );
    }
  }

  const unsetCodes = items.filter((i) => i.amountFen === null).map((i) => i.code);
  const sum = items.reduce((s, i) => s + (i.amountFen ?? 0), 0);
  const ruleIds = [...new Set(items.map((i) => i.ruleId).filter((id) => id !== ''))].sort();
  return {
    items,
    computedFen: Math.max(0, sum),
    complete: problems.length === 0 && unsetCodes.length === 0,
    unsetCodes,
    problems,
    ruleIds,
    ruleVersion: fingerprint(ruleIds),
  };
}
