import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  addDays,
  APPLICATION_CHANNELS,
  beijingDateOf,
  CASE_STATES,
  CLOSING_RESULTS,
  CRIMINAL_NOTICE_GROUNDS,
  DOCUMENT_KINDS,
  isLocalDate,
  NOTIFICATION_TEMPLATES,
  PERIOD_KINDS,
  PROVISIONAL_AID_GROUNDS,
  RECIPIENTS,
  ROLES,
  rulesFrom,
  TERMINAL_STATES,
  TERMINATION_GROUNDS,
  transition,
  TRANSITION_RULES,
  type CaseEffect,
  type CaseEvent,
  type CaseEventType,
  type CaseState,
  type LifecycleActor,
  type LifecycleContext,
  type LocalDate,
  type PeriodKind,
  type TransitionRule,
  type HandlerId,
} from '../src/index.ts';

const ACTORS: readonly LifecycleActor[] = [...ROLES, 'applicant', 'scheduler'];
const keysOf = <T extends object>(o: T) => Object.keys(o) as (keyof T & string)[];

// ---- Arbitrary input, valid or not --------------------------------------------------------------

const instant = fc.oneof(
  {
    weight: 9,
    arbitrary: fc
      .date({ min: new Date('2022-01-01'), max: new Date('2030-12-31'), noInvalidDate: true })
      .map((d) => d.toISOString()),
  },
  { weight: 1, arbitrary: fc.constantFrom('not-an-instant', '') },
);
const localDate = fc.oneof(
  fc
    .date({ min: new Date('2022-01-01'), max: new Date('2031-12-31'), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 10) as LocalDate),
  fc.constantFrom('2025-02-30', 'soon').map((s) => s as LocalDate),
);
const text = fc.oneof(fc.constantFrom('', ' ', '理由'), fc.string({ maxLength: 8 }));
const reasons = fc.array(fc.record({ code: text, citation: text }), { maxLength: 3 });
const handlerId = fc.constantFrom('user-a', 'user-b').map((s) => s as HandlerId);

const anyEvent: fc.Arbitrary<CaseEvent> = fc.oneof(
  fc.record({
    type: fc.constant('receive_application' as const),
    channel: fc.constantFrom(...APPLICATION_CHANNELS),
  }),
  fc.record({
    type: fc.constant('receive_criminal_notice' as const),
    ground: fc.constantFrom(...keysOf(CRIMINAL_NOTICE_GROUNDS)),
  }),
  fc.record({
    type: fc.constant('request_supplement' as const),
    missingItems: fc.array(text, { maxLength: 3 }),
    dueDate: localDate,
  }),
  fc.record({ type: fc.constantFrom('grant' as const, 'refuse' as const), reasons }),
  fc.record({
    type: fc.constant('grant_provisional_aid' as const),
    ground: fc.constantFrom(...keysOf(PROVISIONAL_AID_GROUNDS)),
    handlerId,
    formalitiesDueDate: localDate,
  }),
  fc.record({ type: fc.constant('assign' as const), handlerId }),
  fc.record({
    type: fc.constantFrom('handler_decline' as const, 'change_handler' as const, 'return_closing' as const),
    reason: text,
  }),
  fc.record({
    type: fc.constant('terminate' as const),
    ground: fc.constantFrom(...keysOf(TERMINATION_GROUNDS)),
  }),
  fc.record({ type: fc.constant('submit_closing' as const), result: fc.constantFrom(...CLOSING_RESULTS) }),
  fc
    .constantFrom(
      'record_custody_application',
      'receive_transferred_application',
      'supplement_received',
      'supplement_overdue',
      'start_review',
      'withdraw',
      'complete_formalities',
      'file_objection',
      'objection_upheld',
      'objection_corrected',
      'handler_accept',
      'accept_closing',
      'record_evaluation',
      'record_subsidy_paid',
      'archive',
    )
    .map((type) => ({ type }) as CaseEvent),
);

const maybe = fc.option(fc.boolean(), { nil: undefined });
const anyContext: fc.Arbitrary<LifecycleContext> = fc.record(
  {
    actorRoles: fc.subarray([...ACTORS]),
    at: instant,
    facts: fc.record(
      {
        objectionWindowOpen: maybe,
        supplementDueDatePassed: maybe,
        clientDetained: maybe,
        handlerQualified: maybe,
        replacesHandler: maybe,
      },
      { requiredKeys: [] },
    ),
  },
  { requiredKeys: ['actorRoles', 'at'] },
);
const anyState = fc.constantFrom<CaseState | null>(null, ...CASE_STATES);

// ---- Well-formed effects ------------------------------------------------------------------------

const FIELDS: Record<CaseEffect['type'], string[]> = {
  start_clock: ['period', 'type'],
  stop_clock: ['period', 'type'],
  pause_clock: ['period', 'type'],
  resume_clock: ['period', 'type'],
  issue_document: ['document', 'type'],
  notify: ['template', 'to', 'type'],
};

