import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { and, count, desc, eq, gte, lt, type SQL } from 'drizzle-orm';
import type { AppDeps } from '../../platform/context.ts';
import { auditEvents } from '../../db/schema/index.ts';
import { actorOf } from '../../platform/http/request-context.ts';
import { limitOffset, listQuery, pageOf } from '../../platform/http/pagination.ts';
import { ownerInScope } from '../../platform/scope/data-scope.ts';
import { instant } from '../../platform/http/date-schemas.ts';
import { checkpointDepsOf, verifyAndCheckpoint } from '../../platform/audit/audit-checkpoints.ts';

const tags = ['audit'];

const auditEventSchema = z.object({
  id: z.string(),
  seq: z.number().int(),
  at: z.string(),
  actorId: z.string().nullable(),
  actorUsername: z.string().nullable(),
  actorRoles: z.array(z.string()),
  organisationId: z.string().nullable(),
  ip: z.string().nullable(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  changes: z
    .record(z.string(), z.object({ before: z.unknown().optional(), after: z.unknown().optional() }))
    .nullable(),
  requestId: z.string().nullable(),
});

const auditQuery = listQuery(['seq'], {
  actorId: z.string().uuid().optional(),
  action: z.string().max(80).optional(),
  entityType: z.string().max(80).optional(),
  entityId: z.string().max(80).optional(),
  organisationId: z.string().uuid().optional(),
  from: instant.optional(),
  to: instant.optional(),
});

export function auditRoutes(deps: AppDeps) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();

    r.get(
      '/audit-events',
      {
        config: { access: 'audit.read' },
        schema: {
          tags,
          summary: 'Browse the audit log',
          querystring: auditQuery,
          response: { 200: pageOf(auditEventSchema) },
        },
      },
      async (request) => {
        const q = request.query;
        // An administrator sees the events done by people of their own subtree.
        const conditions: SQL[] = [ownerInScope(actorOf(request).scope, auditEvents.organisationId)];
        if (q.actorId) conditions.push(eq(auditEvents.actorId, q.actorId));
        if (q.action) conditions.push(eq(auditEvents.action, q.action));
        if (q.entityType) conditions.push(eq(auditEvents.entityType, q.entityType));
        if (q.entityId) conditions.push(eq(auditEvents.entityId, q.entityId));
        if (q.organisationId) conditions.push(eq(auditEvents.organisationId, q.organisationId));
        if (q.from) conditions.push(gte(auditEvents.at, new Date(q.from)));
        if (q.to) conditions.push(lt(auditEvents.at, new Date(q.to)));
        const where = and(...conditions);
        const { limit, offset } = limitOffset(q);
        const [rows, totals] = await Promise.all([
          deps.db
            .select()
            .from(auditEvents)
            .where(where)
            .orderBy(q.sort === 'seq' ? auditEvents.seq : desc(auditEvents.seq))
            .limit(limit)
            .offset(offset),
          deps.db.select({ total: count() }).from(auditEvents).where(where),
        ]);
        return {
          items: rows.map(({ prevHash: _prev, hash: _hash, ...row }) => ({
            ...row,
            at: row.at.toISOString(),
            changes: row.changes as z.infer<typeof auditEventSchema>['changes'],
          })),
          page: q.page,
          pageSize: q.pageSize,
          total: totals[0]?.total ?? 0,
        };
      },
    );

    r.get(
      '/audit-events/verify',
      {
        config: { access: 'audit.read' },
        schema: {
          tags,
          summary: 'Recompute the audit hash chain and compare it with the signed checkpoints',
          description:
            'outcome: ok, chain_broken (brokenAt), checkpoint_forged, tail_truncated or checkpoint_mismatch (checkpoint). A verification that passes signs a new checkpoint of the head.',
          response: {
            200: z.object({
              ok: z.boolean(),
              outcome: z.enum([
                'ok',
                'chain_broken',
                'checkpoint_forged',
                'tail_truncated',
                'checkpoint_mismatch',
              ]),
              checked: z.number().int(),
              brokenAt: z.number().int().optional(),
              checkpoints: z.number().int(),
              checkpoint: z.object({ eventCount: z.number().int(), takenAt: z.string() }).optional(),
            }),
          },
        },
      },
      () => verifyAndCheckpoint(checkpointDepsOf(deps), deps.clock.now()),
    );
  };
}
