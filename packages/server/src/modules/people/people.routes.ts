import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { actorOf, originOf } from '../../platform/http/request-context.ts';
import { createIdempotently, IDEMPOTENCY_ERRORS } from '../../platform/http/idempotency.ts';
import { auditListRead, auditRead } from '../../platform/audit/audit-read.ts';
import { idParams } from '../organisations/organisations.schemas.ts';
import {
  createPersonBody,
  personListQuery,
  personPage,
  personSchema,
  personWithWarnings,
  unmaskedSchema,
  updatePersonBody,
} from './people.schemas.ts';
import { canUnmask, findPerson, listPersons, presentPerson } from './people.repository.ts';
import { createPerson } from './create-person.ts';
import { updatePerson } from './update-person.ts';
import { unmaskPerson } from './unmask-person.ts';
import { personHistory, personHistorySchema } from './person-history.ts';
import { recordAudit } from '../../platform/audit/audit-log.ts';

const tags = ['people'];

export function personRoutes(deps: AppDeps) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();

    r.get(
      '/persons',
      {
        config: { access: 'person.read' },
        schema: {
          tags,
          summary:
            'Search applicants and aid recipients in scope (name, pinyin, initials, ID or phone number)',
          querystring: personListQuery,
          response: { 200: personPage },
        },
      },
      async (request) => {
        const actor = actorOf(request);
        const { rows, total } = await listPersons(
          deps.db,
          actor.scope,
          deps.cipher,
          request.query,
          canUnmask(actor),
        );
        const page = { page: request.query.page, pageSize: request.query.pageSize, total };
        await auditListRead(
          deps,
          originOf(request),
          'persons',
          rows.map((row) => row.person.id),
          page,
        );
        return { items: rows.map((row) => presentPerson(row, deps.cipher, canUnmask(actor))), ...page };
      },
    );

    r.get(
      '/persons/:id',
      {
        config: { access: 'person.read' },
        schema: {
          tags,
          summary: 'One person, numbers masked (audited read)',
          params: idParams,
          response: { 200: personSchema },
        },
      },
      async (request) => {
        const actor = actorOf(request);
        const row = await findPerson(deps.db, actor.scope, request.params.id);
        if (!row) throw new AppError('NOT_FOUND');
        await auditRead(deps, originOf(request), 'persons', row.person.id);
        return presentPerson(row, deps.cipher, canUnmask(actor));
      },
    );

    r.get(
      '/persons/:id/history',
      {
        config: { access: 'person.read' },
        schema: {
          tags,
          summary:
            'The person’s consultations and applications (cases) in scope, newest first (audited read: persons.history)',
          params: idParams,
          response: { 200: personHistorySchema },
        },
      },
      async (request) => {
        const actor = actorOf(request);
        const row = await findPerson(deps.db, actor.scope, request.params.id);
        if (!row) throw new AppError('NOT_FOUND');
        const history = await personHistory(deps.db, actor, row.person.id);
        await deps.db.transaction((tx) =>
          recordAudit(tx, { cipher: deps.cipher, at: deps.clock.now() }, originOf(request), {
            action: 'persons.history',
            entityType: 'persons',
            entityId: row.person.id,
            changes: {
              consultations: { after: history.consultations.map((c) => c.id) },
              applications: { after: history.applications.map((a) => a.id) },
            },
          }),
        );
        return history;
      },
    );

    r.post(
      '/persons',
      {
        config: {
          access: 'person.manage',
          errors: [...IDEMPOTENCY_ERRORS, 'PERSON_DUPLICATE', 'PERSON_DUPLICATE_ELSEWHERE'],
        },
        schema: {
          tags,
          summary: 'Register a person; 409 PERSON_DUPLICATE when the identity number is on file',
          body: createPersonBody,
          response: { 201: personWithWarnings },
        },
      },
      (request, reply) =>
        createIdempotently(deps, request, reply, 201, (tx) =>
          createPerson(deps, tx, actorOf(request), request.body, originOf(request)),
        ),
    );

    r.patch(
      '/persons/:id',
      {
        config: { access: 'person.manage', errors: ['PERSON_DUPLICATE', 'PERSON_DUPLICATE_ELSEWHERE'] },
        schema: {
          tags,
          summary: 'Edit a person (audited, personal fields masked in the log)',
          params: idParams,
          body: updatePersonBody,
          response: { 200: personWithWarnings },
        },
      },
      (request) => updatePerson(deps, actorOf(request), request.params.id, request.body, originOf(request)),
    );

    r.post(
      '/persons/:id/unmask',
      {
        config: { access: 'person.unmask' },
        schema: {
          tags,
          summary: 'The full identity and phone numbers (audited as person.unmask)',
          params: idParams,
          response: { 200: unmaskedSchema },
        },
      },
      (request) => unmaskPerson(deps, actorOf(request), request.params.id, originOf(request)),
    );
  };
}
