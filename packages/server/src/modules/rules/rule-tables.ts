import { z } from 'zod';
import {
  APPLICANT_CATEGORIES,
  CASE_TYPES,
  COST_KINDS,
  COST_TREATMENTS,
  CRIMINAL_STAGES,
  SUBSIDY_SERVICES,
  SUBSIDY_UNITS,
  SUPPLEMENT_TRIGGERS,
  CHECKLIST_STAGES,
  DOCUMENT_KINDS,
  EVIDENCE_ACTIVITY_KINDS,
  FACT_CODE_PATTERN,
  PERIOD_KINDS,
  RULE_LISTS,
  SERVICE_STANDARD_CODE_PATTERN,
  SERVICE_STANDARD_SOURCES,
  type ExemptionRule,
  type ListItemRule,
  type LocalDate,
  type MatterRule,
  type PeriodRule,
  type RuleRow,
  type ServiceStandardItem,
  type SubsidyPolicyRule,
  type SubsidyRateRule,
  type ThresholdRule,
} from '@fayuan/domain';
import { CASE_TYPES as APPLICATION_CASE_TYPES } from '../../db/schema/index.ts';

/**
 * The rule tables: what each row's `data` holds (validated on every new version), what key makes
 * versions replace each other, and how a stored row becomes the domain's rule type. The web app
 * renders its rule pages from these descriptors (GET /api/v1/rules).
 */
const code = z.string().regex(/^[a-z][a-z0-9_]{1,63}$/);
/** A fact is named by a row of the list `fact` (camelCase: it is a JSON key of `facts`), not by an enum. */
export const factCode = z.string().regex(FACT_CODE_PATTERN);
const fen = z.number().int().min(0).max(100_000_000);
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
  service_standard: {
    labelZh: '服务规范检查项',
    labelEn: 'Service-standard checklist items',
    data: z
      .strictObject({
        code: z.string().max(64).regex(SERVICE_STANDARD_CODE_PATTERN),
        ...names,
        standard: z.enum(SERVICE_STANDARD_SOURCES),
        caseTypes: z.array(z.enum(CASE_TYPES)).min(1),
        stage: z.enum(CHECKLIST_STAGES),
        /** What shows the item was met (quality/service-standard.ts `ChecklistEvidenceRule`). */
        evidence: z.discriminatedUnion('kind', [
          z.strictObject({
            kind: z.literal('activity'),
            activityKinds: z.array(z.enum(EVIDENCE_ACTIVITY_KINDS)).min(1),
          }),
          z.strictObject({
            kind: z.literal('document'),
            documentKinds: z.array(z.enum(DOCUMENT_KINDS)).min(1),
          }),
          z.strictObject({ kind: z.literal('closing_material'), codes: z.array(code).min(1) }),
          z.strictObject({ kind: z.literal('judgement') }),
        ]),
        when: z.enum(['terminated', 'not_terminated']).optional(),
        withinDays: z.number().int().min(1).max(365).optional(),
        periodCitation: z.string().trim().min(1).max(200).optional(),
        periodKind: z.enum(PERIOD_KINDS).exclude(['supplement']).optional(),
        weight: z.number().int().min(1).max(100),
      })
      // A time limit is only ever one a binding source gives: it names that source.
      .refine((d) => d.withinDays === undefined || d.periodCitation !== undefined, {
        path: ['periodCitation'],
        message: 'a time limit needs the citation of the source that sets it',
      }),
    keyOf: (d: { code: string }) => d.code,
  },
  subsidy_rate: {
    labelZh: '补贴标准',
    labelEn: 'Subsidy standard',
    data: z.discriminatedUnion('kind', [
      z.strictObject({
        kind: z.literal('base'),
        code,
        ...names,
        service: z.enum(SUBSIDY_SERVICES),
        caseTypes: z.array(z.enum(APPLICATION_CASE_TYPES)).default([]),
        stage: z.enum(CRIMINAL_STAGES).optional(),
        unit: z.enum(SUBSIDY_UNITS),
        /** Null: 待中心设定, to be set by the centre. */
        amountFen: fen.nullable(),
      }),
      z.strictObject({
        kind: z.literal('supplement'),
        code,
        ...names,
        caseTypes: z.array(z.enum(APPLICATION_CASE_TYPES)).default([]),
        trigger: z.enum(SUPPLEMENT_TRIGGERS),
        method: z.enum(['fixed', 'percent_of_base']),
        amountFen: fen.nullable(),
        percentBp: z.number().int().min(-10_000).max(10_000).nullable(),
        includedCount: z.number().int().min(0).max(100).default(0),
        capFen: fen.nullable().default(null),
      }),
      z.strictObject({
        kind: z.literal('cost'),
        code,
        ...names,
        costKind: z.enum(COST_KINDS),
        treatment: z.enum(COST_TREATMENTS),
        capFen: fen.nullable(),
      }),
      z
        .strictObject({
          kind: z.literal('quality_band'),
          code,
          ...names,
          minScore: z.number().int().min(0).max(100),
          maxScore: z.number().int().min(0).max(100),
          percentBp: z.number().int().min(-10_000).max(10_000).nullable(),
        })
        .refine((d) => d.minScore <= d.maxScore, { path: ['maxScore'], message: 'maxScore below minScore' }),
    ]),
    keyOf: (d: { code: string }) => d.code,
  },
  subsidy_policy: {
    labelZh: '补贴核定规则',
    labelEn: 'Subsidy policy',
    data: z.strictObject({
      /** Which date picks the standard a case is paid by. */
      dateBasis: z.enum(['assignment', 'closing']),
      /** An adjustment larger than this (either way) needs a second approver. */
      secondApprovalAboveFen: fen,
    }),
    keyOf: () => 'policy',
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
  rule:
    | MatterRule
    | ThresholdRule
    | ExemptionRule
    | PeriodRule
    | ListItemRule
    | ServiceStandardItem
    | SubsidyRateRule
    | SubsidyPolicyRule,
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
