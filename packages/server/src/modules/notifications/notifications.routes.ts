import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { and, eq, isNull } from 'drizzle-orm';
import { handlers, staffAlerts, users } from '../../db/schema/index.ts';
import type { AppDeps } from '../../platform/context.ts';
import { actorOf, originOf } from '../../platform/http/request-context.ts';
import { recordAudit } from '../../platform/audit/audit-log.ts';

const tags = ['work'];
const settingsSchema = z.object({
  /** The bell's notices go by SMS too (to the user's phone, or their handler record's). */
  sms: z.boolean(),
  /** Whether a phone is on file to send them to (the number itself is never answered). */
  phoneOnFile: z.boolean(),
});

/**
 * The bell (ADR 0016): the caller's notices are their staff_alerts (listed and marked read one by
 * one in office.routes.ts); here all of them are marked read at once, and the caller sets whether
 * the same notices reach them by SMS.
 */
export function notificationRoutes(deps: AppDeps) {
  const settingsOf = async (userId: string) => {
    const [row] = await deps.db
      .select({ sms: users.smsNotifications, phone: users.phoneSealed, handlerPhone: handlers.phoneSealed })
      .from(users)
      .leftJoin(handlers, eq(handlers.userId, users.id))
      .where(eq(users.id, userId));
    return { sms: row?.sms ?? false, phoneOnFile: Boolean(row?.phone ?? row?.handlerPhone) };
  };

  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();

    r.post(
      '/alerts/read-all',
      {
        config: { access: 'signed-in' },
        schema: {
          tags,
          summary: 'Mark all of the caller’s unread notices read',
          response: { 200: z.object({ marked: z.number().int() }) },
        },
      },
      async (request) => {
        const marked = await deps.db
          .update(staffAlerts)
          .set({ readAt: deps.clock.now() })
          .where(and(eq(staffAlerts.userId, actorOf(request).userId), isNull(staffAlerts.readAt)))
          .returning({ id: staffAlerts.id });
        return { marked: marked.length };
      },
    );

    r.get(
      '/me/notification-settings',
      {
        config: { access: 'signed-in' },
        schema: {
          tags,
          summary: 'Whether the caller gets their notices by SMS too',
          response: { 200: settingsSchema },
        },
      },
      async (request) => settingsOf(actorOf(request).userId),
    );

    r.put(
      '/me/notification-settings',
      {
        config: { access: 'signed-in' },
        schema: {
          tags,
          summary: 'The caller chooses whether their notices go by SMS too (audited)',
          body: z.strictObject({ sms: z.boolean() }),
          response: { 200: settingsSchema },
        },
      },
      async (request) => {
        const actor = actorOf(request);
        const now = deps.clock.now();
        await deps.db.transaction(async (tx) => {
          const [before] = await tx
            .select({ sms: users.smsNotifications })
            .from(users)
            .where(eq(users.id, actor.userId))
            .for('update');
          await tx
            .update(users)
            .set({ smsNotifications: request.body.sms, updatedAt: now })
            .where(eq(users.id, actor.userId));
          await recordAudit(tx, { cipher: deps.cipher, at: now }, originOf(request), {
            action: 'user.notification_settings',
            entityType: 'users',
            entityId: actor.userId,
            changes: { smsNotifications: { before: before?.sms ?? false, after: request.body.sms } },
          });
        });
        return settingsOf(actor.userId);
      },
    );
  };
}
