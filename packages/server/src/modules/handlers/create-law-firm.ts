import { randomUUID } from 'node:crypto';
import type { Tx } from '../../db/client.ts';
import { lawFirms } from '../../db/schema/index.ts';
import { isUniqueViolation } from '../../db/pg-errors.ts';
import type { AppDeps, RequestOrigin } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { recordAudit, type Changes } from '../../platform/audit/audit-log.ts';
import { presentLawFirm } from './law-firms.repository.ts';
import type { CreateLawFirmInput } from './handlers.schemas.ts';

/** Registers a law firm; its licence number names one firm city-wide (LAW_FIRM_LICENCE_TAKEN). */
export async function createLawFirm(deps: AppDeps, tx: Tx, input: CreateLawFirmInput, origin: RequestOrigin) {
  const now = deps.clock.now();
  const row = {
    id: randomUUID(),
    ...input,
    licenceNumber: input.licenceNumber.replace(/\s+/g, ''),
    status: 'active' as const,
    createdAt: now,
    updatedAt: now,
  };
  try {
    await tx.insert(lawFirms).values(row);
  } catch (error) {
    if (isUniqueViolation(error, 'law_firms_licence_idx'))
      throw new AppError('LAW_FIRM_LICENCE_TAKEN', { field: 'licenceNumber' });
    throw error;
  }
  const changes: Changes = {};
  for (const [field, value] of Object.entries(input)) if (value !== null) changes[field] = { after: value };
  await recordAudit(tx, { cipher: deps.cipher, at: now }, origin, {
    action: 'law_firm.create',
    entityType: 'law_firms',
    entityId: row.id,
    changes,
  });
  return presentLawFirm({ firm: row, handlerCount: 0 });
}
