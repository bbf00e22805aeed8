import { and, eq, inArray } from 'drizzle-orm';
import { beijingDateOf } from '@fayuan/domain';
import type { Tx } from '../../../db/client.ts';
import { applications, citizens, organisations, persons } from '../../../db/schema/index.ts';
import type { AppDeps, RequestOrigin } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import { recordAudit } from '../../../platform/audit/audit-log.ts';
import { createApplication } from '../../applications/create-application.ts';
import { createPerson } from '../../people/create-person.ts';
import { findIdNumberHolder } from '../../people/people.repository.ts';
import { normaliseFields } from '../../people/person-fields.ts';
import type { CitizenPrincipal } from '../citizen-session.ts';
import { citizenActorFor } from '../citizen-actor.ts';
import { pledgeInForce } from './pledge.ts';
import type { PortalApplicationInput } from './portal-applications.schemas.ts';

/** The offices a citizen applies to online: the city and district centres. */
const CENTRE_KINDS = ['city_centre', 'district_centre'];

/**
 * The real-name check at application time (issue 14): name and resident ID number with its
 * checksum. A later issue plugs the public-security verification service in here.
 */
export interface IdentityVerifier {
  verify(name: string, idNumber: string): Promise<{ ok: true } | { ok: false; problem: string }>;
}
/** The default: the checksum and date checks of GB 11643 run when the person is registered. */
export const checksumOnly: IdentityVerifier = { verify: async () => ({ ok: true }) };

/**
 * Which kind of case a matter makes when a citizen files it online; a reviewer may correct it. The
 * catalogue names matters, not case types, and a citizen should not have to choose.
 */
function caseTypeOf(matter: string) {
  if (matter.startsWith('state_compensation')) return 'state_compensation' as const;
  if (matter === 'appeal') return 'appeal' as const;
  if (matter === 'notarization') return 'notarial' as const;
  if (matter.startsWith('criminal_')) return 'criminal' as const;
  return 'civil' as const;
}

/**
 * An application filed on the portal: the same application as at the window (channel `online`,
 * the same assessment, materials, numbering, clocks and SMS), made through the centre's portal
 * account, with the applicant registered (or found by ID number, the name agreeing) and the
 * pledge's text and time kept.
 */
export async function submitOnlineApplication(
  deps: AppDeps,
  tx: Tx,
  citizen: CitizenPrincipal,
  input: PortalApplicationInput,
  origin: RequestOrigin,
  verifier: IdentityVerifier = checksumOnly,
) {
  if (input.pledge !== true) throw new AppError('PORTAL_PLEDGE_REQUIRED', { field: 'pledge' });
  const [centre] = await tx
    .select({ id: organisations.id })
    .from(organisations)
    .where(
      and(
        eq(organisations.code, input.organisationCode),
        inArray(organisations.kind, CENTRE_KINDS),
        eq(organisations.active, true),
      ),
    );
  if (!centre) throw new AppError('PORTAL_CENTRE_UNKNOWN', { field: 'organisationCode' });
  const actor = await citizenActorFor(deps, tx, centre.id);
  const asActor = { ...origin, actor };
  const now = deps.clock.now();
  const pledge = await pledgeInForce(tx, beijingDateOf(now));

  // The real-name check: a well-formed resident ID number (checksum, birth date) and the verifier.
  normaliseFields(
    {
      name: input.applicant.name,
      documentType: 'resident_id',
      idNumber: input.applicant.idNumber,
      birthDate: null,
      sex: null,
      phone: null,
      address: null,
      categories: [],
      householdMembers: [],
      representativeName: null,
      representativeRole: null,
      representativeRelation: null,
      representativePhone: null,
    },
    beijingDateOf(now),
    { birthDate: false, sex: false },
  );
  const verified = await verifier.verify(input.applicant.name, input.applicant.idNumber);
  if (!verified.ok)
    throw new AppError('ID_NUMBER_INVALID', { field: 'applicant.idNumber', problem: verified.problem });

  const applicantId = await applicantFor(deps, tx, citizen, input, actor, asActor);
  const categories = input.applicant.categories ?? [];
  const hardshipBasis = input.household
    ? ('integrity_pledge' as const)
    : categories.length > 0
      ? ('presumed_category' as const)
      : ('no_condition_ground' as const);
  const id = await createApplication(
    deps,
    tx,
    actor,
    {
      applicantId,
      channel: 'online',
      matter: input.matter,
      caseType: caseTypeOf(input.matter),
      facts: input.description,
      requestedHelp: input.description.slice(0, 2000),
      hardshipBasis,
      ...(input.household ? { household: input.household } : {}),
      categories,
      eligibilityFacts: input.facts ?? {},
      materialsProvided: [],
      materialForms: [],
      actingByAgent: false,
    },
    asActor,
    { citizenId: citizen.citizenId },
  );
  await tx
    .update(applications)
    .set({ pledge: { version: pledge.version, text: pledge.text, at: now.toISOString() } })
    .where(eq(applications.id, id));
  await recordAudit(tx, { cipher: deps.cipher, at: now }, asActor, {
    action: 'application.online_submitted',
    entityType: 'applications',
    entityId: id,
    changes: { citizenId: { after: citizen.citizenId }, pledge: { after: pledge.version } },
  });
  const [row] = await tx
    .select({ number: applications.number, state: applications.state })
    .from(applications)
    .where(eq(applications.id, id));
  return { id, receiptNumber: row!.number, state: row!.state };
}

/** The applicant's person record: found by ID number in the centre's scope (the name must agree), else registered. */
async function applicantFor(
  deps: AppDeps,
  tx: Tx,
  citizen: CitizenPrincipal,
  input: PortalApplicationInput,
  actor: Awaited<ReturnType<typeof citizenActorFor>>,
  origin: RequestOrigin,
): Promise<string> {
  const holder = await findIdNumberHolder(tx, actor.scope, deps.cipher.lookupHash(input.applicant.idNumber));
  if (holder?.inScope) {
    const [person] = await tx.select({ name: persons.name }).from(persons).where(eq(persons.id, holder.id));
    if (person?.name !== input.applicant.name.trim())
      throw new AppError('PORTAL_IDENTITY_MISMATCH', { field: 'applicant.name' });
    return holder.id;
  }
  const [me] = await tx
    .select({ phone: citizens.phoneSealed })
    .from(citizens)
    .where(eq(citizens.id, citizen.citizenId));
  const phone = me?.phone ? deps.cipher.open(me.phone) : undefined;
  const created = await createPerson(
    deps,
    tx,
    actor,
    {
      name: input.applicant.name,
      documentType: 'resident_id',
      idNumber: input.applicant.idNumber,
      ...(phone ? { phone } : {}),
      categories: input.applicant.categories ?? [],
      householdMembers: [],
    },
    origin,
  );
  return created.id;
}
