import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { beijingDateOf, type Sex } from '@fayuan/domain';
import type { Tx } from '../../db/client.ts';
import { persons } from '../../db/schema/index.ts';
import type { Actor, AppDeps, RequestOrigin } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { recordAudit } from '../../platform/audit/audit-log.ts';
import { normaliseFields, toColumns } from '../people/person-fields.ts';

/** A defendant or applicant as an organ or the window names them on paper. */
export interface NamedPerson {
  name: string;
  idNumber?: string | undefined;
  sex?: Sex | undefined;
  birthDate?: string | undefined;
}

/**
 * Finds the person of a notice or a forwarded application in the registry, or registers them.
 * With a resident identity number (checked against GB 11643; a bad one answers ID_NUMBER_INVALID
 * on `<field>.idNumber`) the person is matched by its lookup hash city-wide, since the registry
 * holds one record per number: a notice from an organ is the centre's authority to act for that
 * person, whichever district registered them first. The registry's record is kept as it is; a
 * different name is reported (`nameDiffers`) and flagged on the timeline, never overwritten.
 * Without a number a new record is registered in the deciding centre (no guess by name).
 */
export async function matchOrRegister(
  deps: AppDeps,
  tx: Tx,
  actor: Actor,
  ownerOrgId: string,
  given: NamedPerson,
  origin: RequestOrigin,
  field: string,
): Promise<{ id: string; matched: boolean; nameDiffers: boolean }> {
  const now = deps.clock.now();
  let fields;
  try {
    fields = normaliseFields(
      {
        name: given.name,
        documentType: 'resident_id',
        idNumber: given.idNumber ?? null,
        birthDate: given.birthDate ?? null,
        sex: given.sex ?? null,
        phone: null,
        address: null,
        categories: [],
        householdMembers: [],
        representativeName: null,
        representativeRole: null,
        representativeRelation: null,
        representativePhone: null,
      },
      beijingDateOf(now),
      { birthDate: given.birthDate !== undefined, sex: given.sex !== undefined },
    );
  } catch (error) {
    if (
      error instanceof AppError &&
      (error.code === 'ID_NUMBER_INVALID' || error.code === 'ID_NUMBER_MISMATCH')
    )
      throw new AppError(error.code, { ...(error.details as object), field: `${field}.idNumber` });
    throw error;
  }
  // Without a number the document type says nothing; the window completes it on the person's page.
  if (fields.idNumber === null) fields.documentType = 'other';
  const columns = toColumns(deps.cipher, fields);
  if (columns.idNumberHash) {
    const [holder] = await tx
      .select({ id: persons.id, name: persons.name })
      .from(persons)
      .where(eq(persons.idNumberHash, columns.idNumberHash))
      .for('update');
    if (holder) return { id: holder.id, matched: true, nameDiffers: holder.name !== fields.name };
  }
  const id = randomUUID();
  await tx.insert(persons).values({
    id,
    ownerOrgId,
    ...columns,
    createdBy: actor.userId,
    createdAt: now,
    updatedAt: now,
  });
  await recordAudit(tx, { cipher: deps.cipher, at: now }, origin, {
    action: 'person.create',
    entityType: 'persons',
    entityId: id,
    changes: { ownerOrgId: { after: ownerOrgId }, name: { after: fields.name } },
  });
  return { id, matched: false, nameDiffers: false };
}
