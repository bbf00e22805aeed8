import { randomBytes, randomUUID } from 'node:crypto';
import { and, asc, desc, eq, gte, inArray, lte, sql } from 'drizzle-orm';
import {
  addDays,
  beijingDateOf,
  checkVisitAnswers,
  drawSample,
  SAMPLING_METHOD,
  visitConcerns,
  visitScript,
  type LocalDate,
} from '@fayuan/domain';
import type { Queryable, Tx } from '../../../db/client.ts';
import type { VISIT_METHODS } from '../../../db/schema/index.ts';
import {
  applications,
  caseAssignments,
  caseClosings,
  followUpVisits,
  handlers,
  persons,
  qualityReviews,
  ruleRows,
  visitPlans,
} from '../../../db/schema/index.ts';
import type { Actor, AppDeps, RequestOrigin } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import { recordAudit } from '../../../platform/audit/audit-log.ts';
import { ownerInScope, type DataScope } from '../../../platform/scope/data-scope.ts';
import { enqueueMessage } from '../../../platform/outbox/outbox.ts';
import { maskPhone } from '../../../platform/crypto/field-cipher.ts';
import { jurisdictionOf, listItemsInForce } from '../../applications/application-rules.ts';
import { refreshQualityConcerns } from '../handler-quality.ts';

export interface NewVisitPlan {
  closedFrom: LocalDate;
  closedTo: LocalDate;
  perMille: number;
  afterDays: number;
  method: (typeof VISIT_METHODS)[number];
  seed?: string | undefined;
}

/**
 * Plans follow-up visits for the centre's cases whose closing was accepted in a period: drawn by a
 * share per handler (at least one each) from a recorded seed, so the same seed over the same cases
 * draws the same visits; a case already visited or planned is left out. Each visit is due
 * `afterDays` after its closing. Audited.
 */
export async function planVisits(
  deps: AppDeps,
  tx: Tx,
  actor: Actor,
  input: NewVisitPlan,
  origin: RequestOrigin,
): Promise<{ planId: string; seed: string; visits: number; population: number }> {
  if (input.closedTo < input.closedFrom) throw new AppError('VISIT_PLAN_INVALID', { field: 'closedTo' });
  const from = new Date(`${input.closedFrom}T00:00:00+08:00`);
  const to = new Date(`${input.closedTo}T23:59:59.999+08:00`);
  const closed = await tx
    .select({
      id: applications.id,
      caseType: applications.caseType,
      handlerId: caseClosings.handlerId,
      firmId: handlers.firmId,
      closedAt: caseClosings.reviewedAt,
    })
    .from(caseClosings)
    .innerJoin(applications, eq(applications.id, caseClosings.applicationId))
    .innerJoin(handlers, eq(handlers.id, caseClosings.handlerId))
    .where(
      and(
        eq(applications.ownerOrgId, actor.organisationId),
        eq(caseClosings.outcome, 'accepted'),
        gte(caseClosings.reviewedAt, from),
        lte(caseClosings.reviewedAt, to),
        sql`NOT EXISTS (SELECT 1 FROM ${followUpVisits} WHERE ${followUpVisits.applicationId} = ${applications.id})`,
      ),
    );
  const seed = input.seed ?? randomBytes(12).toString('hex');
  const draw = drawSample(
    closed.map((c) => ({ id: c.id, handlerId: c.handlerId, firmId: c.firmId, caseType: c.caseType })),
    { perMille: input.perMille, minimumPerStratum: 1, stratifyBy: 'handler' },
    seed,
  );
  const planId = randomUUID();
  const now = deps.clock.now();
  await tx.insert(visitPlans).values({
    id: planId,
    organisationId: actor.organisationId,
    closedFrom: input.closedFrom,
    closedTo: input.closedTo,
    perMille: input.perMille,
    afterDays: input.afterDays,
    method: input.method,
    seed,
    samplingMethod: SAMPLING_METHOD,
    population: closed.length,
    createdBy: actor.userId,
    createdAt: now,
  });
  const byId = new Map(closed.map((c) => [c.id, c]));
  const rows = draw.drawn.map((id) => {
    const c = byId.get(id)!;
    return {
      id: randomUUID(),
      planId,
      applicationId: id,
      organisationId: actor.organisationId,
      handlerId: c.handlerId,
      method: input.method,
      dueOn: addDays(beijingDateOf(c.closedAt ?? now), input.afterDays),
    };
  });
  if (rows.length > 0) await tx.insert(followUpVisits).values(rows);
  await recordAudit(tx, { cipher: deps.cipher, at: now }, origin, {
    action: 'visit_plan.create',
    entityType: 'visit_plans',
    entityId: planId,
    organisationId: actor.organisationId,
    changes: {
      seed: { after: seed },
      perMille: { after: input.perMille },
      population: { after: closed.length },
      applicationIds: { after: draw.drawn },
    },
  });
  return { planId, seed, visits: rows.length, population: closed.length };
}

