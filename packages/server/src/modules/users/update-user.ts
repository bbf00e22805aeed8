import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import { users } from '../../db/schema/index.ts';
import type { Actor, AppDeps, RequestOrigin } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { diff, recordAudit, type Changes } from '../../platform/audit/audit-log.ts';
import { endUserSessions } from '../../platform/auth/sessions.ts';
import { findOrganisation } from '../organisations/organisations.repository.ts';
import { findUser, presentUser } from './users.repository.ts';
import { assertMayGrant } from './users.policy.ts';
import type { updateUserBody } from './users.schemas.ts';

/** Edits an account in scope. Disabling it, or moving it to another organisation, ends its sessions. */
export async function updateUser(
  deps: AppDeps,
  actor: Actor,
  id: string,
  input: z.infer<typeof updateUserBody>,
  origin: RequestOrigin,
) {
  return deps.db.transaction(async (tx) => {
    const current = await findUser(tx, actor.scope, id, true);
    if (!current) throw new AppError('NOT_FOUND');
    if (input.status === 'disabled' && id === actor.userId) throw new AppError('CANNOT_DISABLE_SELF');
    if (input.roles) assertMayGrant(actor, input.roles);
    let organisationName = current.organisationName;
    if (input.organisationId && input.organisationId !== current.user.organisationId) {
      const target = await findOrganisation(tx, actor.scope, input.organisationId);
      if (!target) throw new AppError('NOT_FOUND', { field: 'organisationId' });
      organisationName = target.name;
    }
    const { phone, ...plain } = input;
    if (plain.roles) plain.roles = [...new Set(plain.roles)];
    const changes: Changes = diff(current.user, plain);
    const sealed = phone ? deps.cipher.seal(phone) : null;
    if (phone !== undefined) {
      const same =
        phone === null ? current.user.phoneHash === null : current.user.phoneHash?.equals(sealed!.hash);
      if (!same) changes.phone = { before: current.user.phoneHash ? 'set' : null, after: phone };
    }
    if (Object.keys(changes).length === 0) return presentUser(current, deps.cipher);
    const now = deps.clock.now();
    const [updated] = await tx
      .update(users)
      .set({
        ...plain,
        ...(phone !== undefined
          ? { phoneSealed: sealed?.sealed ?? null, phoneHash: sealed?.hash ?? null }
          : {}),
        updatedAt: now,
      })
      .where(eq(users.id, id))
      .returning();
    if (changes.status?.after === 'disabled' || changes.organisationId || changes.roles)
      await endUserSessions(tx, id);
    await recordAudit(tx, { cipher: deps.cipher, at: now }, origin, {
      action: changes.status ? `user.${input.status === 'disabled' ? 'disable' : 'enable'}` : 'user.update',
      entityType: 'users',
      entityId: id,
      changes,
    });
    return presentUser({ user: updated ?? current.user, organisationName }, deps.cipher);
  });
}
