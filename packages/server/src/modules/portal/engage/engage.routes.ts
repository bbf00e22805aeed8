import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../../platform/context.ts';
import { createIdempotently, IDEMPOTENCY_ERRORS } from '../../../platform/http/idempotency.ts';
import { originOf } from '../../../platform/http/request-context.ts';
import { citizenOf } from '../citizen-session.ts';
import { PUBLIC_API_TAG } from '../public-openapi.ts';
import { ownApplication } from '../applications/portal-application-views.ts';
import { bookAppointment, cancelAppointment, freeSlots, ownAppointments } from './appointments.ts';
import { appealOwnComplaint, fileComplaint, ownComplaints, rateCase, ratingOf } from './feedback.ts';
import {
  appealComplaintBody,
  appointmentList,
  bookBody,
  complaintBody,
  complaintList,
  freeSlotList,
  idParams,
  rating,
  ratingBody,
  slotQuery,
} from './engage.schemas.ts';

const tags = [PUBLIC_API_TAG];
const DAY = 24 * 3_600_000;

/** Appointments, complaints and ratings on the citizens' door (issue 14). */
export function portalEngageRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (r) => {
    r.get(
      '/appointment-slots',
      {
        config: { citizen: 'none' },
        schema: {
          tags,
          summary: 'A centre’s slots with free places (window or video consultation)',
          querystring: slotQuery,
          response: { 200: freeSlotList },
        },
      },
      async (request) => {
        const now = deps.clock.now();
        const from = request.query.from ? new Date(`${request.query.from}T00:00:00+08:00`) : now;
        const to = request.query.to
          ? new Date(`${request.query.to}T00:00:00+08:00`).getTime() + DAY
          : now.getTime() + 30 * DAY;
        const rows = await freeSlots(
          deps.db,
          request.query.organisationCode,
          from < now ? now : from,
          new Date(to),
        );
        return {
          items: rows.map((s) => ({
            ...s,
            startsAt: s.startsAt.toISOString(),
            endsAt: s.endsAt.toISOString(),
            free: Number(s.free),
          })),
        };
      },
    );

    r.post(
      '/appointments',
      {
        config: {
          errors: [
            'APPOINTMENT_SLOT_NOT_FOUND',
            'APPOINTMENT_SLOT_FULL',
            'APPOINTMENT_ALREADY_BOOKED',
            ...IDEMPOTENCY_ERRORS,
          ],
        },
        schema: {
          tags,
          summary: 'Book a place (an SMS confirms; a reminder comes the day before)',
          body: bookBody,
          response: { 201: appointmentList },
        },
      },
      (request, reply) =>
        createIdempotently(deps, request, reply, 201, async (tx) => {
          const citizen = citizenOf(request);
          await bookAppointment(deps, tx, citizen, request.body, originOf(request));
          return ownAppointments(tx, citizen);
        }),
    );

    r.get(
      '/appointments',
      { schema: { tags, summary: 'My appointments', response: { 200: appointmentList } } },
      (request) => ownAppointments(deps.db, citizenOf(request)),
    );

    r.post(
      '/appointments/:id/cancel',
      {
        config: { errors: ['APPOINTMENT_NOT_FOUND', 'APPOINTMENT_NOT_CANCELLABLE'] },
        schema: {
          tags,
          summary: 'Cancel my appointment: the place is free again',
          params: idParams,
          response: { 200: appointmentList },
        },
      },
      (request) =>
        deps.db.transaction(async (tx) => {
          const citizen = citizenOf(request);
          await cancelAppointment(deps, tx, citizen, request.params.id, originOf(request));
          return ownAppointments(tx, citizen);
        }),
    );

    r.post(
      '/complaints',
      {
        config: { errors: ['PORTAL_CENTRE_UNKNOWN', 'PORTAL_APPLICATION_NOT_FOUND'] },
        schema: {
          tags,
          summary: 'Complain about a centre, a handler or the service (kept for the complaints work)',
          body: complaintBody,
          response: { 201: complaintList },
        },
      },
      async (request, reply) => {
        const result = await deps.db.transaction(async (tx) => {
          const citizen = citizenOf(request);
          await fileComplaint(deps, tx, citizen, request.body, originOf(request));
          return ownComplaints(tx, citizen);
        });
        reply.code(201);
        return result;
      },
    );

    r.get(
      '/complaints',
      { schema: { tags, summary: 'My complaints', response: { 200: complaintList } } },
      (request) => ownComplaints(deps.db, citizenOf(request)),
    );

    r.post(
      '/complaints/:id/appeal',
      {
        config: { errors: ['COMPLAINT_NOT_FOUND', 'COMPLAINT_NOT_APPEALABLE'] },
        schema: {
          tags,
          summary: 'Ask the justice bureau to review how my answered complaint was handled (申请复查)',
          params: idParams,
          body: appealComplaintBody,
          response: { 200: complaintList },
        },
      },
      async (request) =>
        deps.db.transaction(async (tx) => {
          const citizen = citizenOf(request);
          await appealOwnComplaint(
            deps,
            tx,
            citizen,
            request.params.id,
            request.body.text,
            originOf(request),
          );
          return ownComplaints(tx, citizen);
        }),
    );

    r.get(
      '/applications/:id/rating',
      {
        config: { errors: ['PORTAL_APPLICATION_NOT_FOUND'] },
        schema: { tags, summary: 'My rating of a closed case', params: idParams, response: { 200: rating } },
      },
      async (request) => {
        await ownApplication(deps.db, citizenOf(request), request.params.id);
        return { rating: await ratingOf(deps.db, request.params.id) };
      },
    );

    r.post(
      '/applications/:id/rating',
      {
        config: {
          errors: ['PORTAL_APPLICATION_NOT_FOUND', 'PORTAL_RATING_NOT_CLOSED', 'PORTAL_RATING_EXISTS'],
        },
        schema: {
          tags,
          summary: 'Rate my closed case: 1–5 and words, once',
          params: idParams,
          body: ratingBody,
          response: { 201: rating },
        },
      },
      async (request, reply) => {
        const result = await deps.db.transaction(async (tx) => {
          await rateCase(deps, tx, citizenOf(request), request.params.id, request.body, originOf(request));
          return { rating: await ratingOf(tx, request.params.id) };
        });
        reply.code(201);
        return result;
      },
    );
  };
}
