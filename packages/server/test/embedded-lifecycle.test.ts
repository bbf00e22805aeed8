import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../src/db/embedded.ts';

/**
 * The embedded path end to end, as `npm start` runs it: a real process on a fresh data folder,
 * restarted cleanly, then killed with SIGKILL and restarted over its orphaned database server.
 */
const serverDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
let dataDir: string;
let port: number;
const children: ChildProcess[] = [];

interface Running {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

async function start(env: Record<string, string> = {}, until = 'Fayuan is running'): Promise<Running> {
  const { DATABASE_URL: _ignored, ...inherited } = process.env;
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: serverDir,
    env: {
      ...inherited,
      FAYUAN_DATA_DIR: dataDir,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const deadline = Date.now() + 90_000;
  while (!output.includes(until)) {
    if (child.exitCode !== null || Date.now() > deadline) throw new Error(`did not start:\n${output}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return { child, output: () => output, exited };
}

const api = (p: string, init?: RequestInit) => fetch(`http://127.0.0.1:${port}${p}`, init);

async function login(password: string) {
  const response = await api('/api/v1/auth/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password }),
  });
  const cookie = response.headers.get('set-cookie')?.split(';')[0] ?? '';
  return {
    status: response.status,
    body: (await response.json()) as { csrfToken: string; user: { mustChangePassword: boolean } },
    cookie,
  };
}

async function postgresPid(): Promise<number> {
  return Number((await fs.readFile(path.join(dataDir, 'pg', 'postmaster.pid'), 'utf8')).split('\n')[0]);
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

beforeAll(async () => {
  dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'fayuan-embedded-'));
  port = await freePort();
});
afterAll(async () => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
  await new Promise((r) => setTimeout(r, 1500));
  await fs.rm(dataDir, { recursive: true, force: true });
});

describe('npm start on the embedded PostgreSQL', () => {
  const newPassword = 'Chosen-secret-77';

  it('starts on a fresh folder, prints a one-time admin password, serves and stops cleanly', async () => {
    const run = await start();
    const printed = /one-time password: (\S+)/.exec(run.output())?.[1];
    expect(printed).toBeDefined();
    expect(((await (await api('/readyz')).json()) as { status: string }).status).toBe('ready');
    const session = await login(printed!);
    expect(session.status).toBe(200);
    expect(session.body.user.mustChangePassword).toBe(true);
    const changed = await api('/api/v1/auth/password', {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        cookie: session.cookie,
        'x-csrf-token': session.body.csrfToken,
      },
      body: JSON.stringify({ currentPassword: printed, newPassword }),
    });
    expect(changed.status).toBe(204);
    expect((await fs.stat(path.join(dataDir, 'secret.key'))).mode & 0o777).toBe(0o600);
    const pgPid = await postgresPid();
    run.child.kill('SIGTERM');
    expect(await run.exited).toBe(0);
    expect(alive(pgPid)).toBe(false);
  });

  it('keeps its data across a restart and does not print a password again', async () => {
    const run = await start();
    expect(run.output()).not.toContain('one-time password');
    expect((await login(newPassword)).status).toBe(200);
    run.child.kill('SIGINT');
    expect(await run.exited).toBe(0);
  });

  it('recovers after kill -9 left the database server orphaned, with no data lost', async () => {
    const first = await start();
    const orphan = await postgresPid();
    first.child.kill('SIGKILL');
    await first.exited;
    expect(alive(orphan)).toBe(true);
    const second = await start();
    expect(second.output()).toContain('orphaned embedded PostgreSQL');
    expect(alive(orphan)).toBe(false);
    expect(((await (await api('/readyz')).json()) as { status: string }).status).toBe('ready');
    expect((await login(newPassword)).status).toBe(200);
    second.child.kill('SIGTERM');
    expect(await second.exited).toBe(0);
  });

  it('a stop signal in the middle of the start-up still exits 0 and leaves no database server', async () => {
    // The signal lands while migrations, the admin and the app are being set up: the stop waits
    // for the start-up to settle, then closes everything (it used to close the pool under the
    // start-up, which then failed and exited 1).
    const run = await start({}, 'embedded PostgreSQL listening');
    const pgPid = await postgresPid();
    run.child.kill('SIGINT');
    expect(await run.exited).toBe(0);
    expect(run.output()).toContain('stopped');
    expect(alive(pgPid)).toBe(false);
  });
});
