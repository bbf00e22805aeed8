import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count, eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Session, startTestApp, type TestContext } from '../../../test/harness.ts';
import { buildUser, ORG, PASSWORD } from '../../../test/factories.ts';
import { createTestPartner, type TestPartner } from '../../../test/partner-client.ts';
import { auditEvents, partnerNonces, partnerRequestLog } from '../../db/schema/index.ts';
import { signRequest } from '../../platform/partner-signing/partner-signing.ts';
import { partnerOf } from './partner-actor.ts';
import { runMaintenance } from '../../platform/maintenance.ts';
import { updatePartner } from './update-partner.ts';
import { rotatePartnerKey } from './rotate-partner-key.ts';
import { revokePartnerKey } from './revoke-partner-key.ts';
import { adminActor } from '../../../test/partner-client.ts';

/** Test-only routes on the door: an echo under an operation, to see the body and the partner. */
function testRoutes() {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    r.post(
      '/test-echo',
      {
        config: { partnerOperation: 'duty_lawyer_requests' },
        schema: {
          tags: ['Partner API'],
          body: z.object({ text: z.string() }),
          response: { 200: z.object({ text: z.string(), partner: z.string() }) },
        },
      },
      (request) => {
        // The partner's service account is the request's actor (audit origin, idempotency principal).
        if (request.actor?.userId !== partnerOf(request).actor.userId) throw new Error('actor not set');
        return { text: request.body.text, partner: partnerOf(request).name };
      },
    );
  };
}

let t: TestContext;
let police: TestPartner;
const WHOAMI = '/api/partner/v1/whoami';
const origin = { ip: '127.0.0.1', requestId: 'partner-api-test' };

beforeAll(async () => {
  t = await startTestApp({}, { extraPartnerRoutes: [testRoutes] });
  police = await createTestPartner(t, { operations: ['criminal_notices'], rateLimitPerMinute: 1000 });
});
afterAll(() => t.close());

/**
 * The log row of a response: written in onResponse, after the answer went out, so it is polled
 * for by the response's request id (a bounded wait on the row, not a fixed sleep).
 */
async function logOf(response: { headers: Record<string, unknown> }) {
  const requestId = String(response.headers['x-request-id']);
  for (let attempt = 0; attempt < 200; attempt += 1) {
    const [row] = await t.deps.db
      .select()
      .from(partnerRequestLog)
      .where(eq(partnerRequestLog.requestId, requestId));
    if (row) return row;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`no request log row for ${requestId}`);
}
async function auditCount() {
  const [row] = await t.deps.db.select({ n: count() }).from(auditEvents);
  return row!.n;
}

/** Sends a request, expects a refusal with the code, a log row naming it, and nothing else changed. */
async function expectRefused(
  send: () => Promise<{
    statusCode: number;
    headers: Record<string, unknown>;
    json: () => { error: { code: string; details?: unknown } };
  }>,
  status: number,
  code: string,
) {
  const auditBefore = await auditCount();
  const response = await send();
  expect(response.statusCode).toBe(status);
  expect(response.json().error.code).toBe(code);
  const log = await logOf(response);
  expect(log).toMatchObject({ status, errorCode: code });
  expect(await auditCount()).toBe(auditBefore);
  return Object.assign(response, { log });
}

