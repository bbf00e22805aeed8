import { eq } from 'drizzle-orm';
import { teams } from '../../db/schema/index.ts';
import type { Actor, AppDeps, RequestOrigin } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { diff, recordAudit } from '../../platform/audit/audit-log.ts';
import { findTeam, presentTeam } from './teams.repository.ts';
import type { UpdateTeamInput } from './handlers.schemas.ts';

/** Renames a team, changes its entry rule, or retires it (`active: false`); members stay on record. */
export async function updateTeam(
  deps: AppDeps,
  actor: Actor,
  id: string,
  input: UpdateTeamInput,
  origin: RequestOrigin,
) {
  return deps.db.transaction(async (tx) => {
    const current = await findTeam(tx, actor.scope, id, true);
    if (!current) throw new AppError('NOT_FOUND');
    const t = current.team;
    const before = {
      name: t.name,
      membershipRule: t.membershipRule,
      minYearsOfPractice: t.minYearsOfPractice,
      minYearsOfCriminalPractice: t.minYearsOfCriminalPractice,
      active: t.active,
    };
    const changes = diff(before, input);
    if (Object.keys(changes).length === 0) return presentTeam(current);
    const now = deps.clock.now();
    const [updated] = await tx
      .update(teams)
      .set({ ...input, updatedAt: now })
      .where(eq(teams.id, id))
      .returning();
    await recordAudit(tx, { cipher: deps.cipher, at: now }, origin, {
      action: 'team.update',
      entityType: 'teams',
      entityId: id,
      changes,
    });
    return presentTeam({ ...current, team: updated ?? t });
  });
}
