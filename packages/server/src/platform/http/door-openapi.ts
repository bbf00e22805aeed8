import type { FastifyDynamicSwaggerOptions } from '@fastify/swagger';
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';
import { operationIdOf } from './openapi.ts';
import { statusOf, type ErrorCode } from '../errors.ts';

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

export interface DoorDocument {
  title: string;
  description: string;
  /** The one tag every operation of the door carries. */
  tag: { name: string; description: string };
  /** The door's prefix, left out of operation ids (`/api/partner/v1`, `/api/public/v1`). */
  prefix: string;
  /** Errors any operation of the door may answer (authentication, limits). */
  doorErrors: ErrorCode[];
  securitySchemes: Json;
  security: Json[];
}

/**
 * The OpenAPI document of a door for people outside the centre (architecture.md): partners at
 * `/api/partner/docs`, citizens at `/api/public/docs`. Registered inside the door's encapsulated
 * plugin, so it sees only that door's routes; each operation lists the errors it may answer.
 */
export function doorOpenApiOptions(door: DoorDocument): FastifyDynamicSwaggerOptions {
  const errorsOf = new Map<string, ErrorCode[]>();
  return {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: door.title,
        description: door.description,
        version: '1',
        license: { name: 'Apache-2.0', url: 'https://www.apache.org/licenses/LICENSE-2.0' },
      },
      servers: [{ url: '/', description: 'This Fayuan server' }],
      tags: [door.tag],
      components: { securitySchemes: door.securitySchemes as never },
      security: door.security as never,
    },
    transform: (input) => {
      const converted = jsonSchemaTransform(input);
      const schema = { ...(converted.schema as Json) };
      if (schema.hide) return { ...converted, schema };
      const tags = (schema.tags as string[] | undefined) ?? [];
      if (tags.length !== 1 || tags[0] !== door.tag.name)
        throw new Error(`${door.title}: ${input.url} must have the one tag '${door.tag.name}'`);
      const method = (
        Array.isArray(input.route.method) ? input.route.method[0] : input.route.method
      ) as string;
      const operationId = operationIdOf(method, input.url.slice(door.prefix.length));
      const codes: ErrorCode[] = [...door.doorErrors, ...(input.route.config?.errors ?? [])];
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
