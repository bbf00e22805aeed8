import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { and, desc, eq, gte, inArray, isNull, lte, sql, type SQL } from 'drizzle-orm';
import {
  beijingDateOf,
  endOfBeijingDay,
  PROVISIONAL_AID_GROUNDS,
  type ListItemRule,
  type LocalDate,
} from '@fayuan/domain';
import {
  applications,
  caseClocks,
  centreSettings,
  organisations,
  staffAlerts,
  budgetLines,
  caseActivities,
  complaints,
  handlers,
  qualityConcerns,
} from '../../db/schema/index.ts';
import type { AppDeps } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { actorOf, originOf } from '../../platform/http/request-context.ts';
import { recordAudit } from '../../platform/audit/audit-log.ts';
import { ownerInScope } from '../../platform/scope/data-scope.ts';
import { idParams } from '../organisations/organisations.schemas.ts';
import {
  decidingCentre,
  jurisdictionOf,
  listItemsInForce,
  listItemsNotInForce,
} from './application-rules.ts';
import {
  alertSchema,
  onTimeQuery,
  onTimeSchema,
  settingsBody,
  settingsSchema,
} from './applications.schemas.ts';
import { centreSettingsOf } from './supplement.ts';

const tags = ['applications'];

const listItemView = z.object({
  code: z.string(),
  nameZh: z.string(),
  nameEn: z.string(),
  citation: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])),
});
const referenceSchema = z.object({
  materials: z.array(listItemView),
  refusalReasons: z.array(listItemView),
  /** Reasons no longer in force (e.g. `materials_incomplete`, LAL art.43(2)): to name past decisions' reasons, never to offer. */
  formerRefusalReasons: z.array(listItemView),
  reviewFlags: z.array(listItemView),
  provisionalGrounds: z.array(z.object({ code: z.string(), citation: z.string() })),
});

/** Beijing dates from–to (inclusive) as instants. */
function span(column: Parameters<typeof gte>[0], from?: string, to?: string): SQL[] {
  const out: SQL[] = [];
  if (from) out.push(gte(column, new Date(`${from}T00:00:00+08:00`)));
  if (to) out.push(lte(column, new Date(endOfBeijingDay(to as LocalDate))));
  return out;
}

