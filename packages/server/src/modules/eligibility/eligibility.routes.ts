import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../platform/context.ts';
import { localeFromHeader } from '../../platform/locale.ts';
import {
  assessmentBody,
  assessmentResponse,
  centresResponse,
  deadlineBody,
  deadlineResponse,
} from './eligibility.schemas.ts';
import { listCentres } from './list-centres.ts';
import { assessApplication } from './assess-eligibility.ts';
import { computeDeadline } from './compute-deadline.ts';

const tags = ['eligibility'];
/** Public endpoints (portal, partner systems): no login, limited per client address. */
const publicLimit = { max: 60, timeWindow: '1 minute' };

export function eligibilityRoutes(deps: AppDeps) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();

    r.post(
      '/eligibility/assessments',
      {
        config: {
          access: 'public',
          rateLimit: publicLimit,
          errors: ['JURISDICTION_UNKNOWN', 'FACT_UNKNOWN'],
        },
        schema: {
          tags,
          summary: 'Assess scope and economic hardship for a legal aid application (public)',
          body: assessmentBody,
          response: { 200: assessmentResponse },
        },
      },
      (request) =>
        assessApplication(deps, request.body, localeFromHeader(request.headers['accept-language'])),
    );

    r.get(
      '/eligibility/centres',
      {
        config: { access: 'public', rateLimit: publicLimit },
        schema: {
          tags,
          summary: 'The legal aid centres with their public address, phone and office hours (public)',
          response: { 200: centresResponse },
        },
      },
      () => listCentres(deps),
    );

    r.post(
      '/deadlines',
      {
        config: { access: 'public', rateLimit: publicLimit },
        schema: {
          tags,
          summary:
            'When a statutory or custom period ends (民法典 art.201–203), on the official calendar (public)',
          body: deadlineBody,
          response: { 200: deadlineResponse },
        },
      },
      (request) => computeDeadline(deps, request.body, localeFromHeader(request.headers['accept-language'])),
    );
  };
}
