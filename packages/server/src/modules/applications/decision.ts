import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { beijingDateOf, transition, type DecisionReason } from '@fayuan/domain';
import type { Tx } from '../../db/client.ts';
import {
  applications,
  objections,
  type ApplicationRow,
  type PendingDecision,
  type StoredReason,
} from '../../db/schema/index.ts';
import type { Actor, AppDeps, RequestOrigin } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { recordAudit } from '../../platform/audit/audit-log.ts';
import {
  jurisdictionOf,
  listItemsInForce,
  listItemsNotInForce,
  provisionalCitation,
  supervisingBureau,
} from './application-rules.ts';
import { clocksOf, factsOf } from './clocks.ts';
import { objectionWindowOf } from './deliveries.ts';
import type { DecideInput } from './applications.schemas.ts';
import { runEvent } from './run-event.ts';
import { directorsOf, notifyUsers, supervisorsOf } from '../notifications/notify-users.ts';
import { centreSettingsOf, lockedApplication } from './supplement.ts';

export async function startReview(deps: AppDeps, tx: Tx, actor: Actor, id: string, origin: RequestOrigin) {
  const app = await lockedApplication(tx, actor, id);
  await runEvent(deps, tx, {
    application: app,
    event: { type: 'start_review' },
    actor,
    origin,
    changes: { reviewerId: actor.userId },
    payload: { reviewerId: actor.userId },
  });
}

/**
 * A reason must be one the rules know, with the citation they give it: a refusal reason in force
 * (rule list `refusal_reason`) or a reason of the stored eligibility assessment.
 */
async function checkReasons(tx: Tx, app: ApplicationRow, reasons: DecideInput['reasons'], at: Date) {
  const known = new Map<string, string>();
  for (const r of app.assessment?.reasons ?? []) known.set(r.code, r.citation);
  const jurisdiction = await jurisdictionOf(tx, app.ownerOrgId);
  for (const r of await listItemsInForce(tx, jurisdiction, 'refusal_reason', beijingDateOf(at)))
    known.set(r.code, r.citation);
  const closed = new Set(
    (await listItemsNotInForce(tx, jurisdiction, 'refusal_reason', beijingDateOf(at))).map((r) => r.code),
  );
  for (const [index, reason] of reasons.entries()) {
    if (!known.has(reason.code) && closed.has(reason.code))
      throw new AppError('APPLICATION_REASON_NOT_IN_FORCE', { field: `reasons.${index}`, code: reason.code });
    if (known.get(reason.code) !== reason.citation)
      throw new AppError('APPLICATION_REASON_UNKNOWN', {
        field: `reasons.${index}`,
        code: reason.code,
        expectedCitation: known.get(reason.code) ?? null,
      });
  }
}

function decisionEvent(decision: 'grant' | 'refuse', reasons: DecisionReason[]) {
  return decision === 'grant' ? { type: 'grant' as const, reasons } : { type: 'refuse' as const, reasons };
}

/**
 * Decides an application under review (LAL art.43). Where the centre requires the director's
 * approval (审批) and the decider is not the director, the decision waits as a proposal.
 */
