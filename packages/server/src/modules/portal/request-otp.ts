import { randomInt, randomUUID } from 'node:crypto';
import { and, asc, eq, gt, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { citizenOtps } from '../../db/schema/index.ts';
import type { AppDeps, RequestOrigin } from '../../platform/context.ts';
import { enqueueMessage } from '../../platform/outbox/outbox.ts';
import { recordAudit } from '../../platform/audit/audit-log.ts';

/** A code is good for five minutes and five tries (issue 14, pinned). */
export const OTP_TTL_MS = 5 * 60_000;
export const OTP_MAX_TRIES = 5;
const HOUR_MS = 3_600_000;

export type OtpRequestResult = { kind: 'sent'; expiresAt: Date } | { kind: 'limited'; retryAfter: number };

/** The keyed hash a code is kept as: a database reader cannot recover it or sign in with it. */
export function otpCodeHash(deps: Pick<AppDeps, 'cipher'>, otpId: string, code: string): string {
  return deps.cipher.sign('citizen-otp', `${otpId}:${code}`);
}

/**
 * Sends a 6-digit sign-in code by SMS. Limits, counted in `citizen_otps` so they hold across
 * processes: one code per phone per `otpResendSeconds`, `otpLimitPerPhone` per phone and
 * `otpLimitPerAddress` per client address in any hour. A refusal says when to try again.
 */
export async function requestOtp(
  deps: AppDeps,
  phone: string,
  origin: RequestOrigin,
): Promise<OtpRequestResult> {
  const phoneHash = deps.cipher.lookupHash(phone);
  const result = await deps.db.transaction(async (tx) => {
    // One request at a time per phone, so two at once cannot both slip under the limit.
    await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`otp:${phoneHash.toString('hex')}`}))`);
    const now = deps.clock.now();
    const limited = await retryAfter(deps, tx, phoneHash, origin.ip, now);
    if (limited !== null) return { kind: 'limited' as const, retryAfter: limited };
    const id = randomUUID();
    const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
    const expiresAt = new Date(now.getTime() + OTP_TTL_MS);
    await tx.insert(citizenOtps).values({
      id,
      phoneHash,
      codeHash: otpCodeHash(deps, id, code),
      ip: origin.ip,
      expiresAt,
      createdAt: now,
    });
    await enqueueMessage(tx, deps, {
      channel: 'sms',
      recipient: phone,
      template: 'otp_code',
      params: { code, minutes: OTP_TTL_MS / 60_000 },
      entity: { type: 'citizen_otp', id },
    });
    await recordAudit(tx, { cipher: deps.cipher, at: now }, origin, {
      action: 'citizen.otp_request',
      entityType: 'citizen_otp',
      entityId: id,
    });
    return { kind: 'sent' as const, expiresAt };
  });
  if (result.kind === 'sent') deps.outbox?.wake();
  return result;
}

/** Seconds until another code may be sent, or null when none of the limits is reached. */
async function retryAfter(
  deps: AppDeps,
  tx: Tx,
  phoneHash: Buffer,
  ip: string | null,
  now: Date,
): Promise<number | null> {
  const since = new Date(now.getTime() - HOUR_MS);
  const seconds = (ms: number) => Math.max(1, Math.ceil(ms / 1000));
  const byPhone = await tx
    .select({ createdAt: citizenOtps.createdAt })
    .from(citizenOtps)
    .where(and(eq(citizenOtps.phoneHash, phoneHash), gt(citizenOtps.createdAt, since)))
    .orderBy(asc(citizenOtps.createdAt));
  const waits: number[] = [];
  const newest = byPhone.at(-1);
  if (newest) {
    const resendAt = newest.createdAt.getTime() + deps.config.otpResendSeconds * 1000;
    if (resendAt > now.getTime()) waits.push(seconds(resendAt - now.getTime()));
  }
  if (byPhone.length >= deps.config.otpLimitPerPhone)
    waits.push(
      seconds(
        byPhone[byPhone.length - deps.config.otpLimitPerPhone]!.createdAt.getTime() + HOUR_MS - now.getTime(),
      ),
    );
  if (ip) {
    const byAddress = await tx
      .select({ createdAt: citizenOtps.createdAt })
      .from(citizenOtps)
      .where(and(eq(citizenOtps.ip, ip), gt(citizenOtps.createdAt, since)))
      .orderBy(asc(citizenOtps.createdAt));
    if (byAddress.length >= deps.config.otpLimitPerAddress)
      waits.push(
        seconds(
          byAddress[byAddress.length - deps.config.otpLimitPerAddress]!.createdAt.getTime() +
            HOUR_MS -
            now.getTime(),
        ),
      );
  }
  return waits.length > 0 ? Math.max(...waits) : null;
}
