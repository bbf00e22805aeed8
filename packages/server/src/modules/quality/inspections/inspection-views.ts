import { and, desc, eq, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { Queryable } from '../../../db/client.ts';
import {
  applications,
  fileInspections,
  handlers,
  lawFirms,
  organisations,
  rectificationRequests,
  sampledCases,
  samplingPlans,
  users,
  type RectificationRequestRow,
  type SamplingPlanRow,
} from '../../../db/schema/index.ts';
import type { Actor, AppDeps } from '../../../platform/context.ts';
import { ownerInScope, type DataScope } from '../../../platform/scope/data-scope.ts';
import {
  caseRecordOf,
  evaluateCase,
  inspectedApplication,
  serviceStandardRows,
} from './inspection-evidence.ts';
import { rectificationOverdue } from './rectifications.ts';

const iso = (d: Date | null) => d?.toISOString() ?? null;

const planView = (p: SamplingPlanRow, centre: string, drawnCount: number) => ({
  id: p.id,
  organisation: { id: p.organisationId, name: centre },
  name: p.name,
  closedFrom: p.closedFrom,
  closedTo: p.closedTo,
  perMille: p.perMille,
  minimumPerStratum: p.minimumPerStratum,
  maximumTotal: p.maximumTotal,
  stratifyBy: p.stratifyBy,
  createdAt: p.createdAt.toISOString(),
  drawn: p.drawnAt !== null,
  drawnAt: iso(p.drawnAt),
  seed: p.seed,
  samplingMethod: p.samplingMethod,
  population: p.population?.length ?? null,
  drawnCount,
});

/** The sampling plans of the actor's centres, newest first, each with the size of its draw. */
export async function plansInScope(deps: AppDeps, scope: DataScope) {
  const rows = await deps.db
    .select({
      p: samplingPlans,
      centre: organisations.name,
      drawnCount: sql<number>`(SELECT count(*)::int FROM ${sampledCases} WHERE ${sampledCases.planId} = ${samplingPlans.id})`,
    })
    .from(samplingPlans)
    .innerJoin(organisations, eq(organisations.id, samplingPlans.organisationId))
    .where(ownerInScope(scope, samplingPlans.organisationId))
    .orderBy(desc(samplingPlans.createdAt))
    .limit(200);
  return { items: rows.map((r) => planView(r.p, r.centre, r.drawnCount)) };
}

/** Each stratum of a draw with the name of its handler or firm (a case type is named by the client). */
async function namedStrata(db: Queryable, plan: SamplingPlanRow) {
  const strata = plan.strata ?? [];
  const ids = strata.map((s) => s.key).filter((k): k is string => k !== null);
  const names = new Map<string, string>();
  if (ids.length > 0 && plan.stratifyBy === 'handler')
    for (const h of await db
      .select({ id: handlers.id, name: handlers.name })
      .from(handlers)
      .where(inArray(handlers.id, ids)))
      names.set(h.id, h.name);
  if (ids.length > 0 && plan.stratifyBy === 'firm')
    for (const f of await db
      .select({ id: lawFirms.id, name: lawFirms.name })
      .from(lawFirms)
      .where(inArray(lawFirms.id, ids)))
      names.set(f.id, f.name);
  return strata.map((s) => ({ ...s, name: s.key ? (names.get(s.key) ?? null) : null }));
}

/** One plan with its strata and its drawn list in order (case number, handler, inspection). */
export async function planDetail(deps: AppDeps, scope: DataScope, id: string) {
  const [row] = await deps.db
    .select({ p: samplingPlans, centre: organisations.name })
    .from(samplingPlans)
    .innerJoin(organisations, eq(organisations.id, samplingPlans.organisationId))
    .where(and(eq(samplingPlans.id, id), ownerInScope(scope, samplingPlans.organisationId)));
  if (!row) return undefined;
  const drawn = await deps.db
    .select({
      position: sampledCases.position,
      applicationId: sampledCases.applicationId,
      number: applications.number,
      caseType: applications.caseType,
      handlerName: handlers.name,
      inspection: fileInspections,
    })
    .from(sampledCases)
    .innerJoin(applications, eq(applications.id, sampledCases.applicationId))
    .innerJoin(handlers, eq(handlers.id, sampledCases.handlerId))
    .leftJoin(
      fileInspections,
      and(
        eq(fileInspections.applicationId, sampledCases.applicationId),
        eq(fileInspections.planId, sampledCases.planId),
      ),
    )
    .where(eq(sampledCases.planId, id))
    .orderBy(sampledCases.position);
  return {
    ...planView(row.p, row.centre, drawn.length),
    strata: await namedStrata(deps.db, row.p),
    populationIds: (row.p.population ?? []).map((c) => c.id),
    cases: drawn.map((d) => ({
      position: d.position,
      applicationId: d.applicationId,
      applicationNumber: d.number,
      caseType: d.caseType,
      handlerName: d.handlerName,
      inspectionId: d.inspection?.id ?? null,
      inspectionStatus: d.inspection?.status ?? null,
      totalScore: d.inspection?.totalScore ?? null,
    })),
  };
}

/**
 * The reviewer's queue: sampled cases of the actor's centres not yet inspected, and every
 * inspection in progress or completed (sampled or not); `mine` keeps the inspections the actor
 * started and the cases no one has started.
 */
export async function inspectionQueue(deps: AppDeps, actor: Actor, filter: { mine: boolean; done: boolean }) {
  const inspected = and(
    eq(fileInspections.applicationId, sampledCases.applicationId),
    eq(fileInspections.planId, sampledCases.planId),
  );
  const awaiting = await deps.db
    .select({
      applicationId: sampledCases.applicationId,
      number: applications.number,
      caseType: applications.caseType,
      handlerName: handlers.name,
      planId: samplingPlans.id,
      planName: samplingPlans.name,
      drawnAt: samplingPlans.drawnAt,
    })
    .from(sampledCases)
    .innerJoin(samplingPlans, eq(samplingPlans.id, sampledCases.planId))
    .innerJoin(applications, eq(applications.id, sampledCases.applicationId))
    .innerJoin(handlers, eq(handlers.id, sampledCases.handlerId))
    .leftJoin(fileInspections, inspected)
    .where(and(ownerInScope(actor.scope, sampledCases.organisationId), isNull(fileInspections.id)))
    .orderBy(desc(samplingPlans.drawnAt), sampledCases.position)
    .limit(500);
  const where: SQL[] = [ownerInScope(actor.scope, fileInspections.organisationId)];
  if (filter.mine) where.push(eq(fileInspections.inspectorId, actor.userId));
  if (!filter.done) where.push(eq(fileInspections.status, 'open'));
  const started = await deps.db
    .select({
      i: fileInspections,
      number: applications.number,
      caseType: applications.caseType,
      handlerName: handlers.name,
      planName: samplingPlans.name,
      inspectorName: users.displayName,
    })
    .from(fileInspections)
    .innerJoin(applications, eq(applications.id, fileInspections.applicationId))
    .innerJoin(handlers, eq(handlers.id, fileInspections.handlerId))
    .innerJoin(users, eq(users.id, fileInspections.inspectorId))
    .leftJoin(samplingPlans, eq(samplingPlans.id, fileInspections.planId))
    .where(and(...where))
    .orderBy(desc(fileInspections.startedAt))
    .limit(500);
  return {
    items: [
      ...awaiting.map((a) => ({
        applicationId: a.applicationId,
        applicationNumber: a.number,
        caseType: a.caseType,
        handlerName: a.handlerName,
        plan: { id: a.planId, name: a.planName },
        inspectionId: null,
        status: 'awaiting' as const,
        inspectorName: null,
        totalScore: null,
        sampledAt: iso(a.drawnAt),
      })),
      ...started.map((s) => ({
        applicationId: s.i.applicationId,
        applicationNumber: s.number,
        caseType: s.caseType,
        handlerName: s.handlerName,
        plan: s.i.planId ? { id: s.i.planId, name: s.planName ?? '' } : null,
        inspectionId: s.i.id,
        status: s.i.status === 'open' ? ('in_progress' as const) : ('completed' as const),
        inspectorName: s.inspectorName,
        totalScore: s.i.totalScore,
        sampledAt: null,
      })),
    ],
  };
}

const rectificationView = (r: RectificationRequestRow, now: Date) => ({
  id: r.id,
  inspectionId: r.inspectionId,
  applicationId: r.applicationId,
  items: r.items,
  dueOn: r.dueOn,
  status: r.status,
  overdue: rectificationOverdue(r, now),
  requestedAt: r.requestedAt.toISOString(),
  replyText: r.replyText,
  repliedAt: iso(r.repliedAt),
  returnNote: r.returnNote,
  returnedAt: iso(r.returnedAt),
  closedAt: iso(r.closedAt),
  version: r.version,
});

/**
 * One inspection: the case, the checklist (evaluated live from the record while open; as frozen
 * once completed) with each item's status, evidence and citation, the scores, the judgements and
 * findings, and its rectification requests.
 */
export async function inspectionDetail(deps: AppDeps, scope: DataScope, id: string) {
  const [row] = await deps.db
    .select({ i: fileInspections, handlerName: handlers.name, inspectorName: users.displayName })
    .from(fileInspections)
    .innerJoin(handlers, eq(handlers.id, fileInspections.handlerId))
    .innerJoin(users, eq(users.id, fileInspections.inspectorId))
    .where(and(eq(fileInspections.id, id), ownerInScope(scope, fileInspections.organisationId)));
  if (!row) return undefined;
  const { i } = row;
  const app = await inspectedApplication(deps.db, i.applicationId);
  if (!app) return undefined;
  const record = i.status === 'open' ? await caseRecordOf(deps.db, app) : undefined;
  const live = record ? await evaluateCase(deps.db, i.organisationId, record, i.judgements) : undefined;
  // Whether the reviewer judges an item (no record shows it), from the rule row it came from: the
  // checklist's own rows while open, the rows of every version once the items are frozen.
  const rows = record?.items ?? (await serviceStandardRows(deps.db, i.organisationId));
  const items = (live?.items ?? i.items ?? []).map((item) => ({
    ...item,
    byJudgement: rows.find((r) => r.id === item.ruleId)?.evidence.kind === 'judgement',
  }));
  const rectifications = await deps.db
    .select()
    .from(rectificationRequests)
    .where(eq(rectificationRequests.inspectionId, i.id))
    .orderBy(rectificationRequests.requestedAt);
  const now = deps.clock.now();
  return {
    id: i.id,
    version: i.version,
    status: i.status,
    application: { id: app.id, number: app.number, caseType: app.caseType, state: app.state },
    handler: { id: i.handlerId, name: row.handlerName },
    inspectorName: row.inspectorName,
    planId: i.planId,
    checklistDate: i.checklistDate,
    items,
    score: live
      ? {
          recordScore: live.score.recordScore,
          judgementScore: live.score.judgementScore,
          totalScore: live.score.totalScore,
          awaitingJudgement: live.score.awaitingJudgement,
        }
      : {
          recordScore: i.recordScore,
          judgementScore: i.judgementScore,
          totalScore: i.totalScore,
          awaitingJudgement: 0,
        },
    ruleIds: i.ruleIds ?? items.map((item) => item.ruleId),
    judgements: i.judgements,
    findings: i.findings,
    startedAt: i.startedAt.toISOString(),
    completedAt: iso(i.completedAt),
    rectifications: rectifications.map((r) => rectificationView(r, now)),
  };
}

/**
 * The rectification requests on the signed-in handler's own cases (handlers.user_id = the login):
 * open and replied ones, and those closed in the last 30 days.
 */
export async function myRectifications(db: Queryable, actor: Actor, now: Date) {
  const since = new Date(now.getTime() - 30 * 86_400_000);
  const rows = await db
    .select({ r: rectificationRequests, number: applications.number })
    .from(rectificationRequests)
    .innerJoin(handlers, eq(handlers.id, rectificationRequests.handlerId))
    .innerJoin(applications, eq(applications.id, rectificationRequests.applicationId))
    .where(
      and(
        eq(handlers.userId, actor.userId),
        or(
          inArray(rectificationRequests.status, ['open', 'replied']),
          sql`${rectificationRequests.closedAt} >= ${since}`,
        ),
      ),
    )
    .orderBy(rectificationRequests.dueOn);
  return {
    items: rows.map(({ r, number }) => ({ ...rectificationView(r, now), applicationNumber: number })),
  };
}

/**
 * A case's live service-standard checklist (every case page shows it): each item evidenced,
 * missing or late from the casework record as it stands today, the judgement items with the word
 * of the case's latest file inspection (awaiting one until then), and the scores from both. The
 * caller has checked the actor may read the case.
 */
export async function caseChecklist(db: Queryable, app: Parameters<typeof caseRecordOf>[1]) {
  const [inspection] = await db
    .select({
      id: fileInspections.id,
      status: fileInspections.status,
      judgements: fileInspections.judgements,
      completedAt: fileInspections.completedAt,
    })
    .from(fileInspections)
    .where(eq(fileInspections.applicationId, app.id))
    .orderBy(desc(fileInspections.startedAt))
    .limit(1);
  const record = await caseRecordOf(db, app);
  const live = await evaluateCase(db, app.ownerOrgId, record, inspection?.judgements ?? {});
  const byJudgement = new Set(record.items.filter((r) => r.evidence.kind === 'judgement').map((r) => r.id));
  return {
    checklistDate: record.checklistDate,
    assigned: record.evidence.assignedAt !== undefined,
    items: live.items.map((item) => ({ ...item, byJudgement: byJudgement.has(item.ruleId) })),
    score: {
      recordScore: live.score.recordScore,
      judgementScore: live.score.judgementScore,
      totalScore: live.score.totalScore,
      awaitingJudgement: live.score.awaitingJudgement,
    },
    inspection: inspection
      ? { id: inspection.id, status: inspection.status, completedAt: iso(inspection.completedAt) }
      : null,
  };
}
