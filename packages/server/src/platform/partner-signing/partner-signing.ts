import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { PARTNER_SIGNATURE_ALGORITHMS, type PartnerSignatureAlgorithm } from '@fayuan/domain';

/**
 * The partner API's signing scheme (issue 13, pinned: partners build against these words).
 * Every request carries `X-Fayuan-Key`, `X-Fayuan-Timestamp` (unix seconds), `X-Fayuan-Nonce`
 * (16–64 of [A-Za-z0-9_-]) and `X-Fayuan-Signature: <algorithm>=<lowercase hex>`, where the
 * signature is the HMAC, keyed with the secret, of
 *
 *   METHOD \n PATH_WITH_QUERY \n TIMESTAMP \n NONCE \n hex(digest(raw body))
 *
 * with SHA-256 for `hmac-sha256` and SM3 (GB/T 32905) for `hmac-sm3`, both for the body digest and
 * inside the HMAC. Fayuan's callbacks to a partner are signed the same way with Fayuan's own key.
 * One module for the server's check, the callbacks and the partner simulator, so none can drift.
 */
export const PARTNER_HEADERS = {
  key: 'x-fayuan-key',
  timestamp: 'x-fayuan-timestamp',
  nonce: 'x-fayuan-nonce',
  signature: 'x-fayuan-signature',
} as const;

export const NONCE_PATTERN = /^[A-Za-z0-9_-]{16,64}$/;
export const TIMESTAMP_PATTERN = /^[0-9]{1,12}$/;

const HASH_OF: Record<PartnerSignatureAlgorithm, 'sha256' | 'sm3'> = {
  'hmac-sha256': 'sha256',
  'hmac-sm3': 'sm3',
};

export function isSignatureAlgorithm(value: string): value is PartnerSignatureAlgorithm {
  return (PARTNER_SIGNATURE_ALGORITHMS as readonly string[]).includes(value);
}

/** hex(digest(raw body)); an empty body (a GET) digests the empty string. */
export function bodyDigest(algorithm: PartnerSignatureAlgorithm, body: Buffer | string | undefined): string {
  return createHash(HASH_OF[algorithm])
    .update(body ?? '')
    .digest('hex');
}

export interface SignedParts {
  method: string;
  /** The path as sent, with its query string exactly as sent (`/api/partner/v1/events?after=12`). */
  pathWithQuery: string;
  timestamp: string;
  nonce: string;
  body?: Buffer | string;
}

export function stringToSign(algorithm: PartnerSignatureAlgorithm, parts: SignedParts): string {
  return [
    parts.method.toUpperCase(),
    parts.pathWithQuery,
    parts.timestamp,
    parts.nonce,
    bodyDigest(algorithm, parts.body),
  ].join('\n');
}

export function computeSignature(
  algorithm: PartnerSignatureAlgorithm,
  secret: string,
  parts: SignedParts,
): string {
  return createHmac(HASH_OF[algorithm], secret).update(stringToSign(algorithm, parts)).digest('hex');
}

/** `hmac-sha256=<hex>` → its parts; null when the header is not of that shape. */
export function parseSignatureHeader(
  value: string | undefined,
): { algorithm: PartnerSignatureAlgorithm; hex: string } | null {
  const match = /^([a-z0-9-]+)=([0-9a-f]{64})$/.exec(value ?? '');
  if (!match || !isSignatureAlgorithm(match[1]!)) return null;
  return { algorithm: match[1], hex: match[2]! };
}

/** Constant-time comparison of two lowercase hex signatures. */
export function signaturesEqual(expectedHex: string, givenHex: string): boolean {
  const a = Buffer.from(expectedHex, 'hex');
  const b = Buffer.from(givenHex, 'hex');
  return a.length === b.length && a.length > 0 && timingSafeEqual(a, b);
}

export function newNonce(): string {
  return randomBytes(18).toString('base64url');
}

/** The four headers of a signed request (the simulator, the callbacks and the tests use this). */
export function signRequest(input: {
  keyId: string;
  secret: string;
  algorithm?: PartnerSignatureAlgorithm;
  method: string;
  pathWithQuery: string;
  body?: Buffer | string;
  now?: Date;
  nonce?: string;
}): Record<string, string> {
  const algorithm = input.algorithm ?? 'hmac-sha256';
  const timestamp = String(Math.floor((input.now ?? new Date()).getTime() / 1000));
  const nonce = input.nonce ?? newNonce();
  const hex = computeSignature(algorithm, input.secret, {
    method: input.method,
    pathWithQuery: input.pathWithQuery,
    timestamp,
    nonce,
    body: input.body,
  });
  return {
    'X-Fayuan-Key': input.keyId,
    'X-Fayuan-Timestamp': timestamp,
    'X-Fayuan-Nonce': nonce,
    'X-Fayuan-Signature': `${algorithm}=${hex}`,
  };
}
