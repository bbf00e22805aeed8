import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { startTestApp, type TestContext } from '../../../test/harness.ts';
import { buildUser, PASSWORD } from '../../../test/factories.ts';
import { readConfig } from '../../config.ts';

let dist: string;

beforeAll(async () => {
  // A built web app in miniature: the page and its one script file.
  dist = await fs.mkdtemp(path.join(os.tmpdir(), 'fayuan-dist-'));
  await fs.writeFile(
    path.join(dist, 'index.html'),
    '<!doctype html><html><head><script type="module" src="/assets/app.js"></script></head><body><div id="root"></div></body></html>',
  );
  await fs.mkdir(path.join(dist, 'assets'));
  await fs.writeFile(path.join(dist, 'assets', 'app.js'), 'console.log(1);');
});
afterAll(() => fs.rm(dist, { recursive: true, force: true }));

function expectSecurityHeaders(headers: Record<string, unknown>) {
  const csp = String(headers['content-security-policy']);
  for (const directive of [
    "default-src 'self'",
    "script-src 'self'",
    "object-src 'none'",
    "frame-ancestors 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ])
    expect(csp).toContain(directive);
  // No way to run inline script: neither 'unsafe-inline' nor 'unsafe-eval' in script-src.
  expect(/script-src[^;]*unsafe/.test(csp)).toBe(false);
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['referrer-policy']).toBe('same-origin');
  expect(headers['x-frame-options']).toBe('DENY');
}

describe('security headers', () => {
  let t: TestContext;
  beforeAll(async () => {
    t = await startTestApp({}, { webDist: dist });
  });
  afterAll(() => t.close());

  it('are on the app page, a client-side route, a script file and the API (answers and errors)', async () => {
    for (const url of [
      '/',
      '/applications/123',
      '/assets/app.js',
      '/healthz',
      '/api/v1/me',
      '/api/v1/nothing',
    ]) {
      const response = await t.app.inject({ method: 'GET', url });
      expect(response.statusCode, url).toBeLessThan(500);
      expectSecurityHeaders(response.headers);
    }
    const page = await t.app.inject({ method: 'GET', url: '/' });
    expect(page.headers['content-type']).toContain('text/html');
  });
});

describe('the session cookie’s Secure flag', () => {
  async function loginCookie(t: TestContext, headers: Record<string, string> = {}) {
    const user = await buildUser(t.deps, { roles: ['reviewer'] });
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: user.username, password: PASSWORD },
      headers,
    });
    expect(response.statusCode, response.body).toBe(200);
    return response.cookies.find((c) => c.name === 'fayuan_session')!;
  }

  it('defaults to auto', () => {
    expect(readConfig({}).secureCookies).toBe('auto');
    expect(readConfig({ FAYUAN_SECURE_COOKIES: 'false' }).secureCookies).toBe(false);
    expect(() => readConfig({ FAYUAN_SECURE_COOKIES: 'yes' })).toThrow(/auto, true or false/);
  });

  it('auto behind a trusted proxy: Secure when the request came over HTTPS, not over HTTP', async () => {
    const t = await startTestApp({ secureCookies: 'auto', trustProxy: true });
    try {
      expect((await loginCookie(t, { 'x-forwarded-proto': 'https' })).secure).toBe(true);
      expect((await loginCookie(t, { 'x-forwarded-proto': 'http' })).secure).toBeFalsy();
      expect((await loginCookie(t)).secure).toBeFalsy();
    } finally {
      await t.close();
    }
  });

  it('auto without a trusted proxy: a client’s own X-Forwarded-Proto does not count', async () => {
    const t = await startTestApp({ secureCookies: 'auto', trustProxy: false });
    try {
      expect((await loginCookie(t, { 'x-forwarded-proto': 'https' })).secure).toBeFalsy();
    } finally {
      await t.close();
    }
  });

  it('true sets it always', async () => {
    const t = await startTestApp({ secureCookies: true });
    try {
      expect((await loginCookie(t)).secure).toBe(true);
    } finally {
      await t.close();
    }
  });
});

describe('/metrics', () => {
  const TOKEN = 'metrics-token-for-the-test-0123456789';
  let t: TestContext;
  beforeAll(async () => {
    t = await startTestApp({ metricsAllow: ['127.0.0.1', '::1', '10.0.0.5'], metricsToken: TOKEN });
  });
  afterAll(() => t.close());

  const metrics = (remoteAddress: string, headers: Record<string, string> = {}) =>
    t.app.inject({ method: 'GET', url: '/metrics', remoteAddress, headers });

  it('answers an allowed address', async () => {
    for (const address of ['127.0.0.1', '::ffff:127.0.0.1', '10.0.0.5']) {
      const response = await metrics(address);
      expect(response.statusCode, address).toBe(200);
      expect(response.body).toContain('fayuan_http_request_duration_seconds');
    }
  });

  it('refuses any other address with 403 METRICS_FORBIDDEN, and a wrong token', async () => {
    const refused = await metrics('203.0.113.9');
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.code).toBe('METRICS_FORBIDDEN');
    expect(refused.body).not.toContain('fayuan_');
    const wrong = await metrics('203.0.113.9', { authorization: `Bearer ${TOKEN}x` });
    expect(wrong.statusCode).toBe(403);
    // X-Forwarded-For does not count when no proxy is trusted.
    const claimed = await metrics('203.0.113.9', { 'x-forwarded-for': '127.0.0.1' });
    expect(claimed.statusCode).toBe(403);
  });

  it('answers any address with the bearer token', async () => {
    const response = await metrics('203.0.113.9', { authorization: `Bearer ${TOKEN}` });
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('fayuan_');
  });

  it('defaults to the loopback addresses and no token', () => {
    const config = readConfig({});
    expect(config.metricsAllow).toEqual(['127.0.0.1', '::1']);
    expect(config.metricsToken).toBeUndefined();
  });
});
