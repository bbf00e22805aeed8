import { and, arrayOverlaps, asc, count, desc, eq, gte, lt, sql, type SQL } from 'drizzle-orm';
import { can, ROLES } from '@fayuan/domain';
import { alias } from 'drizzle-orm/pg-core';
import { addDays, type LocalDate } from '@fayuan/domain';
import type { Queryable } from '../../db/client.ts';
import {
  applications,
  consultationHandovers,
  consultations,
  organisations,
  persons,
  users,
  type ConsultationChannel,
  type ConsultationOutcome,
} from '../../db/schema/index.ts';
import { maskPhone, type FieldCipher } from '../../platform/crypto/field-cipher.ts';
import { ownerInScope, pathInScope, type DataScope } from '../../platform/scope/data-scope.ts';
import { limitOffset, orderBy } from '../../platform/http/pagination.ts';
import { textSearchCondition } from '../../platform/search/search-query.ts';
import type { ConsultationListQuery, ConsultationView } from './consultations.schemas.ts';

type ConsultationRow = typeof consultations.$inferSelect;
interface UserRef {
  id: string;
  displayName: string;
}
export interface ConsultationWithNames {
  consultation: ConsultationRow;
  person: { id: string; name: string } | null;
  /** The number of the application it became (consultations.applicationId), shown instead of the id. */
  applicationNumber: string | null;
  staff: UserRef;
  owner: UserRef;
}

const staffUser = alias(users, 'staff_user');
const ownerUser = alias(users, 'owner_user');

const withNames = {
  consultation: consultations,
  personName: persons.name,
  applicationNumber: applications.number,
  staffName: staffUser.displayName,
  ownerName: ownerUser.displayName,
};

function baseSelect(db: Queryable) {
  return (
    db
      .select(withNames)
      .from(consultations)
      .leftJoin(persons, eq(persons.id, consultations.personId))
      // applicationId is a plain text reference (the column predates the applications table).
      .leftJoin(applications, sql`${applications.id}::text = ${consultations.applicationId}`)
      .innerJoin(staffUser, eq(staffUser.id, consultations.staffUserId))
      .innerJoin(ownerUser, eq(ownerUser.id, consultations.ownerUserId))
  );
}

type Joined = {
  consultation: ConsultationRow;
  personName: string | null;
  applicationNumber: string | null;
  staffName: string;
  ownerName: string;
};

function named(row: Joined): ConsultationWithNames {
  const c = row.consultation;
  return {
    consultation: c,
    person: c.personId && row.personName !== null ? { id: c.personId, name: row.personName } : null,
    applicationNumber: row.applicationNumber,
    staff: { id: c.staffUserId, displayName: row.staffName },
    owner: { id: c.ownerUserId, displayName: row.ownerName },
  };
}

/** Screens get the caller's phone masked; staff look earlier calls up by the full number instead. */
export function presentConsultation(row: ConsultationWithNames, cipher: FieldCipher): ConsultationView {
  const c = row.consultation;
  const phone = c.callerPhoneSealed ? cipher.open(c.callerPhoneSealed) : null;
  return {
    id: c.id,
    number: c.number,
    ownerOrgId: c.ownerOrgId,
    channel: c.channel,
    person: row.person,
    callerName: c.callerName,
    callerPhoneMasked: phone === null ? null : maskPhone(phone),
    topicMatter: c.topicMatter,
    question: c.question,
    answer: c.answer,
    durationSeconds: c.durationSeconds,
    startedAt: c.startedAt.toISOString(),
    staff: row.staff,
    owner: row.owner,
    outcome: c.outcome,
    referredTo: c.referredTo,
    applicationId: c.applicationId,
    applicationNumber: row.applicationNumber,
    followUpOn: c.followUpOn,
    createdAt: c.createdAt.toISOString(),
    updatedAt: c.updatedAt.toISOString(),
  };
}

export async function findConsultation(
  db: Queryable,
  scope: DataScope,
  id: string,
  lock = false,
): Promise<ConsultationWithNames | undefined> {
  const query = baseSelect(db).where(
    and(eq(consultations.id, id), ownerInScope(scope, consultations.ownerOrgId)),
  );
  const [row] = lock ? await query.for('update', { of: consultations }) : await query;
  return row ? named(row) : undefined;
}