export async function decide(
  deps: AppDeps,
  tx: Tx,
  actor: Actor,
  id: string,
  input: DecideInput,
  origin: RequestOrigin,
) {
  const app = await lockedApplication(tx, actor, id);
  const now = deps.clock.now();
  if (app.pendingDecision) throw new AppError('APPLICATION_DECISION_PENDING');
  await checkReasons(tx, app, input.reasons, now);
  const stored = storedReasons(input);
  const reasons: DecisionReason[] = input.reasons.map((r) => ({
    code: r.code,
    citation: r.citation,
    ...(r.note ? { params: { note: r.note } } : {}),
  }));
  const settings = await centreSettingsOf(tx, app.ownerOrgId);
  if (settings.decisionRequiresApproval && !actor.roles.includes('director')) {
    // The proposal must be one the lifecycle would accept from this reviewer now.
    const check = transition(app.state, decisionEvent(input.decision, reasons), {
      actorRoles: actor.roles,
      at: now.toISOString(),
    });
    if (!check.ok)
      throw new AppError(
        check.code === 'TRANSITION_NOT_ALLOWED' ? 'APPLICATION_STATE_CONFLICT' : 'APPLICATION_ROLE_FORBIDDEN',
        { state: app.state, event: input.decision },
      );
    const pending: PendingDecision = {
      decision: input.decision,
      reasons: stored,
      note: input.note ?? null,
      proposedBy: actor.userId,
      proposedAt: now.toISOString(),
    };
    await tx
      .update(applications)
      .set({ pendingDecision: pending, version: app.version + 1, updatedAt: now })
      .where(eq(applications.id, id));
    await recordAudit(tx, { cipher: deps.cipher, at: now }, origin, {
      action: 'application.decision_proposed',
      entityType: 'applications',
      entityId: id,
      changes: { pendingDecision: { after: { decision: input.decision, reasons: pending.reasons } } },
    });
    return;
  }
  await runEvent(deps, tx, {
    application: app,
    event: decisionEvent(input.decision, reasons),
    actor,
    origin,
    changes: {
      decision: input.decision,
      decisionReasons: stored,
      decidedAt: now,
      decidedBy: actor.userId,
      reviewerId: app.reviewerId ?? actor.userId,
    },
    payload: { decision: input.decision, reasons: stored, note: input.note ?? null },
  });
}

/** The reasons as stored on the application and its proposal: code, citation and the decider's note. */
const storedReasons = (input: DecideInput): StoredReason[] =>
  input.reasons.map((r) => ({ code: r.code, citation: r.citation, ...(r.note ? { note: r.note } : {}) }));

/** The director approves a proposed decision (it takes effect now) or returns it to the reviewer. */
export async function approveDecision(
  deps: AppDeps,
  tx: Tx,
  actor: Actor,
  id: string,
  input: { approve: boolean; note?: string | undefined },
  origin: RequestOrigin,
) {
  const app = await lockedApplication(tx, actor, id);
  const now = deps.clock.now();
  const proposal = app.pendingDecision;
  if (!proposal) throw new AppError('APPLICATION_NO_PENDING_DECISION');
  if (!input.approve) {
    await tx
      .update(applications)
      .set({ pendingDecision: null, version: app.version + 1, updatedAt: now })
      .where(eq(applications.id, id));
    await recordAudit(tx, { cipher: deps.cipher, at: now }, origin, {
      action: 'application.decision_returned',
      entityType: 'applications',
      entityId: id,
      changes: {
        pendingDecision: { before: proposal.decision, after: null },
        note: { after: input.note ?? null },
      },
    });
    return;
  }
  await runEvent(deps, tx, {
    application: app,
    event: decisionEvent(
      proposal.decision,
      proposal.reasons.map((r) => ({ code: r.code, citation: r.citation })),
    ),
    actor,
    origin,
    changes: {
      decision: proposal.decision,
      decisionReasons: proposal.reasons,
      decidedAt: now,
      decidedBy: proposal.proposedBy,
      approvedBy: actor.userId,
      pendingDecision: null,
    },
    payload: {
      decision: proposal.decision,
      approved: true,
      proposedBy: proposal.proposedBy,
      note: input.note ?? null,
    },
  });
}

/**
 * The formalities of aid given in advance are complete (LAL art.44(2)): the grant decision is
 * issued and the case goes on in progress with the handler named at the start, who accepted then
 * (modules/assignment/provisional-aid.ts), so there is nothing for the handler to answer now.
 */
export async function completeFormalities(
  deps: AppDeps,
  tx: Tx,
  actor: Actor,
  id: string,
  origin: RequestOrigin,
) {
  const app = await lockedApplication(tx, actor, id);
  const now = deps.clock.now();
  if (!app.provisional) throw new AppError('APPLICATION_STATE_CONFLICT', { state: app.state });
  await runEvent(deps, tx, {
    application: app,
    event: { type: 'complete_formalities' },
    actor,
    origin,
    changes: {
      provisional: { ...app.provisional, completedAt: now.toISOString() },
      decision: 'grant',
      decisionReasons: [{ code: 'provisional_aid', citation: provisionalCitation(app.provisional.ground) }],
    },
  });
}

