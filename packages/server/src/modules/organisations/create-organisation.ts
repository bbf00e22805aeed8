import { randomUUID } from 'node:crypto';
import { childPath } from '@fayuan/domain';
import type { Tx } from '../../db/client.ts';
import { organisations } from '../../db/schema/index.ts';
import type { Actor, AppDeps, RequestOrigin } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { recordAudit } from '../../platform/audit/audit-log.ts';
import { isUniqueViolation } from '../../db/pg-errors.ts';
import { activeKindExists, findOrganisation, presentOrganisation } from './organisations.repository.ts';
import type { createOrganisationBody } from './organisations.schemas.ts';
import type { z } from 'zod';

/** Adds an organisation under a parent within the actor's own subtree. */
export async function createOrganisation(
  deps: AppDeps,
  tx: Tx,
  actor: Actor,
  input: z.infer<typeof createOrganisationBody>,
  origin: RequestOrigin,
) {
  const parent = await findOrganisation(tx, actor.scope, input.parentId);
  if (!parent) throw new AppError('NOT_FOUND', { field: 'parentId' });
  if (!(await activeKindExists(tx, input.kind))) throw new AppError('ORGANISATION_KIND_UNKNOWN');
  const id = randomUUID();
  const now = deps.clock.now();
  const row = {
    id,
    parentId: parent.id,
    code: input.code,
    name: input.name,
    kind: input.kind,
    regionCode: input.regionCode ?? parent.regionCode,
    address: input.address ?? null,
    phone: input.phone ?? null,
    officeHours: input.officeHours ?? null,
    path: childPath(parent.path, id),
    createdAt: now,
    updatedAt: now,
  };
  try {
    await tx.insert(organisations).values(row);
  } catch (error) {
    if (isUniqueViolation(error, 'organisations_code_unique')) throw new AppError('ORGANISATION_CODE_TAKEN');
    throw error;
  }
  await recordAudit(tx, { cipher: deps.cipher, at: now }, origin, {
    action: 'organisation.create',
    entityType: 'organisations',
    entityId: id,
    changes: Object.fromEntries(Object.entries({ ...input }).map(([field, after]) => [field, { after }])),
  });
  return presentOrganisation({ ...row, active: true });
}
