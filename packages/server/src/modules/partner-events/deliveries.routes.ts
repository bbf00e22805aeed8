import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { and, eq } from 'drizzle-orm';
import { partnerDeliveries } from '../../db/schema/index.ts';
import type { AppDeps } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { actorOf, originOf } from '../../platform/http/request-context.ts';
import { auditRead } from '../../platform/audit/audit-read.ts';
import { recordAudit } from '../../platform/audit/audit-log.ts';
import { findPartner } from '../partners/partners.repository.ts';
import { partnerIdParams } from '../partners/partners.schemas.ts';
import { deliveriesOf } from './partner-events.repository.ts';
import { deliveriesPage, deliveriesQuery, deliveryParams, deliverySchema } from './partner-events.schemas.ts';

const tags = ['partners'];

/** The partner's callback delivery log (回调投递记录) and sending a failed callback again. */
export function partnerDeliveryRoutes(deps: AppDeps) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    r.get(
      '/partners/:id/deliveries',
      {
        config: { access: 'partner.manage' },
        schema: {
          tags,
          summary: 'The callbacks sent to the partner, newest first: attempts, answer, latency, next attempt',
          params: partnerIdParams,
          querystring: deliveriesQuery,
          response: { 200: deliveriesPage },
        },
      },
      async (request) => {
        const partner = await findPartner(deps.db, actorOf(request).scope, request.params.id);
        if (!partner) throw new AppError('NOT_FOUND');
        const page = await deliveriesOf(deps.db, partner.id, request.query);
        await auditRead(deps, originOf(request), 'partner_deliveries', partner.id);
        return page;
      },
    );

    r.post(
      '/partners/:id/deliveries/:deliveryId/retry',
      {
        config: { access: 'partner.manage', errors: ['PARTNER_DELIVERY_NOT_FAILED'] },
        schema: {
          tags,
          summary: 'Send a failed callback again (it goes back to pending, due now; audited)',
          params: deliveryParams,
          response: { 200: deliverySchema },
        },
      },
      async (request) => {
        const partner = await findPartner(deps.db, actorOf(request).scope, request.params.id);
        if (!partner) throw new AppError('NOT_FOUND');
        const now = deps.clock.now();
        await deps.db.transaction(async (tx) => {
          const [row] = await tx
            .select({ status: partnerDeliveries.status })
            .from(partnerDeliveries)
            .where(
              and(
                eq(partnerDeliveries.id, request.params.deliveryId),
                eq(partnerDeliveries.partnerId, partner.id),
              ),
            )
            .for('update');
          if (!row) throw new AppError('NOT_FOUND');
          if (row.status !== 'failed') throw new AppError('PARTNER_DELIVERY_NOT_FAILED');
          await tx
            .update(partnerDeliveries)
            .set({ status: 'pending', nextAttemptAt: now, createdAt: now })
            .where(eq(partnerDeliveries.id, request.params.deliveryId));
          await recordAudit(tx, { cipher: deps.cipher, at: now }, originOf(request), {
            action: 'partner_delivery.retry',
            entityType: 'partner_deliveries',
            entityId: request.params.deliveryId,
            changes: { status: { before: 'failed', after: 'pending' } },
          });
        });
        const page = await deliveriesOf(deps.db, partner.id, { page: 1, pageSize: 100 });
        const item = page.items.find((d) => d.id === request.params.deliveryId);
        return item!;
      },
    );
  };
}
