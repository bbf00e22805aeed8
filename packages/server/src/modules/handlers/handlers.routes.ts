import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { beijingDateOf } from '@fayuan/domain';
import type { AppDeps } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { actorOf, originOf } from '../../platform/http/request-context.ts';
import { createIdempotently, IDEMPOTENCY_ERRORS } from '../../platform/http/idempotency.ts';
import { auditRead } from '../../platform/audit/audit-read.ts';
import { idParams } from '../organisations/organisations.schemas.ts';
import {
  conflictBody,
  conflictSchema,
  createHandlerBody,
  createLoginBody,
  linkLoginBody,
  linkOptionsQuery,
  loginOptionSchema,
  handlerChildParams,
  handlerDetailSchema,
  handlerListQuery,
  handlerPage,
  statusChangeBody,
  trainingBody,
  trainingSchema,
  updateHandlerBody,
} from './handlers.schemas.ts';
import {
  currentTeamsOf,
  findHandler,
  findHandlerOfUser,
  listHandlers,
  handlerLoads,
  presentHandler,
  presentHandlerDetail,
} from './handlers.repository.ts';
import { createHandler } from './create-handler.ts';
import { updateHandler } from './update-handler.ts';
import { changeHandlerStatus } from './change-handler-status.ts';
import { recordTraining } from './record-training.ts';
import { recordConflict, removeConflict } from './record-conflict.ts';
import { createLogin, linkLogin, unlinkedLogins, unlinkLogin } from './handler-login.ts';

const tags = ['handlers'];

