import type { FastifyInstance, FastifyRequest } from 'fastify';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { sendError } from '../../platform/http/error-handler.ts';
import { partnerRequestLog } from '../../db/schema/index.ts';
import { PARTNER_ROUTE_PLUGINS } from './partner-operations.ts';
import { partnerOpenApiOptions } from './partner-openapi.ts';
import { verifyPartnerRequest } from './verify-partner-request.ts';
import './partner-actor.ts';

export const PARTNER_API_PREFIX = '/api/partner/v1';

export interface PartnerApiOptions {
  /** Test-only routes added to the door (e.g. one requiring an operation a partner lacks). */
  extraRoutes?: Array<(deps: AppDeps) => FastifyPluginAsyncZod> | undefined;
  /** 'skip-for-benchmark' takes the partner from X-Fayuan-Key alone: the benchmark baseline only. */
  signatures?: 'verify' | 'skip-for-benchmark' | undefined;
}

interface DoorState {
  startedAt: bigint;
  rawBody: Buffer | undefined;
  bodyInvalid: boolean;
  partnerId: string | null;
  errorCode: string | null;
}

declare module 'fastify' {
  interface FastifyRequest {
    partnerDoor: DoorState | null;
  }
}

/**
 * The partner door (architecture.md, "Doors for people outside the centre"): its own encapsulated
 * plugin at `/api/partner/v1` with its own OpenAPI document at `/api/partner/docs`. No cookie and
 * no CSRF: every request is signed (ADR 0021). The check runs before any route, with the raw body
 * kept for the digest; every request, accepted or refused, leaves one row in
 * `partner_request_log`, written after the answer and outside the request's transaction.
 */
export async function registerPartnerApi(
  app: FastifyInstance,
  deps: AppDeps,
  options: PartnerApiOptions = {},
) {
  app.decorateRequest('partner', null);
  app.decorateRequest('partnerDoor', null);
  const skip = options.signatures === 'skip-for-benchmark';
  await app.register(async (door) => {
    await door.register(fastifySwagger, partnerOpenApiOptions());
    await door.register(fastifySwaggerUi, {
      routePrefix: '/api/partner/docs',
      uiConfig: { docExpansion: 'list' },
    });
    await door.register(
      async (api) => {
        // The digest is over the exact bytes sent: keep them, and parse the JSON here.
        api.removeAllContentTypeParsers();
        api.addContentTypeParser(
          ['application/json', 'application/*+json'],
          { parseAs: 'buffer' },
          (request: FastifyRequest, body: Buffer, done) => {
            request.partnerDoor!.rawBody = body;
            if (body.length === 0) return done(null, undefined);
            try {
              done(null, JSON.parse(body.toString('utf8')));
            } catch {
              request.partnerDoor!.bodyInvalid = true;
              done(null, undefined);
            }
          },
        );

        api.addHook('onRequest', async (request) => {
          request.partnerDoor = {
            startedAt: process.hrtime.bigint(),
            rawBody: undefined,
            bodyInvalid: false,
            partnerId: null,
            errorCode: null,
          };
        });

        // After the body is read, before it is validated: a refused request never reaches a route.
        api.addHook('preValidation', async (request, reply) => {
          const verdict = await verifyPartnerRequest(
            deps,
            {
              method: request.method,
              url: request.url,
              headers: request.headers,
              rawBody: request.partnerDoor!.rawBody,
              // An unknown path is checked like any route, then answered 404: an unsigned probe
              // learns nothing about which paths exist.
              operation: request.is404 ? 'any' : request.routeOptions.config.partnerOperation,
            },
            skip,
          );
          if (!verdict.ok) {
            request.partnerDoor!.partnerId = verdict.partnerId;
            if (verdict.retryAfter !== undefined) reply.header('retry-after', String(verdict.retryAfter));
            return sendError(request, reply, verdict.code, verdict.status, verdict.details);
          }
          request.partner = verdict.partner;
          // The service account as the request's actor: originOf() (audit rows) and
          // createIdempotently() (keys per principal) then name the partner, as on the staff API.
          request.actor = verdict.partner.actor;
          request.partnerDoor!.partnerId = verdict.partner.partnerId;
          if (request.partnerDoor!.bodyInvalid) throw new AppError('INVALID_JSON');
        });

        // The error code of a refused or failed request, for the log (only error answers are read).
        api.addHook('onSend', async (request, reply, payload) => {
          if (reply.statusCode >= 400 && typeof payload === 'string' && request.partnerDoor) {
            try {
              request.partnerDoor.errorCode =
                (JSON.parse(payload) as { error?: { code?: string } }).error?.code ?? null;
            } catch {
              request.partnerDoor.errorCode = null;
            }
          }
          return payload;
        });

        api.addHook('onResponse', async (request, reply) => {
          const state = request.partnerDoor;
          if (!state) return;
          const latencyMs = Number((process.hrtime.bigint() - state.startedAt) / 1_000_000n);
          const keyId = request.headers['x-fayuan-key'];
          try {
            await deps.db.insert(partnerRequestLog).values({
              at: deps.clock.now(),
              partnerId: state.partnerId,
              keyId: typeof keyId === 'string' ? keyId.slice(0, 80) : null,
              method: request.method,
              path: request.url.split('?')[0]!.slice(0, 500),
              operation: request.routeOptions.config.partnerOperation ?? null,
              status: reply.statusCode,
              latencyMs,
              errorCode: state.errorCode,
              requestId: request.id,
            });
          } catch (error) {
            request.log.error({ err: error }, 'partner request log write failed');
          }
        });

        api.setNotFoundHandler((request, reply) => sendError(request, reply, 'ROUTE_NOT_FOUND', 404));

        for (const plugin of [...PARTNER_ROUTE_PLUGINS, ...(options.extraRoutes ?? [])])
          await api.register(plugin(deps));
      },
      { prefix: PARTNER_API_PREFIX },
    );
  });
}
