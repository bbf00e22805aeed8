import { z } from 'zod';
import {
  APPLICANT_CATEGORIES,
  FACT_CODE_PATTERN,
  RULE_LISTS,
  type ExemptionRule,
  type ListItemRule,
  type LocalDate,
  type MatterRule,
  type PeriodRule,
  type RuleRow,
  type ThresholdRule,
} from '@fayuan/domain';

/**
 * The rule tables: what each row's `data` holds (validated on every new version), what key makes
 * versions replace each other, and how a stored row becomes the domain's rule type. The web app
 * renders its rule pages from these descriptors (GET /api/v1/rules).
 */
const code = z.string().regex(/^[a-z][a-z0-9_]{1,63}$/);
/** A fact is named by a row of the list `fact` (camelCase: it is a JSON key of `facts`), not by an enum. */
export const factCode = z.string().regex(FACT_CODE_PATTERN);
const names = { nameZh: z.string().trim().min(1).max(100), nameEn: z.string().trim().min(1).max(200) };

export const RULE_TABLES = {
  matter: {
    labelZh: '援助事项目录',
    labelEn: 'Matter catalogue',
    data: z.strictObject({
      code,
      ...names,
      requiresFacts: z.array(factCode).default([]),
      hardshipTested: z.boolean().default(true),
    }),
    keyOf: (d: { code: string }) => d.code,
  },
  threshold: {
    labelZh: '经济困难标准',
    labelEn: 'Economic-hardship line',
    data: z.strictObject({ monthlyIncomePerMemberFen: z.number().int().min(0).max(100_000_000) }),
    keyOf: () => 'threshold',
  },
  exemption: {
    labelZh: '免予审查与推定困难情形',
    labelEn: 'Hardship exemptions and presumptions',
    data: z.strictObject({
      code,
      kind: z.enum(['no_condition', 'presumed']),
      categories: z.array(z.enum(APPLICANT_CATEGORIES)).default([]),
      facts: z.array(factCode).default([]),
      matters: z.array(code).default([]),
    }),
    keyOf: (d: { code: string }) => d.code,
  },
  period: {
    labelZh: '法定期限',
    labelEn: 'Statutory periods',
    data: z.strictObject({
      kind: code,
      amount: z.number().int().min(0).max(3650),
      unit: z.enum(['calendar_days', 'working_days', 'hours']),
      ...names,
      /** The kind of the period this one runs beside; the earlier due date governs (ADR 0013). */
      runsWith: code.optional(),
    }),
    keyOf: (d: { kind: string }) => d.kind,
  },
  list_item: {
    labelZh: '规则清单（通知辩护、终止、不予援助、资质、申请事实）',
    labelEn: 'Coded lists (notice grounds, termination, refusal, qualifications, facts)',
    data: z.strictObject({
      list: z.enum(RULE_LISTS),
      // Fact codes are camelCase (JSON keys); every other list uses snake_case codes.
      code: z.union([code, factCode]),
      ...names,
      params: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).default({}),
    }),
    keyOf: (d: { list: string; code: string }) => `${d.list}:${d.code}`,
  },
} as const;

export type RuleTableName = keyof typeof RULE_TABLES;
export const RULE_TABLE_NAMES = Object.keys(RULE_TABLES) as RuleTableName[];

export interface StoredRule {
  id: string;
  ruleTable: string;
  jurisdiction: string;
  key: string;
  data: unknown;
  citation: string;
  effectiveFrom: string;
  effectiveTo: string | null;
}

/** A stored row as the domain's rule: the common columns plus its table's data. */
export function toDomainRule<T extends RuleRow>(row: StoredRule): T {
  return {
    ...(row.data as object),
    id: row.id,
    jurisdiction: row.jurisdiction,
    citation: row.citation,
    effectiveFrom: row.effectiveFrom as LocalDate,
    effectiveTo: row.effectiveTo as LocalDate | null,
  } as T;
}

/** A domain rule (the shipped reference data) as a row to store. */
export function toStoredRule(
  table: RuleTableName,
  rule: MatterRule | ThresholdRule | ExemptionRule | PeriodRule | ListItemRule,
): StoredRule {
  const { id, jurisdiction, citation, effectiveFrom, effectiveTo, ...rest } = rule;
  const data = RULE_TABLES[table].data.parse(rest);
  return {
    id,
    ruleTable: table,
    jurisdiction,
    key: (RULE_TABLES[table].keyOf as (d: unknown) => string)(data),
    data,
    citation,
    effectiveFrom,
    effectiveTo,
  };
}