export function handlerRoutes(deps: AppDeps) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const today = () => beijingDateOf(deps.clock.now());

    r.get(
      '/handlers',
      {
        config: { access: 'handler.read' },
        schema: {
          tags,
          summary:
            'Handlers in scope (name, pinyin, initials or licence number; kind, status, firm, team, district, specialty, language, minors)',
          querystring: handlerListQuery,
          response: { 200: handlerPage },
        },
      },
      async (request) => {
        const { rows, total } = await listHandlers(deps.db, actorOf(request).scope, request.query);
        const teams = await currentTeamsOf(
          deps.db,
          rows.map((row) => row.handler.id),
        );
        const loads = await handlerLoads(
          deps.db,
          rows.map((row) => row.handler.id),
        );
        const on = today();
        return {
          items: rows.map((row) =>
            presentHandler(row, teams.get(row.handler.id) ?? [], deps.cipher, on, loads.get(row.handler.id)),
          ),
          page: request.query.page,
          pageSize: request.query.pageSize,
          total,
        };
      },
    );

    r.get(
      '/handlers/me',
      {
        config: { access: 'signed-in', errors: ['NOT_FOUND'] },
        schema: {
          tags,
          summary: 'The signed-in handler’s own record (role handler), phone masked',
          response: { 200: handlerDetailSchema },
        },
      },
      async (request) => {
        const actor = actorOf(request);
        const row = actor.roles.includes('handler')
          ? await findHandlerOfUser(deps.db, actor.userId)
          : undefined;
        if (!row) throw new AppError('NOT_FOUND');
        await auditRead(deps, originOf(request), 'handlers', row.handler.id);
        return presentHandlerDetail(deps.db, row, deps.cipher, today());
      },
    );

    r.get(
      '/handlers/login-options',
      {
        config: { access: 'handler.manage' },
        schema: {
          tags,
          summary: 'Active handler-role accounts in scope linked to no handler (the login picker), up to 20',
          querystring: linkOptionsQuery,
          response: { 200: z.array(loginOptionSchema) },
        },
      },
      (request) => unlinkedLogins(deps.db, actorOf(request).scope, request.query.q),
    );

    r.get(
      '/handlers/:id',
      {
        config: { access: 'handler.read' },
        schema: {
          tags,
          summary: 'One handler with admission history, teams, training and conflicts (audited read)',
          params: idParams,
          response: { 200: handlerDetailSchema },
        },
      },
      async (request) => {
        const row = await findHandler(deps.db, actorOf(request).scope, request.params.id);
        if (!row) throw new AppError('NOT_FOUND');
        await auditRead(deps, originOf(request), 'handlers', row.handler.id);
        return presentHandlerDetail(deps.db, row, deps.cipher, today());
      },
    );

    r.post(
      '/handlers',
      {
        config: { access: 'handler.manage', errors: IDEMPOTENCY_ERRORS },
        schema: {
          tags,
          summary: 'Register an application to join the pool (status applying); 409 HANDLER_LICENCE_TAKEN',
          body: createHandlerBody,
          response: { 201: handlerDetailSchema },
        },
      },
      (request, reply) =>
        createIdempotently(deps, request, reply, 201, (tx) =>
          createHandler(deps, tx, actorOf(request), request.body, originOf(request)),
        ),
    );

    r.patch(
      '/handlers/:id',
      {
        config: { access: 'handler.manage' },
        schema: {
          tags,
          summary: 'Edit a handler; `version` must be the one read (409 HANDLER_VERSION_CONFLICT)',
          params: idParams,
          body: updateHandlerBody,
          response: { 200: handlerDetailSchema },
        },
      },
      (request) => updateHandler(deps, actorOf(request), request.params.id, request.body, originOf(request)),
    );

    r.post(
      '/handlers/:id/status',
      {
        config: { access: 'handler.manage', errors: ['HANDLER_CONCERN_UNKNOWN'] },
        schema: {
          tags,
          summary:
            'Admission and exit: approve, suspend, reinstate or exit with a reason and date (409 HANDLER_STATUS_CONFLICT), naming the open quality concerns it rests on (422 HANDLER_CONCERN_UNKNOWN for any other)',
          params: idParams,
          body: statusChangeBody,
          response: { 200: handlerDetailSchema },
        },
      },
      (request) =>
        changeHandlerStatus(deps, actorOf(request), request.params.id, request.body, originOf(request)),
    );

    r.post(
      '/handlers/:id/training',
      {
        config: { access: 'handler.manage', errors: IDEMPOTENCY_ERRORS },
        schema: {
          tags,
          summary: 'Record a training the handler attended',
          params: idParams,
          body: trainingBody,
          response: { 201: trainingSchema },
        },
      },
      (request, reply) =>
        createIdempotently(deps, request, reply, 201, (tx) =>
          recordTraining(deps, tx, actorOf(request), request.params.id, request.body, originOf(request)),
        ),
    );

    r.post(
      '/handlers/:id/conflicts',
      {
        config: { access: 'handler.manage', errors: IDEMPOTENCY_ERRORS },
        schema: {
          tags,
          summary: 'Record a conflict of interest (回避): an opposing party or a relation',
          params: idParams,
          body: conflictBody,
          response: { 201: conflictSchema },
        },
      },
      (request, reply) =>
        createIdempotently(deps, request, reply, 201, (tx) =>
          recordConflict(deps, tx, actorOf(request), request.params.id, request.body, originOf(request)),
        ),
    );

    r.delete(
      '/handlers/:id/conflicts/:childId',
      {
        config: { access: 'handler.manage' },
        schema: {
          tags,
          summary: 'Remove a conflict recorded by mistake (audited)',
          params: handlerChildParams,
          response: { 204: z.null() },
        },
      },
      async (request, reply) => {
        await removeConflict(
          deps,
          actorOf(request),
          request.params.id,
          request.params.childId,
          originOf(request),
        );
        return reply.code(204).send(null);
      },
    );

    r.post(
      '/handlers/:id/login',
      {
        config: {
          access: 'handler.manage',
          errors: ['HANDLER_LOGIN_EXISTS', 'PASSWORD_POLICY', 'USERNAME_TAKEN', ...IDEMPOTENCY_ERRORS],
        },
        schema: {
          tags,
          summary:
            'Open the handler’s login in one step (role handler, the handler’s organisation, password changed at first login) and link it; 409 HANDLER_LOGIN_EXISTS',
          params: idParams,
          body: createLoginBody,
          response: { 201: handlerDetailSchema },
        },
      },
      (request, reply) =>
        createIdempotently(deps, request, reply, 201, (tx) =>
          createLogin(deps, tx, actorOf(request), request.params.id, request.body, originOf(request)),
        ),
    );

    r.put(
      '/handlers/:id/login',
      {
        config: {
          access: 'handler.manage',
          errors: ['HANDLER_LOGIN_EXISTS', 'HANDLER_USER_INVALID', 'HANDLER_USER_TAKEN'],
        },
        schema: {
          tags,
          summary:
            'Link an existing handler-role account to the handler (same account again: no change); 409 HANDLER_USER_TAKEN, HANDLER_LOGIN_EXISTS',
          params: idParams,
          body: linkLoginBody,
          response: { 200: handlerDetailSchema },
        },
      },
      (request) =>
        deps.db.transaction((tx) =>
          linkLogin(deps, tx, actorOf(request), request.params.id, request.body.userId, originOf(request)),
        ),
    );

    r.delete(
      '/handlers/:id/login',
      {
        config: { access: 'handler.manage' },
        schema: {
          tags,
          summary: 'Unlink the handler’s login (the account stays); no login: no change',
          params: idParams,
          response: { 204: z.null() },
        },
      },
      async (request, reply) => {
        await deps.db.transaction((tx) =>
          unlinkLogin(deps, tx, actorOf(request), request.params.id, originOf(request)),
        );
        return reply.code(204).send(null);
      },
    );
  };
}
