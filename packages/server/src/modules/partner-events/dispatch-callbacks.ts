import { and, asc, eq, gt, isNull, lte, or } from 'drizzle-orm';
import { partnerDeliveries, partnerEvents, partnerKeys, partners } from '../../db/schema/index.ts';
import type { Tx } from '../../db/client.ts';
import type { AppDeps } from '../../platform/context.ts';
import { signRequest } from '../../platform/partner-signing/partner-signing.ts';

const MINUTE = 60_000;

/**
 * When a failed callback is tried again: 1 minute after the first attempt, doubling to at most an
 * hour, plus up to a tenth of it at random so partners coming back up are not hit all at once.
 */
export function nextAttemptDelayMs(attempts: number, random: () => number = Math.random): number {
  const base = Math.min(MINUTE * 2 ** Math.max(0, attempts - 1), 60 * MINUTE);
  return base + Math.floor(base * 0.1 * random());
}

/** The JSON body of a callback, and of an event on the pull endpoint. */
export function eventBody(event: typeof partnerEvents.$inferSelect) {
  return {
    id: event.id,
    cursor: String(event.seq),
    kind: event.kind,
    occurredAt: event.occurredAt.toISOString(),
    data: event.payload,
  };
}

export type CallbackPost = (
  url: string,
  init: { headers: Record<string, string>; body: string; timeoutMs: number },
) => Promise<{ status: number }>;

/** The real adapter: an HTTP POST with Node's fetch, cut off after the timeout. */
export const httpCallbackPost: CallbackPost = async (url, init) => {
  const response = await fetch(url, {
    method: 'POST',
    headers: init.headers,
    body: init.body,
    redirect: 'manual',
    signal: AbortSignal.timeout(init.timeoutMs),
  });
  await response.body?.cancel();
  return { status: response.status };
};

/** A short, personal-data-free reason for a failed attempt. */
function failureReason(error: unknown): string {
  const cause = (error as { cause?: { code?: string } }).cause;
  if (cause?.code) return cause.code;
  if ((error as Error).name === 'TimeoutError') return 'TIMEOUT';
  return (error as Error).name || 'ERROR';
}

async function liveOutboundKey(tx: Tx, partnerId: string, now: Date) {
  const [key] = await tx
    .select({ keyId: partnerKeys.keyId, secretSealed: partnerKeys.secretSealed })
    .from(partnerKeys)
    .where(
      and(
        eq(partnerKeys.partnerId, partnerId),
        eq(partnerKeys.direction, 'outbound'),
        isNull(partnerKeys.revokedAt),
        or(isNull(partnerKeys.expiresAt), gt(partnerKeys.expiresAt, now)),
      ),
    )
    .orderBy(asc(partnerKeys.expiresAt))
    .limit(1);
  return key;
}

/**
 * Sends the callbacks that are due, at least once each: rows are claimed with FOR UPDATE SKIP
 * LOCKED, so several processes never send the same one at the same time; a 2xx answer marks it
 * delivered, anything else (or no answer) schedules the next attempt with back-off, and past the
 * horizon (FAYUAN_PARTNER_CALLBACK_HORIZON_HOURS) it is marked failed and shown as such on the
 * partner's delivery log, where a person can send it again. The event id is in the body, so a
 * partner that gets one twice (an answer lost on the way back) can tell. Order per partner is not
 * guaranteed; `cursor` orders the events.
 */
export async function dispatchPartnerCallbacks(
  deps: Pick<AppDeps, 'db' | 'cipher' | 'clock' | 'config'>,
  options: { post?: CallbackPost; limit?: number; random?: () => number } = {},
): Promise<{ delivered: number; retried: number; failed: number }> {
  const post = options.post ?? httpCallbackPost;
  const tally = { delivered: 0, retried: 0, failed: 0 };
  await deps.db.transaction(async (tx) => {
    const now = deps.clock.now();
    const due = await tx
      .select({ delivery: partnerDeliveries, event: partnerEvents, callbackUrl: partners.callbackUrl })
      .from(partnerDeliveries)
      .innerJoin(partnerEvents, eq(partnerEvents.seq, partnerDeliveries.eventSeq))
      .innerJoin(partners, eq(partners.id, partnerDeliveries.partnerId))
      .where(and(eq(partnerDeliveries.status, 'pending'), lte(partnerDeliveries.nextAttemptAt, now)))
      .orderBy(asc(partnerDeliveries.nextAttemptAt))
      .limit(options.limit ?? 50)
      .for('update', { of: partnerDeliveries, skipLocked: true });
    for (const { delivery, event, callbackUrl } of due) {
      const started = Date.now();
      let status: number | null = null;
      let error: string | null = null;
      const key = await liveOutboundKey(tx, delivery.partnerId, now);
      if (!callbackUrl) error = 'NO_CALLBACK_URL';
      else if (!key) error = 'NO_OUTBOUND_KEY';
      else {
        const body = JSON.stringify(eventBody(event));
        const url = new URL(callbackUrl);
        const headers = signRequest({
          keyId: key.keyId,
          secret: deps.cipher.open(key.secretSealed),
          method: 'POST',
          pathWithQuery: `${url.pathname}${url.search}`,
          body,
          now,
        });
        try {
          status = (
            await post(callbackUrl, {
              headers: { ...headers, 'content-type': 'application/json' },
              body,
              timeoutMs: deps.config.partnerCallbackTimeoutMs,
            })
          ).status;
          if (status < 200 || status > 299) error = `HTTP_${status}`;
        } catch (thrown) {
          error = failureReason(thrown);
        }
      }
      const attempts = delivery.attempts + 1;
      const common = {
        attempts,
        lastAttemptAt: now,
        lastHttpStatus: status,
        lastError: error,
        latencyMs: Date.now() - started,
      };
      if (!error) {
        tally.delivered += 1;
        await tx
          .update(partnerDeliveries)
          .set({ ...common, status: 'delivered', deliveredAt: now })
          .where(eq(partnerDeliveries.id, delivery.id));
        continue;
      }
      const next = new Date(now.getTime() + nextAttemptDelayMs(attempts, options.random));
      const horizon = delivery.createdAt.getTime() + deps.config.partnerCallbackHorizonHours * 3_600_000;
      const giveUp = next.getTime() > horizon;
      if (giveUp) tally.failed += 1;
      else tally.retried += 1;
      await tx
        .update(partnerDeliveries)
        .set({ ...common, status: giveUp ? 'failed' : 'pending', nextAttemptAt: giveUp ? now : next })
        .where(eq(partnerDeliveries.id, delivery.id));
    }
  });
  return tally;
}
