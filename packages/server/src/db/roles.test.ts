import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { sql } from 'drizzle-orm';
import { startTestApp, type TestContext } from '../../test/harness.ts';
import { databaseUrl, TEST_ROLE_PASSWORDS } from '../../test/database-url.ts';
import { connect } from './client.ts';
import { runMigrations } from './migrate.ts';
import { APP_ROLE, handOverOwnership, isSuperuser, OWNER_ROLE, roleUrl } from './roles.ts';

let t: TestContext;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

/** The statement fails for lack of a right, not because a trigger stopped it. */
async function refused(statement: ReturnType<typeof sql>, message: RegExp): Promise<void> {
  const error = await t.deps.db.execute(statement).then(
    () => undefined,
    (e: unknown) => (e as { cause?: Error }).cause ?? (e as Error),
  );
  expect(error?.message).toMatch(message);
}

describe('the app role', () => {
  // It does own the `pgboss` schema: the job queue's own storage, where pg-boss adds a table per queue.
  it('is the least-privileged role, not a superuser and not the owner', async () => {
    const { rows } = await t.deps.pool.query<{ user: string; rolsuper: boolean; owns: number }>(
      `SELECT current_user AS user, r.rolsuper,
              (SELECT count(*)::int FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE c.relowner = r.oid AND n.nspname IN ('public', 'drizzle')) AS owns
       FROM pg_roles r WHERE r.rolname = current_user`,
    );
    expect(rows[0]).toEqual({ user: APP_ROLE, rolsuper: false, owns: 0 });
    expect(await isSuperuser(t.deps.pool)).toBe(false);
  });

  it('cannot update or delete the audit chain, its checkpoints or the case archive', async () => {
    for (const [table, column] of [
      ['audit_events', 'seq'],
      ['audit_checkpoints', 'id'],
      ['case_archives', 'application_id'],
    ] as const) {
      await refused(sql.raw(`UPDATE ${table} SET ${column} = ${column}`), /permission denied/);
      await refused(sql.raw(`DELETE FROM ${table}`), /permission denied/);
      await refused(sql.raw(`TRUNCATE ${table}`), /permission denied/);
    }
  });

  it('cannot change the schema or switch the triggers off', async () => {
    await refused(sql`CREATE TABLE intruder (id int)`, /permission denied for schema public/);
    await refused(sql`DROP TABLE users`, /must be owner/);
    await refused(sql`ALTER TABLE users ADD COLUMN x int`, /must be owner/);
    await refused(sql`ALTER TABLE audit_events DISABLE TRIGGER audit_events_no_update`, /must be owner/);
    await refused(sql`DROP TRIGGER audit_events_no_update ON audit_events`, /must be owner/);
    await refused(sql`SET session_replication_role = replica`, /permission denied/);
    await refused(sql`CREATE SCHEMA intruder`, /permission denied/);
  });

  it('gets the rights on a table a later migration adds, without a grant of its own', async () => {
    const owner = connect(roleUrl(t.superuserUrl, OWNER_ROLE, TEST_ROLE_PASSWORDS.owner), 1);
    try {
      await owner.pool.query('CREATE TABLE later_table (id int PRIMARY KEY, note text)');
      await owner.pool.query('SELECT fayuan_grant_app_role()');
    } finally {
      await owner.close();
    }
    await t.deps.db.execute(sql`INSERT INTO later_table VALUES (1, 'a')`);
    await t.deps.db.execute(sql`UPDATE later_table SET note = 'b'`);
    await t.deps.db.execute(sql`DELETE FROM later_table`);
  });
});

describe('an existing database made by the superuser', () => {
  it('is handed over to the owner role and then migrated and used by the least-privileged roles', async () => {
    const adminUrl = inject('dbAdminUrl');
    const name = `${inject('dbPrefix')}old${randomBytes(4).toString('hex')}`;
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    try {
      await admin.query(`CREATE DATABASE "${name}"`);
      const superuserUrl = databaseUrl(adminUrl, name);
      // Before ADR 0008 everything was made by the superuser.
      const old = connect(superuserUrl, 2);
      await runMigrations(old.db, old.pool);
      await old.pool.query(`DROP SCHEMA pgboss CASCADE`);
      await old.pool.query(`CREATE SCHEMA pgboss`);
      await old.close();

      await handOverOwnership(superuserUrl, name);
      const owner = connect(roleUrl(superuserUrl, OWNER_ROLE, TEST_ROLE_PASSWORDS.owner), 2);
      try {
        await runMigrations(owner.db, owner.pool);
        const { rows } = await owner.pool.query<{ relname: string }>(
          `SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
           JOIN pg_roles r ON r.oid = c.relowner
           WHERE n.nspname IN ('public', 'drizzle', 'pgboss') AND r.rolsuper`,
        );
        expect(rows).toEqual([]);
      } finally {
        await owner.close();
      }
      const app = connect(roleUrl(superuserUrl, APP_ROLE, TEST_ROLE_PASSWORDS.app), 2);
      try {
        const users = await app.pool.query('SELECT count(*) FROM users');
        expect(users.rowCount).toBe(1);
        await expect(app.pool.query('DELETE FROM audit_events')).rejects.toThrow(/permission denied/);
        await expect(app.pool.query("SELECT to_regclass('pgboss.job')::text AS t")).resolves.toMatchObject({
          rows: [{ t: 'pgboss.job' }],
        });
      } finally {
        await app.close();
      }
    } finally {
      await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await admin.end();
    }
  });
});
