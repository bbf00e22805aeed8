import { and, eq } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { attachments } from '../../db/schema/index.ts';
import type { Actor, AppDeps, RequestOrigin } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { attachmentFile, storeAttachment, type AttachmentInput } from '../applications/attachments.ts';
import { ownCase, readableCase } from './case-access.ts';
import { assertListedMaterial, closingMaterialsOf } from './closing-materials.ts';

/** While the handler may still hand in closing materials: at work, or after a termination (work done). */
const UPLOAD_STATES = new Set(['in_progress', 'terminated']);

/**
 * The assigned handler uploads a closing material (LAL art.50) to their own case — never through
 * the centre's scope, so another handler's case is a 404. The file is checked and stored as every
 * attachment is; it carries the material's code from the case's `closing_material` list.
 */
export async function addClosingAttachment(
  deps: AppDeps,
  tx: Tx,
  actor: Actor,
  id: string,
  input: AttachmentInput,
  origin: RequestOrigin,
) {
  const { app } = await ownCase(tx, actor, id, true);
  if (!UPLOAD_STATES.has(app.state)) throw new AppError('APPLICATION_STATE_CONFLICT', { state: app.state });
  // The route's query requires the code; a file handed in at closing is always one material.
  assertListedMaterial(await closingMaterialsOf(tx, app, deps.clock.now()), input.materialCode ?? '');
  return storeAttachment(deps, tx, actor, id, input, origin);
}

/**
 * Downloads a case file from the casework pages (audited, checksum verified). Centre staff in scope
 * read any attachment; the handler only the closing materials, not the applicant's own papers.
 */
export async function readCaseAttachment(
  deps: AppDeps,
  tx: Tx,
  actor: Actor,
  id: string,
  attachmentId: string,
  origin: RequestOrigin,
) {
  const { app, handlerId } = await readableCase(tx, actor, id);
  const [row] = await tx
    .select()
    .from(attachments)
    .where(and(eq(attachments.id, attachmentId), eq(attachments.applicationId, id)));
  if (!row) throw new AppError('NOT_FOUND');
  if (handlerId !== null) {
    const listed = (await closingMaterialsOf(tx, app, deps.clock.now())).materials;
    if (!listed.some((m) => m.code === row.materialCode)) throw new AppError('NOT_FOUND');
  }
  return attachmentFile(deps, tx, row, origin);
}
