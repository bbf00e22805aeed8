import { and, asc, count, eq, ilike, or, sql, type SQL } from 'drizzle-orm';
import { depthOf } from '@fayuan/domain';
import type { Queryable } from '../../db/client.ts';
import { organisationKinds, organisations } from '../../db/schema/index.ts';
import { pathInScope, type DataScope } from '../../platform/scope/data-scope.ts';
import { limitOffset, orderBy, type PageRequest } from '../../platform/http/pagination.ts';
import type { OrganisationView } from './organisations.schemas.ts';

type Row = typeof organisations.$inferSelect;

export function presentOrganisation(row: Row): OrganisationView {
  return {
    id: row.id,
    parentId: row.parentId,
    code: row.code,
    name: row.name,
    kind: row.kind,
    regionCode: row.regionCode,
    address: row.address,
    phone: row.phone,
    officeHours: row.officeHours,
    active: row.active,
    path: row.path,
    depth: depthOf(row.path),
    createdAt: row.createdAt.toISOString(),
  };
}

/** One organisation, or undefined when it does not exist or lies outside the scope. */
export async function findOrganisation(
  db: Queryable,
  scope: DataScope,
  id: string,
  lock = false,
): Promise<Row | undefined> {
  const query = db
    .select()
    .from(organisations)
    .where(and(eq(organisations.id, id), pathInScope(scope, organisations.path)));
  const [row] = lock ? await query.for('update') : await query;
  return row;
}

export interface OrganisationFilter extends PageRequest {
  q?: string | undefined;
  kind?: string | undefined;
  parentId?: string | undefined;
  active?: 'true' | 'false' | undefined;
}

export async function listOrganisations(db: Queryable, scope: DataScope, filter: OrganisationFilter) {
  const conditions: SQL[] = [pathInScope(scope, organisations.path)];
  if (filter.q) {
    const like = `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    conditions.push(or(ilike(organisations.name, like), ilike(organisations.code, like)) as SQL);
  }
  if (filter.kind) conditions.push(eq(organisations.kind, filter.kind));
  if (filter.parentId) conditions.push(eq(organisations.parentId, filter.parentId));
  if (filter.active) conditions.push(eq(organisations.active, filter.active === 'true'));
  const where = and(...conditions);
  const [rows, totals] = await Promise.all([
    db
      .select()
      .from(organisations)
      .where(where)
      .orderBy(
        ...orderBy(
          filter.sort,
          { name: organisations.name, code: organisations.code, createdAt: organisations.createdAt },
          asc(organisations.path),
          organisations.id,
        ),
      )
      .limit(limitOffset(filter).limit)
      .offset(limitOffset(filter).offset),
    db.select({ total: count() }).from(organisations).where(where),
  ]);
  return { rows, total: totals[0]?.total ?? 0 };
}

/** Every organisation in scope, parents before children. */
export function organisationTree(db: Queryable, scope: DataScope): Promise<Row[]> {
  return db
    .select()
    .from(organisations)
    .where(pathInScope(scope, organisations.path))
    .orderBy(sql`length(${organisations.path})`, asc(organisations.code));
}

export async function hasActiveChildren(db: Queryable, id: string): Promise<boolean> {
  const [row] = await db
    .select({ n: count() })
    .from(organisations)
    .where(and(eq(organisations.parentId, id), eq(organisations.active, true)));
  return (row?.n ?? 0) > 0;
}

export async function activeKindExists(db: Queryable, code: string): Promise<boolean> {
  const [row] = await db
    .select({ code: organisationKinds.code })
    .from(organisationKinds)
    .where(and(eq(organisationKinds.code, code), eq(organisationKinds.active, true)));
  return row !== undefined;
}

export function listKinds(db: Queryable) {
  return db
    .select()
    .from(organisationKinds)
    .orderBy(asc(organisationKinds.sortOrder), asc(organisationKinds.code));
}
