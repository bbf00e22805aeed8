import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { DutyRequestReason } from '@fayuan/domain';
import type { Queryable, Tx } from '../../db/client.ts';
import { dutyRequests, handlers, organisations } from '../../db/schema/index.ts';
import type { Actor, AppDeps, RequestOrigin } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { recordAudit } from '../../platform/audit/audit-log.ts';
import { pathWithin } from '../../platform/scope/data-scope.ts';
import { directorsOf, notifyUsers } from '../notifications/notify-users.ts';
import { dutySettingsOf, handlerOfActor, slotAt, STATION_KINDS, stationInScope } from './duty.repository.ts';

export interface DutyLawyerRequestInput {
  /** The station's organisation code; without it, the caller's own organisation must be a station. */
  stationOrganisationCode?: string | undefined;
  suspect: { name: string; idNumber?: string | undefined };
  institutionCaseNumber: string;
  reason: DutyRequestReason;
  wantedAt?: string | undefined;
  place?: string | undefined;
}

export interface DutyRequestView {
  id: string;
  status: 'received' | 'accepted' | 'served';
  station: { id: string; code: string; name: string };
  dutyLawyer: { name: string } | null;
}

/** The station asked for: by code within the caller's organisation subtree, or the caller's own. */
async function stationAskedFor(db: Queryable, actor: Actor, code: string | undefined) {
  const [org] = await db
    .select({ id: organisations.id, path: organisations.path, kind: organisations.kind })
    .from(organisations)
    .where(code ? eq(organisations.code, code) : eq(organisations.id, actor.organisationId));
  if (!org || !(STATION_KINDS as readonly string[]).includes(org.kind) || !pathWithin(actor.scope, org.path))
    throw new AppError('DUTY_REQUEST_STATION_UNKNOWN', { field: 'stationOrganisationCode' });
  return stationInScope(db, { kind: 'all' }, org.id);
}

/**
 * An organ asks for a duty lawyer for a suspect (e.g. before the plea agreement is signed, CPL
 * art.174; LAL art.37: the suspect may see the duty lawyer). The lawyer on duty at the station now
 * hears of it in the bell (and by SMS if they chose it); with nobody on duty, the station's
 * centre's directors do. The suspect's ID number is sealed. `actor` is the partner's service
 * account (partnerOf(request).actor) or a member of staff.
 */
export async function requestDutyLawyer(
  deps: AppDeps,
  tx: Tx,
  actor: Actor,
  input: DutyLawyerRequestInput,
  origin: RequestOrigin,
  partnerId: string | null = null,
): Promise<DutyRequestView> {
  const station = await stationAskedFor(tx, actor, input.stationOrganisationCode);
  const now = deps.clock.now();
  const slot = await slotAt(tx, station.id, now);
  const sealed = input.suspect.idNumber ? deps.cipher.seal(input.suspect.idNumber) : null;
  const id = randomUUID();
  await tx.insert(dutyRequests).values({
    id,
    stationOrgId: station.id,
    partnerId,
    requestedBy: actor.userId,
    suspectName: input.suspect.name,
    suspectIdNumberSealed: sealed?.sealed ?? null,
    suspectIdNumberHash: sealed?.hash ?? null,
    institutionCaseNumber: input.institutionCaseNumber,
    reason: input.reason,
    wantedAt: input.wantedAt ? new Date(input.wantedAt) : null,
    place: input.place ?? null,
    status: 'received',
    dutyHandlerId: slot?.handlerId ?? null,
    createdAt: now,
  });
  let lawyerName: string | null = null;
  let told: string[] = [];
  if (slot?.handlerId) {
    const [lawyer] = await tx
      .select({ name: handlers.name, userId: handlers.userId })
      .from(handlers)
      .where(eq(handlers.id, slot.handlerId));
    lawyerName = lawyer?.name ?? null;
    if (lawyer?.userId) told = [lawyer.userId];
  }
  if (told.length === 0) told = await directorsOf(tx, (await dutySettingsOf(tx, station.id)).centreId);
  await notifyUsers(deps, tx, {
    kind: 'duty_request',
    userIds: told,
    organisationId: station.id,
    applicationId: null,
    activityId: id,
    dueAt: input.wantedAt ? new Date(input.wantedAt) : now,
    params: { institution: actor.displayName, station: station.name },
  });
  await recordAudit(tx, { cipher: deps.cipher, at: now }, origin, {
    action: 'duty_request.create',
    entityType: 'duty_requests',
    entityId: id,
    changes: {
      stationId: { after: station.id },
      suspectName: { after: input.suspect.name },
      suspectIdNumber: { after: input.suspect.idNumber ?? null },
      reason: { after: input.reason },
    },
  });
  return {
    id,
    status: 'received',
    station: { id: station.id, code: station.code, name: station.name },
    dutyLawyer: lawyerName ? { name: lawyerName } : null,
  };
}

/** A request as its sender sees it: status and the lawyer's name (received, accepted, served). */
export async function dutyRequestView(
  db: Queryable,
  id: string,
  requestedBy: string,
): Promise<DutyRequestView> {
  const [row] = await db
    .select({
      id: dutyRequests.id,
      status: dutyRequests.status,
      stationId: organisations.id,
      code: organisations.code,
      stationName: organisations.name,
      lawyer: handlers.name,
    })
    .from(dutyRequests)
    .innerJoin(organisations, eq(organisations.id, dutyRequests.stationOrgId))
    .leftJoin(handlers, eq(handlers.id, dutyRequests.dutyHandlerId))
    .where(and(eq(dutyRequests.id, id), eq(dutyRequests.requestedBy, requestedBy)));
  if (!row) throw new AppError('NOT_FOUND');
  return {
    id: row.id,
    status: row.status,
    station: { id: row.stationId, code: row.code, name: row.stationName },
    dutyLawyer: row.lawyer ? { name: row.lawyer } : null,
  };
}

/** The duty lawyer (or the centre) takes an open request: it shows as accepted, with the lawyer. */
export async function acceptDutyRequest(
  deps: AppDeps,
  tx: Tx,
  actor: Actor,
  id: string,
  origin: RequestOrigin,
) {
  const [request] = await tx.select().from(dutyRequests).where(eq(dutyRequests.id, id)).for('update');
  if (!request) throw new AppError('NOT_FOUND');
  const isManager = actor.permissions.includes('duty.manage');
  let handlerId = request.dutyHandlerId;
  if (isManager) await stationInScope(tx, actor.scope, request.stationOrgId);
  else {
    const me = await handlerOfActor(tx, actor);
    const slot = await slotAt(tx, request.stationOrgId, deps.clock.now());
    if (request.dutyHandlerId !== me.id && slot?.handlerId !== me.id)
      throw new AppError('DUTY_NOT_YOUR_SLOT');
    handlerId = me.id;
  }
  if (request.status !== 'received') throw new AppError('DUTY_REQUEST_CLOSED');
  const now = deps.clock.now();
  await tx
    .update(dutyRequests)
    .set({ status: 'accepted', acceptedBy: actor.userId, acceptedAt: now, dutyHandlerId: handlerId })
    .where(eq(dutyRequests.id, id));
  await recordAudit(tx, { cipher: deps.cipher, at: now }, origin, {
    action: 'duty_request.accept',
    entityType: 'duty_requests',
    entityId: id,
    changes: { status: { before: request.status, after: 'accepted' } },
  });
}