function expectWellFormed(effects: CaseEffect[], at: string): void {
  expect(new Set(effects.map((e) => JSON.stringify(e))).size).toBe(effects.length);
  for (const effect of effects) {
    const fields =
      effect.type === 'start_clock' && effect.period === 'supplement'
        ? ['dueDate', ...FIELDS.start_clock]
        : FIELDS[effect.type];
    expect(Object.keys(effect).sort()).toEqual(fields.sort());
    if (effect.type === 'issue_document') expect(DOCUMENT_KINDS).toContain(effect.document);
    else if (effect.type === 'notify') {
      expect(RECIPIENTS).toContain(effect.to);
      expect(NOTIFICATION_TEMPLATES).toContain(effect.template);
    } else {
      expect(PERIOD_KINDS).toContain(effect.period);
      if (effect.type === 'start_clock' && effect.period === 'supplement') {
        expect(isLocalDate(effect.dueDate)).toBe(true);
        expect(effect.dueDate > beijingDateOf(at)).toBe(true);
      }
    }
  }
  const documents = effects.flatMap((e) => (e.type === 'issue_document' ? [e.document] : []));
  if (documents.includes('meeting_letter'))
    expect(documents.indexOf('assignment_letter')).toBe(documents.indexOf('meeting_letter') - 1);
}

