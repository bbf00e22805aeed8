import { describe, expect, it } from 'vitest';
import {
  allowedEvents,
  CASE_EVENT_TYPES,
  CASE_STATES,
  lifecycleDiagram,
  ROLES,
  TERMINAL_STATES,
  TERMINATION_GROUNDS,
  transition,
  TRANSITION_RULES,
  type CaseEffect,
  type CaseEventOf,
  type CaseEventType,
  type CaseState,
  type LifecycleActor,
  type LifecycleContext,
  type LifecycleFacts,
  type LocalDate,
  type TerminationGround,
  type TransitionRule,
  type HandlerId,
} from '../src/index.ts';

const AT = '2025-03-03T10:00:00+08:00';
const DUE = '2025-03-10' as LocalDate;
const HANDLER = 'handler-1' as HandlerId;
const ACTORS: readonly LifecycleActor[] = [...ROLES, 'applicant', 'scheduler'];
const FROM_STATES: readonly (CaseState | null)[] = [null, ...CASE_STATES];

/** A valid event of each type. */
const SAMPLE: { [T in CaseEventType]: CaseEventOf<T> } = {
  receive_application: { type: 'receive_application', channel: 'online' },
  record_custody_application: { type: 'record_custody_application' },
  receive_criminal_notice: { type: 'receive_criminal_notice', ground: 'minor' },
  receive_transferred_application: { type: 'receive_transferred_application' },
  request_supplement: { type: 'request_supplement', missingItems: ['户口簿', '劳动合同'], dueDate: DUE },
  supplement_received: { type: 'supplement_received' },
  supplement_overdue: { type: 'supplement_overdue' },
  start_review: { type: 'start_review' },
  withdraw: { type: 'withdraw' },
  grant: { type: 'grant', reasons: [{ code: 'MATTER_IN_SCOPE', citation: 'LAL art.31(5)' }] },
  refuse: { type: 'refuse', reasons: [{ code: 'HARDSHIP_NOT_MET', citation: 'LAL art.34' }] },
  grant_provisional_aid: {
    type: 'grant_provisional_aid',
    ground: 'limitation_period_expiring',
    handlerId: HANDLER,
    formalitiesDueDate: DUE,
  },
  complete_formalities: { type: 'complete_formalities' },
  file_objection: { type: 'file_objection' },
  objection_upheld: { type: 'objection_upheld' },
  objection_corrected: { type: 'objection_corrected' },
  assign: { type: 'assign', handlerId: HANDLER },
  handler_accept: { type: 'handler_accept' },
  handler_decline: { type: 'handler_decline', reason: '利益冲突' },
  change_handler: { type: 'change_handler', reason: '受援人请求更换' },
  terminate: { type: 'terminate', ground: 'finances_improved' },
  submit_closing: { type: 'submit_closing', result: 'mediated' },
  accept_closing: { type: 'accept_closing' },
  return_closing: { type: 'return_closing', reason: '缺少判决书副本' },
  record_evaluation: { type: 'record_evaluation' },
  record_subsidy_paid: { type: 'record_subsidy_paid' },
  archive: { type: 'archive' },
};

/** Facts under which every guard of the rule holds. */
const factsFor = (rule: TransitionRule): LifecycleFacts => ({
  objectionWindowOpen: rule.event === 'file_objection',
  supplementDueDatePassed: rule.event === 'supplement_overdue',
  handlerQualified: true,
  clientDetained: false,
  replacesHandler: false,
});

const ctx = (actorRoles: LifecycleActor[], facts?: LifecycleFacts, at = AT): LifecycleContext => ({
  actorRoles,
  at,
  ...(facts ? { facts } : {}),
});

const key = (rule: TransitionRule) => `${rule.from ?? '*'} ${rule.event}`;

const show = (effect: CaseEffect): string => {
  switch (effect.type) {
    case 'start_clock':
      return effect.period === 'supplement' ? `start supplement ${effect.dueDate}` : `start ${effect.period}`;
    case 'stop_clock':
      return `stop ${effect.period}`;
    case 'pause_clock':
      return `pause ${effect.period}`;
    case 'resume_clock':
      return `resume ${effect.period}`;
    case 'issue_document':
      return `issue ${effect.document}`;
    case 'notify':
      return `notify ${effect.to} ${effect.template}`;
  }
};

