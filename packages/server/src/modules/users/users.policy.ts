import type { Role } from '@fayuan/domain';
import type { Actor } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';

/**
 * Roles whose reach goes beyond one centre's subtree: only an administrator at a root organisation
 * (the city centre or the justice bureau) grants them, so a district cannot mint a city-wide account.
 */
const CITY_LEVEL_ROLES: readonly Role[] = ['supervisor', 'rule_admin', 'partner_client', 'citizen_portal'];

export function assertMayGrant(actor: Actor, roles: readonly Role[]): void {
  const atRoot = actor.organisationPath.split('/').filter(Boolean).length === 1;
  if (!atRoot && roles.some((role) => CITY_LEVEL_ROLES.includes(role)))
    throw new AppError('ROLE_NOT_GRANTABLE', { roles: roles.filter((r) => CITY_LEVEL_ROLES.includes(r)) });
}
