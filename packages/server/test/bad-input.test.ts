import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, Session, type TestContext } from './harness.ts';
import { buildAdmin, ORG } from './factories.ts';
import {
  postNotice,
  registerApplicant,
  signIn,
  takeIn,
  wageClaim,
  type Staff,
} from '../src/modules/applications/application-test-kit.ts';
import { eq } from 'drizzle-orm';
import { applicationMaterials } from '../src/db/schema/index.ts';

/**
 * Each request that answered 500 in the probe of issue 10 §3, now a 4xx with a stable code, and
 * nothing written. The OpenAPI fuzz test (openapi-fuzz.test.ts) covers every route broadly; these
 * are the exact cases, with the code each must answer.
 */
let t: TestContext;
let window: Staff;
let admin: Session;

beforeAll(async () => {
  t = await startTestApp();
  window = await signIn(t, ORG.haidian, ['window_staff']);
  const credentials = await buildAdmin(t.deps);
  admin = new Session(t.app, 'en-US');
  const login = await admin.login(credentials.username, credentials.password);
  expect(login.statusCode).toBe(200);
});
afterAll(() => t.close());

function expectError(response: { statusCode: number; body: string }, status: number, code: string) {
  expect(response.statusCode, response.body).toBe(status);
  expect(JSON.parse(response.body).error.code).toBe(code);
  expect(response.body).not.toMatch(/\bat \S+:\d+|node_modules|select |insert into|update "/i);
}

describe('text PostgreSQL cannot store', () => {
  it('refuses a NUL byte in the login before authentication', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'admin\u0000', password: 'whatever-42' },
    });
    expectError(response, 400, 'VALIDATION_BAD_TEXT');
  });

  it('refuses a lone surrogate written as a JSON escape', async () => {
    const response = await postPersonJson('{"name":"王\\ud800芳","phone":"13700001234"}');
    expectError(response, 400, 'VALIDATION_BAD_TEXT');
    const escapedNul = await postPersonJson('{"name":"王\\u0000芳"}');
    expectError(escapedNul, 400, 'VALIDATION_BAD_TEXT');
  });

  it('refuses a NUL in a query string, a path parameter and an object key', async () => {
    expectError(await window.session.get('/api/v1/persons?q=%00'), 400, 'VALIDATION_BAD_TEXT');
    expectError(await window.session.get('/api/v1/persons/%00'), 400, 'VALIDATION_BAD_TEXT');
    const key = await postPersonJson('{"na\\u0000me":"王芳"}');
    expectError(key, 400, 'VALIDATION_BAD_TEXT');
  });

  it('refuses a NUL in an upload file name, and stores nothing', async () => {
    const applicantId = await registerApplicant(window);
    const created = await takeIn(window, wageClaim(applicantId));
    const upload = await window.session.request({
      method: 'POST',
      url: `/api/v1/applications/${created.id}/attachments?name=${encodeURIComponent('合同\u0000.pdf')}&material=case_materials`,
      payload: Buffer.from('%PDF-1.4\n% test\n'),
      headers: { 'content-type': 'application/pdf' },
    });
    expectError(upload, 400, 'VALIDATION_BAD_TEXT');
    const detail = (await window.session.get(`/api/v1/applications/${created.id}`)).json();
    expect(detail.attachments).toEqual([]);
  });
});

describe('dates outside what the law can be about', () => {
  it('refuses a notice dated year 1 as a validation error', async () => {
    const response = await postNotice(window, '孙某', { noticeReceivedAt: '0001-01-01T00:00:00Z' });
    expectError(response, 400, 'VALIDATION_FAILED');
  });

  it('refuses a real date in range on which no period rule is in force with PERIOD_NOT_IN_FORCE', async () => {
    const response = await postNotice(window, '李某', { noticeReceivedAt: '1950-06-01T09:00:00+08:00' });
    expectError(response, 422, 'PERIOD_NOT_IN_FORCE');
  });

  it('refuses impossible and far-off dates in a query and a body', async () => {
    expectError(await window.session.get('/api/v1/consultations?from=2026-02-30'), 400, 'VALIDATION_FAILED');
    expectError(await window.session.get('/api/v1/consultations?from=0001-01-01'), 400, 'VALIDATION_FAILED');
    const deadline = await t.app.inject({
      method: 'POST',
      url: '/api/v1/deadlines',
      payload: { kind: 'custom', amount: 3, unit: 'calendar_days', start: '9999-12-31T00:00:00Z' },
    });
    expectError(deadline, 400, 'VALIDATION_FAILED');
  });
});

describe('logic errors fixed where they happen', () => {
  it('answers a second supplement request with the same extra item with a 409, not a duplicate row', async () => {
    const applicantId = await registerApplicant(window);
    const created = await takeIn(
      window,
      wageClaim(applicantId, { materialsProvided: ['identity_document'] }),
    );
    const body = { extraItems: ['劳动合同或工资条'], dueDate: '2026-11-16' };
    const url = `/api/v1/applications/${created.id}/supplement-request`;
    const first = await window.session.post(url, body);
    expect(first.statusCode, first.body).toBe(200);
    const second = await window.session.post(url, body);
    expect(second.statusCode, second.body).toBe(409);
    expect(second.json().error.code).toBe('APPLICATION_STATE_CONFLICT');
    const rows = await t.deps.db
      .select()
      .from(applicationMaterials)
      .where(eq(applicationMaterials.applicationId, created.id));
    expect(rows.filter((r) => r.label === '劳动合同或工资条')).toHaveLength(1);
  });

  it('treats an empty PATCH of an organisation kind as a no-op', async () => {
    const before = (await admin.get('/api/v1/organisation-kinds')).json() as { code: string }[];
    const kind = before[0]!;
    const response = await admin.patch(`/api/v1/organisation-kinds/${kind.code}`, {});
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toEqual(kind);
  });
});

/** A person sent as JSON text written by hand (escapes that a serialiser would never produce). */
function postPersonJson(json: string) {
  return window.session.request({
    method: 'POST',
    url: '/api/v1/persons',
    headers: { 'content-type': 'application/json' },
    payload: json,
  });
}
