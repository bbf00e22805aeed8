import { and, eq, isNull, lt, or } from 'drizzle-orm';
import type { OrganisationId, PartnerKind, PartnerOperation, UserId } from '@fayuan/domain';
import { organisations, partnerKeys, partnerNonces, partners, users } from '../../db/schema/index.ts';
import type { Db, Queryable } from '../../db/client.ts';
import type { AppDeps } from '../../platform/context.ts';
import type { ErrorCode } from '../../platform/errors.ts';
import { scopeFor } from '../../platform/scope/data-scope.ts';
import { hitWindow, retryAfterSeconds } from '../../platform/rate-limit/rate-limit-windows.ts';
import {
  computeSignature,
  NONCE_PATTERN,
  parseSignatureHeader,
  PARTNER_HEADERS,
  signaturesEqual,
  TIMESTAMP_PATTERN,
} from '../../platform/partner-signing/partner-signing.ts';
import type { PartnerActor } from './partner-actor.ts';

/** A request may be this far from the server's clock, either way. */
export const TIMESTAMP_WINDOW_SECONDS = 300;
/** A nonce may not come back with the same key within this long. */
export const NONCE_WINDOW_SECONDS = 600;

export interface IncomingPartnerRequest {
  method: string;
  /** The URL exactly as sent, with its query string. */
  url: string;
  headers: Record<string, string | string[] | undefined>;
  rawBody: Buffer | undefined;
  /** The route's `config.partnerOperation`; undefined for a route that declares none (refused). */
  operation: PartnerOperation | 'any' | undefined;
}

export type Verdict =
  | { ok: true; partner: PartnerActor }
  | {
      ok: false;
      code: ErrorCode;
      status: number;
      partnerId: string | null;
      details?: unknown;
      retryAfter?: number;
    };

function refuse(code: ErrorCode, partnerId: string | null = null, details?: unknown): Verdict {
  const status = code === 'PARTNER_OPERATION_FORBIDDEN' ? 403 : code === 'PARTNER_RATE_LIMITED' ? 429 : 401;
  return { ok: false, code, status, partnerId, ...(details === undefined ? {} : { details }) };
}

function header(request: IncomingPartnerRequest, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? undefined : value;
}

/** The key, its partner and the partner's service account, as one row. */
async function findInboundKey(db: Queryable, keyId: string) {
  const [row] = await db
    .select({
      keyId: partnerKeys.keyId,
      secretSealed: partnerKeys.secretSealed,
      expiresAt: partnerKeys.expiresAt,
      revokedAt: partnerKeys.revokedAt,
      lastUsedAt: partnerKeys.lastUsedAt,
      partnerId: partners.id,
      kind: partners.kind,
      name: partners.name,
      organisationId: partners.organisationId,
      operations: partners.operations,
      rateLimitPerMinute: partners.rateLimitPerMinute,
      active: partners.active,
      userId: users.id,
      username: users.username,
      userStatus: users.status,
      roles: users.roles,
      organisationCode: organisations.code,
      organisationName: organisations.name,
      organisationKind: organisations.kind,
      organisationPath: organisations.path,
    })
    .from(partnerKeys)
    .innerJoin(partners, eq(partners.id, partnerKeys.partnerId))
    .innerJoin(users, eq(users.id, partners.userId))
    .innerJoin(organisations, eq(organisations.id, partners.organisationId))
    .where(and(eq(partnerKeys.keyId, keyId), eq(partnerKeys.direction, 'inbound')));
  return row;
}

type KeyRow = NonNullable<Awaited<ReturnType<typeof findInboundKey>>>;

function actorOfKey(row: KeyRow): PartnerActor {
  const roles = ['partner_client'] as const;
  return {
    partnerId: row.partnerId,
    keyId: row.keyId,
    kind: row.kind as PartnerKind,
    name: row.name,
    organisationId: row.organisationId,
    operations: row.operations as PartnerOperation[],
    actor: {
      userId: row.userId as UserId,
      username: row.username,
      displayName: row.name,
      roles: [...roles],
      permissions: [],
      organisationId: row.organisationId as OrganisationId,
      organisationPath: row.organisationPath,
      organisation: {
        id: row.organisationId,
        code: row.organisationCode,
        name: row.organisationName,
        kind: row.organisationKind,
        path: row.organisationPath,
      },
      scope: scopeFor([...roles], row.organisationPath),
      mustChangePassword: false,
      sessionTokenHash: '',
      csrfToken: '',
      locale: 'zh-CN',
    },
  };
}

/**
 * Records the nonce for the key unless it was seen within the window: one statement, so two
 * concurrent requests with one nonce cannot both pass. A row older than the window is taken over.
 */
