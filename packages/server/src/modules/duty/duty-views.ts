import { and, asc, desc, eq, gte, inArray, lt, ne } from 'drizzle-orm';
import { addDays, beijingDateOf, type DutyReason, type LocalDate } from '@fayuan/domain';
import type { Queryable } from '../../db/client.ts';
import {
  applications,
  dutyRequests,
  dutyRosters,
  dutyServices,
  dutySlots,
  dutySwapRequests,
  handlers,
  organisations,
} from '../../db/schema/index.ts';
import { AppError } from '../../platform/errors.ts';
import { pathInScope, type DataScope } from '../../platform/scope/data-scope.ts';
import { dutySettingsOf } from './duty.repository.ts';

type SlotRow = typeof dutySlots.$inferSelect;

/** Slots as the pages show them: station, lawyer, check-in, lateness by the centre's setting, open swap. */
export async function slotViews(db: Queryable, rows: readonly SlotRow[], now: Date) {
  if (rows.length === 0) return [];
  const stationIds = [...new Set(rows.map((r) => r.stationOrgId))];
  const stations = await db
    .select({ id: organisations.id, name: organisations.name, address: organisations.address })
    .from(organisations)
    .where(inArray(organisations.id, stationIds));
  const handlerIds = [...new Set(rows.map((r) => r.handlerId).filter((h): h is string => h !== null))];
  const names =
    handlerIds.length > 0
      ? await db
          .select({ id: handlers.id, name: handlers.name })
          .from(handlers)
          .where(inArray(handlers.id, handlerIds))
      : [];
  const swaps = await db
    .select({ id: dutySwapRequests.id, slotId: dutySwapRequests.slotId, reason: dutySwapRequests.reason })
    .from(dutySwapRequests)
    .where(
      and(
        inArray(
          dutySwapRequests.slotId,
          rows.map((r) => r.id),
        ),
        eq(dutySwapRequests.status, 'requested'),
      ),
    );
  const lateness = new Map<string, number>();
  for (const id of stationIds) lateness.set(id, (await dutySettingsOf(db, id)).lateAfterMinutes);
  const stationOf = new Map(stations.map((s) => [s.id, s]));
  const nameOf = new Map(names.map((n) => [n.id, n.name]));
  return rows.map((r) => {
    const station = stationOf.get(r.stationOrgId);
    const lateAt = r.startsAt.getTime() + (lateness.get(r.stationOrgId) ?? 15) * 60_000;
    const late =
      r.handlerId !== null && (r.checkedInAt ? r.checkedInAt.getTime() > lateAt : now.getTime() > lateAt);
    const swap = swaps.find((s) => s.slotId === r.id);
    return {
      id: r.id,
      station: { id: r.stationOrgId, name: station?.name ?? '', address: station?.address ?? null },
      date: r.date,
      shift: r.shift,
      startsAt: r.startsAt.toISOString(),
      endsAt: r.endsAt.toISOString(),
      handler: r.handlerId ? { id: r.handlerId, name: nameOf.get(r.handlerId) ?? '' } : null,
      reasons: r.reasons as DutyReason[],
      swapNote: r.swapNote,
      checkedInAt: r.checkedInAt?.toISOString() ?? null,
      checkedOutAt: r.checkedOutAt?.toISOString() ?? null,
      late,
      missed: r.handlerId !== null && !r.checkedInAt && now.getTime() >= r.endsAt.getTime(),
      openSwapRequest: swap ? { id: swap.id, reason: swap.reason } : null,
    };
  });
}

export async function rosterOf(db: Queryable, stationId: string, weekStart: string, now: Date) {
  const [roster] = await db
    .select()
    .from(dutyRosters)
    .where(and(eq(dutyRosters.stationOrgId, stationId), eq(dutyRosters.weekStart, weekStart)));
  if (!roster) throw new AppError('NOT_FOUND');
  const rows = await db
    .select()
    .from(dutySlots)
    .where(eq(dutySlots.rosterId, roster.id))
    .orderBy(asc(dutySlots.startsAt));
  return {
    id: roster.id,
    stationId,
    weekStart: roster.weekStart,
    confirmedAt: roster.confirmedAt.toISOString(),
    slots: await slotViews(db, rows, now),
  };
}

