import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { and, eq } from 'drizzle-orm';
import type { Tx } from '../../../db/client.ts';
import { applicationMaterials, attachments } from '../../../db/schema/index.ts';
import type { AppDeps, RequestOrigin } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import { recordAudit } from '../../../platform/audit/audit-log.ts';
import { createIdempotently, IDEMPOTENCY_ERRORS } from '../../../platform/http/idempotency.ts';
import { originOf } from '../../../platform/http/request-context.ts';
import { sendPdf } from '../../../platform/http/files.ts';
import { localeFromHeader } from '../../../platform/locale.ts';
import { withFileCleanup } from '../../../platform/storage/file-store.ts';
import {
  acceptRawFiles,
  ATTACHMENT_MAX_BYTES,
  declaredType,
  storeAttachment,
  UPLOAD_CONFIG,
} from '../../applications/attachments.ts';
import { documentPdfOf } from '../../applications/documents.ts';
import { fileObjection } from '../../applications/decision.ts';
import { receiveMaterials } from '../../applications/supplement.ts';
import { citizenActorFor } from '../citizen-actor.ts';
import { citizenOf, type CitizenPrincipal } from '../citizen-session.ts';
import { PUBLIC_API_TAG } from '../public-openapi.ts';
import { pledgeInForce } from './pledge.ts';
import { beijingDateOf } from '@fayuan/domain';
import {
  accessLog,
  documentParams,
  idParams,
  objectionBody,
  pledgeResponse,
  portalApplicationBody,
  portalApplicationCreated,
  portalApplicationDetail,
  portalApplicationList,
  uploadQuery,
} from './portal-applications.schemas.ts';
import { APPLICANT_DOCUMENTS } from './portal-words.ts';
import {
  accessLogOf,
  listOwnApplications,
  ownApplication,
  ownApplicationDetail,
} from './portal-application-views.ts';
import { submitOnlineApplication } from './submit-online-application.ts';

const tags = [PUBLIC_API_TAG];
const localeOf = (request: { headers: { 'accept-language'?: string | undefined } }) =>
  localeFromHeader(request.headers['accept-language']);
const NOT_FOUND = ['PORTAL_APPLICATION_NOT_FOUND'] as const;

/** Acting on the citizen's own application: through the portal account of the application's centre. */
async function actingOn(
  deps: AppDeps,
  tx: Tx,
  citizen: CitizenPrincipal,
  id: string,
  origin: RequestOrigin,
  lock = true,
) {
  const app = await ownApplication(tx, citizen, id, lock);
  const actor = await citizenActorFor(deps, tx, app.ownerOrgId);
  return { app, actor, origin: { ...origin, actor } };
}

/** The citizen's reads of their own file are audited too (as the portal, naming the citizen). */
async function auditOwnRead(
  deps: AppDeps,
  tx: Tx,
  citizen: CitizenPrincipal,
  id: string,
  origin: RequestOrigin,
  what: string,
) {
  const { origin: asPortal } = await actingOn(deps, tx, citizen, id, origin, false);
  await recordAudit(tx, { cipher: deps.cipher, at: deps.clock.now() }, asPortal, {
    action: `portal.${what}`,
    entityType: 'applications',
    entityId: id,
    changes: { citizenId: { after: citizen.citizenId } },
  });
}

