import fs from 'node:fs/promises';
import Fastify from 'fastify';
import fastifySwagger from '@fastify/swagger';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ROLES } from '@fayuan/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApiOptions } from '../src/platform/http/openapi.ts';
import { API_TYPES_FILE, generateApiTypes } from '../src/cli/api-types.ts';
import { Session, startTestApp, type TestContext } from './harness.ts';
import { buildUser, PASSWORD } from './factories.ts';

interface Operation {
  operationId?: string;
  security?: Array<Record<string, string[]>>;
  responses: Record<string, { content?: Record<string, { schema?: unknown }> }>;
  parameters?: Array<{ in: string; name: string; required?: boolean }>;
  requestBody?: { content: Record<string, { schema: { type?: string; format?: string } }> };
  tags?: string[];
}
interface Document {
  paths: Record<string, Record<string, Operation>>;
  tags: Array<{ name: string }>;
}

let t: TestContext;
let document: Document;
let operations: Array<{ method: string; path: string; op: Operation }>;

beforeAll(async () => {
  t = await startTestApp();
  await t.app.ready();
  document = t.app.swagger() as unknown as Document;
  operations = Object.entries(document.paths).flatMap(([path, item]) =>
    Object.entries(item).map(([method, op]) => ({ method: method.toUpperCase(), path, op })),
  );
});
afterAll(() => t.close());

const UUID = '00000000-0000-4000-8000-0000000000ff';
const urlOf = (path: string) => path.replace(/\{[^}]+\}/g, UUID);
const schemes = (op: Operation) => (op.security ?? []).flatMap((s) => Object.keys(s)).sort();
const errorCode = (body: string): string | undefined => {
  try {
    return (JSON.parse(body) as { error?: { code?: string } }).error?.code;
  } catch {
    return undefined;
  }
};

describe('the OpenAPI document', () => {
  it('names every operation once, tags it with a listed tag and says who may call it', () => {
    expect(operations.length).toBeGreaterThan(100);
    const ids = operations.map(({ op }) => op.operationId);
    expect(ids.every((id) => typeof id === 'string' && /^[a-z][A-Za-z0-9]+$/.test(id))).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    const listed = new Set(document.tags.map((tag) => tag.name));
    for (const { op } of operations) {
      expect(op.tags?.length).toBeGreaterThan(0);
      expect(op.tags!.every((tag) => listed.has(tag))).toBe(true);
      expect(op.security).toBeDefined();
    }
  });

  it('applies the session scheme to signed-in routes, the CSRF scheme too to unsafe ones, none to public ones', () => {
    const find = (method: string, path: string) =>
      operations.find((o) => o.method === method && o.path === path)!.op;
    expect(schemes(find('GET', '/api/v1/me'))).toEqual(['session']);
    expect(schemes(find('PATCH', '/api/v1/me'))).toEqual(['csrf', 'session']);
    expect(find('POST', '/api/v1/auth/login').security).toEqual([]);
    expect(schemes(find('POST', '/api/v1/applications/{id}/attachments'))).toEqual(['csrf', 'session']);
  });

  it('documents the security the server enforces: 401 without a session exactly where a session is required', async () => {
    for (const { method, path, op } of operations) {
      const response = await t.app.inject({ method, url: urlOf(path) });
      const needsSession = schemes(op).includes('session');
      expect(
        response.statusCode === 401 && errorCode(response.body) === 'AUTH_REQUIRED',
        `${method} ${path}`,
      ).toBe(needsSession);
    }
  });

  it('documents the CSRF header exactly where the server demands it', async () => {
    const user = await buildUser(t.deps, { roles: ['reviewer'] });
    const session = new Session(t.app);
    await session.login(user.username, PASSWORD);
    for (const { method, path, op } of operations) {
      const response = await t.app.inject({ method, url: urlOf(path), headers: { cookie: session.cookie! } });
      const refused = response.statusCode === 403 && errorCode(response.body) === 'CSRF_TOKEN_INVALID';
      expect(refused, `${method} ${path}`).toBe(schemes(op).includes('csrf'));
    }
  });

  it('documents PASSWORD_CHANGE_REQUIRED exactly where the server refuses a user who must change the password', async () => {
    const user = await buildUser(t.deps, { roles: ['reviewer'], mustChangePassword: true });
    const session = new Session(t.app);
    await session.login(user.username, PASSWORD);
    for (const { method, path, op } of operations) {
      if (path === '/api/v1/auth/logout' || path === '/api/v1/auth/logout-all') continue;
      const response = await session.request({ method, url: urlOf(path) });
      const refused = response.statusCode === 403 && errorCode(response.body) === 'PASSWORD_CHANGE_REQUIRED';
      const documented = (op.responses['403'] as { description?: string } | undefined)?.description ?? '';
      expect(refused, `${method} ${path}`).toBe(documented.includes('PASSWORD_CHANGE_REQUIRED'));
    }
  });

  it.each([
    ['a reviewer', ['reviewer']],
    ['a holder of every role', [...ROLES]],
  ] as const)(
    'documents every error status %s meets with unknown ids and empty bodies',
    async (_who, roles) => {
      const user = await buildUser(t.deps, { roles: [...roles] });
      const session = new Session(t.app);
      await session.login(user.username, PASSWORD);
      const undocumented: string[] = [];
      for (const { method, path, op } of operations) {
        if (path === '/api/v1/auth/logout' || path === '/api/v1/auth/logout-all') continue;
        const response = await session.request({ method, url: urlOf(path) });
        if (response.statusCode >= 400 && !op.responses[String(response.statusCode)])
          undocumented.push(`${method} ${path}: ${response.statusCode} ${errorCode(response.body)}`);
      }
      expect(undocumented).toEqual([]);
    },
  );

  it('declares the shared error body for 4xx and 5xx answers: 401/403 when signed in, 404 with ids, 429 when rate-limited', () => {
    for (const { method, path, op } of operations) {
      const statuses = Object.keys(op.responses);
      expect(statuses, `${method} ${path}`).toContain('500');
      expect(
        statuses.some((s) => s.startsWith('4')),
        `${method} ${path}`,
      ).toBe(op.security?.length !== 0 || statuses.includes('400') || statuses.includes('429'));
      if (op.security?.length) expect(statuses, `${method} ${path}`).toContain('401');
      if (schemes(op).includes('csrf')) expect(statuses, `${method} ${path}`).toContain('403');
      if (path.includes('{')) expect(statuses, `${method} ${path}`).toContain('404');
      for (const status of statuses.filter((s) => Number(s) >= 400))
        expect(op.responses[status]!.content?.['application/json']?.schema).toEqual({
          $ref: '#/components/schemas/ErrorBody',
        });
    }
    const eligibility = operations.find((o) => o.path === '/api/v1/eligibility/assessments')!.op;
    expect(Object.keys(eligibility.responses)).toContain('429');
    const createUser = operations.find((o) => o.method === 'POST' && o.path === '/api/v1/users')!.op;
    expect(Object.keys(createUser.responses)).toEqual(expect.arrayContaining(['404', '409', '422']));
    expect(createUser.parameters).toContainEqual(
      expect.objectContaining({ in: 'header', name: 'Idempotency-Key', required: false }),
    );
    const decide = operations.find((o) => o.path === '/api/v1/applications/{id}/decision')?.op;
    expect(Object.keys(decide?.responses ?? {})).toEqual(expect.arrayContaining(['409', '422']));
  });

  it('describes uploads as a raw binary body in the allowed content types, and 204 answers without a body', () => {
    const uploads = operations.filter(
      ({ path, method }) => method === 'POST' && path.endsWith('/attachments'),
    );
    expect(uploads.map((u) => u.path).sort()).toEqual([
      '/api/v1/applications/{id}/attachments',
      '/api/v1/cases/{id}/attachments',
    ]);
    for (const { op } of uploads) {
      expect(op.requestBody!.content['application/pdf']!.schema).toEqual({
        type: 'string',
        format: 'binary',
      });
      expect(op.requestBody!.content['image/jpeg']).toBeDefined();
      expect(Object.keys(op.responses)).toEqual(expect.arrayContaining(['413', '415']));
    }
    const logout = operations.find((o) => o.path === '/api/v1/auth/logout')!.op;
    expect(logout.responses['204']).toBeDefined();
    expect(logout.responses['204']!.content).toBeUndefined();
    expect(logout.responses['200']).toBeUndefined();
  });

  it('matches the web app’s generated API types (run `npm run api:types` after changing a route)', async () => {
    const committed = await fs.readFile(API_TYPES_FILE, 'utf8');
    expect(await generateApiTypes(document as never)).toBe(committed);
  });
});

