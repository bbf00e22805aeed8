import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { and, eq } from 'drizzle-orm';
import { appointments, centreSettings } from '../../../db/schema/index.ts';
import type { AppDeps } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import { recordAudit } from '../../../platform/audit/audit-log.ts';
import { actorOf, originOf } from '../../../platform/http/request-context.ts';
import { maskPhone } from '../../../platform/crypto/field-cipher.ts';
import { ownerInScope } from '../../../platform/scope/data-scope.ts';
import { createConsultation } from '../../consultations/create-consultation.ts';
import { bookingsOn, publishSlot, slotsOf } from './appointments.ts';
import { ratingOf } from './feedback.ts';
import {
  bookingsQuery,
  idParams,
  recordBookingBody,
  slotBody,
  slotRangeQuery,
  videoTemplateBody,
} from './engage.schemas.ts';
import { findApplication } from '../../applications/applications.repository.ts';

const tags = ['portal'];

/** The staff side of the portal: slots, the day's bookings, complaints received, ratings. */
export function staffEngageRoutes(deps: AppDeps) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();

    r.post(
      '/appointment-slots',
      {
        config: { access: 'consultation.manage', errors: ['APPOINTMENT_SLOT_INVALID'] },
        schema: {
          tags,
          summary: 'Publish a consultation slot on the portal (window or video)',
          body: slotBody,
          response: { 201: z.object({ id: z.string().uuid() }) },
        },
      },
      async (request, reply) => {
        const id = await deps.db.transaction((tx) =>
          publishSlot(deps, tx, actorOf(request), request.body, originOf(request)),
        );
        reply.code(201);
        return { id };
      },
    );

    r.get(
      '/appointment-slots',
      {
        config: { access: 'consultation.read' },
        schema: {
          tags,
          summary: 'The centre’s slots in a period, with places taken',
          querystring: slotRangeQuery,
        },
      },
      async (request) => {
        const from = new Date(`${request.query.from}T00:00:00+08:00`);
        const to = new Date(`${request.query.to}T23:59:59+08:00`);
        const rows = await slotsOf(deps.db, actorOf(request), from, to);
        return {
          items: rows.map((s) => ({
            id: s.id,
            kind: s.kind,
            startsAt: s.startsAt.toISOString(),
            endsAt: s.endsAt.toISOString(),
            capacity: s.capacity,
            booked: s.booked,
          })),
        };
      },
    );

    r.get(
      '/appointments',
      {
        config: { access: 'consultation.read' },
        schema: {
          tags,
          summary: 'The day’s bookings (今日预约), beside the consultation log; phones masked',
          querystring: bookingsQuery,
        },
      },
      async (request) => {
        const rows = await bookingsOn(deps.db, actorOf(request), request.query.date);
        return {
          items: rows.map(({ a, slot, phone }) => ({
            id: a.id,
            kind: a.kind,
            topic: a.topic,
            code: a.code,
            status: a.status,
            startsAt: slot.startsAt.toISOString(),
            endsAt: slot.endsAt.toISOString(),
            videoLink: a.videoLink,
            phoneMasked: phone ? maskPhone(deps.cipher.open(phone)) : null,
            consultationId: a.consultationId,
          })),
        };
      },
    );

    r.post(
      '/appointments/:id/consultation',
      {
        config: {
          access: 'consultation.manage',
          errors: ['APPOINTMENT_NOT_FOUND', 'APPOINTMENT_NOT_CANCELLABLE'],
        },
        schema: {
          tags,
          summary: 'Record the consultation of a booking (window or video); the booking becomes attended',
          params: idParams,
          body: recordBookingBody,
        },
      },
      async (request, reply) => {
        const actor = actorOf(request);
        const id = await deps.db.transaction(async (tx) => {
          const [booking] = await tx
            .select()
            .from(appointments)
            .where(
              and(
                eq(appointments.id, request.params.id),
                ownerInScope(actor.scope, appointments.organisationId),
              ),
            )
            .for('update');
          if (!booking) throw new AppError('APPOINTMENT_NOT_FOUND');
          if (booking.status !== 'booked') throw new AppError('APPOINTMENT_NOT_CANCELLABLE');
          const consultation = await createConsultation(
            deps,
            tx,
            actor,
            {
              channel: booking.kind === 'video' ? 'video' : 'window_visit',
              topicMatter: booking.topic,
              question: request.body.question,
              ...(request.body.answer ? { answer: request.body.answer } : {}),
              outcome: 'answered',
            },
            originOf(request),
          );
          await tx
            .update(appointments)
            .set({ status: 'attended', consultationId: consultation.id })
            .where(eq(appointments.id, booking.id));
          return consultation.id;
        });
        reply.code(201);
        return { consultationId: id };
      },
    );

    r.put(
      '/centre-video-link',
      {
        config: { access: 'consultation.manage' },
        schema: {
          tags,
          summary: 'The centre’s meeting-system link for video consultations ({code} = the booking code)',
          body: videoTemplateBody,
        },
      },
      async (request) => {
        const actor = actorOf(request);
        await deps.db.transaction(async (tx) => {
          await tx
            .insert(centreSettings)
            .values({
              organisationId: actor.organisationId,
              videoLinkTemplate: request.body.videoLinkTemplate,
              updatedAt: deps.clock.now(),
            })
            .onConflictDoUpdate({
              target: centreSettings.organisationId,
              set: { videoLinkTemplate: request.body.videoLinkTemplate, updatedAt: deps.clock.now() },
            });
          await recordAudit(tx, { cipher: deps.cipher, at: deps.clock.now() }, originOf(request), {
            action: 'centre_settings.video_link',
            entityType: 'centre_settings',
            entityId: actor.organisationId,
            changes: { videoLinkTemplate: { after: request.body.videoLinkTemplate } },
          });
        });
        return { videoLinkTemplate: request.body.videoLinkTemplate };
      },
    );

    r.get(
      '/centre-video-link',
      {
        config: { access: 'consultation.read' },
        schema: { tags, summary: 'The centre’s video link template' },
      },
      async (request) => {
        const [row] = await deps.db
          .select({ t: centreSettings.videoLinkTemplate })
          .from(centreSettings)
          .where(eq(centreSettings.organisationId, actorOf(request).organisationId));
        return { videoLinkTemplate: row?.t ?? null };
      },
    );

    r.get(
      '/applications/:id/rating',
      {
        config: { access: 'application.read' },
        schema: { tags, summary: 'The recipient’s rating of the case (满意度评价)', params: idParams },
      },
      async (request) => {
        const app = await findApplication(deps.db, actorOf(request).scope, request.params.id);
        if (!app) throw new AppError('NOT_FOUND');
        return { rating: await ratingOf(deps.db, app.id) };
      },
    );
  };
}
