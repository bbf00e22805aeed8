import type { FastifyDynamicSwaggerOptions } from '@fastify/swagger';
import type { RouteOptions } from 'fastify';
import { createJsonSchemaTransformObject, jsonSchemaTransform } from 'fastify-type-provider-zod';
import { statusOf, type ErrorCode } from '../errors.ts';
import type { Access } from './request-context.ts';
import { KEY_PATTERN } from './idempotency.ts';

/**
 * The OpenAPI document says what each operation really does (ADR 0010): who may call it (security
 * from `config.access`), the errors it can answer with (from its access, its inputs, its path
 * parameters, `config.rateLimit` and the codes it declares in `config.errors`), how an upload is
 * sent (`config.upload`) and its operationId (method + path unless the schema names one). A route
 * author declares access, tags, the domain error codes the route raises and nothing else.
 */
declare module 'fastify' {
  interface FastifyContextConfig {
    /** Error codes beyond the ones every route can answer with (conflicts, guards, domain checks). */
    errors?: readonly ErrorCode[];
    /** The body is a raw file sent with one of these content types (an upload, not JSON). */
    upload?: readonly string[];
  }
}

/** Every tag an operation may carry; an unknown or missing tag fails the document build. */
export const API_TAGS = [
  { name: 'auth', description: 'Sign-in, sessions and passwords' },
  { name: 'organisations', description: 'The organisation tree and organisation kinds' },
  { name: 'users', description: 'Staff accounts and roles' },
  { name: 'audit', description: 'The audit trail and its hash chain' },
  { name: 'rules', description: 'Rule tables: matters, thresholds, deadlines, holiday calendar' },
  { name: 'eligibility', description: 'Public eligibility check' },
  { name: 'people', description: 'Persons on file (applicants, parties)' },
  { name: 'consultations', description: 'Legal consultations (first inquiry)' },
  { name: 'applications', description: 'Legal aid applications: intake, review, decision, documents' },
  { name: 'assignment', description: 'Assigning handlers to granted cases' },
  { name: 'casework', description: 'Case handling, closing materials and archive' },
  { name: 'quality', description: 'Quality review of closed cases' },
  { name: 'subsidies', description: 'Handling subsidies' },
  {
    name: 'funding',
    description:
      'Funding: fee waivers and deferrals by courts, notaries and appraisers, budgets, donations, purchased services',
  },
  { name: 'knowledge', description: 'Knowledge base for staff' },
  { name: 'handlers', description: 'Lawyers, law firms and handler teams' },
  { name: 'exports', description: 'Staff lists as Excel files, under the list filters (audited)' },
  { name: 'work', description: 'Today’s work: queues, notifications and the hearing calendar' },
  {
    name: 'search',
    description: 'Global search across persons, applications, consultations and handlers in scope',
  },
  {
    name: 'duty',
    description: 'Duty lawyers: stations, rosters, check-in, the service log, requests and KPIs',
  },
  { name: 'partners', description: 'Partner institutions (合作机构): registry, keys and request log' },
  {
    name: 'messages',
    description: 'Messages (SMS, e-mail) sent or waiting, for directors and administrators',
  },
  {
    name: 'portal',
    description:
      'The portal seen from the centre: appointment slots and bookings, complaints received, ratings',
  },
] as const;

/**
 * The tag of the partner door's operations (`/api/partner/v1`). They are documented in the
 * partner document (`/api/partner/docs`), never in this one.
 */
export const PARTNER_API_TAG = 'Partner API';

export const SECURITY_SCHEMES = {
  session: {
    type: 'apiKey',
    in: 'cookie',
    name: 'fayuan_session',
    description: 'The HttpOnly session cookie set by POST /api/v1/auth/login.',
  },
  csrf: {
    type: 'apiKey',
    in: 'header',
    name: 'x-csrf-token',
    description: 'The CSRF token returned at login and by GET /api/v1/auth/me; required on unsafe methods.',
  },
} as const;

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const KNOWN_TAGS = new Set<string>(API_TAGS.map((tag) => tag.name));

interface OperationFacts {
  method: string;
  access: Access;
  hasInput: boolean;
  hasBody: boolean;
  hasPathParams: boolean;
  allowPendingPasswordChange: boolean;
  rateLimited: boolean;
  upload: readonly string[] | undefined;
  errors: readonly ErrorCode[];
}

/** The route's access as the request guard reads it (an undeclared /api/v1 route is signed-in). */
function accessOf(route: RouteOptions): Access {
  return route.config?.access ?? (route.url.startsWith('/api/v1/') ? 'signed-in' : 'public');
}

