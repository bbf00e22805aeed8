import type { Tx } from '../../db/client.ts';
import type { Actor, AppDeps, RequestOrigin } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { storeAttachment } from '../applications/attachments.ts';

/** A PDF a partner sends inline with a notice or a forwarded application. */
export interface InlineAttachment {
  fileName: string;
  contentType: 'application/pdf';
  contentBase64: string;
}

/**
 * Stores a partner's inline PDFs on the case as its attachments: each is checked to really be a
 * PDF by its content and its size (attachments.ts), encrypted in the file store and audited. The
 * caller runs inside `withFileCleanup`, so a refusal later in the request deletes the files again.
 * A refusal names the attachment (`attachments.<n>.contentBase64`).
 */
export async function storeInlineAttachments(
  deps: AppDeps,
  tx: Tx,
  actor: Actor,
  applicationId: string,
  list: readonly InlineAttachment[] | undefined,
  origin: RequestOrigin,
): Promise<void> {
  for (const [index, file] of (list ?? []).entries()) {
    try {
      await storeAttachment(
        deps,
        tx,
        actor,
        applicationId,
        {
          fileName: file.fileName,
          contentType: file.contentType,
          data: Buffer.from(file.contentBase64, 'base64'),
        },
        origin,
      );
    } catch (error) {
      if (error instanceof AppError)
        throw new AppError(error.code, {
          ...(error.details as object),
          field: `attachments.${index}.contentBase64`,
        });
      throw error;
    }
  }
}
