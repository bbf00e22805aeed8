import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { inject } from 'vitest';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { buildApp, type BuildOptions } from '../src/app.ts';
import { readConfig, type Config } from '../src/config.ts';
import { connect, type Database } from '../src/db/client.ts';
import { FieldCipher } from '../src/platform/crypto/field-cipher.ts';
import { DiskFileStore } from '../src/platform/storage/file-store.ts';
import { systemClock, type AppDeps, type Clock } from '../src/platform/context.ts';
import { APP_ROLE, OWNER_ROLE, roleUrl } from '../src/db/roles.ts';
import { databaseUrl, TEST_ROLE_PASSWORDS } from './database-url.ts';

/** Provided once per run by global-setup.ts. */
declare module 'vitest' {
  export interface ProvidedContext {
    dbAdminUrl: string;
    dbTemplate: string;
    dbPrefix: string;
  }
}

/**
 * A fresh database cloned from the migrated template: each test file gets its own. `url` signs in
 * as the least-privileged app role, as the app does in production; `superuserUrl` is for tests
 * that play an attacker with superuser rights.
 */
export async function createTestDatabase(): Promise<{ url: string; superuserUrl: string; name: string }> {
  const adminUrl = inject('dbAdminUrl');
  const name = `${inject('dbPrefix')}${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name}" TEMPLATE "${inject('dbTemplate')}" OWNER ${OWNER_ROLE}`);
  } finally {
    await admin.end();
  }
  const superuserUrl = databaseUrl(adminUrl, name);
  return { url: roleUrl(superuserUrl, APP_ROLE, TEST_ROLE_PASSWORDS.app), superuserUrl, name };
}

/** A clock the test moves by hand (lockouts, session expiry, deadlines). */
export class TestClock implements Clock {
  constructor(private current = new Date('2026-11-02T09:00:00+08:00')) {}
  now(): Date {
    return new Date(this.current);
  }
  advance(ms: number): void {
    this.current = new Date(this.current.getTime() + ms);
  }
}

export interface TestContext {
  app: FastifyInstance;
  deps: AppDeps;
  database: Database;
  /** Moves time for this app; ignored when the app was started with a real clock. */
  clock: TestClock;
  /** The folder of this app's file store (deleted on close). */
  filesRoot: string;
  /** A superuser connection to the same database, opened on first use: an attacker who can bypass grants and triggers. */
  superuser: () => Database;
  /** The same database signed in as the superuser (other roles: `roleUrl`). */
  superuserUrl: string;
  close: () => Promise<void>;
}

export async function startTestApp(
  overrides: Partial<Config> = {},
  { realClock = false, ...options }: BuildOptions & { realClock?: boolean } = {},
): Promise<TestContext> {
  const { url, superuserUrl, name } = await createTestDatabase();
  let superuser: Database | undefined;
  const database = connect(url, 5);
  const clock = new TestClock();
  const filesRoot = path.join(os.tmpdir(), 'fayuan-test-files', name);
  // Its own data folder: the message simulator's journal (simulator/sms.jsonl) lives there.
  const dataDir = path.join(os.tmpdir(), 'fayuan-test-data', name);
  const config: Config = {
    // Limits high enough that no other test is limited; the rate-limit tests set their own.
    ...readConfig({
      LOG_LEVEL: 'silent',
      FAYUAN_LOGIN_LIMIT_PER_ADDRESS: '100000',
      FAYUAN_LOGIN_LIMIT_PER_ACCOUNT: '100000',
    }),
    databaseUrl: url,
    dataDir,
    secretKey: randomBytes(32).toString('hex'),
    ...overrides,
  };
  const cipher = new FieldCipher(config.secretKey ?? '');
  const deps: AppDeps = {
    config,
    db: database.db,
    pool: database.pool,
    clock: realClock ? systemClock : clock,
    cipher,
    files: new DiskFileStore(filesRoot, cipher),
  };
  const app = await buildApp(deps, { logger: false, ...options });
  return {
    app,
    deps,
    database,
    clock,
    filesRoot,
    superuser: () => (superuser ??= connect(superuserUrl, 2)),
    superuserUrl,
    close: async () => {
      await app.close();
      await database.close();
      await superuser?.close();
      await fs.rm(filesRoot, { recursive: true, force: true });
      await fs.rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** A browser in miniature: keeps a cookie and sends the CSRF token on every request but a GET. */
export class CookieClient {
  cookie: string | undefined;
  csrfToken: string | undefined;

  constructor(
    protected readonly app: FastifyInstance,
    private readonly locale = 'zh-CN',
  ) {}

  request(options: InjectOptions & { method: string; url: string }): Promise<LightMyRequestResponse> {
    const headers: Record<string, string> = {
      'accept-language': this.locale,
      ...(options.headers as Record<string, string>),
    };
    if (this.cookie) headers.cookie = this.cookie;
    if (this.csrfToken && options.method !== 'GET') headers['x-csrf-token'] ??= this.csrfToken;
    return this.app.inject({ ...options, headers });
  }

  get(url: string) {
    return this.request({ method: 'GET', url });
  }
  post(url: string, payload?: unknown, headers: Record<string, string> = {}) {
    return this.request({ method: 'POST', url, payload: payload as InjectOptions['payload'], headers });
  }
  patch(url: string, payload: unknown) {
    return this.request({ method: 'PATCH', url, payload: payload as InjectOptions['payload'] });
  }
  delete(url: string) {
    return this.request({ method: 'DELETE', url });
  }
}

/** A signed-in staff browser, in miniature: logs in with the staff session cookie. */
export class Session extends CookieClient {
  async login(username: string, password: string): Promise<LightMyRequestResponse> {
    const response = await this.request({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username, password },
    });
    if (response.statusCode === 200) {
      const setCookie = response.cookies.find((c) => c.name === 'fayuan_session');
      this.cookie = setCookie ? `fayuan_session=${setCookie.value}` : undefined;
      this.csrfToken = response.json<{ csrfToken: string }>().csrfToken;
    }
    return response;
  }
}
