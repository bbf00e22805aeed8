import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { startEmbeddedPostgres, type EmbeddedServer } from '../src/db/embedded.ts';
import { connect } from '../src/db/client.ts';
import { runMigrations } from '../src/db/migrate.ts';
import { ensureRoles, OWNER_ROLE, roleUrl } from '../src/db/roles.ts';
import { databaseUrl, TEST_ROLE_PASSWORDS } from './database-url.ts';

/**
 * Once per run: a PostgreSQL server (DATABASE_URL's, or an embedded one in a temporary folder)
 * and a template database with every migration applied; test files clone it (harness.ts).
 * As in production (ADR 0008), migrations run as the owner role and the tests as the app role.
 */
export default async function setup(project: TestProject) {
  const runId = randomBytes(4).toString('hex');
  let embedded: EmbeddedServer | undefined;
  let tempDir: string | undefined;
  let adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) {
    tempDir = await fs.mkdtemp(path.join(os.tmpdir(), 'fayuan-test-'));
    embedded = await startEmbeddedPostgres(tempDir, () => undefined);
    adminUrl = embedded.url('postgres');
  }
  const prefix = `fayuan_t${runId}_`;
  const template = `${prefix}template`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await ensureRoles(adminUrl, TEST_ROLE_PASSWORDS);
  await admin.query(`CREATE DATABASE "${template}" OWNER ${OWNER_ROLE}`);
  const database = connect(
    roleUrl(databaseUrl(adminUrl, template), OWNER_ROLE, TEST_ROLE_PASSWORDS.owner),
    2,
  );
  await runMigrations(database.db, database.pool);
  await database.close();

  project.provide('dbAdminUrl', adminUrl);
  project.provide('dbTemplate', template);
  project.provide('dbPrefix', prefix);

  return async () => {
    const { rows } = await admin.query<{ datname: string }>(
      'SELECT datname FROM pg_database WHERE datname LIKE $1',
      [`${prefix}%`],
    );
    for (const { datname } of rows) await admin.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
    await admin.end();
    await embedded?.stop();
    if (tempDir) await fs.rm(tempDir, { recursive: true, force: true });
  };
}
