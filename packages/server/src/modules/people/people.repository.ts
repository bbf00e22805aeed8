import { and, arrayContains, desc, eq, ilike, like, ne, or, sql, count, type SQL } from 'drizzle-orm';
import { identityView, memberBirthView, normalisePhone, type ApplicantCategory } from '@fayuan/domain';
import type { Queryable } from '../../db/client.ts';
import type { Actor } from '../../platform/context.ts';
import { organisations, persons } from '../../db/schema/index.ts';
import { maskPhone, type FieldCipher } from '../../platform/crypto/field-cipher.ts';
import { ownerInScope, type DataScope } from '../../platform/scope/data-scope.ts';
import { limitOffset, orderBy } from '../../platform/http/pagination.ts';
import type { PersonListQuery, PersonView, PersonWarning } from './people.schemas.ts';

type PersonRow = typeof persons.$inferSelect;
export interface PersonWithOwner {
  person: PersonRow;
  ownerOrgName: string;
}

/**
 * Screens get masked numbers only; the full ones come from POST /persons/:id/unmask, audited.
 * Without `person.unmask` the birth dates (the person's and the household's) shrink to the year,
 * since the date fills in the masked digits of the identity number (domain identityView).
 */
export function presentPerson(
  { person, ownerOrgName }: PersonWithOwner,
  cipher: FieldCipher,
  canUnmask: boolean,
): PersonView {
  const open = (sealed: Buffer | null) => (sealed ? cipher.open(sealed) : null);
  const idNumber = open(person.idNumberSealed);
  const phone = open(person.phoneSealed);
  const representativePhone = open(person.representativePhoneSealed);
  return {
    id: person.id,
    ownerOrgId: person.ownerOrgId,
    ownerOrgName,
    name: person.name,
    namePinyin: person.namePinyin,
    documentType: person.documentType,
    ...identityView({ idNumber, birthDate: person.birthDate }, canUnmask),
    sex: person.sex,
    phoneMasked: phone === null ? null : maskPhone(phone),
    address: person.address,
    categories: person.categories as ApplicantCategory[],
    householdMembers: person.householdMembers.map((member) => ({
      name: member.name,
      relation: member.relation,
      ...memberBirthView(member.birthDate, canUnmask),
    })),
    representative:
      person.representativeName === null || person.representativeRole === null
        ? null
        : {
            name: person.representativeName,
            role: person.representativeRole,
            relation: person.representativeRelation,
            phoneMasked: representativePhone === null ? null : maskPhone(representativePhone),
          },
    createdAt: person.createdAt.toISOString(),
    updatedAt: person.updatedAt.toISOString(),
  };
}

/** Whether the actor may see what rebuilds an identity number (the birth date, a full phone). */
export function canUnmask(actor: Pick<Actor, 'permissions'>): boolean {
  return actor.permissions.includes('person.unmask');
}

const withOwner = { person: persons, ownerOrgName: organisations.name };

export async function findPerson(
  db: Queryable,
  scope: DataScope,
  id: string,
  lock = false,
): Promise<PersonWithOwner | undefined> {
  const query = db
    .select(withOwner)
    .from(persons)
    .innerJoin(organisations, eq(organisations.id, persons.ownerOrgId))
    .where(and(eq(persons.id, id), ownerInScope(scope, persons.ownerOrgId)));
  const [row] = lock ? await query.for('update', { of: persons }) : await query;
  return row;
}

/**
 * The one city-wide lookup: an identity number names one person whichever centre registered them,
 * so the duplicate guard must see every row. It answers only whether the holder is in the caller's
 * scope, and the caller reveals the id only then.
 */
export async function findIdNumberHolder(
  db: Queryable,
  scope: DataScope,
  idNumberHash: Buffer,
): Promise<{ id: string; inScope: boolean } | undefined> {
  const [row] = await db
    .select({ id: persons.id, inScope: sql<boolean>`${ownerInScope(scope, persons.ownerOrgId)}` })
    .from(persons)
    .where(eq(persons.idNumberHash, idNumberHash));
  return row;
}

