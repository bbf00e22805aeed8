import { sql, type AnyColumn, type SQL } from 'drizzle-orm';
import { hasCityWideScope, type Role } from '@fayuan/domain';
import { organisations } from '../../db/schema/index.ts';

/**
 * Data scope (architecture.md): staff see and change only what their organisation's subtree owns.
 * Every repository query over owned records takes the actor's scope and adds one of these
 * conditions; there is no unscoped variant for request handlers to reach for.
 */
export type DataScope = { readonly kind: 'all' } | { readonly kind: 'subtree'; readonly path: string };

export const CITY_WIDE: DataScope = { kind: 'all' };

export function scopeFor(roles: readonly Role[], organisationPath: string): DataScope {
  return hasCityWideScope(roles) ? CITY_WIDE : { kind: 'subtree', path: organisationPath };
}

export function scopePathOf(scope: DataScope): string | null {
  return scope.kind === 'all' ? null : scope.path;
}

function likePrefix(path: string): string {
  return `${path.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** Condition on a column holding an organisation's materialised path. */
export function pathInScope(scope: DataScope, pathColumn: AnyColumn): SQL {
  return scope.kind === 'all' ? sql`true` : sql`${pathColumn} LIKE ${likePrefix(scope.path)}`;
}

/** Condition on a column holding the owning organisation's id. */
export function ownerInScope(scope: DataScope, ownerColumn: AnyColumn): SQL {
  if (scope.kind === 'all') return sql`true`;
  return sql`${ownerColumn} IN (SELECT ${organisations.id} FROM ${organisations} WHERE ${organisations.path} LIKE ${likePrefix(scope.path)})`;
}

export function pathWithin(scope: DataScope, path: string): boolean {
  return scope.kind === 'all' || path.startsWith(scope.path);
}

/**
 * The ids of the organisations in scope as one array, computed once before a scan:
 * `column = ANY(organisationsInScope(scope))` can be an index condition even under an OR, where
 * `column IN (subquery)` could only filter row by row. Only for a subtree scope.
 */
export function organisationsInScope(scope: { kind: 'subtree'; path: string }): SQL {
  return sql`ARRAY(SELECT ${organisations.id} FROM ${organisations} WHERE ${organisations.path} LIKE ${likePrefix(scope.path)})`;
}
