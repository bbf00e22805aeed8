import { createHash } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Db, Tx } from '../../db/client.ts';
import type { Clock } from '../context.ts';
import { idempotencyKeys } from '../../db/schema/index.ts';
import { AppError } from '../errors.ts';

export const KEY_PATTERN = /^[\x21-\x7e]{1,200}$/;

/** What a route that runs `createIdempotently` adds to `config.errors` (the document then lists the header). */
export const IDEMPOTENCY_ERRORS = ['IDEMPOTENCY_KEY_INVALID', 'IDEMPOTENCY_KEY_REUSED'] as const;

/**
 * Runs a creating use case in one transaction, honouring `Idempotency-Key`. The key row is
 * inserted first in the same transaction: a concurrent retry waits on it and then replays the
 * stored response; a failed attempt rolls the key back with everything else, so it can be retried.
 */
export async function createIdempotently<T>(
  { db, clock }: { db: Db; clock: Clock },
  request: FastifyRequest,
  reply: FastifyReply,
  status: number,
  work: (tx: Tx) => Promise<T>,
): Promise<T> {
  const raw = request.headers['idempotency-key'];
  const key = Array.isArray(raw) ? raw[0] : raw;
  if (key === undefined) {
    const result = await db.transaction(work);
    reply.code(status);
    return result;
  }
  if (!KEY_PATTERN.test(key)) throw new AppError('IDEMPOTENCY_KEY_INVALID');
  // Keys are per principal: a staff user or partner account, a signed-in citizen, else the address.
  const citizen = (request as { citizen?: { citizenId: string } | null }).citizen;
  const principal = request.actor
    ? `user:${request.actor.userId}`
    : citizen
      ? `citizen:${citizen.citizenId}`
      : `ip:${request.ip}`;
  const route = `${request.method} ${request.routeOptions.url ?? request.url}`;
  const requestHash = createHash('sha256')
    .update(route)
    .update('\0')
    .update(JSON.stringify(request.params ?? {}))
    .update('\0')
    .update(JSON.stringify(request.body ?? null))
    .digest('hex');

  const outcome = await db.transaction(async (tx) => {
    const inserted = await tx
      .insert(idempotencyKeys)
      .values({ principal, key, route, requestHash, createdAt: clock.now() })
      .onConflictDoNothing()
      .returning({ key: idempotencyKeys.key });
    if (inserted.length === 0) {
      const [stored] = await tx
        .select()
        .from(idempotencyKeys)
        .where(and(eq(idempotencyKeys.principal, principal), eq(idempotencyKeys.key, key)));
      if (!stored || stored.requestHash !== requestHash || stored.statusCode === null)
        throw new AppError('IDEMPOTENCY_KEY_REUSED');
      return { replayed: true as const, status: stored.statusCode, body: stored.response as T };
    }
    const body = await work(tx);
    await tx
      .update(idempotencyKeys)
      .set({ statusCode: status, response: body as object })
      .where(and(eq(idempotencyKeys.principal, principal), eq(idempotencyKeys.key, key)));
    return { replayed: false as const, status, body };
  });
  reply.code(outcome.status);
  if (outcome.replayed) reply.header('idempotency-replayed', 'true');
  return outcome.body;
}
