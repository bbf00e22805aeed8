import { z } from 'zod';
import { APPLICANT_CATEGORIES } from '@fayuan/domain';
import { instant, localDate } from '../../platform/http/date-schemas.ts';
import { factCode } from '../rules/rule-tables.ts';

export const jurisdictionCode = z.string().regex(/^\d{6}$/, 'six-digit jurisdiction code');

export const assessmentBody = z.strictObject({
  jurisdiction: jurisdictionCode,
  applicationDate: localDate,
  matter: z.string().min(1).max(80),
  applicant: z
    .strictObject({ categories: z.array(z.enum(APPLICANT_CATEGORIES)).max(20).default([]) })
    .default({ categories: [] }),
  household: z
    .strictObject({
      members: z.number().int().min(1).max(100),
      monthlyIncomeFen: z.number().int().min(0).max(10_000_000_000),
    })
    .optional(),
  /** Yes/no facts by code: the codes of the rule list `fact` in force on the application date (else FACT_UNKNOWN). */
  facts: z
    .record(factCode, z.boolean())
    .refine((f) => Object.keys(f).length <= 50, 'at most 50 facts')
    .default({}),
});

const reason = z.object({
  code: z.string(),
  message: z.string(),
  citation: z.string(),
  citationText: z
    .string()
    .describe('The citation in words in the language of the request: 《法律援助法》第三十一条 in zh-CN'),
});

export const assessmentResponse = z.object({
  eligible: z.boolean(),
  scope: z.object({ inScope: z.boolean(), matter: z.string(), citations: z.array(z.string()) }),
  hardship: z.object({
    status: z.enum(['met', 'not_met', 'exempt', 'presumed', 'not_tested', 'unknown']),
    perCapitaMonthlyIncomeFen: z.number().int().nullable(),
    thresholdFen: z.number().int().nullable(),
    citations: z.array(z.string()),
  }),
  reasons: z.array(reason),
  whatWouldChange: z.array(z.object({ code: z.string(), message: z.string() })),
  rulesApplied: z.array(z.string()),
  ruleVersion: z.string(),
});

export const deadlineBody = z.union([
  z.strictObject({
    kind: z
      .string()
      .regex(/^[a-z][a-z0-9_]{1,63}$/)
      .refine((k) => k !== 'custom'),
    start: instant,
    jurisdiction: jurisdictionCode.default('110000'),
    pauses: z
      .array(z.strictObject({ from: instant, to: instant }))
      .max(20)
      .default([]),
  }),
  z.strictObject({
    kind: z.literal('custom'),
    amount: z.number().int().min(0).max(3650),
    unit: z.enum(['calendar_days', 'working_days', 'hours']),
    start: instant,
    jurisdiction: jurisdictionCode.default('110000'),
    pauses: z
      .array(z.strictObject({ from: instant, to: instant }))
      .max(20)
      .default([]),
  }),
]);

export const deadlineResponse = z.object({
  kind: z.string(),
  amount: z.number().int(),
  unit: z.string(),
  start: z.string(),
  dueAt: z.string(),
  dueDate: z.string(),
  extendedOver: z.array(z.object({ date: z.string(), name: z.string().nullable() })),
  citations: z.array(z.string()),
  /**
   * CALENDAR_PROVISIONAL: a year the period touched has no State Council notice on file, so its
   * statutory holidays (全国年节及纪念日放假办法 art.2) were used; `years` lists them.
   * CALENDAR_YEAR_MISSING: a year with neither (weekends only).
   */
  warnings: z.array(
    z.object({
      code: z.string(),
      message: z.string(),
      provisional: z.boolean().optional(),
      years: z.array(z.number().int()).optional(),
    }),
  ),
  /** True when the date relies on the statutory baseline of a year without a notice: it may move when the notice is entered. */
  provisional: z.boolean(),
  ruleVersion: z.string(),
});

/** A legal aid centre as the public sees it (the self-test's next steps). */
export const centresResponse = z.object({
  items: z.array(
    z.object({
      name: z.string(),
      /** The city centre (as against a district centre). */
      city: z.boolean(),
      /** Six-digit administrative division code of the district it serves. */
      regionCode: z.string().nullable(),
      address: z.string().nullable(),
      phone: z.string().nullable(),
      /** Office hours as the centre states them; null when not recorded. */
      officeHours: z.string().nullable(),
    }),
  ),
});
