import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Role } from '@fayuan/domain';
import { handlers, organisations, users } from '../src/db/schema/index.ts';
import { hashPassword } from '../src/platform/auth/passwords.ts';
import type { AppDeps } from '../src/platform/context.ts';
import { ensureAdmin } from '../src/bootstrap.ts';

export const PASSWORD = 'Correct-horse-42';
export const ADMIN_PASSWORD = 'Steward-password-2026';

/** Seeded organisations by region code (see migration 0001_reference_data). */
export const ORG = {
  bureau: '00000000-0000-4000-8000-000000110001',
  city: '00000000-0000-4000-8000-000000110000',
  dongcheng: '00000000-0000-4000-8000-000000110101',
  chaoyang: '00000000-0000-4000-8000-000000110105',
  haidian: '00000000-0000-4000-8000-000000110108',
  chaoyangStreet: '00000000-0000-4000-8001-000000110105',
  haidianStreet: '00000000-0000-4000-8001-000000110108',
} as const;

let hashed: Promise<string> | undefined;

/** Inserts an account straight into the database (the API path is tested in users.test.ts). */
export async function buildUser(
  deps: AppDeps,
  overrides: {
    username?: string;
    organisationId?: string;
    roles?: Role[];
    password?: string;
    mustChangePassword?: boolean;
    phone?: string;
  } = {},
) {
  const password = overrides.password ?? PASSWORD;
  hashed ??= hashPassword(PASSWORD);
  const sealed = overrides.phone ? deps.cipher.seal(overrides.phone) : null;
  const row = {
    id: randomUUID(),
    username: overrides.username ?? `user${randomUUID().slice(0, 8)}`,
    displayName: '测试用户',
    organisationId: overrides.organisationId ?? ORG.city,
    roles: overrides.roles ?? ['reviewer'],
    passwordHash: password === PASSWORD ? await hashed : await hashPassword(password),
    mustChangePassword: overrides.mustChangePassword ?? false,
    phoneSealed: sealed?.sealed ?? null,
    phoneHash: sealed?.hash ?? null,
  };
  await deps.db.insert(users).values(row);
  return { ...row, password };
}

/**
 * A legal aid handler of the registry with a login of their own (role `handler`), straight into
 * the tables: an active social lawyer in practice since 2015 (criminal since 2016) serving the
 * organisation's district. The registry's API is tested in modules/handlers.
 */
export async function buildHandler(
  deps: AppDeps,
  name: string,
  overrides: Partial<typeof handlers.$inferInsert> = {},
) {
  const organisationId = overrides.organisationId ?? ORG.haidian;
  const user = await buildUser(deps, { organisationId, roles: ['handler'] });
  const id = randomUUID();
  await deps.db.insert(handlers).values({
    id,
    organisationId,
    userId: user.id,
    name,
    namePinyin: name,
    nameInitials: name,
    kind: 'social_lawyer',
    licenceNumber: `1110${Math.floor(Math.random() * 1e12)}`,
    practiceStartDate: '2015-01-01',
    criminalPracticeStartDate: '2016-01-01',
    districtsServed: [organisationId],
    capacity: 5,
    status: 'active',
    statusSince: '2020-01-01',
    ...overrides,
  });
  return { id, name, user };
}

export async function buildAdmin(deps: AppDeps) {
  await ensureAdmin(deps.db, deps.cipher, ADMIN_PASSWORD, deps.clock.now());
  return { username: 'admin', password: ADMIN_PASSWORD };
}

export async function organisationPath(deps: AppDeps, id: string): Promise<string> {
  const [row] = await deps.db
    .select({ path: organisations.path })
    .from(organisations)
    .where(eq(organisations.id, id));
  if (!row) throw new Error(`no organisation ${id}`);
  return row.path;
}
