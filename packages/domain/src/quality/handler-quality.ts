import type { ListItemRule } from '../reference/list-item.ts';

/**
 * A handler's quality record (承办业绩, OPN (六), (七)): the scores of their closed cases'
 * evaluations and file inspections, the complaints upheld against them, and the recipients'
 * satisfaction, with quarter-by-quarter trends, checked against the `quality_threshold` rule rows
 * in force. A breached threshold is a concern: the directors are told, the admission review sees
 * it, and the assignment ranks the handler lower with the reason shown (never excludes them).
 */
export const QUALITY_METRICS = [
  'average_score', // mean evaluation score of closed cases, 0–100
  'inspection_score', // mean total score of file inspections, 0–100
  'upheld_complaints', // complaints decided as founded
  'satisfaction', // mean recipient rating, 1–5
  'observation_score', // mean total score of hearing observations (庭审旁听), 0–100
  'poor_organ_opinions', // answers of case-handling organs rating the handler's work poor (organ-opinions.ts)
] as const;
export type QualityMetric = (typeof QUALITY_METRICS)[number];

export interface HandlerQualityFacts {
  evaluations: readonly { score: number; at: string }[];
  inspections: readonly { score: number; at: string }[];
  /** Complaints naming the handler that were decided, founded or not. */
  complaints: readonly { upheld: boolean; at: string }[];
  /** The recipients' ratings, 1–5 (the portal's rating or a follow-up visit's answer). */
  ratings: readonly { score: number; at: string }[];
  /** The total scores of hearing observations of their work in court (hearing-observations.ts). */
  observations?: readonly { score: number; at: string }[];
  /** The case-handling organs' answers (征询意见): `poor` when any item was rated 1 or 2. */
  organOpinions?: readonly { poor: boolean; at: string }[];
}

/** A threshold row's parameters: the metric, its bound, the window, and how many facts make it count. */
export interface ThresholdParams {
  metric: QualityMetric;
  /** A concern when the metric is below `min` (scores, satisfaction) … */
  min?: number;
  /** … or above `max` (complaints upheld). */
  max?: number;
  /** The days back from today the metric is computed over. */
  windowDays: number;
  /** Fewer facts than this in the window: no judgement (one bad case is not a pattern). */
  minCount: number;
}

export interface QualityConcern {
  code: string;
  metric: QualityMetric;
  value: number;
  limit: number;
  bound: 'min' | 'max';
  windowDays: number;
  nameZh: string;
  nameEn: string;
  citation: string;
  ruleId: string;
}

export interface QuarterTrend {
  /** `2026Q3`, by Beijing date. */
  quarter: string;
  averageScore: number | null;
  inspectionScore: number | null;
  upheldComplaints: number;
  satisfaction: number | null;
}

export interface HandlerQualitySummary {
  averageScore: number | null;
  evaluations: number;
  inspectionScore: number | null;
  inspections: number;
  upheldComplaints: number;
  complaintsDecided: number;
  satisfaction: number | null;
  ratings: number;
  /** The mean total score of hearing observations (0–100), of how many. */
  observationScore: number | null;
  observations: number;
  /** Organs' answers rating the work poor, of all the answers received. */
  poorOrganOpinions: number;
  organOpinions: number;
  /** The last four quarters with any fact, oldest first. */
  trend: QuarterTrend[];
  concerns: QualityConcern[];
}

const DAY_MS = 86_400_000;
const round1 = (n: number) => Math.round(n * 10) / 10;
const mean = (xs: readonly number[]) =>
  xs.length === 0 ? null : round1(xs.reduce((a, b) => a + b, 0) / xs.length);

/** The parameters of a `quality_threshold` row, or undefined when the row is malformed. */
export function thresholdParams(rule: ListItemRule): ThresholdParams | undefined {
  const { metric, min, max, windowDays, minCount } = rule.params;
  if (typeof metric !== 'string' || !(QUALITY_METRICS as readonly string[]).includes(metric))
    return undefined;
  if (typeof windowDays !== 'number' || windowDays <= 0) return undefined;
  if (typeof min !== 'number' && typeof max !== 'number') return undefined;
  return {
    metric: metric as QualityMetric,
    ...(typeof min === 'number' ? { min } : {}),
    ...(typeof max === 'number' ? { max } : {}),
    windowDays,
    minCount: typeof minCount === 'number' ? minCount : 1,
  };
}

