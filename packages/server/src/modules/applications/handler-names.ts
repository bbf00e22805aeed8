import { and, eq, inArray } from 'drizzle-orm';
import type { Queryable } from '../../db/client.ts';
import { caseAssignments, handlers } from '../../db/schema/index.ts';

/** A handler as a case names them: the registry's id and the name a person reads. */
export interface HandlerRef {
  id: string;
  name: string;
}

/**
 * The handler each case is assigned to now (its pending or accepted assignment, at most one per
 * case), by application id: the header and the worklist name them, never an id.
 */
export async function currentHandlers(
  db: Queryable,
  applicationIds: readonly string[],
): Promise<Map<string, HandlerRef>> {
  if (applicationIds.length === 0) return new Map();
  const rows = await db
    .select({ applicationId: caseAssignments.applicationId, id: handlers.id, name: handlers.name })
    .from(caseAssignments)
    .innerJoin(handlers, eq(handlers.id, caseAssignments.handlerId))
    .where(
      and(
        inArray(caseAssignments.applicationId, [...applicationIds]),
        inArray(caseAssignments.status, ['pending', 'accepted']),
      ),
    );
  return new Map(rows.map((r) => [r.applicationId, { id: r.id, name: r.name }]));
}

const idIn = (payload: Record<string, unknown>, key: string) =>
  typeof payload[key] === 'string' ? (payload[key] as string) : undefined;

/**
 * The handler each event concerns, in event order (null when none): the one an assignment
 * event names (`handlerId`), or the one whose assignment an answer concerns (`assignmentId`), so
 * 流程记录 names the lawyer, not an id.
 */
export async function eventHandlers(
  db: Queryable,
  applicationId: string,
  payloads: readonly Record<string, unknown>[],
): Promise<(HandlerRef | null)[]> {
  const wanted = payloads.some((p) => idIn(p, 'handlerId') || idIn(p, 'assignmentId'));
  if (!wanted) return payloads.map(() => null);
  const rows = await db
    .select({ assignmentId: caseAssignments.id, id: handlers.id, name: handlers.name })
    .from(caseAssignments)
    .innerJoin(handlers, eq(handlers.id, caseAssignments.handlerId))
    .where(eq(caseAssignments.applicationId, applicationId));
  const byHandler = new Map(rows.map((r) => [r.id, { id: r.id, name: r.name }]));
  const byAssignment = new Map(rows.map((r) => [r.assignmentId, { id: r.id, name: r.name }]));
  const extra = payloads
    .map((p) => idIn(p, 'handlerId'))
    .filter((id): id is string => id !== undefined && !byHandler.has(id));
  if (extra.length > 0) {
    // Aid in advance or a handler named before any assignment row: read them from the registry.
    const named = await db
      .select({ id: handlers.id, name: handlers.name })
      .from(handlers)
      .where(inArray(handlers.id, [...new Set(extra)]));
    for (const h of named) byHandler.set(h.id, h);
  }
  return payloads.map((p) => {
    const handlerId = idIn(p, 'handlerId');
    if (handlerId) return byHandler.get(handlerId) ?? null;
    const assignmentId = idIn(p, 'assignmentId');
    return assignmentId ? (byAssignment.get(assignmentId) ?? null) : null;
  });
}
