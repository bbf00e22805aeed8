import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { Session, startTestApp, type TestContext } from '../../../test/harness.ts';
import { buildUser, ORG, PASSWORD } from '../../../test/factories.ts';
import { auditEvents, partnerKeys, partners, users } from '../../db/schema/index.ts';
import { signRequest } from '../../platform/partner-signing/partner-signing.ts';
import { hashPassword } from '../../platform/auth/passwords.ts';

let t: TestContext;
let admin: Session;
const lines: string[] = [];

beforeAll(async () => {
  const logStream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
      done();
    },
  });
  t = await startTestApp({ logLevel: 'debug' }, { logger: true, logStream });
  const user = await buildUser(t.deps, { roles: ['system_admin'], organisationId: ORG.city });
  admin = new Session(t.app);
  await admin.login(user.username, PASSWORD);
});
afterAll(() => t.close());

const create = (body: Record<string, unknown>) =>
  admin.post('/api/v1/partners', {
    kind: 'police',
    organisationId: ORG.haidian,
    operations: ['criminal_notices'],
    callbackUrl: 'https://gaj.example.gov.cn/fayuan/callback',
    ...body,
  });

describe('the partner registry (合作机构)', () => {
  it('registers a partner once with both secrets, never shows them again, and never stores or logs them in clear', async () => {
    const created = await create({ name: '北京市公安局海淀分局' });
    expect(created.statusCode).toBe(201);
    const body = created.json();
    expect(body.keyId).toMatch(/^fy_[A-Z2-7]{24}$/);
    expect(body.callbackKeyId).toMatch(/^fyo_[A-Z2-7]{24}$/);
    expect(Buffer.from(body.secret, 'base64url')).toHaveLength(32);
    expect(Buffer.from(body.callbackSecret, 'base64url')).toHaveLength(32);

    const detail = await admin.get(`/api/v1/partners/${body.id}`);
    expect(detail.statusCode).toBe(200);
    expect(
      detail
        .json()
        .keys.map((k: { keyId: string; direction: string }) => [k.keyId, k.direction])
        .sort(),
    ).toEqual(
      [
        [body.callbackKeyId, 'outbound'],
        [body.keyId, 'inbound'],
      ].sort(),
    );
    const list = await admin.get('/api/v1/partners?kind=police');
    expect(list.json().items.map((p: { id: string }) => p.id)).toContain(body.id);
    for (const text of [detail.body, list.body]) {
      expect(text).not.toContain(body.secret);
      expect(text).not.toContain(body.callbackSecret);
    }
    const audit = await t.deps.db.select().from(auditEvents).where(eq(auditEvents.entityId, body.id));
    expect(audit.map((a) => a.action)).toContain('partner.create');
    const auditText = JSON.stringify(audit);
    expect(auditText).not.toContain(body.secret);
    expect(auditText).not.toContain(body.callbackSecret);
    const keys = await t.deps.db.select().from(partnerKeys).where(eq(partnerKeys.partnerId, body.id));
    for (const key of keys) expect(key.secretSealed.toString('utf8')).not.toContain(body.secret);
    const logText = lines.join('\n');
    expect(logText).not.toContain(body.secret);
    expect(logText).not.toContain(body.callbackSecret);
  });

  it('makes a service account that can never sign in: login answers as for a wrong password', async () => {
    const created = (await create({ name: '北京市海淀区人民检察院', kind: 'procuratorate' })).json();
    const [partner] = await t.deps.db.select().from(partners).where(eq(partners.id, created.id));
    const [user] = await t.deps.db.select().from(users).where(eq(users.id, partner!.userId));
    expect(user!.roles).toEqual(['partner_client']);
    for (const password of ['!', '', created.secret]) {
      const login = await new Session(t.app).login(user!.username, password || 'x');
      expect(login.statusCode).toBe(401);
      expect(login.json().error.code).toBe('AUTH_INVALID_CREDENTIALS');
    }
    // Even with a password set on it (say, by a reset), the service account does not sign in.
    await t.deps.db
      .update(users)
      .set({ passwordHash: await hashPassword(PASSWORD) })
      .where(eq(users.id, user!.id));
    const withPassword = await new Session(t.app).login(user!.username, PASSWORD);
    expect(withPassword.statusCode).toBe(401);
    expect(withPassword.json().error.code).toBe('AUTH_INVALID_CREDENTIALS');
  });

  it('refuses a taken name, an empty or unknown operation, a plain-http callback and an organisation out of reach', async () => {
    await create({ name: '重名测试机构' });
    const taken = await create({ name: '重名测试机构' });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().error.code).toBe('PARTNER_NAME_TAKEN');
    expect((await create({ name: '无操作机构', operations: [] })).json().error.code).toBe(
      'VALIDATION_FAILED',
    );
    expect((await create({ name: '未知操作机构', operations: ['everything'] })).statusCode).toBe(400);
    expect(
      (await create({ name: '明文回调机构', callbackUrl: 'http://gaj.example.gov.cn/cb' })).statusCode,
    ).toBe(400);
    expect((await create({ name: '本机回调机构', callbackUrl: 'http://127.0.0.1:9/cb' })).statusCode).toBe(
      201,
    );
    const unknownOrg = await create({
      name: '无此机构',
      organisationId: '00000000-0000-4000-8000-000000999999',
    });
    expect(unknownOrg.statusCode).toBe(404);
    const count = await t.deps.db.select().from(partners).where(eq(partners.name, '无此机构'));
    expect(count).toHaveLength(0);

    const reviewer = await buildUser(t.deps, { roles: ['reviewer'], organisationId: ORG.haidian });
    const staff = new Session(t.app);
    await staff.login(reviewer.username, PASSWORD);
    expect((await staff.get('/api/v1/partners')).json().error.code).toBe('FORBIDDEN');
  });

  it('edits a partner against the version read, and refuses a stale edit', async () => {
    const created = (await create({ name: '待编辑机构' })).json();
    const read = (await admin.get(`/api/v1/partners/${created.id}`)).json();
    t.clock.advance(1000);
    const edited = await admin.patch(`/api/v1/partners/${created.id}`, {
      expectedUpdatedAt: read.updatedAt,
      name: '已编辑机构',
      operations: ['criminal_notices', 'duty_lawyer_requests'],
      rateLimitPerMinute: 30,
    });
    expect(edited.statusCode).toBe(200);
    expect(edited.json()).toMatchObject({ name: '已编辑机构', rateLimitPerMinute: 30 });
    t.clock.advance(1000);
    const stale = await admin.patch(`/api/v1/partners/${created.id}`, {
      expectedUpdatedAt: read.updatedAt,
      name: '过期编辑',
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('PARTNER_VERSION_CONFLICT');
    const audit = await t.deps.db.select().from(auditEvents).where(eq(auditEvents.entityId, created.id));
    expect(audit.map((a) => a.action)).toEqual(['partner.create', 'partner.update']);
  });

  it('rotates a key with an overlap and revokes one at once, both audited, the new secret shown once', async () => {
    const created = (await create({ name: '轮换测试机构' })).json();
    const rotated = await admin.post(`/api/v1/partners/${created.id}/keys`, {
      direction: 'inbound',
      overlapHours: 2,
    });
    expect(rotated.statusCode).toBe(201);
    const body = rotated.json();
    expect(body.previousKeyId).toBe(created.keyId);
    expect(new Date(body.previousKeyExpiresAt).getTime() - t.deps.clock.now().getTime()).toBe(2 * 3_600_000);
    const detail = (await admin.get(`/api/v1/partners/${created.id}`)).json();
    expect(detail.keys.filter((k: { live: boolean }) => k.live)).toHaveLength(3);
    expect(JSON.stringify(detail)).not.toContain(body.secret);

    const revoked = await admin.post(`/api/v1/partners/${created.id}/keys/${created.keyId}/revoke`);
    expect(revoked.statusCode).toBe(200);
    expect(revoked.json().find((k: { keyId: string }) => k.keyId === created.keyId).live).toBe(false);
    const again = await admin.post(`/api/v1/partners/${created.id}/keys/${created.keyId}/revoke`);
    expect(again.json().error.code).toBe('PARTNER_KEY_NOT_ACTIVE');
    const audit = await t.deps.db.select().from(auditEvents).where(eq(auditEvents.entityId, created.id));
    expect(audit.map((a) => a.action)).toEqual([
      'partner.create',
      'partner_key.rotate',
      'partner_key.revoke',
    ]);
    expect(JSON.stringify(audit)).not.toContain(body.secret);
    expect(lines.join('\n')).not.toContain(body.secret);
  });

  it('lists the request log newest first with filters, and audits reading it', async () => {
    const created = (await create({ name: '日志测试机构' })).json();
    for (const nonce of ['aaaaaaaaaaaaaaaa01', 'aaaaaaaaaaaaaaaa02']) {
      const headers = signRequest({
        keyId: created.keyId,
        secret: created.secret,
        method: 'GET',
        pathWithQuery: '/api/partner/v1/whoami',
        now: t.deps.clock.now(),
        nonce,
      });
      expect((await t.app.inject({ method: 'GET', url: '/api/partner/v1/whoami', headers })).statusCode).toBe(
        200,
      );
      t.clock.advance(1000);
    }
    const bad = signRequest({
      keyId: created.keyId,
      secret: 'wrong',
      method: 'GET',
      pathWithQuery: '/api/partner/v1/whoami',
      now: t.deps.clock.now(),
    });
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/partner/v1/whoami', headers: bad })).statusCode,
    ).toBe(401);
    // The log rows are written after each answer went out: poll until the three are there.
    let page = (await admin.get(`/api/v1/partners/${created.id}/requests`)).json();
    for (let attempt = 0; attempt < 200 && page.total < 3; attempt += 1) {
      await new Promise((resolve) => setTimeout(resolve, 10));
      page = (await admin.get(`/api/v1/partners/${created.id}/requests`)).json();
    }
    expect(page.total).toBe(3);
    expect(page.items[0]).toMatchObject({
      status: 401,
      errorCode: 'PARTNER_SIGNATURE_INVALID',
      operation: 'any',
    });
    expect(page.items[1]).toMatchObject({ status: 200, errorCode: null, path: '/api/partner/v1/whoami' });
    const failed = (
      await admin.get(`/api/v1/partners/${created.id}/requests?errorCode=PARTNER_SIGNATURE_INVALID`)
    ).json();
    expect(failed.total).toBe(1);
    const audit = await t.deps.db.select().from(auditEvents).where(eq(auditEvents.entityId, created.id));
    expect(audit.map((a) => a.action)).toContain('partner_request_log.read');
    const list = (await admin.get('/api/v1/partners?q=日志测试')).json();
    expect(list.items[0].lastRequestAt).not.toBeNull();
  });
});
