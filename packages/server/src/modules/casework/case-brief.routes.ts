import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { CASE_STATES, DOCUMENT_KINDS, PERIOD_KINDS } from '@fayuan/domain';
import { CASE_TYPES } from '../../db/schema/index.ts';
import type { AppDeps } from '../../platform/context.ts';
import { actorOf, originOf } from '../../platform/http/request-context.ts';
import { sendPdf } from '../../platform/http/files.ts';
import { applicationIdParams, childParams } from '../applications/applications.schemas.ts';
import { briefDocumentPdf, caseBrief } from './case-brief.ts';

const tags = ['casework'];

export const caseBriefSchema = z.object({
  id: z.string().uuid(),
  number: z.string(),
  state: z.enum(CASE_STATES),
  centre: z.string(),
  matter: z.string(),
  caseType: z.enum(CASE_TYPES),
  stage: z.string().nullable(),
  /** What the handler acts as (辩护人, 诉讼代理人), from the matter's rule data (list handler_role). */
  handlerRole: z.object({ zh: z.string(), en: z.string(), citation: z.string().nullable() }),
  client: z.object({
    name: z.string(),
    /** In full for the handler who accepted the case and for staff with person.unmask (audited). */
    phone: z.string().nullable(),
    phoneMasked: z.string().nullable(),
    categories: z.array(z.string()),
  }),
  opposingParty: z.string().nullable(),
  courtOrAuthority: z.string().nullable(),
  facts: z.string(),
  requestedHelp: z.string().nullable(),
  criminalNotice: z
    .object({
      institutionKind: z.string(),
      institutionName: z.string(),
      noticeNumber: z.string().nullable(),
      stage: z.string(),
      ground: z.string(),
      charges: z.array(z.string()),
      detained: z.boolean(),
      detentionPlace: z.string().nullable(),
    })
    .nullable(),
  assignment: z
    .object({
      id: z.string().uuid(),
      status: z.enum(['pending', 'accepted']),
      assignedAt: z.string(),
      respondBy: z.string(),
      acceptedAt: z.string().nullable(),
    })
    .nullable(),
  deadlines: z.array(
    z.object({
      period: z.enum(PERIOD_KINDS),
      status: z.enum(['running', 'paused']),
      startedAt: z.string(),
      dueAt: z.string(),
      /** Years counted on the statutory holidays for want of a notice: the due time is provisional. */
      provisionalYears: z.array(z.number().int()),
    }),
  ),
  documents: z.array(
    z.object({
      id: z.string().uuid(),
      kind: z.enum(DOCUMENT_KINDS),
      number: z.string(),
      issuedAt: z.string(),
    }),
  ),
});

/**
 * The case brief for the handler's page (parties, handling body, charges and custody, facts,
 * deadlines, their letters and decisions) and those documents as PDF. The handler reaches it
 * through their own pending or accepted assignment; centre staff through scope.
 */
export function caseBriefRoutes(deps: AppDeps) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();

    r.get(
      '/cases/:id/brief',
      {
        config: { access: 'signed-in' },
        schema: {
          tags,
          summary: 'The case brief for its handler: parties, deadlines, letters and decisions (audited read)',
          params: applicationIdParams,
          response: { 200: caseBriefSchema },
        },
      },
      (request) => caseBrief(deps, actorOf(request), request.params.id, originOf(request)),
    );

    r.get(
      '/cases/:id/documents/:childId/pdf',
      {
        config: { access: 'signed-in' },
        schema: {
          tags,
          summary: 'A letter or decision of the brief as PDF, for the case’s handler (audited)',
          params: childParams,
        },
      },
      async (request, reply) => {
        const pdf = await briefDocumentPdf(
          deps,
          actorOf(request),
          request.params.id,
          request.params.childId,
          originOf(request),
        );
        return sendPdf(reply, pdf);
      },
    );
  };
}
