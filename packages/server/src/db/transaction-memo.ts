import type { Queryable } from './client.ts';

const memos = new WeakMap<object, Map<string, Promise<unknown>>>();

/** A drizzle transaction (not the pool): only inside one may reads be remembered. */
function isTransaction(db: Queryable): boolean {
  return typeof (db as { rollback?: unknown }).rollback === 'function';
}

/**
 * Remembers a read for the rest of the transaction it ran in: one intake asks for the same rule
 * rows, jurisdiction chain and region many times, and inside one transaction the answer cannot
 * change under it. Outside a transaction nothing is remembered, so no answer outlives its request.
 */
export function memoInTransaction<T>(db: Queryable, key: string, load: () => Promise<T>): Promise<T> {
  if (!isTransaction(db)) return load();
  let memo = memos.get(db);
  if (!memo) {
    memo = new Map();
    memos.set(db, memo);
  }
  const known = memo.get(key);
  if (known) return known as Promise<T>;
  // Promise.resolve runs a lazy query builder once and keeps its result (awaiting the builder
  // itself again would send the query again).
  const loading = Promise.resolve(load());
  memo.set(key, loading);
  loading.catch(() => memo.delete(key));
  return loading;
}
