import type { Role } from '@fayuan/domain';
import type { Queryable } from '../../db/client.ts';
import type { Actor } from '../../platform/context.ts';
import { countApplications } from '../applications/applications.repository.ts';
import { worklistQuery, type WorklistQuery } from '../applications/applications.schemas.ts';
import { countMyAssignments, HANDLER_QUEUES, type HandlerQueue } from '../assignment/assign.ts';

/**
 * A role's work as queues (今日工作): each queue is a filter of a list the user can open, so the
 * count on the home page is the number of rows that list shows (the same conditions count them).
 * Centre staff queues filter the worklist (GET /applications); the handler's filter their own
 * assignments (GET /my-assignments?queue=…).
 */
interface WorklistQueue {
  key: string;
  role: Role;
  filter: Record<string, string>;
}

export const WORKLIST_QUEUES: readonly WorklistQueue[] = [
  // Window: the supplements the applicants owe back (LAL art.43(2)).
  { key: 'supplementsDue', role: 'window_staff', filter: { state: 'supplement_requested' } },
  // Reviewer.
  { key: 'toReview', role: 'reviewer', filter: { state: 'received,under_review' } },
  { key: 'dueToday', role: 'reviewer', filter: { dueToday: 'true' } },
  { key: 'overdue', role: 'reviewer', filter: { overdue: 'true' } },
  { key: 'closingsToReview', role: 'reviewer', filter: { state: 'closing_submitted' } },
  // Director.
  { key: 'toAssign', role: 'director', filter: { state: 'granted,to_assign' } },
  { key: 'unanswered', role: 'director', filter: { state: 'assigned', unanswered: 'true' } },
  {
    key: 'objections',
    role: 'director',
    filter: { state: 'objection_to_refusal,objection_to_termination' },
  },
  {
    key: 'majorCases',
    role: 'director',
    filter: { state: 'assigned,provisional_aid,in_progress,closing_submitted', major: 'true' },
  },
  // Finance: evaluated cases wait for their subsidy (LAL art.52, BJR art.32).
  { key: 'subsidiesToPay', role: 'finance', filter: { state: 'evaluated' } },
];

export interface WorkQueue {
  key: string;
  role: Role;
  list: 'worklist' | 'my-cases';
  filter: Record<string, string>;
  count: number;
}

/** The worklist query a queue's filter is, parsed as the worklist route parses its URL. */
export function queueQuery(filter: Record<string, string>): WorklistQuery {
  return worklistQuery.parse(filter);
}

/** The caller's queues, for the roles they hold, counted in their data scope. */
export async function workQueuesOf(
  db: Queryable,
  actor: Actor,
  now: Date,
  actorAtCentre: boolean,
): Promise<WorkQueue[]> {
  const queues: WorkQueue[] = [];
  for (const queue of WORKLIST_QUEUES) {
    if (!actor.roles.includes(queue.role)) continue;
    if (!actor.permissions.includes('application.read')) continue;
    const count = await countApplications(
      db,
      actor.scope,
      queueQuery(queue.filter),
      actor.userId,
      now,
      actorAtCentre,
    );
    queues.push({ key: queue.key, role: queue.role, list: 'worklist', filter: queue.filter, count });
  }
  if (actor.roles.includes('handler'))
    for (const key of HANDLER_QUEUES satisfies readonly HandlerQueue[])
      queues.push({
        key,
        role: 'handler',
        list: 'my-cases',
        filter: { queue: key },
        count: await countMyAssignments(db, actor, key, now),
      });
  return queues;
}
