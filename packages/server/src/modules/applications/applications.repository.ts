import { and, asc, count, eq, ilike, inArray, isNotNull, lt, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import {
  allowedEvents,
  CRIMINAL_NOTICE_GROUNDS,
  explainCounterfactual,
  explainReason,
  formatCitation,
  isCaseState,
  type CaseState,
  type LifecycleActor,
  type Locale,
} from '@fayuan/domain';
import type { Queryable } from '../../db/client.ts';
import {
  applicationEvents,
  applicationMaterials,
  applications,
  caseAssignments,
  caseMajorFlags,
  criminalNotices,
  partners,
  attachments,
  caseClocks,
  consultations,
  deliveries,
  issuedDocuments,
  objections,
  organisations,
  persons,
  users,
  type ApplicationRow,
  type ClockRow,
  WORKLIST_STATES,
} from '../../db/schema/index.ts';
import { organisationsInScope, type DataScope } from '../../platform/scope/data-scope.ts';
import { limitOffset } from '../../platform/http/pagination.ts';
import { currentClockOf, factsOf, onTimeOf } from './clocks.ts';
import { deliveriesOf, objectionWindowOf, undelivered } from './deliveries.ts';
import type { ApplicationDetail, ApplicationSummary, WorklistQuery } from './applications.schemas.ts';
import { jurisdictionOf, listItemsInForce } from './application-rules.ts';
import { beijingDateOf, endOfBeijingDay } from '@fayuan/domain';
import { currentHandlers, eventHandlers, type HandlerRef } from './handler-names.ts';

/**
 * An application is in scope for the centre that owns it and for the workstation that took it in
 * (which follows up its applicants' questions).
 *
 * Written as `= ANY(ARRAY(subquery))` rather than `IN (subquery)`: the scope's organisations are
 * then computed once, before the scan, and each side of the OR becomes an index condition that
 * PostgreSQL can combine in a BitmapOr (where an index leads with the column); `IN (subquery)` under
 * an OR can only be a filter applied to every row the rest of the WHERE clause leaves. Same rows.
 */
export function applicationInScope(scope: DataScope): SQL {
  if (scope.kind === 'all') return sql`true`;
  const scopeIds = organisationsInScope(scope);
  return sql`(${applications.ownerOrgId} = ANY(${scopeIds}) OR ${applications.intakeOrgId} = ANY(${scopeIds}))`;
}

/** One application in the caller's scope; `lock` takes a row lock for a change. */
export async function findApplication(
  db: Queryable,
  scope: DataScope,
  id: string,
  lock = false,
): Promise<ApplicationRow | undefined> {
  const query = db
    .select()
    .from(applications)
    .where(and(eq(applications.id, id), applicationInScope(scope)));
  const [row] = lock ? await query.for('update') : await query;
  return row;
}

const reviewer = alias(users, 'reviewer');

export function presentClock(c: ClockRow) {
  return {
    id: c.id,
    period: c.period,
    status: c.status,
    startedAt: c.startedAt.toISOString(),
    dueAt: c.dueAt.toISOString(),
    citation: c.citation,
    stoppedAt: c.stoppedAt?.toISOString() ?? null,
    onTime: onTimeOf(c),
    provisional: c.provisionalYears.length > 0,
    provisionalYears: c.provisionalYears,
    dueHistory: c.dueHistory,
  };
}

async function openClocks(db: Queryable, ids: string[]) {
  if (ids.length === 0) return new Map<string, ClockRow>();
  const rows = await db
    .select()
    .from(caseClocks)
    .where(and(inArray(caseClocks.applicationId, ids), inArray(caseClocks.status, ['running', 'paused'])))
    .orderBy(asc(caseClocks.dueAt));
  const byApp = new Map<string, ClockRow[]>();
  for (const c of rows) byApp.set(c.applicationId, [...(byApp.get(c.applicationId) ?? []), c]);
  const current = new Map<string, ClockRow>();
  for (const [id, open] of byApp) {
    const clock = currentClockOf(open);
    if (clock) current.set(id, clock);
  }
  return current;
}

/** The refusal or termination decision of the state it is in has no delivery recorded (ADR 0011). */
const awaitingDeliveryCondition = sql`EXISTS (SELECT 1 FROM ${issuedDocuments} WHERE ${issuedDocuments.applicationId} = ${applications.id} AND ${issuedDocuments.kind} = (CASE ${applications.state} WHEN 'refused' THEN 'refusal_decision' WHEN 'terminated' THEN 'termination_decision' END) AND NOT EXISTS (SELECT 1 FROM ${deliveries} WHERE ${deliveries.documentId} = ${issuedDocuments.id}))`;

/** Organisation kinds whose staff see the worklist by owner alone (see worklistFilter). */
export const CENTRE_KINDS_FOR_WORKLIST: ReadonlySet<string> = new Set(['district_centre', 'city_centre']);

function worklistFilter(
  scope: DataScope,
  q: WorklistQuery,
  userId: string,
  now: Date,
  actorAtCentre: boolean,
): SQL {
  const defaults: CaseState[] = q.awaitingDelivery ? ['refused', 'terminated'] : [...WORKLIST_STATES];
  const states: CaseState[] = q.state ? q.state.split(',').filter(isCaseState) : defaults;
  const conditions: SQL[] = [
    // Staff of a centre see the same rows by owner alone: whatever a workstation in their subtree
    // takes in is owned by the nearest centre at or below theirs. One column keeps it one index scan.
    actorAtCentre && scope.kind === 'subtree'
      ? sql`${applications.ownerOrgId} = ANY(${organisationsInScope(scope)})`
      : applicationInScope(scope),
    inArray(applications.state, states.length > 0 ? states : defaults),
  ];
  if (q.awaitingDelivery) conditions.push(awaitingDeliveryCondition);
  if (q.ownerOrgId) conditions.push(eq(applications.ownerOrgId, q.ownerOrgId));
  if (q.channel) conditions.push(eq(applications.channel, q.channel));
  if (q.matter) conditions.push(eq(applications.matter, q.matter));
  if (q.reviewerId) conditions.push(eq(applications.reviewerId, q.reviewerId));
  if (q.mine) conditions.push(eq(applications.reviewerId, userId));
  if (q.applicantId) conditions.push(eq(applications.applicantId, q.applicantId));
  if (q.overdue) conditions.push(lt(applications.nextDueAt, now));
  if (q.awaitingApproval) conditions.push(isNotNull(applications.pendingDecision));
  if (q.dueToday)
    conditions.push(
      sql`${applications.nextDueAt} >= ${now} AND ${applications.nextDueAt} <= ${endOfBeijingDay(beijingDateOf(now))}::timestamptz`,
    );
  if (q.unanswered)
    conditions.push(
      sql`EXISTS (SELECT 1 FROM ${caseAssignments} WHERE ${caseAssignments.applicationId} = ${applications.id} AND ${caseAssignments.status} = 'pending' AND ${caseAssignments.respondBy} < ${now})`,
    );
  if (q.major)
    conditions.push(
      sql`EXISTS (SELECT 1 FROM ${caseMajorFlags} WHERE ${caseMajorFlags.applicationId} = ${applications.id} AND ${caseMajorFlags.major})`,
    );
  if (q.q) {
    const like = `%${q.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    conditions.push(
      or(
        ilike(applications.number, like),
        ilike(persons.name, like),
        ilike(persons.nameInitials, `${q.q.toLowerCase()}%`),
        ilike(persons.namePinyin, `${q.q.toLowerCase()}%`),
      ) as SQL,
    );
  }
  return and(...conditions) as SQL;
}

function worklistOrder(sort: string | undefined): SQL[] {
  const descending = sort?.startsWith('-') ?? false;
  const field = sort?.replace(/^-/, '') ?? 'dueAt';
  const column =
    field === 'receivedAt'
      ? applications.receivedAt
      : field === 'number'
        ? applications.number
        : applications.nextDueAt;
  const direction = descending ? sql`DESC NULLS LAST` : sql`ASC NULLS LAST`;
  return [sql`${column} ${direction}`, asc(applications.id)];
}

/** How many rows the worklist answers for these filters: the same conditions as the list (work queues). */
export async function countApplications(
  db: Queryable,
  scope: DataScope,
  q: WorklistQuery,
  userId: string,
  now: Date,
  actorAtCentre = false,
): Promise<number> {
  const where = worklistFilter(scope, q, userId, now, actorAtCentre);
  const totalQuery = db.select({ n: count() }).from(applications);
  const [total] = await (q.q
    ? totalQuery.innerJoin(persons, eq(persons.id, applications.applicantId)).where(where)
    : totalQuery.where(where));
  return total?.n ?? 0;
}

/**
 * The reviewer worklist: applications in scope waiting for action, nearest deadline first. The page
 * is chosen on the narrow columns first (ids in order), then its rows are read with their names:
 * sorting thousands of full rows (they carry the stored assessment) is what made it slow.
 */
export async function listApplications(
  db: Queryable,
  scope: DataScope,
  q: WorklistQuery,
  userId: string,
  now: Date,
  actorAtCentre = false,
): Promise<{ items: ApplicationSummary[]; total: number }> {
  const where = worklistFilter(scope, q, userId, now, actorAtCentre);
  const pageIds = db.select({ id: applications.id }).from(applications);
  const page = await (q.q ? pageIds.innerJoin(persons, eq(persons.id, applications.applicantId)) : pageIds)
    .where(where)
    .orderBy(...worklistOrder(q.sort))
    .limit(limitOffset(q).limit)
    .offset(limitOffset(q).offset);
  const ids = page.map((r) => r.id);
  const found =
    ids.length === 0
      ? []
      : await db
          .select({
            app: applications,
            applicantName: persons.name,
            ownerName: organisations.name,
            reviewerName: reviewer.displayName,
          })
          .from(applications)
          .innerJoin(persons, eq(persons.id, applications.applicantId))
          .innerJoin(organisations, eq(organisations.id, applications.ownerOrgId))
          .leftJoin(reviewer, eq(reviewer.id, applications.reviewerId))
          .where(inArray(applications.id, ids));
  const byId = new Map(found.map((r) => [r.app.id, r]));
  const rows = ids.map((id) => byId.get(id)).filter((r) => r !== undefined);
  // The total joins the applicant only when the search needs the name: every application has one.
  const totalQuery = db.select({ n: count() }).from(applications);
  const [total] = await (q.q
    ? totalQuery.innerJoin(persons, eq(persons.id, applications.applicantId)).where(where)
    : totalQuery.where(where));
  const clocks = await openClocks(
    db,
    rows.map((r) => r.app.id),
  );
  const notDelivered = await undelivered(
    db,
    rows.map((r) => r.app),
  );
  const handlerOf = await currentHandlers(db, ids);
  return {
    items: rows.map((r) =>
      summaryOf(
        r.app,
        r.applicantName,
        r.ownerName,
        r.reviewerName,
        clocks.get(r.app.id) ?? null,
        notDelivered.has(r.app.id),
        handlerOf.get(r.app.id) ?? null,
      ),
    ),
    total: total?.n ?? 0,
  };
}

function summaryOf(
  a: ApplicationRow,
  applicantName: string,
  ownerName: string,
  reviewerName: string | null,
  clock: ClockRow | null,
  awaitingDelivery: boolean,
  handler: HandlerRef | null,
): ApplicationSummary {
  return {
    id: a.id,
    number: a.number,
    state: a.state,
    channel: a.channel,
    owner: { id: a.ownerOrgId, name: ownerName },
    applicant: { id: a.applicantId, name: applicantName },
    matter: a.matter,
    caseType: a.caseType,
    receivedAt: a.receivedAt.toISOString(),
    reviewer: a.reviewerId && reviewerName ? { id: a.reviewerId, displayName: reviewerName } : null,
    eligible: a.assessment?.eligible ?? null,
    flagCount: a.flags.length,
    awaitingApproval: a.pendingDecision !== null,
    currentClock: clock ? presentClock(clock) : null,
    awaitingDelivery,
    handler,
  };
}

/** The number of the consultation an application came from (null if recorded before numbering). */
async function consultationNumberOf(db: Queryable, consultationId: string): Promise<string | null> {
  const [row] = await db
    .select({ number: consultations.number })
    .from(consultations)
    .where(eq(consultations.id, consultationId));
  return row?.number ?? null;
}

async function userNames(db: Queryable, ids: (string | null | undefined)[]) {
  const wanted = [...new Set(ids.filter((id): id is string => typeof id === 'string'))];
  if (wanted.length === 0) return new Map<string, string>();
  const rows = await db
    .select({ id: users.id, name: users.displayName })
    .from(users)
    .where(inArray(users.id, wanted));
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** The partner institution a case came from (发来机构). */
async function partnerOf(db: Queryable, partnerId: string) {
  const [row] = await db
    .select({ id: partners.id, name: partners.name })
    .from(partners)
    .where(eq(partners.id, partnerId));
  return row ?? null;
}

async function noticeOf(db: Queryable, applicationId: string): Promise<ApplicationDetail['criminalNotice']> {
  const court = alias(organisations, 'court_district');
  const [row] = await db
    .select({ notice: criminalNotices, defendant: persons.name, court: court.name })
    .from(criminalNotices)
    .innerJoin(persons, eq(persons.id, criminalNotices.defendantId))
    .leftJoin(court, eq(court.id, criminalNotices.courtDistrictOrgId))
    .where(eq(criminalNotices.applicationId, applicationId));
  if (!row) return null;
  const n = row.notice;
  return {
    institutionKind: n.institutionKind,
    institutionName: n.institutionName,
    noticeNumber: n.noticeNumber,
    stage: n.stage,
    ground: n.ground,
    groundCitation: CRIMINAL_NOTICE_GROUNDS[n.ground as keyof typeof CRIMINAL_NOTICE_GROUNDS] ?? '',
    charges: n.charges,
    defendant: { id: n.defendantId, name: row.defendant },
    detained: n.detained,
    detentionPlace: n.detentionPlace,
    courtDistrict: n.courtDistrictOrgId && row.court ? { id: n.courtDistrictOrgId, name: row.court } : null,
    noticeReceivedAt: n.noticeReceivedAt.toISOString(),
    source: n.source,
  };
}

/** Everything the detail page shows, explained in the caller's language. */
export async function applicationDetail(
  db: Queryable,
  a: ApplicationRow,
  actorRoles: readonly LifecycleActor[],
  locale: Locale,
  now: Date,
): Promise<ApplicationDetail> {
  const [names] = await db
    .select({ applicant: persons.name, owner: organisations.name })
    .from(applications)
    .innerJoin(persons, eq(persons.id, applications.applicantId))
    .innerJoin(organisations, eq(organisations.id, applications.ownerOrgId))
    .where(eq(applications.id, a.id));
  const [intake] = await db
    .select({ name: organisations.name })
    .from(organisations)
    .where(eq(organisations.id, a.intakeOrgId));
  const clocks = await db
    .select()
    .from(caseClocks)
    .where(eq(caseClocks.applicationId, a.id))
    .orderBy(asc(caseClocks.startedAt));
  const materials = await db
    .select()
    .from(applicationMaterials)
    .where(eq(applicationMaterials.applicationId, a.id))
    .orderBy(asc(applicationMaterials.code));
  const files = await db
    .select()
    .from(attachments)
    .where(eq(attachments.applicationId, a.id))
    .orderBy(asc(attachments.uploadedAt));
  const documents = await db
    .select()
    .from(issuedDocuments)
    .where(eq(issuedDocuments.applicationId, a.id))
    .orderBy(asc(issuedDocuments.issuedAt));
  const objectionRows = await db
    .select({ objection: objections, bureau: organisations.name })
    .from(objections)
    .innerJoin(organisations, eq(organisations.id, objections.bureauOrgId))
    .where(eq(objections.applicationId, a.id))
    .orderBy(asc(objections.filedAt));
  const deliveryRows = await deliveriesOf(db, a.id);
  const objectionWindow = await objectionWindowOf(db, a, clocks, now);
  const events = await db
    .select()
    .from(applicationEvents)
    .where(eq(applicationEvents.applicationId, a.id))
    .orderBy(asc(applicationEvents.at), asc(applicationEvents.id));
  const names2 = await userNames(db, [
    a.receivedBy,
    a.reviewerId,
    a.decidedBy,
    a.approvedBy,
    a.pendingDecision?.proposedBy,
    ...files.map((f) => f.uploadedBy),
    ...documents.map((d) => d.issuedBy),
    ...objectionRows.map((o) => o.objection.decidedBy),
    ...deliveryRows.map((d) => d.delivery.recordedBy),
    ...events.map((e) => e.actorId),
  ]);
  const ref = (id: string | null | undefined) =>
    id && names2.has(id) ? { id, displayName: names2.get(id) ?? '' } : null;
  const jurisdiction = await jurisdictionOf(db, a.ownerOrgId);
  const materialRules = new Map(
    (await listItemsInForce(db, jurisdiction, 'application_material', beijingDateOf(a.receivedAt))).map(
      (m) => [m.code, m],
    ),
  );
  const current = currentClockOf(clocks);
  const summary = summaryOf(
    a,
    names?.applicant ?? '',
    names?.owner ?? '',
    names2.get(a.reviewerId ?? '') ?? null,
    current ?? null,
    (await undelivered(db, [a])).has(a.id),
    (await currentHandlers(db, [a.id])).get(a.id) ?? null,
  );
  const handlersOfEvents = await eventHandlers(
    db,
    a.id,
    events.map((e) => e.payload),
  );
  return {
    ...summary,
    intakeOrg: { id: a.intakeOrgId, name: intake?.name ?? '' },
    partner: a.partnerId ? await partnerOf(db, a.partnerId) : null,
    forwardedBy: a.forwardedBy,
    forwardedReceivedAt: a.forwardedReceivedAt?.toISOString() ?? null,
    forwardedLate: a.forwardedLate,
    preliminaryReview: a.preliminaryReview ?? null,
    consultationId: a.consultationId,
    consultationNumber: a.consultationId ? await consultationNumberOf(db, a.consultationId) : null,
    stage: a.stage,
    opposingParty: a.opposingParty,
    courtOrAuthority: a.courtOrAuthority,
    facts: a.facts,
    requestedHelp: a.requestedHelp,
    hardshipBasis: a.hardshipBasis,
    household:
      a.householdMembers !== null && a.householdMonthlyIncomeFen !== null
        ? { members: a.householdMembers, monthlyIncomeFen: a.householdMonthlyIncomeFen }
        : null,
    categories: a.categories,
    assessment: a.assessment && {
      ...a.assessment,
      reasons: a.assessment.reasons.map((r) => ({
        code: r.code,
        citation: r.citation,
        citationText: formatCitation(r.citation, locale),
        message: explainReason(r, locale),
      })),
      whatWouldChange: a.assessment.whatWouldChange.map((c) => ({
        code: c.code,
        message: explainCounterfactual(c, locale),
      })),
    },
    criminalNotice: await noticeOf(db, a.id),
    ruleVersion: a.ruleVersion,
    flags: a.flags,
    receivedBy: ref(a.receivedBy) ?? { id: a.receivedBy, displayName: '' },
    pendingDecision: a.pendingDecision
      ? {
          decision: a.pendingDecision.decision,
          reasons: a.pendingDecision.reasons.map((r) => ({ ...r })) as { code: string; citation: string }[],
          note: a.pendingDecision.note,
          proposedBy: ref(a.pendingDecision.proposedBy) ?? {
            id: a.pendingDecision.proposedBy,
            displayName: '',
          },
          proposedAt: a.pendingDecision.proposedAt,
        }
      : null,
    decision: a.decision,
    decisionReasons: (a.decisionReasons as { code: string; citation: string }[] | null) ?? null,
    decidedAt: a.decidedAt?.toISOString() ?? null,
    decidedBy: ref(a.decidedBy),
    approvedBy: ref(a.approvedBy),
    provisional: a.provisional ?? null,
    clocks: clocks.map(presentClock),
    materials: materials.map((m) => {
      const rule = materialRules.get(m.code);
      return {
        code: m.code,
        label: m.label,
        nameZh: m.label ?? rule?.nameZh ?? m.code,
        nameEn: m.label ?? rule?.nameEn ?? m.code,
        citation: rule?.citation ?? null,
        status: m.status,
        requestedAt: m.requestedAt?.toISOString() ?? null,
        providedAt: m.providedAt?.toISOString() ?? null,
        copies: m.copies,
        original: m.original,
      };
    }),
    attachments: files.map((f) => ({
      id: f.id,
      materialCode: f.materialCode,
      fileName: f.fileName,
      contentType: f.contentType,
      sizeBytes: f.sizeBytes,
      sha256: f.sha256,
      uploadedBy: ref(f.uploadedBy) ?? { id: f.uploadedBy, displayName: '' },
      uploadedAt: f.uploadedAt.toISOString(),
    })),
    documents: documents.map((d) => ({
      id: d.id,
      kind: d.kind,
      number: d.number,
      issuedAt: d.issuedAt.toISOString(),
      issuedBy: ref(d.issuedBy),
    })),
    objections: objectionRows.map(({ objection: o, bureau }) => ({
      id: o.id,
      against: o.against,
      bureau: { id: o.bureauOrgId, name: bureau },
      grounds: o.grounds,
      filedAt: o.filedAt.toISOString(),
      status: o.status,
      conclusion: o.conclusion,
      decidedAt: o.decidedAt?.toISOString() ?? null,
      decidedBy: ref(o.decidedBy),
    })),
    deliveries: deliveryRows.map(({ delivery: d, documentKind, documentNumber }) => ({
      id: d.id,
      documentId: d.documentId,
      documentKind,
      documentNumber,
      method: d.method,
      deliveredOn: d.deliveredOn,
      deliveredBy: d.deliveredBy,
      proofAttachmentId: d.proofAttachmentId,
      smsReportRef: d.smsReportRef,
      recordedBy: ref(d.recordedBy) ?? { id: d.recordedBy, displayName: '' },
      recordedAt: d.recordedAt.toISOString(),
    })),
    objectionWindow: objectionWindow?.view ?? null,
    events: events.map((e, i) => ({
      event: e.event,
      handler: handlersOfEvents[i] ?? null,
      fromState: e.fromState,
      toState: e.toState,
      citation: e.citation,
      payload: e.payload,
      actor: ref(e.actorId),
      actorKind: e.actorKind,
      at: e.at.toISOString(),
    })),
    allowedEvents: allowedEvents(a.state, {
      actorRoles,
      at: now.toISOString(),
      facts: { ...factsOf(clocks, now), ...objectionWindow?.facts },
    }).map((e) => e.event),
    version: a.version,
  };
}
