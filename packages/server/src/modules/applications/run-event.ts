import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import {
  transition,
  type CaseEvent,
  type CaseState,
  type DocumentKind,
  type LifecycleActor,
  type LifecycleFacts,
  type LocalDate,
  type NotificationTemplate,
  runsFromDelivery,
} from '@fayuan/domain';
import type { Tx } from '../../db/client.ts';
import { applicationEvents, applications, type ApplicationRow } from '../../db/schema/index.ts';
import type { Actor, AppDeps, RequestOrigin } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { recordAudit, type Changes } from '../../platform/audit/audit-log.ts';
import {
  clocksOf,
  factsOf,
  pauseClock,
  refreshNextDue,
  resumeClock,
  startClock,
  stopClock,
} from './clocks.ts';
import { issueDocument } from './documents.ts';
import { notifyApplicant, notifyHandler } from './notifications.ts';
import { jurisdictionOf } from './application-rules.ts';
import { objectionWindowOf } from './deliveries.ts';
import { partnerEventKind, recordPartnerEvent } from '../partner-events/record-partner-event.ts';

export interface EventRun {
  application: ApplicationRow;
  event: CaseEvent;
  /** A staff member, or the scheduler for time-driven events. */
  actor: Actor | 'scheduler';
  origin: RequestOrigin;
  facts?: LifecycleFacts;
  /** Recorded on the timeline and in the audit row (never personal data). */
  payload?: Record<string, unknown>;
  /** When the periods this event starts begin, if not now (a notice's receipt, LAL art.36). */
  clockStart?: Date;
  /** Columns to change with the state (decision, reviewer…). */
  changes?: Partial<typeof applications.$inferInsert>;
}

export interface EventOutcome {
  from: CaseState | null;
  to: CaseState;
  documents: { id: string; kind: DocumentKind; number: string }[];
  messages: string[];
}

/** The portal's service account acts for the applicant in person (issue 14): the lifecycle sees `applicant`. */
function rolesOf(actor: Actor | 'scheduler'): LifecycleActor[] {
  if (actor === 'scheduler') return ['scheduler'];
  return actor.roles.map((role) => (role === 'citizen_portal' ? 'applicant' : role));
}

/** The transition the event makes now, or the error with its stable code when the lifecycle refuses it. */
function allowedTransition(run: Pick<EventRun, 'application' | 'event' | 'actor' | 'facts'>, now: Date) {
  const result = transition(run.application.state, run.event, {
    actorRoles: rolesOf(run.actor),
    at: now.toISOString(),
    ...(run.facts ? { facts: run.facts } : {}),
  });
  if (result.ok) return result;
  const details = { state: result.state, event: result.event, reason: result.reason };
  if (result.code === 'TRANSITION_NOT_ALLOWED') throw new AppError('APPLICATION_STATE_CONFLICT', details);
  if (result.code === 'TRANSITION_FORBIDDEN_ROLE')
    throw new AppError('APPLICATION_ROLE_FORBIDDEN', { ...details, citation: result.citation });
  throw new AppError('APPLICATION_GUARD_FAILED', { ...details, citation: result.citation ?? null });
}

/**
 * Refuses, as `runEvent` would, an event the lifecycle does not allow now: for a use case that
 * must write rows before the event whose documents read them (the assignment its letters name).
 */
export function ensureAllowed(
  deps: AppDeps,
  run: Pick<EventRun, 'application' | 'event' | 'actor' | 'facts'>,
) {
  allowedTransition(run, deps.clock.now());
}

/**
 * Applies one lifecycle event to a stored application, in the caller's transaction: the pure
 * `transition()` decides whether it may happen and what follows; this carries out the effects in
 * order (clocks, numbered documents, messages to the applicant), writes the timeline event and
 * the audit row. A refusal becomes an error with a stable code and nothing changes.
 */
