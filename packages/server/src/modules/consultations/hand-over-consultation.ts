import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { can, isRole, type Role } from '@fayuan/domain';
import type { Tx } from '../../db/client.ts';
import { consultationHandovers, consultations, organisations, users } from '../../db/schema/index.ts';
import type { Actor, AppDeps, RequestOrigin } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { recordAudit } from '../../platform/audit/audit-log.ts';
import { pathWithin, scopeFor } from '../../platform/scope/data-scope.ts';
import { findConsultation, listHandovers, presentConsultation } from './consultations.repository.ts';
import type { HandoverInput } from './consultations.schemas.ts';

/**
 * First-inquiry responsibility (首问负责): the owner keeps a consultation until handing it to a named
 * colleague, who must be active, in the actor's scope, allowed to manage consultations and able to
 * see this one. Only the owner or a director may hand over; each hand-over is recorded and audited.
 */
export async function handOverConsultation(
  deps: AppDeps,
  actor: Actor,
  id: string,
  input: HandoverInput,
  origin: RequestOrigin,
) {
  return deps.db.transaction(async (tx) => {
    const current = await findConsultation(tx, actor.scope, id, true);
    if (!current) throw new AppError('NOT_FOUND');
    const fromUserId = current.consultation.ownerUserId;
    if (fromUserId !== actor.userId && !actor.roles.includes('director'))
      throw new AppError('CONSULTATION_NOT_OWNER');
    const target = await eligibleColleague(tx, actor, id, input.toUserId, fromUserId);
    const now = deps.clock.now();
    await tx.insert(consultationHandovers).values({
      id: randomUUID(),
      consultationId: id,
      fromUserId,
      toUserId: target.id,
      byUserId: actor.userId,
      reason: input.reason,
      at: now,
    });
    const [updated] = await tx
      .update(consultations)
      .set({ ownerUserId: target.id, updatedAt: now })
      .where(eq(consultations.id, id))
      .returning();
    await recordAudit(tx, { cipher: deps.cipher, at: now }, origin, {
      action: 'consultation.handover',
      entityType: 'consultations',
      entityId: id,
      changes: { ownerUserId: { before: fromUserId, after: target.id }, reason: { after: input.reason } },
    });
    const view = presentConsultation(
      {
        ...current,
        consultation: updated ?? current.consultation,
        owner: { id: target.id, displayName: target.displayName },
      },
      deps.cipher,
    );
    return { ...view, handovers: await listHandovers(tx, id) };
  });
}

async function eligibleColleague(
  tx: Tx,
  actor: Actor,
  consultationId: string,
  userId: string,
  currentOwnerId: string,
) {
  const [user] = await tx
    .select({
      id: users.id,
      displayName: users.displayName,
      roles: users.roles,
      status: users.status,
      path: organisations.path,
    })
    .from(users)
    .innerJoin(organisations, eq(organisations.id, users.organisationId))
    .where(eq(users.id, userId));
  // One answer for every refusal, so the endpoint does not reveal accounts outside the actor's scope.
  const refuse = () => new AppError('CONSULTATION_HANDOVER_TARGET_INVALID', { field: 'toUserId' });
  if (!user || !pathWithin(actor.scope, user.path)) throw refuse();
  const roles = user.roles.filter(isRole) as Role[];
  if (user.status !== 'active' || user.id === currentOwnerId || !can(roles, 'consultation.manage'))
    throw refuse();
  // The new owner must be able to see the consultation.
  if (!(await findConsultation(tx, scopeFor(roles, user.path), consultationId))) throw refuse();
  return user;
}