describe('the partner door (/api/partner/v1)', () => {
  it('accepts requests signed with HMAC-SHA256 and HMAC-SM3, and logs them', async () => {
    for (const algorithm of ['hmac-sha256', 'hmac-sm3'] as const) {
      const response = await police.signed('GET', WHOAMI, undefined, { algorithm });
      expect(response.statusCode).toBe(200);
      expect(response.json()).toMatchObject({
        partnerId: police.partner.id,
        keyId: police.keyId,
        kind: 'police',
        operations: ['criminal_notices'],
      });
      expect(await logOf(response)).toMatchObject({
        partnerId: police.partner.id,
        status: 200,
        errorCode: null,
        operation: 'any',
        path: WHOAMI,
      });
    }
  });

  it('refuses a bad signature, a wrong body digest, a tampered path or query, and an unknown key alike', async () => {
    const partner = await createTestPartner(t, { operations: ['duty_lawyer_requests'] });
    const ok = await partner.signed('POST', '/api/partner/v1/test-echo', { text: '你好' });
    expect(ok.json()).toEqual({ text: '你好', partner: partner.partner.name });
    await expectRefused(
      () => partner.signed('GET', WHOAMI, undefined, { secret: 'not-the-secret' }),
      401,
      'PARTNER_SIGNATURE_INVALID',
    );
    // The body sent differs from the body signed by one byte (same JSON meaning, other bytes).
    const headers = signRequest({
      keyId: partner.keyId,
      secret: partner.secret,
      method: 'POST',
      pathWithQuery: '/api/partner/v1/test-echo',
      body: '{"text":"a"}',
      now: t.deps.clock.now(),
    });
    await expectRefused(
      () =>
        t.app.inject({
          method: 'POST',
          url: '/api/partner/v1/test-echo',
          headers: { ...headers, 'content-type': 'application/json' },
          payload: '{"text": "a"}',
        }),
      401,
      'PARTNER_SIGNATURE_INVALID',
    );
    const signedForQuery = signRequest({
      keyId: partner.keyId,
      secret: partner.secret,
      method: 'GET',
      pathWithQuery: `${WHOAMI}?a=1`,
      now: t.deps.clock.now(),
    });
    await expectRefused(
      () => t.app.inject({ method: 'GET', url: `${WHOAMI}?a=2`, headers: signedForQuery }),
      401,
      'PARTNER_SIGNATURE_INVALID',
    );
    const signedForPath = signRequest({
      keyId: partner.keyId,
      secret: partner.secret,
      method: 'GET',
      pathWithQuery: '/api/partner/v1/other',
      now: t.deps.clock.now(),
    });
    await expectRefused(
      () => t.app.inject({ method: 'GET', url: WHOAMI, headers: signedForPath }),
      401,
      'PARTNER_SIGNATURE_INVALID',
    );
    const unknown = await expectRefused(
      () => partner.signed('GET', WHOAMI, undefined, { keyId: 'fy_doesnotexist' }),
      401,
      'PARTNER_SIGNATURE_INVALID',
    );
    expect(unknown.json().error.details).toBeUndefined();
    expect(unknown.log.partnerId).toBeNull();
    // Fayuan's own outbound key does not sign requests to Fayuan.
    await expectRefused(
      () =>
        partner.signed('GET', WHOAMI, undefined, {
          keyId: partner.callbackKeyId,
          secret: partner.callbackSecret,
        }),
      401,
      'PARTNER_SIGNATURE_INVALID',
    );
    await expectRefused(() => t.app.inject({ method: 'GET', url: WHOAMI }), 401, 'PARTNER_SIGNATURE_INVALID');
  });

  it('refuses a malformed nonce naming the field, and a timestamp 301 s off either way but not 299 s', async () => {
    const bad = await expectRefused(
      () => police.signed('GET', WHOAMI, undefined, { nonce: 'short' }),
      401,
      'PARTNER_SIGNATURE_INVALID',
    );
    expect(bad.json().error.details).toEqual({ field: 'X-Fayuan-Nonce' });
    const now = t.deps.clock.now().getTime();
    for (const offset of [301_000, -301_000])
      await expectRefused(
        () => police.signed('GET', WHOAMI, undefined, { now: new Date(now + offset) }),
        401,
        'PARTNER_TIMESTAMP_SKEW',
      );
    for (const offset of [299_000, -299_000])
      expect(
        (await police.signed('GET', WHOAMI, undefined, { now: new Date(now + offset) })).statusCode,
      ).toBe(200);
  });

  it('refuses a nonce reused within 600 s, and accepts it again after', async () => {
    const nonce = 'reused-nonce-0000001';
    expect((await police.signed('GET', WHOAMI, undefined, { nonce })).statusCode).toBe(200);
    await expectRefused(
      () => police.signed('GET', WHOAMI, undefined, { nonce }),
      401,
      'PARTNER_NONCE_REUSED',
    );
    t.clock.advance(601_000);
    expect((await police.signed('GET', WHOAMI, undefined, { nonce })).statusCode).toBe(200);
  });

  it('lets maintenance purge nonces past the 600 s window, and only those', async () => {
    const partner = await createTestPartner(t);
    expect(
      (await partner.signed('GET', WHOAMI, undefined, { nonce: 'purge-old-nonce-0001' })).statusCode,
    ).toBe(200);
    t.clock.advance(601_000);
    expect(
      (await partner.signed('GET', WHOAMI, undefined, { nonce: 'purge-new-nonce-0001' })).statusCode,
    ).toBe(200);
    const result = await runMaintenance(t.deps);
    expect(result.partnerNonces).toBeGreaterThanOrEqual(1);
    const kept = await t.deps.db.select().from(partnerNonces).where(eq(partnerNonces.keyId, partner.keyId));
    expect(kept.map((n) => n.nonce)).toEqual(['purge-new-nonce-0001']);
  });

  it('does not record a nonce of a request whose signature failed (nobody can burn a partner’s nonces)', async () => {
    const nonce = 'burn-attempt-000000001';
    await expectRefused(
      () => police.signed('GET', WHOAMI, undefined, { nonce, secret: 'guess' }),
      401,
      'PARTNER_SIGNATURE_INVALID',
    );
    expect(await t.deps.db.select().from(partnerNonces).where(eq(partnerNonces.nonce, nonce))).toHaveLength(
      0,
    );
    expect((await police.signed('GET', WHOAMI, undefined, { nonce })).statusCode).toBe(200);
  });

  it('keeps a rotated key valid through its overlap and refuses it after; a revoked key and an inactive partner at once', async () => {
    const partner = await createTestPartner(t);
    const actor = await adminActor(t);
    const rotated = await rotatePartnerKey(
      t.deps,
      actor,
      partner.partner.id,
      { direction: 'inbound', overlapHours: 1 },
      { ...origin, actor },
    );
    expect((await partner.signed('GET', WHOAMI)).statusCode).toBe(200);
    expect(
      (
        await partner.signed('GET', WHOAMI, undefined, { keyId: rotated.keyId, secret: rotated.secret })
      ).json().keyId,
    ).toBe(rotated.keyId);
    t.clock.advance(3_600_000);
    const expired = await expectRefused(() => partner.signed('GET', WHOAMI), 401, 'PARTNER_KEY_REVOKED');
    expect(expired.log.partnerId).toBe(partner.partner.id);
    await revokePartnerKey(t.deps, actor, partner.partner.id, rotated.keyId, { ...origin, actor });
    await expectRefused(
      () => partner.signed('GET', WHOAMI, undefined, { keyId: rotated.keyId, secret: rotated.secret }),
      401,
      'PARTNER_KEY_REVOKED',
    );

    const other = await createTestPartner(t);
    const before = await other.signed('GET', WHOAMI);
    expect(before.statusCode).toBe(200);
    expect((await logOf(before)).partnerId).toBe(other.partner.id);
    t.clock.advance(1000);
    const { updatedAt } = await import('./partners.repository.ts')
      .then((m) => m.findPartner(t.deps.db, actor.scope, other.partner.id))
      .then((p) => p!);
    await updatePartner(
      t.deps,
      actor,
      other.partner.id,
      { expectedUpdatedAt: updatedAt.toISOString(), active: false },
      { ...origin, actor },
    );
    await expectRefused(() => other.signed('GET', WHOAMI), 401, 'PARTNER_KEY_REVOKED');
  });

  it('answers an unknown path 401 unsigned and 404 signed, and logs both', async () => {
    await expectRefused(
      () => t.app.inject({ method: 'GET', url: '/api/partner/v1/nope' }),
      401,
      'PARTNER_SIGNATURE_INVALID',
    );
    await expectRefused(() => police.signed('GET', '/api/partner/v1/nope'), 404, 'ROUTE_NOT_FOUND');
  });

  it('refuses an operation the partner is not allowed (403), after the signature checked out', async () => {
    const refused = await expectRefused(
      () => police.signed('POST', '/api/partner/v1/test-echo', { text: 'x' }),
      403,
      'PARTNER_OPERATION_FORBIDDEN',
    );
    expect(refused.log.operation).toBe('duty_lawyer_requests');
  });

  it('limits each partner to its requests per minute with Retry-After', async () => {
    const partner = await createTestPartner(t, { rateLimitPerMinute: 2 });
    expect((await partner.signed('GET', WHOAMI)).statusCode).toBe(200);
    expect((await partner.signed('GET', WHOAMI)).statusCode).toBe(200);
    const limited = await expectRefused(() => partner.signed('GET', WHOAMI), 429, 'PARTNER_RATE_LIMITED');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    // Another partner is not limited by this one.
    expect((await police.signed('GET', WHOAMI)).statusCode).toBe(200);
  });

  it('ignores a staff session cookie on the partner door, and the partner headers on the staff API', async () => {
    const user = await buildUser(t.deps, { roles: ['system_admin'], organisationId: ORG.city });
    const staff = new Session(t.app);
    await staff.login(user.username, PASSWORD);
    const withCookie = await t.app.inject({ method: 'GET', url: WHOAMI, headers: { cookie: staff.cookie! } });
    expect(withCookie.statusCode).toBe(401);
    expect(withCookie.json().error.code).toBe('PARTNER_SIGNATURE_INVALID');
    const headers = signRequest({
      keyId: police.keyId,
      secret: police.secret,
      method: 'GET',
      pathWithQuery: '/api/v1/partners',
      now: t.deps.clock.now(),
    });
    const staffApi = await t.app.inject({ method: 'GET', url: '/api/v1/partners', headers });
    expect(staffApi.json().error.code).toBe('AUTH_REQUIRED');
  });

  it('has its own OpenAPI document with the signing scheme, apart from the staff one', async () => {
    const partnerDoc = (await t.app.inject({ method: 'GET', url: '/api/partner/docs/json' })).json();
    expect(Object.keys(partnerDoc.paths)).toContain('/api/partner/v1/whoami');
    expect(Object.keys(partnerDoc.paths).some((p) => p.startsWith('/api/v1/'))).toBe(false);
    expect(Object.keys(partnerDoc.components.securitySchemes)).toEqual([
      'fayuanKey',
      'fayuanTimestamp',
      'fayuanNonce',
      'fayuanSignature',
    ]);
    expect(partnerDoc.components.securitySchemes.fayuanKey.description).toContain('PATH_WITH_QUERY');
    expect(partnerDoc.paths['/api/partner/v1/whoami'].get.responses['401'].description).toContain(
      'PARTNER_NONCE_REUSED',
    );
    const staffDoc = (await t.app.inject({ method: 'GET', url: '/api/docs/json' })).json();
    expect(Object.keys(staffDoc.paths).some((p) => p.startsWith('/api/partner'))).toBe(false);
    expect(Object.keys(staffDoc.paths)).toContain('/api/v1/partners');
  });
});

describe('the benchmark baseline (partnerSignatures: skip-for-benchmark)', () => {
  it('takes the partner from X-Fayuan-Key alone', async () => {
    const bench = await startTestApp({}, { partnerSignatures: 'skip-for-benchmark' });
    try {
      const partner = await createTestPartner(bench);
      const response = await bench.app.inject({
        method: 'GET',
        url: WHOAMI,
        headers: { 'x-fayuan-key': partner.keyId },
      });
      expect(response.statusCode).toBe(200);
      expect(response.json().partnerId).toBe(partner.partner.id);
    } finally {
      await bench.close();
    }
  });
});
