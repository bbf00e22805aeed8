import { describe, expect, it } from 'vitest';
import {
  transition,
  type CaseEffect,
  type CaseEvent,
  type CaseState,
  type LifecycleActor,
  type LifecycleFacts,
  type LocalDate,
  type HandlerId,
} from '../src/index.ts';

const LAWYER_A = 'handler-lawyer-a' as HandlerId;
const LAWYER_B = 'handler-lawyer-b' as HandlerId;
const qualified: LifecycleFacts = { handlerQualified: true };
const windowOpen: LifecycleFacts = { objectionWindowOpen: true };
const windowClosed: LifecycleFacts = { objectionWindowOpen: false };

type Step = [LifecycleActor, CaseEvent, LifecycleFacts?];

/** Plays the steps from a state, day by day; fails the test at the first rejected step. */
function journey(start: CaseState | null, steps: Step[]) {
  let state = start;
  const states: CaseState[] = [];
  const effects: CaseEffect[] = [];
  steps.forEach(([actor, event, facts], day) => {
    const at = new Date(Date.UTC(2025, 2, 3 + day, 2)).toISOString();
    const result = transition(state, event, { actorRoles: [actor], at, ...(facts ? { facts } : {}) });
    if (!result.ok)
      expect.fail(`step ${day + 1} (${event.type} by ${actor} in ${state}): ${JSON.stringify(result)}`);
    state = result.state;
    states.push(state);
    effects.push(...result.effects);
  });
  const documents = effects.flatMap((e) => (e.type === 'issue_document' ? [e.document] : []));
  return { states, effects, documents };
}