/** Possible duplicates in scope (same name and birth date, or same phone); they warn, never block. */
export async function findSimilarPeople(
  db: Queryable,
  scope: DataScope,
  probe: { name: string; birthDate: string | null; phoneHash: Buffer | null; exceptId?: string },
): Promise<PersonWarning[]> {
  const matches: SQL[] = [];
  if (probe.birthDate)
    matches.push(and(eq(persons.name, probe.name), eq(persons.birthDate, probe.birthDate))!);
  if (probe.phoneHash) matches.push(eq(persons.phoneHash, probe.phoneHash));
  if (matches.length === 0) return [];
  const rows = await db
    .select({
      id: persons.id,
      name: persons.name,
      birthDate: persons.birthDate,
      phoneHash: persons.phoneHash,
    })
    .from(persons)
    .where(
      and(
        or(...matches),
        ownerInScope(scope, persons.ownerOrgId),
        probe.exceptId ? ne(persons.id, probe.exceptId) : undefined,
      ),
    )
    .orderBy(persons.createdAt, persons.id)
    .limit(20);
  const warnings: PersonWarning[] = [];
  for (const row of rows) {
    if (probe.birthDate && row.name === probe.name && row.birthDate === probe.birthDate)
      warnings.push({ code: 'PERSON_SAME_NAME_BIRTH_DATE', personId: row.id });
    if (probe.phoneHash && row.phoneHash?.equals(probe.phoneHash))
      warnings.push({ code: 'PERSON_SAME_PHONE', personId: row.id });
  }
  return warnings;
}

const escapeLike = (value: string) => value.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * Free-text search: a name substring (张), a full-pinyin prefix (zhangs) or an initials prefix (zs);
 * something shaped like an identity or phone number is also looked up exactly by its keyed hash.
 */
function searchCondition(q: string, cipher: FieldCipher): SQL {
  const conditions: SQL[] = [ilike(persons.name, `%${escapeLike(q)}%`)];
  const latin = q.toLowerCase().replace(/[\s'’]/g, '');
  if (/^[a-z]+$/.test(latin))
    conditions.push(like(persons.namePinyin, `${latin}%`), like(persons.nameInitials, `${latin}%`));
  if (/^[0-9A-Za-z]{6,20}$/.test(q.replace(/\s+/g, '')) && /\d/.test(q))
    conditions.push(eq(persons.idNumberHash, cipher.lookupHash(q)));
  const phone = normalisePhone(q);
  if (phone.ok) conditions.push(eq(persons.phoneHash, cipher.lookupHash(phone.phone)));
  return or(...conditions)!;
}

export async function listPersons(
  db: Queryable,
  scope: DataScope,
  cipher: FieldCipher,
  filter: PersonListQuery,
  canUnmask: boolean,
) {
  const conditions: (SQL | undefined)[] = [ownerInScope(scope, persons.ownerOrgId)];
  if (filter.q) conditions.push(searchCondition(filter.q, cipher));
  if (filter.category) conditions.push(arrayContains(persons.categories, [filter.category]));
  if (filter.documentType) conditions.push(eq(persons.documentType, filter.documentType));
  if (filter.ownerOrgId) conditions.push(eq(persons.ownerOrgId, filter.ownerOrgId));
  const where = and(...conditions);
  const { limit, offset } = limitOffset(filter);
  const [rows, totals] = await Promise.all([
    db
      .select(withOwner)
      .from(persons)
      .innerJoin(organisations, eq(organisations.id, persons.ownerOrgId))
      .where(where)
      .orderBy(
        ...orderBy(
          filter.sort,
          {
            name: persons.namePinyin,
            createdAt: persons.createdAt,
            // Without person.unmask the order may not say more than the year: sorting among
            // people of known birth dates would otherwise narrow a hidden date down.
            birthDate: canUnmask ? persons.birthDate : sql`extract(year from ${persons.birthDate})`,
          },
          desc(persons.createdAt),
          persons.id,
        ),
      )
      .limit(limit)
      .offset(offset),
    db.select({ total: count() }).from(persons).where(where),
  ]);
  return { rows, total: totals[0]?.total ?? 0 };
}
