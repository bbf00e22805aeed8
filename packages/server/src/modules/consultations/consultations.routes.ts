import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { normalisePhone } from '@fayuan/domain';
import type { AppDeps } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { actorOf, originOf } from '../../platform/http/request-context.ts';
import { createIdempotently, IDEMPOTENCY_ERRORS } from '../../platform/http/idempotency.ts';
import { auditListRead, auditRead } from '../../platform/audit/audit-read.ts';
import { idParams } from '../organisations/organisations.schemas.ts';
import {
  consultationDetailSchema,
  consultationListQuery,
  consultationPage,
  consultationSchema,
  colleaguesSchema,
  createConsultationBody,
  handoverBody,
  statsQuery,
  statsSchema,
  updateConsultationBody,
} from './consultations.schemas.ts';
import {
  findConsultation,
  listColleagues,
  listConsultations,
  listHandovers,
  presentConsultation,
} from './consultations.repository.ts';
import { createConsultation } from './create-consultation.ts';
import { updateConsultation } from './update-consultation.ts';
import { registerCaller } from './register-caller.ts';
import { handOverConsultation } from './hand-over-consultation.ts';
import { consultationStats } from './consultation-stats.ts';

const tags = ['consultations'];

export function consultationRoutes(deps: AppDeps) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();

    r.get(
      '/consultations',
      {
        config: { access: 'consultation.read' },
        schema: {
          tags,
          summary: 'Consultations in scope (filters, caller lookup by phone, text search in the question)',
          querystring: consultationListQuery,
          response: { 200: consultationPage },
        },
      },
      async (request) => {
        const actor = actorOf(request);
        const { mine, callerPhone, ...query } = request.query;
        let callerPhoneHash: Buffer | undefined;
        if (callerPhone !== undefined) {
          const check = normalisePhone(callerPhone);
          if (!check.ok) throw new AppError('PHONE_INVALID', { field: 'callerPhone' });
          callerPhoneHash = deps.cipher.lookupHash(check.phone);
        }
        const { rows, total } = await listConsultations(deps.db, actor.scope, {
          ...query,
          ...(mine ? { ownerUserId: actor.userId } : {}),
          ...(callerPhoneHash ? { callerPhoneHash } : {}),
        });
        const page = { page: query.page, pageSize: query.pageSize, total };
        const items = rows.map((row) => presentConsultation(row, deps.cipher));
        await auditListRead(
          deps,
          originOf(request),
          'consultations',
          items.map((item) => item.id),
          page,
        );
        return { items, ...page };
      },
    );

    r.get(
      '/consultations/stats',
      {
        config: { access: 'consultation.read' },
        schema: {
          tags,
          summary: 'Counts by channel and outcome in scope over Beijing dates from–to (inclusive)',
          querystring: statsQuery,
          response: { 200: statsSchema },
        },
      },
      (request) => consultationStats(deps.db, actorOf(request).scope, request.query),
    );

    r.get(
      '/consultations/colleagues',
      {
        config: { access: 'consultation.read' },
        schema: {
          tags,
          summary: 'Active colleagues in scope who may own consultations (hand-over targets, staff filter)',
          response: { 200: colleaguesSchema },
        },
      },
      async (request) => ({ items: await listColleagues(deps.db, actorOf(request).scope) }),
    );

    r.get(
      '/consultations/:id',
      {
        config: { access: 'consultation.read' },
        schema: {
          tags,
          summary: 'One consultation with its hand-overs (audited read when it holds personal data)',
          params: idParams,
          response: { 200: consultationDetailSchema },
        },
      },
      async (request) => {
        const row = await findConsultation(deps.db, actorOf(request).scope, request.params.id);
        if (!row) throw new AppError('NOT_FOUND');
        const c = row.consultation;
        if (c.personId !== null || c.callerPhoneSealed !== null || c.callerName !== null)
          await auditRead(deps, originOf(request), 'consultations', c.id);
        return {
          ...presentConsultation(row, deps.cipher),
          handovers: await listHandovers(deps.db, c.id),
        };
      },
    );

    r.post(
      '/consultations',
      {
        config: { access: 'consultation.manage', errors: IDEMPOTENCY_ERRORS },
        schema: {
          tags,
          summary: 'Record a consultation; the recorder becomes its first-inquiry owner (首问负责人)',
          body: createConsultationBody,
          response: { 201: consultationSchema },
        },
      },
      (request, reply) =>
        createIdempotently(deps, request, reply, 201, (tx) =>
          createConsultation(deps, tx, actorOf(request), request.body, originOf(request)),
        ),
    );

    r.post(
      '/consultations/:id/caller-person',
      {
        config: { access: 'person.manage', errors: ['CONSULTATION_CALLER_UNNAMED'] },
        schema: {
          tags,
          summary:
            'The caller as a person, to convert the consultation into an application: the linked one, the one in scope with the same name and phone, or a new one from them (audited)',
          params: idParams,
          response: { 200: z.object({ personId: z.string().uuid(), created: z.boolean() }) },
        },
      },
      (request) =>
        deps.db.transaction((tx) =>
          registerCaller(deps, tx, actorOf(request), request.params.id, originOf(request)),
        ),
    );

    r.patch(
      '/consultations/:id',
      {
        config: { access: 'consultation.manage' },
        schema: {
          tags,
          summary: 'Record the answer, outcome and follow-up (audited)',
          params: idParams,
          body: updateConsultationBody,
          response: { 200: consultationSchema },
        },
      },
      (request) =>
        updateConsultation(deps, actorOf(request), request.params.id, request.body, originOf(request)),
    );

    r.post(
      '/consultations/:id/handover',
      {
        config: { access: 'consultation.manage' },
        schema: {
          tags,
          summary: 'Hand the consultation to a named colleague (owner or director; recorded and audited)',
          params: idParams,
          body: handoverBody,
          response: { 200: consultationDetailSchema },
        },
      },
      (request) =>
        handOverConsultation(deps, actorOf(request), request.params.id, request.body, originOf(request)),
    );
  };
}
