import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { originOf } from '../../platform/http/request-context.ts';
import { createIdempotently, IDEMPOTENCY_ERRORS } from '../../platform/http/idempotency.ts';
import { idParams } from '../organisations/organisations.schemas.ts';
import {
  createLawFirmBody,
  lawFirmListQuery,
  lawFirmPage,
  lawFirmSchema,
  updateLawFirmBody,
} from './handlers.schemas.ts';
import { findLawFirm, listLawFirms, presentLawFirm } from './law-firms.repository.ts';
import { createLawFirm } from './create-law-firm.ts';
import { updateLawFirm } from './update-law-firm.ts';

const tags = ['handlers'];

export function lawFirmRoutes(deps: AppDeps) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();

    r.get(
      '/law-firms',
      {
        config: { access: 'handler.read' },
        schema: {
          tags,
          summary: 'Law firms (city-wide registry): name or licence number, district, status',
          querystring: lawFirmListQuery,
          response: { 200: lawFirmPage },
        },
      },
      async (request) => {
        const { rows, total } = await listLawFirms(deps.db, request.query);
        return {
          items: rows.map(presentLawFirm),
          page: request.query.page,
          pageSize: request.query.pageSize,
          total,
        };
      },
    );

    r.get(
      '/law-firms/:id',
      {
        config: { access: 'handler.read' },
        schema: { tags, summary: 'One law firm', params: idParams, response: { 200: lawFirmSchema } },
      },
      async (request) => {
        const row = await findLawFirm(deps.db, request.params.id);
        if (!row) throw new AppError('NOT_FOUND');
        return presentLawFirm(row);
      },
    );

    r.post(
      '/law-firms',
      {
        config: { access: 'handler.manage', errors: IDEMPOTENCY_ERRORS },
        schema: {
          tags,
          summary: 'Register a law firm; 409 LAW_FIRM_LICENCE_TAKEN',
          body: createLawFirmBody,
          response: { 201: lawFirmSchema },
        },
      },
      (request, reply) =>
        createIdempotently(deps, request, reply, 201, (tx) =>
          createLawFirm(deps, tx, request.body, originOf(request)),
        ),
    );

    r.patch(
      '/law-firms/:id',
      {
        config: { access: 'handler.manage' },
        schema: {
          tags,
          summary: 'Edit a law firm or mark it inactive',
          params: idParams,
          body: updateLawFirmBody,
          response: { 200: lawFirmSchema },
        },
      },
      (request) => updateLawFirm(deps, request.params.id, request.body, originOf(request)),
    );
  };
}
