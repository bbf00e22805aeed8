import { randomUUID } from 'node:crypto';
import { HANDLER_WORKING_STATES } from '@fayuan/domain';
import type { Tx } from '../../db/client.ts';
import { and, eq } from 'drizzle-orm';
import { caseActivities, SCHEDULABLE_KINDS } from '../../db/schema/index.ts';
import type { Actor, AppDeps, RequestOrigin } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { recordAudit } from '../../platform/audit/audit-log.ts';
import { applyToClocks } from './activity-clocks.ts';
import { ownCase } from './case-access.ts';
import type { ActivityInput, ActivityOutcomeInput } from './casework.schemas.ts';

/**
 * The assigned handler records what was done (承办记录): the agreement signed, meetings, file
 * reading, evidence, hearings… — while the handler is at work (aid given in advance, LAL art.44,
 * or a case in progress), so the timeline stops at the closing submitted or the termination.
 * Keeping the recipient informed is the handler's duty (LAL art.46).
 * The agreement signed stops the 5-day agreement period (MOJ procedure rules 2023 art.27) at the
 * time it was signed; a recipient delay pauses it and the delay's end resumes it; the end of the
 * matter starts the closing-materials period (activity-clocks.ts).
 */
export async function recordActivity(
  deps: AppDeps,
  tx: Tx,
  actor: Actor,
  id: string,
  input: ActivityInput,
  origin: RequestOrigin,
): Promise<string> {
  const { app, handlerId } = await ownCase(tx, actor, id, true);
  if (!HANDLER_WORKING_STATES.includes(app.state))
    throw new AppError('APPLICATION_STATE_CONFLICT', { state: app.state });
  const now = deps.clock.now();
  const occurredAt = new Date(input.occurredAt);
  const scheduled = input.scheduled === true;
  if (scheduled) {
    if (!(SCHEDULABLE_KINDS as readonly string[]).includes(input.kind))
      throw new AppError('CASEWORK_ACTIVITY_NOT_SCHEDULABLE', { field: 'kind' });
    if (occurredAt.getTime() <= now.getTime())
      throw new AppError('CASEWORK_SCHEDULE_IN_PAST', { field: 'occurredAt' });
  } else {
    if (occurredAt.getTime() > now.getTime())
      throw new AppError('CASEWORK_ACTIVITY_IN_FUTURE', { field: 'occurredAt' });
    // Checked before the row is written: a delay needs the agreement period to pause.
    await applyToClocks(tx, app, input.kind, occurredAt);
  }
  const activityId = randomUUID();
  await tx.insert(caseActivities).values({
    id: activityId,
    applicationId: id,
    handlerId,
    kind: input.kind,
    occurredAt,
    place: input.place ?? null,
    summary: input.summary,
    status: scheduled ? 'scheduled' : 'done',
    createdBy: actor.userId,
    createdAt: now,
  });
  // The summary may name people; the audit row keeps what and when, not the text.
  await recordAudit(tx, { cipher: deps.cipher, at: now }, origin, {
    action: 'case_activity.create',
    entityType: 'applications',
    entityId: id,
    changes: {
      activityId: { after: activityId },
      kind: { after: input.kind },
      occurredAt: { after: occurredAt.toISOString() },
      status: { after: scheduled ? 'scheduled' : 'done' },
    },
  });
  return activityId;
}

/**
 * The handler settles a scheduled activity: held (with what happened; not before its time) or not
 * held (with the reason; at any time, e.g. the court postponed the hearing). Settled once.
 */
export async function settleActivity(
  deps: AppDeps,
  tx: Tx,
  actor: Actor,
  id: string,
  activityId: string,
  input: ActivityOutcomeInput,
  origin: RequestOrigin,
): Promise<void> {
  await ownCase(tx, actor, id, true);
  const [activity] = await tx
    .select()
    .from(caseActivities)
    .where(and(eq(caseActivities.id, activityId), eq(caseActivities.applicationId, id)))
    .for('update');
  if (!activity) throw new AppError('NOT_FOUND');
  if (activity.status !== 'scheduled') throw new AppError('CASEWORK_ACTIVITY_NOT_SCHEDULED');
  const now = deps.clock.now();
  if (input.held && activity.occurredAt.getTime() > now.getTime())
    throw new AppError('CASEWORK_ACTIVITY_NOT_YET_DUE');
  const status = input.held ? 'held' : 'not_held';
  await tx
    .update(caseActivities)
    .set({ status, outcome: input.outcome, settledAt: now })
    .where(eq(caseActivities.id, activityId));
  // The outcome may name people: the audit row keeps what and when, not the text.
  await recordAudit(tx, { cipher: deps.cipher, at: now }, origin, {
    action: 'case_activity.settle',
    entityType: 'applications',
    entityId: id,
    changes: { activityId: { after: activityId }, status: { before: 'scheduled', after: status } },
  });
}
