import { asc, desc, type AnyColumn, type SQL } from 'drizzle-orm';
import { z } from 'zod';

/**
 * The one list shape: `?page=1&pageSize=20&sort=-createdAt` plus each endpoint's filters, answered
 * as `{items, page, pageSize, total}`.
 */
export function listQuery<S extends string, F extends z.ZodRawShape>(
  sortFields: readonly [S, ...S[]],
  filters: F,
) {
  const sortValues = sortFields.flatMap((f) => [f, `-${f}`]) as [string, ...string[]];
  return z.strictObject({
    page: z.coerce.number().int().min(1).max(100_000).default(1),
    pageSize: z.coerce.number().int().min(1).max(100).default(20),
    sort: z.enum(sortValues).optional(),
    ...filters,
  });
}

export function pageOf<T extends z.ZodTypeAny>(item: T) {
  return z.object({
    items: z.array(item),
    page: z.number().int(),
    pageSize: z.number().int(),
    total: z.number().int(),
  });
}

export interface PageRequest {
  page: number;
  pageSize: number;
  sort?: string | undefined;
}

export function limitOffset(q: PageRequest) {
  return { limit: q.pageSize, offset: (q.page - 1) * q.pageSize };
}

/** Maps `field` / `-field` to an ORDER BY, with a tie-breaker so pages never overlap. */
export function orderBy(
  sort: string | undefined,
  columns: Record<string, AnyColumn | SQL>,
  fallback: SQL,
  tieBreaker: AnyColumn,
): SQL[] {
  if (!sort) return [fallback, asc(tieBreaker)];
  const descending = sort.startsWith('-');
  const column = columns[descending ? sort.slice(1) : sort];
  if (!column) return [fallback, asc(tieBreaker)];
  return [descending ? desc(column) : asc(column), asc(tieBreaker)];
}
