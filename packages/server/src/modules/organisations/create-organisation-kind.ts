import type { z } from 'zod';
import { organisationKinds } from '../../db/schema/index.ts';
import type { Tx } from '../../db/client.ts';
import type { AppDeps, RequestOrigin } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { recordAudit } from '../../platform/audit/audit-log.ts';
import { isUniqueViolation } from '../../db/pg-errors.ts';
import type { createOrganisationKindBody } from './organisations.schemas.ts';

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
