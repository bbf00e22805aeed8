import { describe, expect, it } from 'vitest';
import {
  allowedEvents,
  HANDLER_WORKING_STATES,
  transition,
  type CaseEvent,
  type CaseState,
  type LifecycleActor,
  type LifecycleFacts,
  type HandlerId,
  type LocalDate,
} from '../src/index.ts';

// 2025-03-02T20:00Z is already 3 March in Beijing.
const AT = '2025-03-02T20:00:00Z';
const HANDLER = 'handler-1' as HandlerId;
const date = (value: string) => value as LocalDate;

const attempt = (
  state: CaseState | null,
  event: CaseEvent,
  actor: LifecycleActor,
  facts?: LifecycleFacts,
  at = AT,
) => transition(state, event, { actorRoles: [actor], at, ...(facts ? { facts } : {}) });

const refusedFor = (reason: string, citation?: string) => ({
  ok: false,
  code: 'TRANSITION_GUARD_FAILED',
  reason,
  ...(citation ? { citation } : {}),
});

describe('applications', () => {
  it('lets applicants apply online only; staff record every channel', () => {
    const atWindow: CaseEvent = { type: 'receive_application', channel: 'window' };
    expect(attempt(null, atWindow, 'applicant')).toMatchObject(refusedFor('APPLICANT_ONLINE_ONLY'));
    expect(attempt(null, atWindow, 'window_staff')).toMatchObject({ ok: true, state: 'received' });
    const both = transition(null, atWindow, { actorRoles: ['applicant', 'workstation_staff'], at: AT });
    expect(both.ok).toBe(true);
  });

  it('tells the centre of online applications only: a window has seen the others', () => {
    const result = attempt(null, { type: 'receive_application', channel: 'phone' }, 'window_staff');
    expect(result.ok && result.effects).not.toContainEqual({
      type: 'notify',
      to: 'centre',
      template: 'application_received',
    });
  });
});

describe('supplementary materials (LAL art.43(2))', () => {
  const request = (missingItems: string[], dueDate: string, at = AT) =>
    attempt(
      'received',
      { type: 'request_supplement', missingItems, dueDate: date(dueDate) },
      'reviewer',
      {},
      at,
    );

  it('lists at least one item, each once and not blank', () => {
    expect(request([], '2025-03-10')).toMatchObject(refusedFor('MISSING_ITEMS_REQUIRED', 'LAL art.43(2)'));
    expect(request(['户口簿', '  '], '2025-03-10')).toMatchObject(refusedFor('MISSING_ITEMS_INVALID'));
    expect(request(['户口簿', '户口簿 '], '2025-03-10')).toMatchObject(refusedFor('MISSING_ITEMS_INVALID'));
  });

  it('sets a real date after the day of the request, Beijing time', () => {
    expect(request(['户口簿'], '2025-02-30')).toMatchObject(refusedFor('DUE_DATE_INVALID', 'LAL art.43(2)'));
    expect(request(['户口簿'], '2025-03-03')).toMatchObject(
      refusedFor('DUE_DATE_NOT_IN_FUTURE', 'LAL art.43(2)'),
    );
    expect(request(['户口簿'], '2025-03-04')).toMatchObject({ ok: true, state: 'supplement_requested' });
    expect(request(['户口簿'], '2025-03-03', '2025-03-02T15:59:59Z')).toMatchObject({ ok: true });
  });

  it('refuses an instant it cannot read, without a citation', () => {
    const result = request(['户口簿'], '2025-03-10', 'next Tuesday');
    expect(result).toEqual({
      ok: false,
      code: 'TRANSITION_GUARD_FAILED',
      reason: 'INVALID_INSTANT',
      state: 'received',
      event: 'request_supplement',
    });
  });

  it('takes materials until the set date, and deems the application withdrawn only after it', () => {
    const supplied: CaseEvent = { type: 'supplement_received' };
    const overdue: CaseEvent = { type: 'supplement_overdue' };
    expect(attempt('supplement_requested', supplied, 'applicant')).toMatchObject({ ok: true });
    expect(
      attempt('supplement_requested', supplied, 'applicant', { supplementDueDatePassed: true }),
    ).toMatchObject(refusedFor('SUPPLEMENT_PERIOD_EXPIRED', 'LAL art.43(2)'));
    expect(attempt('supplement_requested', overdue, 'scheduler')).toMatchObject(
      refusedFor('SUPPLEMENT_NOT_YET_DUE', 'LAL art.43(2)'),
    );
    expect(
      attempt('supplement_requested', overdue, 'scheduler', { supplementDueDatePassed: false }),
    ).toMatchObject(refusedFor('SUPPLEMENT_NOT_YET_DUE'));
  });
});