const assignEffects = [
  'stop assignment',
  'start agreement_signing',
  'issue assignment_letter',
  'notify handler handler_assigned',
  'notify applicant handler_assigned',
];
const provisionalTail = [
  'start supplement 2025-03-10',
  'start agreement_signing',
  'issue assignment_letter',
  'notify handler handler_assigned',
  'notify applicant provisional_aid_granted',
];
const objectionFiled = ['stop objection_filing', 'start objection_review', 'notify centre objection_filed'];
const terminationObjectionFiled = [
  'stop objection_filing_termination',
  'start objection_review',
  'notify centre objection_filed',
];
const objectionUpheld = [
  'stop objection_review',
  'issue objection_decision',
  'notify applicant objection_upheld',
  'notify centre objection_upheld',
];
const handlerChanged = [
  'start assignment',
  'notify handler handler_changed',
  'notify applicant handler_changed',
];
const terminated = [
  'issue termination_decision',
  'start objection_filing_termination',
  'notify applicant aid_terminated',
  'notify handler aid_terminated',
];

/** The effects of every rule, with the sample event and the facts above: the table, checked line by line. */
const EXPECTED_EFFECTS: Record<string, string[]> = {
  '* receive_application': [
    'start review_decision',
    'issue receipt',
    'notify applicant application_received',
    'notify centre application_received',
  ],
  '* record_custody_application': ['start custody_transfer', 'notify centre custody_application_recorded'],
  '* receive_criminal_notice': ['start assignment', 'notify director criminal_notice_received'],
  'awaiting_transfer receive_transferred_application': [
    'stop custody_transfer',
    'start review_decision',
    'issue receipt',
    'notify applicant application_received',
  ],
  'received request_supplement': [
    'pause review_decision',
    'start supplement 2025-03-10',
    'issue supplement_notice',
    'notify applicant supplement_requested',
  ],
  'supplement_requested supplement_received': [
    'stop supplement',
    'resume review_decision',
    'notify centre supplement_received',
  ],
  'supplement_requested supplement_overdue': [
    'stop supplement',
    'stop review_decision',
    'notify applicant application_deemed_withdrawn',
  ],
  'received start_review': [],
  'awaiting_transfer withdraw': ['stop custody_transfer', 'notify applicant application_withdrawn'],
  'received withdraw': ['stop review_decision', 'notify applicant application_withdrawn'],
  'supplement_requested withdraw': [
    'stop supplement',
    'stop review_decision',
    'notify applicant application_withdrawn',
  ],
  'under_review withdraw': ['stop review_decision', 'notify applicant application_withdrawn'],
  'under_review grant': [
    'stop review_decision',
    'start assignment',
    'issue grant_decision',
    'notify applicant aid_granted',
    'notify director case_to_assign',
  ],
  'under_review refuse': [
    'stop review_decision',
    'start objection_filing',
    'issue refusal_decision',
    'notify applicant aid_refused',
  ],
  'received grant_provisional_aid': ['stop review_decision', ...provisionalTail],
  'supplement_requested grant_provisional_aid': [
    'stop review_decision',
    'stop supplement',
    ...provisionalTail,
  ],
  'under_review grant_provisional_aid': ['stop review_decision', ...provisionalTail],
  'provisional_aid complete_formalities': [
    'stop supplement',
    'issue grant_decision',
    'notify applicant formalities_completed',
    'notify handler formalities_completed',
  ],
  'refused file_objection': objectionFiled,
  'terminated file_objection': terminationObjectionFiled,
  'objection_to_refusal objection_upheld': objectionUpheld,
  'objection_to_termination objection_upheld': objectionUpheld,
  'objection_to_refusal objection_corrected': [
    'stop objection_review',
    'start assignment',
    'issue objection_decision',
    'issue grant_decision',
    'notify applicant objection_corrected',
    'notify director case_to_assign',
  ],
  'objection_to_termination objection_corrected': [
    'stop objection_review',
    'issue objection_decision',
    'notify applicant objection_corrected',
    'notify handler objection_corrected',
    'notify director objection_corrected',
  ],
  'granted assign': assignEffects,
  'to_assign assign': assignEffects,
  'assigned handler_accept': ['notify centre handler_accepted'],
  'assigned handler_decline': ['start assignment', 'notify director handler_declined'],
  'assigned change_handler': handlerChanged,
  'in_progress change_handler': handlerChanged,
  'in_progress terminate': terminated,
  'provisional_aid terminate': ['stop supplement', ...terminated],
  'in_progress submit_closing': ['notify centre closing_submitted'],
  'closing_submitted accept_closing': ['notify handler closing_accepted'],
  'closing_submitted return_closing': ['notify handler closing_returned'],
  'terminated accept_closing': ['notify handler closing_accepted'],
  'closed record_evaluation': ['notify handler evaluation_recorded'],
  'evaluated record_subsidy_paid': ['notify handler subsidy_paid'],
  'subsidy_paid archive': [],
  'refused archive': [],
  'terminated archive': [],
};

