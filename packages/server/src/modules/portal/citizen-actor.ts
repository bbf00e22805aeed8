import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import type { OrganisationId, UserId } from '@fayuan/domain';
import type { Tx } from '../../db/client.ts';
import { organisations, users } from '../../db/schema/index.ts';
import type { Actor, AppDeps } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { scopeFor } from '../../platform/scope/data-scope.ts';
import { UNUSABLE_PASSWORD_HASH } from '../partners/create-partner.ts';

const ROLES = ['citizen_portal'] as const;

/**
 * The actor through which a signed-in citizen acts in the shared use cases (architecture.md: a use
 * case never knows which door called it). It is the centre's portal service account — user
 * `portal-<centre code>`, role `citizen_portal` (the lifecycle's `applicant`), no permissions, no
 * password — scoped to that one centre. It is made on first use, so every centre has its own and
 * audit rows name "网上服务" of the centre; the citizen's id goes into the rows' details.
 */
export async function citizenActorFor(
  deps: Pick<AppDeps, 'clock'>,
  tx: Tx,
  organisationId: string,
): Promise<Actor> {
  const [organisation] = await tx.select().from(organisations).where(eq(organisations.id, organisationId));
  if (!organisation) throw new AppError('NOT_FOUND', { field: 'organisationCode' });
  const username = `portal-${organisation.code}`;
  const now = deps.clock.now();
  const account = () =>
    tx
      .select({ id: users.id, displayName: users.displayName, organisationId: users.organisationId })
      .from(users)
      .where(eq(sql`lower(${users.username})`, username.toLowerCase()));
  let [user] = await account();
  if (!user) {
    await tx
      .insert(users)
      .values({
        id: randomUUID(),
        username,
        displayName: `${organisation.name}网上服务`,
        organisationId: organisation.id,
        roles: [...ROLES],
        passwordHash: UNUSABLE_PASSWORD_HASH,
        status: 'active',
        createdAt: now,
        updatedAt: now,
      })
      .onConflictDoNothing();
    [user] = await account();
  }
  if (!user || user.organisationId !== organisation.id)
    throw new Error(`the portal account ${username} belongs to another organisation`);
  return {
    userId: user.id as UserId,
    username,
    displayName: user.displayName,
    roles: [...ROLES],
    permissions: [],
    organisationId: organisation.id as OrganisationId,
    organisationPath: organisation.path,
    organisation: {
      id: organisation.id,
      code: organisation.code,
      name: organisation.name,
      kind: organisation.kind,
      path: organisation.path,
    },
    scope: scopeFor([...ROLES], organisation.path),
    mustChangePassword: false,
    sessionTokenHash: '',
    csrfToken: '',
    locale: 'zh-CN',
  };
}
