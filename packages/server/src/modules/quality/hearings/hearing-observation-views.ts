import { and, asc, desc, eq, gte, inArray, or, sql } from 'drizzle-orm';
import { isRole, permissionsOf, type ScoredItem, type ScoreSheetItem } from '@fayuan/domain';
import type { Queryable } from '../../../db/client.ts';
import {
  applications,
  caseActivities,
  handlers,
  hearingObservations,
  users,
  type HearingObservationRow,
} from '../../../db/schema/index.ts';
import type { Actor, AppDeps, RequestOrigin } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import { recordAudit } from '../../../platform/audit/audit-log.ts';
import { ownerInScope, type DataScope } from '../../../platform/scope/data-scope.ts';
import { applicationInScope } from '../../applications/applications.repository.ts';
import { scoreSheetOn } from './hearing-observations.ts';

/**
 * What the pages of hearing observation (庭审旁听) read: the hearings ahead that could be observed,
 * the observations of the caller's centres, one observation with its score sheet, the handler's
 * own awaiting a reply, and who may observe. They name the case number and the handler, not the
 * client; the one observation with its findings is audited as a read.
 */

/** Hearings scheduled ahead on cases in scope (from now, up to `days` ahead), each with its open observation. */
export async function upcomingHearings(db: Queryable, scope: DataScope, now: Date, days = 60) {
  const until = new Date(now.getTime() + days * 86_400_000);
  const rows = await db
    .select({
      activity: caseActivities,
      number: applications.number,
      handlerName: handlers.name,
      observationId: hearingObservations.id,
      observationStatus: hearingObservations.status,
    })
    .from(caseActivities)
    .innerJoin(applications, eq(applications.id, caseActivities.applicationId))
    .innerJoin(handlers, eq(handlers.id, caseActivities.handlerId))
    .leftJoin(
      hearingObservations,
      and(
        eq(hearingObservations.activityId, caseActivities.id),
        inArray(hearingObservations.status, ['scheduled', 'observed', 'replied']),
      ),
    )
    .where(
      and(
        eq(caseActivities.kind, 'hearing'),
        eq(caseActivities.status, 'scheduled'),
        gte(caseActivities.occurredAt, now),
        sql`${caseActivities.occurredAt} < ${until}`,
        applicationInScope(scope),
      ),
    )
    .orderBy(asc(caseActivities.occurredAt))
    .limit(500);
  return rows.map((r) => ({
    activityId: r.activity.id,
    applicationId: r.activity.applicationId,
    applicationNumber: r.number,
    at: r.activity.occurredAt.toISOString(),
    place: r.activity.place,
    handlerName: r.handlerName,
    observation: r.observationId ? { id: r.observationId, status: r.observationStatus! } : null,
  }));
}

const observer = sql<string>`(SELECT ${users.displayName} FROM ${users} WHERE ${users.id} = ${hearingObservations.observerId})`;

function summaryOf(o: HearingObservationRow, number: string, handlerName: string, observerName: string) {
  return {
    id: o.id,
    applicationId: o.applicationId,
    applicationNumber: number,
    activityId: o.activityId,
    handlerName,
    observerId: o.observerId,
    observerName,
    scheduledAt: o.scheduledAt.toISOString(),
    status: o.status,
    totalScore: o.totalScore,
    observedAt: o.observedAt?.toISOString() ?? null,
    repliedAt: o.repliedAt?.toISOString() ?? null,
    closedAt: o.closedAt?.toISOString() ?? null,
    version: o.version,
  };
}

/** The observations of the caller's centres, the open ones first, by hearing time. */
export async function observationsInScope(db: Queryable, scope: DataScope, status?: string) {
  const rows = await db
    .select({ o: hearingObservations, number: applications.number, handlerName: handlers.name, observer })
    .from(hearingObservations)
    .innerJoin(applications, eq(applications.id, hearingObservations.applicationId))
    .innerJoin(handlers, eq(handlers.id, hearingObservations.handlerId))
    .where(
      and(
        ownerInScope(scope, hearingObservations.organisationId),
        status ? eq(hearingObservations.status, status as 'scheduled') : undefined,
      ),
    )
    .orderBy(
      sql`${hearingObservations.status} IN ('closed', 'cancelled')`,
      desc(hearingObservations.scheduledAt),
    )
    .limit(500);
  return rows.map((r) => summaryOf(r.o, r.number, r.handlerName, r.observer));
}

