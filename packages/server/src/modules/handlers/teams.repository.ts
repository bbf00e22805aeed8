import { and, asc, desc, eq, isNull, sql } from 'drizzle-orm';
import { completedYears, type LocalDate } from '@fayuan/domain';
import type { Queryable } from '../../db/client.ts';
import { handlers, organisations, teamMembers, teams } from '../../db/schema/index.ts';
import { ownerInScope, type DataScope } from '../../platform/scope/data-scope.ts';
import type { TeamView } from './handlers.schemas.ts';

type TeamRow = typeof teams.$inferSelect;

// Qualified by hand, so the subquery never reads an unqualified outer column as its own.
const memberCount = sql<number>`(SELECT count(*)::int FROM ${teamMembers} m WHERE m.team_id = "teams"."id" AND m.until IS NULL)`;
const withCount = { team: teams, organisationName: organisations.name, memberCount };

export function presentTeam(row: { team: TeamRow; organisationName: string; memberCount: number }): TeamView {
  const t = row.team;
  return {
    id: t.id,
    organisationId: t.organisationId,
    organisationName: row.organisationName,
    code: t.code,
    name: t.name,
    membershipRule: t.membershipRule,
    minYearsOfPractice: t.minYearsOfPractice,
    minYearsOfCriminalPractice: t.minYearsOfCriminalPractice,
    active: t.active,
    memberCount: Number(row.memberCount),
    createdAt: t.createdAt.toISOString(),
    updatedAt: t.updatedAt.toISOString(),
  };
}

export async function findTeam(db: Queryable, scope: DataScope, id: string, lock = false) {
  const query = db
    .select(withCount)
    .from(teams)
    .innerJoin(organisations, eq(organisations.id, teams.organisationId))
    .where(and(eq(teams.id, id), ownerInScope(scope, teams.organisationId)));
  const [row] = lock ? await query.for('update', { of: teams }) : await query;
  return row;
}

export async function listTeams(db: Queryable, scope: DataScope) {
  return db
    .select(withCount)
    .from(teams)
    .innerJoin(organisations, eq(organisations.id, teams.organisationId))
    .where(ownerInScope(scope, teams.organisationId))
    .orderBy(desc(teams.active), asc(organisations.code), asc(teams.code));
}

/** Members of a team, current first; `all` adds those who left. */
export async function listTeamMembers(db: Queryable, teamId: string, today: LocalDate, all: boolean) {
  const rows = await db
    .select({
      handlerId: handlers.id,
      name: handlers.name,
      kind: handlers.kind,
      status: handlers.status,
      practiceStartDate: handlers.practiceStartDate,
      criminalPracticeStartDate: handlers.criminalPracticeStartDate,
      since: teamMembers.since,
      until: teamMembers.until,
    })
    .from(teamMembers)
    .innerJoin(handlers, eq(handlers.id, teamMembers.handlerId))
    .where(and(eq(teamMembers.teamId, teamId), all ? undefined : isNull(teamMembers.until)))
    .orderBy(sql`${teamMembers.until} IS NOT NULL`, asc(handlers.namePinyin), asc(teamMembers.since));
  return rows.map(({ practiceStartDate, criminalPracticeStartDate, ...m }) => ({
    ...m,
    yearsOfPractice: completedYears(practiceStartDate as LocalDate | null, today),
    yearsOfCriminalPractice: completedYears(criminalPracticeStartDate as LocalDate | null, today),
  }));
}
