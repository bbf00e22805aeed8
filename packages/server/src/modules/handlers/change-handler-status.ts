import { randomUUID } from 'node:crypto';
import { and, eq, inArray, isNull } from 'drizzle-orm';
import {
  beijingDateOf,
  compareDates,
  handlerStatusActions,
  nextHandlerStatus,
  type LocalDate,
} from '@fayuan/domain';
import { handlers, handlerStatusEvents, qualityConcerns, teamMembers } from '../../db/schema/index.ts';
import type { Actor, AppDeps, RequestOrigin } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { recordAudit } from '../../platform/audit/audit-log.ts';
import { findHandler, presentHandlerDetail } from './handlers.repository.ts';
import type { StatusChangeInput } from './handlers.schemas.ts';

/**
 * Admission and exit (准入退出, [OPN]): approve an application, suspend, reinstate or exit, each
 * with a reason and the date it takes effect, kept in the handler's history. A move the current
 * status does not allow answers HANDLER_STATUS_CONFLICT naming the moves that are open. Exit ends
 * the handler's team memberships on the same date. The decision may name the handler's open
 * quality concerns it rests on (承办业绩, issue 15): any other is refused (HANDLER_CONCERN_UNKNOWN).
 */
export async function changeHandlerStatus(
  deps: AppDeps,
  actor: Actor,
  id: string,
  input: StatusChangeInput,
  origin: RequestOrigin,
) {
  return deps.db.transaction(async (tx) => {
    const current = await findHandler(tx, actor.scope, id, true);
    if (!current) throw new AppError('NOT_FOUND');
    const h = current.handler;
    if (input.version !== undefined && input.version !== h.version)
      throw new AppError('HANDLER_VERSION_CONFLICT', { currentVersion: h.version });
    const to = nextHandlerStatus(h.status, input.action);
    if (to === null)
      throw new AppError('HANDLER_STATUS_CONFLICT', {
        status: h.status,
        action: input.action,
        allowed: handlerStatusActions(h.status),
      });
    const now = deps.clock.now();
    const today = beijingDateOf(now);
    const effectiveOn = (input.effectiveOn ?? today) as LocalDate;
    if (compareDates(effectiveOn, today) > 0 || compareDates(effectiveOn, h.statusSince as LocalDate) < 0)
      throw new AppError('HANDLER_DATES_INVALID', { field: 'effectiveOn' });
    const concernIds = [...new Set(input.qualityConcernIds ?? [])];
    if (concernIds.length > 0) {
      const open = await tx
        .select({ id: qualityConcerns.id })
        .from(qualityConcerns)
        .where(
          and(
            inArray(qualityConcerns.id, concernIds),
            eq(qualityConcerns.handlerId, id),
            isNull(qualityConcerns.closedAt),
          ),
        );
      if (open.length !== concernIds.length) throw new AppError('HANDLER_CONCERN_UNKNOWN');
    }
    await tx
      .update(handlers)
      .set({
        status: to,
        statusReason: input.reason,
        statusSince: effectiveOn,
        version: h.version + 1,
        updatedAt: now,
      })
      .where(eq(handlers.id, id));
    await tx.insert(handlerStatusEvents).values({
      id: randomUUID(),
      handlerId: id,
      fromStatus: h.status,
      toStatus: to,
      reason: input.reason,
      effectiveOn,
      byUserId: actor.userId,
      at: now,
      qualityConcernIds: concernIds,
    });
    if (to === 'exited')
      await tx
        .update(teamMembers)
        .set({ until: effectiveOn })
        .where(and(eq(teamMembers.handlerId, id), isNull(teamMembers.until)));
    await recordAudit(tx, { cipher: deps.cipher, at: now }, origin, {
      action: `handler.${input.action}`,
      entityType: 'handlers',
      entityId: id,
      changes: {
        status: { before: h.status, after: to },
        statusReason: { before: h.statusReason, after: input.reason },
        statusSince: { before: h.statusSince, after: effectiveOn },
        ...(concernIds.length > 0 ? { qualityConcernIds: { after: concernIds.join(',') } } : {}),
        version: { before: h.version, after: h.version + 1 },
      },
    });
    const updated = await findHandler(tx, actor.scope, id);
    if (!updated) throw new AppError('NOT_FOUND');
    return presentHandlerDetail(tx, updated, deps.cipher, today);
  });
}
