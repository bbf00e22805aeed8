import type { z } from 'zod';
import { organisationKinds } from '../../db/schema/index.ts';
import type { Tx } from '../../db/client.ts';
import type { AppDeps, RequestOrigin } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { diff, recordAudit } from '../../platform/audit/audit-log.ts';
import { isUniqueViolation } from '../../db/pg-errors.ts';
import type { createOrganisationKindBody, updateOrganisationKindBody } from './organisations.schemas.ts';
import { eq } from 'drizzle-orm';

export async function createOrganisationKind(
  deps: AppDeps,
  tx: Tx,
  input: z.infer<typeof createOrganisationKindBody>,
  origin: RequestOrigin,
) {
  const now = deps.clock.now();
  const row = { ...input, sortOrder: input.sortOrder ?? 50, active: true, createdAt: now };
  try {
    await tx.insert(organisationKinds).values(row);
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError('ORGANISATION_KIND_TAKEN');
    throw error;
  }
  await recordAudit(tx, { cipher: deps.cipher, at: now }, origin, {
    action: 'organisation_kind.create',
    entityType: 'organisation_kinds',
    entityId: input.code,
    changes: { nameZh: { after: input.nameZh }, nameEn: { after: input.nameEn } },
  });
  return { code: row.code, nameZh: row.nameZh, nameEn: row.nameEn, active: true, sortOrder: row.sortOrder };
}

/** Renames, re-orders or (de)activates a kind; a deactivated kind is refused for new organisations. */
export async function updateOrganisationKind(
  deps: AppDeps,
  code: string,
  input: z.infer<typeof updateOrganisationKindBody>,
  origin: RequestOrigin,
) {
  return deps.db.transaction(async (tx) => {
    const [current] = await tx
      .select()
      .from(organisationKinds)
      .where(eq(organisationKinds.code, code))
      .for('update');
    if (!current) throw new AppError('NOT_FOUND');
    // Every field is optional, so `{}` is a valid request that changes nothing: answer the kind as
    // it is (an UPDATE with nothing to set is not SQL, and was a 500).
    if (Object.keys(input).length === 0) return presentKind(current);
    const changes = diff(current, input);
    const [updated] = await tx
      .update(organisationKinds)
      .set(input)
      .where(eq(organisationKinds.code, code))
      .returning();
    if (Object.keys(changes).length > 0)
      await recordAudit(tx, { cipher: deps.cipher, at: deps.clock.now() }, origin, {
        action: 'organisation_kind.update',
        entityType: 'organisation_kinds',
        entityId: code,
        changes,
      });
    return presentKind(updated ?? current);
  });
}

function presentKind(row: typeof organisationKinds.$inferSelect) {
  return {
    code: row.code,
    nameZh: row.nameZh,
    nameEn: row.nameEn,
    active: row.active,
    sortOrder: row.sortOrder,
  };
}
