import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../platform/context.ts';
import { createIdempotently, IDEMPOTENCY_ERRORS } from '../../platform/http/idempotency.ts';
import { partnerOf } from '../partners/partner-actor.ts';
import { dutyRequestView, requestDutyLawyer } from './request-duty-lawyer.ts';
import { idParams as params, requestBody, requestViewSchema } from './duty.schemas.ts';

const tags = ['Partner API'];

/**
 * The organs' duty-lawyer requests under `/api/partner/v1` (operation `duty_lawyer_requests`): the
 * partner plugin has verified the signature before these run; `partnerOf(request).actor` is the
 * partner's service account, whose scope is the partner's organisation subtree.
 */
export function dutyPartnerRoutes(deps: AppDeps) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();

    r.post(
      '/duty-lawyer-requests',
      {
        config: {
          partnerOperation: 'duty_lawyer_requests',
          errors: ['DUTY_REQUEST_STATION_UNKNOWN', ...IDEMPOTENCY_ERRORS],
        },
        schema: {
          tags,
          summary:
            'Ask for a duty lawyer for a suspect; the lawyer on duty at the station (or its centre) is told',
          body: requestBody,
          response: { 201: requestViewSchema },
        },
      },
      (request, reply) =>
        createIdempotently(deps, request, reply, 201, (tx) => {
          const partner = partnerOf(request);
          const origin = { actor: partner.actor, ip: request.ip ?? null, requestId: request.id };
          return requestDutyLawyer(deps, tx, partner.actor, request.body, origin, partner.partnerId);
        }),
    );

    r.get(
      '/duty-lawyer-requests/:id',
      {
        config: { partnerOperation: 'duty_lawyer_requests' },
        schema: {
          tags,
          summary: 'A duty-lawyer request’s status (received, accepted, served) and the lawyer’s name',
          params,
          response: { 200: requestViewSchema },
        },
      },
      async (request) => dutyRequestView(deps.db, request.params.id, partnerOf(request).actor.userId),
    );
  };
}
