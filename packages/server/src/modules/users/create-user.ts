import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { checkPassword } from '@fayuan/domain';
import type { Tx } from '../../db/client.ts';
import { users } from '../../db/schema/index.ts';
import type { Actor, AppDeps, RequestOrigin } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { assertPasswordNotGuessable } from '../../platform/auth/password-strength.ts';
import { recordAudit } from '../../platform/audit/audit-log.ts';
import { hashPassword } from '../../platform/auth/passwords.ts';
import { isUniqueViolation } from '../../db/pg-errors.ts';
import { findOrganisation } from '../organisations/organisations.repository.ts';
import { presentUser, usernameTaken } from './users.repository.ts';
import { assertMayGrant } from './users.policy.ts';
import type { createUserBody } from './users.schemas.ts';

/** An administrator opens an account in an organisation of their subtree; the user changes the password at first login. */
export async function createUser(
  deps: AppDeps,
  tx: Tx,
  actor: Actor,
  input: z.infer<typeof createUserBody>,
  origin: RequestOrigin,
) {
  const organisation = await findOrganisation(tx, actor.scope, input.organisationId);
  if (!organisation) throw new AppError('NOT_FOUND', { field: 'organisationId' });
  assertMayGrant(actor, input.roles);
  const problems = checkPassword(input.password, input.username);
  if (problems.length > 0) throw new AppError('PASSWORD_POLICY', { problems });
  assertPasswordNotGuessable(
    input.password,
    [input.username, input.displayName],
    deps.config.passwordMinScore,
  );
  if (await usernameTaken(tx, input.username)) throw new AppError('USERNAME_TAKEN');
  const now = deps.clock.now();
  const sealed = input.phone ? deps.cipher.seal(input.phone) : null;
  const row = {
    id: randomUUID(),
    username: input.username,
    displayName: input.displayName,
    organisationId: organisation.id,
    roles: [...new Set(input.roles)],
    status: 'active' as const,
    passwordHash: await hashPassword(input.password),
    mustChangePassword: true,
    passwordChangedAt: now,
    failedLogins: 0,
    lockedUntil: null,
    lastLoginAt: null,
    locale: 'zh-CN',
    phoneSealed: sealed?.sealed ?? null,
    phoneHash: sealed?.hash ?? null,
    smsNotifications: false,
    createdAt: now,
    updatedAt: now,
  };
  try {
    await tx.insert(users).values(row);
  } catch (error) {
    if (isUniqueViolation(error, 'users_username_lower_idx')) throw new AppError('USERNAME_TAKEN');
    throw error;
  }
  await recordAudit(tx, { cipher: deps.cipher, at: now }, origin, {
    action: 'user.create',
    entityType: 'users',
    entityId: row.id,
    changes: {
      username: { after: row.username },
      displayName: { after: row.displayName },
      organisationId: { after: row.organisationId },
      roles: { after: row.roles },
      phone: { after: input.phone ?? null },
    },
  });
  return presentUser({ user: row, organisationName: organisation.name }, deps.cipher);
}