/** The review office around the applications: coded lists, the on-time rate, alerts, settings. */
export function officeRoutes(deps: AppDeps) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();

    r.get(
      '/applications/reference',
      {
        config: { access: 'application.read' },
        schema: {
          tags,
          summary: 'Materials, refusal reasons, reviewer flags and provisional-aid grounds in force today',
          response: { 200: referenceSchema },
        },
      },
      async (request) => {
        const actor = actorOf(request);
        const centre = await decidingCentre(deps.db, actor.organisationId).catch(() => actor.organisationId);
        const jurisdiction = await jurisdictionOf(deps.db, centre);
        const today = beijingDateOf(deps.clock.now());
        const view = (i: ListItemRule) => ({
          code: i.code,
          nameZh: i.nameZh,
          nameEn: i.nameEn,
          citation: i.citation,
          params: i.params,
        });
        const list = async (name: 'application_material' | 'refusal_reason' | 'review_flag') =>
          (await listItemsInForce(deps.db, jurisdiction, name, today)).map(view);
        return {
          materials: await list('application_material'),
          refusalReasons: await list('refusal_reason'),
          formerRefusalReasons: (
            await listItemsNotInForce(deps.db, jurisdiction, 'refusal_reason', today)
          ).map(view),
          reviewFlags: await list('review_flag'),
          provisionalGrounds: Object.entries(PROVISIONAL_AID_GROUNDS).map(([code, citation]) => ({
            code,
            citation,
          })),
        };
      },
    );

    r.get(
      '/applications/stats/on-time',
      {
        config: { access: 'application.read' },
        schema: {
          tags,
          summary:
            'How many deadlines of a kind were met, missed, or are running or overdue (clocks started in the span)',
          querystring: onTimeQuery,
          response: { 200: onTimeSchema },
        },
      },
      async (request) => {
        const { period, from, to } = request.query;
        const now = deps.clock.now();
        const [row] = await deps.db
          .select({
            onTime: sql<number>`count(*) FILTER (WHERE ${caseClocks.status} = 'stopped' AND ${caseClocks.stoppedAt} <= ${caseClocks.dueAt})::int`,
            late: sql<number>`count(*) FILTER (WHERE ${caseClocks.status} = 'stopped' AND ${caseClocks.stoppedAt} > ${caseClocks.dueAt})::int`,
            running: sql<number>`count(*) FILTER (WHERE ${caseClocks.status} <> 'stopped' AND ${caseClocks.dueAt} >= ${now})::int`,
            overdue: sql<number>`count(*) FILTER (WHERE ${caseClocks.status} <> 'stopped' AND ${caseClocks.dueAt} < ${now})::int`,
          })
          .from(caseClocks)
          .where(
            and(
              eq(caseClocks.period, period),
              ownerInScope(actorOf(request).scope, caseClocks.ownerOrgId),
              ...span(caseClocks.startedAt, from, to),
            ),
          );
        const counts = {
          onTime: row?.onTime ?? 0,
          late: row?.late ?? 0,
          running: row?.running ?? 0,
          overdue: row?.overdue ?? 0,
        };
        const judged = counts.onTime + counts.late + counts.overdue;
        return {
          period,
          from: from ?? null,
          to: to ?? null,
          ...counts,
          rate: judged === 0 ? null : counts.onTime / judged,
        };
      },
    );

    r.get(
      '/alerts',
      {
        config: { access: 'signed-in' },
        schema: {
          tags,
          summary:
            'The caller’s deadline reminders, overdue alerts and (supervisors) duplicate registration attempts, newest first',
          querystring: z.strictObject({ unread: z.enum(['true', 'false']).optional() }),
          response: { 200: z.object({ items: z.array(alertSchema) }) },
        },
      },
      async (request) => {
        const actor = actorOf(request);
        const rows = await deps.db
          .select({
            alert: staffAlerts,
            number: applications.number,
            orgName: organisations.name,
            activityKind: caseActivities.kind,
            activityAt: caseActivities.occurredAt,
            complaintNumber: complaints.number,
            concernHandlerId: qualityConcerns.handlerId,
            concernCode: qualityConcerns.code,
            concernHandlerName: handlers.name,
            budgetLineName: budgetLines.name,
          })
          .from(staffAlerts)
          .leftJoin(applications, eq(applications.id, staffAlerts.applicationId))
          .leftJoin(complaints, eq(complaints.id, staffAlerts.complaintId))
          .leftJoin(qualityConcerns, eq(qualityConcerns.id, staffAlerts.qualityConcernId))
          .leftJoin(handlers, eq(handlers.id, qualityConcerns.handlerId))
          .leftJoin(caseActivities, eq(caseActivities.id, staffAlerts.activityId))
          .leftJoin(budgetLines, eq(budgetLines.id, staffAlerts.budgetLineId))
          .innerJoin(organisations, eq(organisations.id, staffAlerts.organisationId))
          .where(
            and(
              eq(staffAlerts.userId, actor.userId),
              ...(request.query.unread === 'true' ? [isNull(staffAlerts.readAt)] : []),
            ),
          )
          .orderBy(desc(staffAlerts.createdAt), desc(staffAlerts.dueAt))
          .limit(100);
        return {
          items: rows.map((row) => {
            const { alert, number, orgName, activityKind, activityAt, complaintNumber } = row;
            return {
              id: alert.id,
              kind: alert.kind,
              period: alert.period,
              dueAt: alert.dueAt.toISOString(),
              createdAt: alert.createdAt.toISOString(),
              readAt: alert.readAt?.toISOString() ?? null,
              application:
                alert.applicationId === null || number === null ? null : { id: alert.applicationId, number },
              organisation: { id: alert.organisationId, name: orgName },
              activity:
                alert.activityId === null || activityKind === null || activityAt === null
                  ? null
                  : { id: alert.activityId, kind: activityKind, at: activityAt.toISOString() },
              complaint:
                alert.complaintId === null ? null : { id: alert.complaintId, number: complaintNumber },
              qualityConcern:
                row.concernHandlerId === null || row.concernCode === null
                  ? null
                  : {
                      handlerId: row.concernHandlerId,
                      handlerName: row.concernHandlerName ?? '',
                      code: row.concernCode,
                    },
              budgetLine:
                alert.budgetLineId === null || row.budgetLineName === null
                  ? null
                  : { id: alert.budgetLineId, name: row.budgetLineName },
            };
          }),
        };
      },
    );

    r.post(
      '/alerts/:id/read',
      {
        config: { access: 'signed-in' },
        schema: {
          tags,
          summary: 'Mark one of the caller’s alerts read',
          params: idParams,
          response: { 204: z.null() },
        },
      },
      async (request, reply) => {
        const updated = await deps.db
          .update(staffAlerts)
          .set({ readAt: deps.clock.now() })
          .where(and(eq(staffAlerts.id, request.params.id), eq(staffAlerts.userId, actorOf(request).userId)))
          .returning({ id: staffAlerts.id });
        if (updated.length === 0) throw new AppError('NOT_FOUND');
        return reply.code(204).send(null);
      },
    );

    const centreInScope = async (id: string, scope: ReturnType<typeof actorOf>['scope']) => {
      const [org] = await deps.db
        .select({ id: organisations.id })
        .from(organisations)
        .where(
          and(
            eq(organisations.id, id),
            inArray(organisations.kind, ['district_centre', 'city_centre']),
            ownerInScope(scope, organisations.id),
          ),
        );
      if (!org) throw new AppError('NOT_FOUND');
    };

    r.get(
      '/centre-settings/:id',
      {
        config: { access: 'application.read' },
        schema: {
          tags,
          summary: 'A centre’s review-office settings',
          params: idParams,
          response: { 200: settingsSchema },
        },
      },
      async (request) => {
        await centreInScope(request.params.id, actorOf(request).scope);
        const s = await deps.db.transaction((tx) => centreSettingsOf(tx, request.params.id));
        return {
          organisationId: request.params.id,
          decisionRequiresApproval: s.decisionRequiresApproval,
          supplementDays: s.supplementDays,
          archiveRetentionYears: s.archiveRetentionYears,
          hearingReminderHours: s.hearingReminderHours,
        };
      },
    );

    r.put(
      '/centre-settings/:id',
      {
        config: { access: 'application.approve' },
        schema: {
          tags,
          summary:
            'Set whether decisions need the director’s approval, and the default supplement period (audited)',
          params: idParams,
          body: settingsBody,
          response: { 200: settingsSchema },
        },
      },
      async (request) => {
        const actor = actorOf(request);
        await centreInScope(request.params.id, actor.scope);
        const now = deps.clock.now();
        return deps.db.transaction(async (tx) => {
          const before = await centreSettingsOf(tx, request.params.id);
          await tx
            .insert(centreSettings)
            .values({ organisationId: request.params.id, ...request.body, updatedAt: now })
            .onConflictDoUpdate({
              target: centreSettings.organisationId,
              set: { ...request.body, updatedAt: now },
            });
          await recordAudit(tx, { cipher: deps.cipher, at: now }, originOf(request), {
            action: 'centre_settings.update',
            entityType: 'organisations',
            entityId: request.params.id,
            changes: {
              decisionRequiresApproval: {
                before: before.decisionRequiresApproval,
                after: request.body.decisionRequiresApproval,
              },
              supplementDays: { before: before.supplementDays, after: request.body.supplementDays },
              archiveRetentionYears: {
                before: before.archiveRetentionYears,
                after: request.body.archiveRetentionYears ?? before.archiveRetentionYears,
              },
              hearingReminderHours: {
                before: before.hearingReminderHours,
                after: request.body.hearingReminderHours ?? before.hearingReminderHours,
              },
            },
          });
          return {
            organisationId: request.params.id,
            decisionRequiresApproval: request.body.decisionRequiresApproval,
            supplementDays: request.body.supplementDays,
            archiveRetentionYears: request.body.archiveRetentionYears ?? before.archiveRetentionYears,
            hearingReminderHours: request.body.hearingReminderHours ?? before.hearingReminderHours,
          };
        });
      },
    );
  };
}
