import { eq, sql } from 'drizzle-orm';
import { childPath } from '@fayuan/domain';
import type { Tx } from '../../db/client.ts';
import type { z } from 'zod';
import { organisations } from '../../db/schema/index.ts';
import type { Actor, AppDeps, RequestOrigin } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { diff, recordAudit } from '../../platform/audit/audit-log.ts';
import {
  activeKindExists,
  findOrganisation,
  hasActiveChildren,
  presentOrganisation,
} from './organisations.repository.ts';
import type { updateOrganisationBody } from './organisations.schemas.ts';

/**
 * Re-parents an organisation with its whole subtree: one statement rewrites every path prefix.
 * Both ends must lie in the actor's scope, and nothing moves under its own descendant.
 */
async function moveSubtree(
  tx: Tx,
  actor: Actor,
  current: typeof organisations.$inferSelect,
  parentId: string,
) {
  if (current.id === actor.organisationId || current.parentId === null)
    throw new AppError('ORGANISATION_MOVE_INVALID');
  const parent = await findOrganisation(tx, actor.scope, parentId);
  if (!parent) throw new AppError('NOT_FOUND', { field: 'parentId' });
  if (parent.path.startsWith(current.path)) throw new AppError('ORGANISATION_MOVE_INVALID');
  const newPath = childPath(parent.path, current.id);
  await tx
    .update(organisations)
    .set({ path: sql`${newPath} || substr(${organisations.path}, ${current.path.length + 1})` })
    .where(sql`${organisations.path} LIKE ${`${current.path}%`}`);
}

/** Edits an organisation in scope; deactivating one requires its children to be inactive first. */
export async function updateOrganisation(
  deps: AppDeps,
  actor: Actor,
  id: string,
  input: z.infer<typeof updateOrganisationBody>,
  origin: RequestOrigin,
) {
  return deps.db.transaction(async (tx) => {
    const current = await findOrganisation(tx, actor.scope, id, true);
    if (!current) throw new AppError('NOT_FOUND');
    if (input.kind !== undefined && input.kind !== current.kind && !(await activeKindExists(tx, input.kind)))
      throw new AppError('ORGANISATION_KIND_UNKNOWN');
    if (input.active === false && current.active && (await hasActiveChildren(tx, id)))
      throw new AppError('ORGANISATION_HAS_ACTIVE_CHILDREN');
    if (input.active !== undefined && id === actor.organisationId)
      throw new AppError('ORGANISATION_OUT_OF_SCOPE');
    const now = deps.clock.now();
    const changes = diff(current, input);
    if (input.parentId !== undefined && input.parentId !== current.parentId)
      await moveSubtree(tx, actor, current, input.parentId);
    // parent_id and path change together: the move rewrote the paths, this sets the parent.
    const [updated] = await tx
      .update(organisations)
      .set({ ...input, updatedAt: now })
      .where(eq(organisations.id, id))
      .returning();
    if (Object.keys(changes).length > 0)
      await recordAudit(tx, { cipher: deps.cipher, at: now }, origin, {
        action: 'organisation.update',
        entityType: 'organisations',
        entityId: id,
        changes,
      });
    return presentOrganisation(updated ?? current);
  });
}
