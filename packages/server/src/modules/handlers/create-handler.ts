import { randomUUID } from 'node:crypto';
import { beijingDateOf, compareDates, type LocalDate } from '@fayuan/domain';
import type { Tx } from '../../db/client.ts';
import { handlers, handlerStatusEvents } from '../../db/schema/index.ts';
import { isUniqueViolation } from '../../db/pg-errors.ts';
import type { Actor, AppDeps, RequestOrigin } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { recordAudit, type Changes } from '../../platform/audit/audit-log.ts';
import { checkFields, toColumns, type HandlerFields } from './handler-fields.ts';
import { findHandler, presentHandlerDetail } from './handlers.repository.ts';
import type { CreateHandlerInput } from './handlers.schemas.ts';

/**
 * Registers a handler's application to join the pool (准入申请): the record starts as `applying`
 * with the application as the first entry of its admission history; a director approves it later.
 */
export async function createHandler(
  deps: AppDeps,
  tx: Tx,
  actor: Actor,
  input: CreateHandlerInput,
  origin: RequestOrigin,
) {
  const now = deps.clock.now();
  const today = beijingDateOf(now);
  const appliedOn = (input.appliedOn ?? today) as LocalDate;
  if (compareDates(appliedOn, today) > 0) throw new AppError('HANDLER_DATES_INVALID', { field: 'appliedOn' });
  const { appliedOn: _appliedOn, applicationNote, organisationId, ...rest } = input;
  const requested: HandlerFields = { ...rest, organisationId: organisationId ?? actor.organisationId };
  const fields = await checkFields(
    tx,
    actor,
    requested,
    new Set(Object.keys(requested) as (keyof HandlerFields)[]),
    today,
  );
  const id = randomUUID();
  try {
    await tx.insert(handlers).values({
      id,
      ...toColumns(deps.cipher, fields),
      status: 'applying',
      statusReason: applicationNote || null,
      statusSince: appliedOn,
      version: 1,
      createdBy: actor.userId,
      createdAt: now,
      updatedAt: now,
    });
  } catch (error) {
    throw uniqueError(error) ?? error;
  }
  await tx.insert(handlerStatusEvents).values({
    id: randomUUID(),
    handlerId: id,
    fromStatus: null,
    toStatus: 'applying',
    reason: applicationNote ?? '',
    effectiveOn: appliedOn,
    byUserId: actor.userId,
    at: now,
  });
  const changes: Changes = { status: { after: 'applying' } };
  for (const [field, value] of Object.entries(fields))
    if (value !== null && !(Array.isArray(value) && value.length === 0)) changes[field] = { after: value };
  await recordAudit(tx, { cipher: deps.cipher, at: now }, origin, {
    action: 'handler.create',
    entityType: 'handlers',
    entityId: id,
    changes,
  });
  const row = await findHandler(tx, actor.scope, id);
  if (!row) throw new AppError('NOT_FOUND');
  return presentHandlerDetail(tx, row, deps.cipher, today);
}

/** The stable code for a licence number or login already held by another handler. */
export function uniqueError(error: unknown): AppError | undefined {
  if (isUniqueViolation(error, 'handlers_licence_idx'))
    return new AppError('HANDLER_LICENCE_TAKEN', { field: 'licenceNumber' });
  if (isUniqueViolation(error, 'handlers_user_idx'))
    return new AppError('HANDLER_USER_TAKEN', { field: 'userId' });
  return undefined;
}
