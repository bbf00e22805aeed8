import { randomUUID } from 'node:crypto';
import { and, eq, inArray, isNotNull, isNull } from 'drizzle-orm';
import {
  beijingDateOf,
  summariseHandlerQuality,
  type HandlerQualityFacts,
  type HandlerQualitySummary,
  type ListItemRule,
  type LocalDate,
} from '@fayuan/domain';
import type { Queryable, Tx } from '../../db/client.ts';
import type { AppDeps, RequestOrigin } from '../../platform/context.ts';
import { recordAudit } from '../../platform/audit/audit-log.ts';
import { directorsOf, notifyUsers } from '../notifications/notify-users.ts';
import {
  caseAssignments,
  caseEvaluations,
  caseRatings,
  complaints,
  fileInspections,
  followUpVisits,
  handlers,
  hearingObservations,
  organOpinionRequests,
  qualityConcerns,
} from '../../db/schema/index.ts';
import { jurisdictionOf, listItemsInForce } from '../applications/application-rules.ts';

interface Facts {
  evaluations: { score: number; at: string }[];
  inspections: { score: number; at: string }[];
  complaints: { upheld: boolean; at: string }[];
  ratings: { score: number; at: string }[];
  observations: { score: number; at: string }[];
  organOpinions: { poor: boolean; at: string }[];
}
const empty = (): Facts => ({
  evaluations: [],
  inspections: [],
  complaints: [],
  ratings: [],
  observations: [],
  organOpinions: [],
});

/**
 * What each handler's quality record rests on: the evaluation scores and the recipients' ratings of
 * the cases they carried (the accepted assignment), the decided complaints naming them, and the
 * case-handling organs' answers about their work.
 */
export async function qualityFactsOf(
  db: Queryable,
  handlerIds: readonly string[],
): Promise<Map<string, HandlerQualityFacts>> {
  const facts = new Map<string, Facts>(handlerIds.map((id) => [id, empty()]));
  if (handlerIds.length === 0) return facts;
  const ids = [...handlerIds];
  const carried = and(inArray(caseAssignments.handlerId, ids), eq(caseAssignments.status, 'accepted'));
  const evaluations = await db
    .select({
      handlerId: caseAssignments.handlerId,
      score: caseEvaluations.score,
      at: caseEvaluations.evaluatedAt,
    })
    .from(caseEvaluations)
    .innerJoin(caseAssignments, eq(caseAssignments.applicationId, caseEvaluations.applicationId))
    .where(carried);
  const ratings = await db
    .select({ handlerId: caseAssignments.handlerId, score: caseRatings.score, at: caseRatings.ratedAt })
    .from(caseRatings)
    .innerJoin(caseAssignments, eq(caseAssignments.applicationId, caseRatings.applicationId))
    .where(carried);
  // A phone visit's answer; a survey's is the portal rating above (counted once).
  const visits = await db
    .select({
      handlerId: followUpVisits.handlerId,
      score: followUpVisits.satisfaction,
      at: followUpVisits.visitedAt,
    })
    .from(followUpVisits)
    .where(
      and(
        inArray(followUpVisits.handlerId, ids),
        eq(followUpVisits.method, 'phone'),
        isNotNull(followUpVisits.satisfaction),
      ),
    );
  const decided = await db
    .select({ handlerId: complaints.handlerId, upheld: complaints.upheld, at: complaints.decidedAt })
    .from(complaints)
    .where(
      and(inArray(complaints.handlerId, ids), isNotNull(complaints.upheld), isNotNull(complaints.decidedAt)),
    );
  for (const e of evaluations)
    facts.get(e.handlerId)?.evaluations.push({ score: e.score, at: e.at.toISOString() });
  for (const r of ratings) facts.get(r.handlerId)?.ratings.push({ score: r.score, at: r.at.toISOString() });
  for (const v of visits)
    if (v.handlerId && v.score !== null && v.at)
      facts.get(v.handlerId)?.ratings.push({ score: v.score, at: v.at.toISOString() });
  for (const c of decided)
    if (c.handlerId && c.at)
      facts.get(c.handlerId)?.complaints.push({ upheld: c.upheld === true, at: c.at.toISOString() });
  // The total score of each completed file inspection (卷宗检查) of their work.
  const inspected = await db
    .select({
      handlerId: fileInspections.handlerId,
      score: fileInspections.totalScore,
      at: fileInspections.completedAt,
    })
    .from(fileInspections)
    .where(and(inArray(fileInspections.handlerId, ids), isNotNull(fileInspections.totalScore)));
  for (const i of inspected)
    if (i.score !== null && i.at)
      facts.get(i.handlerId)?.inspections.push({ score: i.score, at: i.at.toISOString() });
  // The total score of each recorded hearing observation (庭审旁听) of their work in court.
  const observed = await db
    .select({
      handlerId: hearingObservations.handlerId,
      score: hearingObservations.totalScore,
      at: hearingObservations.observedAt,
    })
    .from(hearingObservations)
    .where(and(inArray(hearingObservations.handlerId, ids), isNotNull(hearingObservations.totalScore)));
  for (const o of observed)
    if (o.score !== null && o.at)
      facts.get(o.handlerId)?.observations.push({ score: o.score, at: o.at.toISOString() });
  // The case-handling organs' answers (征询意见): poor when any item was rated 1 or 2.
  const opinions = await db
    .select({
      handlerId: organOpinionRequests.handlerId,
      poorItems: organOpinionRequests.poorItems,
      at: organOpinionRequests.answeredAt,
    })
    .from(organOpinionRequests)
    .where(and(inArray(organOpinionRequests.handlerId, ids), eq(organOpinionRequests.status, 'answered')));
  for (const o of opinions)
    if (o.handlerId && o.at)
      facts
        .get(o.handlerId)
        ?.organOpinions.push({ poor: (o.poorItems ?? []).length > 0, at: o.at.toISOString() });
  return facts;
}

