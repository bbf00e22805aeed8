import {
  and,
  arrayContains,
  asc,
  count,
  desc,
  eq,
  ilike,
  inArray,
  isNull,
  like,
  max,
  or,
  sql,
  type SQL,
} from 'drizzle-orm';
import { completedYears, type HandlerConflictKind, type LocalDate } from '@fayuan/domain';
import type { Queryable } from '../../db/client.ts';
import { handlerQualitySummaries } from '../quality/handler-quality.ts';
import {
  applications,
  caseAssignments,
  caseEvaluations,
  handlerConflicts,
  handlers,
  handlerStatusEvents,
  handlerTraining,
  lawFirms,
  organisations,
  qualityConcerns,
  ruleRows,
  teamMembers,
  teams,
  users,
} from '../../db/schema/index.ts';
import { maskPhone, type FieldCipher } from '../../platform/crypto/field-cipher.ts';
import { ownerInScope, type DataScope } from '../../platform/scope/data-scope.ts';
import { limitOffset, orderBy } from '../../platform/http/pagination.ts';
import type { HandlerDetail, HandlerListQuery, HandlerView } from './handlers.schemas.ts';

export type HandlerRow = typeof handlers.$inferSelect;
export interface HandlerWithNames {
  handler: HandlerRow;
  organisationName: string;
  firm: { id: string; name: string } | null;
}
export type TeamRef = HandlerView['teams'][number];

const withNames = {
  handler: handlers,
  organisationName: organisations.name,
  firmName: lawFirms.name,
};

function named(row: { handler: HandlerRow; organisationName: string; firmName: string | null }) {
  return {
    handler: row.handler,
    organisationName: row.organisationName,
    firm: row.handler.firmId && row.firmName ? { id: row.handler.firmId, name: row.firmName } : null,
  };
}

/** States in which a case occupies its handler, counted against their capacity. */
export const OCCUPYING_STATES = ['assigned', 'in_progress', 'closing_submitted', 'provisional_aid'] as const;
/** States of a case the handler saw through to an accepted closing. */
const CLOSED_STATES = ['closed', 'evaluated', 'subsidy_paid', 'archived'] as const;

export interface HandlerLoad {
  /** Cases assigned (pending or accepted) still occupying the handler. */
  open: number;
  /** Cases they handled to an accepted closing. */
  closed: number;
  /** Assignments they declined (LAL art.16: with a reason). */
  declined: number;
  lastAssignedAt: Date | null;
}

/** Each handler's case load from their assignments, in one query (the registry and the assignment engine). */
export async function handlerLoads(db: Queryable, ids: readonly string[]): Promise<Map<string, HandlerLoad>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({
      handlerId: caseAssignments.handlerId,
      open: sql<number>`count(*) FILTER (WHERE ${caseAssignments.status} IN ('pending', 'accepted') AND ${inArray(applications.state, [...OCCUPYING_STATES])})::int`,
      closed: sql<number>`count(*) FILTER (WHERE ${caseAssignments.status} = 'accepted' AND ${inArray(applications.state, [...CLOSED_STATES])})::int`,
      declined: sql<number>`count(*) FILTER (WHERE ${caseAssignments.status} = 'declined')::int`,
      last: max(caseAssignments.assignedAt),
    })
    .from(caseAssignments)
    .innerJoin(applications, eq(applications.id, caseAssignments.applicationId))
    .where(inArray(caseAssignments.handlerId, [...ids]))
    .groupBy(caseAssignments.handlerId);
  return new Map(
    rows.map((r) => [
      r.handlerId,
      {
        open: r.open,
        closed: r.closed,
        declined: r.declined,
        lastAssignedAt: r.last ? new Date(r.last) : null,
      },
    ]),
  );
}

/**
 * Screens get the phone masked; years of practice are counted to `today` (the Beijing date of the
 * server clock) on every read; the open cases come from the assignments (`handlerLoads`).
 */
