import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { citizens, outboxMessages } from '../../db/schema/index.ts';
import { Session, startTestApp, type TestContext } from '../../../test/harness.ts';
import { buildUser, PASSWORD } from '../../../test/factories.ts';
import { simulatorJournal } from '../../platform/outbox/adapters.ts';
import { deliverMessages, latestOtp, PUBLIC, signInCitizen } from '../../../test/portal-client.ts';

let t: TestContext;
beforeAll(async () => {
  t = await startTestApp({ otpLimitPerPhone: 3, otpResendSeconds: 60, otpLimitPerAddress: 6 });
});
afterAll(() => t.close());

let nextPhone = 13_800_000_000;
let nextIp = 1;
const newPhone = () => String(nextPhone++);
const newIp = () => `10.0.0.${nextIp++}`;

function askCode(phone: string, ip: string) {
  return t.app.inject({ method: 'POST', url: `${PUBLIC}/otp`, payload: { phone }, remoteAddress: ip });
}
function signIn(phone: string, code: string, ip: string) {
  return t.app.inject({
    method: 'POST',
    url: `${PUBLIC}/sessions`,
    payload: { phone, code },
    remoteAddress: ip,
  });
}
async function codeFor(phone: string, ip: string) {
  expect((await askCode(phone, ip)).statusCode).toBe(202);
  await deliverMessages(t);
  return (await latestOtp(t, phone))!;
}
const wrong = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, '0');

