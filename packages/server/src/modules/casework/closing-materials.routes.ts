import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../platform/context.ts';
import { actorOf, originOf } from '../../platform/http/request-context.ts';
import { sendFile } from '../../platform/http/files.ts';
import { applicationIdParams, attachmentSchema, childParams } from '../applications/applications.schemas.ts';
import {
  acceptRawFiles,
  ATTACHMENT_MAX_BYTES,
  receiveUpload,
  UPLOAD_CONFIG,
} from '../applications/attachments.ts';
import { readableCase } from './case-access.ts';
import { caseAttachmentQuery, closingMaterialsSchema } from './casework.schemas.ts';
import { addClosingAttachment, readCaseAttachment } from './closing-attachments.ts';
import { attachmentViews, closingMaterialsOf, presentMaterials } from './closing-materials.ts';

const tags = ['casework'];
const params = applicationIdParams;

/**
 * Closing materials (结案材料, LAL art.50; rule list `closing_material`): what the case needs and
 * what is on file, the handler's uploads to their own case, and downloads from the casework pages.
 */
export function closingMaterialRoutes(deps: AppDeps) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    acceptRawFiles(app);

    r.get(
      '/cases/:id/closing-materials',
      {
        config: { access: 'signed-in' },
        schema: {
          tags,
          summary:
            'The closing materials this case needs (rule list closing_material, LAL art.50) and the files on record for each',
          params,
          response: { 200: closingMaterialsSchema },
        },
      },
      async (request) => {
        const { app } = await readableCase(deps.db, actorOf(request), request.params.id);
        const check = await closingMaterialsOf(deps.db, app, deps.clock.now());
        return {
          caseType: app.caseType,
          terminated: check.terminated,
          ruleVersion: check.ruleVersion,
          materials: presentMaterials(check.materials, await attachmentViews(deps.db, app.id)),
          missing: check.missing.map((m) => m.code),
        };
      },
    );

    r.post(
      '/cases/:id/attachments',
      {
        config: {
          access: 'signed-in',
          ...UPLOAD_CONFIG,
          errors: [...UPLOAD_CONFIG.errors, 'APPLICATION_STATE_CONFLICT'],
        },
        bodyLimit: ATTACHMENT_MAX_BYTES,
        schema: {
          tags,
          summary:
            'The assigned handler uploads a closing material: the raw bytes as the body; name and material code in the query',
          params,
          querystring: caseAttachmentQuery,
          response: { 201: attachmentSchema },
        },
      },
      async (request, reply) => {
        const upload = await receiveUpload(
          deps,
          request,
          actorOf(request),
          originOf(request),
          addClosingAttachment,
        );
        reply.code(201);
        return upload;
      },
    );

    r.get(
      '/cases/:id/attachments/:childId',
      {
        config: { access: 'signed-in' },
        schema: {
          tags,
          summary:
            'Download a case file (checksum verified; audited): centre staff in scope, the handler their closing materials',
          params: childParams,
        },
      },
      async (request, reply) => {
        const { row, data } = await deps.db.transaction((tx) =>
          readCaseAttachment(
            deps,
            tx,
            actorOf(request),
            request.params.id,
            request.params.childId,
            originOf(request),
          ),
        );
        return sendFile(reply, row, data);
      },
    );
  };
}