/** A metric over the facts since `sinceMs`, with how many facts it rests on. */
function metricOf(facts: HandlerQualityFacts, metric: QualityMetric, sinceMs: number) {
  const recent = <T extends { at: string }>(xs: readonly T[]) =>
    xs.filter((x) => Date.parse(x.at) >= sinceMs);
  switch (metric) {
    case 'average_score': {
      const xs = recent(facts.evaluations).map((e) => e.score);
      return { value: mean(xs), count: xs.length };
    }
    case 'inspection_score': {
      const xs = recent(facts.inspections).map((e) => e.score);
      return { value: mean(xs), count: xs.length };
    }
    case 'upheld_complaints': {
      const upheld = recent(facts.complaints).filter((c) => c.upheld).length;
      return { value: upheld, count: upheld };
    }
    case 'satisfaction': {
      const xs = recent(facts.ratings).map((r) => r.score);
      return { value: mean(xs), count: xs.length };
    }
    case 'observation_score': {
      const xs = recent(facts.observations ?? []).map((o) => o.score);
      return { value: mean(xs), count: xs.length };
    }
    case 'poor_organ_opinions': {
      const poor = recent(facts.organOpinions ?? []).filter((o) => o.poor).length;
      return { value: poor, count: poor };
    }
  }
}

/** Beijing quarter of an instant: `2026Q3`. */
export function beijingQuarter(at: string): string {
  const d = new Date(Date.parse(at) + 8 * 3_600_000);
  return `${d.getUTCFullYear()}Q${Math.floor(d.getUTCMonth() / 3) + 1}`;
}

function trendOf(facts: HandlerQualityFacts): QuarterTrend[] {
  const quarters = new Set<string>();
  const all = [...facts.evaluations, ...facts.inspections, ...facts.complaints, ...facts.ratings];
  for (const f of all) quarters.add(beijingQuarter(f.at));
  const inQuarter = <T extends { at: string }>(xs: readonly T[], q: string) =>
    xs.filter((x) => beijingQuarter(x.at) === q);
  return [...quarters]
    .sort()
    .slice(-4)
    .map((quarter) => ({
      quarter,
      averageScore: mean(inQuarter(facts.evaluations, quarter).map((e) => e.score)),
      inspectionScore: mean(inQuarter(facts.inspections, quarter).map((e) => e.score)),
      upheldComplaints: inQuarter(facts.complaints, quarter).filter((c) => c.upheld).length,
      satisfaction: mean(inQuarter(facts.ratings, quarter).map((r) => r.score)),
    }));
}

/**
 * The handler's record as of `now` and the thresholds it breaches: each threshold row is judged
 * over its own window, only when at least `minCount` facts fall in it; a metric below `min` or
 * above `max` is a concern, named and cited by its row.
 */
export function summariseHandlerQuality(
  facts: HandlerQualityFacts,
  thresholds: readonly ListItemRule[],
  now: string,
): HandlerQualitySummary {
  const nowMs = Date.parse(now);
  const concerns: QualityConcern[] = [];
  for (const rule of thresholds) {
    const p = thresholdParams(rule);
    if (!p) continue;
    const { value, count } = metricOf(facts, p.metric, nowMs - p.windowDays * DAY_MS);
    if (value === null || count < p.minCount) continue;
    const below = p.min !== undefined && value < p.min;
    const above = p.max !== undefined && value > p.max;
    if (!below && !above) continue;
    concerns.push({
      code: rule.code,
      metric: p.metric,
      value,
      limit: below ? (p.min as number) : (p.max as number),
      bound: below ? 'min' : 'max',
      windowDays: p.windowDays,
      nameZh: rule.nameZh,
      nameEn: rule.nameEn,
      citation: rule.citation,
      ruleId: rule.id,
    });
  }
  const decided = facts.complaints;
  return {
    averageScore: mean(facts.evaluations.map((e) => e.score)),
    evaluations: facts.evaluations.length,
    inspectionScore: mean(facts.inspections.map((e) => e.score)),
    inspections: facts.inspections.length,
    upheldComplaints: decided.filter((c) => c.upheld).length,
    complaintsDecided: decided.length,
    satisfaction: mean(facts.ratings.map((r) => r.score)),
    ratings: facts.ratings.length,
    observationScore: mean((facts.observations ?? []).map((o) => o.score)),
    observations: (facts.observations ?? []).length,
    poorOrganOpinions: (facts.organOpinions ?? []).filter((o) => o.poor).length,
    organOpinions: (facts.organOpinions ?? []).length,
    trend: trendOf(facts),
    concerns,
  };
}
