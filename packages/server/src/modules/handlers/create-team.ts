import { randomUUID } from 'node:crypto';
import type { Tx } from '../../db/client.ts';
import { teams } from '../../db/schema/index.ts';
import { isUniqueViolation } from '../../db/pg-errors.ts';
import type { Actor, AppDeps, RequestOrigin } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { recordAudit, type Changes } from '../../platform/audit/audit-log.ts';
import { findOrganisation } from '../organisations/organisations.repository.ts';
import { presentTeam } from './teams.repository.ts';
import type { CreateTeamInput } from './handlers.schemas.ts';

/**
 * Sets up a specialised team ([OPN]: labour, marriage and family, death penalty, minors, appeals, or
 * a centre's own) with its entry rule in words and, where it is a number of years, as a check.
 */
export async function createTeam(
  deps: AppDeps,
  tx: Tx,
  actor: Actor,
  input: CreateTeamInput,
  origin: RequestOrigin,
) {
  const owner = await findOrganisation(tx, actor.scope, input.organisationId ?? actor.organisationId);
  if (!owner) throw new AppError('NOT_FOUND', { field: 'organisationId' });
  const now = deps.clock.now();
  const { organisationId: _organisationId, ...fields } = input;
  const row = {
    id: randomUUID(),
    organisationId: owner.id,
    ...fields,
    active: true,
    createdAt: now,
    updatedAt: now,
  };
  try {
    await tx.insert(teams).values(row);
  } catch (error) {
    if (isUniqueViolation(error, 'teams_organisation_code_idx'))
      throw new AppError('TEAM_CODE_TAKEN', { field: 'code' });
    throw error;
  }
  const changes: Changes = { organisationId: { after: owner.id } };
  for (const [field, value] of Object.entries(fields)) if (value !== null) changes[field] = { after: value };
  await recordAudit(tx, { cipher: deps.cipher, at: now }, origin, {
    action: 'team.create',
    entityType: 'teams',
    entityId: row.id,
    changes,
  });
  return presentTeam({ team: row, organisationName: owner.name, memberCount: 0 });
}