export async function withdraw(
  deps: AppDeps,
  tx: Tx,
  actor: Actor,
  id: string,
  input: { reason: string },
  origin: RequestOrigin,
) {
  const app = await lockedApplication(tx, actor, id);
  await runEvent(deps, tx, {
    application: app,
    event: { type: 'withdraw' },
    actor,
    origin,
    payload: { reason: input.reason },
  });
}

/** An objection to a refusal (within the period from its delivery, BJR art.24) or a termination (LAL art.49). */
export async function fileObjection(
  deps: AppDeps,
  tx: Tx,
  actor: Actor,
  id: string,
  input: { grounds: string; filedAt?: string | undefined },
  origin: RequestOrigin,
) {
  const app = await lockedApplication(tx, actor, id);
  const now = deps.clock.now();
  const filedAt = input.filedAt ? new Date(input.filedAt) : now;
  if (filedAt.getTime() > now.getTime())
    throw new AppError('OBJECTION_FILED_IN_FUTURE', { field: 'filedAt' });
  const bureau = await supervisingBureau(tx, app.ownerOrgId);
  const objectionId = randomUUID();
  const clocks = await clocksOf(tx, id);
  await runEvent(deps, tx, {
    application: app,
    event: { type: 'file_objection' },
    actor,
    origin,
    // In time is judged on the day the objection was received, and the bureau's 5 days run from
    // that day too (LAL art.49(2) "自收到异议之日起"), not from when staff typed it in.
    facts: { ...factsOf(clocks, filedAt), ...(await objectionWindowOf(tx, app, clocks, filedAt))?.facts },
    clockStart: filedAt,
    payload: { objectionId, filedAt: filedAt.toISOString(), bureau: bureau.name },
  });
  await tx.insert(objections).values({
    id: objectionId,
    applicationId: id,
    bureauOrgId: bureau.id,
    against: app.state === 'terminated' ? 'termination' : 'refusal',
    grounds: input.grounds,
    filedAt,
    recordedBy: actor.userId,
    status: 'pending',
  });
  // The centre's directors and the bureau's supervisors hear of it at once.
  await notifyUsers(deps, tx, {
    kind: 'objection_filed',
    userIds: [...(await directorsOf(tx, app.ownerOrgId)), ...(await supervisorsOf(tx, bureau.id))],
    organisationId: app.ownerOrgId,
    applicationId: id,
    dueAt: filedAt,
  });
  return objectionId;
}

/** The justice bureau upholds the decision or orders it corrected (LAL art.49). */
export async function decideObjection(
  deps: AppDeps,
  tx: Tx,
  actor: Actor,
  id: string,
  objectionId: string,
  input: { outcome: 'upheld' | 'corrected'; conclusion: string },
  origin: RequestOrigin,
) {
  const app = await lockedApplication(tx, actor, id);
  const now = deps.clock.now();
  const [objection] = await tx
    .select()
    .from(objections)
    .where(and(eq(objections.id, objectionId), eq(objections.applicationId, id)))
    .for('update');
  if (!objection) throw new AppError('NOT_FOUND');
  if (objection.status !== 'pending') throw new AppError('OBJECTION_NOT_PENDING');
  const corrected = input.outcome === 'corrected';
  await runEvent(deps, tx, {
    application: app,
    event: { type: corrected ? 'objection_corrected' : 'objection_upheld' },
    actor,
    origin,
    ...(corrected && app.state === 'objection_to_refusal'
      ? {
          changes: {
            decision: 'grant' as const,
            decisionReasons: [
              { code: 'objection_corrected', citation: 'LAL art.49', note: input.conclusion },
            ],
            decidedAt: now,
            decidedBy: actor.userId,
          },
        }
      : {}),
    payload: { objectionId, outcome: input.outcome, conclusion: input.conclusion },
  });
  await tx
    .update(objections)
    .set({ status: input.outcome, conclusion: input.conclusion, decidedAt: now, decidedBy: actor.userId })
    .where(eq(objections.id, objectionId));
}
