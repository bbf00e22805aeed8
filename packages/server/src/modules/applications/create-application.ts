import { undecidedApplication } from './undecided-application.ts';
import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { assessEligibility, beijingDateOf, type ApplicantCategory, type LocalDate } from '@fayuan/domain';
import { checkFacts } from '../eligibility/assess-eligibility.ts';
import type { Tx } from '../../db/client.ts';
import { applicationMaterials, applications, consultations } from '../../db/schema/index.ts';
import type { Actor, AppDeps, RequestOrigin } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { issueDocumentNumber } from '../../platform/documents/document-numbers.ts';
import { ownerInScope } from '../../platform/scope/data-scope.ts';
import { findPerson } from '../people/people.repository.ts';
import { jurisdictionChain, loadRuleBook } from '../rules/rules.repository.ts';
import {
  decidingCentre,
  jurisdictionOf,
  listItemsInForce,
  matterInForce,
  periodInForce,
  requiredMaterials,
  reviewFlags,
} from './application-rules.ts';
import type { CreateApplicationInput } from './applications.schemas.ts';
import { runEvent } from './run-event.ts';

/** Bases on which the hardship test is actually run on the household's figures. */
const TESTED_BASES = new Set(['integrity_pledge', 'certificate']);

/** Did the forwarding body keep its limit (LAL art.39: 24 hours, as a dated period rule)? */
export async function forwardedLate(tx: Tx, jurisdiction: string, forwardedAt: Date, receivedAt: Date) {
  const rule = await periodInForce(tx, jurisdiction, 'custody_transfer', beijingDateOf(forwardedAt));
  if (!rule || rule.unit !== 'hours') return false;
  return receivedAt.getTime() > forwardedAt.getTime() + rule.amount * 3_600_000;
}

/**
 * Takes in an application (受理): checks the applicant, matter and materials; runs the
 * eligibility assessment and stores it with its rule version; flags repeat and withdrawn matters
 * for the reviewer; numbers it; then the lifecycle's `receive_application` starts the review
 * clock, issues the receipt and tells the applicant.
 */
