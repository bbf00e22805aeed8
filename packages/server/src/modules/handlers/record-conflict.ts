import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { handlerConflicts } from '../../db/schema/index.ts';
import type { Actor, AppDeps, RequestOrigin } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { recordAudit } from '../../platform/audit/audit-log.ts';
import { findHandler } from './handlers.repository.ts';
import type { ConflictInput } from './handlers.schemas.ts';

/**
 * Records a conflict of interest (回避): a party the handler or their firm acts or acted for, or a
 * relation. The assignment engine keeps the handler off cases where that party appears. The party
 * name is personal data and appears in the audit log only as ***.
 */
export async function recordConflict(
  deps: AppDeps,
  tx: Tx,
  actor: Actor,
  handlerId: string,
  input: ConflictInput,
  origin: RequestOrigin,
) {
  const handler = await findHandler(tx, actor.scope, handlerId);
  if (!handler) throw new AppError('NOT_FOUND');
  const now = deps.clock.now();
  const row = { id: randomUUID(), handlerId, ...input, recordedAt: now, recordedBy: actor.userId };
  await tx.insert(handlerConflicts).values(row);
  await recordAudit(tx, { cipher: deps.cipher, at: now }, origin, {
    action: 'handler.conflict_add',
    entityType: 'handlers',
    entityId: handlerId,
    changes: { conflictKind: { after: input.kind }, conflictPartyName: { after: input.partyName } },
  });
  return {
    id: row.id,
    kind: row.kind,
    partyName: row.partyName,
    note: row.note,
    recordedAt: now.toISOString(),
  };
}

/** Removes a conflict recorded by mistake; the audit row keeps that it existed. */
export async function removeConflict(
  deps: AppDeps,
  actor: Actor,
  handlerId: string,
  conflictId: string,
  origin: RequestOrigin,
): Promise<void> {
  await deps.db.transaction(async (tx) => {
    const handler = await findHandler(tx, actor.scope, handlerId, true);
    if (!handler) throw new AppError('NOT_FOUND');
    const [removed] = await tx
      .delete(handlerConflicts)
      .where(and(eq(handlerConflicts.id, conflictId), eq(handlerConflicts.handlerId, handlerId)))
      .returning();
    if (!removed) throw new AppError('NOT_FOUND');
    await recordAudit(tx, { cipher: deps.cipher, at: deps.clock.now() }, origin, {
      action: 'handler.conflict_remove',
      entityType: 'handlers',
      entityId: handlerId,
      changes: {
        conflictKind: { before: removed.kind },
        conflictPartyName: { before: removed.partyName },
      },
    });
  });
}
