import { randomUUID, timingSafeEqual } from 'node:crypto';
import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import { citizenOtps, citizens } from '../../db/schema/index.ts';
import type { AppDeps, RequestOrigin } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { recordAudit } from '../../platform/audit/audit-log.ts';
import { createCitizenSession } from './citizen-session.ts';
import { OTP_MAX_TRIES, otpCodeHash } from './request-otp.ts';

type Verdict =
  | { kind: 'refused' }
  | { kind: 'signed-in'; token: string; csrfToken: string; expiresAt: Date; citizenId: string };

/**
 * Signs a citizen in with the newest code sent to the phone. A wrong code counts a try against it
 * (kept even though the request fails: the count is the point); after five tries, or five minutes,
 * or once used, the code is dead and only a new one helps. Every refusal answers the same
 * OTP_INVALID, so a caller learns nothing about which it was.
 */
export async function signInCitizen(
  deps: AppDeps,
  input: { phone: string; code: string; userAgent: string | null },
  origin: RequestOrigin,
) {
  const phoneHash = deps.cipher.lookupHash(input.phone);
  const verdict = await deps.db.transaction(async (tx): Promise<Verdict> => {
    const now = deps.clock.now();
    const [otp] = await tx
      .select()
      .from(citizenOtps)
      .where(and(eq(citizenOtps.phoneHash, phoneHash), isNull(citizenOtps.consumedAt)))
      .orderBy(desc(citizenOtps.createdAt))
      .limit(1)
      .for('update');
    if (!otp || otp.expiresAt <= now || otp.attempts >= OTP_MAX_TRIES) return { kind: 'refused' };
    const expected = Buffer.from(otp.codeHash);
    const given = Buffer.from(otpCodeHash(deps, otp.id, input.code));
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) {
      await tx
        .update(citizenOtps)
        .set({ attempts: sql`${citizenOtps.attempts} + 1` })
        .where(eq(citizenOtps.id, otp.id));
      return { kind: 'refused' };
    }
    await tx
      .update(citizenOtps)
      .set({ consumedAt: now, attempts: otp.attempts + 1 })
      .where(eq(citizenOtps.id, otp.id));
    const sealed = deps.cipher.seal(input.phone);
    await tx
      .insert(citizens)
      .values({ id: randomUUID(), phoneSealed: sealed.sealed, phoneHash: sealed.hash, createdAt: now })
      .onConflictDoNothing();
    const [citizen] = await tx
      .update(citizens)
      .set({ lastSignedInAt: now })
      .where(eq(citizens.phoneHash, phoneHash))
      .returning({ id: citizens.id });
    const session = await createCitizenSession(
      tx,
      citizen!.id,
      now,
      { idleMinutes: deps.config.sessionIdleMinutes, absoluteHours: deps.config.sessionAbsoluteHours },
      { ip: origin.ip, userAgent: input.userAgent },
    );
    await recordAudit(tx, { cipher: deps.cipher, at: now }, origin, {
      action: 'citizen.sign_in',
      entityType: 'citizen',
      entityId: citizen!.id,
    });
    return { kind: 'signed-in', ...session, citizenId: citizen!.id };
  });
  if (verdict.kind === 'refused') throw new AppError('OTP_INVALID');
  return verdict;
}