export function presentHandler(
  { handler: h, organisationName, firm }: HandlerWithNames,
  teamRefs: TeamRef[],
  cipher: FieldCipher,
  today: LocalDate,
  load?: HandlerLoad,
): HandlerView {
  const phone = h.phoneSealed ? cipher.open(h.phoneSealed) : null;
  return {
    id: h.id,
    organisationId: h.organisationId,
    organisationName,
    userId: h.userId,
    name: h.name,
    namePinyin: h.namePinyin,
    kind: h.kind,
    volunteerSubkind: h.volunteerSubkind,
    firm,
    licenceNumber: h.licenceNumber,
    practiceStartDate: h.practiceStartDate,
    criminalPracticeStartDate: h.criminalPracticeStartDate,
    yearsOfPractice: completedYears(h.practiceStartDate as LocalDate | null, today),
    yearsOfCriminalPractice: completedYears(h.criminalPracticeStartDate as LocalDate | null, today),
    specialties: h.specialties,
    languages: h.languages,
    districtsServed: h.districtsServed,
    familiarWithMinors: h.familiarWithMinors,
    capacity: h.capacity,
    openCases: load?.open ?? 0,
    status: h.status,
    statusReason: h.statusReason,
    statusSince: h.statusSince,
    phoneMasked: phone === null ? null : maskPhone(phone),
    teams: teamRefs,
    version: h.version,
    createdAt: h.createdAt.toISOString(),
    updatedAt: h.updatedAt.toISOString(),
  };
}

function baseQuery(db: Queryable) {
  return db
    .select(withNames)
    .from(handlers)
    .innerJoin(organisations, eq(organisations.id, handlers.organisationId))
    .leftJoin(lawFirms, eq(lawFirms.id, handlers.firmId));
}

/** One handler in scope, or undefined. */
export async function findHandler(
  db: Queryable,
  scope: DataScope,
  id: string,
  lock = false,
): Promise<HandlerWithNames | undefined> {
  const query = baseQuery(db).where(and(eq(handlers.id, id), ownerInScope(scope, handlers.organisationId)));
  const [row] = lock ? await query.for('update', { of: handlers }) : await query;
  return row ? named(row) : undefined;
}

/** The handler record of a login account: the handler's own portal, whatever the organisation. */
export async function findHandlerOfUser(
  db: Queryable,
  userId: string,
): Promise<HandlerWithNames | undefined> {
  const [row] = await baseQuery(db).where(eq(handlers.userId, userId));
  return row ? named(row) : undefined;
}

/** Current team memberships of the given handlers, by handler id. */
export async function currentTeamsOf(db: Queryable, handlerIds: string[]): Promise<Map<string, TeamRef[]>> {
  const byHandler = new Map<string, TeamRef[]>();
  if (handlerIds.length === 0) return byHandler;
  const rows = await db
    .select({
      handlerId: teamMembers.handlerId,
      id: teams.id,
      code: teams.code,
      name: teams.name,
      since: teamMembers.since,
    })
    .from(teamMembers)
    .innerJoin(teams, eq(teams.id, teamMembers.teamId))
    .where(and(inArray(teamMembers.handlerId, handlerIds), isNull(teamMembers.until)))
    .orderBy(asc(teams.code));
  for (const { handlerId, ...team } of rows) {
    const list = byHandler.get(handlerId) ?? [];
    list.push(team);
    byHandler.set(handlerId, list);
  }
  return byHandler;
}

/** What the drawer shows beside the record: admission history, teams, training, conflicts. */
export async function handlerRecords(
  db: Queryable,
  handlerId: string,
): Promise<Omit<HandlerDetail, keyof HandlerView | 'track' | 'login'>> {
  const [history, memberships, training, conflicts] = await Promise.all([
    db
      .select({ event: handlerStatusEvents, byName: users.displayName })
      .from(handlerStatusEvents)
      .leftJoin(users, eq(users.id, handlerStatusEvents.byUserId))
      .where(eq(handlerStatusEvents.handlerId, handlerId))
      .orderBy(asc(handlerStatusEvents.at), asc(handlerStatusEvents.id)),
    db
      .select({
        id: teams.id,
        code: teams.code,
        name: teams.name,
        since: teamMembers.since,
        until: teamMembers.until,
      })
      .from(teamMembers)
      .innerJoin(teams, eq(teams.id, teamMembers.teamId))
      .where(eq(teamMembers.handlerId, handlerId))
      .orderBy(desc(teamMembers.since), asc(teams.code)),
    db
      .select()
      .from(handlerTraining)
      .where(eq(handlerTraining.handlerId, handlerId))
      .orderBy(desc(handlerTraining.heldOn), asc(handlerTraining.id)),
    db
      .select()
      .from(handlerConflicts)
      .where(eq(handlerConflicts.handlerId, handlerId))
      .orderBy(desc(handlerConflicts.recordedAt), asc(handlerConflicts.id)),
  ]);
  const named = await concernNames(db, [...new Set(history.flatMap((h) => h.event.qualityConcernIds))]);
  return {
    statusHistory: history.map(({ event: e, byName }) => ({
      id: e.id,
      fromStatus: e.fromStatus,
      toStatus: e.toStatus,
      reason: e.reason,
      effectiveOn: e.effectiveOn,
      by: e.byUserId && byName ? { id: e.byUserId, displayName: byName } : null,
      at: e.at.toISOString(),
      qualityConcerns: e.qualityConcernIds.flatMap((id) => named.get(id) ?? []),
    })),
    memberships,
    training: training.map((t) => ({
      id: t.id,
      title: t.title,
      hours: Number(t.hours),
      heldOn: t.heldOn,
      provider: t.provider,
    })),
    trainingHours: training.reduce((sum, t) => sum + Number(t.hours), 0),
    conflicts: conflicts.map((c) => ({
      id: c.id,
      kind: c.kind as HandlerConflictKind,
      partyName: c.partyName,
      note: c.note,
      recordedAt: c.recordedAt.toISOString(),
    })),
  };
}

