import { eq } from 'drizzle-orm';
import { beijingDateOf } from '@fayuan/domain';
import { handlers } from '../../db/schema/index.ts';
import type { Actor, AppDeps, RequestOrigin } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { diff, recordAudit } from '../../platform/audit/audit-log.ts';
import { checkFields, fieldsOf, toColumns, type HandlerFields } from './handler-fields.ts';
import { uniqueError } from './create-handler.ts';
import { findHandler, presentHandlerDetail } from './handlers.repository.ts';
import type { UpdateHandlerInput } from './handlers.schemas.ts';

/**
 * Edits a handler in scope. The editor names the version they started from; a newer one on file
 * means someone else saved first (HANDLER_VERSION_CONFLICT). Status moves go through
 * changeHandlerStatus, never through an edit.
 */
export async function updateHandler(
  deps: AppDeps,
  actor: Actor,
  id: string,
  input: UpdateHandlerInput,
  origin: RequestOrigin,
) {
  return deps.db.transaction(async (tx) => {
    const current = await findHandler(tx, actor.scope, id, true);
    if (!current) throw new AppError('NOT_FOUND');
    const h = current.handler;
    if (h.version !== input.version)
      throw new AppError('HANDLER_VERSION_CONFLICT', { currentVersion: h.version });
    const now = deps.clock.now();
    const today = beijingDateOf(now);
    const before = fieldsOf(deps.cipher, h);
    const { version: _version, ...patch } = input;
    const requested: HandlerFields = { ...before };
    for (const [field, value] of Object.entries(patch))
      if (value !== undefined) (requested as Record<string, unknown>)[field] = value;
    const changed = new Set(Object.keys(diff(before, requested)) as (keyof HandlerFields)[]);
    if (changed.size === 0) return presentHandlerDetail(tx, current, deps.cipher, today);
    const after = await checkFields(tx, actor, requested, changed, today);
    const changes = diff(before, after);
    if (Object.keys(changes).length === 0) return presentHandlerDetail(tx, current, deps.cipher, today);
    try {
      await tx
        .update(handlers)
        .set({ ...toColumns(deps.cipher, after), version: h.version + 1, updatedAt: now })
        .where(eq(handlers.id, id));
    } catch (error) {
      throw uniqueError(error) ?? error;
    }
    await recordAudit(tx, { cipher: deps.cipher, at: now }, origin, {
      action: 'handler.update',
      entityType: 'handlers',
      entityId: id,
      changes: { ...changes, version: { before: h.version, after: h.version + 1 } },
    });
    const updated = await findHandler(tx, actor.scope, id);
    if (!updated) throw new AppError('NOT_FOUND');
    return presentHandlerDetail(tx, updated, deps.cipher, today);
  });
}
