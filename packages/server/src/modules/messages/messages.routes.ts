import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { and, count, desc, eq, type SQL } from 'drizzle-orm';
import { outboxMessages } from '../../db/schema/index.ts';
import type { AppDeps } from '../../platform/context.ts';
import { maskPhone } from '../../platform/crypto/field-cipher.ts';
import { actorOf } from '../../platform/http/request-context.ts';
import { isSecretTemplate } from '../../platform/outbox/templates.ts';
import { ownerInScope } from '../../platform/scope/data-scope.ts';

const tags = ['messages'];

const query = z.strictObject({
  status: z.enum(['pending', 'sent', 'delivered', 'simulated', 'failed']).optional(),
  channel: z.enum(['sms', 'email']).optional(),
  template: z.string().max(64).optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});

/** `z***@example.com`: the first letter and the domain. */
function maskEmail(address: string): string {
  const [local = '', domain = ''] = address.split('@');
  return `${local.slice(0, 1)}***@${domain}`;
}

/**
 * 消息: every message the outbox holds for the staff member's organisations — recipient masked,
 * kind, channel, status (a simulated message says so), attempts and the last error. The text of a
 * sign-in code is never shown (the outbox forgets it once sent, and this page would not show it
 * while pending either). Messages to a citizen before any case (a sign-in code) belong to no
 * organisation: only a city-wide reader sees those.
 */
export function messageRoutes(deps: AppDeps) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    r.get(
      '/messages',
      {
        config: { access: 'message.read' },
        schema: {
          tags,
          summary: 'Messages sent or waiting (SMS, e-mail): masked recipients, status, attempts, last error',
          querystring: query,
        },
      },
      async (request) => {
        const actor = actorOf(request);
        const q = request.query;
        const conditions: SQL[] = [];
        if (actor.scope.kind !== 'all')
          conditions.push(ownerInScope(actor.scope, outboxMessages.organisationId));
        if (q.status) conditions.push(eq(outboxMessages.status, q.status));
        if (q.channel) conditions.push(eq(outboxMessages.channel, q.channel));
        if (q.template) conditions.push(eq(outboxMessages.template, q.template));
        const where = conditions.length > 0 ? and(...conditions) : undefined;
        const [total] = await deps.db.select({ n: count() }).from(outboxMessages).where(where);
        const rows = await deps.db
          .select()
          .from(outboxMessages)
          .where(where)
          .orderBy(desc(outboxMessages.createdAt))
          .limit(q.pageSize)
          .offset((q.page - 1) * q.pageSize);
        return {
          total: total?.n ?? 0,
          items: rows.map((m) => {
            const recipient = m.recipientSealed ? deps.cipher.open(m.recipientSealed) : '';
            return {
              id: m.id,
              channel: m.channel,
              kind: m.template,
              recipient: m.channel === 'sms' ? maskPhone(recipient) : maskEmail(recipient),
              status: m.status,
              attempts: m.attempts,
              lastError: m.lastError,
              provider: m.provider,
              createdAt: m.createdAt.toISOString(),
              sentAt: m.sentAt?.toISOString() ?? null,
              reportedAt: m.reportedAt?.toISOString() ?? null,
              body: isSecretTemplate(m.template) ? null : m.body,
            };
          }),
        };
      },
    );
  };
}
