import { randomUUID } from 'node:crypto';
import { and, eq, inArray } from 'drizzle-orm';
import {
  beijingDateOf,
  evaluateScoreSheet,
  hearingObservationStep,
  OPEN_OBSERVATION_STATUSES,
  isRole,
  permissionsOf,
  scoreSheet,
  type HearingObservationStep,
} from '@fayuan/domain';
import type { Queryable, Tx } from '../../../db/client.ts';
import {
  applications,
  caseActivities,
  handlers,
  hearingObservations,
  users,
  type HearingObservationRow,
} from '../../../db/schema/index.ts';
import type { Actor, AppDeps, RequestOrigin } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import { recordAudit } from '../../../platform/audit/audit-log.ts';
import { ownerInScope, type DataScope } from '../../../platform/scope/data-scope.ts';
import { applicationInScope } from '../../applications/applications.repository.ts';
import { jurisdictionOf, listItemsInForce } from '../../applications/application-rules.ts';
import { notifyUsers } from '../../notifications/notify-users.ts';
import { refreshQualityConcerns } from '../handler-quality.ts';

/**
 * Hearing observation (庭审旁听, LAL art.59; OPN (六); SF/T 0032-2023 11.3), the use cases: the
 * centre schedules an observer for a case's scheduled hearing, the observer records the score sheet
 * in force on the hearing's date and the findings (which go to the handler's bell and 我的案件), the
 * handler replies, and the observer or a supervisor closes it. Every change is audited and checks
 * the version the caller saw (HEARING_OBSERVATION_STALE).
 */

/** The score sheet in force for a centre on a Beijing date. */
export async function scoreSheetOn(db: Queryable, organisationId: string, hearingAt: Date) {
  const jurisdiction = await jurisdictionOf(db, organisationId);
  return scoreSheet(
    await listItemsInForce(db, jurisdiction, 'hearing_observation_item', beijingDateOf(hearingAt)),
  );
}

/** Whether a user may observe: active, in the caller's scope, and granted `quality.observe`. */
async function observerIsValid(tx: Tx, scope: DataScope, userId: string): Promise<boolean> {
  const [user] = await tx
    .select({ roles: users.roles, status: users.status })
    .from(users)
    .where(and(eq(users.id, userId), ownerInScope(scope, users.organisationId)));
  return user?.status === 'active' && permissionsOf(user.roles.filter(isRole)).includes('quality.observe');
}

/**
 * Schedules an observation of a hearing still ahead (a `hearing` activity `scheduled` on a case in
 * the caller's scope), by an observer who may observe. One open observation per hearing: the
 * activity row is locked so two schedulers cannot both pass the check.
 */
export async function scheduleObservation(
  deps: AppDeps,
  tx: Tx,
  actor: Actor,
  input: { activityId: string; observerId: string },
  origin: RequestOrigin,
): Promise<{ id: string; version: number }> {
  const [hearing] = await tx
    .select({ activity: caseActivities, ownerOrgId: applications.ownerOrgId })
    .from(caseActivities)
    .innerJoin(applications, eq(applications.id, caseActivities.applicationId))
    .where(and(eq(caseActivities.id, input.activityId), applicationInScope(actor.scope)))
    .for('update', { of: [caseActivities] });
  if (!hearing) throw new AppError('HEARING_NOT_FOUND');
  const { activity } = hearing;
  const now = deps.clock.now();
  if (activity.kind !== 'hearing' || activity.status !== 'scheduled' || activity.occurredAt < now)
    throw new AppError('HEARING_NOT_OBSERVABLE');
  if (!(await observerIsValid(tx, actor.scope, input.observerId)))
    throw new AppError('HEARING_OBSERVER_INVALID', { field: 'observerId' });
  const [open] = await tx
    .select({ id: hearingObservations.id })
    .from(hearingObservations)
    .where(
      and(
        eq(hearingObservations.activityId, activity.id),
        inArray(hearingObservations.status, OPEN_OBSERVATION_STATUSES),
      ),
    );
  if (open) throw new AppError('HEARING_OBSERVATION_EXISTS', { id: open.id });
  const id = randomUUID();
  await tx.insert(hearingObservations).values({
    id,
    applicationId: activity.applicationId,
    activityId: activity.id,
    organisationId: hearing.ownerOrgId,
    handlerId: activity.handlerId,
    observerId: input.observerId,
    scheduledAt: activity.occurredAt,
    scheduledBy: actor.userId,
    createdAt: now,
  });
  await recordAudit(tx, { cipher: deps.cipher, at: now }, origin, {
    action: 'hearing_observation.schedule',
    entityType: 'hearing_observations',
    entityId: id,
    organisationId: hearing.ownerOrgId,
    changes: {
      activityId: { after: activity.id },
      observerId: { after: input.observerId },
      scheduledAt: { after: activity.occurredAt.toISOString() },
    },
  });
  return { id, version: 1 };
}

/** The observation in the caller's scope, locked, at the version they saw, with the step open. */
async function lockedForStep(
  tx: Tx,
  scope: DataScope,
  id: string,
  step: HearingObservationStep,
  version: number,
): Promise<{ row: HearingObservationRow; next: NonNullable<ReturnType<typeof hearingObservationStep>> }> {
  const [row] = await tx
    .select()
    .from(hearingObservations)
    .where(and(eq(hearingObservations.id, id), ownerInScope(scope, hearingObservations.organisationId)))
    .for('update');
  if (!row) throw new AppError('HEARING_OBSERVATION_NOT_FOUND');
  return checkStep(row, step, version);
}

