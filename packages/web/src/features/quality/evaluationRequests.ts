import type { EvaluationInput, EvaluationMethodRef, GradeRef, SatisfactionLevel } from '../../api';

/** The evaluation dialog's values and the request body they become. Pure, like caseworkRequests.ts. */
export interface EvaluationValues {
  methods: string[];
  grade: string;
  score: number;
  satisfaction?: SatisfactionLevel;
  findings: string;
}

/** Whether the chosen methods include one that records the recipient's satisfaction (回访). */
export function asksSatisfaction(
  methods: readonly string[] | undefined,
  all: readonly EvaluationMethodRef[],
) {
  const chosen = new Set(methods ?? []);
  return all.some((m) => m.recordsSatisfaction && chosen.has(m.code));
}

/** The grade's band when the score lies outside it, else undefined (the server checks again). */
export function bandMissed(score: number | null | undefined, grade: GradeRef | undefined) {
  if (score === null || score === undefined || !grade) return undefined;
  return score < grade.minScore || score > grade.maxScore ? grade : undefined;
}

export function toEvaluationInput(
  values: EvaluationValues,
  all: readonly EvaluationMethodRef[],
): EvaluationInput {
  return {
    methods: values.methods,
    grade: values.grade,
    score: values.score,
    // Sent only with a visit: the server refuses a satisfaction without one.
    ...(asksSatisfaction(values.methods, all) && values.satisfaction
      ? { satisfaction: values.satisfaction }
      : {}),
    findings: values.findings.trim(),
  };
}
