import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count, eq } from 'drizzle-orm';
import { auditEvents, users } from '../../db/schema/index.ts';
import { Session, startTestApp, type TestContext } from '../../../test/harness.ts';
import { buildUser, ORG, PASSWORD } from '../../../test/factories.ts';

let t: TestContext;
let admin: Session;

beforeAll(async () => {
  t = await startTestApp();
  // A route that fails inside, to see what a client gets from an unexpected fault.
  t.app.get('/api/v1/__boom', { config: { access: 'public' }, schema: { hide: true } }, async () => {
    throw new Error('relation "secret_table" does not exist at /srv/app.ts:12');
  });
  const user = await buildUser(t.deps, { roles: ['system_admin'], organisationId: ORG.city });
  admin = new Session(t.app);
  await admin.login(user.username, PASSWORD);
});
afterAll(() => t.close());

const newUser = (username: string) => ({
  username,
  displayName: '张三',
  organisationId: ORG.chaoyang,
  roles: ['reviewer'],
  password: 'Valid-password-1',
});

async function auditCount() {
  const [row] = await t.deps.db.select({ n: count() }).from(auditEvents);
  return row?.n ?? 0;
}

describe('error envelope', () => {
  it('answers invalid JSON, wrong types, unknown fields, oversize bodies and unknown routes in one shape', async () => {
    const cases = [
      {
        req: {
          method: 'POST',
          url: '/api/v1/users',
          payload: '{"username":',
          headers: { 'content-type': 'application/json' },
        },
        status: 400,
        code: 'INVALID_JSON',
      },
      {
        req: { method: 'POST', url: '/api/v1/users', payload: { ...newUser('typed'), roles: 'reviewer' } },
        status: 400,
        code: 'VALIDATION_FAILED',
      },
      {
        req: { method: 'POST', url: '/api/v1/users', payload: { ...newUser('extra'), isRoot: true } },
        status: 400,
        code: 'VALIDATION_FAILED',
      },
      {
        req: {
          method: 'POST',
          url: '/api/v1/users',
          payload: { ...newUser('big'), displayName: 'x'.repeat(1_100_000) },
        },
        status: 413,
        code: 'PAYLOAD_TOO_LARGE',
      },
      { req: { method: 'GET', url: '/api/v1/no-such-thing' }, status: 404, code: 'ROUTE_NOT_FOUND' },
      { req: { method: 'GET', url: '/api/v1/users/not-a-uuid' }, status: 400, code: 'VALIDATION_FAILED' },
      { req: { method: 'GET', url: '/api/v1/users?pageSize=1000' }, status: 400, code: 'VALIDATION_FAILED' },
    ] as const;
    for (const { req, status, code } of cases) {
      const response = await admin.request(req as never);
      expect(response.statusCode, `${req.method} ${req.url}`).toBe(status);
      const body = response.json();
      expect(body.error.code).toBe(code);
      expect(typeof body.error.message).toBe('string');
      expect(body.error.requestId).toBe(response.headers['x-request-id']);
    }
  });

  it('names the offending fields of a validation failure', async () => {
    const response = await admin.post('/api/v1/users', { ...newUser('x'), extra: 1 });
    const paths = (response.json().error.details.issues as { path: string }[]).map((i) => i.path);
    expect(paths.some((p) => p.startsWith('body'))).toBe(true);
  });

  it('hides internal faults: no stack, no SQL, no file paths', async () => {
    const response = await t.app.inject({
      method: 'GET',
      url: '/api/v1/__boom',
      headers: { 'accept-language': 'en' },
    });
    expect(response.statusCode).toBe(500);
    expect(response.json().error).toMatchObject({
      code: 'INTERNAL_ERROR',
      message: 'Internal server error; please try again later',
    });
    expect(response.body).not.toMatch(/secret_table|app\.ts|at \//);
  });

  it('changes nothing when a request fails', async () => {
    const before = await auditCount();
    const failed = await admin.post('/api/v1/users', { ...newUser('halfway'), password: 'weak' });
    expect(failed.json().error.code).toBe('PASSWORD_POLICY');
    const dup = await admin.post('/api/v1/organisations', {
      parentId: ORG.chaoyang,
      code: '110105',
      name: '重复编码',
      kind: 'street_workstation',
    });
    expect(dup.json().error.code).toBe('ORGANISATION_CODE_TAKEN');
    expect(await t.deps.db.select().from(users).where(eq(users.username, 'halfway'))).toHaveLength(0);
    expect(await auditCount()).toBe(before);
  });

  it('keeps a well-formed client request id and makes one otherwise', async () => {
    const kept = await admin.request({
      method: 'GET',
      url: '/api/v1/me',
      headers: { 'x-request-id': 'client-abc-12345' },
    });
    expect(kept.headers['x-request-id']).toBe('client-abc-12345');
    const made = await admin.request({
      method: 'GET',
      url: '/api/v1/me',
      headers: { 'x-request-id': 'bad id with spaces' },
    });
    expect(made.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('idempotency', () => {
  it('returns the first result for a retried create and creates nothing new', async () => {
    const first = await admin.post('/api/v1/users', newUser('retried'), {
      'idempotency-key': 'create-retried-1',
    });
    const again = await admin.post('/api/v1/users', newUser('retried'), {
      'idempotency-key': 'create-retried-1',
    });
    expect(first.statusCode).toBe(201);
    expect(again.statusCode).toBe(201);
    expect(again.headers['idempotency-replayed']).toBe('true');
    expect(again.json().id).toBe(first.json().id);
    expect(await t.deps.db.select().from(users).where(eq(users.username, 'retried'))).toHaveLength(1);
  });

  it('refuses the same key with another body', async () => {
    await admin.post('/api/v1/users', newUser('keyed'), { 'idempotency-key': 'create-keyed-1' });
    const other = await admin.post('/api/v1/users', newUser('keyed2'), {
      'idempotency-key': 'create-keyed-1',
    });
    expect(other.statusCode).toBe(422);
    expect(other.json().error.code).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(await t.deps.db.select().from(users).where(eq(users.username, 'keyed2'))).toHaveLength(0);
  });

  it('creates one record when the same key arrives concurrently', async () => {
    const responses = await Promise.all(
      Array.from({ length: 5 }, () =>
        admin.post('/api/v1/users', newUser('racer'), { 'idempotency-key': 'race-1' }),
      ),
    );
    expect(responses.map((r) => r.statusCode)).toEqual([201, 201, 201, 201, 201]);
    expect(new Set(responses.map((r) => r.json().id)).size).toBe(1);
    expect(await t.deps.db.select().from(users).where(eq(users.username, 'racer'))).toHaveLength(1);
  });

  it('lets a key be retried after a failed attempt', async () => {
    const failed = await admin.post(
      '/api/v1/users',
      { ...newUser('second-try'), password: 'weak' },
      { 'idempotency-key': 'retry-after-fail' },
    );
    expect(failed.statusCode).toBe(400);
    const ok = await admin.post(
      '/api/v1/users',
      { ...newUser('secondtry') },
      { 'idempotency-key': 'retry-after-fail' },
    );
    expect(ok.statusCode).toBe(201);
  });
});

describe('lists', () => {
  it('pages, sorts and filters in one shape', async () => {
    for (const name of ['list-a', 'list-b', 'list-c'].map((n) => n.replace('-', ''))) {
      await admin.post('/api/v1/users', { ...newUser(name), organisationId: ORG.dongcheng });
    }
    const page1 = (
      await admin.get(`/api/v1/users?organisationId=${ORG.dongcheng}&pageSize=2&sort=-username`)
    ).json();
    expect(page1).toMatchObject({ page: 1, pageSize: 2, total: 3 });
    expect(page1.items.map((u: { username: string }) => u.username)).toEqual(['listc', 'listb']);
    const page2 = (
      await admin.get(`/api/v1/users?organisationId=${ORG.dongcheng}&pageSize=2&page=2&sort=-username`)
    ).json();
    expect(page2.items.map((u: { username: string }) => u.username)).toEqual(['lista']);
    const bad = await admin.get('/api/v1/users?sort=passwordHash');
    expect(bad.json().error.code).toBe('VALIDATION_FAILED');
  });
});

describe('operations endpoints', () => {
  it('serves health, readiness, metrics and the OpenAPI document', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/healthz' })).json()).toEqual({ status: 'ok' });
    expect((await t.app.inject({ method: 'GET', url: '/readyz' })).json()).toEqual({ status: 'ready' });
    const metrics = await t.app.inject({ method: 'GET', url: '/metrics' });
    expect(metrics.body).toContain('fayuan_http_request_duration_seconds');
    const openapi = (await t.app.inject({ method: 'GET', url: '/api/docs/json' })).json();
    expect(openapi.openapi).toMatch(/^3\./);
    expect(Object.keys(openapi.paths)).toEqual(
      expect.arrayContaining(['/api/v1/auth/login', '/api/v1/users', '/api/v1/audit-events']),
    );
  });
});