/** The visits of the actor's centres, the ones still to make first, by due date. */
export async function visitsInScope(db: Queryable, scope: DataScope, status?: string) {
  const rows = await db
    .select({ v: followUpVisits, number: applications.number, handlerName: handlers.name })
    .from(followUpVisits)
    .innerJoin(applications, eq(applications.id, followUpVisits.applicationId))
    .leftJoin(handlers, eq(handlers.id, followUpVisits.handlerId))
    .where(
      and(
        ownerInScope(scope, followUpVisits.organisationId),
        status ? eq(followUpVisits.status, status as 'planned') : undefined,
      ),
    )
    .orderBy(sql`${followUpVisits.status} = 'planned' DESC`, asc(followUpVisits.dueOn))
    .limit(500);
  return rows.map(({ v, number, handlerName }) => ({
    id: v.id,
    applicationId: v.applicationId,
    applicationNumber: number,
    handlerName,
    method: v.method,
    status: v.status,
    dueOn: v.dueOn,
    satisfaction: v.satisfaction,
    visitedAt: v.visitedAt?.toISOString() ?? null,
  }));
}

async function lockedVisit(tx: Tx, scope: DataScope, id: string) {
  const [row] = await tx
    .select()
    .from(followUpVisits)
    .where(and(eq(followUpVisits.id, id), ownerInScope(scope, followUpVisits.organisationId)))
    .for('update');
  if (!row) throw new AppError('VISIT_NOT_FOUND');
  return row;
}

/** The recipient's phone: whole for a caller who may unmask (the call is made from it), else masked. */
async function recipientOf(deps: AppDeps, db: Queryable, applicationId: string, unmask: boolean) {
  const [row] = await db
    .select({ name: persons.name, phone: persons.phoneSealed })
    .from(applications)
    .innerJoin(persons, eq(persons.id, applications.applicantId))
    .where(eq(applications.id, applicationId));
  if (!row) return { name: null, phone: null };
  const phone = row.phone ? deps.cipher.open(row.phone) : null;
  return { name: row.name, phone: phone && !unmask ? maskPhone(phone) : phone };
}

/** One visit with the script in force (audited: it names the recipient and their phone). */
export async function visitDetail(deps: AppDeps, actor: Actor, id: string, origin: RequestOrigin) {
  return deps.db.transaction(async (tx) => {
    const [row] = await tx
      .select({ v: followUpVisits, number: applications.number, handlerName: handlers.name })
      .from(followUpVisits)
      .innerJoin(applications, eq(applications.id, followUpVisits.applicationId))
      .leftJoin(handlers, eq(handlers.id, followUpVisits.handlerId))
      .where(and(eq(followUpVisits.id, id), ownerInScope(actor.scope, followUpVisits.organisationId)));
    if (!row) throw new AppError('VISIT_NOT_FOUND');
    const jurisdiction = await jurisdictionOf(tx, row.v.organisationId);
    const script = visitScript(
      await listItemsInForce(tx, jurisdiction, 'visit_question', beijingDateOf(deps.clock.now())),
    );
    const unmask = actor.permissions.includes('person.unmask');
    await recordAudit(tx, { cipher: deps.cipher, at: deps.clock.now() }, origin, {
      action: 'follow_up_visits.read',
      entityType: 'follow_up_visits',
      entityId: id,
      organisationId: row.v.organisationId,
      changes: { unmasked: { after: unmask } },
    });
    return {
      id: row.v.id,
      applicationId: row.v.applicationId,
      applicationNumber: row.number,
      handlerName: row.handlerName,
      method: row.v.method,
      status: row.v.status,
      dueOn: row.v.dueOn,
      recipient: await recipientOf(deps, tx, row.v.applicationId, unmask),
      script: script.map((q) => ({
        code: q.code,
        nameZh: q.nameZh,
        nameEn: q.nameEn,
        answer: q.params.answer === 'text' ? ('text' as const) : ('yes_no' as const),
        citation: q.citation,
      })),
      answers: row.v.answers,
      satisfaction: row.v.satisfaction,
      comment: row.v.comment,
      visitedAt: row.v.visitedAt?.toISOString() ?? null,
    };
  });
}