describe('decisions (LAL art.43)', () => {
  it('gives reasons with their legal basis', () => {
    expect(attempt('under_review', { type: 'grant', reasons: [] }, 'reviewer')).toMatchObject(
      refusedFor('REASONS_REQUIRED', 'LAL art.43'),
    );
    expect(attempt('under_review', { type: 'refuse', reasons: [] }, 'director')).toMatchObject(
      refusedFor('REASONS_REQUIRED'),
    );
    const noCitation = { type: 'refuse', reasons: [{ code: 'HARDSHIP_NOT_MET', citation: ' ' }] } as const;
    expect(attempt('under_review', noCitation, 'reviewer')).toMatchObject(refusedFor('REASON_INVALID'));
    const noCode = { type: 'grant', reasons: [{ code: '', citation: 'LAL art.32' }] } as const;
    expect(attempt('under_review', noCode, 'reviewer')).toMatchObject(refusedFor('REASON_INVALID'));
  });
});

describe('provisional aid (LAL art.44)', () => {
  const provisional = (formalitiesDueDate: string): CaseEvent => ({
    type: 'grant_provisional_aid',
    ground: 'urgent_preservation',
    handlerId: HANDLER,
    formalitiesDueDate: date(formalitiesDueDate),
  });

  it('needs a qualified handler and a date for the formalities', () => {
    expect(attempt('received', provisional('2025-03-05'), 'director')).toMatchObject(
      refusedFor('HANDLER_NOT_QUALIFIED', 'LAL art.26; MPL art.104'),
    );
    expect(
      attempt('received', provisional('2025-03-01'), 'director', { handlerQualified: true }),
    ).toMatchObject(refusedFor('DUE_DATE_NOT_IN_FUTURE', 'LAL art.44(2)'));
  });

  it('issues a meeting letter when the client is detained', () => {
    const result = attempt('under_review', provisional('2025-03-05'), 'director', {
      handlerQualified: true,
      clientDetained: true,
    });
    expect(result.ok && result.effects.filter((e) => e.type === 'issue_document')).toEqual([
      { type: 'issue_document', document: 'assignment_letter' },
      { type: 'issue_document', document: 'meeting_letter' },
    ]);
  });

  it('has the handler at work at once: no acceptance, and the same handler goes on after the formalities', () => {
    expect(allowedEvents('provisional_aid', { actorRoles: ['handler'], at: AT })).toEqual([]);
    expect(attempt('provisional_aid', { type: 'handler_accept' }, 'handler')).toMatchObject({
      ok: false,
      code: 'TRANSITION_NOT_ALLOWED',
    });
    const done = attempt('provisional_aid', { type: 'complete_formalities' }, 'reviewer');
    expect(done).toMatchObject({ ok: true, state: 'in_progress' });
    // No new assignment: nothing is issued to a handler again, only the grant decision.
    expect(done.ok && done.effects.filter((e) => e.type === 'issue_document')).toEqual([
      { type: 'issue_document', document: 'grant_decision' },
    ]);
    expect(HANDLER_WORKING_STATES).toEqual(['provisional_aid', 'in_progress']);
  });

  it('terminates for incomplete formalities only aid given in advance', () => {
    const incomplete: CaseEvent = { type: 'terminate', ground: 'formalities_not_completed' };
    expect(attempt('provisional_aid', incomplete, 'director')).toMatchObject({
      ok: true,
      state: 'terminated',
    });
    expect(attempt('in_progress', incomplete, 'director')).toMatchObject(
      refusedFor('GROUND_NOT_APPLICABLE', 'LAL art.44(2)'),
    );
  });
});