describe('lifecycle properties', () => {
  it('random events from any state never leave the defined states, and a refusal keeps the state', () => {
    fc.assert(
      fc.property(anyState, fc.array(fc.tuple(anyEvent, anyContext), { maxLength: 25 }), (start, steps) => {
        let state = start;
        for (const [event, ctx] of steps) {
          const result = transition(state, event, ctx);
          if (result.ok) {
            expect(CASE_STATES).toContain(result.state);
            expect(result.from).toBe(state);
            expectWellFormed(result.effects, ctx.at);
            state = result.state;
          } else {
            expect(result.state).toBe(state);
            expect([
              'TRANSITION_NOT_ALLOWED',
              'TRANSITION_FORBIDDEN_ROLE',
              'TRANSITION_GUARD_FAILED',
            ]).toContain(result.code);
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it.each(TERMINAL_STATES.map((s) => [s]))('%s is terminal', (terminal) => {
    fc.assert(
      fc.property(anyEvent, anyContext, (event, ctx) => {
        expect(transition(terminal, event, ctx)).toMatchObject({
          ok: false,
          code: 'TRANSITION_NOT_ALLOWED',
          reason: 'TERMINAL_STATE',
          state: terminal,
        });
      }),
    );
  });

  it('is pure: the same input gives the same answer and the input is left untouched', () => {
    fc.assert(
      fc.property(anyState, anyEvent, anyContext, (state, event, ctx) => {
        const frozen: unknown = JSON.parse(JSON.stringify({ event, ctx }));
        const first = transition(state, Object.freeze(event), Object.freeze(ctx));
        expect(transition(state, event, ctx)).toEqual(first);
        expect({ event, ctx }).toEqual(frozen);
      }),
    );
  });
});

// ---- Walks through the table with valid input: the clocks stay consistent -----------------------

const ITEMS = ['身份证', '户口簿', '劳动合同', '工资条'];

function validEvent(rule: TransitionRule, seed: number, at: string, actor: LifecycleActor): CaseEvent {
  const pick = <T>(options: readonly T[]): T => options[seed % options.length] as T;
  const later = addDays(beijingDateOf(at), 1 + (seed % 20));
  const type: CaseEventType = rule.event;
  switch (type) {
    case 'receive_application':
      return { type, channel: actor === 'applicant' ? 'online' : pick(APPLICATION_CHANNELS) };
    case 'receive_criminal_notice':
      return { type, ground: pick(keysOf(CRIMINAL_NOTICE_GROUNDS)) };
    case 'request_supplement':
      return { type, missingItems: ITEMS.slice(0, 1 + (seed % ITEMS.length)), dueDate: later };
    case 'grant':
    case 'refuse':
      return { type, reasons: [{ code: 'R', citation: 'LAL art.43' }] };
    case 'grant_provisional_aid':
      return {
        type,
        ground: pick(keysOf(PROVISIONAL_AID_GROUNDS)),
        handlerId: 'user-a' as HandlerId,
        formalitiesDueDate: later,
      };
    case 'assign':
      return { type, handlerId: 'user-b' as HandlerId };
    case 'handler_decline':
    case 'change_handler':
    case 'return_closing':
      return { type, reason: '理由' };
    case 'terminate': {
      const grounds = keysOf(TERMINATION_GROUNDS).filter(
        (g) => rule.from === 'provisional_aid' || g !== 'formalities_not_completed',
      );
      return { type, ground: pick(grounds) };
    }
    case 'submit_closing':
      return { type, result: pick(CLOSING_RESULTS) };
    default:
      return { type } as CaseEvent;
  }
}

type Clocks = Map<PeriodKind, 'running' | 'paused'>;

function applyClocks(clocks: Clocks, effects: CaseEffect[]): void {
  for (const effect of effects) {
    if (effect.type === 'start_clock') {
      expect(clocks.has(effect.period), `start ${effect.period} twice`).toBe(false);
      clocks.set(effect.period, 'running');
    } else if (effect.type === 'stop_clock') {
      expect(clocks.has(effect.period), `stop ${effect.period} not started`).toBe(true);
      clocks.delete(effect.period);
    } else if (effect.type === 'pause_clock') {
      expect(clocks.get(effect.period)).toBe('running');
      clocks.set(effect.period, 'paused');
    } else if (effect.type === 'resume_clock') {
      expect(clocks.get(effect.period)).toBe('paused');
      clocks.set(effect.period, 'running');
    }
  }
}

/** The clocks each state runs; refused and terminated run the objection filing period until it lapses or an objection is filed. */
const CLOCKS_IN: Partial<Record<CaseState, Record<string, string>[]>> = {
  awaiting_transfer: [{ custody_transfer: 'running' }],
  received: [{ review_decision: 'running' }],
  supplement_requested: [{ review_decision: 'paused', supplement: 'running' }],
  under_review: [{ review_decision: 'running' }],
  granted: [{ assignment: 'running' }],
  to_assign: [{ assignment: 'running' }],
  // The agreement period runs from the assignment (MOJ procedure rules 2023 art.27).
  assigned: [{ agreement_signing: 'running' }],
  provisional_aid: [{ supplement: 'running', agreement_signing: 'running' }, { supplement: 'running' }],
  in_progress: [{ agreement_signing: 'running' }, {}],
  objection_to_refusal: [{ objection_review: 'running' }],
  objection_to_termination: [{ objection_review: 'running' }],
  refused: [{ objection_filing: 'running' }, {}],
  terminated: [{ objection_filing_termination: 'running' }, {}],
};

describe('walks through the table', () => {
  it('start, pause, resume and stop every clock consistently, and leave none running at the end', () => {
    const step = fc.record({
      rule: fc.nat(),
      preferRare: fc.boolean(),
      actor: fc.nat(),
      seed: fc.nat(),
      detained: fc.boolean(),
      lapse: fc.nat({ max: 4 }).map((n) => n === 0),
      overdue: fc.boolean(),
      hours: fc.integer({ min: 1, max: 480 }),
    });
    // Half the steps prefer the rule walked least so far, so that rare paths are walked too.
    const visits = new Map<TransitionRule, number>();
    const leastWalked = (rules: TransitionRule[]) =>
      rules.reduce((a, b) => ((visits.get(b) ?? 0) < (visits.get(a) ?? 0) ? b : a));
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 40 }), (steps) => {
        let state: CaseState | null = null;
        let ms = Date.parse('2025-01-02T01:00:00Z');
        const clocks: Clocks = new Map();
        for (const s of steps) {
          ms += s.hours * 3_600_000;
          const at = new Date(ms).toISOString();
          // The objection filing period may have run out in the meantime.
          if (s.lapse) {
            clocks.delete('objection_filing');
            clocks.delete('objection_filing_termination');
          }
          // As the caller would: facts from its clocks (LifecycleFacts).
          const facts = {
            objectionWindowOpen: clocks.has('objection_filing') || clocks.has('objection_filing_termination'),
            supplementDueDatePassed: s.overdue,
            handlerQualified: true,
            clientDetained: s.detained,
            agreementPending: clocks.has('agreement_signing'),
          };
          const rules = rulesFrom(state).filter((r) => r.when?.({ actorRoles: [], at, facts }) === undefined);
          if (rules.length === 0) break;
          const rule = s.preferRare ? leastWalked(rules) : (rules[s.rule % rules.length] as TransitionRule);
          const actor = rule.roles[s.actor % rule.roles.length] as LifecycleActor;
          const result = transition(state, validEvent(rule, s.seed, at, actor), {
            actorRoles: [actor],
            at,
            facts,
          });
          if (!result.ok) expect.fail(JSON.stringify(result));
          expect(result.state).toBe(rule.to);
          visits.set(rule, (visits.get(rule) ?? 0) + 1);
          expectWellFormed(result.effects, at);
          applyClocks(clocks, result.effects);
          state = result.state;
          const expected = CLOCKS_IN[state] ?? [{}];
          expect(expected).toContainEqual(Object.fromEntries(clocks));
        }
        if (state !== null && TERMINAL_STATES.includes(state)) expect(clocks.size).toBe(0);
      }),
      { numRuns: 1000 },
    );
    const unwalked = TRANSITION_RULES.filter((r) => !visits.has(r)).map((r) => `${r.from ?? '*'} ${r.event}`);
    expect(unwalked).toEqual([]);
  });
});