/** Quality concerns by id, each named as the threshold row it crossed names it. */
async function concernNames(db: Queryable, ids: string[]) {
  if (ids.length === 0)
    return new Map<string, { id: string; code: string; nameZh: string; nameEn: string }>();
  const rows = await db
    .select({ id: qualityConcerns.id, code: qualityConcerns.code, data: ruleRows.data })
    .from(qualityConcerns)
    .innerJoin(ruleRows, eq(ruleRows.id, qualityConcerns.ruleId))
    .where(inArray(qualityConcerns.id, ids));
  return new Map(
    rows.map((r) => {
      const data = r.data as { nameZh?: string; nameEn?: string };
      return [r.id, { id: r.id, code: r.code, nameZh: data.nameZh ?? r.code, nameEn: data.nameEn ?? r.code }];
    }),
  );
}

/** The handler's open quality concerns, by their threshold's code. */
async function openConcernIds(db: Queryable, handlerId: string): Promise<Map<string, string>> {
  const rows = await db
    .select({ id: qualityConcerns.id, code: qualityConcerns.code })
    .from(qualityConcerns)
    .where(and(eq(qualityConcerns.handlerId, handlerId), isNull(qualityConcerns.closedAt)));
  return new Map(rows.map((r) => [r.code, r.id]));
}

export async function presentHandlerDetail(
  db: Queryable,
  row: HandlerWithNames,
  cipher: FieldCipher,
  today: LocalDate,
): Promise<HandlerDetail> {
  const [teamsByHandler, records, loads, track, login, summaries, openConcerns] = await Promise.all([
    currentTeamsOf(db, [row.handler.id]),
    handlerRecords(db, row.handler.id),
    handlerLoads(db, [row.handler.id]),
    qualityRecord(db, row.handler.id),
    loginOf(db, row.handler.userId),
    handlerQualitySummaries(db, [row.handler.id], today),
    openConcernIds(db, row.handler.id),
  ]);
  const summary = summaries.get(row.handler.id);
  const load = loads.get(row.handler.id);
  return {
    ...presentHandler(row, teamsByHandler.get(row.handler.id) ?? [], cipher, today, load),
    ...records,
    login,
    track: {
      openCases: load?.open ?? 0,
      closedCases: load?.closed ?? 0,
      declined: load?.declined ?? 0,
      lastAssignedAt: load?.lastAssignedAt?.toISOString() ?? null,
      ...track,
      quality: {
        inspectionScore: summary?.inspectionScore ?? null,
        inspections: summary?.inspections ?? 0,
        upheldComplaints: summary?.upheldComplaints ?? 0,
        complaintsDecided: summary?.complaintsDecided ?? 0,
        satisfaction: summary?.satisfaction ?? null,
        ratings: summary?.ratings ?? 0,
        observationScore: summary?.observationScore ?? null,
        observations: summary?.observations ?? 0,
        trend: summary?.trend ?? [],
        concerns: (summary?.concerns ?? []).map((c) => ({ ...c, id: openConcerns.get(c.code) ?? null })),
      },
    },
  };
}

/** The login (登录账号) linked to the handler record, shown on the lawyer's record. */
async function loginOf(db: Queryable, userId: string | null) {
  if (userId === null) return null;
  const [row] = await db
    .select({ id: users.id, username: users.username, displayName: users.displayName, status: users.status })
    .from(users)
    .where(eq(users.id, userId));
  return row ?? null;
}

/**
 * The quality evaluations of the cases the handler closed (质量评估, LAL art.57, art.59): how many,
 * the average score and how many of each grade — the talent pool's (人才库) measure of the work.
 */
