import { eq } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { dutyServices, organisations } from '../../db/schema/index.ts';
import type { Actor, AppDeps, RequestOrigin } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { recordAudit } from '../../platform/audit/audit-log.ts';
import { decidingCentre } from '../applications/application-rules.ts';
import { createApplication } from '../applications/create-application.ts';
import { createPerson } from '../people/create-person.ts';
import { handlerOfActor, stationById } from './duty.repository.ts';
import { organisationPathOf } from './station-hours.ts';
import type { ForwardInput } from './duty.schemas.ts';

/**
 * A service turned into an aid application in one step (转为援助申请): the person served applies
 * through the duty lawyer, who passes it on (LAL art.39(2): within 24 hours). The application is
 * taken in at the station for its district centre, channel `forwarded`, forwarded by the station,
 * `forwardedReceivedAt` = when the person asked (the service's time); the `custody_transfer`
 * period rule decides whether it came late, as for any forwarded application (create-application.ts).
 * The person is the registry's (linked on the service) or registered now in the centre.
 *
 * The lawyer acts here as the station's duty lawyer: the lifecycle sees the role `duty_lawyer`
 * (which may take in forwarded applications only), and the scope is the station's centre.
 */
export async function forwardServiceAsApplication(
  deps: AppDeps,
  tx: Tx,
  actor: Actor,
  serviceId: string,
  input: ForwardInput,
  origin: RequestOrigin,
): Promise<string> {
  const me = await handlerOfActor(tx, actor);
  const [service] = await tx.select().from(dutyServices).where(eq(dutyServices.id, serviceId)).for('update');
  if (!service) throw new AppError('NOT_FOUND');
  if (service.handlerId !== me.id) throw new AppError('DUTY_NOT_YOUR_SLOT');
  if (service.applicationId) throw new AppError('DUTY_SERVICE_ALREADY_FORWARDED');
  const station = await stationById(tx, service.stationOrgId);
  const centreId = await decidingCentre(tx, station.id);
  const [stationOrg] = await tx.select().from(organisations).where(eq(organisations.id, station.id));
  if (!stationOrg) throw new AppError('NOT_FOUND');
  const stationActor: Actor = {
    ...actor,
    roles: ['duty_lawyer'],
    organisationId: station.id as Actor['organisationId'],
    organisation: {
      id: station.id,
      code: station.code,
      name: station.name,
      kind: station.kind,
      path: station.path,
    },
    organisationPath: station.path,
    scope: { kind: 'subtree', path: await organisationPathOf(tx, centreId) },
  };

  let applicantId = service.personId;
  if (!applicantId) {
    const idNumber = service.personIdNumberSealed
      ? deps.cipher.open(service.personIdNumberSealed)
      : undefined;
    try {
      const created = await createPerson(
        deps,
        tx,
        stationActor,
        {
          ownerOrgId: centreId,
          name: service.personName,
          documentType: 'resident_id',
          ...(idNumber ? { idNumber } : {}),
          categories: [],
          householdMembers: [],
        } as Parameters<typeof createPerson>[3],
        origin,
      );
      applicantId = created.id;
    } catch (error) {
      // The person is already in the centre's registry: the application is theirs.
      const known = error instanceof AppError && error.code === 'PERSON_DUPLICATE' ? error.details : null;
      if (!known || typeof known !== 'object' || !('personId' in known)) throw error;
      applicantId = String(known.personId);
    }
  }

  const now = deps.clock.now();
  const applicationId = await createApplication(
    deps,
    tx,
    stationActor,
    {
      applicantId,
      channel: 'forwarded',
      forwardedBy: station.name,
      forwardedReceivedAt: service.servedAt.toISOString(),
      matter: 'criminal_defense',
      caseType: 'criminal',
      stage: input.stage,
      ...(service.institutionCaseNumber ? { courtOrAuthority: service.institutionCaseNumber } : {}),
      facts: input.facts,
      requestedHelp: input.requestedHelp,
      hardshipBasis: input.hardshipBasis,
      ...(input.household ? { household: input.household } : {}),
      categories: [],
      eligibilityFacts: {},
      materialsProvided: [],
      materialForms: [],
      actingByAgent: false,
    },
    origin,
  );
  await tx
    .update(dutyServices)
    .set({ applicationId, forwardedAt: now })
    .where(eq(dutyServices.id, serviceId));
  await recordAudit(tx, { cipher: deps.cipher, at: now }, origin, {
    action: 'duty_service.forward',
    entityType: 'duty_services',
    entityId: serviceId,
    changes: { applicationId: { after: applicationId } },
  });
  return applicationId;
}