/**
 * Records a follow-up call: reached or not, the script's answers (checked against the questions in
 * force, their rule ids kept), the satisfaction 1–5 and the recipient's words. A dissatisfied
 * answer (1 or 2) or a flagged one opens a review. The satisfaction counts on the handler's record.
 */
export async function recordVisit(
  deps: AppDeps,
  tx: Tx,
  actor: Actor,
  id: string,
  input: {
    reached: boolean;
    answers: Record<string, string>;
    satisfaction?: number | undefined;
    comment?: string | undefined;
  },
  origin: RequestOrigin,
) {
  const visit = await lockedVisit(tx, actor.scope, id);
  if (visit.status === 'done' || visit.status === 'unreachable') throw new AppError('VISIT_ALREADY_RECORDED');
  const now = deps.clock.now();
  const jurisdiction = await jurisdictionOf(tx, visit.organisationId);
  const questions = await listItemsInForce(tx, jurisdiction, 'visit_question', beijingDateOf(now));
  const problem = checkVisitAnswers(input, questions);
  if (problem)
    throw new AppError('VISIT_ANSWERS_INVALID', {
      problem: problem.code,
      ...('question' in problem ? { question: problem.question } : {}),
    });
  const satisfaction = input.reached ? (input.satisfaction ?? null) : null;
  await tx
    .update(followUpVisits)
    .set({
      status: input.reached ? 'done' : 'unreachable',
      answers: input.reached ? input.answers : null,
      questionRuleIds: input.reached ? questions.map((q) => q.id) : null,
      satisfaction,
      comment: input.comment ?? null,
      visitedBy: actor.userId,
      visitedAt: now,
    })
    .where(eq(followUpVisits.id, visit.id));
  const reasons = visitConcerns({ ...input, satisfaction }, questions);
  let reviewId: string | null = null;
  if (reasons.length > 0 && satisfaction !== null) {
    reviewId = randomUUID();
    await tx.insert(qualityReviews).values({
      id: reviewId,
      applicationId: visit.applicationId,
      organisationId: visit.organisationId,
      handlerId: visit.handlerId,
      source: 'visit',
      visitId: visit.id,
      satisfaction,
      reason: reasons.join(','),
      openedAt: now,
    });
  }
  await recordAudit(tx, { cipher: deps.cipher, at: now }, origin, {
    action: 'follow_up_visits.record',
    entityType: 'follow_up_visits',
    entityId: visit.id,
    organisationId: visit.organisationId,
    changes: {
      reached: { after: input.reached },
      satisfaction: { after: satisfaction },
      ...(reviewId ? { reviewId: { after: reviewId } } : {}),
    },
  });
  if (visit.handlerId && satisfaction !== null)
    await refreshQualityConcerns(deps, tx, visit.handlerId, origin);
  return { reviewId };
}

/** Sends the recipient an SMS inviting them to rate the case on the portal (满意度评价). */
export async function sendSurvey(deps: AppDeps, tx: Tx, actor: Actor, id: string, origin: RequestOrigin) {
  const visit = await lockedVisit(tx, actor.scope, id);
  if (visit.status !== 'planned') throw new AppError('VISIT_ALREADY_RECORDED');
  const recipient = await recipientOf(deps, tx, visit.applicationId, true);
  if (!recipient.phone) throw new AppError('VISIT_NO_PHONE');
  const [app] = await tx
    .select({ number: applications.number })
    .from(applications)
    .where(eq(applications.id, visit.applicationId));
  await enqueueMessage(tx, deps, {
    channel: 'sms',
    recipient: recipient.phone,
    template: 'visit_survey',
    params: { number: app?.number ?? '' },
    organisationId: visit.organisationId,
    entity: { type: 'follow_up_visits', id: visit.id },
  });
  const now = deps.clock.now();
  await tx.update(followUpVisits).set({ status: 'survey_sent' }).where(eq(followUpVisits.id, visit.id));
  await recordAudit(tx, { cipher: deps.cipher, at: now }, origin, {
    action: 'follow_up_visits.survey',
    entityType: 'follow_up_visits',
    entityId: visit.id,
    organisationId: visit.organisationId,
  });
}