/** The sheet as recorded (the rule versions used), or the one in force on the hearing's date. */
function sheetOf(recorded: ScoredItem[] | null, inForce: ScoreSheetItem[]) {
  const names = new Map(inForce.map((i) => [i.code, i]));
  if (!recorded)
    return inForce.map((i) => ({
      code: i.code,
      ruleId: i.ruleId,
      nameZh: i.nameZh,
      nameEn: i.nameEn,
      weight: i.weight,
      maxScore: i.maxScore,
      citation: i.citation,
      score: null,
    }));
  return recorded.map((i) => ({
    ...i,
    nameZh: names.get(i.code)?.nameZh ?? i.code,
    nameEn: names.get(i.code)?.nameEn ?? i.code,
    citation: names.get(i.code)?.citation ?? '',
  }));
}

async function detailOf(
  db: Queryable,
  o: HearingObservationRow,
  number: string,
  handlerName: string,
  observerName: string,
) {
  const [activity] = await db
    .select({ place: caseActivities.place, at: caseActivities.occurredAt, status: caseActivities.status })
    .from(caseActivities)
    .where(eq(caseActivities.id, o.activityId));
  const inForce = await scoreSheetOn(db, o.organisationId, o.scheduledAt);
  return {
    ...summaryOf(o, number, handlerName, observerName),
    hearing: {
      at: activity?.at.toISOString() ?? o.scheduledAt.toISOString(),
      place: activity?.place ?? null,
      status: activity?.status ?? 'scheduled',
    },
    sheet: sheetOf(o.scores, inForce),
    findings: o.findings,
    replyText: o.replyText,
    closeNote: o.closeNote,
  };
}

/** One observation in scope with its score sheet, findings and reply (audited). */
export async function observationDetail(deps: AppDeps, actor: Actor, id: string, origin: RequestOrigin) {
  return deps.db.transaction(async (tx) => {
    const [row] = await tx
      .select({ o: hearingObservations, number: applications.number, handlerName: handlers.name, observer })
      .from(hearingObservations)
      .innerJoin(applications, eq(applications.id, hearingObservations.applicationId))
      .innerJoin(handlers, eq(handlers.id, hearingObservations.handlerId))
      .where(
        and(eq(hearingObservations.id, id), ownerInScope(actor.scope, hearingObservations.organisationId)),
      );
    if (!row) throw new AppError('HEARING_OBSERVATION_NOT_FOUND');
    await recordAudit(tx, { cipher: deps.cipher, at: deps.clock.now() }, origin, {
      action: 'hearing_observations.read',
      entityType: 'hearing_observations',
      entityId: id,
      organisationId: row.o.organisationId,
    });
    return detailOf(tx, row.o, row.number, row.handlerName, row.observer);
  });
}

/**
 * The observations of the signed-in handler's own work that were recorded: awaiting their reply,
 * replied, or closed in the last 30 days.
 */
export async function myObservations(db: Queryable, actor: Actor, now: Date) {
  const since = new Date(now.getTime() - 30 * 86_400_000);
  const rows = await db
    .select({ o: hearingObservations, number: applications.number, handlerName: handlers.name, observer })
    .from(hearingObservations)
    .innerJoin(handlers, eq(handlers.id, hearingObservations.handlerId))
    .innerJoin(applications, eq(applications.id, hearingObservations.applicationId))
    .where(
      and(
        eq(handlers.userId, actor.userId),
        or(
          inArray(hearingObservations.status, ['observed', 'replied']),
          and(eq(hearingObservations.status, 'closed'), gte(hearingObservations.closedAt, since)),
        ),
      ),
    )
    .orderBy(desc(hearingObservations.observedAt))
    .limit(100);
  const items = [];
  for (const r of rows) items.push(await detailOf(db, r.o, r.number, r.handlerName, r.observer));
  return { items };
}

/** Who may be named observer: the active staff in scope granted `quality.observe`. */
export async function observersInScope(db: Queryable, scope: DataScope) {
  const rows = await db
    .select({ id: users.id, name: users.displayName, roles: users.roles })
    .from(users)
    .where(and(eq(users.status, 'active'), ownerInScope(scope, users.organisationId)))
    .orderBy(asc(users.displayName))
    .limit(1000);
  return rows
    .filter((u) => permissionsOf(u.roles.filter(isRole)).includes('quality.observe'))
    .map((u) => ({ id: u.id, name: u.name }));
}
