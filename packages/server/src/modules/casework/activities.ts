import { randomUUID } from 'node:crypto';
import { HANDLER_WORKING_STATES } from '@fayuan/domain';
import type { Tx } from '../../db/client.ts';
import { caseActivities } from '../../db/schema/index.ts';
import type { Actor, AppDeps, RequestOrigin } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { recordAudit } from '../../platform/audit/audit-log.ts';
import { applyToClocks } from './activity-clocks.ts';
import { ownCase } from './case-access.ts';
import type { ActivityInput } from './casework.schemas.ts';

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
  if (occurredAt.getTime() > now.getTime())
    throw new AppError('CASEWORK_ACTIVITY_IN_FUTURE', { field: 'occurredAt' });
  // Checked before the row is written: a delay needs the agreement period to pause.
  await applyToClocks(tx, app, input.kind, occurredAt);
  const activityId = randomUUID();
  await tx.insert(caseActivities).values({
    id: activityId,
    applicationId: id,
    handlerId,
    kind: input.kind,
    occurredAt,
    place: input.place ?? null,
    summary: input.summary,
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
    },
  });
  return activityId;
}
