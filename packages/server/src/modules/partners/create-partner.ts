import { randomBytes, randomUUID } from 'node:crypto';
import type { Tx } from '../../db/client.ts';
import { partnerKeys, partners, users } from '../../db/schema/index.ts';
import { isUniqueViolation } from '../../db/pg-errors.ts';
import type { Actor, AppDeps, RequestOrigin } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { recordAudit } from '../../platform/audit/audit-log.ts';
import { findOrganisation } from '../organisations/organisations.repository.ts';
import { newPartnerKey } from './partners.repository.ts';
import type { CreatePartnerInput } from './partners.schemas.ts';

/**
 * A password hash no password verifies against (argon2 refuses to parse it): the service account
 * can never sign in, and a login attempt gets the same answer as a wrong password.
 */
export const UNUSABLE_PASSWORD_HASH = '!';

/**
 * Registers a partner institution (合作机构) in an organisation of the admin's scope: its service
 * account (role `partner_client`), its first inbound key (`fy_…`, signs its requests) and Fayuan's
 * outbound key for it (`fyo_…`, signs callbacks). Both secrets are answered this once; only their
 * sealed form is kept, and neither is written to the audit row or the log.
 */
export async function createPartner(
  deps: AppDeps,
  tx: Tx,
  actor: Actor,
  input: CreatePartnerInput,
  origin: RequestOrigin,
) {
  const organisation = await findOrganisation(tx, actor.scope, input.organisationId);
  if (!organisation) throw new AppError('NOT_FOUND', { field: 'organisationId' });
  const now = deps.clock.now();
  const id = randomUUID();
  const userId = randomUUID();
  await tx.insert(users).values({
    id: userId,
    username: `partner-${randomBytes(6).toString('hex')}`,
    displayName: input.name,
    organisationId: organisation.id,
    roles: ['partner_client'],
    passwordHash: UNUSABLE_PASSWORD_HASH,
    status: 'active',
    createdAt: now,
    updatedAt: now,
  });
  try {
    await tx.insert(partners).values({
      id,
      kind: input.kind,
      name: input.name,
      organisationId: organisation.id,
      userId,
      operations: input.operations,
      callbackUrl: input.callbackUrl ?? null,
      rateLimitPerMinute: input.rateLimitPerMinute ?? 120,
      active: true,
      createdBy: actor.userId,
      createdAt: now,
      updatedAt: now,
    });
  } catch (error) {
    if (isUniqueViolation(error, 'partners_name_idx')) throw new AppError('PARTNER_NAME_TAKEN');
    throw error;
  }
  const inbound = newPartnerKey('inbound');
  const outbound = newPartnerKey('outbound');
  for (const [direction, key] of [
    ['inbound', inbound],
    ['outbound', outbound],
  ] as const) {
    await tx.insert(partnerKeys).values({
      id: randomUUID(),
      partnerId: id,
      keyId: key.keyId,
      direction,
      secretSealed: deps.cipher.seal(key.secret).sealed,
      createdAt: now,
      createdBy: actor.userId,
    });
  }
  await recordAudit(tx, { cipher: deps.cipher, at: now }, origin, {
    action: 'partner.create',
    entityType: 'partners',
    entityId: id,
    changes: {
      kind: { after: input.kind },
      name: { after: input.name },
      organisationId: { after: organisation.id },
      operations: { after: input.operations },
      callbackUrl: { after: input.callbackUrl ?? null },
      rateLimitPerMinute: { after: input.rateLimitPerMinute ?? 120 },
      keyIds: { after: [inbound.keyId, outbound.keyId] },
    },
  });
  return {
    id,
    keyId: inbound.keyId,
    secret: inbound.secret,
    callbackKeyId: outbound.keyId,
    callbackSecret: outbound.secret,
  };
}
