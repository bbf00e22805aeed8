import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { actorOf, originOf } from '../../platform/http/request-context.ts';
import { createIdempotently, IDEMPOTENCY_ERRORS } from '../../platform/http/idempotency.ts';
import {
  createOrganisationBody,
  createOrganisationKindBody,
  idParams,
  kindParams,
  updateOrganisationKindBody,
  organisationKindSchema,
  organisationListQuery,
  organisationPage,
  organisationSchema,
  updateOrganisationBody,
} from './organisations.schemas.ts';
import {
  findOrganisation,
  listKinds,
  listOrganisations,
  organisationTree,
  presentOrganisation,
} from './organisations.repository.ts';
import { createOrganisation } from './create-organisation.ts';
import { documentPatternRoutes } from './document-patterns.routes.ts';
import { updateOrganisation } from './update-organisation.ts';
import { createOrganisationKind, updateOrganisationKind } from './organisation-kinds.ts';

const tags = ['organisations'];

export function organisationRoutes(deps: AppDeps) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    await app.register(documentPatternRoutes(deps));

    r.get(
      '/organisation-kinds',
      {
        // Reference words, not records: every signed-in page may name a kind (the home page names
        // the user's own centre's kind), so none has to show a raw code.
        config: { access: 'signed-in' },
        schema: { tags, summary: 'Organisation kinds', response: { 200: z.array(organisationKindSchema) } },
      },
      () => listKinds(deps.db),
    );

    r.post(
      '/organisation-kinds',
      {
        config: { access: 'org.manage', errors: IDEMPOTENCY_ERRORS },
        schema: {
          tags,
          summary: 'Add an organisation kind',
          body: createOrganisationKindBody,
          response: { 201: organisationKindSchema },
        },
      },
      (request, reply) =>
        createIdempotently(deps, request, reply, 201, (tx) =>
          createOrganisationKind(deps, tx, request.body, originOf(request)),
        ),
    );

    r.patch(
      '/organisation-kinds/:code',
      {
        config: { access: 'org.manage' },
        schema: {
          tags,
          summary: 'Rename, re-order or (de)activate an organisation kind',
          params: kindParams,
          body: updateOrganisationKindBody,
          response: { 200: organisationKindSchema },
        },
      },
      (request) => updateOrganisationKind(deps, request.params.code, request.body, originOf(request)),
    );

    r.get(
      '/organisations',
      {
        config: { access: 'org.read' },
        schema: {
          tags,
          summary: 'List organisations in scope',
          querystring: organisationListQuery,
          response: { 200: organisationPage },
        },
      },
      async (request) => {
        const { rows, total } = await listOrganisations(deps.db, actorOf(request).scope, request.query);
        return {
          items: rows.map(presentOrganisation),
          page: request.query.page,
          pageSize: request.query.pageSize,
          total,
        };
      },
    );

    r.get(
      '/organisations/tree',
      {
        config: { access: 'org.read' },
        schema: {
          tags,
          summary: 'Every organisation in scope, parents first',
          response: { 200: z.array(organisationSchema) },
        },
      },
      async (request) => (await organisationTree(deps.db, actorOf(request).scope)).map(presentOrganisation),
    );

    r.get(
      '/organisations/:id',
      {
        config: { access: 'org.read' },
        schema: {
          tags,
          summary: 'One organisation',
          params: idParams,
          response: { 200: organisationSchema },
        },
      },
      async (request) => {
        const row = await findOrganisation(deps.db, actorOf(request).scope, request.params.id);
        if (!row) throw new AppError('NOT_FOUND');
        return presentOrganisation(row);
      },
    );

    r.post(
      '/organisations',
      {
        config: { access: 'org.manage', errors: IDEMPOTENCY_ERRORS },
        schema: {
          tags,
          summary: 'Add an organisation',
          body: createOrganisationBody,
          response: { 201: organisationSchema },
        },
      },
      (request, reply) =>
        createIdempotently(deps, request, reply, 201, (tx) =>
          createOrganisation(deps, tx, actorOf(request), request.body, originOf(request)),
        ),
    );

    r.patch(
      '/organisations/:id',
      {
        config: { access: 'org.manage' },
        schema: {
          tags,
          summary: 'Edit an organisation',
          params: idParams,
          body: updateOrganisationBody,
          response: { 200: organisationSchema },
        },
      },
      (request) =>
        updateOrganisation(deps, actorOf(request), request.params.id, request.body, originOf(request)),
    );
  };
}
