import { randomUUID } from 'node:crypto';
import Fastify, { type FastifyInstance } from 'fastify';
import fastifyCookie from '@fastify/cookie';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { DestinationStream } from 'pino';
import type { AppDeps } from './platform/context.ts';
import { loggerOptions } from './platform/http/logger.ts';
import { registerErrorHandling, sendError } from './platform/http/error-handler.ts';
import { registerRequestContext } from './platform/http/request-context.ts';
import { registerTextGuard } from './platform/http/text-guard.ts';
import { registerObservability } from './platform/http/observability.ts';
import { registerWebApp } from './platform/http/web-app.ts';
import { openApiOptions } from './platform/http/openapi.ts';
import { registerSecurityHeaders } from './platform/http/security-headers.ts';
import { authRoutes } from './modules/auth/auth.routes.ts';
import { organisationRoutes } from './modules/organisations/organisations.routes.ts';
import { userRoutes } from './modules/users/users.routes.ts';
import { auditRoutes } from './modules/audit/audit.routes.ts';
import { ruleRoutes } from './modules/rules/rules.routes.ts';
import { eligibilityRoutes } from './modules/eligibility/eligibility.routes.ts';
import { personRoutes } from './modules/people/people.routes.ts';
import { consultationRoutes } from './modules/consultations/consultations.routes.ts';
import { applicationRoutes } from './modules/applications/applications.routes.ts';
import { inboxRoutes } from './modules/criminal/inbox.routes.ts';
import { officeRoutes } from './modules/applications/office.routes.ts';
import { assignmentRoutes } from './modules/assignment/assignment.routes.ts';
import { caseBriefRoutes } from './modules/casework/case-brief.routes.ts';
import { caseworkRoutes } from './modules/casework/casework.routes.ts';
import { hearingCalendarRoutes } from './modules/casework/hearing-calendar.routes.ts';
import { notificationRoutes } from './modules/notifications/notifications.routes.ts';
import { workQueueRoutes } from './modules/work-queues/work-queues.routes.ts';
import { qualityRoutes } from './modules/quality/quality.routes.ts';
import { complaintRoutes } from './modules/quality/complaints/complaints.routes.ts';
import { visitRoutes } from './modules/quality/visits/visits.routes.ts';
import { samplingRoutes } from './modules/quality/inspections/sampling.routes.ts';
import { inspectionRoutes } from './modules/quality/inspections/inspections.routes.ts';
import { centreKpiRoutes } from './modules/quality/centre-kpis.routes.ts';
import { hearingObservationRoutes } from './modules/quality/hearings/hearing-observations.routes.ts';
import { organOpinionRoutes } from './modules/quality/opinions/organ-opinions.routes.ts';
import { feeWaiverRoutes } from './modules/fee-waivers/fee-waivers.routes.ts';
import { fundingRoutes } from './modules/funding/funding.routes.ts';
import { subsidyRoutes } from './modules/subsidies/subsidies.routes.ts';
import { subsidyBatchRoutes } from './modules/subsidies/subsidy-batches.routes.ts';
import { knowledgeRoutes } from './modules/knowledge/knowledge.routes.ts';
import { exportRoutes } from './modules/exports/exports.routes.ts';
import { handlerRoutes } from './modules/handlers/handlers.routes.ts';
import { teamRoutes } from './modules/handlers/teams.routes.ts';
import { lawFirmRoutes } from './modules/handlers/law-firms.routes.ts';
import { searchRoutes } from './modules/search/search.routes.ts';
import { dutyRoutes } from './modules/duty/duty.routes.ts';
import { partnerRoutes } from './modules/partners/partners.routes.ts';
import { registerPartnerApi } from './modules/partners/partner-api.ts';
import { registerPublicApi } from './modules/portal/public-api.ts';
import { staffEngageRoutes } from './modules/portal/engage/staff-engage.routes.ts';
import { messageRoutes } from './modules/messages/messages.routes.ts';
import { partnerDeliveryRoutes } from './modules/partner-events/deliveries.routes.ts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import fastifyRateLimit from '@fastify/rate-limit';
import { postgresRateLimitStore } from './platform/rate-limit/rate-limit-windows.ts';