function checkStep(row: HearingObservationRow, step: HearingObservationStep, version: number) {
  if (version !== row.version) throw new AppError('HEARING_OBSERVATION_STALE', { version: row.version });
  const next = hearingObservationStep(row.status, step);
  if (!next) throw new AppError('HEARING_OBSERVATION_STEP_NOT_OPEN', { status: row.status });
  return { row, next };
}

/**
 * Moves an observation to the next status of a step with the columns the step sets (the version
 * moves on), and audits the step with what it changed. Returns the new version.
 */
async function moveObservation(
  deps: AppDeps,
  tx: Tx,
  row: HearingObservationRow,
  step: { next: HearingObservationRow['status']; action: string; now: Date; origin: RequestOrigin },
  set: Partial<typeof hearingObservations.$inferInsert>,
  changes: Record<string, { before?: unknown; after: unknown }>,
): Promise<number> {
  const version = row.version + 1;
  await tx
    .update(hearingObservations)
    .set({ ...set, status: step.next, version })
    .where(eq(hearingObservations.id, row.id));
  await recordAudit(tx, { cipher: deps.cipher, at: step.now }, step.origin, {
    action: `hearing_observation.${step.action}`,
    entityType: 'hearing_observations',
    entityId: row.id,
    organisationId: row.organisationId,
    changes: { status: { before: row.status, after: step.next }, ...changes },
  });
  return version;
}

/**
 * Records what the observer saw: a score for every item of the sheet in force on the hearing's
 * date (the rule ids kept), the weighted total and the findings, which go to the handler to reply
 * to (their bell). Not before the hearing has begun. The total counts on the handler's record.
 */
export async function recordObservation(
  deps: AppDeps,
  tx: Tx,
  actor: Actor,
  id: string,
  input: { scores: Record<string, number>; findings: string; version: number },
  origin: RequestOrigin,
): Promise<{ version: number; totalScore: number }> {
  const { row, next } = await lockedForStep(tx, actor.scope, id, 'record', input.version);
  const now = deps.clock.now();
  if (now < row.scheduledAt) throw new AppError('HEARING_NOT_YET_HELD');
  const sheet = await scoreSheetOn(tx, row.organisationId, row.scheduledAt);
  const result = evaluateScoreSheet(input.scores, sheet);
  if (!result.ok)
    throw new AppError('HEARING_SCORES_INVALID', {
      problem: result.problem.code,
      ...('item' in result.problem ? { item: result.problem.item } : {}),
    });
  const version = await moveObservation(
    deps,
    tx,
    row,
    { next, action: 'record', now, origin },
    {
      scores: result.items,
      ruleIds: result.items.map((i) => i.ruleId),
      totalScore: result.total,
      findings: input.findings,
      recordedBy: actor.userId,
      observedAt: now,
    },
    { totalScore: { after: result.total }, findings: { after: input.findings } },
  );
  const [handler] = await tx
    .select({ userId: handlers.userId })
    .from(handlers)
    .where(eq(handlers.id, row.handlerId));
  if (handler?.userId)
    await notifyUsers(deps, tx, {
      kind: 'observation_findings',
      userIds: [handler.userId],
      organisationId: row.organisationId,
      applicationId: row.applicationId,
      activityId: row.activityId,
      dueAt: now,
    });
  await refreshQualityConcerns(deps, tx, row.handlerId, origin);
  return { version, totalScore: result.total };
}

/**
 * The handler's reply to the findings, on their own case only: the observation must name the
 * handler signed in (else 404, no existence leak).
 */
export async function replyToObservation(
  deps: AppDeps,
  tx: Tx,
  actor: Actor,
  id: string,
  input: { text: string; version: number },
  origin: RequestOrigin,
): Promise<void> {
  const [found] = await tx
    .select({ o: hearingObservations })
    .from(hearingObservations)
    .innerJoin(handlers, eq(handlers.id, hearingObservations.handlerId))
    .where(and(eq(hearingObservations.id, id), eq(handlers.userId, actor.userId)))
    .for('update', { of: [hearingObservations] });
  if (!found || !actor.roles.includes('handler')) throw new AppError('HEARING_OBSERVATION_NOT_FOUND');
  const { row, next } = checkStep(found.o, 'reply', input.version);
  const now = deps.clock.now();
  await moveObservation(
    deps,
    tx,
    row,
    { next, action: 'reply', now, origin },
    { replyText: input.text, repliedBy: actor.userId, repliedAt: now },
    { replyText: { after: input.text } },
  );
}

/**
 * Closes an observation (after the reply, or without one when none is awaited) or cancels one not
 * yet recorded (the hearing put off, say) with the reason.
 */
export async function settleObservation(
  deps: AppDeps,
  tx: Tx,
  actor: Actor,
  id: string,
  step: 'close' | 'cancel',
  input: { note?: string | undefined; version: number },
  origin: RequestOrigin,
): Promise<void> {
  const { row, next } = await lockedForStep(tx, actor.scope, id, step, input.version);
  const now = deps.clock.now();
  await moveObservation(
    deps,
    tx,
    row,
    { next, action: step, now, origin },
    { closeNote: input.note ?? null, closedBy: actor.userId, closedAt: now },
    input.note ? { closeNote: { after: input.note } } : {},
  );
}
