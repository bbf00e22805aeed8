import { randomUUID } from 'node:crypto';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { startTestApp, type TestContext } from './harness.ts';
import { ORG } from './factories.ts';
import { persons } from '../src/db/schema/index.ts';
import { registerApplicant, signIn, type Staff } from '../src/modules/applications/application-test-kit.ts';

/**
 * The error log never holds the values of a failed statement. A PostgreSQL error quotes them in its
 * `detail` ("Key (…)=(…) already exists"), and drizzle's wrapper prints the SQL with every parameter
 * in its message and stack: a probe found names, addresses and household members in 55 log lines.
 * Requests carrying personal data make the database fail, and the captured log is searched for it.
 */
const NAME = '欧阳秀英';
const ADDRESS = '北京市海淀区中关村南大街27号院3单元501';
const MEMBER = '欧阳小明';
const PHONE = '13912345678';
const PERSONAL = [NAME, ADDRESS, MEMBER, PHONE];

let t: TestContext;
let window: Staff;
const lines: string[] = [];

beforeAll(async () => {
  const logStream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
      done();
    },
  });
  t = await startTestApp({ logLevel: 'info' }, { logger: true, logStream });
  // Two routes that only a test has: they pass the request's personal data to the database the
  // way a use case does, and fail there (a duplicate key; a statement PostgreSQL refuses).
  t.app.post('/api/v1/test-only/duplicate-person', { config: { access: 'signed-in' } }, async (request) => {
    const body = request.body as { name: string; address: string; member: string };
    const row = {
      id: randomUUID(),
      ownerOrgId: ORG.haidian,
      name: body.name,
      namePinyin: 'ouyang',
      nameInitials: 'oy',
      documentType: 'resident_id' as const,
      address: body.address,
      householdMembers: [{ name: body.member, relation: 'child', birthDate: null }],
    };
    await t.deps.db.insert(persons).values(row);
    await t.deps.db.insert(persons).values(row);
    return { ok: true };
  });
  t.app.post('/api/v1/test-only/broken-query', { config: { access: 'signed-in' } }, async (request) => {
    const body = request.body as { name: string; phone: string; table?: boolean };
    if (body.table) await t.deps.db.execute(sql`select ${body.name} || ${body.phone} from no_such_table`);
    else await t.deps.db.execute(sql`select ${body.name}::int + ${body.phone}::int as broken`);
    return { ok: true };
  });
  window = await signIn(t, ORG.haidian, ['window_staff']);
});
afterAll(() => t.close());

function errorLogged(requestId: string): Record<string, unknown> | undefined {
  const entry = lines
    .map((l) => JSON.parse(l) as { reqId?: string; err?: Record<string, unknown> })
    .find((l) => l.reqId === requestId && l.err);
  return entry?.err;
}

function expectNoPersonalData() {
  const log = lines.join('\n');
  for (const value of PERSONAL) expect(log, `the log holds "${value}"`).not.toContain(value);
  expect(log).not.toMatch(/Failed query|params:|insert into "persons"/i);
}

describe('the error log of requests with personal data that fail in the database', () => {
  it('logs a duplicate key by its code and constraint, answers 409, and holds no value', async () => {
    const response = await window.session.post('/api/v1/test-only/duplicate-person', {
      name: NAME,
      address: ADDRESS,
      member: MEMBER,
    });
    expect(response.statusCode, response.body).toBe(409);
    expect(response.json().error.code).toBe('CONFLICT');
    const logged = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    const entry = logged.find((l) => l.msg === 'database refused a client value');
    expect(entry?.err).toMatchObject({ pgCode: '23505', constraint: 'persons_pkey', table: 'persons' });
    expect(entry?.reqId).toBe(response.json().error.requestId);
    expectNoPersonalData();
  });

  it('logs a value PostgreSQL cannot read as a 400 by its code only, and holds no value', async () => {
    const response = await window.session.post('/api/v1/test-only/broken-query', {
      name: NAME,
      phone: PHONE,
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe('VALUE_NOT_STORABLE');
    expect(errorLogged(response.json().error.requestId)).toMatchObject({ pgCode: '22P02' });
    expect(response.body).not.toContain(NAME);
    expectNoPersonalData();
  });

  it('logs an unexpected database error as a 500 by its code only, and holds no value', async () => {
    const response = await window.session.post('/api/v1/test-only/broken-query', {
      name: NAME,
      phone: PHONE,
      table: true,
    });
    expect(response.statusCode).toBe(500);
    expect(response.json().error.code).toBe('INTERNAL_ERROR');
    const err = errorLogged(response.json().error.requestId);
    expect(err).toMatchObject({ pgCode: '42P01' });
    // The frames stay (where it failed), the message lines do not.
    expect(String(err?.stack)).toMatch(/^\s+at /);
    expectNoPersonalData();
  });

  it('keeps the values of real requests out of the log, whatever they are refused for', async () => {
    await registerApplicant(window, NAME);
    const duplicate = await window.session.post('/api/v1/persons', {
      name: `${NAME}\u0000`,
      address: ADDRESS,
      phone: PHONE,
    });
    expect(duplicate.statusCode).toBe(400);
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: NAME, password: `${PHONE}\u0000` },
    });
    expect(login.statusCode).toBe(400);
    expectNoPersonalData();
  });

  it('keeps a searched identity or phone number out of the log (it travels in the query string)', async () => {
    const found = await window.session.get(`/api/v1/search?q=${PHONE}`);
    expect(found.statusCode, found.body).toBe(200);
    const tooLong = await window.session.get(`/api/v1/search?q=${PHONE.repeat(10)}`);
    expect(tooLong.statusCode).toBe(400);
    expect(lines.some((l) => l.includes('/api/v1/search'))).toBe(true);
    expectNoPersonalData();
  });
});
