import { index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { createdAt, sealedColumns } from './columns.ts';

/**
 * Transactional outbox: a message to an applicant, handler or partner is written in the same
 * transaction as the change that causes it, then delivered by the dispatcher through an adapter
 * (SMS, e-mail; a simulator by default). Delivery status and attempts stay on the row.
 */
export const outboxMessages = pgTable(
  'outbox_messages',
  {
    id: uuid('id').primaryKey(),
    channel: text('channel', { enum: ['sms', 'email'] }).notNull(),
    ...sealedColumns('recipient'),
    template: text('template').notNull(),
    locale: text('locale').notNull().default('zh-CN'),
    params: jsonb('params').notNull(),
    /** The text as sent (or as the simulator would have sent it). */
    body: text('body'),
    status: text('status', { enum: ['pending', 'sent', 'delivered', 'simulated', 'failed'] })
      .notNull()
      .default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull(),
    lastError: text('last_error'),
    provider: text('provider'),
    providerMessageId: text('provider_message_id'),
    organisationId: uuid('organisation_id'),
    entityType: text('entity_type'),
    entityId: text('entity_id'),
    createdAt: createdAt(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    /** When the carrier's delivery report came (the handset received it, or the carrier gave up). */
    reportedAt: timestamp('reported_at', { withTimezone: true }),
  },
  (t) => [
    index('outbox_due_idx').on(t.status, t.nextAttemptAt),
    index('outbox_entity_idx').on(t.entityType, t.entityId),
    index('outbox_provider_message_idx').on(t.provider, t.providerMessageId),
  ],
);
