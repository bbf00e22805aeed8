import { randomUUID } from 'node:crypto';
import { beijingDateOf, compareDates, type LocalDate } from '@fayuan/domain';
import type { Tx } from '../../db/client.ts';
import { handlerTraining } from '../../db/schema/index.ts';
import type { Actor, AppDeps, RequestOrigin } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { recordAudit } from '../../platform/audit/audit-log.ts';
import { findHandler } from './handlers.repository.ts';
import type { TrainingInput } from './handlers.schemas.ts';

/** Records a training a handler attended (title, hours, date, provider); hours add up on the record. */
export async function recordTraining(
  deps: AppDeps,
  tx: Tx,
  actor: Actor,
  handlerId: string,
  input: TrainingInput,
  origin: RequestOrigin,
) {
  const handler = await findHandler(tx, actor.scope, handlerId);
  if (!handler) throw new AppError('NOT_FOUND');
  const now = deps.clock.now();
  if (compareDates(input.heldOn as LocalDate, beijingDateOf(now)) > 0)
    throw new AppError('HANDLER_DATES_INVALID', { field: 'heldOn' });
  const row = { id: randomUUID(), handlerId, ...input, createdAt: now };
  await tx.insert(handlerTraining).values(row);
  await recordAudit(tx, { cipher: deps.cipher, at: now }, origin, {
    action: 'handler.training_add',
    entityType: 'handlers',
    entityId: handlerId,
    changes: {
      trainingTitle: { after: input.title },
      trainingHours: { after: input.hours },
      trainingDate: { after: input.heldOn },
    },
  });
  return { id: row.id, title: row.title, hours: row.hours, heldOn: row.heldOn, provider: row.provider };
}
