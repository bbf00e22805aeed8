import type { ListItemRule } from '../reference/list-item.ts';

/**
 * The bureau's evaluation of its centres (OPN (十二) 考评): per-centre indicators for a period,
 * each a ratio of two measures counted from the records, its formula a `centre_kpi` rule row
 * (numerator, denominator, scale, unit) so the bureau changes a formula by a new version, not code.
 */
export const KPI_MEASURES = [
  'clocks_stopped', // statutory periods of the centre's staff that ended in the period
  'clocks_on_time', // … of them, ended by their due time
  'evaluations', // closed cases evaluated
  'evaluation_score_sum',
  'inspections', // file inspections completed
  'inspection_score_sum',
  'satisfaction_count', // recipients' answers (phone visits and portal ratings)
  'satisfaction_sum',
  'cases_closed', // closings accepted
  'complaints_received',
  'complaints_decided',
  'complaints_upheld',
  'criminal_received', // criminal cases received (notices and applications)
  'criminal_assigned', // … of them, with a defender or representative assigned
] as const;
export type KpiMeasure = (typeof KPI_MEASURES)[number];
export type KpiMeasures = Readonly<Record<KpiMeasure, number>>;

export interface KpiValue {
  code: string;
  nameZh: string;
  nameEn: string;
  /** Null when the denominator is 0 (nothing to judge). */
  value: number | null;
  numerator: number;
  denominator: number;
  unit: string;
  citation: string;
  ruleId: string;
}

const isMeasure = (v: unknown): v is KpiMeasure =>
  typeof v === 'string' && (KPI_MEASURES as readonly string[]).includes(v);

/** The KPI rows whose formula is well formed (both measures known, a positive scale). */
export function kpiFormulas(rows: readonly ListItemRule[]): ListItemRule[] {
  return rows
    .filter((r) => isMeasure(r.params.numerator) && isMeasure(r.params.denominator))
    .filter((r) => typeof r.params.scale === 'number' && r.params.scale > 0)
    .sort((a, b) => Number(a.params.order ?? 0) - Number(b.params.order ?? 0));
}

/** Each indicator's value: numerator ÷ denominator × scale, to one decimal; null on a zero denominator. */
export function computeKpis(measures: KpiMeasures, rows: readonly ListItemRule[]): KpiValue[] {
  return kpiFormulas(rows).map((r) => {
    const numerator = measures[r.params.numerator as KpiMeasure];
    const denominator = measures[r.params.denominator as KpiMeasure];
    const scale = r.params.scale as number;
    return {
      code: r.code,
      nameZh: r.nameZh,
      nameEn: r.nameEn,
      value: denominator === 0 ? null : Math.round((numerator / denominator) * scale * 10) / 10,
      numerator,
      denominator,
      unit: typeof r.params.unit === 'string' ? r.params.unit : '',
      citation: r.citation,
      ruleId: r.id,
    };
  });
}
