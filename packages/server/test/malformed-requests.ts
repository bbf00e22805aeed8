import { randomUUID } from 'node:crypto';

/**
 * Malformed requests for one operation of an OpenAPI 3 document: the generator behind
 * openapi-fuzz.test.ts. It reads only the document, so a route added tomorrow is covered without
 * a line here. Each operation gets a plausible request built from its schemas (so a mutation of one
 * part reaches past the others), then a handful of variants, each breaking one thing for the
 * whole body or query at once to keep the count small.
 */

export interface JsonSchema {
  type?: string | string[];
  format?: string;
  enum?: unknown[];
  const?: unknown;
  default?: unknown;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  $ref?: string;
}

export interface OpenApiParameter {
  in: 'path' | 'query' | 'header' | 'cookie';
  name: string;
  required?: boolean;
  schema?: JsonSchema;
}

export interface OpenApiOperation {
  parameters?: OpenApiParameter[];
  requestBody?: { required?: boolean; content?: Record<string, { schema?: JsonSchema }> };
}

export interface OpenApiDocument {
  paths: Record<string, Record<string, OpenApiOperation>>;
  components?: { schemas?: Record<string, JsonSchema> };
}

export interface MalformedRequest {
  /** What the variant breaks, for the failure message. */
  label: string;
  method: string;
  url: string;
  headers: Record<string, string>;
  payload?: string | Buffer;
}

const METHODS = new Set(['get', 'post', 'put', 'patch', 'delete']);

/** Every operation of the document as `{method, path, operation}`. */
export function operationsOf(document: OpenApiDocument) {
  return Object.entries(document.paths).flatMap(([path, item]) =>
    Object.entries(item)
      .filter(([method]) => METHODS.has(method))
      .map(([method, operation]) => ({ method: method.toUpperCase(), path, operation })),
  );
}

const HUGE = 'x'.repeat(20_000);
const MAX_FIELD_VARIANTS = 12;
const NUL = 'a\u0000b';
const LONE_SURROGATE = 'a\ud800b';
const INSTANT = '2026-11-02T09:00:00+08:00';
const DATE = '2026-11-02';

type StringMutation = (name: string, schema: JsonSchema) => unknown;

function resolve(schema: JsonSchema | undefined, document: OpenApiDocument): JsonSchema {
  if (!schema) return {};
  if (schema.$ref) {
    const name = schema.$ref.split('/').pop() ?? '';
    return resolve(document.components?.schemas?.[name], document);
  }
  if (schema.allOf?.length) return Object.assign({}, ...schema.allOf.map((s) => resolve(s, document)));
  const choice = schema.anyOf?.find((s) => s.type !== 'null') ?? schema.oneOf?.[0];
  if (choice) return resolve(choice, document);
  return schema;
}

function typeOf(schema: JsonSchema): string | undefined {
  if (Array.isArray(schema.type)) return schema.type.find((t) => t !== 'null');
  return schema.type ?? (schema.properties ? 'object' : undefined);
}

/** A string the schema's field most likely accepts, from its format, enum or name. */
function plausibleString(name: string, schema: JsonSchema): string {
  if (schema.enum?.length) return String(schema.enum[0]);
  if (schema.format === 'uuid') return randomUUID();
  if (schema.format === 'date-time' || /At$|^start$|^from$|^to$/.test(name)) return INSTANT;
  if (schema.format === 'date' || /Date$|On$|^date$|^since$|^at$/.test(name)) return DATE;
  if (/jurisdiction/i.test(name)) return '110000';
  if (/phone/i.test(name)) return '13700001234';
  const text = '测试';
  return schema.minLength && schema.minLength > text.length ? 'x'.repeat(schema.minLength) : text;
}

/**
 * A value valid for `schema` as far as the document says; `mutate` replaces each string leaf
 * (and, for `numbers`, each number leaf) to make the broken variants.
 */
export function sample(
  schema: JsonSchema | undefined,
  document: OpenApiDocument,
  name = '',
  mutate?: { strings?: StringMutation; numbers?: (name: string) => unknown },
  depth = 0,
): unknown {
  const s = resolve(schema, document);
  if (s.const !== undefined) return s.const;
  const type = typeOf(s);
  if (depth > 6) return null;
  switch (type) {
    case 'object': {
      const result: Record<string, unknown> = {};
      for (const [key, property] of Object.entries(s.properties ?? {}))
        result[key] = sample(property, document, key, mutate, depth + 1);
      return result;
    }
    case 'array':
      return [sample(s.items, document, name, mutate, depth + 1)];
    case 'integer':
    case 'number': {
      if (mutate?.numbers) return mutate.numbers(name);
      const low = s.minimum ?? 1;
      return s.maximum !== undefined && s.maximum < low ? s.maximum : Math.max(low, 1);
    }
    case 'boolean':
      return true;
    case 'string':
      return mutate?.strings ? mutate.strings(name, s) : plausibleString(name, s);
    default:
      return mutate?.strings ? mutate.strings(name, s) : plausibleString(name, s);
  }
}

/**
 * Percent-encoding that a lone surrogate survives: `encodeURIComponent` throws on one, so it is
 * sent as the WTF-8 bytes a careless client would send (`\ud800` → `%ED%A0%80`).
 */
function encode(value: string): string {
  return value
    .split(/([\ud800-\udfff])/)
    .map((part) => {
      if (part.length !== 1 || !/[\ud800-\udfff]/.test(part)) return encodeURIComponent(part);
      const code = part.charCodeAt(0);
      return [0xe0 | (code >> 12), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f)]
        .map((byte) => `%${byte.toString(16).toUpperCase()}`)
        .join('');
    })
    .join('');
}

