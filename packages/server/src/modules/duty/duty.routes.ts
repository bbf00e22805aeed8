import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { and, eq, gte } from 'drizzle-orm';
import { z } from 'zod';
import type { LocalDate } from '@fayuan/domain';
import { applications, dutyServices } from '../../db/schema/index.ts';
import type { AppDeps } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { actorOf, originOf } from '../../platform/http/request-context.ts';
import { createIdempotently, IDEMPOTENCY_ERRORS } from '../../platform/http/idempotency.ts';
import { auditListRead } from '../../platform/audit/audit-read.ts';
import { jurisdictionOf, listItemsInForce } from '../applications/application-rules.ts';
import { beijingDateOf } from '@fayuan/domain';
import { confirmRoster, planStationWeek } from './build-roster.ts';
import { checkInOut } from './check-in.ts';
import { dutyKpis } from './duty-kpis.ts';
import { dutySettingsOf, handlerOfActor, stationInScope, stationsInScope } from './duty.repository.ts';
import { openRequests, openSwapRequests, rosterOf, serviceViews, slotsOfHandler } from './duty-views.ts';
import { forwardServiceAsApplication } from './forward-service.ts';
import { recordService } from './record-service.ts';
import { acceptDutyRequest } from './request-duty-lawyer.ts';
import { setDutySettings, setStationHours } from './station-hours.ts';
import { answerSwap, requestSwap, swapSlot } from './swap-duty.ts';
import {
  forwardBody,
  idParams as params,
  kpiQuery,
  kpiSchema,
  myDutySchema,
  openRequestSchema,
  previewSchema,
  rosterSchema,
  serviceBody,
  serviceSchema,
  serviceTypeSchema,
  settingsBody,
  stationBody,
  stationSchema,
  swapAnswerBody,
  swapBody,
  swapRequestBody,
  swapRequestSchema,
  weekBody,
  weekQuery,
} from './duty.schemas.ts';

const tags = ['duty'];
const ok = z.object({ ok: z.literal(true) });