describe('assignment', () => {
  it('assigns only a qualified handler (LAL art.26; MPL art.104)', () => {
    const assign: CaseEvent = { type: 'assign', handlerId: HANDLER };
    expect(attempt('to_assign', assign, 'director')).toMatchObject(refusedFor('HANDLER_NOT_QUALIFIED'));
    expect(attempt('granted', assign, 'director', { handlerQualified: false })).toMatchObject(
      refusedFor('HANDLER_NOT_QUALIFIED'),
    );
  });

  it('issues the change-of-handler notice with the new handler, not at the change (LAL art.55)', () => {
    const change = attempt('in_progress', { type: 'change_handler', reason: '受援人请求更换' }, 'director');
    expect(change).toMatchObject({
      ok: true,
      state: 'to_assign',
      citation: 'LAL art.55',
    });
    expect(change.ok && change.effects.some((e) => e.type === 'issue_document')).toBe(false);
    const documents = (facts: LifecycleFacts) => {
      const result = attempt('to_assign', { type: 'assign', handlerId: HANDLER }, 'director', facts);
      return result.ok
        ? result.effects.flatMap((e) => (e.type === 'issue_document' ? [e.document] : []))
        : [];
    };
    expect(documents({ handlerQualified: true, replacesHandler: true })).toEqual([
      'assignment_letter',
      'handler_change_notice',
    ]);
    expect(documents({ handlerQualified: true, replacesHandler: true, clientDetained: true })).toEqual([
      'assignment_letter',
      'meeting_letter',
      'handler_change_notice',
    ]);
    // A first assignment, or one after a decline, tells nobody of a change.
    expect(documents({ handlerQualified: true })).toEqual(['assignment_letter']);
    expect(documents({ handlerQualified: true, replacesHandler: false })).toEqual(['assignment_letter']);
  });

  it('records why a handler declines, is changed, or a closing is returned', () => {
    expect(attempt('assigned', { type: 'handler_decline', reason: ' ' }, 'handler')).toMatchObject(
      refusedFor('REASON_REQUIRED', 'LAL art.16'),
    );
    expect(attempt('in_progress', { type: 'change_handler', reason: '' }, 'director')).toMatchObject(
      refusedFor('REASON_REQUIRED', 'LAL art.55'),
    );
    expect(attempt('closing_submitted', { type: 'return_closing', reason: '' }, 'reviewer')).toMatchObject(
      refusedFor('REASON_REQUIRED', 'BJR art.32'),
    );
  });
});

describe('objections (LAL art.49; BJR art.24)', () => {
  const objection: CaseEvent = { type: 'file_objection' };
  const archive: CaseEvent = { type: 'archive' };

  it('are filed while the filing period runs, and not after', () => {
    for (const facts of [undefined, { objectionWindowOpen: false }])
      expect(attempt('refused', objection, 'applicant', facts)).toMatchObject(
        refusedFor('OBJECTION_PERIOD_CLOSED', 'BJR art.24'),
      );
    expect(attempt('terminated', objection, 'supervisor', { objectionWindowOpen: true })).toMatchObject({
      ok: true,
      state: 'objection_to_termination',
    });
  });

  it('keep a refusal or termination open: it is filed or closed only once nobody can object', () => {
    for (const facts of [undefined, { objectionWindowOpen: true }]) {
      expect(attempt('refused', archive, 'window_staff', facts)).toMatchObject(
        refusedFor('OBJECTION_PERIOD_OPEN', 'LAL art.49; BJR art.24'),
      );
      expect(attempt('terminated', archive, 'director', facts)).toMatchObject(
        refusedFor('OBJECTION_PERIOD_OPEN'),
      );
      expect(attempt('terminated', { type: 'accept_closing' }, 'reviewer', facts)).toMatchObject(
        refusedFor('OBJECTION_PERIOD_OPEN'),
      );
    }
  });
});

describe('the order of checks', () => {
  it('checks the role before any fact, so a stranger learns nothing about the case', () => {
    expect(attempt('refused', { type: 'file_objection' }, 'finance')).toMatchObject({
      code: 'TRANSITION_FORBIDDEN_ROLE',
    });
  });

  it('rejects a state it does not know as an illegal transition, not an exception', () => {
    const result = transition(
      'lost_in_the_post' as CaseState,
      { type: 'archive' },
      { actorRoles: ['director'], at: AT },
    );
    expect(result).toMatchObject({ ok: false, code: 'TRANSITION_NOT_ALLOWED', reason: 'NO_SUCH_TRANSITION' });
  });

  it('rejects an event it does not know', () => {
    const unknown = { type: 'appeal_to_heaven' } as unknown as CaseEvent;
    expect(transition('in_progress', unknown, { actorRoles: ['director'], at: AT })).toEqual({
      ok: false,
      code: 'TRANSITION_NOT_ALLOWED',
      reason: 'NO_SUCH_TRANSITION',
      state: 'in_progress',
      event: 'appeal_to_heaven',
    });
  });
});
