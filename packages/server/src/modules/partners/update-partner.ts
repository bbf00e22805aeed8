import { eq } from 'drizzle-orm';
import { partners, users } from '../../db/schema/index.ts';
import { isUniqueViolation } from '../../db/pg-errors.ts';
import type { Actor, AppDeps, RequestOrigin } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { diff, recordAudit } from '../../platform/audit/audit-log.ts';
import { findPartner, presentPartner } from './partners.repository.ts';
import type { UpdatePartnerInput } from './partners.schemas.ts';

/**
 * Edits a partner in scope. `expectedUpdatedAt` must be the one read: a save in between answers
 * PARTNER_VERSION_CONFLICT. Deactivating it refuses its keys at once (PARTNER_KEY_REVOKED) and
 * disables its service account; re-activating restores both.
 */
export async function updatePartner(
  deps: AppDeps,
  actor: Actor,
  id: string,
  input: UpdatePartnerInput,
  origin: RequestOrigin,
) {
  return deps.db.transaction(async (tx) => {
    const current = await findPartner(tx, actor.scope, id, true);
    if (!current) throw new AppError('NOT_FOUND');
    if (current.updatedAt.getTime() !== new Date(input.expectedUpdatedAt).getTime())
      throw new AppError('PARTNER_VERSION_CONFLICT', { currentUpdatedAt: current.updatedAt.toISOString() });
    const { expectedUpdatedAt: _expected, ...fields } = input;
    const changes = diff(current as unknown as Record<string, unknown>, fields);
    const now = deps.clock.now();
    try {
      await tx
        .update(partners)
        .set({ ...fields, updatedAt: now })
        .where(eq(partners.id, id));
    } catch (error) {
      if (isUniqueViolation(error, 'partners_name_idx')) throw new AppError('PARTNER_NAME_TAKEN');
      throw error;
    }
    if (fields.active !== undefined || fields.name !== undefined)
      await tx
        .update(users)
        .set({
          ...(fields.active !== undefined ? { status: fields.active ? 'active' : 'disabled' } : {}),
          ...(fields.name !== undefined ? { displayName: fields.name } : {}),
          updatedAt: now,
        })
        .where(eq(users.id, current.userId));
    if (Object.keys(changes).length > 0)
      await recordAudit(tx, { cipher: deps.cipher, at: now }, origin, {
        action: 'partner.update',
        entityType: 'partners',
        entityId: id,
        changes,
      });
    const updated = await findPartner(tx, actor.scope, id);
    return presentPartner(updated!);
  });
}
