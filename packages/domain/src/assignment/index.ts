export * from './types.ts';
export * from './rules.ts';
export {
  applicableRules,
  caseTraits,
  evaluateCandidate,
  partyKey,
  QUALIFICATION_TRIGGERS,
  rankCandidates,
  type RankedCandidates,
} from './evaluate.ts';
export {
  DEFAULT_PLAN_K,
  planBatch,
  planGreedy,
  verifyPlan,
  type BatchPlan,
  type PlannedAssignment,
  type PlanOptions,
} from './plan.ts';
export { MinCostFlow } from './min-cost-flow.ts';
export { HIGHLIGHT_CODES, highlightsOf, type Highlight, type HighlightCode } from './highlights.ts';
