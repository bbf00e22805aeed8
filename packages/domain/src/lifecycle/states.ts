/**
 * Where an application or case stands (domain.md, "The flow"). One application becomes one case:
 * the same record moves from receipt through review and assignment to archiving, so storage keeps
 * one state column. `null` stands for "no record yet": entry events start from it.
 */
export const CASE_STATES = [
  'awaiting_transfer', // 待转交: handed to custody, which forwards it within 24 h (LAL art.39)
  'received', // 已受理: the centre holds the application (LAL art.43)
  'supplement_requested', // 待补充材料 (LAL art.43(2))
  'withdrawn', // 已撤回, or deemed withdrawn (视为撤回) when materials are not supplied
  'under_review', // 审查中
  'granted', // 给予法律援助, awaiting assignment (LAL art.43)
  'refused', // 不予法律援助 (LAL art.43)
  'objection_to_refusal', // 异议审查中: the justice bureau reviews a refusal (LAL art.49)
  'provisional_aid', // 先行提供: aid before the formalities are complete (LAL art.44)
  'to_assign', // 待指派: notified criminal case, or after a decline or a change of handler
  'assigned', // 已指派, awaiting the handler's acceptance
  'in_progress', // 承办中
  'terminated', // 终止法律援助 (LAL art.48)
  'objection_to_termination', // 异议审查中: the justice bureau reviews a termination (LAL art.49)
  'closing_submitted', // 已提交结案材料 (LAL art.50)
  'closed', // 已结案: closing accepted by the centre (BJR art.32)
  'evaluated', // 已评估 (quality evaluation, LAL art.57, art.59)
  'subsidy_paid', // 补贴已发放 (LAL art.52)
  'archived', // 已归档
] as const;
export type CaseState = (typeof CASE_STATES)[number];

/**
 * The states in which the handler acts for the recipient and records the work (承办记录): aid
 * given in advance, where the handler starts at once (LAL art.44), and a case in progress.
 */
export const HANDLER_WORKING_STATES: readonly CaseState[] = ['provisional_aid', 'in_progress'];

/** Nothing follows these: a withdrawn application is not revived, an archived file is not reopened. */
export const TERMINAL_STATES: readonly CaseState[] = ['withdrawn', 'archived'];

export function isCaseState(value: string): value is CaseState {
  return (CASE_STATES as readonly string[]).includes(value);
}

/** Mermaid and logs write the state before a record exists as `[*]`. */
export function stateLabel(state: CaseState | null): string {
  return state ?? '[*]';
}
