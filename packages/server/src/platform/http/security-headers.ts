import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Config } from '../../config.ts';

/**
 * The web app's Content-Security-Policy. No inline script anywhere (the built index.html loads
 * only files from this origin); styles allow 'unsafe-inline' because Ant Design writes its
 * CSS-in-JS into <style> elements at run time (ADR 0009). Images and fonts may be data: URLs
 * (Ant Design's icons and empty-state pictures, Swagger UI).
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "frame-ancestors 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join('; ');

/** Headers on every answer, the web app's pages and the API alike. */
export function registerSecurityHeaders(app: FastifyInstance): void {
  app.addHook('onSend', async (request, reply, payload) => {
    reply.header('x-request-id', request.id);
    reply.header('content-security-policy', CONTENT_SECURITY_POLICY);
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'same-origin');
    reply.header('x-frame-options', 'DENY');
    reply.header('cross-origin-opener-policy', 'same-origin');
    reply.header('permissions-policy', 'camera=(), microphone=(), geolocation=()');
    if (request.url.startsWith('/api/')) reply.header('cache-control', 'no-store');
    return payload;
  });
}

/**
 * Whether the session cookie gets the Secure flag. Under 'auto' it follows the request's protocol:
 * Fastify reads X-Forwarded-Proto only when trustProxy is on, so a client cannot claim HTTPS itself.
 */
export function cookieIsSecure(config: Pick<Config, 'secureCookies'>, request: FastifyRequest): boolean {
  return config.secureCookies === 'auto' ? request.protocol === 'https' : config.secureCookies;
}