/** Apply and follow (issue 14): the citizen's own applications on the citizens' door. */
export function portalApplicationRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (r) => {
    acceptRawFiles(r);

    r.get(
      '/applications/pledge',
      {
        schema: {
          tags,
          summary: 'The integrity pledge in force (诚信承诺, LAL art.41), shown above the tick box',
          response: { 200: pledgeResponse },
        },
      },
      async (request) => {
        const pledge = await pledgeInForce(deps.db, beijingDateOf(deps.clock.now()));
        return {
          version: pledge.version,
          text: localeOf(request) === 'en-US' ? pledge.textEn : pledge.text,
          citation: pledge.citation,
        };
      },
    );

    r.post(
      '/applications',
      {
        config: {
          errors: [
            'PORTAL_PLEDGE_REQUIRED',
            'PORTAL_CENTRE_UNKNOWN',
            'PORTAL_IDENTITY_MISMATCH',
            'ID_NUMBER_INVALID',
            'PERSON_DUPLICATE_ELSEWHERE',
            'APPLICATION_MATTER_UNKNOWN',
            'FACT_UNKNOWN',
            ...IDEMPOTENCY_ERRORS,
          ],
        },
        schema: {
          tags,
          summary:
            'Apply online (channel online): the same application as at the window, with the pledge kept; Idempotency-Key honoured',
          body: portalApplicationBody,
          response: { 201: portalApplicationCreated },
        },
      },
      (request, reply) =>
        createIdempotently(deps, request, reply, 201, (tx) =>
          submitOnlineApplication(deps, tx, citizenOf(request), request.body, originOf(request)),
        ),
    );

    r.get(
      '/applications',
      {
        schema: { tags, summary: 'My applications, newest first', response: { 200: portalApplicationList } },
      },
      (request) => listOwnApplications(deps.db, citizenOf(request), localeOf(request)),
    );

    r.get(
      '/applications/:id',
      {
        config: { errors: [...NOT_FOUND] },
        schema: {
          tags,
          summary:
            'My application: state, timeline in plain words, the statutory countdown, what is missing, documents',
          params: idParams,
          response: { 200: portalApplicationDetail },
        },
      },
      (request) =>
        deps.db.transaction(async (tx) => {
          const citizen = citizenOf(request);
          const detail = await ownApplicationDetail(
            tx,
            citizen,
            request.params.id,
            localeOf(request),
            deps.clock.now(),
          );
          await auditOwnRead(deps, tx, citizen, request.params.id, originOf(request), 'application_read');
          return detail;
        }),
    );

    r.get(
      '/applications/:id/access-log',
      {
        config: { errors: [...NOT_FOUND] },
        schema: {
          tags,
          summary: 'Who looked at my file: each staff read (organisation, role, purpose, time; never a name)',
          params: idParams,
          response: { 200: accessLog },
        },
      },
      (request) => accessLogOf(deps.db, citizenOf(request), request.params.id, localeOf(request)),
    );

    r.post(
      '/applications/:id/attachments',
      {
        config: {
          ...UPLOAD_CONFIG,
          errors: [...UPLOAD_CONFIG.errors, 'ATTACHMENT_CONTENT_MISMATCH', ...NOT_FOUND],
        },
        bodyLimit: ATTACHMENT_MAX_BYTES,
        schema: {
          tags,
          summary:
            'Send a material from the phone: the raw file (JPEG, PNG, HEIC or PDF) as the body; material and name in the query',
          params: idParams,
          querystring: uploadQuery,
        },
      },
      async (request, reply) => {
        const body = request.body;
        if (!Buffer.isBuffer(body)) throw new AppError('ATTACHMENT_TYPE_NOT_ALLOWED');
        const contentType = declaredType(request.headers['content-type']);
        const citizen = citizenOf(request);
        const row = await withFileCleanup(deps.files, (files) =>
          deps.db.transaction(async (tx) => {
            const { app, actor, origin } = await actingOn(
              deps,
              tx,
              citizen,
              request.params.id,
              originOf(request),
            );
            if (request.query.material) {
              const [known] = await tx
                .select({ id: applicationMaterials.id })
                .from(applicationMaterials)
                .where(
                  and(
                    eq(applicationMaterials.applicationId, app.id),
                    eq(applicationMaterials.code, request.query.material),
                  ),
                );
              if (!known) throw new AppError('APPLICATION_MATERIAL_UNKNOWN', { field: 'material' });
            }
            return storeAttachment(
              { ...deps, files },
              tx,
              actor,
              app.id,
              { fileName: request.query.name, contentType, materialCode: request.query.material, data: body },
              origin,
            );
          }),
        );
        reply.code(201);
        return { id: row.id, fileName: row.fileName, material: row.materialCode, size: row.sizeBytes };
      },
    );

    r.post(
      '/applications/:id/supplement',
      {
        config: { errors: [...NOT_FOUND, 'PORTAL_NOTHING_REQUESTED'] },
        schema: {
          tags,
          summary:
            'I have sent what was asked: the requested materials with a file become provided; the review resumes',
          params: idParams,
          response: { 200: portalApplicationDetail },
        },
      },
      (request) =>
        deps.db.transaction(async (tx) => {
          const citizen = citizenOf(request);
          const { app, actor, origin } = await actingOn(
            deps,
            tx,
            citizen,
            request.params.id,
            originOf(request),
          );
          if (app.state !== 'supplement_requested') throw new AppError('PORTAL_NOTHING_REQUESTED');
          const requested = await tx
            .select({ code: applicationMaterials.code })
            .from(applicationMaterials)
            .where(
              and(
                eq(applicationMaterials.applicationId, app.id),
                eq(applicationMaterials.status, 'requested'),
              ),
            );
          const sent = new Set(
            (
              await tx
                .select({ code: attachments.materialCode })
                .from(attachments)
                .where(eq(attachments.applicationId, app.id))
            ).map((a) => a.code),
          );
          const provided = requested.map((m) => m.code).filter((code) => sent.has(code));
          if (provided.length === 0) throw new AppError('PORTAL_NOTHING_REQUESTED', { reason: 'no_files' });
          await receiveMaterials(deps, tx, actor, app.id, { provided }, origin);
          return ownApplicationDetail(tx, citizen, app.id, localeOf(request), deps.clock.now());
        }),
    );

    r.get(
      '/applications/:id/documents/:documentId/pdf',
      {
        config: { errors: [...NOT_FOUND] },
        schema: {
          tags,
          summary: 'A decision or notice addressed to me, as issued (PDF)',
          params: documentParams,
        },
      },
      async (request, reply) => {
        const citizen = citizenOf(request);
        const pdf = await withFileCleanup(deps.files, (files) =>
          deps.db.transaction(async (tx) => {
            const { app, origin } = await actingOn(deps, tx, citizen, request.params.id, originOf(request));
            const result = await documentPdfOf(
              { ...deps, files },
              tx,
              app.id,
              request.params.documentId,
              origin,
            );
            if (!APPLICANT_DOCUMENTS.has(result.kind)) throw new AppError('NOT_FOUND');
            return result;
          }),
        );
        return sendPdf(reply, pdf);
      },
    );

    r.post(
      '/applications/:id/objection',
      {
        config: { errors: [...NOT_FOUND, 'PORTAL_OBJECTION_CLOSED'] },
        schema: {
          tags,
          summary: 'Object to a refusal or termination while the period runs (LAL art.49)',
          params: idParams,
          body: objectionBody,
          response: { 201: portalApplicationDetail },
        },
      },
      async (request, reply) => {
        const detail = await deps.db.transaction(async (tx) => {
          const citizen = citizenOf(request);
          const { app, actor, origin } = await actingOn(
            deps,
            tx,
            citizen,
            request.params.id,
            originOf(request),
          );
          const view = await ownApplicationDetail(tx, citizen, app.id, localeOf(request), deps.clock.now());
          if (!view.objection.open) throw new AppError('PORTAL_OBJECTION_CLOSED');
          await fileObjection(deps, tx, actor, app.id, { grounds: request.body.reason }, origin);
          return ownApplicationDetail(tx, citizen, app.id, localeOf(request), deps.clock.now());
        });
        reply.code(201);
        return detail;
      },
    );
  };
}
