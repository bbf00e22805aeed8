import { randomUUID } from 'node:crypto';
import { beijingDateOf, checkEvaluation, type EvaluationProblem } from '@fayuan/domain';
import type { Tx } from '../../db/client.ts';
import { caseEvaluations } from '../../db/schema/index.ts';
import type { Actor, AppDeps, RequestOrigin } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { jurisdictionOf } from '../applications/application-rules.ts';
import { calculateCaseSubsidy } from '../subsidies/subsidy-calculation.ts';
import { runEvent } from '../applications/run-event.ts';
import { scopedCase } from '../casework/case-access.ts';
import { evaluationRulesInForce } from './quality.repository.ts';
import { refreshConcernsOfCase } from './handler-quality.ts';
import type { EvaluationInput } from './quality.schemas.ts';

function refusal(problem: EvaluationProblem): AppError {
  switch (problem.code) {
    case 'METHOD_UNKNOWN':
      return new AppError('QUALITY_METHOD_UNKNOWN', { field: 'methods', method: problem.method });
    case 'GRADE_UNKNOWN':
      return new AppError('QUALITY_GRADE_UNKNOWN', { field: 'grade', grade: problem.grade });
    case 'SCORE_OUTSIDE_GRADE':
      return new AppError('QUALITY_SCORE_OUTSIDE_GRADE', {
        field: 'score',
        grade: problem.grade,
        minScore: problem.minScore,
        maxScore: problem.maxScore,
        citation: problem.citation,
      });
    case 'SATISFACTION_REQUIRED':
      return new AppError('QUALITY_SATISFACTION_REQUIRED', {
        field: 'satisfaction',
        method: problem.method,
        citation: problem.citation,
      });
    case 'SATISFACTION_WITHOUT_VISIT':
      return new AppError('QUALITY_SATISFACTION_WITHOUT_VISIT', { field: 'satisfaction' });
    // The request schema already refuses these; kept so the domain's answer is never lost.
    case 'METHODS_REQUIRED':
    case 'SCORE_INVALID':
      return new AppError('VALIDATION_FAILED', { problem: problem.code });
  }
}

/**
 * Records the quality evaluation of a closed case (质量评估, LAL art.57, art.59): checked against
 * the evaluation methods and grade bands in force for the case's jurisdiction today, then
 * `record_evaluation` moves the case to `evaluated` (timeline and audit row in the same
 * transaction) and the evaluation is kept with the ids of the rule rows it used.
 */
export async function recordEvaluation(
  deps: AppDeps,
  tx: Tx,
  actor: Actor,
  id: string,
  input: EvaluationInput,
  origin: RequestOrigin,
): Promise<string> {
  const { app } = await scopedCase(tx, actor, id, true);
  const now = deps.clock.now();
  const rules = await evaluationRulesInForce(
    tx,
    await jurisdictionOf(tx, app.ownerOrgId),
    beijingDateOf(now),
  );
  const checked = checkEvaluation(
    { methods: input.methods, grade: input.grade, score: input.score, satisfaction: input.satisfaction },
    rules,
  );
  if (!checked.ok) throw refusal(checked.problem);

  const evaluationId = randomUUID();
  await runEvent(deps, tx, {
    application: app,
    event: { type: 'record_evaluation' },
    actor,
    origin,
    // The timeline and audit row say how the case was judged; the findings stay in the record.
    payload: {
      evaluationId,
      methods: checked.methods.map((m) => m.code),
      grade: checked.grade.code,
      score: input.score,
      satisfaction: input.satisfaction ?? null,
      ruleIds: [...checked.methods.map((m) => m.id), checked.grade.id],
    },
  });
  await tx.insert(caseEvaluations).values({
    id: evaluationId,
    applicationId: id,
    methods: checked.methods.map((m) => m.code),
    methodRuleIds: checked.methods.map((m) => m.id),
    grade: checked.grade.code,
    gradeRuleId: checked.grade.id,
    score: input.score,
    satisfaction: input.satisfaction ?? null,
    findings: input.findings,
    evaluatedBy: actor.userId,
    evaluatedAt: now,
  });
  await refreshConcernsOfCase(deps, tx, id, origin);
  // The score may move the subsidy (its quality band): recalculate while finance has not approved it.
  await calculateCaseSubsidy(deps, tx, id, origin);
  return evaluationId;
}
