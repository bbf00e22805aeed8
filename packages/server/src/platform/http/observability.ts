import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Config } from '../../config.ts';
import { sendError } from './error-handler.ts';
import { collectDefaultMetrics, Histogram, Registry } from 'prom-client';
import type { AppDeps } from '../context.ts';
import { migrationsCurrent } from '../../db/migrate.ts';

/** `/healthz` (the process answers), `/readyz` (database reachable, migrations current), `/metrics`. */
export function registerObservability(app: FastifyInstance, deps: AppDeps): void {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'fayuan_' });
  const duration = new Histogram({
    name: 'fayuan_http_request_duration_seconds',
    help: 'HTTP request duration by route and status',
    labelNames: ['method', 'route', 'status'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  app.addHook('onResponse', async (request, reply) => {
    duration.observe(
      {
        method: request.method,
        route: request.routeOptions.url ?? 'unmatched',
        status: String(reply.statusCode),
      },
      reply.elapsedTime / 1000,
    );
  });

  const hidden = { hide: true };
  app.get('/healthz', { config: { access: 'public' }, schema: hidden }, () => ({ status: 'ok' }));
  app.get('/readyz', { config: { access: 'public' }, schema: hidden }, async (_request, reply) => {
    try {
      await deps.pool.query('SELECT 1');
      const current = await migrationsCurrent(deps.pool);
      if (!current) return reply.code(503).send({ status: 'migrations_pending' });
      return { status: 'ready' };
    } catch {
      return reply.code(503).send({ status: 'database_unreachable' });
    }
  });
  app.get('/metrics', { config: { access: 'public' }, schema: hidden }, async (request, reply) => {
    if (!metricsAllowed(deps.config, request)) return sendError(request, reply, 'METRICS_FORBIDDEN', 403);
    return reply.type(registry.contentType).send(await registry.metrics());
  });
}

/** The IPv4 form of an IPv4-mapped IPv6 address (::ffff:127.0.0.1), so one list covers both stacks. */
function plainAddress(ip: string): string {
  return ip.startsWith('::ffff:') && ip.includes('.') ? ip.slice('::ffff:'.length) : ip;
}

const digest = (value: string) => createHash('sha256').update(value).digest();

/**
 * /metrics answers a configured address (FAYUAN_METRICS_ALLOW; the client address honours
 * X-Forwarded-For only behind a trusted proxy) or a request with the bearer token.
 */
export function metricsAllowed(
  config: Pick<Config, 'metricsAllow' | 'metricsToken'>,
  request: FastifyRequest,
): boolean {
  const header = request.headers.authorization;
  if (config.metricsToken !== undefined && typeof header === 'string' && header.startsWith('Bearer ')) {
    // Compared as digests: equal lengths for timingSafeEqual, no early exit on the first difference.
    if (timingSafeEqual(digest(header.slice('Bearer '.length)), digest(config.metricsToken))) return true;
  }
  const ip = plainAddress(request.ip);
  return config.metricsAllow.some((allowed) => plainAddress(allowed) === ip);
}
