import type { FastifyInstance } from 'fastify';
import { AppError } from '../errors.ts';

/**
 * Text PostgreSQL cannot store, refused before any route sees it: a NUL byte (`text` has no room
 * for it, so the driver fails with 22021) and a lone UTF-16 surrogate (not valid Unicode; JSON's
 * `"\ud800"` parses to one). Either reached the database as a 500, even on the login before
 * authentication. Every string of the path parameters, the query (upload file names included)
 * and a parsed body is checked, object keys too; raw file bodies are bytes and are not text.
 */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

export function isCleanText(value: string): boolean {
  return !value.includes('\u0000') && !LONE_SURROGATE.test(value);
}

/** The path of the first bad string in `value`, or undefined when every string is clean. */
export function findBadText(value: unknown, path: string, depth = 0): string | undefined {
  if (typeof value === 'string') return isCleanText(value) ? undefined : path;
  if (value === null || typeof value !== 'object' || Buffer.isBuffer(value) || depth > 32) return undefined;
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      const found = findBadText(item, `${path}.${index}`, depth + 1);
      if (found) return found;
    }
    return undefined;
  }
  for (const [key, item] of Object.entries(value)) {
    if (!isCleanText(key)) return path;
    const found = findBadText(item, `${path}.${key}`, depth + 1);
    if (found) return found;
  }
  return undefined;
}

function refuse(found: string | undefined): void {
  if (found) throw new AppError('VALIDATION_BAD_TEXT', { path: found });
}

/**
 * Registered before the request context: the URL's parts are checked on `onRequest` (before the
 * session lookup), the body on `preValidation` (after parsing, before the schema and the handler).
 */
export function registerTextGuard(app: FastifyInstance): void {
  app.addHook('onRequest', async (request) => {
    refuse(findBadText(request.params, 'params'));
    refuse(findBadText(request.query, 'querystring'));
  });
  app.addHook('preValidation', async (request) => {
    refuse(findBadText(request.body, 'body'));
  });
}
