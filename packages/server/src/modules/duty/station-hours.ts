import { eq } from 'drizzle-orm';
import { dutyHoursProblem, type DutyHours } from '@fayuan/domain';
import type { Queryable, Tx } from '../../db/client.ts';
import { dutySettings, dutyStations, organisations } from '../../db/schema/index.ts';
import type { Actor, AppDeps, RequestOrigin } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { recordAudit } from '../../platform/audit/audit-log.ts';
import { dutySettingsOf, stationInScope } from './duty.repository.ts';

export async function organisationPathOf(db: Queryable, id: string): Promise<string> {
  const [row] = await db
    .select({ path: organisations.path })
    .from(organisations)
    .where(eq(organisations.id, id));
  if (!row) throw new AppError('NOT_FOUND');
  return row.path;
}

/**
 * The centre sets a station's duty hours per weekday (data: the roster reads them) and the
 * institution the station sits in (回避 with it keeps a lawyer off its roster).
 */
export async function setStationHours(
  deps: AppDeps,
  tx: Tx,
  actor: Actor,
  stationId: string,
  input: { hours: DutyHours[]; hostInstitution?: string | null | undefined },
  origin: RequestOrigin,
) {
  const station = await stationInScope(tx, actor.scope, stationId);
  const problem = dutyHoursProblem(input.hours);
  if (problem) throw new AppError('DUTY_HOURS_INVALID', { field: 'hours', problem });
  const now = deps.clock.now();
  const hostInstitution =
    input.hostInstitution === undefined ? station.hostInstitution : input.hostInstitution;
  await tx
    .insert(dutyStations)
    .values({
      organisationId: stationId,
      hours: input.hours,
      hostInstitution,
      updatedBy: actor.userId,
      updatedAt: now,
    })
    .onConflictDoUpdate({
      target: dutyStations.organisationId,
      set: { hours: input.hours, hostInstitution, updatedBy: actor.userId, updatedAt: now },
    });
  await recordAudit(tx, { cipher: deps.cipher, at: now }, origin, {
    action: 'duty_station.update',
    entityType: 'duty_stations',
    entityId: stationId,
    changes: {
      hours: { before: station.hours, after: input.hours },
      hostInstitution: { before: station.hostInstitution, after: hostInstitution },
    },
  });
}

/** The centre's duty settings (capacity per week, rotation window, lateness): its habits, not law. */
export async function setDutySettings(
  deps: AppDeps,
  tx: Tx,
  actor: Actor,
  stationId: string,
  input: { maxDutiesPerWeek: number; rotationWeeks: number; lateAfterMinutes: number },
  origin: RequestOrigin,
) {
  await stationInScope(tx, actor.scope, stationId);
  const before = await dutySettingsOf(tx, stationId);
  const now = deps.clock.now();
  await tx
    .insert(dutySettings)
    .values({ organisationId: before.centreId, ...input, updatedAt: now })
    .onConflictDoUpdate({ target: dutySettings.organisationId, set: { ...input, updatedAt: now } });
  await recordAudit(tx, { cipher: deps.cipher, at: now }, origin, {
    action: 'duty_settings.update',
    entityType: 'duty_settings',
    entityId: before.centreId,
    changes: {
      maxDutiesPerWeek: { before: before.maxDutiesPerWeek, after: input.maxDutiesPerWeek },
      rotationWeeks: { before: before.rotationWeeks, after: input.rotationWeeks },
      lateAfterMinutes: { before: before.lateAfterMinutes, after: input.lateAfterMinutes },
    },
  });
}
