import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { UserId } from '@fayuan/domain';
import { startTestApp, type TestContext } from './harness.ts';
import { buildUser, ORG } from './factories.ts';
import { createSession, SESSION_COOKIE } from '../src/platform/auth/sessions.ts';
import {
  malformedRequests,
  operationsOf,
  type MalformedRequest,
  type OpenApiDocument,
} from './malformed-requests.ts';

/**
 * Every operation of the app's own OpenAPI document, sent malformed input (malformed-requests.ts)
 * by a signed-in user holding every staff role at the city centre (with the CSRF token): no answer
 * may be a 5xx, and no body may show a stack trace or SQL. The document is read from the built
 * app, so a route added later is fuzzed without touching this file.
 */
let t: TestContext;
let document: OpenApiDocument;
let userId: UserId;
let session: { cookie: string; csrf: string };

/** A stack frame, a source path, or a statement the database was sent. */
const LEAK =
  /\bat [\w$.<>[\] ]+ \(?(file:|node:|\/)|node_modules|\.ts:\d+:\d+|Failed query|\bselect\b[^"]{0,120}\bfrom "|\binsert into "|\bupdate "\w+" set|violates .* constraint|syntax error at/i;

/** An error answer is our envelope with a stable code (not a framework's own body). */
function stableError(status: number, text: string): boolean {
  if (status < 400) return true;
  try {
    const code = (JSON.parse(text) as { error?: { code?: unknown } }).error?.code;
    return typeof code === 'string' && /^[A-Z][A-Z_]+$/.test(code) && !code.startsWith('FST_');
  } catch {
    return false;
  }
}

async function signIn() {
  const created = await createSession(
    t.deps.db,
    userId,
    t.deps.clock.now(),
    { idleMinutes: 60, absoluteHours: 12 },
    { ip: null, userAgent: 'openapi-fuzz' },
  );
  session = { cookie: `${SESSION_COOKIE}=${created.token}`, csrf: created.csrfToken };
}

async function send(request: MalformedRequest) {
  const go = () =>
    t.app.inject({
      method: request.method as 'GET',
      url: request.url,
      headers: {
        ...request.headers,
        cookie: session.cookie,
        'x-csrf-token': session.csrf,
        'accept-language': 'en-US',
      },
      ...(request.payload === undefined ? {} : { payload: request.payload }),
    });
  const response = await go();
  // A plausible logout (or a logout everywhere) ends the fuzzer's session: take a new one and retry.
  if (response.statusCode !== 401 || request.url.includes('/auth/login')) return response;
  await signIn();
  return go();
}

beforeAll(async () => {
  t = await startTestApp();
  const user = await buildUser(t.deps, {
    organisationId: ORG.city,
    roles: [
      'window_staff',
      'workstation_staff',
      'reviewer',
      'director',
      'handler',
      'duty_lawyer',
      'finance',
      'supervisor',
      'rule_admin',
      'system_admin',
    ],
  });
  userId = user.id as UserId;
  await signIn();
  await t.app.ready();
  document = t.app.swagger() as unknown as OpenApiDocument;
});
afterAll(() => t.close());

describe('malformed input to every operation of the OpenAPI document', () => {
  it('finds the API operations in the document', () => {
    const operations = operationsOf(document);
    expect(operations.length).toBeGreaterThan(50);
    expect(operations.some((o) => o.method === 'POST' && o.path === '/api/v1/auth/login')).toBe(true);
  });

  it('answers every variant with a status below 500 and a body without a stack or SQL', async () => {
    const failures: string[] = [];
    let sent = 0;
    for (const { method, path, operation } of operationsOf(document)) {
      for (const request of malformedRequests(document, method, path, operation)) {
        const response = await send(request);
        sent += 1;
        if (process.env.FUZZ_TRACE)
          (await import('node:fs')).appendFileSync(process.env.FUZZ_TRACE, `${response.statusCode} ${method} ${path} [${request.label}] ${response.body.slice(0, 120)}\n`);
        const type = String(response.headers['content-type'] ?? '');
        const text = /json|text|html/.test(type) ? response.body : '';
        if (response.statusCode >= 500 || LEAK.test(text) || !stableError(response.statusCode, text))
          failures.push(
            `${method} ${path} [${request.label}] → ${response.statusCode} ${text.slice(0, 300)}`,
          );
      }
    }
    expect(sent).toBeGreaterThan(500);
    expect(failures, failures.join('\n')).toEqual([]);
  }, 300_000);
});