describe('the one-time code', () => {
  it('is texted as 6 digits valid for 5 minutes, journaled by the simulator as {to, body, sentAt}', async () => {
    const phone = newPhone();
    const answer = await askCode(`+86 ${phone.slice(0, 3)}-${phone.slice(3)}`, newIp());
    expect(answer.statusCode).toBe(202);
    expect(Date.parse(answer.json().expiresAt) - t.clock.now().getTime()).toBe(5 * 60_000);
    await deliverMessages(t);
    const lines = (await readFile(simulatorJournal(t.deps.config.dataDir, 'sms'), 'utf8')).trim().split('\n');
    const line = JSON.parse(lines.at(-1)!) as Record<string, string>;
    expect(Object.keys(line).sort()).toEqual(['body', 'sentAt', 'to']);
    expect(line.to).toBe(phone);
    expect(line.body).toMatch(/验证码为 \d{6}，5 分钟内有效/);
    // The outbox keeps neither the text nor the code once sent; the message says simulated.
    const [row] = await t.deps.db
      .select()
      .from(outboxMessages)
      .where(eq(outboxMessages.template, 'otp_code'))
      .orderBy(outboxMessages.createdAt);
    expect(row).toMatchObject({ status: 'simulated', body: null, params: {} });
  });

  it('signs in once with the right code: cookie fayuan_citizen, a CSRF token, and /me masks the phone', async () => {
    const phone = newPhone();
    const ip = newIp();
    const code = await codeFor(phone, ip);
    const answer = await signIn(phone, code, ip);
    expect(answer.statusCode).toBe(200);
    const cookie = answer.cookies.find((c) => c.name === 'fayuan_citizen');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    const me = await t.app.inject({
      method: 'GET',
      url: `${PUBLIC}/me`,
      headers: { cookie: `fayuan_citizen=${cookie!.value}` },
    });
    expect(me.json()).toMatchObject({ phoneMasked: `${phone.slice(0, 3)}****${phone.slice(-4)}` });
    // The phone is sealed at rest.
    const [row] = await t.deps.db.select().from(citizens).where(eq(citizens.id, me.json().citizenId));
    expect(row!.phoneSealed!.toString('latin1')).not.toContain(phone);
    // Used once: the same code again is refused.
    expect((await signIn(phone, code, ip)).json().error.code).toBe('OTP_INVALID');
  });

  it('answers 401 OTP_INVALID to a wrong code, and the code dies after 5 tries', async () => {
    const phone = newPhone();
    const ip = newIp();
    const code = await codeFor(phone, ip);
    for (let i = 0; i < 5; i += 1) {
      const answer = await signIn(phone, wrong(code), ip);
      expect(answer.statusCode).toBe(401);
      expect(answer.json().error).toMatchObject({
        code: 'OTP_INVALID',
        message: '验证码不正确或已过期，请重新获取验证码',
      });
    }
    expect((await signIn(phone, code, ip)).json().error.code).toBe('OTP_INVALID');
  });

  it('expires after 5 minutes', async () => {
    const phone = newPhone();
    const ip = newIp();
    const code = await codeFor(phone, ip);
    t.clock.advance(5 * 60_000);
    expect((await signIn(phone, code, ip)).statusCode).toBe(401);
  });

  it('is limited per phone: one a minute, then 3 an hour, with Retry-After', async () => {
    const phone = newPhone();
    expect((await askCode(phone, newIp())).statusCode).toBe(202);
    const soon = await askCode(phone, newIp());
    expect(soon.statusCode).toBe(429);
    expect(soon.json().error.code).toBe('OTP_RATE_LIMITED');
    expect(Number(soon.headers['retry-after'])).toBe(60);
    t.clock.advance(61_000);
    expect((await askCode(phone, newIp())).statusCode).toBe(202);
    t.clock.advance(61_000);
    expect((await askCode(phone, newIp())).statusCode).toBe(202);
    t.clock.advance(61_000);
    const hourly = await askCode(phone, newIp());
    expect(hourly.statusCode).toBe(429);
    // The first of the three leaves the hour 3 × 61 s after it was sent.
    expect(Number(hourly.headers['retry-after'])).toBe(3600 - 3 * 61);
  });

  it('is limited per client address, whatever the phone', async () => {
    const ip = newIp();
    for (let i = 0; i < 6; i += 1) expect((await askCode(newPhone(), ip)).statusCode).toBe(202);
    const limited = await askCode(newPhone(), ip);
    expect(limited.statusCode).toBe(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('refuses a phone that is not a mainland mobile number, naming the field', async () => {
    const answer = await askCode('12345', newIp());
    expect(answer.statusCode).toBe(400);
    expect(JSON.stringify(answer.json().error.details)).toContain('phone');
  });
});

describe('two doors, two cookies', () => {
  it('refuses a staff session on the portal and a citizen session on the staff API', async () => {
    const user = await buildUser(t.deps, { roles: ['director'] });
    const staff = new Session(t.app);
    await staff.login(user.username, PASSWORD);
    const portalWithStaff = await t.app.inject({
      method: 'GET',
      url: `${PUBLIC}/me`,
      headers: { cookie: staff.cookie! },
    });
    expect(portalWithStaff.statusCode).toBe(401);
    expect(portalWithStaff.json().error.code).toBe('CITIZEN_AUTH_REQUIRED');

    const citizen = await signInCitizen(t, newPhone(), newIp());
    const staffWithCitizen = await t.app.inject({
      method: 'GET',
      url: '/api/v1/me',
      headers: { cookie: citizen.cookie! },
    });
    expect(staffWithCitizen.statusCode).toBe(401);
    expect(staffWithCitizen.json().error.code).toBe('AUTH_REQUIRED');
    const applicationsWithCitizen = await t.app.inject({
      method: 'GET',
      url: '/api/v1/applications',
      headers: { cookie: citizen.cookie! },
    });
    expect(applicationsWithCitizen.statusCode).toBe(401);
  });

  it('asks the CSRF token on mutations, and signs out', async () => {
    const citizen = await signInCitizen(t, newPhone(), newIp());
    const noToken = await citizen.request({
      method: 'DELETE',
      url: `${PUBLIC}/sessions/current`,
      headers: { 'x-csrf-token': 'not-the-token' },
    });
    expect(noToken.statusCode).toBe(403);
    expect(noToken.json().error.code).toBe('CSRF_TOKEN_INVALID');
    expect((await citizen.delete(`${PUBLIC}/sessions/current`)).statusCode).toBe(204);
    expect((await citizen.get(`${PUBLIC}/me`)).statusCode).toBe(401);
  });

  it('publishes its own OpenAPI document, and the staff document leaves the portal out', async () => {
    const own = (await t.app.inject({ method: 'GET', url: '/api/public/docs/json' })).json();
    expect(Object.keys(own.paths)).toEqual(
      expect.arrayContaining(['/api/public/v1/otp', '/api/public/v1/sessions']),
    );
    expect(Object.keys(own.paths).every((p: string) => p.startsWith('/api/public/v1/'))).toBe(true);
    const staff = (await t.app.inject({ method: 'GET', url: '/api/docs/json' })).json();
    expect(Object.keys(staff.paths).some((p: string) => p.startsWith('/api/public/'))).toBe(false);
  });
});

describe('a citizen on the staff API', () => {
  it('is refused by every staff operation that needs a session (401), whatever the method', async () => {
    const citizen = await signInCitizen(t, newPhone(), newIp());
    const staffDocument = (await t.app.inject({ method: 'GET', url: '/api/docs/json' })).json() as {
      paths: Record<string, Record<string, { security?: unknown[] }>>;
    };
    const uuid = '00000000-0000-4000-8000-000000000000';
    let checked = 0;
    for (const [pathTemplate, operations] of Object.entries(staffDocument.paths))
      for (const [method, operation] of Object.entries(operations)) {
        // Public staff operations (login, health, the self-test) need no session at all.
        if (!operation.security || operation.security.length === 0) continue;
        const url = pathTemplate.replace(/\{[^}]+\}/g, uuid);
        const answer = await citizen.request({
          method: method.toUpperCase(),
          url,
          headers: { 'x-csrf-token': citizen.csrfToken! },
          ...(['post', 'put', 'patch'].includes(method) ? { payload: {} } : {}),
        });
        expect(answer.statusCode, `${method} ${url}`).toBe(401);
        checked += 1;
      }
    expect(checked).toBeGreaterThan(100);
  });
});
