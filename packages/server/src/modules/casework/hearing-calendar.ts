import { and, asc, eq, gte, lt, ne, or } from 'drizzle-orm';
import type { LocalDate } from '@fayuan/domain';
import type { Queryable } from '../../db/client.ts';
import { applications, caseActivities, handlers, type ActivityStatus } from '../../db/schema/index.ts';
import type { Actor } from '../../platform/context.ts';
import { applicationInScope } from '../applications/applications.repository.ts';

export interface CalendarEntry {
  id: string;
  applicationId: string;
  applicationNumber: string;
  kind: string;
  at: string;
  place: string | null;
  status: ActivityStatus;
  handlerName: string;
}

/**
 * The hearing calendar (庭审日历) between two Beijing dates: hearings, and every activity scheduled
 * ahead whatever became of it. `mine`: the handler's own (through their login); otherwise the
 * centre's, in the caller's data scope. It names the case number and the handler, not the client,
 * so it reads no personal data.
 */
export async function hearingCalendar(
  db: Queryable,
  actor: Actor,
  range: { from: LocalDate; to: LocalDate },
  mine: boolean,
): Promise<CalendarEntry[]> {
  const from = new Date(`${range.from}T00:00:00+08:00`);
  const until = new Date(new Date(`${range.to}T00:00:00+08:00`).getTime() + 86_400_000);
  const rows = await db
    .select({
      activity: caseActivities,
      number: applications.number,
      handlerName: handlers.name,
    })
    .from(caseActivities)
    .innerJoin(applications, eq(applications.id, caseActivities.applicationId))
    .innerJoin(handlers, eq(handlers.id, caseActivities.handlerId))
    .where(
      and(
        gte(caseActivities.occurredAt, from),
        lt(caseActivities.occurredAt, until),
        or(eq(caseActivities.kind, 'hearing'), ne(caseActivities.status, 'done')),
        mine ? eq(handlers.userId, actor.userId) : applicationInScope(actor.scope),
      ),
    )
    .orderBy(asc(caseActivities.occurredAt))
    .limit(500);
  return rows.map(({ activity, number, handlerName }) => ({
    id: activity.id,
    applicationId: activity.applicationId,
    applicationNumber: number,
    kind: activity.kind,
    at: activity.occurredAt.toISOString(),
    place: activity.place,
    status: activity.status,
    handlerName,
  }));
}
