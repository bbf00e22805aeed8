import type { FastifyDynamicSwaggerOptions } from '@fastify/swagger';
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';
import { operationIdOf, PARTNER_API_TAG } from '../../platform/http/openapi.ts';
import { statusOf, type ErrorCode } from '../../platform/errors.ts';

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

type Json = Record<string, unknown>;

const ERROR_BODY = {
  type: 'object',
  required: ['error'],
  properties: {
    error: {
      type: 'object',
      required: ['code', 'message', 'requestId'],
      properties: {
        code: { type: 'string' },
        message: { type: 'string' },
        details: {},
        requestId: { type: 'string' },
      },
    },
  },
};

/** The partner door's own OpenAPI document (`/api/partner/docs/json`), apart from the staff one. */
export function partnerOpenApiOptions(): FastifyDynamicSwaggerOptions {
  const errorsOf = new Map<string, ErrorCode[]>();
  return {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'Fayuan Partner API',
        description: `The API for justice organs and agencies (合作机构). ${SIGNING}`,
        version: '1',
        license: { name: 'Apache-2.0', url: 'https://www.apache.org/licenses/LICENSE-2.0' },
      },
      servers: [{ url: '/', description: 'This Fayuan server' }],
      tags: [{ name: PARTNER_API_TAG, description: 'Signed calls from partner institutions' }],
      components: { securitySchemes: SECURITY_SCHEMES as never },
      security: [{ fayuanKey: [], fayuanTimestamp: [], fayuanNonce: [], fayuanSignature: [] }],
    },
    transform: (input) => {
      const converted = jsonSchemaTransform(input);
      const schema = { ...(converted.schema as Json) };
      if (schema.hide) return { ...converted, schema };
      const tags = (schema.tags as string[] | undefined) ?? [];
      if (tags.length !== 1 || tags[0] !== PARTNER_API_TAG)
        throw new Error(`Partner OpenAPI: ${input.url} must have the one tag '${PARTNER_API_TAG}'`);
      const method = (
        Array.isArray(input.route.method) ? input.route.method[0] : input.route.method
      ) as string;
      const operationId = operationIdOf(method, input.url.replace(/^\/api\/partner\/v1/, ''));
      const codes: ErrorCode[] = [...DOOR_ERRORS, ...(input.route.config?.errors ?? [])];
      if (schema.body || schema.querystring || schema.params) codes.push('VALIDATION_FAILED');
      if (schema.body) codes.push('INVALID_JSON', 'PAYLOAD_TOO_LARGE', 'UNSUPPORTED_MEDIA_TYPE');
      if (/\/:/.test(input.url)) codes.push('NOT_FOUND');
      errorsOf.set(operationId, codes);
      schema.operationId = operationId;
      return { ...converted, schema };
    },
    transformObject: (input) => {
      const document = jsonSchemaTransformObject(input) as Json & {
        paths: Record<string, Record<string, Json>>;
      };
      for (const pathItem of Object.values(document.paths ?? {}))
        for (const operation of Object.values(pathItem)) {
          const codes = errorsOf.get(operation.operationId as string);
          if (!codes) continue;
          const byStatus = new Map<number, Set<string>>();
          for (const code of codes) {
            const status = statusOf(code);
            byStatus.set(status, (byStatus.get(status) ?? new Set()).add(code));
          }
          const responses = (operation.responses ?? {}) as Json;
          for (const [status, set] of [...byStatus].sort(([a], [b]) => a - b))
            responses[String(status)] = {
              description: `Error: ${[...set].join(', ')}`,
              content: { 'application/json': { schema: ERROR_BODY } },
            };
          operation.responses = responses;
        }
      return document as never;
    },
  };
}
