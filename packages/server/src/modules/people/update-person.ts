import { eq } from 'drizzle-orm';
import { beijingDateOf } from '@fayuan/domain';
import { persons } from '../../db/schema/index.ts';
import { isUniqueViolation } from '../../db/pg-errors.ts';
import type { Actor, AppDeps, RequestOrigin } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { diff, recordAudit } from '../../platform/audit/audit-log.ts';
import { fieldsOf, normaliseFields, toColumns, type PersonFields } from './person-fields.ts';
import { canUnmask, findPerson, findSimilarPeople, presentPerson } from './people.repository.ts';
import { assertNotRegistered } from './create-person.ts';
import type { UpdatePersonInput } from './people.schemas.ts';

/**
 * Edits a person in scope. The audit row lists what changed; personal fields appear there only as
 * "***" (db/schema/personal-data.ts). A new identity number passes the same duplicate guard as a new person.
 */
export async function updatePerson(
  deps: AppDeps,
  actor: Actor,
  id: string,
  input: UpdatePersonInput,
  origin: RequestOrigin,
) {
  return deps.db.transaction(async (tx) => {
    const current = await findPerson(tx, actor.scope, id, true);
    if (!current) throw new AppError('NOT_FOUND');
    const before = fieldsOf(deps.cipher, current.person);
    const { representative, ...plain } = keepHiddenBirthDates(input, current.person, canUnmask(actor));
    const requested: PersonFields = { ...before };
    for (const [field, value] of Object.entries(plain))
      if (value !== undefined) (requested as Record<string, unknown>)[field] = value;
    if (representative !== undefined) {
      requested.representativeName = representative?.name ?? null;
      requested.representativeRole = representative?.role ?? null;
      requested.representativeRelation = representative?.relation ?? null;
      requested.representativePhone = representative?.phone ?? null;
    }
    const now = deps.clock.now();
    const after = normaliseFields(requested, beijingDateOf(now), {
      birthDate: input.birthDate !== undefined,
      sex: input.sex !== undefined,
    });
    const changes = diff(before, after);
    if (Object.keys(changes).length === 0)
      return { ...presentPerson(current, deps.cipher, canUnmask(actor)), warnings: [] };
    const columns = toColumns(deps.cipher, after);
    if (changes.idNumber && columns.idNumberHash)
      await assertNotRegistered(deps, tx, actor, origin, columns.idNumberHash, id);
    const warnings =
      changes.name || changes.birthDate || changes.phone
        ? await findSimilarPeople(tx, actor.scope, {
            name: after.name,
            birthDate: after.birthDate,
            phoneHash: columns.phoneHash,
            exceptId: id,
          })
        : [];
    let updated;
    try {
      [updated] = await tx
        .update(persons)
        .set({ ...columns, updatedAt: now })
        .where(eq(persons.id, id))
        .returning();
    } catch (error) {
      if (isUniqueViolation(error, 'persons_id_number_hash_idx')) throw new AppError('PERSON_DUPLICATE');
      throw error;
    }
    await recordAudit(tx, { cipher: deps.cipher, at: now }, origin, {
      action: 'person.update',
      entityType: 'persons',
      entityId: id,
      changes,
    });
    return {
      ...presentPerson(
        { person: updated ?? current.person, ownerOrgName: current.ownerOrgName },
        deps.cipher,
        canUnmask(actor),
      ),
      warnings,
    };
  });
}

/**
 * A reader without person.unmask sees household members' birth years only, so the list they send
 * back carries `birthDate: null` for members they did not touch: those keep the stored date.
 */
function keepHiddenBirthDates(
  input: UpdatePersonInput,
  stored: typeof persons.$inferSelect,
  unmasked: boolean,
): UpdatePersonInput {
  if (unmasked || !input.householdMembers) return input;
  return {
    ...input,
    householdMembers: input.householdMembers.map((member) =>
      member.birthDate !== null
        ? member
        : {
            ...member,
            birthDate: (stored.householdMembers.find(
              (m) => m.name === member.name && m.relation === member.relation,
            )?.birthDate ?? null) as typeof member.birthDate,
          },
    ),
  };
}
