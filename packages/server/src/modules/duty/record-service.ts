import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { beijingDateOf, missingPleaFields, type LocalDate } from '@fayuan/domain';
import type { Tx } from '../../db/client.ts';
import { dutyRequests, dutyServices, dutySlots } from '../../db/schema/index.ts';
import type { Actor, AppDeps, RequestOrigin } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { recordAudit } from '../../platform/audit/audit-log.ts';
import { findPerson } from '../people/people.repository.ts';
import { jurisdictionOf, listItemsInForce } from '../applications/application-rules.ts';
import { handlerOfActor } from './duty.repository.ts';
import type { ServiceInput } from './duty.schemas.ts';

/**
 * The duty lawyer logs a person served (服务台账): the services given (list `duty_service_type`
 * in force that day), who (a name and an optional ID number, sealed, or a person of the registry),
 * the organ's case number, and for presence at a plea signing (CPL art.174) the prosecutor, the
 * charges and the lawyer's opinion on the plea (CPL art.173). Only on the lawyer's own slot; a
 * request from an organ that this service answers is closed by it. Audited; the ID number as ***.
 */
export async function recordService(
  deps: AppDeps,
  tx: Tx,
  actor: Actor,
  input: ServiceInput,
  origin: RequestOrigin,
): Promise<string> {
  const me = await handlerOfActor(tx, actor);
  const [slot] = await tx.select().from(dutySlots).where(eq(dutySlots.id, input.slotId));
  if (!slot) throw new AppError('NOT_FOUND', { field: 'slotId' });
  if (slot.handlerId !== me.id) throw new AppError('DUTY_NOT_YOUR_SLOT');
  const now = deps.clock.now();
  const servedAt = input.servedAt ? new Date(input.servedAt) : now;
  if (servedAt.getTime() > now.getTime()) throw new AppError('VALIDATION_FAILED', { field: 'servedAt' });
  if (beijingDateOf(servedAt) !== slot.date) throw new AppError('DUTY_NOT_SLOT_DAY', { field: 'servedAt' });

  const jurisdiction = await jurisdictionOf(tx, slot.stationOrgId);
  const types = await listItemsInForce(tx, jurisdiction, 'duty_service_type', slot.date as LocalDate);
  const known = new Set(types.map((t) => t.code));
  const unknown = input.serviceTypes.find((t) => !known.has(t));
  if (unknown) throw new AppError('DUTY_SERVICE_TYPE_UNKNOWN', { field: 'serviceTypes', code: unknown });
  const missing = missingPleaFields(input);
  if (missing.length > 0) throw new AppError('DUTY_PLEA_FIELDS_REQUIRED', { fields: missing });

  let personName = input.person.name ?? null;
  if (input.person.personId) {
    const found = await findPerson(tx, actor.scope, input.person.personId);
    if (!found) throw new AppError('NOT_FOUND', { field: 'person.personId' });
    personName = found.person.name;
  }
  if (!personName) throw new AppError('VALIDATION_FAILED', { field: 'person.name' });

  if (input.requestId) {
    const [request] = await tx
      .select()
      .from(dutyRequests)
      .where(and(eq(dutyRequests.id, input.requestId), eq(dutyRequests.stationOrgId, slot.stationOrgId)))
      .for('update');
    if (!request) throw new AppError('NOT_FOUND', { field: 'requestId' });
    if (request.status === 'served') throw new AppError('DUTY_REQUEST_CLOSED');
    await tx
      .update(dutyRequests)
      .set({
        status: 'served',
        servedAt,
        acceptedBy: request.acceptedBy ?? actor.userId,
        acceptedAt: request.acceptedAt ?? now,
        dutyHandlerId: me.id,
      })
      .where(eq(dutyRequests.id, request.id));
  }

  const sealed = input.person.idNumber ? deps.cipher.seal(input.person.idNumber) : null;
  const id = randomUUID();
  const plea = input.serviceTypes.includes('plea_signing_presence') ? input.plea : undefined;
  await tx.insert(dutyServices).values({
    id,
    stationOrgId: slot.stationOrgId,
    slotId: slot.id,
    handlerId: me.id,
    servedAt,
    serviceTypes: input.serviceTypes,
    personId: input.person.personId ?? null,
    personName,
    personIdNumberSealed: sealed?.sealed ?? null,
    personIdNumberHash: sealed?.hash ?? null,
    institutionCaseNumber: input.institutionCaseNumber ?? null,
    prosecutor: plea?.prosecutor ?? null,
    charges: plea?.charges ?? [],
    pleaOpinion: plea?.opinion ?? null,
    pleaOpinionText: plea?.opinionText ?? null,
    notes: input.notes ?? null,
    requestId: input.requestId ?? null,
    recordedBy: actor.userId,
    createdAt: now,
  });
  await recordAudit(tx, { cipher: deps.cipher, at: now }, origin, {
    action: 'duty_service.create',
    entityType: 'duty_services',
    entityId: id,
    changes: {
      serviceTypes: { after: input.serviceTypes },
      personName: { after: personName },
      personIdNumber: { after: input.person.idNumber ?? null },
      institutionCaseNumber: { after: input.institutionCaseNumber ?? null },
      charges: { after: plea?.charges ?? [] },
      pleaOpinion: { after: plea?.opinion ?? null },
    },
  });
  return id;
}
