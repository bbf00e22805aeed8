import { randomUUID } from 'node:crypto';
import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { attachments, caseClosings } from '../../db/schema/index.ts';
import type { Actor, AppDeps, RequestOrigin } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { calculateCaseSubsidy } from '../subsidies/subsidy-calculation.ts';
import { runEvent } from '../applications/run-event.ts';
import { acceptedHandlerUser, notifyUsers } from '../notifications/notify-users.ts';
import { ownCase, scopedCase } from './case-access.ts';
import type { ClosingInput } from './casework.schemas.ts';
import { assertMaterialsComplete, closingMaterialsOf } from './closing-materials.ts';

/**
 * The handler submits the closing (结案, LAL art.50): the result, the amount recovered, the
 * handling report (the closing's text) and the closing materials already uploaded to the case
 * (copies of the legal documents, the agreement, the work records: rule list `closing_material`).
 * A required material with no file refuses the closing, listing every one missing; the closing
 * keeps which file is which material and the rule version it was checked against.
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
  const named = [...new Set(input.attachmentIds ?? [])];
  if (named.length > 0) {
    const found = await tx
      .select({ id: attachments.id })
      .from(attachments)
      .where(and(eq(attachments.applicationId, id), inArray(attachments.id, named)));
    if (found.length !== named.length)
      throw new AppError('CASEWORK_ATTACHMENT_INVALID', { field: 'attachmentIds' });
  }
  const now = deps.clock.now();
  const check = await closingMaterialsOf(tx, app, now);
  // Only a case in progress may close; any other state is refused by the lifecycle below.
  if (app.state === 'in_progress') assertMaterialsComplete(check);
  const attachmentIds = [...new Set([...check.materials.flatMap((m) => m.attachmentIds), ...named])];
  const closingId = randomUUID();
  await runEvent(deps, tx, {
    application: app,
    event: { type: 'submit_closing', result: input.result },
    actor,
    origin,
    payload: {
      closingId,
      result: input.result,
      amountRecoveredFen: input.amountRecoveredFen ?? null,
      ruleVersion: check.ruleVersion,
    },
  });
  await tx.insert(caseClosings).values({
    id: closingId,
    applicationId: id,
    handlerId,
    result: input.result,
    amountRecoveredFen: input.amountRecoveredFen ?? null,
    report: input.report,
    attachmentIds,
    materials: check.materials,
    ruleVersion: check.ruleVersion,
    submittedBy: actor.userId,
    submittedAt: now,
  });
  return closingId;
}

/**
 * The centre reviews the closing before the subsidy is paid (BJR art.32): accepted, the case is
 * closed; returned with a reason, it goes back to the handler in progress. A terminated case is
 * closed on the work done once no objection can reopen it (LAL art.49), with or without a report,
 * but with the materials still required on termination (fewer: no judgment to copy).
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
  const terminatedCheck = !pending && input.accept ? await closingMaterialsOf(tx, app, now) : null;
  const payload = {
    closingId: pending?.id ?? null,
    accept: input.accept,
    reason: input.reason ?? null,
    ...(terminatedCheck
      ? {
          ruleVersion: terminatedCheck.ruleVersion,
          materials: terminatedCheck.materials.map((m) => ({ code: m.code, attachmentIds: m.attachmentIds })),
        }
      : {}),
  };
  await runEvent(deps, tx, {
    application: app,
    event: input.accept ? { type: 'accept_closing' } : { type: 'return_closing', reason: input.reason ?? '' },
    actor,
    origin,
    payload,
  });
  // After the lifecycle's own checks (the objection window must have closed, LAL art.49).
  if (terminatedCheck) assertMaterialsComplete(terminatedCheck);
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
  // The accepted closing is what the subsidy is paid on (BJR art.32): calculate it now for finance.
  if (input.accept) await calculateCaseSubsidy(deps, tx, id, origin);
  if (!input.accept) {
    const handlerUser = await acceptedHandlerUser(tx, id);
    if (handlerUser)
      await notifyUsers(deps, tx, {
        kind: 'closing_returned',
        userIds: [handlerUser],
        organisationId: app.ownerOrgId,
        applicationId: id,
        dueAt: now,
      });
  }
}
