import { existsSync } from 'node:fs';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';
import { sendError } from './error-handler.ts';

/**
 * Serves the built web app from the same process; any non-API GET that is not a file gets
 * index.html so client-side routes survive a reload. API paths keep the JSON 404 envelope.
 */
export async function registerWebApp(app: FastifyInstance, distDir: string | undefined): Promise<void> {
  const built = distDir !== undefined && existsSync(path.join(distDir, 'index.html'));
  if (distDir !== undefined && !built) app.log.warn({ distDir }, 'web app not built; only the API is served');
  if (built)
    await app.register(fastifyStatic, { root: distDir, prefix: '/', wildcard: false, index: ['index.html'] });
  app.setNotFoundHandler((request, reply) => {
    const apiPath = /^\/(api|healthz|readyz|metrics)(\/|$)/.test(request.url);
    if (!built || request.method !== 'GET' || apiPath)
      return sendError(request, reply, 'ROUTE_NOT_FOUND', 404);
    return reply.type('text/html; charset=utf-8').sendFile('index.html');
  });
}
