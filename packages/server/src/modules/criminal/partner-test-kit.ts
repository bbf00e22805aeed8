import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { permissionsOf, type PartnerKind, type PartnerOperation } from '@fayuan/domain';
import { organisations, partners, users } from '../../db/schema/index.ts';
import type { RequestOrigin } from '../../platform/context.ts';
import { scopeFor } from '../../platform/scope/data-scope.ts';
import type { TestContext } from '../../../test/harness.ts';
import type { PartnerActor } from '../partners/partner-actor.ts';

/**
 * Test helpers for the partner use cases before the partner plugin exists on this branch (not a
 * test file): a `partners` row with its service account (role `partner_client`, no password), and
 * the PartnerActor the signature check would hand the route.
 */
export async function makePartner(
  t: TestContext,
  options: { kind: PartnerKind; name: string; organisationId: string; operations?: PartnerOperation[] },
): Promise<PartnerActor> {
  const userId = randomUUID();
  const [org] = await t.deps.db
    .select()
    .from(organisations)
    .where(eq(organisations.id, options.organisationId));
  if (!org) throw new Error('no such organisation');
  await t.deps.db.insert(users).values({
    id: userId,
    username: `partner-${userId.slice(0, 8)}`,
    displayName: options.name,
    organisationId: org.id,
    roles: ['partner_client'],
    passwordHash: '!',
    mustChangePassword: false,
    status: 'active',
  });
  const partnerId = randomUUID();
  const operations = options.operations ?? ['criminal_notices', 'forwarded_applications'];
  await t.deps.db.insert(partners).values({
    id: partnerId,
    kind: options.kind,
    name: options.name,
    organisationId: org.id,
    userId,
    operations,
  });
  return {
    partnerId,
    keyId: `key-${partnerId.slice(0, 8)}`,
    kind: options.kind,
    name: options.name,
    organisationId: org.id,
    operations,
    actor: {
      userId: userId as never,
      username: `partner-${userId.slice(0, 8)}`,
      roles: ['partner_client'],
      organisationId: org.id as never,
      displayName: options.name,
      organisation: { id: org.id, code: org.code, name: org.name, kind: org.kind, path: org.path },
      permissions: permissionsOf(['partner_client']),
      organisationPath: org.path,
      scope: scopeFor(['partner_client'], org.path),
      mustChangePassword: false,
      sessionTokenHash: '',
      csrfToken: '',
      locale: 'zh-CN',
    },
  };
}

export const originFor = (partner: PartnerActor): RequestOrigin => ({
  actor: partner.actor,
  ip: '127.0.0.1',
  requestId: randomUUID(),
});

/** A resident identity number with a valid GB 11643 check character. */
export function residentId(region: string, birth: string, sequence: number): string {
  const body = `${region}${birth}${String(sequence).padStart(3, '0')}`;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...body].reduce((s, c, i) => s + Number(c) * weights[i]!, 0);
  return body + '10X98765432'[sum % 11];
}

/** A minimal well-formed PDF, base64 (ends with %%EOF as a PDF does). */
export const NOTICE_PDF = Buffer.from('%PDF-1.4\n% 通知辩护公函\n1 0 obj << >> endobj\n%%EOF\n').toString(
  'base64',
);
