import { eq } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import type {
  OrganisationId,
  PartnerKind,
  PartnerOperation,
  PartnerSignatureAlgorithm,
  UserId,
} from '@fayuan/domain';
import { permissionsOf } from '@fayuan/domain';
import { organisations, users } from '../src/db/schema/index.ts';
import type { Actor } from '../src/platform/context.ts';
import { CITY_WIDE } from '../src/platform/scope/data-scope.ts';
import { signRequest } from '../src/platform/partner-signing/partner-signing.ts';
import { createPartner } from '../src/modules/partners/create-partner.ts';
import { buildAdmin, ORG } from './factories.ts';
import type { TestContext } from './harness.ts';

export interface SignOptions {
  algorithm?: PartnerSignatureAlgorithm;
  nonce?: string;
  /** The signing time (default: the app's clock). */
  now?: Date;
  headers?: Record<string, string>;
  /** Sign with another key (e.g. the rotated one). */
  keyId?: string;
  secret?: string;
}

export interface TestPartner {
  partner: {
    id: string;
    name: string;
    kind: PartnerKind;
    organisationId: string;
    operations: PartnerOperation[];
  };
  keyId: string;
  secret: string;
  callbackKeyId: string;
  callbackSecret: string;
  /** A signed request to the partner door: `pathWithQuery` is the full path (`/api/partner/v1/whoami`). */
  signed: (
    method: string,
    pathWithQuery: string,
    body?: unknown,
    opts?: SignOptions,
  ) => Promise<LightMyRequestResponse>;
}

/** The system administrator as an Actor, for calling the registry's use cases directly. */
export async function adminActor(t: TestContext): Promise<Actor> {
  await buildAdmin(t.deps);
  const [admin] = await t.deps.db.select().from(users).where(eq(users.username, 'admin'));
  const [org] = await t.deps.db
    .select()
    .from(organisations)
    .where(eq(organisations.id, admin!.organisationId));
  return {
    userId: admin!.id as UserId,
    username: admin!.username,
    displayName: admin!.displayName,
    roles: ['system_admin'],
    permissions: permissionsOf(['system_admin']),
    organisationId: admin!.organisationId as OrganisationId,
    organisationPath: org!.path,
    organisation: { id: org!.id, code: org!.code, name: org!.name, kind: org!.kind, path: org!.path },
    scope: CITY_WIDE,
    mustChangePassword: false,
    sessionTokenHash: '',
    csrfToken: '',
    locale: 'zh-CN',
  };
}

let counter = 0;

/** Registers a partner through the registry's use case and returns a client that signs its requests. */
export async function createTestPartner(
  t: TestContext,
  opts: {
    name?: string;
    kind?: PartnerKind;
    organisationId?: string;
    operations?: PartnerOperation[];
    callbackUrl?: string;
    rateLimitPerMinute?: number;
  } = {},
): Promise<TestPartner> {
  const actor = await adminActor(t);
  counter += 1;
  const input = {
    kind: opts.kind ?? ('police' as const),
    name: opts.name ?? `测试公安分局${counter}-${Math.random().toString(36).slice(2, 8)}`,
    organisationId: opts.organisationId ?? ORG.haidian,
    operations: opts.operations ?? ['criminal_notices' as const],
    ...(opts.callbackUrl ? { callbackUrl: opts.callbackUrl } : {}),
    ...(opts.rateLimitPerMinute ? { rateLimitPerMinute: opts.rateLimitPerMinute } : {}),
  };
  const created = await t.deps.db.transaction((tx) =>
    createPartner(t.deps, tx, actor, input, { actor, ip: '127.0.0.1', requestId: 'test-partner-kit' }),
  );
  const signed: TestPartner['signed'] = (method, pathWithQuery, body, sign = {}) => {
    const raw = body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body);
    const headers = signRequest({
      keyId: sign.keyId ?? created.keyId,
      secret: sign.secret ?? created.secret,
      method,
      pathWithQuery,
      body: raw,
      ...(sign.algorithm ? { algorithm: sign.algorithm } : {}),
      ...(sign.nonce ? { nonce: sign.nonce } : {}),
      now: sign.now ?? t.deps.clock.now(),
    });
    return t.app.inject({
      method: method as 'GET',
      url: pathWithQuery,
      headers: {
        ...headers,
        ...(raw === undefined ? {} : { 'content-type': 'application/json' }),
        ...sign.headers,
      },
      ...(raw === undefined ? {} : { payload: raw }),
    });
  };
  return {
    partner: {
      id: created.id,
      name: input.name,
      kind: input.kind,
      organisationId: input.organisationId,
      operations: input.operations,
    },
    keyId: created.keyId,
    secret: created.secret,
    callbackKeyId: created.callbackKeyId,
    callbackSecret: created.callbackSecret,
    signed,
  };
}