/** `POST /api/v1/applications/:id/events` → `postApplicationsByIdEvents`. */
export function operationIdOf(method: string, url: string): string {
  const words = url
    .replace(/^\/api\/v\d+/, '')
    .split('/')
    .filter(Boolean)
    .flatMap((segment) => (segment.startsWith(':') ? ['by', segment.slice(1)] : segment.split(/[-_.]/)));
  return method.toLowerCase() + words.map((word) => word.charAt(0).toUpperCase() + word.slice(1)).join('');
}

function securityOf(facts: OperationFacts): Array<Record<string, string[]>> {
  if (facts.access === 'public') return [];
  return SAFE_METHODS.has(facts.method) ? [{ session: [] }] : [{ session: [], csrf: [] }];
}

/** Error codes by status, as the guard, the validator and the route itself can answer. */
function errorCodesOf(facts: OperationFacts): Map<number, Set<ErrorCode>> {
  const codes: ErrorCode[] = ['INTERNAL_ERROR'];
  if (facts.hasInput) codes.push('VALIDATION_FAILED');
  if (facts.hasBody && !facts.upload) codes.push('INVALID_JSON');
  if (facts.hasBody) codes.push('PAYLOAD_TOO_LARGE', 'UNSUPPORTED_MEDIA_TYPE');
  if (facts.access !== 'public') {
    codes.push('AUTH_REQUIRED', 'AUTH_SESSION_EXPIRED');
    if (!facts.allowPendingPasswordChange) codes.push('PASSWORD_CHANGE_REQUIRED');
    if (!SAFE_METHODS.has(facts.method)) codes.push('CSRF_TOKEN_INVALID');
    if (facts.access !== 'signed-in') codes.push('FORBIDDEN');
  }
  if (facts.hasPathParams) codes.push('NOT_FOUND');
  if (facts.rateLimited) codes.push('RATE_LIMITED');
  codes.push(...facts.errors);
  const byStatus = new Map<number, Set<ErrorCode>>();
  for (const code of codes) {
    const status = statusOf(code);
    if (!byStatus.has(status)) byStatus.set(status, new Set());
    byStatus.get(status)!.add(code);
  }
  return byStatus;
}

const ERROR_BODY_SCHEMA = {
  type: 'object',
  description: 'The one error envelope; `message` is in the language of Accept-Language (zh-CN by default).',
  required: ['error'],
  properties: {
    error: {
      type: 'object',
      required: ['code', 'message', 'requestId'],
      properties: {
        code: { type: 'string', description: 'A stable code (see packages/server/src/platform/errors.ts)' },
        message: { type: 'string' },
        details: { description: 'Code-specific details (validation issues, the guard that failed, …)' },
        requestId: { type: 'string' },
      },
    },
  },
};

type Json = Record<string, unknown>;

/** Schemas named with `.meta({ id })` become components, in the document's OpenAPI version. */
const namedSchemas = createJsonSchemaTransformObject({ zodToJsonConfig: { target: 'openapi-3.0' } });

