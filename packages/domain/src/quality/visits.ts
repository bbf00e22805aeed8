import type { ListItemRule } from '../reference/list-item.ts';

/**
 * Follow-up visits to recipients (回访, LAL art.59). Satisfaction is asked on a 1–5 scale; the two
 * lowest answers (不满意, 很不满意) mean the recipient is dissatisfied, which opens a review, as does
 * a script answer the centre flagged (`concernIf` on a `visit_question` row, e.g. money asked for).
 */
export const SATISFACTION_MIN = 1;
export const SATISFACTION_MAX = 5;
/** 1 and 2 of 5: dissatisfied. */
export const DISSATISFIED_AT_MOST = 2;

export type VisitProblem =
  | { code: 'VISIT_ANSWER_MISSING'; question: string }
  | { code: 'VISIT_ANSWER_INVALID'; question: string }
  | { code: 'VISIT_QUESTION_UNKNOWN'; question: string }
  | { code: 'VISIT_SATISFACTION_REQUIRED' };

export interface VisitAnswers {
  reached: boolean;
  answers: Readonly<Record<string, string>>;
  satisfaction?: number | null;
}

/** The script in force, in its order. */
export function visitScript(questions: readonly ListItemRule[]): ListItemRule[] {
  return [...questions].sort((a, b) => Number(a.params.order ?? 0) - Number(b.params.order ?? 0));
}

/**
 * Checks a call's answers against the script in force: a recipient reached answers every yes/no
 * question (text ones may stay empty) and gives a satisfaction; an unreached call records nothing.
 */
export function checkVisitAnswers(
  input: VisitAnswers,
  questions: readonly ListItemRule[],
): VisitProblem | null {
  if (!input.reached) return null;
  const known = new Map(questions.map((q) => [q.code, q]));
  for (const code of Object.keys(input.answers))
    if (!known.has(code)) return { code: 'VISIT_QUESTION_UNKNOWN', question: code };
  for (const q of questions) {
    const answer = input.answers[q.code];
    if (q.params.answer !== 'yes_no') continue;
    if (answer === undefined) return { code: 'VISIT_ANSWER_MISSING', question: q.code };
    if (answer !== 'yes' && answer !== 'no') return { code: 'VISIT_ANSWER_INVALID', question: q.code };
  }
  const s = input.satisfaction;
  if (s === undefined || s === null || !Number.isInteger(s) || s < SATISFACTION_MIN || s > SATISFACTION_MAX)
    return { code: 'VISIT_SATISFACTION_REQUIRED' };
  return null;
}

/** Why a visit needs a review: the satisfaction, and each flagged answer (none: no review). */
export function visitConcerns(input: VisitAnswers, questions: readonly ListItemRule[]): string[] {
  if (!input.reached) return [];
  const reasons: string[] = [];
  if (typeof input.satisfaction === 'number' && input.satisfaction <= DISSATISFIED_AT_MOST)
    reasons.push('dissatisfied');
  for (const q of questions) {
    const flag = q.params.concernIf;
    if (typeof flag === 'string' && input.answers[q.code] === flag) reasons.push(q.code);
  }
  return reasons;
}
