import type { FastifyDynamicSwaggerOptions } from '@fastify/swagger';
import { PARTNER_API_TAG } from '../../platform/http/openapi.ts';
import { doorOpenApiOptions } from '../../platform/http/door-openapi.ts';
import type { ErrorCode } from '../../platform/errors.ts';

const SIGNING = [
  'Every request is signed with the key id and secret Fayuan gave your institution.',
  'Send four headers: `X-Fayuan-Key` (the key id), `X-Fayuan-Timestamp` (unix seconds; within 300 s of the server clock),',
  '`X-Fayuan-Nonce` (16–64 of A–Z a–z 0–9 _ -, never reused within 600 s) and',
  '`X-Fayuan-Signature: <algorithm>=<lowercase hex>` with algorithm `hmac-sha256` or `hmac-sm3`.',
  'The signature is the HMAC (SHA-256 or SM3, keyed with the secret) of the string to sign:',
  '',
  '    METHOD \\n PATH_WITH_QUERY \\n TIMESTAMP \\n NONCE \\n hex(digest(raw body))',
  '',
  'where digest is the same hash (SHA-256 or SM3) over the exact body bytes sent (the empty string for a GET).',
  'Example: `GET /api/partner/v1/whoami` at 1764806400 with nonce `n0nce-0123456789ab` signs',
  '`GET\\n/api/partner/v1/whoami\\n1764806400\\nn0nce-0123456789ab\\ne3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855`.',
  'Refusals: 401 PARTNER_SIGNATURE_INVALID, PARTNER_TIMESTAMP_SKEW, PARTNER_NONCE_REUSED, PARTNER_KEY_REVOKED;',
  '403 PARTNER_OPERATION_FORBIDDEN; 429 PARTNER_RATE_LIMITED with Retry-After.',
].join('\n');

const SECURITY_SCHEMES = {
  fayuanKey: { type: 'apiKey', in: 'header', name: 'X-Fayuan-Key', description: SIGNING },
  fayuanTimestamp: { type: 'apiKey', in: 'header', name: 'X-Fayuan-Timestamp', description: 'Unix seconds' },
  fayuanNonce: {
    type: 'apiKey',
    in: 'header',
    name: 'X-Fayuan-Nonce',
    description: '16–64 of [A-Za-z0-9_-]',
  },
  fayuanSignature: {
    type: 'apiKey',
    in: 'header',
    name: 'X-Fayuan-Signature',
    description: '`hmac-sha256=<hex>` or `hmac-sm3=<hex>`',
  },
} as const;

const DOOR_ERRORS: ErrorCode[] = [
  'PARTNER_SIGNATURE_INVALID',
  'PARTNER_TIMESTAMP_SKEW',
  'PARTNER_NONCE_REUSED',
  'PARTNER_KEY_REVOKED',
  'PARTNER_OPERATION_FORBIDDEN',
  'PARTNER_RATE_LIMITED',
  'INTERNAL_ERROR',
];

/** The partner door's own OpenAPI document (`/api/partner/docs/json`), apart from the staff one. */
export function partnerOpenApiOptions(): FastifyDynamicSwaggerOptions {
  return doorOpenApiOptions({
    title: 'Fayuan Partner API',
    description: `The API for justice organs and agencies (合作机构). ${SIGNING}`,
    tag: { name: PARTNER_API_TAG, description: 'Signed calls from partner institutions' },
    prefix: '/api/partner/v1',
    doorErrors: DOOR_ERRORS,
    securitySchemes: SECURITY_SCHEMES,
    security: [{ fayuanKey: [], fayuanTimestamp: [], fayuanNonce: [], fayuanSignature: [] }],
  });
}
