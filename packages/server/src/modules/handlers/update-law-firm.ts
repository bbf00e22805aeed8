import { eq } from 'drizzle-orm';
import { lawFirms } from '../../db/schema/index.ts';
import { isUniqueViolation } from '../../db/pg-errors.ts';
import type { AppDeps, RequestOrigin } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { diff, recordAudit } from '../../platform/audit/audit-log.ts';
import { findLawFirm, presentLawFirm } from './law-firms.repository.ts';
import type { UpdateLawFirmInput } from './handlers.schemas.ts';

/** Edits a firm, or marks it inactive (closed or no longer taking legal aid cases). */
export async function updateLawFirm(
  deps: AppDeps,
  id: string,
  input: UpdateLawFirmInput,
  origin: RequestOrigin,
) {
  return deps.db.transaction(async (tx) => {
    const current = await findLawFirm(tx, id, true);
    if (!current) throw new AppError('NOT_FOUND');
    const f = current.firm;
    const requested = {
      ...input,
      ...(input.licenceNumber !== undefined
        ? { licenceNumber: input.licenceNumber.replace(/\s+/g, '') }
        : {}),
    };
    const before = {
      name: f.name,
      licenceNumber: f.licenceNumber,
      regionCode: f.regionCode,
      address: f.address,
      phone: f.phone,
      status: f.status,
    };
    const changes = diff(before, requested);
    if (Object.keys(changes).length === 0) return presentLawFirm(current);
    const now = deps.clock.now();
    let updated;
    try {
      [updated] = await tx
        .update(lawFirms)
        .set({ ...requested, updatedAt: now })
        .where(eq(lawFirms.id, id))
        .returning();
    } catch (error) {
      if (isUniqueViolation(error, 'law_firms_licence_idx'))
        throw new AppError('LAW_FIRM_LICENCE_TAKEN', { field: 'licenceNumber' });
      throw error;
    }
    await recordAudit(tx, { cipher: deps.cipher, at: now }, origin, {
      action: 'law_firm.update',
      entityType: 'law_firms',
      entityId: id,
      changes,
    });
    return presentLawFirm({ firm: updated ?? f, handlerCount: current.handlerCount });
  });
}
