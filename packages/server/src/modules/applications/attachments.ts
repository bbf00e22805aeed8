import type { FastifyContextConfig, FastifyInstance } from 'fastify';
import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { attachments } from '../../db/schema/index.ts';
import type { Actor, AppDeps, RequestOrigin } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { recordAudit } from '../../platform/audit/audit-log.ts';
import { fileTypeFromBuffer } from 'file-type';
import { sha256Of, withFileCleanup } from '../../platform/storage/file-store.ts';
import { findApplication } from './applications.repository.ts';
import { lockedApplication } from './supplement.ts';

export type AttachmentRow = typeof attachments.$inferSelect;

export const ATTACHMENT_MAX_BYTES = 20 * 1024 * 1024;

/**
 * Accepted declared types (lower case) and what `file-type` may find in the bytes for each: a
 * renamed file, or content that is not what it says, is refused. Word and Excel 97–2003 files are
 * OLE compound files (`application/x-cfb`); an Office Open XML file is a ZIP with the right parts.
 */
export const ATTACHMENT_TYPES: Record<string, readonly string[]> = {
  'application/pdf': ['application/pdf'],
  'image/jpeg': ['image/jpeg'],
  'image/png': ['image/png'],
  // Photos from a phone's camera (iPhones save HEIC): the portal takes them as they are (issue 14).
  'image/heic': ['image/heic', 'image/heif'],
  'image/heif': ['image/heif', 'image/heic'],
  'application/msword': ['application/x-cfb', 'application/msword'],
  'application/vnd.ms-excel': ['application/x-cfb', 'application/vnd.ms-excel'],
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': [
    'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  ],
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': [
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  ],
};

