import type { ListItemRule } from '../reference/list-item.ts';

/**
 * Hearing observation (庭审旁听, LAL art.59; OPN (六); SF/T 0032-2023 11.3): someone of the centre
 * sits in on a hearing of an aided case and scores the handler's work on the score sheet in force
 * (`hearing_observation_item` rule rows: each a weight and a maximum score). The findings go to the
 * handler, who replies; the observer or a supervisor closes the observation.
 *
 *   scheduled ─record→ observed ─reply→ replied ─close→ closed
 *   scheduled ─cancel→ cancelled          observed ─close→ closed (no reply asked)
 */
export const HEARING_OBSERVATION_STATUSES = [
  'scheduled',
  'observed',
  'replied',
  'closed',
  'cancelled',
] as const;
export type HearingObservationStatus = (typeof HEARING_OBSERVATION_STATUSES)[number];

export type HearingObservationStep = 'record' | 'reply' | 'close' | 'cancel';

const STEPS: Record<
  HearingObservationStep,
  { from: readonly HearingObservationStatus[]; to: HearingObservationStatus }
> = {
  record: { from: ['scheduled'], to: 'observed' },
  reply: { from: ['observed'], to: 'replied' },
  close: { from: ['observed', 'replied'], to: 'closed' },
  cancel: { from: ['scheduled'], to: 'cancelled' },
};

/** The status a step leads to from `status`, or null when the step is not open there. */
export function hearingObservationStep(
  status: HearingObservationStatus,
  step: HearingObservationStep,
): HearingObservationStatus | null {
  const s = STEPS[step];
  return s.from.includes(status) ? s.to : null;
}

/** Still open: one per hearing at a time. */
export const OPEN_OBSERVATION_STATUSES = [
  'scheduled',
  'observed',
  'replied',
] as const satisfies readonly HearingObservationStatus[];

/** One line of the score sheet in force: the rule row's weight and maximum score. */
export interface ScoreSheetItem {
  code: string;
  ruleId: string;
  nameZh: string;
  nameEn: string;
  weight: number;
  maxScore: number;
  order: number;
  citation: string;
}

/** One scored line, kept with the observation (the rule id names the version used). */
export interface ScoredItem {
  code: string;
  ruleId: string;
  weight: number;
  maxScore: number;
  score: number;
}

export type ScoreSheetProblem =
  | { code: 'OBSERVATION_ITEM_UNKNOWN'; item: string }
  | { code: 'OBSERVATION_SCORE_MISSING'; item: string }
  | { code: 'OBSERVATION_SCORE_INVALID'; item: string }
  | { code: 'OBSERVATION_SHEET_EMPTY' };

const positive = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v > 0;

/**
 * The score sheet in force, in its order: the `hearing_observation_item` rows whose weight and
 * maximum score are positive numbers (a malformed row is left out rather than scoring nonsense).
 */
export function scoreSheet(items: readonly ListItemRule[]): ScoreSheetItem[] {
  return items
    .filter(
      (i) =>
        i.list === 'hearing_observation_item' && positive(i.params.weight) && positive(i.params.maxScore),
    )
    .map((i) => ({
      code: i.code,
      ruleId: i.id,
      nameZh: i.nameZh,
      nameEn: i.nameEn,
      weight: i.params.weight as number,
      maxScore: i.params.maxScore as number,
      order: Number(i.params.order ?? 0),
      citation: i.citation,
    }))
    .sort((a, b) => a.order - b.order || a.code.localeCompare(b.code));
}

/**
 * Scores a sheet: every item in force is scored, with a whole number from 0 to its maximum, and no
 * other item is. The total, out of 100, weighs each item's share of its maximum by its weight:
 * `100 × Σ(weight × score / maxScore) / Σ weight`, rounded to a whole number (as file inspections'
 * totals are, so the two sit side by side on the handler's record).
 */
export function evaluateScoreSheet(
  scores: Readonly<Record<string, number>>,
  sheet: readonly ScoreSheetItem[],
): { ok: true; items: ScoredItem[]; total: number } | { ok: false; problem: ScoreSheetProblem } {
  if (sheet.length === 0) return { ok: false, problem: { code: 'OBSERVATION_SHEET_EMPTY' } };
  const known = new Set(sheet.map((i) => i.code));
  for (const code of Object.keys(scores))
    if (!known.has(code)) return { ok: false, problem: { code: 'OBSERVATION_ITEM_UNKNOWN', item: code } };
  const items: ScoredItem[] = [];
  for (const i of sheet) {
    const score = scores[i.code];
    if (score === undefined)
      return { ok: false, problem: { code: 'OBSERVATION_SCORE_MISSING', item: i.code } };
    if (!Number.isInteger(score) || score < 0 || score > i.maxScore)
      return { ok: false, problem: { code: 'OBSERVATION_SCORE_INVALID', item: i.code } };
    items.push({ code: i.code, ruleId: i.ruleId, weight: i.weight, maxScore: i.maxScore, score });
  }
  return { ok: true, items, total: scoreSheetTotal(items) };
}

/** The weighted total out of 100 of scored items, whole; 0 for none. */
export function scoreSheetTotal(items: readonly Pick<ScoredItem, 'weight' | 'maxScore' | 'score'>[]): number {
  const weights = items.reduce((sum, i) => sum + i.weight, 0);
  if (weights === 0) return 0;
  const weighted = items.reduce((sum, i) => sum + (i.weight * i.score) / i.maxScore, 0);
  return Math.round((100 * weighted) / weights);
}
