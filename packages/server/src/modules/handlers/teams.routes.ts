import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { beijingDateOf } from '@fayuan/domain';
import type { AppDeps } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { actorOf, originOf } from '../../platform/http/request-context.ts';
import { createIdempotently, IDEMPOTENCY_ERRORS } from '../../platform/http/idempotency.ts';
import { idParams } from '../organisations/organisations.schemas.ts';
import {
  addMemberBody,
  createTeamBody,
  memberParams,
  teamList,
  teamMemberList,
  teamSchema,
  updateTeamBody,
} from './handlers.schemas.ts';
import { findTeam, listTeamMembers, listTeams, presentTeam } from './teams.repository.ts';
import { createTeam } from './create-team.ts';
import { updateTeam } from './update-team.ts';
import { addTeamMember, endTeamMembership } from './team-membership.ts';

const tags = ['handlers'];

export function teamRoutes(deps: AppDeps) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();

    r.get(
      '/teams',
      {
        config: { access: 'handler.read' },
        schema: {
          tags,
          summary: 'Specialised teams in scope with their current member counts',
          response: { 200: teamList },
        },
      },
      async (request) => ({ items: (await listTeams(deps.db, actorOf(request).scope)).map(presentTeam) }),
    );

    r.post(
      '/teams',
      {
        config: { access: 'handler.manage', errors: IDEMPOTENCY_ERRORS },
        schema: {
          tags,
          summary: 'Set up a team (code unique per organisation; entry rule in words and in years)',
          body: createTeamBody,
          response: { 201: teamSchema },
        },
      },
      (request, reply) =>
        createIdempotently(deps, request, reply, 201, (tx) =>
          createTeam(deps, tx, actorOf(request), request.body, originOf(request)),
        ),
    );

    r.patch(
      '/teams/:id',
      {
        config: { access: 'handler.manage' },
        schema: {
          tags,
          summary: 'Rename a team, change its entry rule, or retire it',
          params: idParams,
          body: updateTeamBody,
          response: { 200: teamSchema },
        },
      },
      (request) => updateTeam(deps, actorOf(request), request.params.id, request.body, originOf(request)),
    );

    r.get(
      '/teams/:id/members',
      {
        config: { access: 'handler.read' },
        schema: {
          tags,
          summary: 'Current members of a team; `all=true` adds those who left',
          params: idParams,
          querystring: z.strictObject({ all: z.enum(['true', 'false']).optional() }),
          response: { 200: teamMemberList },
        },
      },
      async (request) => {
        const team = await findTeam(deps.db, actorOf(request).scope, request.params.id);
        if (!team) throw new AppError('NOT_FOUND');
        const today = beijingDateOf(deps.clock.now());
        return {
          items: await listTeamMembers(deps.db, team.team.id, today, request.query.all === 'true'),
        };
      },
    );

    r.post(
      '/teams/:id/members',
      {
        config: { access: 'handler.manage' },
        schema: {
          tags,
          summary: 'Add a handler to a team (entry rule checked: 422 TEAM_MEMBER_INELIGIBLE)',
          params: idParams,
          body: addMemberBody,
          response: {
            201: z.object({
              handlerId: z.string().uuid(),
              teamId: z.string().uuid(),
              since: z.string(),
              until: z.null(),
            }),
          },
        },
      },
      async (request, reply) => {
        const member = await addTeamMember(
          deps,
          actorOf(request),
          request.params.id,
          request.body,
          originOf(request),
        );
        return reply.code(201).send(member);
      },
    );

    r.delete(
      '/teams/:id/members/:handlerId',
      {
        config: { access: 'handler.manage' },
        schema: {
          tags,
          summary: 'End a membership today (kept as history)',
          params: memberParams,
          response: { 204: z.null() },
        },
      },
      async (request, reply) => {
        await endTeamMembership(
          deps,
          actorOf(request),
          request.params.id,
          request.params.handlerId,
          originOf(request),
        );
        return reply.code(204).send(null);
      },
    );
  };
}
