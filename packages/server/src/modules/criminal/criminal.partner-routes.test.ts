import Fastify, { type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestContext } from '../../../test/harness.ts';
import { ORG } from '../../../test/factories.ts';
import { registerErrorHandling } from '../../platform/http/error-handler.ts';
import type { PartnerActor } from '../partners/partner-actor.ts';
import { criminalPartnerRoutes } from './criminal.partner-routes.ts';
import { makePartner } from './partner-test-kit.ts';

/*
 * The route plugin as the partner API mounts it, before the signature check exists on this branch:
 * a bare Fastify at `/api/partner/v1` whose hook stands in for the verified partner (the header
 * names a test partner). The signed HTTP tests come with the partner plugin.
 */
let t: TestContext;
let api: FastifyInstance;
const byName = new Map<string, PartnerActor>();

beforeAll(async () => {
  t = await startTestApp();
  byName.set(
    'court',
    await makePartner(t, { kind: 'court', name: '北京市海淀区人民法院', organisationId: ORG.haidian }),
  );
  byName.set(
    'other',
    await makePartner(t, { kind: 'court', name: '北京市朝阳区人民法院', organisationId: ORG.chaoyang }),
  );
  api = Fastify({ logger: false });
  api.setValidatorCompiler(validatorCompiler);
  api.setSerializerCompiler(serializerCompiler);
  registerErrorHandling(api);
  api.decorateRequest('actor', null);
  api.decorateRequest('partner', null);
  api.addHook('onRequest', async (request) => {
    request.partner = byName.get(String(request.headers['x-test-partner'])) ?? null;
  });
  await api.register(criminalPartnerRoutes(t.deps), { prefix: '/api/partner/v1' });
  await api.ready();
});
afterAll(async () => {
  await api.close();
  await t.close();
});

const as = (partner: string, method: 'GET' | 'POST', url: string, body?: unknown, key?: string) =>
  api.inject({
    method,
    url: `/api/partner/v1${url}`,
    headers: { 'x-test-partner': partner, ...(key ? { 'idempotency-key': key } : {}) },
    ...(body === undefined ? {} : { payload: body as object }),
  });

const notice = {
  institutionCaseNumber: '（2026）京0108刑初555号',
  stage: 'death_penalty_review',
  ground: 'death_penalty_review',
  charges: ['故意杀人罪'],
  defendant: { name: '韩某', detained: true, detentionPlace: '北京市第一看守所' },
};

describe('the criminal partner routes', () => {
  it('take a notice (201, replayed under the same key) and answer its status; 404 to another partner', async () => {
    const created = await as('court', 'POST', '/criminal-notices', notice, 'k-555');
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({ status: 'received', assignmentDueDate: '2026-11-05' });
    const replay = await as('court', 'POST', '/criminal-notices', notice, 'k-555');
    expect(replay.statusCode).toBe(201);
    expect(replay.json()).toEqual(created.json());
    const duplicate = await as('court', 'POST', '/criminal-notices', notice, 'k-556');
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json().error).toMatchObject({
      code: 'CRIMINAL_NOTICE_DUPLICATE',
      details: { id: created.json().id },
    });
    const status = await as('court', 'GET', `/criminal-notices/${created.json().id}`);
    expect(status.statusCode, status.body).toBe(200);
    expect(status.json()).toMatchObject({
      institutionCaseNumber: notice.institutionCaseNumber,
      handler: null,
    });
    expect((await as('other', 'GET', `/criminal-notices/${created.json().id}`)).statusCode).toBe(404);
  });

  it('answers a malformed notice 400 with the field path', async () => {
    const bad = await as('court', 'POST', '/criminal-notices', { ...notice, charges: [] });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('VALIDATION_FAILED');
    expect(JSON.stringify(bad.json().error.details)).toContain('charges');
    const badId = await as('court', 'POST', '/criminal-notices', {
      ...notice,
      institutionCaseNumber: 'x-1',
      defendant: { name: '韩某', idNumber: '110108199001011230', detained: true },
    });
    expect(badId.statusCode).toBe(400);
    expect(badId.json().error).toMatchObject({
      code: 'ID_NUMBER_INVALID',
      details: { field: 'defendant.idNumber' },
    });
  });

  it('take a forwarded application and answer its state', async () => {
    const sent = await as('court', 'POST', '/forwarded-applications', {
      applicant: { name: '杨某' },
      detained: true,
      requestedAt: new Date(t.clock.now().getTime() - 30 * 3_600_000).toISOString(),
    });
    expect(sent.statusCode, sent.body).toBe(201);
    expect(sent.json()).toMatchObject({ status: 'received', forwardedLate: true });
    const read = await as('court', 'GET', `/forwarded-applications/${sent.json().id}`);
    expect(read.json()).toMatchObject({ status: 'received', forwardedLate: true, decision: null });
  });
});