export function fillPath(path: string, params: Record<string, string>): string {
  return path.replace(/\{([^}]+)\}/g, (_, key: string) => encode(params[key] ?? 'x'));
}

function queryString(values: Record<string, unknown>): string {
  const parts = Object.entries(values)
    .filter(([, value]) => value !== undefined && value !== null)
    .map(([key, value]) => `${encode(key)}=${encode(String(value))}`);
  return parts.length ? `?${parts.join('&')}` : '';
}

/** JSON with every lone surrogate written as the escape a client would send (`\ud800`). */
function jsonWithEscapes(value: unknown): string {
  return JSON.stringify(value).replace(/[\ud800-\udfff]/g, (c) => `\\u${c.charCodeAt(0).toString(16)}`);
}

/** The plausible request and its malformed variants for one operation. */
export function malformedRequests(
  document: OpenApiDocument,
  method: string,
  path: string,
  operation: OpenApiOperation,
  /** Path parameters of records that exist, so a variant reaches past the 404 to the use case. */
  known: Record<string, string> = {},
): MalformedRequest[] {
  const parameters = operation.parameters ?? [];
  const pathParams = parameters.filter((p) => p.in === 'path');
  const queryParams = parameters.filter((p) => p.in === 'query');
  const jsonSchema = operation.requestBody?.content?.['application/json']?.schema;
  const hasBody = jsonSchema !== undefined;

  const params = (mutate?: StringMutation) =>
    Object.fromEntries(
      pathParams.map((p) => {
        const given = mutate ? undefined : known[p.name];
        return [p.name, given ?? String(sample(p.schema, document, p.name, { strings: mutate }))];
      }),
    );
  const query = (mutate?: Parameters<typeof sample>[3]) =>
    Object.fromEntries(queryParams.map((p) => [p.name, sample(p.schema, document, p.name, mutate)]));
  const body = (mutate?: Parameters<typeof sample>[3]) => sample(jsonSchema, document, '', mutate);

  const build = (
    label: string,
    parts: { params?: Record<string, string>; query?: Record<string, unknown>; payload?: string | Buffer },
    contentType = 'application/json',
  ): MalformedRequest => ({
    label,
    method,
    url: fillPath(path, parts.params ?? params()) + queryString(parts.query ?? query()),
    headers: parts.payload === undefined ? {} : { 'content-type': contentType },
    ...(parts.payload === undefined ? {} : { payload: parts.payload }),
  });
  const json = (value: unknown) => (hasBody ? jsonWithEscapes(value) : undefined);
  const withBody = (value: unknown) => ({ payload: json(value) });

  const strings = (value: (name: string) => unknown): Parameters<typeof sample>[3] => ({
    strings: (name) => value(name),
  });
  const requests: MalformedRequest[] = [
    build('plausible', withBody(body())),
    build('NUL in every string', {
      params: params(() => NUL),
      query: query(strings(() => NUL)),
      ...withBody(body(strings(() => NUL))),
    }),
    build('lone surrogate in every string', {
      params: params(() => LONE_SURROGATE),
      query: query(strings(() => LONE_SURROGATE)),
      ...withBody(body(strings(() => LONE_SURROGATE))),
    }),
    build('huge strings', {
      params: params(() => HUGE.slice(0, 2_000)),
      query: query(strings(() => HUGE.slice(0, 4_000))),
      ...withBody(body(strings(() => HUGE))),
    }),
    build('impossible and far-off dates', {
      query: query(
        strings((name) => (/At$|start|from|to/.test(name) ? '0001-01-01T00:00:00Z' : '2026-02-30')),
      ),
      ...withBody(body(strings((name) => (/At$|start/.test(name) ? '9999-12-31T23:59:59Z' : '0001-01-01')))),
    }),
    build('wrong types', {
      query: query({ strings: () => '[object]', numbers: () => 'not-a-number' }),
      ...withBody(body({ strings: () => 12345, numbers: () => 'not-a-number' })),
    }),
    build('numbers out of range', {
      query: query({ numbers: () => '99999999999999999999' }),
      ...withBody(body({ numbers: () => 1e300 })),
    }),
  ];
  // NUL in one string at a time, the rest plausible: a whole-body mutation stops at the first
  // field the schema checks, while one bad field among good ones reaches the use case and the SQL.
  const leaves = { count: 0 };
  body({ strings: () => (leaves.count += 1) });
  query({ strings: () => (leaves.count += 1) });
  for (let target = 0; target < Math.min(leaves.count, MAX_FIELD_VARIANTS); target += 1) {
    let index = 0;
    const one = {
      strings: (name: string, schema: JsonSchema) =>
        index++ === target ? `${plausibleString(name, schema)}\u0000` : plausibleString(name, schema),
    };
    requests.push(build(`NUL in string field ${target + 1}`, { ...withBody(body(one)), query: query(one) }));
  }
  if (pathParams.length > 0)
    requests.push(build('non-uuid path ids', { params: params(() => 'not-a-uuid'), ...withBody(body()) }));
  if (method !== 'GET' && method !== 'DELETE') {
    requests.push(
      build('missing fields', { payload: '{}' }),
      build('body of the wrong shape', { payload: '[1,"two",null]' }),
      build('bad JSON', { payload: '{"a": ' }),
      build('wrong content type', { payload: 'name=x' }, 'text/plain'),
      build('null body', { payload: 'null' }),
    );
  }
  return requests;
}
