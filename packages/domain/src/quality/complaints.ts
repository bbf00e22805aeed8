import type { PeriodKind } from '../lifecycle/effects.ts';

/**
 * Complaints about legal aid (投诉, LAL art.55–56; 《法律援助投诉处理办法》). A complaint is received
 * from any channel, accepted or not accepted, investigated and decided, and the complainant is
 * answered; a complainant who disagrees may ask the justice bureau to review it. Each step has a
 * period from the rule data (`complaint_acceptance`, `complaint_handling`, `complaint_reply`) that
 * runs on the working calendar like an application's, and the lifecycle below says which period a
 * step stops and which it starts.
 */
export const COMPLAINT_STATUSES = [
  'received', // 已收到: the acceptance period runs
  'accepted', // 已受理: the handling period runs
  'declined', // 不予受理: the reply period runs
  'decided', // 已处理: the reply period runs
  'replied', // 已答复: closed unless the complainant asks for a review
  'appealed', // 申请复查: the bureau reviews the handling
  'reviewed', // 复查完毕: closed
] as const;
export type ComplaintStatus = (typeof COMPLAINT_STATUSES)[number];

export const COMPLAINT_CHANNELS = ['portal', 'hotline', 'letter', 'window'] as const;
export type ComplaintChannel = (typeof COMPLAINT_CHANNELS)[number];

/** Who may complain (投诉人): the applicant, the recipient or an interested party. */
export const COMPLAINANT_RELATIONS = ['applicant', 'recipient', 'interested_party'] as const;
export type ComplainantRelation = (typeof COMPLAINANT_RELATIONS)[number];

/** The bureau's review of a complaint's handling: the handling stands, or it is done again. */
export const COMPLAINT_REVIEW_RESULTS = ['upheld', 'redo'] as const;
export type ComplaintReviewResult = (typeof COMPLAINT_REVIEW_RESULTS)[number];

export const COMPLAINT_ACTIONS = ['accept', 'decline', 'decide', 'reply', 'appeal', 'review'] as const;
export type ComplaintAction = (typeof COMPLAINT_ACTIONS)[number];

export interface ComplaintStep {
  to: ComplaintStatus;
  /** The period this step ends (its clock stops), if one runs. */
  stops: ComplaintPeriod | null;
  /** The period this step starts. */
  starts: ComplaintPeriod | null;
}

export type ComplaintPeriod = Extract<
  PeriodKind,
  'complaint_acceptance' | 'complaint_handling' | 'complaint_reply'
>;
export const COMPLAINT_PERIODS: readonly ComplaintPeriod[] = [
  'complaint_acceptance',
  'complaint_handling',
  'complaint_reply',
];

const STEPS: Record<ComplaintAction, { from: readonly ComplaintStatus[]; step: ComplaintStep }> = {
  accept: {
    from: ['received'],
    step: { to: 'accepted', stops: 'complaint_acceptance', starts: 'complaint_handling' },
  },
  decline: {
    from: ['received'],
    step: { to: 'declined', stops: 'complaint_acceptance', starts: 'complaint_reply' },
  },
  decide: {
    from: ['accepted'],
    step: { to: 'decided', stops: 'complaint_handling', starts: 'complaint_reply' },
  },
  reply: { from: ['declined', 'decided'], step: { to: 'replied', stops: 'complaint_reply', starts: null } },
  appeal: { from: ['replied'], step: { to: 'appealed', stops: null, starts: null } },
  // A review that sends the complaint back reopens the handling with a fresh period.
  review: { from: ['appealed'], step: { to: 'reviewed', stops: null, starts: null } },
};

/** The step an action takes from a status, or null when the action is not open there. */
export function complaintStep(status: ComplaintStatus, action: ComplaintAction): ComplaintStep | null {
  const entry = STEPS[action];
  return entry.from.includes(status) ? entry.step : null;
}

/** The actions open on a complaint in a status (what its page offers). */
export function complaintActions(status: ComplaintStatus): ComplaintAction[] {
  return COMPLAINT_ACTIONS.filter((a) => STEPS[a].from.includes(status));
}

/** A review that finds the handling wrong sends the complaint back to be handled again. */
export function reviewStep(result: ComplaintReviewResult): ComplaintStep {
  return result === 'redo'
    ? { to: 'accepted', stops: null, starts: 'complaint_handling' }
    : { to: 'reviewed', stops: null, starts: null };
}

export interface ComplaintEdge {
  from: ComplaintStatus | null;
  action: ComplaintAction | 'receive';
  to: ComplaintStatus;
  stops: ComplaintPeriod | null;
  starts: ComplaintPeriod | null;
  /** Who takes the step (the permission it needs). */
  permission: 'complaint.record' | 'complaint.handle' | 'complaint.review' | 'citizen';
}

/** Every step of a complaint, receipt included, as the documentation and the diagram list them. */
export function complaintEdges(): ComplaintEdge[] {
  const who: Record<ComplaintAction, ComplaintEdge['permission']> = {
    accept: 'complaint.handle',
    decline: 'complaint.handle',
    decide: 'complaint.handle',
    reply: 'complaint.handle',
    appeal: 'citizen',
    review: 'complaint.review',
  };
  const edges: ComplaintEdge[] = [
    {
      from: null,
      action: 'receive',
      to: 'received',
      stops: null,
      starts: 'complaint_acceptance',
      permission: 'complaint.record',
    },
  ];
  for (const action of COMPLAINT_ACTIONS) {
    const { from, step } = STEPS[action];
    const steps = action === 'review' ? COMPLAINT_REVIEW_RESULTS.map(reviewStep) : [step];
    for (const f of from)
      for (const s of steps) edges.push({ from: f, action, ...s, permission: who[action] });
  }
  return edges;
}

/** The complaint lifecycle as a Mermaid state diagram (docs/lifecycle.md). */
export function complaintDiagram(): string {
  const lines = complaintEdges().map(
    (e) => `  ${e.from ?? '[*]'} --> ${e.to}: ${e.action}${e.starts ? ` / starts ${e.starts}` : ''}`,
  );
  return ['stateDiagram-v2', ...lines, '  replied --> [*]', '  reviewed --> [*]'].join('\n');
}

/** Whether a complaint's handling is over (answered, or reviewed by the bureau). */
export function complaintClosed(status: ComplaintStatus): boolean {
  return status === 'replied' || status === 'reviewed';
}
