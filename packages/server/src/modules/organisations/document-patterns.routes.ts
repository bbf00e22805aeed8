import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { and, eq } from 'drizzle-orm';
import {
  checkNumberPattern,
  DEFAULT_NUMBER_PATTERN,
  DOCUMENT_KINDS,
  formatDocumentNumber,
  yearOf,
  beijingDateOf,
} from '@fayuan/domain';
import type { AppDeps } from '../../platform/context.ts';
import { documentNumberPatterns } from '../../db/schema/index.ts';
import { AppError } from '../../platform/errors.ts';
import { actorOf, originOf } from '../../platform/http/request-context.ts';
import { recordAudit } from '../../platform/audit/audit-log.ts';
import { findOrganisation } from './organisations.repository.ts';
import { idParams } from './organisations.schemas.ts';

const tags = ['organisations'];
const patternSchema = z.object({
  documentKind: z.enum(DOCUMENT_KINDS),
  pattern: z.string(),
  custom: z.boolean(),
  example: z.string(),
});

/** Each centre's numbering pattern per document kind (SF/T 0024-2017: numbered per centre and year). */
export function documentPatternRoutes(deps: AppDeps) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const example = (pattern: string, org: string) =>
      formatDocumentNumber(pattern, { year: yearOf(beijingDateOf(deps.clock.now())), seq: 1, org });

    r.get(
      '/organisations/:id/document-number-patterns',
      {
        config: { access: 'org.read' },
        schema: {
          tags,
          summary: 'Numbering pattern of each document kind',
          params: idParams,
          response: { 200: z.array(patternSchema) },
        },
      },
      async (request) => {
        const organisation = await findOrganisation(deps.db, actorOf(request).scope, request.params.id);
        if (!organisation) throw new AppError('NOT_FOUND');
        const rows = await deps.db
          .select()
          .from(documentNumberPatterns)
          .where(eq(documentNumberPatterns.organisationId, organisation.id));
        return DOCUMENT_KINDS.map((documentKind) => {
          const pattern = rows.find((p) => p.documentKind === documentKind)?.pattern;
          return {
            documentKind,
            pattern: pattern ?? DEFAULT_NUMBER_PATTERN,
            custom: pattern !== undefined,
            example: example(pattern ?? DEFAULT_NUMBER_PATTERN, organisation.code),
          };
        });
      },
    );

    r.put(
      '/organisations/:id/document-number-patterns/:documentKind',
      {
        config: { access: 'org.manage' },
        schema: {
          tags,
          summary: 'Set the numbering pattern of a document kind, e.g. 京朝法援〔{year}〕第{seq:5}号',
          params: idParams.extend({ documentKind: z.enum(DOCUMENT_KINDS) }),
          body: z.strictObject({ pattern: z.string().trim().min(1).max(80) }),
          response: { 200: patternSchema },
        },
      },
      async (request) => {
        const problems = checkNumberPattern(request.body.pattern);
        if (problems.length > 0) throw new AppError('DOCUMENT_PATTERN_INVALID', { problems });
        return deps.db.transaction(async (tx) => {
          const organisation = await findOrganisation(tx, actorOf(request).scope, request.params.id);
          if (!organisation) throw new AppError('NOT_FOUND');
          const key = and(
            eq(documentNumberPatterns.organisationId, organisation.id),
            eq(documentNumberPatterns.documentKind, request.params.documentKind),
          );
          const [before] = await tx.select().from(documentNumberPatterns).where(key);
          const now = deps.clock.now();
          await tx
            .insert(documentNumberPatterns)
            .values({
              organisationId: organisation.id,
              documentKind: request.params.documentKind,
              pattern: request.body.pattern,
              createdAt: now,
              updatedAt: now,
            })
            .onConflictDoUpdate({
              target: [documentNumberPatterns.organisationId, documentNumberPatterns.documentKind],
              set: { pattern: request.body.pattern, updatedAt: now },
            });
          await recordAudit(tx, { cipher: deps.cipher, at: now }, originOf(request), {
            action: 'document_pattern.set',
            entityType: 'document_number_patterns',
            entityId: `${organisation.id}/${request.params.documentKind}`,
            changes: { pattern: { before: before?.pattern ?? null, after: request.body.pattern } },
          });
          return {
            documentKind: request.params.documentKind,
            pattern: request.body.pattern,
            custom: true,
            example: example(request.body.pattern, organisation.code),
          };
        });
      },
    );
  };
}
