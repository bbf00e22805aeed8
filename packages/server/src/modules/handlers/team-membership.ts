import { randomUUID } from 'node:crypto';
import { and, eq, isNull } from 'drizzle-orm';
import { beijingDateOf, compareDates, completedYears, type LocalDate } from '@fayuan/domain';
import { teamMembers } from '../../db/schema/index.ts';
import { isUniqueViolation } from '../../db/pg-errors.ts';
import type { Actor, AppDeps, RequestOrigin } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { recordAudit } from '../../platform/audit/audit-log.ts';
import { findHandler } from './handlers.repository.ts';
import { findTeam } from './teams.repository.ts';

/**
 * Adds a handler in scope to an active team in scope. The team's entry rule in years is checked on
 * the day of joining (the death-penalty team asks for ≥ 3 years, as LAL art.26 does for the cases);
 * an exited handler or one already in the team cannot join.
 */
export async function addTeamMember(
  deps: AppDeps,
  actor: Actor,
  teamId: string,
  input: { handlerId: string; since?: string | undefined },
  origin: RequestOrigin,
) {
  return deps.db.transaction(async (tx) => {
    const team = await findTeam(tx, actor.scope, teamId, true);
    if (!team || !team.team.active) throw new AppError('NOT_FOUND');
    const handler = await findHandler(tx, actor.scope, input.handlerId);
    if (!handler) throw new AppError('NOT_FOUND', { field: 'handlerId' });
    const now = deps.clock.now();
    const today = beijingDateOf(now);
    const since = (input.since ?? today) as LocalDate;
    if (compareDates(since, today) > 0) throw new AppError('HANDLER_DATES_INVALID', { field: 'since' });
    const h = handler.handler;
    const years = completedYears(h.practiceStartDate as LocalDate | null, since);
    const criminalYears = completedYears(h.criminalPracticeStartDate as LocalDate | null, since);
    const t = team.team;
    const shortOf: string[] = [];
    if (h.status === 'exited') shortOf.push('status');
    if (t.minYearsOfPractice !== null && years < t.minYearsOfPractice) shortOf.push('yearsOfPractice');
    if (t.minYearsOfCriminalPractice !== null && criminalYears < t.minYearsOfCriminalPractice)
      shortOf.push('yearsOfCriminalPractice');
    if (shortOf.length > 0)
      throw new AppError('TEAM_MEMBER_INELIGIBLE', {
        shortOf,
        yearsOfPractice: years,
        yearsOfCriminalPractice: criminalYears,
        minYearsOfPractice: t.minYearsOfPractice,
        minYearsOfCriminalPractice: t.minYearsOfCriminalPractice,
      });
    const row = { id: randomUUID(), teamId, handlerId: h.id, since, until: null, createdAt: now };
    try {
      await tx.insert(teamMembers).values(row);
    } catch (error) {
      if (isUniqueViolation(error, 'team_members_current_idx')) throw new AppError('TEAM_MEMBER_EXISTS');
      throw error;
    }
    await recordAudit(tx, { cipher: deps.cipher, at: now }, origin, {
      action: 'team.member_add',
      entityType: 'teams',
      entityId: teamId,
      changes: { handlerId: { after: h.id }, since: { after: since } },
    });
    return { handlerId: h.id, teamId, since, until: null };
  });
}

/** Ends a handler's membership today; the row stays as history. */
export async function endTeamMembership(
  deps: AppDeps,
  actor: Actor,
  teamId: string,
  handlerId: string,
  origin: RequestOrigin,
): Promise<void> {
  await deps.db.transaction(async (tx) => {
    const team = await findTeam(tx, actor.scope, teamId, true);
    if (!team) throw new AppError('NOT_FOUND');
    const now = deps.clock.now();
    const today = beijingDateOf(now);
    const [ended] = await tx
      .update(teamMembers)
      .set({ until: today })
      .where(
        and(eq(teamMembers.teamId, teamId), eq(teamMembers.handlerId, handlerId), isNull(teamMembers.until)),
      )
      .returning();
    if (!ended) throw new AppError('NOT_FOUND');
    await recordAudit(tx, { cipher: deps.cipher, at: now }, origin, {
      action: 'team.member_end',
      entityType: 'teams',
      entityId: teamId,
      changes: { handlerId: { before: handlerId }, until: { after: today } },
    });
  });
}