export async function listHandovers(db: Queryable, consultationId: string) {
  const fromUser = alias(users, 'from_user');
  const toUser = alias(users, 'to_user');
  const byUser = alias(users, 'by_user');
  const rows = await db
    .select({
      handover: consultationHandovers,
      fromName: fromUser.displayName,
      toName: toUser.displayName,
      byName: byUser.displayName,
    })
    .from(consultationHandovers)
    .innerJoin(fromUser, eq(fromUser.id, consultationHandovers.fromUserId))
    .innerJoin(toUser, eq(toUser.id, consultationHandovers.toUserId))
    .innerJoin(byUser, eq(byUser.id, consultationHandovers.byUserId))
    .where(eq(consultationHandovers.consultationId, consultationId))
    .orderBy(asc(consultationHandovers.at), asc(consultationHandovers.id));
  return rows.map(({ handover: h, fromName, toName, byName }) => ({
    from: { id: h.fromUserId, displayName: fromName },
    to: { id: h.toUserId, displayName: toName },
    by: { id: h.byUserId, displayName: byName },
    reason: h.reason,
    at: h.at.toISOString(),
  }));
}

/** The start of a Beijing calendar day as an instant. */
export function beijingMidnight(date: LocalDate): Date {
  return new Date(`${date}T00:00:00+08:00`);
}

function dateRange(from: LocalDate | undefined, to: LocalDate | undefined): (SQL | undefined)[] {
  return [
    from ? gte(consultations.startedAt, beijingMidnight(from)) : undefined,
    to ? lt(consultations.startedAt, beijingMidnight(addDays(to, 1))) : undefined,
  ];
}

export async function listConsultations(
  db: Queryable,
  scope: DataScope,
  filter: ConsultationListQuery & { ownerUserId?: string | undefined; callerPhoneHash?: Buffer },
) {
  const conditions: (SQL | undefined)[] = [ownerInScope(scope, consultations.ownerOrgId)];
  // Every word of the query (segmented) among the words of question and answer, or the query as typed
  // inside either of them.
  if (filter.q)
    conditions.push(
      textSearchCondition(
        filter.q,
        consultations.searchTokens,
        [consultations.question, consultations.answer],
        'all',
      ),
    );
  if (filter.channel) conditions.push(eq(consultations.channel, filter.channel));
  if (filter.outcome) conditions.push(eq(consultations.outcome, filter.outcome));
  if (filter.topicMatter) conditions.push(eq(consultations.topicMatter, filter.topicMatter));
  if (filter.ownerUserId) conditions.push(eq(consultations.ownerUserId, filter.ownerUserId));
  if (filter.personId) conditions.push(eq(consultations.personId, filter.personId));
  if (filter.callerPhoneHash) conditions.push(eq(consultations.callerPhoneHash, filter.callerPhoneHash));
  conditions.push(...dateRange(filter.from as LocalDate | undefined, filter.to as LocalDate | undefined));
  const where = and(...conditions);
  const { limit, offset } = limitOffset(filter);
  const [rows, totals] = await Promise.all([
    baseSelect(db)
      .where(where)
      .orderBy(
        ...orderBy(
          filter.sort,
          { startedAt: consultations.startedAt, createdAt: consultations.createdAt },
          desc(consultations.startedAt),
          consultations.id,
        ),
      )
      .limit(limit)
      .offset(offset),
    db.select({ total: count() }).from(consultations).where(where),
  ]);
  return { rows: rows.map(named), total: totals[0]?.total ?? 0 };
}

/** Counts by channel and by outcome in scope over a date range (the national report form). */
export async function countConsultations(
  db: Queryable,
  scope: DataScope,
  from: LocalDate | undefined,
  to: LocalDate | undefined,
) {
  const where = and(ownerInScope(scope, consultations.ownerOrgId), ...dateRange(from, to));
  return db
    .select({
      channel: consultations.channel,
      outcome: consultations.outcome,
      total: count(),
    })
    .from(consultations)
    .where(where)
    .groupBy(consultations.channel, consultations.outcome) as Promise<
    { channel: ConsultationChannel; outcome: ConsultationOutcome; total: number }[]
  >;
}

/** The roles that may own a consultation (hold `consultation.manage`). */
const OWNER_ROLES = ROLES.filter((role) => can([role], 'consultation.manage'));

/**
 * Active colleagues in scope who may own consultations: whom a consultation can be handed to, and
 * the staff filter of the list. Names and organisations only.
 */
export async function listColleagues(db: Queryable, scope: DataScope) {
  return db
    .select({ id: users.id, displayName: users.displayName, organisationName: organisations.name })
    .from(users)
    .innerJoin(organisations, eq(organisations.id, users.organisationId))
    .where(
      and(
        eq(users.status, 'active'),
        arrayOverlaps(users.roles, [...OWNER_ROLES]),
        pathInScope(scope, organisations.path),
      ),
    )
    .orderBy(asc(organisations.path), asc(users.displayName), asc(users.id))
    .limit(500);
}
