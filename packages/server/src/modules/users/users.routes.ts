import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ROLES } from '@fayuan/domain';
import type { AppDeps } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { actorOf, originOf } from '../../platform/http/request-context.ts';
import { createIdempotently, IDEMPOTENCY_ERRORS } from '../../platform/http/idempotency.ts';
import { auditRead } from '../../platform/audit/audit-read.ts';
import { localeFromHeader } from '../../platform/locale.ts';
import { roleName } from './role-names.ts';
import { idParams } from '../organisations/organisations.schemas.ts';
import {
  handlerLinkBody,
  createUserBody,
  resetPasswordBody,
  updateUserBody,
  userListQuery,
  userPage,
  userSchema,
} from './users.schemas.ts';
import { findUser, listUsers, presentUser } from './users.repository.ts';
import { createUser } from './create-user.ts';
import { updateUser } from './update-user.ts';
import { resetPassword } from './reset-password.ts';
import { unlockUser } from './unlock-user.ts';
import { handlerIdOfUser, handlersWithoutLogin, linkLogin, unlinkLogin } from '../handlers/handler-login.ts';
import { handlerOptionSchema, linkOptionsQuery } from '../handlers/handlers.schemas.ts';

const tags = ['users'];

export function userRoutes(deps: AppDeps) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();

    r.get(
      '/roles',
      {
        config: { access: 'signed-in' },
        schema: {
          tags,
          summary: 'Roles a user can hold, named in the request language',
          response: { 200: z.array(z.object({ code: z.enum(ROLES), name: z.string() })) },
        },
      },
      (request) => {
        const locale = localeFromHeader(request.headers['accept-language']);
        return ROLES.map((code) => ({ code, name: roleName(code, locale) }));
      },
    );

    r.get(
      '/users',
      {
        config: { access: 'user.read' },
        schema: {
          tags,
          summary: 'List accounts in scope',
          querystring: userListQuery,
          response: { 200: userPage },
        },
      },
      async (request) => {
        const { rows, total } = await listUsers(deps.db, actorOf(request).scope, request.query);
        return {
          items: rows.map((row) => presentUser(row, deps.cipher)),
          page: request.query.page,
          pageSize: request.query.pageSize,
          total,
        };
      },
    );

    r.get(
      '/users/:id',
      {
        config: { access: 'user.read' },
        schema: {
          tags,
          summary: 'One account (audited read)',
          params: idParams,
          response: { 200: userSchema },
        },
      },
      async (request) => {
        const row = await findUser(deps.db, actorOf(request).scope, request.params.id);
        if (!row) throw new AppError('NOT_FOUND');
        await auditRead(deps, originOf(request), 'users', row.user.id);
        return presentUser(row, deps.cipher);
      },
    );

    r.post(
      '/users',
      {
        config: {
          access: 'user.manage',
          errors: [
            'NOT_FOUND',
            'PASSWORD_POLICY',
            'USERNAME_TAKEN',
            'ROLE_NOT_GRANTABLE',
            ...IDEMPOTENCY_ERRORS,
          ],
        },
        schema: { tags, summary: 'Open an account', body: createUserBody, response: { 201: userSchema } },
      },
      (request, reply) =>
        createIdempotently(deps, request, reply, 201, (tx) =>
          createUser(deps, tx, actorOf(request), request.body, originOf(request)),
        ),
    );

    r.patch(
      '/users/:id',
      {
        config: { access: 'user.manage', errors: ['CANNOT_DISABLE_SELF', 'ROLE_NOT_GRANTABLE'] },
        schema: {
          tags,
          summary: 'Edit, disable or enable an account',
          params: idParams,
          body: updateUserBody,
          response: { 200: userSchema },
        },
      },
      (request) => updateUser(deps, actorOf(request), request.params.id, request.body, originOf(request)),
    );

    r.post(
      '/users/:id/reset-password',
      {
        config: { access: 'user.manage', errors: ['PASSWORD_POLICY'] },
        schema: {
          tags,
          summary: 'Set a temporary password',
          params: idParams,
          body: resetPasswordBody,
          response: { 204: z.null() },
        },
      },
      async (request, reply) => {
        await resetPassword(
          deps,
          actorOf(request),
          request.params.id,
          request.body.newPassword,
          originOf(request),
        );
        return reply.code(204).send(null);
      },
    );

    r.post(
      '/users/:id/unlock',
      {
        config: { access: 'user.manage', errors: ['USER_NOT_LOCKED'] },
        schema: {
          tags,
          summary: 'Lift a login lockout (409 USER_NOT_LOCKED when the account is not locked)',
          params: idParams,
          response: { 200: userSchema },
        },
      },
      (request) => unlockUser(deps, actorOf(request), request.params.id, originOf(request)),
    );

    r.get(
      '/users/handler-options',
      {
        config: { access: 'user.manage' },
        schema: {
          tags,
          summary: 'Handler records in scope with no login (the account page’s picker), up to 20',
          querystring: linkOptionsQuery,
          response: { 200: z.array(handlerOptionSchema) },
        },
      },
      (request) => handlersWithoutLogin(deps.db, actorOf(request).scope, request.query.q),
    );

    r.put(
      '/users/:id/handler',
      {
        config: {
          access: 'user.manage',
          errors: ['HANDLER_LOGIN_EXISTS', 'HANDLER_USER_INVALID', 'HANDLER_USER_TAKEN'],
        },
        schema: {
          tags,
          summary:
            'Link this handler-role account to a handler record (the same link as PUT /handlers/{id}/login); 409 HANDLER_USER_TAKEN, HANDLER_LOGIN_EXISTS',
          params: idParams,
          body: handlerLinkBody,
          response: { 200: userSchema },
        },
      },
      async (request) => {
        const actor = actorOf(request);
        return deps.db.transaction(async (tx) => {
          await linkLogin(deps, tx, actor, request.body.handlerId, request.params.id, originOf(request));
          const row = await findUser(tx, actor.scope, request.params.id);
          if (!row) throw new AppError('NOT_FOUND');
          return presentUser(row, deps.cipher);
        });
      },
    );

    r.delete(
      '/users/:id/handler',
      {
        config: { access: 'user.manage' },
        schema: {
          tags,
          summary: 'Unlink this account from its handler record (both stay); no link: no change',
          params: idParams,
          response: { 204: z.null() },
        },
      },
      async (request, reply) => {
        const actor = actorOf(request);
        await deps.db.transaction(async (tx) => {
          const handlerId = await handlerIdOfUser(tx, actor.scope, request.params.id);
          if (handlerId) await unlinkLogin(deps, tx, actor, handlerId, originOf(request));
        });
        return reply.code(204).send(null);
      },
    );
  };
}
