import { randomUUID } from 'node:crypto';
import { and, asc, eq, inArray, lte } from 'drizzle-orm';
import type { Locale } from '@fayuan/domain';
import type { Tx } from '../../db/client.ts';
import { outboxMessages } from '../../db/schema/index.ts';
import type { AppDeps } from '../context.ts';
import { type MessageAdapter, PermanentDeliveryError } from './adapters.ts';
import { hasTemplate, isSecretTemplate, renderMessage } from './templates.ts';

export const MAX_ATTEMPTS = 6;

export interface NewMessage {
  channel: 'sms' | 'email';
  recipient: string;
  template: string;
  params: Record<string, string | number>;
  locale?: Locale;
  organisationId?: string | null;
  entity?: { type: string; id: string };
}

/** Queues a message in the caller's transaction: it exists exactly when the change that caused it does. */
export async function enqueueMessage(
  tx: Tx,
  deps: Pick<AppDeps, 'cipher' | 'clock'>,
  message: NewMessage,
): Promise<string> {
  if (!hasTemplate(message.template)) throw new Error(`no message template ${message.template}`);
  const sealed = deps.cipher.seal(message.recipient);
  const id = randomUUID();
  const now = deps.clock.now();
  await tx.insert(outboxMessages).values({
    id,
    channel: message.channel,
    recipientSealed: sealed.sealed,
    recipientHash: sealed.hash,
    template: message.template,
    locale: message.locale ?? 'zh-CN',
    params: message.params,
    nextAttemptAt: now,
    organisationId: message.organisationId ?? null,
    entityType: message.entity?.type ?? null,
    entityId: message.entity?.id ?? null,
    createdAt: now,
  });
  return id;
}

/**
 * Sends what is due. Rows are claimed with FOR UPDATE SKIP LOCKED, so several processes can run
 * the dispatcher at once without sending a message twice. A failure is retried with exponential
 * back-off (1, 2, 4 … minutes) and marked failed after MAX_ATTEMPTS.
 */
export async function dispatchOutbox(
  deps: Pick<AppDeps, 'db' | 'cipher' | 'clock'>,
  adapters: Record<'sms' | 'email', MessageAdapter>,
  limit = 50,
): Promise<{ sent: number; failed: number; retried: number }> {
  const tally = { sent: 0, failed: 0, retried: 0 };
  await deps.db.transaction(async (tx) => {
    const now = deps.clock.now();
    const due = await tx
      .select()
      .from(outboxMessages)
      .where(and(eq(outboxMessages.status, 'pending'), lte(outboxMessages.nextAttemptAt, now)))
      .orderBy(asc(outboxMessages.nextAttemptAt))
      .limit(limit)
      .for('update', { skipLocked: true });
    for (const row of due) {
      const body = renderMessage(
        row.template,
        row.params as Record<string, string | number>,
        row.locale as Locale,
      );
      const recipient = row.recipientSealed ? deps.cipher.open(row.recipientSealed) : '';
      try {
        const result = await adapters[row.channel].send({
          id: row.id,
          channel: row.channel,
          recipient,
          body,
          template: row.template,
          params: row.params as Record<string, string | number>,
        });
        await tx
          .update(outboxMessages)
          .set({
            status: result.status,
            body,
            attempts: row.attempts + 1,
            provider: result.provider,
            providerMessageId: result.providerMessageId,
            sentAt: now,
            lastError: null,
            ...forgetSecret(row.template),
          })
          .where(eq(outboxMessages.id, row.id));
        tally.sent += 1;
      } catch (error) {
        const attempts = row.attempts + 1;
        const giveUp = attempts >= MAX_ATTEMPTS || error instanceof PermanentDeliveryError;
        await tx
          .update(outboxMessages)
          .set({
            status: giveUp ? 'failed' : 'pending',
            body,
            attempts,
            lastError: error instanceof Error ? error.message.slice(0, 500) : 'unknown error',
            nextAttemptAt: new Date(now.getTime() + 2 ** (attempts - 1) * 60_000),
            ...(giveUp ? forgetSecret(row.template) : {}),
          })
          .where(eq(outboxMessages.id, row.id));
        if (giveUp) tally.failed += 1;
        else tally.retried += 1;
      }
    }
  });
  return tally;
}

/**
 * Applies a carrier's delivery reports: a `sent` message becomes `delivered` or `failed` (with the
 * carrier's words as its last error), stamped with the report's time. A report for a message
 * already reported, or for none of ours, changes nothing, so reports may safely come twice.
 */
export async function applyDeliveryReports(
  deps: Pick<AppDeps, 'db'>,
  adapter: MessageAdapter,
): Promise<{ delivered: number; failed: number; unmatched: number }> {
  const tally = { delivered: 0, failed: 0, unmatched: 0 };
  if (!adapter.pullReports || !adapter.provider) return tally;
  const reports = await adapter.pullReports();
  for (const report of reports) {
    const updated = await deps.db
      .update(outboxMessages)
      .set({
        status: report.delivered ? 'delivered' : 'failed',
        reportedAt: report.at,
        ...(report.delivered ? {} : { lastError: report.description ?? 'the carrier reported a failure' }),
      })
      .where(
        and(
          eq(outboxMessages.provider, adapter.provider),
          eq(outboxMessages.providerMessageId, report.providerMessageId),
          eq(outboxMessages.status, 'sent'),
        ),
      )
      .returning({ id: outboxMessages.id });
    if (updated.length === 0) tally.unmatched += 1;
    else if (report.delivered) tally.delivered += 1;
    else tally.failed += 1;
  }
  return tally;
}

/** A sign-in code is kept only until it is sent (or given up): nobody reads it from the outbox later. */
function forgetSecret(template: string) {
  return isSecretTemplate(template) ? { body: null, params: {} } : {};
}

/** Messages about one record, newest last, for the case file's communication log. */
export function messagesFor(deps: Pick<AppDeps, 'db'>, entityType: string, entityIds: string[]) {
  return deps.db
    .select()
    .from(outboxMessages)
    .where(and(eq(outboxMessages.entityType, entityType), inArray(outboxMessages.entityId, entityIds)))
    .orderBy(asc(outboxMessages.createdAt));
}