export async function createApplication(
  deps: AppDeps,
  tx: Tx,
  actor: Actor,
  input: CreateApplicationInput,
  origin: RequestOrigin,
  /** Filed by a citizen on the public portal: only that citizen reaches it there (issue 14). */
  links: { citizenId?: string } = {},
): Promise<string> {
  const now = deps.clock.now();
  const receivedAt = input.receivedAt ? new Date(input.receivedAt) : now;
  const on = beijingDateOf(receivedAt) as LocalDate;
  const person = await findPerson(tx, actor.scope, input.applicantId);
  if (!person) throw new AppError('NOT_FOUND', { field: 'applicantId' });
  const ownerOrgId = await decidingCentre(tx, actor.organisationId);
  const jurisdiction = await jurisdictionOf(tx, ownerOrgId);
  await matterInForce(tx, jurisdiction, input.matter, on);

  let late: boolean | null = null;
  if (input.channel === 'forwarded') {
    if (!input.forwardedBy || !input.forwardedReceivedAt)
      throw new AppError('APPLICATION_FORWARDING_REQUIRED', { field: 'forwardedBy' });
    late = await forwardedLate(tx, jurisdiction, new Date(input.forwardedReceivedAt), receivedAt);
  }
  if (TESTED_BASES.has(input.hardshipBasis) && !input.household)
    throw new AppError('APPLICATION_HOUSEHOLD_REQUIRED', { field: 'household' });

  const chain = await jurisdictionChain(tx, jurisdiction);
  const ruleBook = await loadRuleBook(tx, chain);
  checkFacts(ruleBook, input.eligibilityFacts, on, 'eligibilityFacts');
  const assessment = assessEligibility(
    {
      applicationDate: on,
      matter: input.matter,
      categories: input.categories as ApplicantCategory[],
      household: input.household,
      facts: input.eligibilityFacts,
    },
    ruleBook,
  );

  const materialRules = await listItemsInForce(tx, jurisdiction, 'application_material', on);
  const known = new Set(materialRules.map((m) => m.code));
  const unknown = input.materialsProvided.find((code) => !known.has(code));
  if (unknown)
    throw new AppError('APPLICATION_MATERIAL_UNKNOWN', { field: 'materialsProvided', code: unknown });
  const provided = new Set(input.materialsProvided);
  const strayForm = input.materialForms.find((f) => !provided.has(f.code));
  if (strayForm)
    throw new AppError('APPLICATION_MATERIAL_UNKNOWN', { field: 'materialForms', code: strayForm.code });
  const forms = new Map(input.materialForms.map((f) => [f.code, f]));
  const required = requiredMaterials(materialRules, input.hardshipBasis, input.actingByAgent).map(
    (m) => m.code,
  );

  const id = randomUUID();
  const flags = await reviewFlags(
    tx,
    { applicantId: person.person.id, matter: input.matter, forwardedLate: late === true },
    await listItemsInForce(tx, jurisdiction, 'review_flag', on),
  );
  if (input.consultationId) {
    const [consultation] = await tx
      .select({ id: consultations.id })
      .from(consultations)
      .where(
        and(eq(consultations.id, input.consultationId), ownerInScope(actor.scope, consultations.ownerOrgId)),
      )
      .for('update');
    if (!consultation) throw new AppError('APPLICATION_CONSULTATION_INVALID', { field: 'consultationId' });
  }
  const { number } = await issueDocumentNumber(tx, {
    organisationId: ownerOrgId,
    documentKind: 'application',
    at: receivedAt,
  });
  const row = {
    id,
    number,
    ownerOrgId,
    intakeOrgId: actor.organisationId,
    state: 'received' as const,
    stateChangedAt: now,
    channel: input.channel,
    forwardedBy: input.forwardedBy ?? null,
    forwardedReceivedAt: input.forwardedReceivedAt ? new Date(input.forwardedReceivedAt) : null,
    forwardedLate: late,
    partnerId: null,
    preliminaryReview:
      input.preliminaryReviewNote && actor.organisationId !== ownerOrgId
        ? { by: actor.displayName, at: now.toISOString(), note: input.preliminaryReviewNote }
        : null,
    applicantId: person.person.id,
    consultationId: input.consultationId ?? null,
    matter: input.matter,
    caseType: input.caseType,
    stage: input.stage ?? null,
    opposingParty: input.opposingParty ?? null,
    courtOrAuthority: input.courtOrAuthority ?? null,
    facts: input.facts,
    requestedHelp: input.requestedHelp,
    hardshipBasis: input.hardshipBasis,
    householdMembers: input.household?.members ?? null,
    householdMonthlyIncomeFen: input.household?.monthlyIncomeFen ?? null,
    categories: input.categories,
    eligibilityFacts: input.eligibilityFacts as Record<string, boolean>,
    assessment,
    ruleVersion: assessment.ruleVersion,
    flags,
    receivedAt,
    receivedBy: actor.userId,
    citizenId: links.citizenId ?? null,
    ...undecidedApplication(now),
  };
  await tx.insert(applications).values(row);
  const materialCodes = [...new Set([...required, ...provided])];
  if (materialCodes.length > 0)
    await tx.insert(applicationMaterials).values(
      materialCodes.map((code) => ({
        id: randomUUID(),
        applicationId: id,
        code,
        label: null,
        status: provided.has(code) ? ('provided' as const) : ('missing' as const),
        providedAt: provided.has(code) ? receivedAt : null,
        copies: forms.get(code)?.copies ?? null,
        original: forms.get(code)?.original ?? null,
      })),
    );
  if (input.consultationId)
    await tx
      .update(consultations)
      .set({ outcome: 'converted', applicationId: id, updatedAt: now })
      .where(eq(consultations.id, input.consultationId));

  await runEvent(deps, tx, {
    application: { ...row, numberSeq: null, state: null as never },
    event: { type: 'receive_application', channel: input.channel },
    actor,
    origin,
    payload: {
      number,
      applicantId: row.applicantId,
      channel: row.channel,
      matter: row.matter,
      caseType: row.caseType,
      hardshipBasis: row.hardshipBasis,
      householdMonthlyIncomeFen: row.householdMonthlyIncomeFen,
      eligible: assessment.eligible,
      ruleVersion: assessment.ruleVersion,
      flags: flags.map((f) => f.code),
      missing: required.filter((code) => !provided.has(code)),
    },
  });
  return id;
}
