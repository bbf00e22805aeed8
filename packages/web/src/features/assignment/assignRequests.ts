import type { AssignInput, AssignmentCandidate, AssignmentPlan, PlanConfirmInput } from '../../api';

export interface ManualAssignValues {
  reason: string;
}

/**
 * A manual choice: the handler and the reason, trimmed (the server refuses a choice other than the
 * best without one: ASSIGNMENT_REASON_REQUIRED).
 */
export function toManualAssignInput(
  candidate: Pick<AssignmentCandidate, 'handlerId'>,
  values: Partial<ManualAssignValues>,
): AssignInput {
  const reason = values.reason?.trim();
  return reason ? { handlerId: candidate.handlerId, reason } : { handlerId: candidate.handlerId };
}

/**
 * A plan as the confirm endpoint takes it: each planned case with its handler, or with the one the
 * director swapped in (`swaps`: case id → handler id); the server checks every pairing again.
 */
export function toPlanConfirmInput(
  plan: Pick<AssignmentPlan, 'assignments'>,
  swaps: Readonly<Record<string, string>> = {},
): PlanConfirmInput {
  return {
    assignments: plan.assignments.map((a) => ({
      applicationId: a.caseId,
      handlerId: swaps[a.caseId] ?? a.handlerId,
    })),
  };
}

/** Eligible first (the server's order: by score), then the ineligible ones. */
export function splitCandidates(candidates: readonly AssignmentCandidate[]) {
  return {
    eligible: candidates.filter((c) => c.eligible),
    ineligible: candidates.filter((c) => !c.eligible),
  };
}