/** A rating on the portal answers a survey visit of the case, and one of 1 or 2 opens a review. */
export async function ratingReceived(
  deps: AppDeps,
  tx: Tx,
  app: { id: string; ownerOrgId: string },
  score: number,
) {
  const now = deps.clock.now();
  const [visit] = await tx
    .update(followUpVisits)
    .set({ status: 'done', satisfaction: score, visitedAt: now })
    .where(
      and(
        eq(followUpVisits.applicationId, app.id),
        inArray(followUpVisits.status, ['planned', 'survey_sent']),
      ),
    )
    .returning();
  if (score > 2) return;
  const [assignment] = await tx
    .select({ handlerId: caseAssignments.handlerId })
    .from(caseAssignments)
    .where(and(eq(caseAssignments.applicationId, app.id), eq(caseAssignments.status, 'accepted')));
  await tx.insert(qualityReviews).values({
    id: randomUUID(),
    applicationId: app.id,
    organisationId: app.ownerOrgId,
    handlerId: assignment?.handlerId ?? null,
    source: 'rating',
    visitId: visit?.id ?? null,
    satisfaction: score,
    reason: 'dissatisfied',
    openedAt: now,
  });
}

/** The review tasks of the actor's centres, open first. */
export async function reviewsInScope(db: Queryable, scope: DataScope) {
  const rows = await db
    .select({ r: qualityReviews, number: applications.number, handlerName: handlers.name })
    .from(qualityReviews)
    .innerJoin(applications, eq(applications.id, qualityReviews.applicationId))
    .leftJoin(handlers, eq(handlers.id, qualityReviews.handlerId))
    .where(ownerInScope(scope, qualityReviews.organisationId))
    .orderBy(sql`${qualityReviews.status} = 'open' DESC`, desc(qualityReviews.openedAt))
    .limit(500);
  // A flagged answer is named by its question (the newest version of the `visit_question` row).
  const codes = [...new Set(rows.flatMap(({ r }) => (r.reason ? r.reason.split(',') : [])))].filter(
    (c) => c !== 'dissatisfied',
  );
  const questions = codes.length
    ? await db
        .select({ key: ruleRows.key, data: ruleRows.data, from: ruleRows.effectiveFrom })
        .from(ruleRows)
        .where(
          inArray(
            ruleRows.key,
            codes.map((c) => `visit_question:${c}`),
          ),
        )
        .orderBy(asc(ruleRows.effectiveFrom))
    : [];
  const names = new Map<string, { nameZh: string; nameEn: string }>();
  for (const q of questions) {
    const data = q.data as { code: string; nameZh: string; nameEn: string };
    names.set(data.code, { nameZh: data.nameZh, nameEn: data.nameEn });
  }
  const reasonOf = (code: string) =>
    code === 'dissatisfied'
      ? { code, nameZh: '不满意', nameEn: 'Dissatisfied' }
      : { code, ...(names.get(code) ?? { nameZh: code, nameEn: code }) };
  return rows.map(({ r, number, handlerName }) => ({
    id: r.id,
    applicationId: r.applicationId,
    applicationNumber: number,
    handlerName,
    source: r.source,
    satisfaction: r.satisfaction,
    reasons: r.reason ? r.reason.split(',').map(reasonOf) : [],
    status: r.status,
    resolution: r.resolution,
    openedAt: r.openedAt.toISOString(),
    closedAt: r.closedAt?.toISOString() ?? null,
  }));
}

/** Closes a review task with what the centre found and did. */
export async function closeReview(
  deps: AppDeps,
  tx: Tx,
  actor: Actor,
  id: string,
  resolution: string,
  origin: RequestOrigin,
) {
  const [row] = await tx
    .select()
    .from(qualityReviews)
    .where(and(eq(qualityReviews.id, id), ownerInScope(actor.scope, qualityReviews.organisationId)))
    .for('update');
  if (!row) throw new AppError('QUALITY_REVIEW_NOT_FOUND');
  if (row.status !== 'open') throw new AppError('QUALITY_REVIEW_CLOSED');
  const now = deps.clock.now();
  await tx
    .update(qualityReviews)
    .set({ status: 'closed', resolution, closedBy: actor.userId, closedAt: now })
    .where(eq(qualityReviews.id, id));
  await recordAudit(tx, { cipher: deps.cipher, at: now }, origin, {
    action: 'quality_reviews.close',
    entityType: 'quality_reviews',
    entityId: id,
    organisationId: row.organisationId,
    changes: { status: { before: 'open', after: 'closed' } },
  });
}
