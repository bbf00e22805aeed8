import { undecidedApplication } from '../applications/undecided-application.ts';
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { beijingDateOf, type LocalDate } from '@fayuan/domain';
import type { Tx } from '../../db/client.ts';
import { applications } from '../../db/schema/index.ts';
import type { AppDeps, RequestOrigin } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { issueDocumentNumber } from '../../platform/documents/document-numbers.ts';
import {
  decidingCentre,
  jurisdictionOf,
  listItemsInForce,
  matterInForce,
  reviewFlags,
} from '../applications/application-rules.ts';
import { forwardedLate } from '../applications/create-application.ts';
import { runEvent } from '../applications/run-event.ts';
import type { PartnerActor } from '../partners/partner-actor.ts';
import type { ForwardedApplicationInput } from './criminal.schemas.ts';
import { storeInlineAttachments } from './partner-attachments.ts';
import { matchOrRegister } from './registry-person.ts';

const CRIMINAL_MATTERS = /^(criminal_|compulsory_medical_treatment$)/;

/**
 * An application a detention centre, police or a court forwards on a detainee's behalf (LAL
 * art.39). It is the window's `forwarded` channel arriving by the partner API: the lifecycle
 * records the custody application when the detainee asked (the `custody_transfer` clock starts at
 * `requestedAt`) and the centre's receipt now (that clock stops, the review clock starts, the
 * receipt is issued). More than the period in force (24 h) between the two flags the record
 * `forwardedLate` (and the reviewer's flag), as create-application.ts does. The hardship basis is
 * left for the window to record on review: a forwarding says nothing of the household.
 */
export async function receiveForwardedApplication(
  deps: AppDeps,
  tx: Tx,
  partner: PartnerActor,
  input: ForwardedApplicationInput,
  origin: RequestOrigin,
): Promise<string> {
  const actor = partner.actor;
  const now = deps.clock.now();
  const requestedAt = new Date(input.requestedAt);
  if (requestedAt.getTime() > now.getTime())
    throw new AppError('FORWARDED_REQUESTED_IN_FUTURE', { field: 'requestedAt' });
  const on = beijingDateOf(now) as LocalDate;
  const ownerOrgId = await decidingCentre(tx, partner.organisationId);
  const jurisdiction = await jurisdictionOf(tx, ownerOrgId);
  await matterInForce(tx, jurisdiction, input.matter, on);
  const late = await forwardedLate(tx, jurisdiction, requestedAt, now);
  const applicant = await matchOrRegister(deps, tx, actor, ownerOrgId, input.applicant, origin, 'applicant');
  const flags = await reviewFlags(
    tx,
    { applicantId: applicant.id, matter: input.matter, forwardedLate: late },
    await listItemsInForce(tx, jurisdiction, 'review_flag', on),
  );
  const { number } = await issueDocumentNumber(tx, {
    organisationId: ownerOrgId,
    documentKind: 'application',
    at: now,
  });
  const id = randomUUID();
  const row = {
    id,
    number,
    ownerOrgId,
    intakeOrgId: partner.organisationId,
    state: 'awaiting_transfer' as const,
    stateChangedAt: now,
    channel: 'forwarded' as const,
    forwardedBy: partner.name,
    forwardedReceivedAt: requestedAt,
    forwardedLate: late,
    partnerId: partner.partnerId,
    preliminaryReview: null,
    applicantId: applicant.id,
    consultationId: null,
    matter: input.matter,
    caseType: CRIMINAL_MATTERS.test(input.matter) ? ('criminal' as const) : ('civil' as const),
    stage: null,
    opposingParty: null,
    courtOrAuthority: input.institutionCaseNumber
      ? `${partner.name}（${input.institutionCaseNumber}）`
      : partner.name,
    facts: input.facts ?? (input.detentionPlace ? `在押：${input.detentionPlace}` : '由羁押场所转交'),
    requestedHelp: '法律援助',
    hardshipBasis: null,
    householdMembers: null,
    householdMonthlyIncomeFen: null,
    categories: [],
    eligibilityFacts: {},
    assessment: null,
    ruleVersion: null,
    flags,
    receivedAt: now,
    receivedBy: actor.userId,
    citizenId: null,
    ...undecidedApplication(now),
  };
  await tx.insert(applications).values(row);
  // When the detainee asked: custody holds the application, its 24-hour clock runs (LAL art.39).
  await runEvent(deps, tx, {
    application: { ...row, numberSeq: null, state: null as never },
    event: { type: 'record_custody_application' },
    actor,
    origin,
    clockStart: requestedAt,
    facts: { clientDetained: input.detained },
    payload: {
      number,
      forwardedBy: partner.name,
      source: 'partner_api',
      defendantMatched: applicant.matched,
    },
  });
  // …and the centre receives it now (LAL art.39, art.43).
  const [held] = await tx.select().from(applications).where(eq(applications.id, id));
  await runEvent(deps, tx, {
    application: held!,
    event: { type: 'receive_transferred_application' },
    actor,
    origin,
    facts: { clientDetained: input.detained },
    payload: { forwardedLate: late, requestedAt: requestedAt.toISOString() },
  });
  await storeInlineAttachments(deps, tx, actor, id, input.attachments, origin);
  return id;
}

/** `GET /forwarded-applications/{id}`: this partner's forwarded application, its state and decision. */
export async function forwardedView(tx: Tx, partner: PartnerActor, id: string) {
  const [row] = await tx.select().from(applications).where(eq(applications.id, id));
  if (!row || row.partnerId !== partner.partnerId || row.channel !== 'forwarded')
    throw new AppError('NOT_FOUND');
  return {
    id: row.id,
    receivedAt: row.receivedAt.toISOString(),
    status: row.state,
    forwardedLate: row.forwardedLate === true,
    requestedAt: row.forwardedReceivedAt?.toISOString() ?? null,
    decision: row.decision,
    decidedAt: row.decidedAt?.toISOString() ?? null,
  };
}
