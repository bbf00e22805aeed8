import type { FastifyContextConfig, FastifyInstance } from 'fastify';
import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { attachments } from '../../db/schema/index.ts';
import type { Actor, AppDeps, RequestOrigin } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { recordAudit } from '../../platform/audit/audit-log.ts';
import { sha256Of } from '../../platform/storage/file-store.ts';
import { findApplication } from './applications.repository.ts';
import { lockedApplication } from './supplement.ts';

export type AttachmentRow = typeof attachments.$inferSelect;

export const ATTACHMENT_MAX_BYTES = 20 * 1024 * 1024;

const OLE = [0xd0, 0xcf, 0x11, 0xe0];
const ZIP = [0x50, 0x4b, 0x03, 0x04];
/** Accepted types and the first bytes each must start with: a renamed file is refused. */
export const ATTACHMENT_TYPES: Record<string, number[]> = {
  'application/pdf': [0x25, 0x50, 0x44, 0x46], // %PDF
  'image/jpeg': [0xff, 0xd8, 0xff],
  'image/png': [0x89, 0x50, 0x4e, 0x47],
  'application/msword': OLE,
  'application/vnd.ms-excel': OLE,
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': ZIP,
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': ZIP,
};

export function checkAttachment(contentType: string, data: Buffer): void {
  const magic = ATTACHMENT_TYPES[contentType];
  if (!magic) throw new AppError('ATTACHMENT_TYPE_NOT_ALLOWED', { contentType });
  if (data.length === 0) throw new AppError('ATTACHMENT_EMPTY');
  if (data.length > ATTACHMENT_MAX_BYTES)
    throw new AppError('ATTACHMENT_TOO_LARGE', { maxBytes: ATTACHMENT_MAX_BYTES });
  if (!magic.every((byte, i) => data[i] === byte))
    throw new AppError('ATTACHMENT_TYPE_NOT_ALLOWED', {
      contentType,
      reason: 'content does not match the type',
    });
}

/** Stores a file for an application (the bytes first, then the row; a failed row leaves an orphan file, never a row without one). */
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
  checkAttachment(input.contentType, input.data);
  const stored = await deps.files.put(input.data, 'attachments');
  const now = deps.clock.now();
  const row = {
    id: randomUUID(),
    applicationId: id,
    materialCode: input.materialCode ?? null,
    fileName: input.fileName,
    contentType: input.contentType,
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
 * materials: the body must be bytes, the type is checked against the magic bytes by `store`, and
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
  const contentType = (request.headers['content-type'] ?? '').split(';')[0]?.trim() ?? '';
  const row = await deps.db.transaction((tx) =>
    store(
      deps,
      tx,
      actor,
      request.params.id,
      { fileName: request.query.name, contentType, materialCode: request.query.material, data: body },
      origin,
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