/** Duty lawyers (值班律师, LAL art.14, art.30, art.37, art.39; CPL art.174): stations, rosters, the station's day. */
export function dutyRoutes(deps: AppDeps) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();

    r.get(
      '/duty/stations',
      {
        config: { access: 'duty.manage' },
        schema: {
          tags,
          summary: 'The duty-lawyer stations in scope with their duty hours',
          response: { 200: z.array(stationSchema) },
        },
      },
      async (request) => {
        const stations = await stationsInScope(deps.db, actorOf(request).scope);
        return Promise.all(
          stations.map(async (s) => {
            const { centreId: _centre, ...settings } = await dutySettingsOf(deps.db, s.id);
            return { ...s, settings };
          }),
        );
      },
    );

    r.put(
      '/duty/stations/:id',
      {
        config: { access: 'duty.manage', errors: ['DUTY_NOT_A_STATION', 'DUTY_HOURS_INVALID'] },
        schema: {
          tags,
          summary: 'Set a station’s duty hours per weekday and its host institution',
          params,
          body: stationBody,
          response: { 200: ok },
        },
      },
      async (request) => {
        await deps.db.transaction((tx) =>
          setStationHours(deps, tx, actorOf(request), request.params.id, request.body, originOf(request)),
        );
        return { ok: true as const };
      },
    );

    r.put(
      '/duty/stations/:id/settings',
      {
        config: { access: 'duty.manage', errors: ['DUTY_NOT_A_STATION'] },
        schema: {
          tags,
          summary: 'The station’s centre’s duty settings: duties per week, rotation weeks, lateness',
          params,
          body: settingsBody,
          response: { 200: ok },
        },
      },
      async (request) => {
        await deps.db.transaction((tx) =>
          setDutySettings(deps, tx, actorOf(request), request.params.id, request.body, originOf(request)),
        );
        return { ok: true as const };
      },
    );

    r.post(
      '/duty/rosters/preview',
      {
        config: {
          access: 'duty.manage',
          errors: ['DUTY_NOT_A_STATION', 'DUTY_STATION_NO_HOURS', 'DUTY_WEEK_NOT_MONDAY'],
        },
        schema: {
          tags,
          summary: 'The roster the rules propose for a station’s week, each pick with its reasons',
          body: weekBody,
          response: { 200: previewSchema },
        },
      },
      async (request) => {
        const plan = await planStationWeek(
          deps.db,
          actorOf(request),
          request.body.stationId,
          request.body.weekStart as LocalDate,
        );
        const named = (id: string) => ({ id, name: plan.names.get(id) ?? '' });
        return {
          station: { id: plan.station.id, name: plan.station.name },
          weekStart: plan.weekStart,
          maxDutiesPerWeek: plan.maxDutiesPerWeek,
          slots: plan.slots.map((s) => ({
            date: s.date,
            shift: s.shift,
            start: s.start,
            end: s.end,
            handler: s.handlerId ? named(s.handlerId) : null,
            reasons: s.reasons,
            excluded: s.excluded.map((e) => ({
              handler: named(e.handlerId),
              reasons: e.reasons.filter((x) => x.blocking),
            })),
          })),
        };
      },
    );

    r.post(
      '/duty/rosters',
      {
        config: {
          access: 'duty.manage',
          errors: [
            'DUTY_NOT_A_STATION',
            'DUTY_STATION_NO_HOURS',
            'DUTY_WEEK_NOT_MONDAY',
            'DUTY_ROSTER_EXISTS',
            'DUTY_SLOT_PAST',
            ...IDEMPOTENCY_ERRORS,
          ],
        },
        schema: {
          tags,
          summary: 'Confirm the proposed roster of a station’s week',
          body: weekBody,
          response: { 201: rosterSchema },
        },
      },
      (request, reply) =>
        createIdempotently(deps, request, reply, 201, async (tx) => {
          const { stationId, weekStart } = request.body;
          await confirmRoster(
            deps,
            tx,
            actorOf(request),
            stationId,
            weekStart as LocalDate,
            originOf(request),
          );
          return rosterOf(tx, stationId, weekStart, deps.clock.now());
        }),
    );

    r.get(
      '/duty/rosters',
      {
        config: { access: 'duty.manage' },
        schema: {
          tags,
          summary: 'A station’s confirmed roster of a week, with check-ins and lateness',
          querystring: weekQuery,
          response: { 200: rosterSchema },
        },
      },
      async (request) => {
        await stationInScope(deps.db, actorOf(request).scope, request.query.stationId);
        return rosterOf(deps.db, request.query.stationId, request.query.weekStart, deps.clock.now());
      },
    );

    r.post(
      '/duty/slots/:id/swap',
      {
        config: { access: 'duty.manage', errors: ['DUTY_HANDLER_NOT_ELIGIBLE', 'DUTY_SLOT_PAST'] },
        schema: {
          tags,
          summary: 'Replace a slot’s lawyer, re-checked by the roster’s rules, with the reason',
          params,
          body: swapBody,
          response: { 200: ok },
        },
      },
      async (request) => {
        await deps.db.transaction((tx) =>
          swapSlot(deps, tx, actorOf(request), request.params.id, request.body, originOf(request)),
        );
        return { ok: true as const };
      },
    );

    r.get(
      '/duty/swap-requests',
      {
        config: { access: 'duty.manage' },
        schema: {
          tags,
          summary: 'Open swap requests at the stations in scope',
          response: { 200: z.array(swapRequestSchema) },
        },
      },
      async (request) => openSwapRequests(deps.db, actorOf(request).scope, deps.clock.now()),
    );

    r.post(
      '/duty/swap-requests/:id/answer',
      {
        config: {
          access: 'duty.manage',
          errors: ['DUTY_SWAP_DECIDED', 'DUTY_HANDLER_NOT_ELIGIBLE', 'DUTY_SLOT_PAST'],
        },
        schema: {
          tags,
          summary: 'Approve a swap request with a replacement (re-checked) or decline it',
          params,
          body: swapAnswerBody,
          response: { 200: ok },
        },
      },
      async (request) => {
        await deps.db.transaction((tx) =>
          answerSwap(deps, tx, actorOf(request), request.params.id, request.body, originOf(request)),
        );
        return { ok: true as const };
      },
    );

    r.get(
      '/duty/my',
      {
        config: { access: 'duty.serve', errors: ['DUTY_NOT_A_HANDLER'] },
        schema: {
          tags,
          summary: 'My duties (我的值班): upcoming slots, open requests at my stations, today’s services',
          response: { 200: myDutySchema },
        },
      },
      async (request) => {
        const actor = actorOf(request);
        const me = await handlerOfActor(deps.db, actor);
        const now = deps.clock.now();
        const slots = await slotsOfHandler(deps.db, me.id, now);
        const today = beijingDateOf(now);
        const stationIds = [...new Set(slots.filter((s) => s.date === today).map((s) => s.station.id))];
        const requests = stationIds.length > 0 ? await openRequests(deps.db, { stationIds }) : [];
        const services = await serviceViews(
          deps.db,
          and(
            eq(dutyServices.handlerId, me.id),
            gte(dutyServices.servedAt, new Date(`${today}T00:00:00+08:00`)),
          ) as ReturnType<typeof eq>,
        );
        const origin = originOf(request);
        if (requests.length + services.length > 0)
          await auditListRead(
            deps,
            origin,
            'duty_services',
            [...services.map((s) => s.id), ...requests.map((q) => q.id)],
            {
              page: 1,
              pageSize: services.length + requests.length,
              total: services.length + requests.length,
            },
          );
        return { handler: { id: me.id, name: me.name }, slots, requests, services };
      },
    );

    for (const move of ['in', 'out'] as const)
      r.post(
        `/duty/slots/:id/check-${move}`,
        {
          config: {
            access: 'duty.serve',
            errors: [
              'DUTY_NOT_A_HANDLER',
              'DUTY_NOT_YOUR_SLOT',
              'DUTY_NOT_SLOT_DAY',
              'DUTY_ALREADY_CHECKED_IN',
              'DUTY_NOT_CHECKED_IN',
              'DUTY_ALREADY_CHECKED_OUT',
            ],
          },
          schema: {
            tags,
            summary:
              move === 'in' ? 'The rostered lawyer checks in on the day' : 'The rostered lawyer checks out',
            params,
            response: { 200: ok },
          },
        },
        async (request) => {
          await deps.db.transaction((tx) =>
            checkInOut(deps, tx, actorOf(request), request.params.id, move, originOf(request)),
          );
          return { ok: true as const };
        },
      );

    r.post(
      '/duty/slots/:id/swap-request',
      {
        config: {
          access: 'duty.serve',
          errors: [
            'DUTY_NOT_A_HANDLER',
            'DUTY_NOT_YOUR_SLOT',
            'DUTY_SLOT_PAST',
            'DUTY_SWAP_OPEN',
            ...IDEMPOTENCY_ERRORS,
          ],
        },
        schema: {
          tags,
          summary: 'The rostered lawyer asks the centre to swap a future slot',
          params,
          body: swapRequestBody,
          response: { 201: z.object({ id: z.string() }) },
        },
      },
      (request, reply) =>
        createIdempotently(deps, request, reply, 201, async (tx) => ({
          id: await requestSwap(
            deps,
            tx,
            actorOf(request),
            request.params.id,
            request.body,
            originOf(request),
          ),
        })),
    );

    r.get(
      '/duty/service-types',
      {
        config: { access: 'duty.serve' },
        schema: {
          tags,
          summary: 'The duty service types in force today (rule list duty_service_type)',
          response: { 200: z.array(serviceTypeSchema) },
        },
      },
      async (request) => {
        const actor = actorOf(request);
        const items = await listItemsInForce(
          deps.db,
          await jurisdictionOf(deps.db, actor.organisationId),
          'duty_service_type',
          beijingDateOf(deps.clock.now()),
        );
        return items.map((i) => ({
          code: i.code,
          nameZh: i.nameZh,
          nameEn: i.nameEn,
          citation: i.citation,
          pleaFields: i.params.pleaFields === true,
        }));
      },
    );

    r.post(
      '/duty/services',
      {
        config: {
          access: 'duty.serve',
          errors: [
            'DUTY_NOT_A_HANDLER',
            'DUTY_NOT_YOUR_SLOT',
            'DUTY_NOT_SLOT_DAY',
            'DUTY_SERVICE_TYPE_UNKNOWN',
            'DUTY_PLEA_FIELDS_REQUIRED',
            'DUTY_REQUEST_CLOSED',
            ...IDEMPOTENCY_ERRORS,
          ],
        },
        schema: {
          tags,
          summary: 'Log a person served at the station (with the plea fields for a plea signing)',
          body: serviceBody,
          response: { 201: serviceSchema },
        },
      },
      (request, reply) =>
        createIdempotently(deps, request, reply, 201, async (tx) => {
          const id = await recordService(deps, tx, actorOf(request), request.body, originOf(request));
          const [view] = await serviceViews(tx, eq(dutyServices.id, id));
          if (!view) throw new AppError('NOT_FOUND');
          return view;
        }),
    );

    r.post(
      '/duty/services/:id/application',
      {
        config: {
          access: 'duty.serve',
          errors: [
            'DUTY_NOT_A_HANDLER',
            'DUTY_NOT_YOUR_SLOT',
            'DUTY_SERVICE_ALREADY_FORWARDED',
            'PERSON_DUPLICATE_ELSEWHERE',
            ...IDEMPOTENCY_ERRORS,
          ],
        },
        schema: {
          tags,
          summary:
            'Turn a service into an aid application in one step (forwarded, LAL art.39: within 24 hours)',
          params,
          body: forwardBody,
          response: {
            201: z.object({
              applicationId: z.string(),
              number: z.string(),
              forwardedLate: z.boolean().nullable(),
            }),
          },
        },
      },
      (request, reply) =>
        createIdempotently(deps, request, reply, 201, async (tx) => {
          const applicationId = await forwardServiceAsApplication(
            deps,
            tx,
            actorOf(request),
            request.params.id,
            request.body,
            originOf(request),
          );
          const [row] = await tx
            .select({ number: applications.number, forwardedLate: applications.forwardedLate })
            .from(applications)
            .where(eq(applications.id, applicationId));
          return { applicationId, number: row?.number ?? '', forwardedLate: row?.forwardedLate ?? null };
        }),
    );

    r.get(
      '/duty/requests',
      {
        config: { access: 'duty.manage' },
        schema: {
          tags,
          summary: 'Open duty-lawyer requests at the stations in scope',
          response: { 200: z.array(openRequestSchema) },
        },
      },
      async (request) => {
        const rows = await openRequests(deps.db, { scope: actorOf(request).scope });
        if (rows.length > 0)
          await auditListRead(
            deps,
            originOf(request),
            'duty_requests',
            rows.map((q) => q.id),
            { page: 1, pageSize: rows.length, total: rows.length },
          );
        return rows;
      },
    );

    r.post(
      '/duty/requests/:id/accept',
      {
        config: {
          access: 'signed-in',
          errors: ['DUTY_NOT_A_HANDLER', 'DUTY_NOT_YOUR_SLOT', 'DUTY_REQUEST_CLOSED'],
        },
        schema: {
          tags,
          summary: 'The duty lawyer (or the centre) accepts an open request',
          params,
          response: { 200: ok },
        },
      },
      async (request) => {
        await deps.db.transaction((tx) =>
          acceptDutyRequest(deps, tx, actorOf(request), request.params.id, originOf(request)),
        );
        return { ok: true as const };
      },
    );

    r.get(
      '/duty/kpis',
      {
        config: { access: 'application.read' },
        schema: {
          tags,
          summary:
            'KPIs per district centre and month: plea presences, notified cases assigned in 3 days, defence coverage',
          querystring: kpiQuery,
          response: { 200: z.array(kpiSchema) },
        },
      },
      async (request) => dutyKpis(deps.db, actorOf(request).scope, request.query.month),
    );
  };
}