describe('journeys', () => {
  it('window application → supplement → review → grant → assignment → closing → subsidy → archive', () => {
    const { states, documents, effects } = journey(null, [
      ['window_staff', { type: 'receive_application', channel: 'window' }],
      [
        'window_staff',
        {
          type: 'request_supplement',
          missingItems: ['劳动合同', '工资条'],
          dueDate: '2025-03-14' as LocalDate,
        },
      ],
      ['applicant', { type: 'supplement_received' }],
      ['reviewer', { type: 'start_review' }],
      ['reviewer', { type: 'grant', reasons: [{ code: 'HARDSHIP_PRESUMED', citation: 'LAL art.42' }] }],
      ['director', { type: 'assign', handlerId: LAWYER_A }, qualified],
      ['handler', { type: 'handler_accept' }],
      ['handler', { type: 'submit_closing', result: 'won' }],
      ['director', { type: 'accept_closing' }],
      ['supervisor', { type: 'record_evaluation' }],
      ['finance', { type: 'record_subsidy_paid' }],
      ['window_staff', { type: 'archive' }],
    ]);
    expect(states).toEqual([
      'received',
      'supplement_requested',
      'received',
      'under_review',
      'granted',
      'assigned',
      'in_progress',
      'closing_submitted',
      'closed',
      'evaluated',
      'subsidy_paid',
      'archived',
    ]);
    expect(documents).toEqual(['receipt', 'supplement_notice', 'grant_decision', 'assignment_letter']);
    // The review clock stood still while the applicant gathered the materials (LAL art.43(2)).
    expect(effects.filter((e) => 'period' in e && e.period === 'review_decision').map((e) => e.type)).toEqual(
      ['start_clock', 'pause_clock', 'resume_clock', 'stop_clock'],
    );
  });

  it('refused → objection → corrected by the justice bureau → granted → assigned', () => {
    const { states, documents } = journey(null, [
      ['applicant', { type: 'receive_application', channel: 'online' }],
      ['reviewer', { type: 'start_review' }],
      ['director', { type: 'refuse', reasons: [{ code: 'HARDSHIP_NOT_MET', citation: 'LAL art.34' }] }],
      ['applicant', { type: 'file_objection' }, windowOpen],
      ['supervisor', { type: 'objection_corrected' }],
      ['director', { type: 'assign', handlerId: LAWYER_A }, qualified],
    ]);
    expect(states).toEqual([
      'received',
      'under_review',
      'refused',
      'objection_to_refusal',
      'granted',
      'assigned',
    ]);
    expect(documents).toEqual([
      'receipt',
      'refusal_decision',
      'objection_decision',
      'grant_decision',
      'assignment_letter',
    ]);
  });

  it('refused → objection upheld → filed once nobody can object', () => {
    const { states } = journey('refused', [
      ['window_staff', { type: 'file_objection' }, windowOpen],
      ['supervisor', { type: 'objection_upheld' }],
      ['reviewer', { type: 'archive' }, windowClosed],
    ]);
    expect(states).toEqual(['objection_to_refusal', 'refused', 'archived']);
  });

  it('criminal notice → to assign → assign → decline → to assign → assign, with meeting letters for a detainee', () => {
    const detained: LifecycleFacts = { handlerQualified: true, clientDetained: true };
    const { states, documents, effects } = journey(null, [
      ['partner_client', { type: 'receive_criminal_notice', ground: 'life_or_death_sentence' }],
      ['director', { type: 'assign', handlerId: LAWYER_A }, detained],
      [
        'handler',
        { type: 'handler_decline', reason: '与同案被告人存在利益冲突' },
        { agreementPending: true },
      ],
      ['director', { type: 'assign', handlerId: LAWYER_B }, detained],
      ['handler', { type: 'handler_accept' }],
    ]);
    expect(states).toEqual(['to_assign', 'assigned', 'to_assign', 'assigned', 'in_progress']);
    expect(documents).toEqual(['assignment_letter', 'meeting_letter', 'assignment_letter', 'meeting_letter']);
    // No hardship review: no review clock, only the 3-day assignment clock, twice (LAL art.36);
    // the handler's unit's 5 days to sign the agreement run from each assignment and end with a
    // decline (MOJ procedure rules 2023 art.27).
    const clocks = effects.flatMap((e) => ('period' in e ? [`${e.type} ${e.period}`] : []));
    expect(clocks).toEqual([
      'start_clock assignment',
      'stop_clock assignment',
      'start_clock agreement_signing',
      'stop_clock agreement_signing',
      'start_clock assignment',
      'stop_clock assignment',
      'start_clock agreement_signing',
    ]);
  });

  it('custody application → forwarded → reviewed → granted', () => {
    const { states, effects } = journey(null, [
      ['duty_lawyer', { type: 'record_custody_application' }],
      ['partner_client', { type: 'receive_transferred_application' }],
      ['reviewer', { type: 'start_review' }],
      ['reviewer', { type: 'grant', reasons: [{ code: 'MATTER_IN_SCOPE', citation: 'LAL art.24' }] }],
    ]);
    expect(states).toEqual(['awaiting_transfer', 'received', 'under_review', 'granted']);
    expect(effects.slice(0, 3)).toEqual([
      { type: 'start_clock', period: 'custody_transfer' },
      { type: 'notify', to: 'centre', template: 'custody_application_recorded' },
      { type: 'stop_clock', period: 'custody_transfer' },
    ]);
  });

  it('provisional aid → formalities completed → in progress → closed', () => {
    const { states, documents } = journey(null, [
      ['window_staff', { type: 'receive_application', channel: 'window' }],
      [
        'director',
        {
          type: 'grant_provisional_aid',
          ground: 'limitation_period_expiring',
          handlerId: LAWYER_A,
          formalitiesDueDate: '2025-03-20' as LocalDate,
        },
        qualified,
      ],
      ['reviewer', { type: 'complete_formalities' }],
      ['handler', { type: 'submit_closing', result: 'mediated' }],
      ['reviewer', { type: 'accept_closing' }],
    ]);
    // The handler named at once works at once: no acceptance step before or after the formalities.
    expect(states).toEqual(['received', 'provisional_aid', 'in_progress', 'closing_submitted', 'closed']);
    expect(documents).toEqual(['receipt', 'assignment_letter', 'grant_decision']);
  });

  it('termination → objection → corrected → the same handler carries on', () => {
    const { states, documents } = journey('in_progress', [
      ['director', { type: 'terminate', ground: 'finances_improved' }],
      ['applicant', { type: 'file_objection' }, windowOpen],
      ['supervisor', { type: 'objection_corrected' }],
      ['handler', { type: 'submit_closing', result: 'won' }],
    ]);
    expect(states).toEqual(['terminated', 'objection_to_termination', 'in_progress', 'closing_submitted']);
    expect(documents).toEqual(['termination_decision', 'objection_decision']);
  });

  it('termination → objection upheld → closed for the work done → subsidy', () => {
    const { states } = journey('in_progress', [
      ['director', { type: 'terminate', ground: 'own_lawyer_hired' }],
      ['supervisor', { type: 'file_objection' }, windowOpen],
      ['supervisor', { type: 'objection_upheld' }],
      ['director', { type: 'accept_closing' }, windowClosed],
      ['reviewer', { type: 'record_evaluation' }],
      ['finance', { type: 'record_subsidy_paid' }],
      ['director', { type: 'archive' }],
    ]);
    expect(states).toEqual([
      'terminated',
      'objection_to_termination',
      'terminated',
      'closed',
      'evaluated',
      'subsidy_paid',
      'archived',
    ]);
  });

  it('supplement not supplied by the set date → deemed withdrawn (视为撤回)', () => {
    const { states } = journey('received', [
      [
        'reviewer',
        { type: 'request_supplement', missingItems: ['身份证'], dueDate: '2025-03-10' as LocalDate },
      ],
      ['scheduler', { type: 'supplement_overdue' }, { supplementDueDatePassed: true }],
    ]);
    expect(states).toEqual(['supplement_requested', 'withdrawn']);
  });

  it('a changed handler, a returned closing, then a closing accepted', () => {
    const { states, documents } = journey('in_progress', [
      ['director', { type: 'change_handler', reason: '受援人有证据证明承办律师未履行职责' }],
      [
        'director',
        { type: 'assign', handlerId: LAWYER_B },
        { handlerQualified: true, replacesHandler: true },
      ],
      ['handler', { type: 'handler_accept' }],
      ['handler', { type: 'submit_closing', result: 'opinion_partly_adopted' }],
      ['reviewer', { type: 'return_closing', reason: '缺少判决书副本' }],
      ['handler', { type: 'submit_closing', result: 'opinion_partly_adopted' }],
      ['reviewer', { type: 'accept_closing' }],
    ]);
    expect(states).toEqual([
      'to_assign',
      'assigned',
      'in_progress',
      'closing_submitted',
      'in_progress',
      'closing_submitted',
      'closed',
    ]);
    // The notice of the change names the new handler, so it comes with the new assignment.
    expect(documents).toEqual(['assignment_letter', 'handler_change_notice']);
  });
});
