import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import {
  beijingDateOf,
  mondayOf,
  planRoster,
  weekSlots,
  type DutyCandidate,
  type LocalDate,
  type PlannedDutySlot,
} from '@fayuan/domain';
import type { Queryable, Tx } from '../../db/client.ts';
import { dutyRosters, dutySlots } from '../../db/schema/index.ts';
import type { Actor, AppDeps, RequestOrigin } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { recordAudit } from '../../platform/audit/audit-log.ts';
import { organisationPathOf } from './station-hours.ts';
import { handlerProfiles, qualificationRules } from '../assignment/profiles.ts';
import {
  beijingInstant,
  dutyHistory,
  dutySettingsOf,
  stationInScope,
  type Station,
} from './duty.repository.ts';

export interface RosterPlan {
  station: Station;
  weekStart: LocalDate;
  maxDutiesPerWeek: number;
  slots: PlannedDutySlot[];
  names: Map<string, string>;
}

/**
 * The roster the engine proposes for a station's week (排班预览): the week's slots from the
 * station's hours, each filled with the eligible handler of the station's centre who has had the
 * fewest duties lately, checked by the duty rules (active, a lawyer — LAL art.14 —, no relation with
 * the host institution, not on duty elsewhere at that time, the week's capacity). Same data, same roster.
 */
export async function planStationWeek(
  db: Queryable,
  actor: Actor,
  stationId: string,
  weekStart: LocalDate,
): Promise<RosterPlan> {
  if (mondayOf(weekStart) !== weekStart) throw new AppError('DUTY_WEEK_NOT_MONDAY', { field: 'weekStart' });
  const station = await stationInScope(db, actor.scope, stationId);
  if (station.hours.length === 0) throw new AppError('DUTY_STATION_NO_HOURS');
  const settings = await dutySettingsOf(db, station.id);
  const centrePath = await organisationPathOf(db, settings.centreId);
  const { profiles, rows } = await handlerProfiles(
    db,
    { kind: 'subtree', path: centrePath },
    [settings.centreId],
    weekStart,
  );
  const history = await dutyHistory(
    db,
    profiles.map((p) => p.id),
    station.id,
    weekStart,
    settings.rotationWeeks,
  );
  const candidates: DutyCandidate[] = profiles.map((p) => {
    const h = history.get(p.id);
    return {
      id: p.id,
      kind: p.kind,
      status: p.status,
      yearsOfPractice: p.yearsOfPractice,
      conflictParties: [...p.conflicts.actedFor, ...p.conflicts.relations.map((r) => r.party)],
      dutiesThisWeek: h?.thisWeek ?? 0,
      recentDuties: h?.recent ?? 0,
      lastDutyOn: (h?.last ?? null) as LocalDate | null,
      busy: h?.busy ?? [],
    };
  });
  const rules = await qualificationRules(db, settings.centreId, weekStart);
  const slots = planRoster({
    station: { id: station.id, hostInstitution: station.hostInstitution },
    slots: weekSlots(weekStart, station.hours),
    candidates,
    rules,
    policy: { maxPerWeek: settings.maxDutiesPerWeek },
  });
  const names = new Map([...rows.values()].map((r) => [r.id, r.name]));
  return { station, weekStart, maxDutiesPerWeek: settings.maxDutiesPerWeek, slots, names };
}

/** Confirms the proposed roster of a week (the same plan the preview showed): slots saved, audited. */
export async function confirmRoster(
  deps: AppDeps,
  tx: Tx,
  actor: Actor,
  stationId: string,
  weekStart: LocalDate,
  origin: RequestOrigin,
): Promise<string> {
  const plan = await planStationWeek(tx, actor, stationId, weekStart);
  if (weekStart < mondayOf(beijingDateOf(deps.clock.now())))
    throw new AppError('DUTY_SLOT_PAST', { field: 'weekStart' });
  const [existing] = await tx
    .select({ id: dutyRosters.id })
    .from(dutyRosters)
    .where(and(eq(dutyRosters.stationOrgId, stationId), eq(dutyRosters.weekStart, weekStart)));
  if (existing) throw new AppError('DUTY_ROSTER_EXISTS');
  const now = deps.clock.now();
  const id = randomUUID();
  await tx.insert(dutyRosters).values({
    id,
    stationOrgId: stationId,
    weekStart,
    confirmedBy: actor.userId,
    confirmedAt: now,
  });
  if (plan.slots.length > 0)
    await tx.insert(dutySlots).values(
      plan.slots.map((s) => ({
        id: randomUUID(),
        rosterId: id,
        stationOrgId: stationId,
        date: s.date,
        shift: s.shift,
        startsAt: beijingInstant(s.date, s.start),
        endsAt: beijingInstant(s.date, s.end),
        handlerId: s.handlerId,
        reasons: s.reasons,
      })),
    );
  await recordAudit(tx, { cipher: deps.cipher, at: now }, origin, {
    action: 'duty_roster.confirm',
    entityType: 'duty_rosters',
    entityId: id,
    changes: {
      stationId: { after: stationId },
      weekStart: { after: weekStart },
      slots: { after: plan.slots.map((s) => `${s.date} ${s.shift} ${s.handlerId ?? '-'}`).join('; ') },
    },
  });
  return id;
}
