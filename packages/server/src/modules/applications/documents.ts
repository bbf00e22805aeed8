import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { DocumentKind } from '@fayuan/domain';
import { renderDocument, type RenderableKind } from '../../platform/documents/pdf/index.ts';
import { recordAudit } from '../../platform/audit/audit-log.ts';
import { AppError } from '../../platform/errors.ts';
import { sha256Of, withFileCleanup } from '../../platform/storage/file-store.ts';
import { findApplication } from './applications.repository.ts';
import type { Tx } from '../../db/client.ts';
import { issuedDocuments, objections, type ApplicationRow } from '../../db/schema/index.ts';
import type { Actor, AppDeps, RequestOrigin } from '../../platform/context.ts';
import { issueDocumentNumber } from '../../platform/documents/document-numbers.ts';
import { contentOf, FILLED_KINDS, type Cause, type DocumentContent } from './document-content.ts';

/*
 * Numbered documents: issued in the caller's transaction under the issuer's sequence, their content
 * fixed then (document-content.ts), rendered to PDF on first read and kept with a checksum.
 */

/**
 * Who numbers a document: the centre, except for an objection decision, which the justice bureau
 * reviewing the objection issues under its own numbering (LAL art.49).
 */
async function issuerOf(tx: Tx, app: ApplicationRow, kind: DocumentKind, cause?: Cause): Promise<string> {
  const objectionId = cause?.payload.objectionId;
  if (kind !== 'objection_decision' || typeof objectionId !== 'string') return app.ownerOrgId;
  const [objection] = await tx
    .select({ bureau: objections.bureauOrgId })
    .from(objections)
    .where(eq(objections.id, objectionId));
  return objection?.bureau ?? app.ownerOrgId;
}

/**
 * Issues a numbered document for an application in the caller's transaction: the number is taken
 * from the centre's gap-free sequence (a rollback gives it back) and the content is fixed now.
 */
export async function issueDocument(
  tx: Tx,
  app: ApplicationRow,
  kind: DocumentKind,
  at: Date,
  actor: Actor | null,
  cause?: Cause,
): Promise<{ id: string; kind: DocumentKind; number: string }> {
  const { number } = await issueDocumentNumber(tx, {
    organisationId: await issuerOf(tx, app, kind, cause),
    documentKind: kind,
    at,
  });
  const content = await contentOf(tx, app, kind, number, at, cause);
  const id = randomUUID();
  await tx.insert(issuedDocuments).values({
    id,
    applicationId: app.id,
    ownerOrgId: app.ownerOrgId,
    kind,
    number,
    content: content as unknown as Record<string, unknown>,
    issuedBy: actor?.userId ?? null,
    issuedAt: at,
  });
  return { id, kind, number };
}

/**
 * The issued document as PDF. It is rendered from its fixed content on first request and kept;
 * later downloads serve the kept bytes after checking their checksum. Every download is audited.
 */
export async function documentPdf(
  deps: AppDeps,
  actor: Actor,
  applicationId: string,
  documentId: string,
  origin: RequestOrigin,
): Promise<{ number: string; kind: DocumentKind; data: Buffer }> {
  // A PDF rendered on first read is kept; if the transaction then fails, the file goes too.
  return withFileCleanup(deps.files, (files) =>
    deps.db.transaction(async (tx) => {
      const app = await findApplication(tx, actor.scope, applicationId);
      if (!app) throw new AppError('NOT_FOUND');
      return documentPdfOf({ ...deps, files }, tx, applicationId, documentId, origin);
    }),
  );
}

/**
 * An issued document's PDF once the caller has checked access: rendered from its fixed content on
 * the first read and kept with its SHA-256, verified on every later read; the read is audited.
 */
export async function documentPdfOf(
  deps: AppDeps,
  tx: Tx,
  applicationId: string,
  documentId: string,
  origin: RequestOrigin,
): Promise<{ number: string; kind: DocumentKind; data: Buffer }> {
  const [doc] = await tx
    .select()
    .from(issuedDocuments)
    .where(and(eq(issuedDocuments.id, documentId), eq(issuedDocuments.applicationId, applicationId)))
    .for('update');
  if (!doc) throw new AppError('NOT_FOUND');
  let data: Buffer;
  if (doc.storageKey) {
    data = await deps.files.get(doc.storageKey);
    if (sha256Of(data) !== doc.sha256) throw new Error(`document ${doc.id} fails its checksum`);
  } else {
    const content = doc.content as unknown as DocumentContent;
    if ('unfilled' in content || !(FILLED_KINDS as readonly string[]).includes(content.kind))
      throw new AppError('DOCUMENT_NOT_RENDERABLE', { kind: content.kind });
    const input = content.data as unknown as Record<string, unknown>;
    if (typeof input.receivedAt === 'string') input.receivedAt = new Date(input.receivedAt);
    data = await renderDocument(content.kind as RenderableKind, input as never, 'zh-CN');
    const stored = await deps.files.put(data, 'documents');
    await tx
      .update(issuedDocuments)
      .set({ storageKey: stored.key, sha256: stored.sha256, sizeBytes: stored.sizeBytes })
      .where(eq(issuedDocuments.id, doc.id));
  }
  await recordAudit(tx, { cipher: deps.cipher, at: deps.clock.now() }, origin, {
    action: 'application.document_read',
    entityType: 'applications',
    entityId: applicationId,
    changes: { document: { after: { id: doc.id, kind: doc.kind, number: doc.number } } },
  });
  return { number: doc.number, kind: doc.kind, data };
}