/** The @fastify/swagger options: zod schemas converted, then each operation completed from its route. */
export function openApiOptions(): FastifyDynamicSwaggerOptions {
  const facts = new Map<string, OperationFacts>();

  const transform: FastifyDynamicSwaggerOptions['transform'] = (input) => {
    const converted = jsonSchemaTransform(input);
    const route = input.route;
    const schema = { ...(converted.schema as Json) } as Json & { hide?: boolean };
    if (schema.hide) return { ...converted, schema };
    // The doors for people outside the centre have their own documents (partner-openapi.ts, public-openapi.ts).
    if (route.url.startsWith('/api/partner/') || route.url.startsWith('/api/public/'))
      return { ...converted, schema: { ...schema, hide: true } };
    const method = (Array.isArray(route.method) ? route.method[0] : route.method) as string;
    const tags = (schema.tags as string[] | undefined) ?? [];
    if (tags.length === 0 || tags.some((tag) => !KNOWN_TAGS.has(tag)))
      throw new Error(
        `OpenAPI: ${method} ${route.url} has tags [${tags.join(', ')}]; use one of API_TAGS in platform/http/openapi.ts`,
      );
    const operationId = (schema.operationId as string | undefined) ?? operationIdOf(method, route.url);
    const operation: OperationFacts = {
      method,
      access: accessOf(route),
      hasInput: Boolean(schema.body || schema.querystring || schema.params || route.config?.upload),
      hasBody: Boolean(schema.body || route.config?.upload),
      hasPathParams: /\/:/.test(route.url),
      allowPendingPasswordChange: Boolean(route.config?.allowPendingPasswordChange),
      rateLimited: Boolean(route.config?.rateLimit),
      upload: route.config?.upload,
      errors: route.config?.errors ?? [],
    };
    facts.set(operationId, operation);
    schema.operationId = operationId;
    schema.security = securityOf(operation);
    return { ...converted, schema };
  };

  const transformObject: FastifyDynamicSwaggerOptions['transformObject'] = (input) => {
    const document = namedSchemas(input) as Json & {
      paths: Record<string, Record<string, Json>>;
      components: Json & { schemas?: Json };
    };
    document.components.schemas = { ...document.components.schemas, ErrorBody: ERROR_BODY_SCHEMA };
    spellOutRecordKeys(document);
    for (const pathItem of Object.values(document.paths)) {
      for (const operation of Object.values(pathItem)) {
        const found = facts.get(operation.operationId as string);
        if (!found) continue;
        completeOperation(operation, found);
      }
    }
    dropUnusedSchemas(document);
    return document as ReturnType<NonNullable<FastifyDynamicSwaggerOptions['transformObject']>>;
  };

  return {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'Fayuan API',
        description:
          'Fayuan (法援) legal aid platform. Errors: {"error": {"code", "message", "details", "requestId"}}.',
        version: '1',
        license: { name: 'Apache-2.0', url: 'https://www.apache.org/licenses/LICENSE-2.0' },
      },
      servers: [{ url: '/', description: 'This Fayuan server' }],
      tags: API_TAGS.map((tag) => ({ ...tag })),
      components: { securitySchemes: SECURITY_SCHEMES as never },
    },
    transform,
    transformObject,
  };
}

function completeOperation(operation: Json, facts: OperationFacts): void {
  const responses = (operation.responses ?? {}) as Record<string, Json>;
  // `z.null()` marks a 204; the answer has no body at all, so it has no content either.
  if (responses['204']) responses['204'] = { description: 'No Content' };
  for (const [status, codes] of [...errorCodesOf(facts)].sort(([a], [b]) => a - b)) {
    responses[String(status)] = {
      description: `Error: ${[...codes].join(', ')}`,
      content: { 'application/json': { schema: { $ref: '#/components/schemas/ErrorBody' } } },
    };
  }
  operation.responses = responses;
  if (facts.errors.includes('IDEMPOTENCY_KEY_REUSED')) {
    const parameters = (operation.parameters ?? []) as Json[];
    parameters.push({
      in: 'header',
      name: 'Idempotency-Key',
      required: false,
      description:
        'A retry with the same key and body gets the first answer again (Idempotency-Replayed: true); 1–200 visible ASCII characters',
      schema: { type: 'string', pattern: KEY_PATTERN.source },
    });
    operation.parameters = parameters;
  }
  if (facts.upload) {
    const file = { schema: { type: 'string', format: 'binary' } };
    operation.requestBody = {
      required: true,
      description: 'The file itself as the raw body, sent with its content type',
      content: Object.fromEntries(facts.upload.map((type) => [type, file])),
    };
  }
}

/**
 * zod writes a record keyed by an enum as `required` names with `additionalProperties` and no
 * `properties`; OpenAPI readers (and Redocly) want each required name defined, so name them.
 */
function spellOutRecordKeys(node: unknown): void {
  if (Array.isArray(node)) return node.forEach(spellOutRecordKeys);
  if (!node || typeof node !== 'object') return;
  const schema = node as Json;
  const extra = schema.additionalProperties;
  if (Array.isArray(schema.required) && extra && typeof extra === 'object') {
    const properties = { ...(schema.properties as Json | undefined) };
    for (const name of schema.required as string[]) properties[name] ??= extra;
    schema.properties = properties;
  }
  Object.values(schema).forEach(spellOutRecordKeys);
}

/**
 * A schema named with `.meta({ id })` is written both as read (`User`) and as sent (`UserInput`);
 * only the ones an operation refers to belong in the document.
 */
function dropUnusedSchemas(document: { components: { schemas?: Json } }): void {
  const schemas = document.components.schemas ?? {};
  for (;;) {
    const text = JSON.stringify({ ...document, components: { ...document.components, schemas: {} } });
    const inSchemas = Object.entries(schemas).map(([name, schema]) => [name, JSON.stringify(schema)]);
    const unused = Object.keys(schemas).filter((name) => {
      const ref = `"#/components/schemas/${name}"`;
      return !text.includes(ref) && !inSchemas.some(([other, json]) => other !== name && json!.includes(ref));
    });
    if (unused.length === 0) return;
    for (const name of unused) delete schemas[name];
  }
}