/** A declared content type as compared: without parameters, lower case (`image/JPEG` is `image/jpeg`). */
export function declaredType(header: string | undefined): string {
  return (header ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
}

/** Markup a browser would run if it sniffed the file as a page: a PDF must not carry any. */
const MARKUP = /<\s*(!doctype\s+html|html|head|body|script|iframe)[\s>/]/i;

/** A PDF ends with its end-of-file marker (trailing line breaks or spaces allowed). */
const PDF_END = /%%EOF[\s\0]*$/;

export async function checkAttachment(contentType: string, data: Buffer): Promise<void> {
  const type = contentType.toLowerCase();
  const expected = ATTACHMENT_TYPES[type];
  if (!expected) throw new AppError('ATTACHMENT_TYPE_NOT_ALLOWED', { contentType });
  if (data.length === 0) throw new AppError('ATTACHMENT_EMPTY');
  if (data.length > ATTACHMENT_MAX_BYTES)
    throw new AppError('ATTACHMENT_TOO_LARGE', { maxBytes: ATTACHMENT_MAX_BYTES });
  const found = await fileTypeFromBuffer(data);
  const mismatch = (detected: string | null) =>
    new AppError('ATTACHMENT_CONTENT_MISMATCH', { contentType: type, detected });
  if (!found || !expected.includes(found.mime)) throw mismatch(found?.mime ?? null);
  if (type === 'application/pdf') {
    // file-type looks at the first bytes only; a "PDF" that is a web page after its header is not one.
    const text = data.toString('latin1');
    if (!PDF_END.test(text.slice(-1024)) || MARKUP.test(text)) throw mismatch('text/html');
  }
}

/**
 * Stores a file for an application. Call it inside `withFileCleanup` (as `receiveUpload` does): the
 * bytes are written before the row, and a failed row or transaction deletes them again.
 */
export async function addAttachment(
  deps: AppDeps,
  tx: Tx,
  actor: Actor,
  id: string,
  input: AttachmentInput,
  origin: RequestOrigin,
) {
  await lockedApplication(tx, actor, id);
  return storeAttachment(deps, tx, actor, id, input, origin);
}

export interface AttachmentInput {
  fileName: string;
  contentType: string;
  materialCode?: string | undefined;
  data: Buffer;
}

/**
 * Checks and stores a file for a case the caller has already reached (and locked) through its
 * own access rule: the application staff's scope, or the handler's own case (casework).
 */
export async function storeAttachment(
  deps: AppDeps,
  tx: Tx,
  actor: Actor,
  id: string,
  input: AttachmentInput,
  origin: RequestOrigin,
) {
  await checkAttachment(input.contentType, input.data);
  const stored = await deps.files.put(input.data, 'attachments');
  const now = deps.clock.now();
  const row = {
    id: randomUUID(),
    applicationId: id,
    materialCode: input.materialCode ?? null,
    fileName: input.fileName,
    contentType: input.contentType.toLowerCase(),
    sizeBytes: stored.sizeBytes,
    sha256: stored.sha256,
    storageKey: stored.key,
    uploadedBy: actor.userId,
    uploadedAt: now,
  };
  await tx.insert(attachments).values(row);
  await recordAudit(tx, { cipher: deps.cipher, at: now }, origin, {
    action: 'application.attachment_added',
    entityType: 'applications',
    entityId: id,
    changes: {
      attachment: {
        after: {
          id: row.id,
          fileName: row.fileName,
          sizeBytes: row.sizeBytes,
          sha256: row.sha256,
          materialCode: row.materialCode,
        },
      },
    },
  });
  return row;
}

/** Reads an attachment back, checking its checksum, and audits the download. */
export async function readAttachment(
  deps: AppDeps,
  tx: Tx,
  actor: Actor,
  id: string,
  attachmentId: string,
  origin: RequestOrigin,
) {
  const app = await findApplication(tx, actor.scope, id);
  if (!app) throw new AppError('NOT_FOUND');
  const [row] = await tx
    .select()
    .from(attachments)
    .where(and(eq(attachments.id, attachmentId), eq(attachments.applicationId, id)));
  if (!row) throw new AppError('NOT_FOUND');
  return attachmentFile(deps, tx, row, origin);
}

/** The bytes of an attachment row the caller may read, checksum verified; the download is audited. */
export async function attachmentFile(deps: AppDeps, tx: Tx, row: AttachmentRow, origin: RequestOrigin) {
  const data = await deps.files.get(row.storageKey);
  if (sha256Of(data) !== row.sha256) throw new Error(`attachment ${row.id} fails its checksum`);
  await recordAudit(tx, { cipher: deps.cipher, at: deps.clock.now() }, origin, {
    action: 'application.attachment_read',
    entityType: 'applications',
    entityId: row.applicationId,
    changes: { attachment: { after: { id: row.id, fileName: row.fileName } } },
  });
  return { row, data };
}

/** The upload routes' request: the raw bytes as the body, the name and material code in the query. */
export interface UploadRequest {
  body: unknown;
  headers: { 'content-type'?: string | undefined };
  params: { id: string };
  query: { name: string; material?: string | undefined };
}

type StoreUpload = (
  deps: AppDeps,
  tx: Tx,
  actor: Actor,
  id: string,
  input: AttachmentInput,
  origin: RequestOrigin,
) => Promise<AttachmentRow>;

/**
 * Takes an upload in from its route, for the window (`addAttachment`) or the handler's closing
 * materials: the body must be bytes, the type is checked against the content by `store`, and
 * the answer names who uploaded it.
 */
export async function receiveUpload(
  deps: AppDeps,
  request: UploadRequest,
  actor: Actor,
  origin: RequestOrigin,
  store: StoreUpload,
) {
  const body = request.body;
  if (!Buffer.isBuffer(body)) throw new AppError('ATTACHMENT_TYPE_NOT_ALLOWED');
  const contentType = declaredType(request.headers['content-type']);
  // The file is written inside the transaction; if anything fails up to the commit it is deleted.
  const row = await withFileCleanup(deps.files, (files) =>
    deps.db.transaction((tx) =>
      store(
        { ...deps, files },
        tx,
        actor,
        request.params.id,
        { fileName: request.query.name, contentType, materialCode: request.query.material, data: body },
        origin,
      ),
    ),
  );
  return {
    ...row,
    uploadedBy: { id: actor.userId, displayName: actor.displayName },
    uploadedAt: row.uploadedAt.toISOString(),
  };
}

/**
 * Attachments arrive as the raw file body with their own content type (no multipart parsing):
 * every route plugin that takes uploads registers this parser in its own scope.
 */
/** How an upload route declares itself (the OpenAPI document describes its raw file body). */
export const UPLOAD_CONFIG = {
  upload: Object.keys(ATTACHMENT_TYPES),
  errors: ['ATTACHMENT_TYPE_NOT_ALLOWED', 'ATTACHMENT_EMPTY', 'ATTACHMENT_TOO_LARGE'],
} as const satisfies Pick<FastifyContextConfig, 'upload' | 'errors'>;

export function acceptRawFiles(app: FastifyInstance): void {
  app.addContentTypeParser(
    Object.keys(ATTACHMENT_TYPES),
    { parseAs: 'buffer', bodyLimit: ATTACHMENT_MAX_BYTES },
    (_request, body, done) => done(null, body),
  );
}