/** The quality thresholds in force for a jurisdiction on a day (`quality_threshold`). */
export function qualityThresholdsInForce(
  db: Queryable,
  jurisdiction: string,
  on: LocalDate,
): Promise<ListItemRule[]> {
  return listItemsInForce(db, jurisdiction, 'quality_threshold', on);
}

/**
 * Each handler's quality record and concerns as of the end of `today`, judged by the thresholds of
 * the jurisdiction of the organisation that manages them.
 */
export async function handlerQualitySummaries(
  db: Queryable,
  handlerIds: readonly string[],
  today: LocalDate,
): Promise<Map<string, HandlerQualitySummary>> {
  const facts = await qualityFactsOf(db, handlerIds);
  const orgs =
    handlerIds.length === 0
      ? []
      : await db
          .select({ id: handlers.id, organisationId: handlers.organisationId })
          .from(handlers)
          .where(inArray(handlers.id, [...handlerIds]));
  const thresholds = new Map<string, ListItemRule[]>();
  const jurisdictions = new Map<string, string>();
  const now = `${today}T23:59:59+08:00`;
  const out = new Map<string, HandlerQualitySummary>();
  for (const { id, organisationId } of orgs) {
    let jurisdiction = jurisdictions.get(organisationId);
    if (jurisdiction === undefined) {
      jurisdiction = await jurisdictionOf(db, organisationId);
      jurisdictions.set(organisationId, jurisdiction);
    }
    let rules = thresholds.get(jurisdiction);
    if (rules === undefined) {
      rules = await qualityThresholdsInForce(db, jurisdiction, today);
      thresholds.set(jurisdiction, rules);
    }
    out.set(id, summariseHandlerQuality(facts.get(id) ?? empty(), rules, now));
  }
  return out;
}

/** The handler who carried a case (the accepted assignment), if any. */
export async function carryingHandlerOf(db: Queryable, applicationId: string): Promise<string | null> {
  const [row] = await db
    .select({ handlerId: caseAssignments.handlerId })
    .from(caseAssignments)
    .where(and(eq(caseAssignments.applicationId, applicationId), eq(caseAssignments.status, 'accepted')));
  return row?.handlerId ?? null;
}

/** `refreshQualityConcerns` for the handler who carried a case, when there is one. */
export async function refreshConcernsOfCase(
  deps: AppDeps,
  tx: Tx,
  applicationId: string,
  origin: RequestOrigin,
) {
  const handlerId = await carryingHandlerOf(tx, applicationId);
  if (handlerId) await refreshQualityConcerns(deps, tx, handlerId, origin);
}

/**
 * Brings a handler's open concerns in line with their record now: a threshold newly crossed opens
 * a concern (audited) and rings the bell of the directors of the handler's organisation; one the
 * record is back within is closed. Called in the transaction of every change that feeds the record
 * (a complaint decided, an evaluation recorded, an inspection completed, a visit answered, an
 * organ's opinion received, a hearing observed).
 */
export async function refreshQualityConcerns(
  deps: AppDeps,
  tx: Tx,
  handlerId: string,
  origin: RequestOrigin,
): Promise<{ opened: string[]; closed: string[] }> {
  const now = deps.clock.now();
  const today = beijingDateOf(now);
  const summary = (await handlerQualitySummaries(tx, [handlerId], today)).get(handlerId);
  const [handler] = await tx
    .select({ organisationId: handlers.organisationId, name: handlers.name })
    .from(handlers)
    .where(eq(handlers.id, handlerId));
  if (!summary || !handler) return { opened: [], closed: [] };
  const open = await tx
    .select()
    .from(qualityConcerns)
    .where(and(eq(qualityConcerns.handlerId, handlerId), isNull(qualityConcerns.closedAt)))
    .for('update');
  const current = new Map(summary.concerns.map((c) => [c.code, c]));
  const closed = open.filter((o) => !current.has(o.code));
  if (closed.length > 0)
    await tx
      .update(qualityConcerns)
      .set({ closedAt: now })
      .where(
        inArray(
          qualityConcerns.id,
          closed.map((c) => c.id),
        ),
      );
  const already = new Set(open.map((o) => o.code));
  const opened = summary.concerns.filter((c) => !already.has(c.code));
  for (const concern of opened) {
    const id = randomUUID();
    await tx.insert(qualityConcerns).values({
      id,
      handlerId,
      organisationId: handler.organisationId,
      code: concern.code,
      ruleId: concern.ruleId,
      value: String(concern.value),
      limit: String(concern.limit),
      openedAt: now,
    });
    await recordAudit(tx, { cipher: deps.cipher, at: now }, origin, {
      action: 'handler.quality_concern',
      entityType: 'handlers',
      entityId: handlerId,
      organisationId: handler.organisationId,
      changes: {
        concern: { after: concern.code },
        value: { after: concern.value },
        limit: { after: concern.limit },
      },
    });
    await notifyUsers(deps, tx, {
      kind: 'quality_concern',
      userIds: await directorsOf(tx, handler.organisationId),
      organisationId: handler.organisationId,
      applicationId: null,
      qualityConcernId: id,
      dueAt: now,
      params: { handler: handler.name, concern: concern.nameZh },
    });
  }
  return { opened: opened.map((c) => c.code), closed: closed.map((c) => c.code) };
}