describe('the transition table', () => {
  it('has one rule per state and event, each with roles and a citation', () => {
    const keys = TRANSITION_RULES.map(key);
    expect(new Set(keys).size).toBe(keys.length);
    for (const rule of TRANSITION_RULES) {
      expect(rule.roles.length).toBeGreaterThan(0);
      expect(rule.citation).toMatch(/^(LAL|BJR|MOJ|MPL|CPL) /);
    }
  });

  it('is tested line by line: the expected effects name every rule and no other', () => {
    expect(Object.keys(EXPECTED_EFFECTS).sort()).toEqual(TRANSITION_RULES.map(key).sort());
  });

  it('uses every event type and reaches every state from an entry event', () => {
    expect(new Set(TRANSITION_RULES.map((r) => r.event))).toEqual(new Set(CASE_EVENT_TYPES));
    const reached = new Set<CaseState | null>([null]);
    for (let size = 0; size !== reached.size;) {
      size = reached.size;
      for (const rule of TRANSITION_RULES) if (reached.has(rule.from)) reached.add(rule.to);
    }
    expect([...reached].filter((s) => s !== null).sort()).toEqual([...CASE_STATES].sort());
  });

  it('leaves no dead end: every state leads to withdrawn or archived, and those lead nowhere', () => {
    const ends = new Set<CaseState | null>(TERMINAL_STATES);
    for (let size = 0; size !== ends.size;) {
      size = ends.size;
      for (const rule of TRANSITION_RULES) if (ends.has(rule.to)) ends.add(rule.from);
    }
    expect([...ends].filter((s) => s !== null).sort()).toEqual([...CASE_STATES].sort());
    for (const state of TERMINAL_STATES) expect(TRANSITION_RULES.some((r) => r.from === state)).toBe(false);
  });
});

describe.each(TRANSITION_RULES.map((rule) => [key(rule), rule] as const))('%s', (_name, rule) => {
  const event = SAMPLE[rule.event];

  it.each(rule.roles.map((role) => [role]))(`goes to ${rule.to} when %s acts`, (role) => {
    const result = transition(rule.from, event, ctx([role], factsFor(rule)));
    expect(result).toEqual({
      ok: true,
      from: rule.from,
      state: rule.to,
      effects: expect.any(Array),
      citation: rule.citation,
    });
    if (result.ok) expect(result.effects.map(show)).toEqual(EXPECTED_EFFECTS[key(rule)]);
  });

  it('is forbidden to every other role, and to nobody', () => {
    for (const actor of [...ACTORS.filter((a) => !rule.roles.includes(a)), null]) {
      const result = transition(rule.from, event, ctx(actor ? [actor] : [], factsFor(rule)));
      expect(result).toEqual({
        ok: false,
        code: 'TRANSITION_FORBIDDEN_ROLE',
        reason: 'ROLE_NOT_PERMITTED',
        state: rule.from,
        event: rule.event,
        allowedRoles: rule.roles,
        citation: rule.citation,
      });
    }
  });

  it('is not allowed from any state without a rule for the event', () => {
    const others = FROM_STATES.filter(
      (s) => !TRANSITION_RULES.some((r) => r.from === s && r.event === rule.event),
    );
    for (const state of others) {
      const result = transition(state, event, ctx([...ACTORS], factsFor(rule)));
      expect(result).toEqual({
        ok: false,
        code: 'TRANSITION_NOT_ALLOWED',
        reason: state !== null && TERMINAL_STATES.includes(state) ? 'TERMINAL_STATE' : 'NO_SUCH_TRANSITION',
        state,
        event: rule.event,
      });
    }
  });
});

