import { and, asc, count, eq, isNotNull, isNull, lt, or, sql, type SQL } from 'drizzle-orm';
import { beijingDateOf } from '@fayuan/domain';
import type { Queryable } from '../../db/client.ts';
import { applications, caseClocks, criminalNotices, partners, persons } from '../../db/schema/index.ts';
import type { DataScope } from '../../platform/scope/data-scope.ts';
import { ownerInScope } from '../../platform/scope/data-scope.ts';
import { limitOffset } from '../../platform/http/pagination.ts';
import type { InboxQuery } from './inbox.schemas.ts';

/** The clock the inbox shows: the one running now (a notice's 3-day assignment clock, LAL art.36). */
const runningClock = sql<Date | null>`(
  SELECT min(${caseClocks.dueAt}) FROM ${caseClocks}
  WHERE ${caseClocks.applicationId} = ${applications.id} AND ${caseClocks.status} = 'running'
)`;

/**
 * 来件: notices from police, procuratorates and courts, and applications forwarded from custody,
 * in the caller's scope, newest first. `unassigned` keeps notices still waiting for a handler
 * (state `to_assign`); `overdue` the ones whose running clock has passed.
 */
export async function listInbox(db: Queryable, scope: DataScope, query: InboxQuery, now: Date) {
  const filters: SQL[] = [ownerInScope(scope, applications.ownerOrgId)];
  if (query.kind === 'notice') filters.push(eq(applications.channel, 'criminal_notice'));
  else if (query.kind === 'forwarded') filters.push(eq(applications.channel, 'forwarded'));
  else filters.push(or(eq(applications.channel, 'criminal_notice'), eq(applications.channel, 'forwarded'))!);
  if (query.source === 'partner') filters.push(isNotNull(applications.partnerId));
  if (query.source === 'staff') filters.push(isNull(applications.partnerId));
  if (query.unassigned) filters.push(eq(applications.state, 'to_assign'));
  if (query.overdue) filters.push(lt(runningClock, now));
  const where = and(...filters);
  const rows = await db
    .select({
      id: applications.id,
      number: applications.number,
      channel: applications.channel,
      state: applications.state,
      receivedAt: applications.receivedAt,
      forwardedBy: applications.forwardedBy,
      forwardedLate: applications.forwardedLate,
      institutionName: criminalNotices.institutionName,
      institutionNumber: sql<
        string | null
      >`coalesce(${criminalNotices.noticeNumber}, ${criminalNotices.partnerReference})`,
      partnerName: partners.name,
      personName: persons.name,
      dueAt: runningClock,
    })
    .from(applications)
    .innerJoin(persons, eq(persons.id, applications.applicantId))
    .leftJoin(criminalNotices, eq(criminalNotices.applicationId, applications.id))
    .leftJoin(partners, eq(partners.id, applications.partnerId))
    .where(where)
    .orderBy(sql`${applications.receivedAt} DESC`, asc(applications.id))
    .limit(limitOffset(query).limit)
    .offset(limitOffset(query).offset);
  const [total] = await db.select({ n: count() }).from(applications).where(where);
  return {
    items: rows.map((row) => {
      const dueAt = row.dueAt ? new Date(row.dueAt) : null;
      return {
        id: row.id,
        number: row.number,
        kind: row.channel === 'criminal_notice' ? ('notice' as const) : ('forwarded' as const),
        source: row.partnerName ? ('partner' as const) : ('staff' as const),
        institution: row.partnerName ?? row.institutionName ?? row.forwardedBy,
        institutionNumber: row.institutionNumber,
        personName: row.personName,
        receivedAt: row.receivedAt.toISOString(),
        dueAt: dueAt?.toISOString() ?? null,
        dueDate: dueAt ? beijingDateOf(dueAt) : null,
        overdue: dueAt !== null && dueAt.getTime() < now.getTime(),
        forwardedLate: row.forwardedLate,
        state: row.state,
      };
    }),
    total: total?.n ?? 0,
  };
}