export async function runEvent(deps: AppDeps, tx: Tx, run: EventRun): Promise<EventOutcome> {
  const now = deps.clock.now();
  const app = run.application;
  // What the clocks say (objection window, supplement date, agreement period), unless the caller
  // already said it: every rule sees the same facts whichever route runs it.
  const clocks = await clocksOf(tx, app.id);
  const objection = await objectionWindowOf(tx, app, clocks, now);
  const facts = { ...factsOf(clocks, now), ...objection?.facts, ...run.facts };
  const result = allowedTransition({ ...run, facts }, now);

  const changed = { ...run.changes, state: result.state, stateChangedAt: now, updatedAt: now };
  await tx
    .update(applications)
    .set({ ...changed, version: app.version + 1 })
    .where(eq(applications.id, app.id));
  const current: ApplicationRow = { ...app, ...changed, version: app.version + 1 } as ApplicationRow;

  const target = {
    applicationId: app.id,
    ownerOrgId: app.ownerOrgId,
    jurisdiction: await jurisdictionOf(tx, app.ownerOrgId),
  };
  const outcome: EventOutcome = { from: result.from, to: result.state, documents: [], messages: [] };
  for (const effect of result.effects) {
    switch (effect.type) {
      case 'start_clock':
        // A period that runs from receipt starts when the delivery is recorded (deliveries.ts).
        if (runsFromDelivery(effect.period)) break;
        await startClock(
          tx,
          target,
          effect.period,
          run.clockStart ?? now,
          'dueDate' in effect ? (effect.dueDate as LocalDate) : undefined,
        );
        break;
      case 'pause_clock':
        await pauseClock(tx, app.id, effect.period, now);
        break;
      case 'resume_clock':
        await resumeClock(tx, target, effect.period, now);
        break;
      case 'stop_clock':
        await stopClock(tx, app.id, effect.period, now);
        break;
      case 'issue_document':
        outcome.documents.push(
          await issueDocument(
            tx,
            current,
            effect.document,
            now,
            run.actor === 'scheduler' ? null : run.actor,
            { event: run.event, payload: run.payload ?? {} },
          ),
        );
        break;
      case 'notify':
        // Staff hear about their work through the worklist and the clock watcher's alerts; the
        // applicant and the handler get a message through the outbox.
        if (effect.to === 'handler') {
          const id = await notifyHandler(deps, tx, current, effect.template as NotificationTemplate);
          if (id) outcome.messages.push(id);
        }
        if (effect.to === 'applicant') {
          const id = await notifyApplicant(
            deps,
            tx,
            current,
            effect.template as NotificationTemplate,
            outcome,
          );
          if (id) outcome.messages.push(id);
        }
        break;
    }
  }

  await refreshNextDue(tx, app.id);
  // The organ that sent the case hears of its handler and its end (issue 13, partner-events).
  const partnerKind = app.partnerId ? partnerEventKind(run.event, facts) : null;
  if (app.partnerId && partnerKind)
    await recordPartnerEvent(deps, tx, {
      partnerId: app.partnerId,
      applicationId: app.id,
      kind: partnerKind,
    });
  await tx.insert(applicationEvents).values({
    id: randomUUID(),
    applicationId: app.id,
    event: run.event.type,
    fromState: result.from,
    toState: result.state,
    citation: result.citation,
    payload: { ...run.payload, documents: outcome.documents.map((d) => d.number) },
    actorId: run.actor === 'scheduler' ? null : run.actor.userId,
    actorKind: run.actor === 'scheduler' ? 'scheduler' : 'staff',
    at: now,
  });
  const changes: Changes = { state: { before: result.from, after: result.state } };
  for (const [field, value] of Object.entries(run.payload ?? {})) changes[field] = { after: value };
  await recordAudit(tx, { cipher: deps.cipher, at: now }, run.origin, {
    action: `application.${run.event.type}`,
    entityType: 'applications',
    entityId: app.id,
    changes,
  });
  return outcome;
}