export interface BuildOptions {
  /** Serve the built web app from this folder (omitted in API-only tests). */
  webDist?: string;
  logger?: boolean;
  /** Where the JSON log lines go instead of stdout (a test reads the log from it). */
  logStream?: DestinationStream;
  /** More partner routes on the partner door (tests: e.g. one requiring an operation a partner lacks). */
  extraPartnerRoutes?: Array<(deps: AppDeps) => FastifyPluginAsyncZod>;
  /**
   * 'skip-for-benchmark' takes the partner from X-Fayuan-Key alone, without timestamp, nonce or
   * signature checks: the benchmark's baseline only. Never set from config or the environment.
   */
  partnerSignatures?: 'verify' | 'skip-for-benchmark';
  /** More routes on the citizens' door (tests and the portal benchmark's bare route). */
  extraPublicRoutes?: Array<(deps: AppDeps) => FastifyPluginAsyncZod>;
}

const REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/;

/** Builds the HTTP application from its dependencies; no globals, so tests build as many as they like. */
export async function buildApp(deps: AppDeps, options: BuildOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger === false ? false : loggerOptions(deps.config.logLevel, options.logStream),
    bodyLimit: 1024 * 1024,
    trustProxy: deps.config.trustProxy,
    requestIdHeader: false,
    genReqId: (request) => {
      const given = request.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    },
    routerOptions: { ignoreTrailingSlash: true },
    // Errors Fastify raises before routing (a URL that is not valid percent-encoded UTF-8, a path
    // parameter over the length limit) get the envelope and a stable code, not Fastify's own body.
    frameworkErrors: (error, request, reply) => {
      const code = error.code === 'FST_ERR_BAD_URL' ? 'VALIDATION_BAD_TEXT' : 'VALIDATION_FAILED';
      return sendError(request, reply, code, 400);
    },
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandling(app);

  registerSecurityHeaders(app);

  await app.register(fastifyCookie);
  // Limits apply only to routes that declare `config.rateLimit` (the public endpoints); the
  // counts live in PostgreSQL so a limit holds across every process behind the load balancer.
  await app.register(fastifyRateLimit, {
    global: false,
    store: postgresRateLimitStore(deps.db, deps.clock),
  });
  await app.register(fastifySwagger, openApiOptions());
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs', uiConfig: { docExpansion: 'list' } });

  // Before the request context: bad text never reaches the session lookup, the login or a handler.
  registerTextGuard(app);
  registerRequestContext(app, deps);
  registerObservability(app, deps);

  await app.register(
    async (api) => {
      await api.register(authRoutes(deps));
      await api.register(organisationRoutes(deps));
      await api.register(userRoutes(deps));
      await api.register(auditRoutes(deps));
      await api.register(ruleRoutes(deps));
      await api.register(eligibilityRoutes(deps));
      await api.register(personRoutes(deps));
      await api.register(consultationRoutes(deps));
      await api.register(applicationRoutes(deps));
      await api.register(inboxRoutes(deps));
      await api.register(officeRoutes(deps));
      await api.register(assignmentRoutes(deps));
      await api.register(caseworkRoutes(deps));
      await api.register(qualityRoutes(deps));
      await api.register(complaintRoutes(deps));
      await api.register(visitRoutes(deps));
      await api.register(samplingRoutes(deps));
      await api.register(inspectionRoutes(deps));
      await api.register(centreKpiRoutes(deps));
      await api.register(hearingObservationRoutes(deps));
      await api.register(organOpinionRoutes(deps));
      await api.register(subsidyRoutes(deps));
      await api.register(subsidyBatchRoutes(deps));
      await api.register(feeWaiverRoutes(deps));
      await api.register(fundingRoutes(deps));
      await api.register(caseBriefRoutes(deps));
      await api.register(knowledgeRoutes(deps));
      await api.register(handlerRoutes(deps));
      await api.register(teamRoutes(deps));
      await api.register(lawFirmRoutes(deps));
      await api.register(exportRoutes(deps));
      await api.register(workQueueRoutes(deps));
      await api.register(notificationRoutes(deps));
      await api.register(hearingCalendarRoutes(deps));
      await api.register(searchRoutes(deps));
      await api.register(dutyRoutes(deps));
      await api.register(partnerRoutes(deps));
      await api.register(partnerDeliveryRoutes(deps));
      await api.register(staffEngageRoutes(deps));
      await api.register(messageRoutes(deps));
    },
    { prefix: '/api/v1' },
  );
  await registerPartnerApi(app, deps, {
    extraRoutes: options.extraPartnerRoutes,
    signatures: options.partnerSignatures,
  });
  await registerPublicApi(app, deps, { extraRoutes: options.extraPublicRoutes });

  await registerWebApp(app, options.webDist);
  return app;
}
