import { randomUUID } from 'node:crypto';
import { and, eq, lt, sql } from 'drizzle-orm';
import { beijingDateOf, type LocalDate } from '@fayuan/domain';
import type { Tx } from '../../../db/client.ts';
import {
  handlers,
  rectificationRequests,
  staffAlerts,
  type RectificationRequestRow,
} from '../../../db/schema/index.ts';
import type { Actor, AppDeps, RequestOrigin } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import { recordAudit } from '../../../platform/audit/audit-log.ts';
import { ownerInScope } from '../../../platform/scope/data-scope.ts';
import { lockedInspection } from './inspections.ts';
import { notifyUsers } from '../../notifications/notify-users.ts';
import { SWEEP_BATCH } from '../../applications/clock-watcher.ts';

/**
 * Rectification (整改) after a file inspection: the inspector lists what to put right and by when
 * (a date of their choosing: no law sets it); the case's handler replies; the inspector closes it
 * or sends it back. Open past its last day it is overdue (computed, `rectificationOverdue`).
 */
export function rectificationOverdue(row: Pick<RectificationRequestRow, 'status' | 'dueOn'>, now: Date) {
  return row.status === 'open' && row.dueOn < beijingDateOf(now);
}

/**
 * A request still open after its last day rings the bell of the handler who owes the reply and of
 * the inspector who asked for it (and goes by SMS to those who chose it): once per request and
 * person, by the unique index on (rectification, kind, user), so the next sweep, or a second
 * server, writes nothing. A request sent back after its last day rings no second time. The clock
 * watcher calls it every sweep; returns the alerts written.
 */
export async function alertOverdueRectifications(deps: AppDeps, now: Date): Promise<number> {
  return deps.db.transaction(async (tx) => {
    const due = await tx
      .select({ r: rectificationRequests, handlerUser: handlers.userId })
      .from(rectificationRequests)
      .innerJoin(handlers, eq(handlers.id, rectificationRequests.handlerId))
      .where(
        and(
          eq(rectificationRequests.status, 'open'),
          lt(rectificationRequests.dueOn, beijingDateOf(now)),
          sql`NOT EXISTS (SELECT 1 FROM ${staffAlerts} WHERE ${staffAlerts.rectificationId} = ${rectificationRequests.id} AND ${staffAlerts.kind} = 'rectification_overdue')`,
        ),
      )
      .limit(SWEEP_BATCH);
    let written = 0;
    for (const { r, handlerUser } of due)
      written += await notifyUsers(deps, tx, {
        kind: 'rectification_overdue',
        userIds: [r.requestedBy, ...(handlerUser ? [handlerUser] : [])],
        organisationId: r.organisationId,
        applicationId: r.applicationId,
        rectificationId: r.id,
        // The last moment of the last day, in Beijing.
        dueAt: new Date(Date.parse(`${r.dueOn}T23:59:59.999+08:00`)),
        params: { due: r.dueOn },
      });
    return written;
  });
}

/** Requests rectification of the inspected handler's work, by a date not before today. */
export async function requestRectification(
  deps: AppDeps,
  tx: Tx,
  actor: Actor,
  inspectionId: string,
  input: { items: string[]; dueOn: LocalDate },
  origin: RequestOrigin,
): Promise<{ id: string }> {
  const inspection = await lockedInspection(tx, actor, inspectionId);
  const now = deps.clock.now();
  if (input.dueOn < beijingDateOf(now))
    throw new AppError('RECTIFICATION_DEADLINE_INVALID', { field: 'dueOn' });
  const id = randomUUID();
  await tx.insert(rectificationRequests).values({
    id,
    inspectionId: inspection.id,
    applicationId: inspection.applicationId,
    organisationId: inspection.organisationId,
    handlerId: inspection.handlerId,
    items: input.items,
    dueOn: input.dueOn,
    requestedBy: actor.userId,
    requestedAt: now,
  });
  await recordAudit(tx, { cipher: deps.cipher, at: now }, origin, {
    action: 'rectification.request',
    entityType: 'rectification_requests',
    entityId: id,
    organisationId: inspection.organisationId,
    changes: {
      inspectionId: { after: inspection.id },
      items: { after: input.items.join('\n') },
      dueOn: { after: input.dueOn },
    },
  });
  return { id };
}

/**
 * The handler's reply, on their own case only: the request must name the handler signed in (else
 * 404, no existence leak) and be open.
 */
export async function replyToRectification(
  deps: AppDeps,
  tx: Tx,
  actor: Actor,
  id: string,
  input: { text: string; version?: number | undefined },
  origin: RequestOrigin,
): Promise<void> {
  const [row] = await tx
    .select({ r: rectificationRequests })
    .from(rectificationRequests)
    .innerJoin(handlers, eq(handlers.id, rectificationRequests.handlerId))
    .where(and(eq(rectificationRequests.id, id), eq(handlers.userId, actor.userId)))
    .for('update', { of: [rectificationRequests] });
  if (!row || !actor.roles.includes('handler')) throw new AppError('RECTIFICATION_NOT_FOUND');
  const r = row.r;
  if (r.status !== 'open') throw new AppError('RECTIFICATION_STEP_NOT_OPEN', { status: r.status });
  if (input.version !== undefined && input.version !== r.version)
    throw new AppError('RECTIFICATION_STEP_NOT_OPEN', { status: r.status });
  const now = deps.clock.now();
  await tx
    .update(rectificationRequests)
    .set({
      status: 'replied',
      replyText: input.text,
      repliedBy: actor.userId,
      repliedAt: now,
      version: r.version + 1,
    })
    .where(eq(rectificationRequests.id, r.id));
  await recordAudit(tx, { cipher: deps.cipher, at: now }, origin, {
    action: 'rectification.reply',
    entityType: 'rectification_requests',
    entityId: r.id,
    organisationId: r.organisationId,
    changes: { status: { before: 'open', after: 'replied' }, replyText: { after: input.text } },
  });
}

/**
 * The inspector's word on a reply: accepted (the request is closed), or sent back with the reason
 * (open again, the same deadline standing).
 */
export async function settleRectification(
  deps: AppDeps,
  tx: Tx,
  actor: Actor,
  id: string,
  input: { accept: boolean; note?: string | undefined },
  origin: RequestOrigin,
): Promise<void> {
  const [r] = await tx
    .select()
    .from(rectificationRequests)
    .where(
      and(eq(rectificationRequests.id, id), ownerInScope(actor.scope, rectificationRequests.organisationId)),
    )
    .for('update');
  if (!r) throw new AppError('RECTIFICATION_NOT_FOUND');
  if (r.status !== 'replied') throw new AppError('RECTIFICATION_STEP_NOT_OPEN', { status: r.status });
  if (!input.accept && !input.note) throw new AppError('VALIDATION_FAILED', { field: 'note' });
  const now = deps.clock.now();
  const set = input.accept
    ? { status: 'closed' as const, closedBy: actor.userId, closedAt: now }
    : { status: 'open' as const, returnNote: input.note ?? null, returnedAt: now };
  await tx
    .update(rectificationRequests)
    .set({ ...set, version: r.version + 1 })
    .where(eq(rectificationRequests.id, r.id));
  await recordAudit(tx, { cipher: deps.cipher, at: now }, origin, {
    action: input.accept ? 'rectification.close' : 'rectification.return',
    entityType: 'rectification_requests',
    entityId: r.id,
    organisationId: r.organisationId,
    changes: {
      status: { before: r.status, after: set.status },
      ...(input.accept ? {} : { returnNote: { after: input.note ?? null } }),
    },
  });
}
