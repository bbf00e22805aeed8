import { and, asc, eq, gt, inArray, isNull, lte, or } from 'drizzle-orm';
import { partnerDeliveries, partnerEvents, partnerKeys, partners } from '../../db/schema/index.ts';
import type { Tx } from '../../db/client.ts';
import type { AppDeps } from '../../platform/context.ts';
import { signRequest } from '../../platform/partner-signing/partner-signing.ts';
import { directorsOf, notifyUsers } from '../notifications/notify-users.ts';

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

interface Claimed {
  delivery: typeof partnerDeliveries.$inferSelect;
  event: typeof partnerEvents.$inferSelect;
  callbackUrl: string | null;
  organisationId: string;
  key: { keyId: string; secretSealed: Buffer } | undefined;
}

/**
 * Claims the due callbacks in one short transaction: rows locked FOR UPDATE SKIP LOCKED and leased
 * (the next attempt moved past the call's timeout), so another process neither waits for them nor
 * sends them while this one does; the HTTP calls then run outside any transaction.
 */
async function claimDue(deps: Pick<AppDeps, 'db' | 'config'>, now: Date, limit: number): Promise<Claimed[]> {
  return deps.db.transaction(async (tx) => {
    const due = await tx
      .select({
        delivery: partnerDeliveries,
        event: partnerEvents,
        callbackUrl: partners.callbackUrl,
        organisationId: partners.organisationId,
      })
      .from(partnerDeliveries)
      .innerJoin(partnerEvents, eq(partnerEvents.seq, partnerDeliveries.eventSeq))
      .innerJoin(partners, eq(partners.id, partnerDeliveries.partnerId))
      .where(and(eq(partnerDeliveries.status, 'pending'), lte(partnerDeliveries.nextAttemptAt, now)))
      .orderBy(asc(partnerDeliveries.nextAttemptAt))
      .limit(limit)
      .for('update', { of: partnerDeliveries, skipLocked: true });
    if (due.length === 0) return [];
    await tx
      .update(partnerDeliveries)
      .set({ nextAttemptAt: new Date(now.getTime() + deps.config.partnerCallbackTimeoutMs + MINUTE) })
      .where(
        inArray(
          partnerDeliveries.id,
          due.map((d) => d.delivery.id),
        ),
      );
    const claimed: Claimed[] = [];
    for (const row of due)
      claimed.push({ ...row, key: await liveOutboundKey(tx, row.delivery.partnerId, now) });
    return claimed;
  });
}

/** One POST of one event: the HTTP status, or why there was none. */
async function send(
  deps: Pick<AppDeps, 'cipher' | 'config'>,
  claimed: Claimed,
  now: Date,
  post: CallbackPost,
): Promise<{ status: number | null; error: string | null }> {
  if (!claimed.callbackUrl) return { status: null, error: 'NO_CALLBACK_URL' };
  if (!claimed.key) return { status: null, error: 'NO_OUTBOUND_KEY' };
  const body = JSON.stringify(eventBody(claimed.event));
  const url = new URL(claimed.callbackUrl);
  const headers = signRequest({
    keyId: claimed.key.keyId,
    secret: deps.cipher.open(claimed.key.secretSealed),
    method: 'POST',
    pathWithQuery: `${url.pathname}${url.search}`,
    body,
    now,
  });
  try {
    const { status } = await post(claimed.callbackUrl, {
      headers: { ...headers, 'content-type': 'application/json' },
      body,
      timeoutMs: deps.config.partnerCallbackTimeoutMs,
    });
    return { status, error: status >= 200 && status <= 299 ? null : `HTTP_${status}` };
  } catch (thrown) {
    return { status: null, error: failureReason(thrown) };
  }
}

/**
 * Sends the callbacks that are due, at least once each. A 2xx answer marks one delivered; anything
 * else (or no answer) schedules the next attempt with back-off, and past the horizon
 * (FAYUAN_PARTNER_CALLBACK_HORIZON_HOURS) it is marked failed, the directors of the partner's
 * centre are told (the bell), and the partner's delivery log shows it, where a person can send it
 * again. The event id is in the body, so a partner that gets one twice (its answer lost on the
 * way back) can tell. Order per partner is not guaranteed; `cursor` orders the events.
 */
export async function dispatchPartnerCallbacks(
  deps: AppDeps,
  options: { post?: CallbackPost; limit?: number; random?: () => number } = {},
): Promise<{ delivered: number; retried: number; failed: number }> {
  const post = options.post ?? httpCallbackPost;
  const tally = { delivered: 0, retried: 0, failed: 0 };
  const now = deps.clock.now();
  for (const claimed of await claimDue(deps, now, options.limit ?? 50)) {
    const started = Date.now();
    const { status, error } = await send(deps, claimed, now, post);
    const { delivery } = claimed;
    const attempts = delivery.attempts + 1;
    const common = {
      attempts,
      lastAttemptAt: now,
      lastHttpStatus: status,
      lastError: error,
      latencyMs: Date.now() - started,
    };
    const mine = and(
      eq(partnerDeliveries.id, delivery.id),
      eq(partnerDeliveries.attempts, delivery.attempts),
    );
    if (!error) {
      tally.delivered += 1;
      await deps.db
        .update(partnerDeliveries)
        .set({ ...common, status: 'delivered', deliveredAt: now })
        .where(mine);
      continue;
    }
    const next = new Date(now.getTime() + nextAttemptDelayMs(attempts, options.random));
    const horizon = delivery.createdAt.getTime() + deps.config.partnerCallbackHorizonHours * 3_600_000;
    const giveUp = next.getTime() > horizon;
    await deps.db.transaction(async (tx) => {
      await tx
        .update(partnerDeliveries)
        .set({ ...common, status: giveUp ? 'failed' : 'pending', nextAttemptAt: giveUp ? now : next })
        .where(mine);
      if (giveUp)
        await notifyUsers(deps, tx, {
          kind: 'partner_callback_failed',
          userIds: await directorsOf(tx, claimed.organisationId),
          organisationId: claimed.organisationId,
          applicationId: claimed.event.applicationId,
          dueAt: now,
        });
    });
    if (giveUp) tally.failed += 1;
    else tally.retried += 1;
  }
  return tally;
}
