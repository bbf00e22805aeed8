import { randomUUID } from 'node:crypto';
import { and, count, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import {
  evaluateCandidate,
  highlightsOf,
  planBatch,
  rankCandidates,
  type CandidateEvaluation,
  type HandlerId,
  type Highlight,
  type HandlerProfile,
  type RankedCandidates,
} from '@fayuan/domain';
import type { Queryable, Tx } from '../../db/client.ts';
import {
  applications,
  caseActivities,
  caseAssignments,
  caseClocks,
  criminalNotices,
  handlers,
  issuedDocuments,
  persons,
  type ApplicationRow,
  type AssignmentMode,
} from '../../db/schema/index.ts';
import type { Actor, AppDeps, RequestOrigin } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { applicationInScope, findApplication } from '../applications/applications.repository.ts';
import { ensureAllowed, runEvent } from '../applications/run-event.ts';
import { notifyAssigned } from '../notifications/notify-users.ts';
import { currentAssignment } from '../casework/case-access.ts';
import { centreSettingsOf, lockedApplication } from '../applications/supplement.ts';
import {
  caseNeeds,
  caseNeedsOfMany,
  handlerProfiles,
  qualificationRules,
  todayOf,
  type HandlerRow,
} from './profiles.ts';

/** States a case waits in for a handler. */
export const TO_ASSIGN = ['granted', 'to_assign'] as const;

export interface CandidateView extends CandidateEvaluation {
  handler: { id: string; name: string; kind: string; firmId: string | null; organisationId: string };
  /** What speaks for the handler, in words (负担最轻 · 擅长… · 同区); the figures stay in scoreParts. */
  highlights: Highlight[];
}

async function districtsOf(db: Queryable, app: ApplicationRow): Promise<string[]> {
  const [notice] = await db
    .select({ court: criminalNotices.courtDistrictOrgId })
    .from(criminalNotices)
    .where(eq(criminalNotices.applicationId, app.id));
  return [...new Set([app.ownerOrgId, ...(notice?.court ? [notice.court] : [])])];
}

/** The handlers a case is judged against: their profiles, and their rows by id. */
type Pool = Awaited<ReturnType<typeof handlerProfiles>>;

async function evaluationContext(db: Queryable, actor: Actor, app: ApplicationRow, now: Date, pool?: Pool) {
  const today = todayOf(now);
  const { profiles, rows } =
    pool ?? (await handlerProfiles(db, actor.scope, await districtsOf(db, app), today));
  return {
    needs: await caseNeeds(db, app, today),
    profiles,
    rows,
    rules: await qualificationRules(db, app.ownerOrgId, today),
  };
}

const view = (
  e: CandidateEvaluation,
  row: HandlerRow | undefined,
  eligible: readonly CandidateEvaluation[],
): CandidateView => ({
  ...e,
  highlights: highlightsOf(e, eligible),
  handler: {
    id: e.handlerId,
    name: row?.name ?? '',
    kind: row?.kind ?? '',
    firmId: row?.firmId ?? null,
    organisationId: row?.organisationId ?? '',
  },
});

/** Every handler in the pool for a case, eligible first by score, each with why (LAL art.26…). */
export async function candidatesFor(
  deps: AppDeps,
  actor: Actor,
  id: string,
): Promise<{ best: CandidateView | null; candidates: CandidateView[] }> {
  const app = await findApplication(deps.db, actor.scope, id);
  if (!app) throw new AppError('NOT_FOUND');
  const now = deps.clock.now();
  const ctx = await evaluationContext(deps.db, actor, app, now);
  const ranked: RankedCandidates = rankCandidates(ctx.needs, ctx.profiles, ctx.rules, now.toISOString());
  const eligible = ranked.candidates.filter((c) => c.eligible);
  return {
    best: ranked.best ? view(ranked.best, ctx.rows.get(ranked.best.handlerId), eligible) : null,
    candidates: ranked.candidates.map((c) => view(c, ctx.rows.get(c.handlerId), eligible)),
  };
}

/** Modes in which a person chose the handler: another than the best needs a reason ([OPN] fair rotation). */
const CHOSEN_BY_HAND: readonly AssignmentMode[] = ['manual', 'provisional'];

/**
 * The handler a case gets, checked against the hard rules whatever path chose them (one click,
 * manual, a batch plan, aid in advance): an ineligible handler is refused with every blocking
 * reason and its citation (LAL art.26, MPL art.104, 回避…); a choice by hand other than the best
 * needs a reason. No handler given = the best candidate.
 */
export async function checkedHandler(
  db: Queryable,
  actor: Actor,
  app: ApplicationRow,
  now: Date,
  input: { handlerId?: string | undefined; reason?: string | undefined; mode: AssignmentMode },
  pool?: Pool,
): Promise<{ handlerId: string; evaluation: CandidateEvaluation }> {
  const ctx = await evaluationContext(db, actor, app, now, pool);
  const ranked = rankCandidates(ctx.needs, ctx.profiles, ctx.rules, now.toISOString());
  const handlerId = input.handlerId ?? ranked.best?.handlerId;
  if (!handlerId) throw new AppError('ASSIGNMENT_NO_ELIGIBLE_HANDLER');
  const profile: HandlerProfile | undefined = ctx.profiles.find((p) => p.id === handlerId);
  if (!profile) throw new AppError('NOT_FOUND', { field: 'handlerId' });
  const evaluation = evaluateCandidate(profile, ctx.needs, ctx.rules, now.toISOString());
  if (!evaluation.eligible)
    throw new AppError('ASSIGNMENT_HANDLER_INELIGIBLE', {
      field: 'handlerId',
      reasons: evaluation.reasons.filter((r) => r.blocking),
    });
  if (CHOSEN_BY_HAND.includes(input.mode) && handlerId !== ranked.best?.handlerId && !input.reason)
    throw new AppError('ASSIGNMENT_REASON_REQUIRED', {
      field: 'reason',
      best: ranked.best?.handlerId ?? null,
    });
  return { handlerId, evaluation };
}

/**
 * Whether the client is in custody, so the handler needs a meeting letter (会见公函): a notice says
 * so; an application in a criminal case forwarded by custody is a detainee's (LAL art.39).
 */
export async function clientDetained(db: Queryable, app: ApplicationRow): Promise<boolean> {
  const [notice] = await db
    .select({ detained: criminalNotices.detained })
    .from(criminalNotices)
    .where(eq(criminalNotices.applicationId, app.id));
  if (notice) return notice.detained;
  return app.caseType === 'criminal' && app.channel === 'forwarded';
}

/**
 * The assignment ended by a change of handler (更换) that no change-of-handler notice has
 * announced yet: the next assignment announces it. Each change replaces one assignment and each
 * notice announces one change, so the counts say whether one is owed (a reassignment after the
 * new handler declined owes none); the latest change names the former handler.
 */
async function replacedAssignment(db: Queryable, applicationId: string) {
  const replaced = await db
    .select({ id: caseAssignments.id })
    .from(caseAssignments)
    .where(and(eq(caseAssignments.applicationId, applicationId), eq(caseAssignments.status, 'replaced')))
    .orderBy(desc(caseAssignments.respondedAt), desc(caseAssignments.assignedAt));
  const [notices] = await db
    .select({ n: count() })
    .from(issuedDocuments)
    .where(
      and(
        eq(issuedDocuments.applicationId, applicationId),
        eq(issuedDocuments.kind, 'handler_change_notice'),
      ),
    );
  return replaced.length > (notices?.n ?? 0) ? replaced[0] : undefined;
}

/** One assignment row: the choice and the evaluation it rested on, kept as evidence. */
export async function recordAssignment(
  tx: Tx,
  row: {
    applicationId: string;
    handlerId: string;
    evaluation: CandidateEvaluation;
    mode: AssignmentMode;
    reason: string | undefined;
    actor: Actor;
    at: Date;
    respondBy: Date;
    status: 'pending' | 'accepted';
  },
): Promise<string> {
  const id = randomUUID();
  await tx.insert(caseAssignments).values({
    id,
    applicationId: row.applicationId,
    handlerId: row.handlerId,
    mode: row.mode,
    reason: row.reason ?? null,
    score: row.evaluation.score,
    evaluation: { reasons: row.evaluation.reasons, scoreParts: row.evaluation.scoreParts },
    assignedBy: row.actor.userId,
    assignedAt: row.at,
    respondBy: row.respondBy,
    status: row.status,
    respondedAt: row.status === 'accepted' ? row.at : null,
  });
  return id;
}

/**
 * Assigns a handler to a case waiting in `granted` or `to_assign` (LAL art.36, art.43), the hard
 * rules checked again (checkedHandler). The lifecycle then stops the 3-day clock and issues the
 * letters, and after a change of handler the change-of-handler notice, which names both handlers.
 */
export async function assignHandler(
  deps: AppDeps,
  tx: Tx,
  actor: Actor,
  id: string,
  input: { handlerId?: string | undefined; reason?: string | undefined; mode: AssignmentMode },
  origin: RequestOrigin,
  pool?: Pool,
) {
  const app = await lockedApplication(tx, actor, id);
  const now = deps.clock.now();
  const { handlerId, evaluation } = await checkedHandler(tx, actor, app, now, input, pool);
  const replaced = await replacedAssignment(tx, id);
  const facts = {
    handlerQualified: true,
    clientDetained: await clientDetained(tx, app),
    replacesHandler: replaced !== undefined,
  };
  const event = { type: 'assign' as const, handlerId: handlerId as HandlerId };
  // The letters print the handler of the current assignment, so it is written first.
  ensureAllowed(deps, { application: app, event, actor, facts });
  const settings = await centreSettingsOf(tx, app.ownerOrgId);
  const assignmentId = await recordAssignment(tx, {
    applicationId: id,
    handlerId,
    evaluation,
    mode: input.mode,
    reason: input.reason,
    actor,
    at: now,
    respondBy: new Date(now.getTime() + settings.acceptanceHours * 3_600_000),
    status: 'pending',
  });
  await runEvent(deps, tx, {
    application: app,
    event,
    actor,
    origin,
    facts,
    payload: {
      assignmentId,
      handlerId,
      mode: input.mode,
      score: evaluation.score,
      reason: input.reason ?? null,
      ...(replaced ? { replacesAssignmentId: replaced.id } : {}),
    },
  });
  await notifyAssigned(deps, tx, app, handlerId, assignmentId);
  return assignmentId;
}

/** The handler's own current assignment on a case: found through the login, not the data scope. */
async function ownAssignment(tx: Tx, actor: Actor, id: string) {
  const row = await currentAssignment(tx, actor, id, true);
  if (!row) throw new AppError('NOT_FOUND');
  return row;
}

/** The handler accepts (承办) or declines with a reason (LAL art.16); a decline returns the case to the queue. */
export async function respondToAssignment(
  deps: AppDeps,
  tx: Tx,
  actor: Actor,
  id: string,
  input: { accept: boolean; reason?: string | undefined },
  origin: RequestOrigin,
) {
  const { assignment, app } = await ownAssignment(tx, actor, id);
  const now = deps.clock.now();
  if (assignment.status !== 'pending') throw new AppError('APPLICATION_STATE_CONFLICT', { state: app.state });
  await runEvent(deps, tx, {
    application: app,
    event: input.accept
      ? { type: 'handler_accept' }
      : { type: 'handler_decline', reason: input.reason ?? '' },
    actor,
    origin,
    payload: { assignmentId: assignment.id, reason: input.reason ?? null },
  });
  await tx
    .update(caseAssignments)
    .set({
      status: input.accept ? 'accepted' : 'declined',
      respondedAt: now,
      endReason: input.accept ? null : (input.reason ?? null),
    })
    .where(eq(caseAssignments.id, assignment.id));
}

/**
 * The signed-in handler's current cases (pending or accepted), found through the login
 * (handlers.userId), not the data scope: a handler holds no application permission.
 */
/** The handler's own queues (work-queues.ts): each a condition on their current assignments. */
export const HANDLER_QUEUES = ['toAccept', 'agreementsToSign', 'hearingsThisWeek', 'closingsDue'] as const;
export type HandlerQueue = (typeof HANDLER_QUEUES)[number];

/** The days ahead a handler's "hearings this week" looks (a view of the calendar, not law). */
const HEARING_HORIZON_MS = 7 * 86_400_000;

function handlerQueueCondition(queue: HandlerQueue, now: Date): SQL {
  const accepted = eq(caseAssignments.status, 'accepted');
  const clockRunning = (period: string) =>
    sql`EXISTS (SELECT 1 FROM ${caseClocks} WHERE ${caseClocks.applicationId} = ${caseAssignments.applicationId} AND ${caseClocks.period} = ${period} AND ${caseClocks.status} IN ('running', 'paused'))`;
  switch (queue) {
    case 'toAccept':
      return eq(caseAssignments.status, 'pending');
    case 'agreementsToSign':
      return and(accepted, clockRunning('agreement_signing')) as SQL;
    case 'closingsDue':
      return and(accepted, clockRunning('closing_materials')) as SQL;
    case 'hearingsThisWeek':
      return and(
        accepted,
        sql`EXISTS (SELECT 1 FROM ${caseActivities} WHERE ${caseActivities.applicationId} = ${caseAssignments.applicationId} AND ${caseActivities.handlerId} = ${caseAssignments.handlerId} AND ${caseActivities.kind} = 'hearing' AND ${caseActivities.status} = 'scheduled' AND ${caseActivities.occurredAt} > ${now} AND ${caseActivities.occurredAt} <= ${new Date(now.getTime() + HEARING_HORIZON_MS)})`,
      ) as SQL;
  }
}

/** How many of the handler's current assignments a queue holds: the rows myAssignments answers for it. */
export async function countMyAssignments(db: Queryable, actor: Actor, queue: HandlerQueue, now: Date) {
  const [row] = await db
    .select({ n: count() })
    .from(caseAssignments)
    .innerJoin(handlers, eq(handlers.id, caseAssignments.handlerId))
    .where(
      and(
        eq(handlers.userId, actor.userId),
        inArray(caseAssignments.status, ['pending', 'accepted']),
        handlerQueueCondition(queue, now),
      ),
    );
  return row?.n ?? 0;
}

export async function myAssignments(db: Queryable, actor: Actor, queue?: HandlerQueue, now = new Date()) {
  const rows = await db
    .select({
      assignment: caseAssignments,
      number: applications.number,
      state: applications.state,
      matter: applications.matter,
      channel: applications.channel,
      caseType: applications.caseType,
      clientName: persons.name,
    })
    .from(caseAssignments)
    .innerJoin(handlers, eq(handlers.id, caseAssignments.handlerId))
    .innerJoin(applications, eq(applications.id, caseAssignments.applicationId))
    .innerJoin(persons, eq(persons.id, applications.applicantId))
    .where(
      and(
        eq(handlers.userId, actor.userId),
        inArray(caseAssignments.status, ['pending', 'accepted']),
        queue ? handlerQueueCondition(queue, now) : undefined,
      ),
    )
    .orderBy(desc(caseAssignments.assignedAt));
  return rows.map((r) => ({
    assignmentId: r.assignment.id,
    applicationId: r.assignment.applicationId,
    applicationNumber: r.number,
    state: r.state,
    clientName: r.clientName,
    matter: r.matter,
    channel: r.channel,
    caseType: r.caseType,
    status: r.assignment.status as 'pending' | 'accepted',
    assignedAt: r.assignment.assignedAt.toISOString(),
    respondBy: r.assignment.respondBy.toISOString(),
  }));
}

/** Change of handler (更换, LAL art.55; the MOJ procedure rules 2023 article is to be confirmed): the case returns to the queue. */
export async function changeHandler(
  deps: AppDeps,
  tx: Tx,
  actor: Actor,
  id: string,
  input: { reason: string },
  origin: RequestOrigin,
) {
  const app = await lockedApplication(tx, actor, id);
  await runEvent(deps, tx, {
    application: app,
    event: { type: 'change_handler', reason: input.reason },
    actor,
    origin,
    payload: { reason: input.reason },
  });
  await tx
    .update(caseAssignments)
    .set({ status: 'replaced', respondedAt: deps.clock.now(), endReason: input.reason })
    .where(
      and(eq(caseAssignments.applicationId, id), inArray(caseAssignments.status, ['pending', 'accepted'])),
    );
}

/**
 * A plan for the cases waiting in the actor's scope: the global optimiser (planBatch) over all of
 * them at once, hard rules never broken, shown before anything is assigned.
 */
export async function planQueue(deps: AppDeps, actor: Actor, applicationIds?: readonly string[]) {
  const now = deps.clock.now();
  const today = todayOf(now);
  const visible: ApplicationRow[] = await deps.db
    .select()
    .from(applications)
    .where(
      and(
        applicationInScope(actor.scope),
        inArray(applications.state, [...TO_ASSIGN]),
        ...(applicationIds && applicationIds.length > 0
          ? [inArray(applications.id, [...applicationIds])]
          : []),
      ),
    );
  const districts = [...new Set(visible.map((a) => a.ownerOrgId))];
  const { profiles, rows } = await handlerProfiles(deps.db, actor.scope, districts, today);
  const needs = await caseNeedsOfMany(deps.db, visible, today);
  const centre = visible[0]?.ownerOrgId ?? actor.organisationId;
  const rules = await qualificationRules(deps.db, centre, today);
  const plan = planBatch(needs, profiles, rules, { now: now.toISOString() });
  const numbers = new Map(visible.map((a) => [a.id, a.number]));
  const names = await applicantNames(deps.db, visible);
  const needsOf = new Map(needs.map((n) => [n.id, n]));
  const applicant = (caseId: string) => names.get(caseId) ?? '';
  return {
    ...plan,
    assignments: plan.assignments.map((p) => {
      // The pairing's reasons in words, judged among the handlers eligible for the case at the start.
      const caseNeeds = needsOf.get(p.caseId);
      const ranked = caseNeeds
        ? rankCandidates(caseNeeds, profiles, rules, now.toISOString()).candidates
        : [];
      const pair = ranked.find((c) => c.handlerId === p.handlerId);
      const eligible = ranked.filter((c) => c.eligible);
      return {
        ...p,
        applicationNumber: numbers.get(p.caseId) ?? '',
        applicantName: applicant(p.caseId),
        handlerName: rows.get(p.handlerId)?.name ?? '',
        highlights: pair ? highlightsOf(pair, eligible) : [],
      };
    }),
    unassigned: plan.unassigned.map((u) => ({
      ...u,
      applicationNumber: numbers.get(u.caseId) ?? '',
      applicantName: applicant(u.caseId),
    })),
  };
}

/** The applicant's name of each case, by case id. */
async function applicantNames(db: Queryable, cases: readonly ApplicationRow[]): Promise<Map<string, string>> {
  if (cases.length === 0) return new Map();
  const rows = await db
    .select({ id: persons.id, name: persons.name })
    .from(persons)
    .where(inArray(persons.id, [...new Set(cases.map((c) => c.applicantId))]));
  const byPerson = new Map(rows.map((r) => [r.id, r.name]));
  return new Map(cases.map((c) => [c.id, byPerson.get(c.applicantId) ?? '']));
}

/**
 * One pairing of a plan, as computed or as the director swapped it: the hard rules checked again
 * (a pairing by the plan needs no reason). An ineligible one names its case, so the page marks
 * the row, with every blocking reason and its citation.
 */
async function assignPairing(
  deps: AppDeps,
  tx: Tx,
  actor: Actor,
  pairing: { applicationId: string; handlerId: string },
  origin: RequestOrigin,
  pool: Pool,
  applicationNumber: string,
): Promise<string> {
  try {
    return await assignHandler(
      deps,
      tx,
      actor,
      pairing.applicationId,
      { handlerId: pairing.handlerId, mode: 'batch' },
      origin,
      pool,
    );
  } catch (error) {
    if (!(error instanceof AppError) || error.code !== 'ASSIGNMENT_HANDLER_INELIGIBLE') throw error;
    const { reasons } = error.details as { reasons: unknown };
    throw new AppError(
      'ASSIGNMENT_PLAN_PAIRING_INELIGIBLE',
      { ...pairing, applicationNumber, reasons },
      { 'zh-CN': `（${applicationNumber}）`, 'en-US': `(${applicationNumber})` },
    );
  }
}

/**
 * Confirms a plan, as computed or with pairings the director swapped: every assignment re-checked
 * and made in one transaction, or none; a case given twice is refused.
 */
export async function confirmPlan(
  deps: AppDeps,
  tx: Tx,
  actor: Actor,
  assignments: readonly { applicationId: string; handlerId: string }[],
  origin: RequestOrigin,
) {
  const seen = new Set<string>();
  for (const a of assignments) {
    if (seen.has(a.applicationId))
      throw new AppError('ASSIGNMENT_PLAN_CASE_REPEATED', { applicationId: a.applicationId });
    seen.add(a.applicationId);
  }
  // The pool is loaded once for the whole plan (the districts of all its cases), and each
  // assignment made counts against its handler in it, so capacity is checked as it fills.
  const now = deps.clock.now();
  const cases = await tx
    .select()
    .from(applications)
    .where(
      and(
        applicationInScope(actor.scope),
        inArray(
          applications.id,
          assignments.map((a) => a.applicationId),
        ),
      ),
    );
  const districts = new Set<string>();
  for (const c of cases) for (const d of await districtsOf(tx, c)) districts.add(d);
  const pool = await handlerProfiles(tx, actor.scope, [...districts], todayOf(now));
  const numbers = new Map(cases.map((c) => [c.id, c.number]));
  const ids: string[] = [];
  for (const a of assignments) {
    ids.push(await assignPairing(deps, tx, actor, a, origin, pool, numbers.get(a.applicationId) ?? ''));
    const taken = pool.profiles.find((p) => p.id === a.handlerId);
    if (taken) {
      taken.openCases += 1;
      taken.lastAssignedAt = now.toISOString();
    }
  }
  return ids;
}
