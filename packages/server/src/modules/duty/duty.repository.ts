import { and, asc, eq, gte, inArray, isNotNull, lt, lte, gt, ne, sql } from 'drizzle-orm';
import { addDays, type DutyHours, type LocalDate } from '@fayuan/domain';
import type { Queryable } from '../../db/client.ts';
import { dutySettings, dutySlots, dutyStations, handlers, organisations } from '../../db/schema/index.ts';
import type { Actor } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { pathInScope, pathWithin, type DataScope } from '../../platform/scope/data-scope.ts';
import { decidingCentre } from '../applications/application-rules.ts';

/** Organisation kinds of the duty-lawyer stations (LAL art.14; police case centres by local practice). */
export const STATION_KINDS = [
  'detention_centre_station',
  'court_station',
  'procuratorate_station',
  'police_case_centre_station',
] as const;

export interface Station {
  id: string;
  code: string;
  name: string;
  kind: string;
  path: string;
  address: string | null;
  phone: string | null;
  officeHours: string | null;
  hostInstitution: string | null;
  hours: DutyHours[];
}

const stationColumns = {
  id: organisations.id,
  code: organisations.code,
  name: organisations.name,
  kind: organisations.kind,
  path: organisations.path,
  address: organisations.address,
  phone: organisations.phone,
  officeHours: organisations.officeHours,
  hostInstitution: dutyStations.hostInstitution,
  hours: dutyStations.hours,
};

function toStation(r: Omit<Station, 'hours'> & { hours: DutyHours[] | null }): Station {
  return { ...r, hours: r.hours ?? [] };
}

/** The stations in a scope, by code. */
export async function stationsInScope(db: Queryable, scope: DataScope): Promise<Station[]> {
  const rows = await db
    .select(stationColumns)
    .from(organisations)
    .leftJoin(dutyStations, eq(dutyStations.organisationId, organisations.id))
    .where(
      and(
        inArray(organisations.kind, [...STATION_KINDS]),
        eq(organisations.active, true),
        pathInScope(scope, organisations.path),
      ),
    )
    .orderBy(asc(organisations.code));
  return rows.map(toStation);
}

/** A station in the scope (else NOT_FOUND), or an organisation that is no station (DUTY_NOT_A_STATION). */
export async function stationInScope(db: Queryable, scope: DataScope, id: string): Promise<Station> {
  const [row] = await db
    .select(stationColumns)
    .from(organisations)
    .leftJoin(dutyStations, eq(dutyStations.organisationId, organisations.id))
    .where(eq(organisations.id, id));
  if (!row || !pathWithin(scope, row.path)) throw new AppError('NOT_FOUND', { field: 'stationId' });
  if (!(STATION_KINDS as readonly string[]).includes(row.kind)) throw new AppError('DUTY_NOT_A_STATION');
  return toStation(row);
}

/** A station by id with no scope check: for the use cases that have already established access. */
export async function stationById(db: Queryable, id: string): Promise<Station> {
  const [row] = await db
    .select(stationColumns)
    .from(organisations)
    .leftJoin(dutyStations, eq(dutyStations.organisationId, organisations.id))
    .where(eq(organisations.id, id));
  if (!row) throw new AppError('NOT_FOUND');
  return toStation(row);
}

export interface DutySettings {
  maxDutiesPerWeek: number;
  rotationWeeks: number;
  lateAfterMinutes: number;
}

/** The duty settings of the centre a station belongs to (defaults when the centre set none). */
export async function dutySettingsOf(
  db: Queryable,
  stationId: string,
): Promise<DutySettings & { centreId: string }> {
  const centreId = await decidingCentre(db, stationId);
  const [row] = await db.select().from(dutySettings).where(eq(dutySettings.organisationId, centreId));
  return {
    centreId,
    maxDutiesPerWeek: row?.maxDutiesPerWeek ?? 3,
    rotationWeeks: row?.rotationWeeks ?? 4,
    lateAfterMinutes: row?.lateAfterMinutes ?? 15,
  };
}

/** The handler record the signed-in account is linked to (handler-login.ts), or DUTY_NOT_A_HANDLER. */
export async function handlerOfActor(db: Queryable, actor: Actor) {
  const [row] = await db
    .select({ id: handlers.id, name: handlers.name, organisationId: handlers.organisationId })
    .from(handlers)
    .where(eq(handlers.userId, actor.userId));
  if (!row) throw new AppError('DUTY_NOT_A_HANDLER');
  return row;
}

/** Slot instants: a Beijing wall-clock time on a date. */
export const beijingInstant = (date: string, hhmm: string) => new Date(`${date}T${hhmm}:00+08:00`);

/**
 * What the rotation and capacity need about each handler's duties around a week: duties this week at
 * other stations (and when), duties in the rotation window before it, the last duty date.
 */
export async function dutyHistory(
  db: Queryable,
  handlerIds: readonly string[],
  stationId: string,
  weekStart: LocalDate,
  rotationWeeks: number,
) {
  const history = new Map<
    string,
    { thisWeek: number; busy: string[]; recent: number; last: string | null }
  >();
  for (const id of handlerIds) history.set(id, { thisWeek: 0, busy: [], recent: 0, last: null });
  if (handlerIds.length === 0) return history;
  const weekEnd = addDays(weekStart, 7);
  const from = addDays(weekStart, -7 * rotationWeeks);
  const rows = await db
    .select({
      handlerId: dutySlots.handlerId,
      date: dutySlots.date,
      shift: dutySlots.shift,
      station: dutySlots.stationOrgId,
    })
    .from(dutySlots)
    .where(
      and(
        inArray(dutySlots.handlerId, [...handlerIds]),
        isNotNull(dutySlots.handlerId),
        gte(dutySlots.date, from),
        lt(dutySlots.date, weekEnd),
      ),
    );
  for (const r of rows) {
    const h = r.handlerId ? history.get(r.handlerId) : undefined;
    if (!h) continue;
    if (r.date >= weekStart) {
      if (r.station !== stationId) {
        h.thisWeek += 1;
        h.busy.push(`${r.date}|${r.shift}`);
      }
    } else {
      h.recent += 1;
      if (h.last === null || r.date > h.last) h.last = r.date;
    }
  }
  return history;
}

/** The slot a station has at an instant, with its lawyer (the lawyer on duty now). */
export async function slotAt(db: Queryable, stationId: string, at: Date) {
  const [row] = await db
    .select()
    .from(dutySlots)
    .where(
      and(
        eq(dutySlots.stationOrgId, stationId),
        lte(dutySlots.startsAt, at),
        gt(dutySlots.endsAt, at),
        isNotNull(dutySlots.handlerId),
      ),
    );
  return row;
}

/** Slots of a handler elsewhere at the same date and shift (one place at a time). */
export async function busyElsewhere(
  db: Queryable,
  handlerId: string,
  slot: { id: string; date: string; shift: string },
): Promise<boolean> {
  const rows = await db
    .select({ id: dutySlots.id })
    .from(dutySlots)
    .where(
      and(
        eq(dutySlots.handlerId, handlerId),
        eq(dutySlots.date, slot.date),
        eq(dutySlots.shift, slot.shift as 'am'),
        ne(dutySlots.id, slot.id),
      ),
    );
  return rows.length > 0;
}

export const countSql = sql<number>`count(*)::int`;
