import type { AppDeps, RequestOrigin } from '../context.ts';
import { recordAudit } from './audit-log.ts';

/**
 * The one call for auditing a read of a record that holds personal data (a case file, a person,
 * an account). It commits its own row; use `recordAudit` with action `<type>.read` inside a
 * transaction instead where the read is part of one.
 */
export async function auditRead(
  deps: AppDeps,
  origin: RequestOrigin,
  entityType: string,
  entityId: string,
): Promise<void> {
  await deps.db.transaction((tx) =>
    recordAudit(tx, { cipher: deps.cipher, at: deps.clock.now() }, origin, {
      action: `${entityType}.read`,
      entityType,
      entityId,
    }),
  );
}

/**
 * The one call for auditing a list or search answer that names people (persons, applications,
 * consultations): one row per request, action `<entityType>.list`, listing the ids returned and
 * the page asked for. The search text is not kept (it may be an identity or phone number).
 * Costs one insert per list request, committed on its own.
 */
export async function auditListRead(
  deps: AppDeps,
  origin: RequestOrigin,
  entityType: string,
  ids: readonly string[],
  page: { page: number; pageSize: number; total: number },
): Promise<void> {
  await deps.db.transaction((tx) =>
    recordAudit(tx, { cipher: deps.cipher, at: deps.clock.now() }, origin, {
      action: `${entityType}.list`,
      entityType,
      entityId: null,
      changes: {
        ids: { after: [...ids] },
        page: { after: page.page },
        pageSize: { after: page.pageSize },
        total: { after: page.total },
      },
    }),
  );
}

/**
 * The one call for auditing an export (Excel) of a list that names people: an export is a read of
 * every row it carries. One row per export, action `<entityType>.export`, with the ids exported and
 * the filters applied (free text left out, as in list reads: it may be an identity or phone number).
 */
export async function auditExport(
  deps: AppDeps,
  origin: RequestOrigin,
  entityType: string,
  ids: readonly string[],
  filters: Record<string, unknown>,
): Promise<void> {
  const { q: _q, callerPhone: _phone, ...kept } = filters;
  await deps.db.transaction((tx) =>
    recordAudit(tx, { cipher: deps.cipher, at: deps.clock.now() }, origin, {
      action: `${entityType}.export`,
      entityType,
      entityId: null,
      changes: { ids: { after: [...ids] }, filters: { after: kept }, total: { after: ids.length } },
    }),
  );
}
