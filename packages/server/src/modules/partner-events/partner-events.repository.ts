import { and, asc, count, desc, eq, gt, type SQL } from 'drizzle-orm';
import type { Queryable } from '../../db/client.ts';
import { applications, partnerDeliveries, partnerEvents } from '../../db/schema/index.ts';
import { limitOffset } from '../../platform/http/pagination.ts';
import { eventBody } from './dispatch-callbacks.ts';

/** `GET /events?after=`: this partner's events after the cursor, oldest first. */
export async function eventsAfter(
  db: Queryable,
  partnerId: string,
  after: string | undefined,
  limit: number,
) {
  const rows = await db
    .select()
    .from(partnerEvents)
    .where(and(eq(partnerEvents.partnerId, partnerId), gt(partnerEvents.seq, Number(after ?? 0))))
    .orderBy(asc(partnerEvents.seq))
    .limit(limit);
  return {
    events: rows.map(eventBody),
    nextCursor: rows.length ? String(rows[rows.length - 1]!.seq) : (after ?? '0'),
  };
}

/** The partner's delivery log (回调投递记录), newest first. */
export async function deliveriesOf(
  db: Queryable,
  partnerId: string,
  query: { page: number; pageSize: number; status?: 'pending' | 'delivered' | 'failed' | undefined },
) {
  const filters: SQL[] = [eq(partnerDeliveries.partnerId, partnerId)];
  if (query.status) filters.push(eq(partnerDeliveries.status, query.status));
  const where = and(...filters);
  const { limit, offset } = limitOffset(query);
  const rows = await db
    .select({ delivery: partnerDeliveries, event: partnerEvents, number: applications.number })
    .from(partnerDeliveries)
    .innerJoin(partnerEvents, eq(partnerEvents.seq, partnerDeliveries.eventSeq))
    .innerJoin(applications, eq(applications.id, partnerEvents.applicationId))
    .where(where)
    .orderBy(desc(partnerDeliveries.createdAt), desc(partnerDeliveries.eventSeq))
    .limit(limit)
    .offset(offset);
  const [total] = await db.select({ n: count() }).from(partnerDeliveries).where(where);
  return {
    items: rows.map(({ delivery: d, event, number }) => ({
      id: d.id,
      eventId: event.id,
      kind: event.kind,
      applicationId: event.applicationId,
      applicationNumber: number,
      status: d.status,
      attempts: d.attempts,
      createdAt: d.createdAt.toISOString(),
      lastAttemptAt: d.lastAttemptAt?.toISOString() ?? null,
      lastHttpStatus: d.lastHttpStatus,
      lastError: d.lastError,
      latencyMs: d.latencyMs,
      nextAttemptAt: d.status === 'pending' ? d.nextAttemptAt.toISOString() : null,
      deliveredAt: d.deliveredAt?.toISOString() ?? null,
    })),
    page: query.page,
    pageSize: query.pageSize,
    total: total?.n ?? 0,
  };
}
