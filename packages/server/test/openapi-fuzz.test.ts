import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { UserId } from '@fayuan/domain';
import { startTestApp, type TestContext } from './harness.ts';
import { buildUser, ORG } from './factories.ts';
import { createSession, SESSION_COOKIE } from '../src/platform/auth/sessions.ts';
import {
  recordNotice,
  registerApplicant,
  signIn as signInStaff,
  takeIn,
  wageClaim,
} from '../src/modules/applications/application-test-kit.ts';
import {
  fillPath,
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

const listed = new Map<string, Record<string, unknown> | undefined>();

/**
 * Ids of records that exist for a path's parameters, read from the list the path extends
 * (`/persons/{id}` → the first of `GET /persons`), so the variants reach the use case and the
 * database instead of stopping at a 404. The fuzzer's own account is never picked.
 */
async function existingIds(path: string): Promise<Record<string, string>> {
  const known: Record<string, string> = {};
  for (const match of path.matchAll(/\{([^}]+)\}/g)) {
    const name = match[1]!;
    const prefix = fillPath(path.slice(0, match.index), known).replace(/\/$/, '');
    if (!listed.has(prefix)) {
      const response = await send({ label: 'list', method: 'GET', url: prefix, headers: {} });
      let first: Record<string, unknown> | undefined;
      if (response.statusCode === 200 && /json/.test(String(response.headers['content-type']))) {
        const body = response.json() as unknown;
        const items = Array.isArray(body) ? body : (body as { items?: unknown }).items;
        if (Array.isArray(items))
          first = (items as Record<string, unknown>[]).find((item) => item && item.id !== userId);
      }
      listed.set(prefix, first);
    }
    const item = listed.get(prefix);
    const value = item?.[name] ?? item?.id ?? item?.code;
    if (typeof value !== 'string') break;
    known[name] = value;
  }
  return known;
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
  // A few records to find by id: an applicant with an application, and a criminal notice.
  const window = await signInStaff(t, ORG.haidian, ['window_staff']);
  const applicantId = await registerApplicant(window);
  await takeIn(window, wageClaim(applicantId, { materialsProvided: ['identity_document'] }));
  await recordNotice(window, '孙某');
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
      const known = await existingIds(path);
      for (const request of malformedRequests(document, method, path, operation, known)) {
        const response = await send(request);
        sent += 1;
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