async function claimNonce(db: Db, keyId: string, nonce: string, now: Date): Promise<boolean> {
  const cutoff = new Date(now.getTime() - NONCE_WINDOW_SECONDS * 1000);
  const claimed = await db
    .insert(partnerNonces)
    .values({ keyId, nonce, seenAt: now })
    .onConflictDoUpdate({
      target: [partnerNonces.keyId, partnerNonces.nonce],
      set: { seenAt: now },
      setWhere: lt(partnerNonces.seenAt, cutoff),
    })
    .returning({ nonce: partnerNonces.nonce });
  return claimed.length === 1;
}

/**
 * The partner door's check, in the pinned order (ADR 0021): headers well-formed → key known →
 * key live and partner active → timestamp within 300 s → HMAC → nonce unused for 600 s → the
 * partner's rate limit → the route's operation allowed. Nothing is written before the HMAC
 * verified. `skipSignature` (the benchmark baseline only) takes the partner from the key header.
 */
export async function verifyPartnerRequest(
  deps: AppDeps,
  request: IncomingPartnerRequest,
  skipSignature = false,
): Promise<Verdict> {
  const now = deps.clock.now();
  const keyId = header(request, PARTNER_HEADERS.key);
  const timestamp = header(request, PARTNER_HEADERS.timestamp);
  const nonce = header(request, PARTNER_HEADERS.nonce);
  const signature = parseSignatureHeader(header(request, PARTNER_HEADERS.signature));
  if (!keyId || keyId.length > 80)
    return refuse('PARTNER_SIGNATURE_INVALID', null, { field: 'X-Fayuan-Key' });
  if (!skipSignature) {
    if (!timestamp || !TIMESTAMP_PATTERN.test(timestamp))
      return refuse('PARTNER_SIGNATURE_INVALID', null, { field: 'X-Fayuan-Timestamp' });
    if (!nonce || !NONCE_PATTERN.test(nonce))
      return refuse('PARTNER_SIGNATURE_INVALID', null, { field: 'X-Fayuan-Nonce' });
    if (!signature) return refuse('PARTNER_SIGNATURE_INVALID', null, { field: 'X-Fayuan-Signature' });
  }
  const key = await findInboundKey(deps.db, keyId);
  // An unknown key answers like a bad signature: the answer does not tell which keys exist.
  if (!key) return refuse('PARTNER_SIGNATURE_INVALID');
  const partnerId = key.partnerId;
  if (key.revokedAt || (key.expiresAt && key.expiresAt <= now) || !key.active || key.userStatus !== 'active')
    return refuse('PARTNER_KEY_REVOKED', partnerId);
  if (!skipSignature) {
    if (Math.abs(now.getTime() / 1000 - Number(timestamp)) > TIMESTAMP_WINDOW_SECONDS)
      return refuse('PARTNER_TIMESTAMP_SKEW', partnerId, { serverTime: Math.floor(now.getTime() / 1000) });
    const expected = computeSignature(signature!.algorithm, deps.cipher.open(key.secretSealed), {
      method: request.method,
      pathWithQuery: request.url,
      timestamp: timestamp!,
      nonce: nonce!,
      body: request.rawBody,
    });
    if (!signaturesEqual(expected, signature!.hex)) return refuse('PARTNER_SIGNATURE_INVALID', partnerId);
    if (!(await claimNonce(deps.db, key.keyId, nonce!, now)))
      return refuse('PARTNER_NONCE_REUSED', partnerId);
  }
  const window = await hitWindow(deps.db, `partner:${partnerId}`, now, 60_000);
  if (window.hits > key.rateLimitPerMinute)
    return {
      ...refuse('PARTNER_RATE_LIMITED', partnerId),
      retryAfter: retryAfterSeconds(window.msLeft),
    } as Verdict;
  const operation = request.operation;
  if (!operation || (operation !== 'any' && !key.operations.includes(operation)))
    return refuse('PARTNER_OPERATION_FORBIDDEN', partnerId);
  // At most one write a minute per key: enough for "last used" on the staff page.
  if (!key.lastUsedAt || now.getTime() - key.lastUsedAt.getTime() > 60_000)
    await deps.db
      .update(partnerKeys)
      .set({ lastUsedAt: now })
      .where(
        and(
          eq(partnerKeys.keyId, key.keyId),
          or(isNull(partnerKeys.lastUsedAt), lt(partnerKeys.lastUsedAt, new Date(now.getTime() - 60_000))),
        ),
      );
  return { ok: true, partner: actorOfKey(key) };
}

/** Deletes nonces past the replay window (maintenance). */
export async function purgePartnerNonces(db: Queryable, now: Date): Promise<number> {
  const cutoff = new Date(now.getTime() - NONCE_WINDOW_SECONDS * 1000);
  const gone = await db
    .delete(partnerNonces)
    .where(lt(partnerNonces.seenAt, cutoff))
    .returning({ n: partnerNonces.nonce });
  return gone.length;
}