describe('the agreement period (MOJ procedure rules 2023 art.27)', () => {
  const pending = (facts: LifecycleFacts) => ctx(['handler', 'director'], facts);
  const periodEffects = (from: CaseState, event: CaseEventOf<CaseEventType>, facts: LifecycleFacts) => {
    const result = transition(from, event, pending(facts));
    if (!result.ok) throw new Error(JSON.stringify(result));
    return result.effects.filter((e) => 'period' in e && e.period === 'agreement_signing').map(show);
  };

  it('ends with the work when the agreement is still unsigned, and is left alone once signed', () => {
    for (const [from, event] of [
      ['in_progress', SAMPLE.submit_closing],
      ['in_progress', SAMPLE.terminate],
      ['in_progress', SAMPLE.change_handler],
      ['provisional_aid', SAMPLE.terminate],
      ['assigned', SAMPLE.handler_decline],
      ['assigned', SAMPLE.change_handler],
    ] as const) {
      expect(periodEffects(from, event, { agreementPending: true })).toEqual(['stop agreement_signing']);
      expect(periodEffects(from, event, { agreementPending: false })).toEqual([]);
    }
  });
});

describe('allowedEvents', () => {
  const all = (facts: LifecycleFacts = {}) => ctx([...ACTORS], facts);

  it('lists what the actor may do next, with the legal basis', () => {
    expect(allowedEvents('granted', ctx(['director']))).toEqual([
      { event: 'assign', to: 'assigned', citation: 'LAL art.43' },
    ]);
    expect(allowedEvents('granted', ctx(['handler']))).toEqual([]);
    expect(allowedEvents(null, ctx(['applicant'])).map((a) => a.event)).toEqual(['receive_application']);
  });

  it('hides what the case or the time does not permit yet', () => {
    expect(allowedEvents('refused', all({ objectionWindowOpen: true })).map((a) => a.event)).toEqual([
      'file_objection',
    ]);
    expect(allowedEvents('refused', all({ objectionWindowOpen: false })).map((a) => a.event)).toEqual([
      'archive',
    ]);
    expect(allowedEvents('refused', all()).map((a) => a.event)).toEqual([]);
    expect(
      allowedEvents('supplement_requested', all())
        .map((a) => a.event)
        .sort(),
    ).toEqual(['grant_provisional_aid', 'supplement_received', 'withdraw']);
  });

  it('offers nothing in a terminal state', () => {
    for (const state of TERMINAL_STATES) expect(allowedEvents(state, all())).toEqual([]);
  });
});

describe('the Mermaid diagram', () => {
  it('draws every rule, the entry and the terminal states', () => {
    const diagram = lifecycleDiagram();
    const lines = diagram.trimEnd().split('\n');
    expect(lines[0]).toBe('stateDiagram-v2');
    expect(lines).toContain('  [*] --> received: receive_application');
    expect(lines).toContain('  objection_to_refusal --> granted: objection_corrected');
    expect(lines).toContain('  archived --> [*]');
    expect(lines).toContain('  withdrawn --> [*]');
    expect(lines).toHaveLength(1 + TRANSITION_RULES.length + TERMINAL_STATES.length);
  });

  it('can label each arrow with its citation, without the statement separator', () => {
    const diagram = lifecycleDiagram(TRANSITION_RULES, { citations: true });
    expect(diagram).toContain(
      '  [*] --> to_assign: receive_criminal_notice (LAL art.25, LAL art.28, LAL art.36)',
    );
    expect(diagram).not.toContain(';');
  });
});

describe('termination grounds', () => {
  it.each(Object.keys(TERMINATION_GROUNDS) as TerminationGround[])('%s carries its citation', (ground) => {
    expect(TERMINATION_GROUNDS[ground]).toMatch(/^LAL art\.4[48]\(\d\)/);
    const fromProvisional = transition('provisional_aid', { type: 'terminate', ground }, ctx(['director']));
    expect(fromProvisional.ok).toBe(true);
  });
});