async function qualityRecord(db: Queryable, handlerId: string) {
  // Each grade is named by the rule row its evaluations were made under (the newest one when the
  // name changed between versions), so the page never has to look a code up in another list.
  const rows = await db
    .select({
      grade: caseEvaluations.grade,
      nameZh: sql<string>`(array_agg(${ruleRows.data}->>'nameZh' ORDER BY ${ruleRows.effectiveFrom} DESC))[1]`,
      nameEn: sql<string>`(array_agg(${ruleRows.data}->>'nameEn' ORDER BY ${ruleRows.effectiveFrom} DESC))[1]`,
      n: sql<number>`count(*)::int`,
      total: sql<number>`sum(${caseEvaluations.score})::int`,
    })
    .from(caseEvaluations)
    .innerJoin(
      caseAssignments,
      and(
        eq(caseAssignments.applicationId, caseEvaluations.applicationId),
        eq(caseAssignments.status, 'accepted'),
      ),
    )
    .innerJoin(ruleRows, eq(ruleRows.id, caseEvaluations.gradeRuleId))
    .where(eq(caseAssignments.handlerId, handlerId))
    .groupBy(caseEvaluations.grade)
    .orderBy(caseEvaluations.grade);
  const evaluations = rows.reduce((sum, r) => sum + r.n, 0);
  const total = rows.reduce((sum, r) => sum + r.total, 0);
  return {
    evaluations,
    averageScore: evaluations === 0 ? null : Math.round((total / evaluations) * 10) / 10,
    grades: rows.map((r) => ({ code: r.grade, nameZh: r.nameZh, nameEn: r.nameEn, count: r.n })),
  };
}

const escapeLike = (value: string) => value.replace(/[\\%_]/g, (c) => `\\${c}`);

/** A name substring (张), a full-pinyin prefix (zhangs), an initials prefix (zs), or a licence number. */
function searchCondition(q: string): SQL {
  const conditions: SQL[] = [
    ilike(handlers.name, `%${escapeLike(q)}%`),
    eq(handlers.licenceNumber, q.replace(/\s+/g, '')),
  ];
  const latin = q.toLowerCase().replace(/[\s'’]/g, '');
  if (/^[a-z]+$/.test(latin))
    conditions.push(like(handlers.namePinyin, `${latin}%`), like(handlers.nameInitials, `${latin}%`));
  return or(...conditions)!;
}

export async function listHandlers(db: Queryable, scope: DataScope, filter: HandlerListQuery) {
  const conditions: (SQL | undefined)[] = [ownerInScope(scope, handlers.organisationId)];
  if (filter.q) conditions.push(searchCondition(filter.q));
  if (filter.kind) conditions.push(eq(handlers.kind, filter.kind));
  if (filter.status) conditions.push(eq(handlers.status, filter.status));
  if (filter.firmId) conditions.push(eq(handlers.firmId, filter.firmId));
  if (filter.organisationId) conditions.push(eq(handlers.organisationId, filter.organisationId));
  if (filter.district) conditions.push(arrayContains(handlers.districtsServed, [filter.district]));
  if (filter.specialty) conditions.push(arrayContains(handlers.specialties, [filter.specialty]));
  if (filter.language) conditions.push(arrayContains(handlers.languages, [filter.language]));
  if (filter.familiarWithMinors !== undefined)
    conditions.push(eq(handlers.familiarWithMinors, filter.familiarWithMinors));
  if (filter.teamId)
    conditions.push(
      // Qualified by hand: the count query selects from one table, where drizzle drops qualifiers.
      sql`EXISTS (SELECT 1 FROM ${teamMembers} m WHERE m.handler_id = "handlers"."id" AND m.team_id = ${filter.teamId} AND m.until IS NULL)`,
    );
  const where = and(...conditions);
  const { limit, offset } = limitOffset(filter);
  const [rows, totals] = await Promise.all([
    baseQuery(db)
      .where(where)
      .orderBy(
        ...orderBy(
          filter.sort,
          {
            name: handlers.namePinyin,
            createdAt: handlers.createdAt,
            practiceStartDate: handlers.practiceStartDate,
            statusSince: handlers.statusSince,
          },
          desc(handlers.createdAt),
          handlers.id,
        ),
      )
      .limit(limit)
      .offset(offset),
    db.select({ total: count() }).from(handlers).where(where),
  ]);
  return { rows: rows.map(named), total: totals[0]?.total ?? 0 };
}