/** A handler's slots from today (Beijing) for two weeks, in time order. */
export async function slotsOfHandler(db: Queryable, handlerId: string, now: Date) {
  const today = beijingDateOf(now);
  const rows = await db
    .select()
    .from(dutySlots)
    .where(
      and(
        eq(dutySlots.handlerId, handlerId),
        gte(dutySlots.date, today),
        lt(dutySlots.date, addDays(today, 14)),
      ),
    )
    .orderBy(asc(dutySlots.startsAt));
  return slotViews(db, rows, now);
}

export async function serviceViews(db: Queryable, where: ReturnType<typeof eq>) {
  const rows = await db
    .select({
      s: dutyServices,
      stationName: organisations.name,
      number: applications.number,
      forwardedLate: applications.forwardedLate,
    })
    .from(dutyServices)
    .innerJoin(organisations, eq(organisations.id, dutyServices.stationOrgId))
    .leftJoin(applications, eq(applications.id, dutyServices.applicationId))
    .where(where)
    .orderBy(desc(dutyServices.servedAt));
  return rows.map(({ s, stationName, number, forwardedLate }) => ({
    id: s.id,
    station: { id: s.stationOrgId, name: stationName },
    slotId: s.slotId,
    servedAt: s.servedAt.toISOString(),
    serviceTypes: s.serviceTypes,
    personName: s.personName,
    institutionCaseNumber: s.institutionCaseNumber,
    prosecutor: s.prosecutor,
    charges: s.charges,
    pleaOpinion: s.pleaOpinion,
    pleaOpinionText: s.pleaOpinionText,
    requestId: s.requestId,
    application:
      s.applicationId && number
        ? { id: s.applicationId, number, forwardedLate: forwardedLate ?? null }
        : null,
  }));
}

/** Requests not yet served at the given stations (or every station in a scope), oldest first. */
export async function openRequests(db: Queryable, filter: { stationIds?: string[]; scope?: DataScope }) {
  const rows = await db
    .select({ r: dutyRequests, stationName: organisations.name, lawyer: handlers.name })
    .from(dutyRequests)
    .innerJoin(organisations, eq(organisations.id, dutyRequests.stationOrgId))
    .leftJoin(handlers, eq(handlers.id, dutyRequests.dutyHandlerId))
    .where(
      and(
        ne(dutyRequests.status, 'served'),
        filter.stationIds ? inArray(dutyRequests.stationOrgId, filter.stationIds) : undefined,
        filter.scope ? pathInScope(filter.scope, organisations.path) : undefined,
      ),
    )
    .orderBy(asc(dutyRequests.createdAt));
  return rows.map(({ r, stationName, lawyer }) => ({
    id: r.id,
    station: { id: r.stationOrgId, name: stationName },
    suspectName: r.suspectName,
    institutionCaseNumber: r.institutionCaseNumber,
    reason: r.reason,
    wantedAt: r.wantedAt?.toISOString() ?? null,
    place: r.place,
    status: r.status,
    dutyLawyer: lawyer,
    receivedAt: r.createdAt.toISOString(),
  }));
}

/** Open swap requests at the stations of a scope. */
export async function openSwapRequests(db: Queryable, scope: DataScope, now: Date) {
  const rows = await db
    .select({ q: dutySwapRequests, slot: dutySlots, name: handlers.name })
    .from(dutySwapRequests)
    .innerJoin(dutySlots, eq(dutySlots.id, dutySwapRequests.slotId))
    .innerJoin(organisations, eq(organisations.id, dutySlots.stationOrgId))
    .innerJoin(handlers, eq(handlers.id, dutySwapRequests.handlerId))
    .where(and(eq(dutySwapRequests.status, 'requested'), pathInScope(scope, organisations.path)))
    .orderBy(asc(dutySwapRequests.requestedAt));
  const views = await slotViews(
    db,
    rows.map((r) => r.slot),
    now,
  );
  return rows.map((r, i) => ({
    id: r.q.id,
    slot: views[i] as (typeof views)[number],
    requestedBy: { id: r.q.handlerId, name: r.name },
    reason: r.q.reason,
    requestedAt: r.q.requestedAt.toISOString(),
  }));
}

export const todayOf = (now: Date): LocalDate => beijingDateOf(now);
