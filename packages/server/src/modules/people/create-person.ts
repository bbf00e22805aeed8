import { randomUUID } from 'node:crypto';
import { beijingDateOf } from '@fayuan/domain';
import type { Tx } from '../../db/client.ts';
import { and, arrayContains, eq } from 'drizzle-orm';
import { persons, staffAlerts, users } from '../../db/schema/index.ts';
import { isUniqueViolation } from '../../db/pg-errors.ts';
import type { Actor, AppDeps, RequestOrigin } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { recordAudit, type Changes } from '../../platform/audit/audit-log.ts';
import { findOrganisation } from '../organisations/organisations.repository.ts';
import { normaliseFields, toColumns, type PersonFields } from './person-fields.ts';
import { canUnmask, findIdNumberHolder, findSimilarPeople, presentPerson } from './people.repository.ts';
import type { CreatePersonInput } from './people.schemas.ts';

/**
 * Registers an applicant or aid recipient. The same identity number is one person city-wide: a
 * second registration answers 409, naming the existing record only when the caller may see it.
 */
export async function createPerson(
  deps: AppDeps,
  tx: Tx,
  actor: Actor,
  input: CreatePersonInput,
  origin: RequestOrigin,
) {
  const owner = await findOrganisation(tx, actor.scope, input.ownerOrgId ?? actor.organisationId);
  if (!owner) throw new AppError('NOT_FOUND', { field: 'ownerOrgId' });
  const now = deps.clock.now();
  const fields = normaliseFields(
    {
      name: input.name,
      documentType: input.documentType,
      idNumber: input.idNumber ?? null,
      birthDate: input.birthDate ?? null,
      sex: input.sex ?? null,
      phone: input.phone ?? null,
      address: input.address ?? null,
      categories: input.categories,
      householdMembers: input.householdMembers,
      representativeName: input.representative?.name ?? null,
      representativeRole: input.representative?.role ?? null,
      representativeRelation: input.representative?.relation ?? null,
      representativePhone: input.representative?.phone ?? null,
    },
    beijingDateOf(now),
    { birthDate: input.birthDate !== undefined, sex: input.sex !== undefined },
  );
  const columns = toColumns(deps.cipher, fields);
  if (columns.idNumberHash) await assertNotRegistered(deps, tx, actor, origin, columns.idNumberHash);
  const warnings = await findSimilarPeople(tx, actor.scope, {
    name: fields.name,
    birthDate: fields.birthDate,
    phoneHash: columns.phoneHash,
  });
  const row = {
    id: randomUUID(),
    ownerOrgId: owner.id,
    ...columns,
    createdBy: actor.userId,
    createdAt: now,
    updatedAt: now,
  };
  try {
    await tx.insert(persons).values(row);
  } catch (error) {
    // A concurrent registration of the same number won the race: the guard's answer, without details.
    if (isUniqueViolation(error, 'persons_id_number_hash_idx')) throw new AppError('PERSON_DUPLICATE');
    throw error;
  }
  await recordAudit(tx, { cipher: deps.cipher, at: now }, origin, {
    action: 'person.create',
    entityType: 'persons',
    entityId: row.id,
    changes: { ownerOrgId: { after: owner.id }, ...creationChanges(fields) },
  });
  return {
    ...presentPerson({ person: row, ownerOrgName: owner.name }, deps.cipher, canUnmask(actor)),
    warnings,
  };
}

/**
 * The duplicate guard. A holder in the caller's scope is named (409 PERSON_DUPLICATE with its id).
 * A holder elsewhere is not even hinted at: 409 PERSON_DUPLICATE_ELSEWHERE says nothing of the
 * record, while the attempt is audited and the bureau's supervisors are alerted. Those two rows are
 * committed on their own, since the request itself fails and changes nothing.
 */
export async function assertNotRegistered(
  deps: AppDeps,
  tx: Tx,
  actor: Actor,
  origin: RequestOrigin,
  idNumberHash: Buffer,
  exceptId?: string,
) {
  const holder = await findIdNumberHolder(tx, actor.scope, idNumberHash);
  if (!holder || holder.id === exceptId) return;
  if (holder.inScope) throw new AppError('PERSON_DUPLICATE', { personId: holder.id });
  await reportDuplicateElsewhere(deps, actor, origin, holder.id);
  throw new AppError('PERSON_DUPLICATE_ELSEWHERE');
}

async function reportDuplicateElsewhere(
  deps: AppDeps,
  actor: Actor,
  origin: RequestOrigin,
  holderId: string,
) {
  const now = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    await recordAudit(tx, { cipher: deps.cipher, at: now }, origin, {
      action: 'person.duplicate_elsewhere',
      entityType: 'persons',
      entityId: holderId,
    });
    const supervisors = await tx
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.status, 'active'), arrayContains(users.roles, ['supervisor'])));
    if (supervisors.length === 0) return;
    await tx.insert(staffAlerts).values(
      supervisors.map((supervisor) => ({
        id: randomUUID(),
        userId: supervisor.id,
        organisationId: actor.organisationId,
        applicationId: null,
        kind: 'duplicate_elsewhere' as const,
        period: null,
        dueAt: now,
        createdAt: now,
      })),
    );
  });
}

function creationChanges(fields: PersonFields): Changes {
  const changes: Changes = {};
  for (const [field, value] of Object.entries(fields))
    if (value !== null && !(Array.isArray(value) && value.length === 0)) changes[field] = { after: value };
  return changes;
}