describe('the OpenAPI transform', () => {
  async function documentOf(register: (app: ReturnType<typeof tiny>) => void) {
    const app = tiny();
    await app.register(fastifySwagger, openApiOptions());
    register(app);
    await app.ready();
    try {
      return app.swagger() as unknown as Document;
    } finally {
      await app.close();
    }
  }
  function tiny() {
    const app = Fastify().withTypeProvider<ZodTypeProvider>();
    app.setValidatorCompiler(validatorCompiler);
    app.setSerializerCompiler(serializerCompiler);
    return app;
  }

  it('refuses an operation with an unknown tag or none', async () => {
    await expect(
      documentOf((app) => app.get('/api/v1/x', { schema: { tags: ['nope'] } }, () => 'x')),
    ).rejects.toThrow(/tags \[nope\]/);
    await expect(documentOf((app) => app.get('/api/v1/y', {}, () => 'y'))).rejects.toThrow(/tags \[\]/);
  });

  it('documents the codes a new route declares in config.errors under their statuses', async () => {
    const doc = await documentOf((app) =>
      app.post(
        '/api/v1/users/:id/unlock',
        {
          config: { access: 'user.manage', errors: ['CONFLICT', 'RATE_LIMITED'] },
          schema: { tags: ['users'], params: z.object({ id: z.uuid() }), response: { 204: z.null() } },
        },
        async (_request, reply) => {
          await reply.code(204).send(null);
        },
      ),
    );
    const op = doc.paths['/api/v1/users/{id}/unlock']!.post!;
    expect(op.operationId).toBe('postUsersByIdUnlock');
    expect(schemes(op)).toEqual(['csrf', 'session']);
    expect(Object.keys(op.responses).sort()).toEqual([
      '204',
      '400',
      '401',
      '403',
      '404',
      '409',
      '429',
      '500',
    ]);
  });
});
