import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { actorOf, originOf } from '../../platform/http/request-context.ts';
import { auditRead } from '../../platform/audit/audit-read.ts';
import {
  createdPartnerSchema,
  createPartnerBody,
  partnerDetailSchema,
  partnerIdParams,
  partnerKeyParams,
  partnerKeySchema,
  partnerListQuery,
  partnerPage,
  partnerSchema,
  requestLogPage,
  requestLogQuery,
  rotatedKeySchema,
  rotateKeyBody,
  updatePartnerBody,
} from './partners.schemas.ts';
import {
  findPartner,
  listPartners,
  partnerKeysOf,
  presentPartner,
  requestLogOf,
} from './partners.repository.ts';
import { createPartner } from './create-partner.ts';
import { updatePartner } from './update-partner.ts';
import { rotatePartnerKey } from './rotate-partner-key.ts';
import { revokePartnerKey } from './revoke-partner-key.ts';

const tags = ['partners'];

/**
 * The partner registry (合作机构), for holders of `partner.manage`. The answers that carry a secret
 * (create, rotate) are not stored for Idempotency-Key replay on purpose: a secret is shown once.
 * A repeated create answers PARTNER_NAME_TAKEN; a repeated rotation makes one more key while the
 * replaced one stays valid through its overlap.
 */
export function partnerRoutes(deps: AppDeps) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();

    r.post(
      '/partners',
      {
        config: { access: 'partner.manage', errors: ['PARTNER_NAME_TAKEN'] },
        schema: {
          tags,
          summary: 'Register a partner institution; its key secrets are answered this once',
          body: createPartnerBody,
          response: { 201: createdPartnerSchema },
        },
      },
      async (request, reply) => {
        const created = await deps.db.transaction((tx) =>
          createPartner(deps, tx, actorOf(request), request.body, originOf(request)),
        );
        reply.code(201);
        return created;
      },
    );

    r.get(
      '/partners',
      {
        config: { access: 'partner.manage' },
        schema: {
          tags,
          summary: 'Partner institutions in scope',
          querystring: partnerListQuery,
          response: { 200: partnerPage },
        },
      },
      async (request) => {
        const { rows, total } = await listPartners(deps.db, actorOf(request).scope, request.query);
        return {
          items: rows.map(presentPartner),
          page: request.query.page,
          pageSize: request.query.pageSize,
          total,
        };
      },
    );

    r.get(
      '/partners/:id',
      {
        config: { access: 'partner.manage' },
        schema: {
          tags,
          summary: 'One partner with its keys (never their secrets)',
          params: partnerIdParams,
          response: { 200: partnerDetailSchema },
        },
      },
      async (request) => {
        const row = await findPartner(deps.db, actorOf(request).scope, request.params.id);
        if (!row) throw new AppError('NOT_FOUND');
        return { ...presentPartner(row), keys: await partnerKeysOf(deps.db, row.id, deps.clock.now()) };
      },
    );

    r.patch(
      '/partners/:id',
      {
        config: { access: 'partner.manage', errors: ['PARTNER_NAME_TAKEN', 'PARTNER_VERSION_CONFLICT'] },
        schema: {
          tags,
          summary: 'Edit a partner; `expectedUpdatedAt` must be the one read',
          params: partnerIdParams,
          body: updatePartnerBody,
          response: { 200: partnerSchema },
        },
      },
      (request) => updatePartner(deps, actorOf(request), request.params.id, request.body, originOf(request)),
    );

    r.post(
      '/partners/:id/keys',
      {
        config: { access: 'partner.manage' },
        schema: {
          tags,
          summary: 'Rotate a key: a new secret (answered once); the old key stays valid through the overlap',
          params: partnerIdParams,
          body: rotateKeyBody,
          response: { 201: rotatedKeySchema },
        },
      },
      async (request, reply) => {
        const rotated = await rotatePartnerKey(
          deps,
          actorOf(request),
          request.params.id,
          request.body,
          originOf(request),
        );
        reply.code(201);
        return rotated;
      },
    );

    r.post(
      '/partners/:id/keys/:keyId/revoke',
      {
        config: { access: 'partner.manage', errors: ['PARTNER_KEY_NOT_ACTIVE'] },
        schema: {
          tags,
          summary: 'Revoke a key at once',
          params: partnerKeyParams,
          response: { 200: z.array(partnerKeySchema) },
        },
      },
      (request) =>
        revokePartnerKey(deps, actorOf(request), request.params.id, request.params.keyId, originOf(request)),
    );

    r.get(
      '/partners/:id/requests',
      {
        config: { access: 'partner.manage' },
        schema: {
          tags,
          summary: 'The partner’s request log, newest first (audited)',
          params: partnerIdParams,
          querystring: requestLogQuery,
          response: { 200: requestLogPage },
        },
      },
      async (request) => {
        const row = await findPartner(deps.db, actorOf(request).scope, request.params.id);
        if (!row) throw new AppError('NOT_FOUND');
        const page = await requestLogOf(deps.db, row.id, request.query);
        await auditRead(deps, originOf(request), 'partner_request_log', row.id);
        return page;
      },
    );
  };
}
