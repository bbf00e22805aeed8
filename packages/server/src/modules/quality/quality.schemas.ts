import { z } from 'zod';
import { SATISFACTION_LEVELS, SCORE_MAX, SCORE_MIN } from '@fayuan/domain';

const code = z.string().regex(/^[a-z][a-z0-9_]{1,63}$/);

/** A quality evaluation of a closed case (LAL art.57, art.59): codes of the dated rule lists. */
export const evaluationBody = z.strictObject({
  methods: z
    .array(code)
    .min(1)
    .max(20)
    .refine((m) => new Set(m).size === m.length, 'each method once'),
  grade: code,
  score: z.number().int().min(SCORE_MIN).max(SCORE_MAX),
  /** Required when a method records it (the follow-up visit, 回访); refused otherwise. */
  satisfaction: z.enum(SATISFACTION_LEVELS).optional(),
  findings: z.string().trim().min(1).max(10000),
});
export type EvaluationInput = z.infer<typeof evaluationBody>;

/** A rule row as used: its code, names, source and version id. */
const ruleRef = z.object({
  code: z.string(),
  nameZh: z.string(),
  nameEn: z.string(),
  citation: z.string(),
  ruleId: z.string(),
});

export const evaluationSchema = z.object({
  id: z.string().uuid(),
  applicationId: z.string().uuid(),
  methods: z.array(ruleRef),
  grade: ruleRef.extend({ minScore: z.number().int(), maxScore: z.number().int() }),
  score: z.number().int(),
  satisfaction: z.enum(SATISFACTION_LEVELS).nullable(),
  findings: z.string(),
  evaluatedBy: z.object({ id: z.string().uuid(), displayName: z.string() }),
  evaluatedAt: z.string(),
});
export type EvaluationView = z.infer<typeof evaluationSchema>;

export const qualityReferenceSchema = z.object({
  methods: z.array(ruleRef.extend({ recordsSatisfaction: z.boolean() })),
  grades: z.array(ruleRef.extend({ minScore: z.number().int(), maxScore: z.number().int() })),
  satisfactionLevels: z.array(z.enum(SATISFACTION_LEVELS)),
});
