import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { HANDLER_WORKING_STATES, TERMINATION_GROUNDS, type TerminationGround } from '@fayuan/domain';
import type { Tx } from '../../db/client.ts';
import { terminationReports } from '../../db/schema/index.ts';
import type { Actor, AppDeps, RequestOrigin } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { recordAudit } from '../../platform/audit/audit-log.ts';
import { runEvent } from '../applications/run-event.ts';
import { ownCase, scopedCase } from './case-access.ts';

/**
 * The handler at work (in progress, or aid given in advance) reports that a ground for
 * termination exists (LAL art.48; BJR art.30): the ground and the facts. Nothing changes in the
 * case until the centre decides.
 */
export async function reportTermination(
  deps: AppDeps,
  tx: Tx,
  actor: Actor,
  id: string,
  input: { ground: TerminationGround; facts: string },
  origin: RequestOrigin,
): Promise<string> {
  const { app, handlerId } = await ownCase(tx, actor, id, true);
  // At work: in progress, or aid given in advance (the centre may terminate either, LAL art.48).
  if (!HANDLER_WORKING_STATES.includes(app.state))
    throw new AppError('APPLICATION_STATE_CONFLICT', { state: app.state });
  const now = deps.clock.now();
  const reportId = randomUUID();
  await tx.insert(terminationReports).values({
    id: reportId,
    applicationId: id,
    handlerId,
    ground: input.ground,
    facts: input.facts,
    reportedBy: actor.userId,
    reportedAt: now,
    status: 'pending',
  });
  await recordAudit(tx, { cipher: deps.cipher, at: now }, origin, {
    action: 'termination_report.create',
    entityType: 'applications',
    entityId: id,
    changes: {
      reportId: { after: reportId },
      ground: { after: input.ground },
      citation: { after: TERMINATION_GROUNDS[input.ground] },
    },
  });
  return reportId;
}

/**
 * The director terminates aid on a ground of LAL art.48 (BJR art.30), with the reasons. The
 * lifecycle issues the numbered termination decision and opens the objection period (art.49); the
 * objection goes through the applications module's objection flow. Pending reports are closed.
 */
export async function terminateAid(
  deps: AppDeps,
  tx: Tx,
  actor: Actor,
  id: string,
  input: { ground: TerminationGround; reasons: string },
  origin: RequestOrigin,
) {
  const { app } = await scopedCase(tx, actor, id, true);
  const now = deps.clock.now();
  const pending = await tx
    .update(terminationReports)
    .set({ status: 'decided', decidedAt: now })
    .where(and(eq(terminationReports.applicationId, id), eq(terminationReports.status, 'pending')))
    .returning({ id: terminationReports.id });
  return runEvent(deps, tx, {
    application: app,
    event: { type: 'terminate', ground: input.ground },
    actor,
    origin,
    payload: {
      ground: input.ground,
      citation: TERMINATION_GROUNDS[input.ground],
      reasons: input.reasons,
      reportIds: pending.map((r) => r.id),
    },
  });
}
