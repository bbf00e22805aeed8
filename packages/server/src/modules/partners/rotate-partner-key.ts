import { randomUUID } from 'node:crypto';
import { and, desc, eq, gt, isNull, or } from 'drizzle-orm';
import { partnerKeys } from '../../db/schema/index.ts';
import type { Actor, AppDeps, RequestOrigin } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { recordAudit } from '../../platform/audit/audit-log.ts';
import { findPartner, newPartnerKey } from './partners.repository.ts';

/**
 * A new key for one direction. The key it replaces (the newest live one of that direction, and
 * any other still open-ended) stays valid until the overlap ends — `overlapHours`, by default
 * FAYUAN_PARTNER_KEY_OVERLAP_HOURS — so the partner can switch without a gap. The new secret is
 * answered this once.
 */
export async function rotatePartnerKey(
  deps: AppDeps,
  actor: Actor,
  partnerId: string,
  input: { direction: 'inbound' | 'outbound'; overlapHours?: number | undefined },
  origin: RequestOrigin,
) {
  return deps.db.transaction(async (tx) => {
    const partner = await findPartner(tx, actor.scope, partnerId, true);
    if (!partner) throw new AppError('NOT_FOUND');
    const now = deps.clock.now();
    const overlapHours = input.overlapHours ?? deps.config.partnerKeyOverlapHours;
    const until = new Date(now.getTime() + overlapHours * 3_600_000);
    const open = await tx
      .select({ id: partnerKeys.id, keyId: partnerKeys.keyId, expiresAt: partnerKeys.expiresAt })
      .from(partnerKeys)
      .where(
        and(
          eq(partnerKeys.partnerId, partnerId),
          eq(partnerKeys.direction, input.direction),
          isNull(partnerKeys.revokedAt),
          or(isNull(partnerKeys.expiresAt), gt(partnerKeys.expiresAt, now)),
        ),
      )
      .orderBy(desc(partnerKeys.createdAt));
    const previous = open[0] ?? null;
    let previousExpiresAt: Date | null = null;
    for (const key of open) {
      // A key already ending sooner keeps its earlier end; none is extended by a rotation.
      const ends = key.expiresAt && key.expiresAt < until ? key.expiresAt : until;
      await tx.update(partnerKeys).set({ expiresAt: ends }).where(eq(partnerKeys.id, key.id));
      if (key === previous) previousExpiresAt = ends;
    }
    const fresh = newPartnerKey(input.direction);
    await tx.insert(partnerKeys).values({
      id: randomUUID(),
      partnerId,
      keyId: fresh.keyId,
      direction: input.direction,
      secretSealed: deps.cipher.seal(fresh.secret).sealed,
      createdAt: now,
      createdBy: actor.userId,
    });
    await recordAudit(tx, { cipher: deps.cipher, at: now }, origin, {
      action: 'partner_key.rotate',
      entityType: 'partners',
      entityId: partnerId,
      changes: {
        direction: { after: input.direction },
        keyId: { before: previous?.keyId ?? null, after: fresh.keyId },
        previousKeyExpiresAt: { after: previousExpiresAt?.toISOString() ?? null },
      },
    });
    return {
      keyId: fresh.keyId,
      secret: fresh.secret,
      previousKeyId: previous?.keyId ?? null,
      previousKeyExpiresAt: previousExpiresAt?.toISOString() ?? null,
    };
  });
}
