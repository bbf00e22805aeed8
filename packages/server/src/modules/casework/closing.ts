import { randomUUID } from 'node:crypto';
import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { attachments, caseClosings } from '../../db/schema/index.ts';
import type { Actor, AppDeps, RequestOrigin } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { clocksOf, factsOf } from '../applications/clocks.ts';
import { runEvent } from '../applications/run-event.ts';
import { ownCase, scopedCase } from './case-access.ts';
import type { ClosingInput } from './casework.schemas.ts';

/**
 * The handler submits the closing (结案, LAL art.50): the result, the amount recovered, the
 * handling report and copies of the legal documents (attachments already on the file).
 */
export async function submitClosing(
  deps: AppDeps,
  tx: Tx,
  actor: Actor,
  id: string,
  input: ClosingInput,
  origin: RequestOrigin,
): Promise<string> {
  const { app, handlerId } = await ownCase(tx, actor, id, true);
  const attachmentIds = [...new Set(input.attachmentIds ?? [])];
  if (attachmentIds.length > 0) {
    const found = await tx
      .select({ id: attachments.id })
      .from(attachments)
      .where(and(eq(attachments.applicationId, id), inArray(attachments.id, attachmentIds)));
    if (found.length !== attachmentIds.length)
      throw new AppError('CASEWORK_ATTACHMENT_INVALID', { field: 'attachmentIds' });
  }
  const closingId = randomUUID();
  await runEvent(deps, tx, {
    application: app,
    event: { type: 'submit_closing', result: input.result },
    actor,
    origin,
    payload: { closingId, result: input.result, amountRecoveredFen: input.amountRecoveredFen ?? null },
  });
  await tx.insert(caseClosings).values({
    id: closingId,
    applicationId: id,
    handlerId,
    result: input.result,
    amountRecoveredFen: input.amountRecoveredFen ?? null,
    report: input.report,
    attachmentIds,
    submittedBy: actor.userId,
    submittedAt: deps.clock.now(),
  });
  return closingId;
}

/**
 * The centre reviews the closing before the subsidy is paid (BJR art.32): accepted, the case is
 * closed; returned with a reason, it goes back to the handler in progress. A terminated case is
 * closed on the work done once no objection can reopen it (LAL art.49), with or without a report.
 */
export async function reviewClosing(
  deps: AppDeps,
  tx: Tx,
  actor: Actor,
  id: string,
  input: { accept: boolean; reason?: string | undefined },
  origin: RequestOrigin,
) {
  const { app } = await scopedCase(tx, actor, id, true);
  const now = deps.clock.now();
  const [pending] = await tx
    .select()
    .from(caseClosings)
    .where(and(eq(caseClosings.applicationId, id), isNull(caseClosings.outcome)))
    .for('update');
  if (!pending && app.state !== 'terminated') throw new AppError('CASEWORK_NO_PENDING_CLOSING');
  await runEvent(deps, tx, {
    application: app,
    event: input.accept ? { type: 'accept_closing' } : { type: 'return_closing', reason: input.reason ?? '' },
    actor,
    origin,
    facts: factsOf(await clocksOf(tx, id), now),
    payload: { closingId: pending?.id ?? null, accept: input.accept, reason: input.reason ?? null },
  });
  if (pending)
    await tx
      .update(caseClosings)
      .set({
        reviewedBy: actor.userId,
        reviewedAt: now,
        outcome: input.accept ? 'accepted' : 'returned',
        returnReason: input.accept ? null : (input.reason ?? null),
      })
      .where(eq(caseClosings.id, pending.id));
}
