import { and, count, desc, eq, ilike, or, sql, type SQL } from 'drizzle-orm';
import type { Queryable } from '../../db/client.ts';
import { handlers, lawFirms } from '../../db/schema/index.ts';
import { limitOffset, orderBy } from '../../platform/http/pagination.ts';
import type { LawFirmListQuery, LawFirmView } from './handlers.schemas.ts';

type LawFirmRow = typeof lawFirms.$inferSelect;

// Handlers anywhere in the city: a firm is a public body and the count names nobody.
// Qualified by hand: drizzle leaves columns unqualified in a one-table select, and the subquery
// would then compare handlers.firm_id with handlers.id.
const handlerCount = sql<number>`(SELECT count(*)::int FROM ${handlers} h WHERE h.firm_id = "law_firms"."id" AND h.status <> 'exited')`;

export function presentLawFirm(row: { firm: LawFirmRow; handlerCount: number }): LawFirmView {
  const f = row.firm;
  return {
    id: f.id,
    name: f.name,
    licenceNumber: f.licenceNumber,
    regionCode: f.regionCode,
    address: f.address,
    phone: f.phone,
    status: f.status,
    handlerCount: Number(row.handlerCount),
    createdAt: f.createdAt.toISOString(),
    updatedAt: f.updatedAt.toISOString(),
  };
}

/**
 * The law firms registry is city-wide public information (firms are licensed bodies, their office
 * phone is published), so these queries take no data scope.
 */
export async function findLawFirm(db: Queryable, id: string, lock = false) {
  const query = db.select({ firm: lawFirms, handlerCount }).from(lawFirms).where(eq(lawFirms.id, id));
  const [row] = lock ? await query.for('update', { of: lawFirms }) : await query;
  return row;
}

const escapeLike = (value: string) => value.replace(/[\\%_]/g, (c) => `\\${c}`);

export async function listLawFirms(db: Queryable, filter: LawFirmListQuery) {
  const conditions: (SQL | undefined)[] = [];
  if (filter.q)
    conditions.push(
      or(ilike(lawFirms.name, `%${escapeLike(filter.q)}%`), eq(lawFirms.licenceNumber, filter.q)),
    );
  if (filter.regionCode) conditions.push(eq(lawFirms.regionCode, filter.regionCode));
  if (filter.status) conditions.push(eq(lawFirms.status, filter.status));
  const where = and(...conditions);
  const { limit, offset } = limitOffset(filter);
  const [rows, totals] = await Promise.all([
    db
      .select({ firm: lawFirms, handlerCount })
      .from(lawFirms)
      .where(where)
      .orderBy(
        ...orderBy(
          filter.sort,
          { name: lawFirms.name, createdAt: lawFirms.createdAt },
          desc(lawFirms.createdAt),
          lawFirms.id,
        ),
      )
      .limit(limit)
      .offset(offset),
    db.select({ total: count() }).from(lawFirms).where(where),
  ]);
  return { rows, total: totals[0]?.total ?? 0 };
}
