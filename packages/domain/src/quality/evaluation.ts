import type { ListItemRule } from '../reference/lists-cn-bj.ts';

/** The recipient's answer when visited after the case (回访, LAL art.59): 满意 / 基本满意 / 不满意. */
export const SATISFACTION_LEVELS = ['satisfied', 'basically_satisfied', 'dissatisfied'] as const;
export type SatisfactionLevel = (typeof SATISFACTION_LEVELS)[number];

/** Scores run from 0 to 100 in whole points. */
export const SCORE_MIN = 0;
export const SCORE_MAX = 100;

export interface EvaluationInput {
  /** Codes of the `evaluation_method` list. */
  methods: readonly string[];
  /** A code of the `quality_grade` list. */
  grade: string;
  score: number;
  satisfaction?: SatisfactionLevel | null;
}

/** The rule rows in force on the day of the evaluation, one per code. */
export interface EvaluationRules {
  methods: readonly ListItemRule[];
  grades: readonly ListItemRule[];
}

export type EvaluationProblem =
  | { code: 'METHODS_REQUIRED' }
  | { code: 'METHOD_UNKNOWN'; method: string }
  | { code: 'GRADE_UNKNOWN'; grade: string }
  | { code: 'SCORE_INVALID' }
  | { code: 'SCORE_OUTSIDE_GRADE'; grade: string; minScore: number; maxScore: number; citation: string }
  | { code: 'SATISFACTION_REQUIRED'; method: string; citation: string }
  | { code: 'SATISFACTION_WITHOUT_VISIT' };

export type EvaluationCheck =
  { ok: true; methods: ListItemRule[]; grade: ListItemRule } | { ok: false; problem: EvaluationProblem };

/** A grade's score band from its rule row (`minScore`–`maxScore`, both included); none when the row lacks one. */
export function scoreBand(grade: ListItemRule): { minScore: number; maxScore: number } | undefined {
  const { minScore, maxScore } = grade.params;
  return typeof minScore === 'number' && typeof maxScore === 'number' ? { minScore, maxScore } : undefined;
}

/** The grade whose band holds the score, if one does. */
export function gradeForScore(score: number, grades: readonly ListItemRule[]): ListItemRule | undefined {
  return grades.find((g) => {
    const band = scoreBand(g);
    return band !== undefined && score >= band.minScore && score <= band.maxScore;
  });
}

/** Whether the recipient's satisfaction is recorded with this method (the follow-up visit, 回访). */
export const recordsSatisfaction = (method: ListItemRule): boolean =>
  method.params.recordsSatisfaction === true;

/**
 * Checks a quality evaluation against the rule rows in force (LAL art.57 standards, art.59
 * measures): every method is on the list, the grade is one of the graded bands and the score lies
 * in its band, and the recipient's satisfaction is given exactly when a visit was made.
 */
export function checkEvaluation(input: EvaluationInput, rules: EvaluationRules): EvaluationCheck {
  const fail = (problem: EvaluationProblem): EvaluationCheck => ({ ok: false, problem });
  if (input.methods.length === 0) return fail({ code: 'METHODS_REQUIRED' });
  const byCode = new Map(rules.methods.map((m) => [m.code, m]));
  const methods: ListItemRule[] = [];
  for (const code of new Set(input.methods)) {
    const method = byCode.get(code);
    if (!method) return fail({ code: 'METHOD_UNKNOWN', method: code });
    methods.push(method);
  }
  const grade = rules.grades.find((g) => g.code === input.grade);
  const band = grade && scoreBand(grade);
  if (!grade || !band) return fail({ code: 'GRADE_UNKNOWN', grade: input.grade });
  if (!Number.isInteger(input.score) || input.score < SCORE_MIN || input.score > SCORE_MAX)
    return fail({ code: 'SCORE_INVALID' });
  if (input.score < band.minScore || input.score > band.maxScore)
    return fail({ code: 'SCORE_OUTSIDE_GRADE', grade: grade.code, ...band, citation: grade.citation });
  const visit = methods.find(recordsSatisfaction);
  const satisfaction = input.satisfaction ?? null;
  if (visit && satisfaction === null)
    return fail({ code: 'SATISFACTION_REQUIRED', method: visit.code, citation: visit.citation });
  if (!visit && satisfaction !== null) return fail({ code: 'SATISFACTION_WITHOUT_VISIT' });
  return { ok: true, methods, grade };
}
