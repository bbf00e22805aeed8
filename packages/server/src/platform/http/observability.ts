import type { FastifyInstance } from 'fastify';
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
  app.get('/metrics', { config: { access: 'public' }, schema: hidden }, async (_request, reply) =>
    reply.type(registry.contentType).send(await registry.metrics()),
  );
}
