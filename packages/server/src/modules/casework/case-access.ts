import { and, eq, inArray } from 'drizzle-orm';
import type { Queryable } from '../../db/client.ts';
import { applications, caseAssignments, handlers, type ApplicationRow } from '../../db/schema/index.ts';
import type { Actor } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { findApplication } from '../applications/applications.repository.ts';

/**
 * Who may see or act on a case file. Centre staff reach a case through their data scope; the
 * handler through their own accepted assignment (handlers.user_id = the login), never the scope —
 * so another handler, even in the same district, finds nothing (404, not 403: no existence leak).
 */
export interface CaseAccess {
  app: ApplicationRow;
  /** The handler (handlers.id) when the actor reaches the case as its assigned handler. */
  handlerId: string | null;
}

/** The case as the actor's own: the accepted assignment of the handler signed in; `lock` for a change. */
export async function ownCase(
  db: Queryable,
  actor: Actor,
  id: string,
  lock = false,
): Promise<{ app: ApplicationRow; handlerId: string }> {
  if (!actor.roles.includes('handler')) throw new AppError('NOT_FOUND');
  const query = db
    .select({ app: applications, handlerId: handlers.id })
    .from(caseAssignments)
    .innerJoin(handlers, eq(handlers.id, caseAssignments.handlerId))
    .innerJoin(applications, eq(applications.id, caseAssignments.applicationId))
    .where(
      and(
        eq(caseAssignments.applicationId, id),
        eq(handlers.userId, actor.userId),
        eq(caseAssignments.status, 'accepted'),
      ),
    );
  const [row] = lock ? await query.for('update', { of: [applications] }) : await query;
  if (!row) throw new AppError('NOT_FOUND');
  return row;
}

/**
 * The signed-in handler's current assignment on a case (pending or accepted) with the case: to
 * answer it, or to read the brief before answering. `lock` locks both rows for a change.
 */
export async function currentAssignment(db: Queryable, actor: Actor, id: string, lock = false) {
  const query = db
    .select({ assignment: caseAssignments, app: applications })
    .from(caseAssignments)
    .innerJoin(handlers, eq(handlers.id, caseAssignments.handlerId))
    .innerJoin(applications, eq(applications.id, caseAssignments.applicationId))
    .where(
      and(
        eq(caseAssignments.applicationId, id),
        eq(handlers.userId, actor.userId),
        inArray(caseAssignments.status, ['pending', 'accepted']),
      ),
    );
  const [row] = lock ? await query.for('update', { of: [caseAssignments, applications] }) : await query;
  return row;
}

/** The case in the staff member's data scope. */
export async function scopedCase(db: Queryable, actor: Actor, id: string, lock = false): Promise<CaseAccess> {
  const app = await findApplication(db, actor.scope, id, lock);
  if (!app) throw new AppError('NOT_FOUND');
  return { app, handlerId: null };
}

/** Reading the file: centre staff with `application.read` in scope, or the case's own handler. */
export async function readableCase(db: Queryable, actor: Actor, id: string): Promise<CaseAccess> {
  if (actor.permissions.includes('application.read')) {
    const app = await findApplication(db, actor.scope, id);
    if (app) return { app, handlerId: null };
  }
  return ownCase(db, actor, id);
}
