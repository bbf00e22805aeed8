import { randomUUID } from 'node:crypto';
import { beijingDateOf } from '@fayuan/domain';
import type { Tx } from '../../db/client.ts';
import { persons } from '../../db/schema/index.ts';
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
 * second registration answers 409 naming the existing record only when the caller may see it.
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
  if (columns.idNumberHash) await assertNotRegistered(tx, actor, columns.idNumberHash);
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
  return { ...presentPerson({ person: row, ownerOrgName: owner.name }, deps.cipher, canUnmask(actor)), warnings };
}

export async function assertNotRegistered(tx: Tx, actor: Actor, idNumberHash: Buffer, exceptId?: string) {
  const holder = await findIdNumberHolder(tx, actor.scope, idNumberHash);
  if (!holder || holder.id === exceptId) return;
  throw new AppError('PERSON_DUPLICATE', holder.inScope ? { personId: holder.id } : undefined);
}

function creationChanges(fields: PersonFields): Changes {
  const changes: Changes = {};
  for (const [field, value] of Object.entries(fields))
    if (value !== null && !(Array.isArray(value) && value.length === 0)) changes[field] = { after: value };
  return changes;
}
