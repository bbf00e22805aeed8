import { and, eq } from 'drizzle-orm';
import { partnerKeys } from '../../db/schema/index.ts';
import type { Actor, AppDeps, RequestOrigin } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { recordAudit } from '../../platform/audit/audit-log.ts';
import { findPartner, keyIsLive, partnerKeysOf } from './partners.repository.ts';

/** Ends a key at once (a leaked secret): the next request signed with it answers PARTNER_KEY_REVOKED. */
export async function revokePartnerKey(
  deps: AppDeps,
  actor: Actor,
  partnerId: string,
  keyId: string,
  origin: RequestOrigin,
) {
  return deps.db.transaction(async (tx) => {
    const partner = await findPartner(tx, actor.scope, partnerId, true);
    if (!partner) throw new AppError('NOT_FOUND');
    const [key] = await tx
      .select()
      .from(partnerKeys)
      .where(and(eq(partnerKeys.partnerId, partnerId), eq(partnerKeys.keyId, keyId)))
      .for('update');
    if (!key) throw new AppError('NOT_FOUND');
    const now = deps.clock.now();
    if (!keyIsLive(key, now)) throw new AppError('PARTNER_KEY_NOT_ACTIVE');
    await tx
      .update(partnerKeys)
      .set({ revokedAt: now, revokedBy: actor.userId })
      .where(eq(partnerKeys.id, key.id));
    await recordAudit(tx, { cipher: deps.cipher, at: now }, origin, {
      action: 'partner_key.revoke',
      entityType: 'partners',
      entityId: partnerId,
      changes: { keyId: { after: keyId }, direction: { after: key.direction } },
    });
    return partnerKeysOf(tx, partnerId, now);
  });
}
