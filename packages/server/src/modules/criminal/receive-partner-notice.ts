import { and, eq, inArray } from 'drizzle-orm';
import { NOTIFYING_INSTITUTIONS, type CriminalStage, type NotifyingInstitution } from '@fayuan/domain';
import type { Tx } from '../../db/client.ts';
import { applications, criminalNotices, organisations } from '../../db/schema/index.ts';
import { isUniqueViolation } from '../../db/pg-errors.ts';
import type { AppDeps, RequestOrigin } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { decidingCentre } from '../applications/application-rules.ts';
import type { PartnerActor } from '../partners/partner-actor.ts';
import type { PartnerNoticeInput } from './criminal.schemas.ts';
import { openCriminalNotice } from './record-criminal-notice.ts';
import { storeInlineAttachments } from './partner-attachments.ts';
import { matchOrRegister } from './registry-person.ts';

const isNotifying = (kind: string): kind is NotifyingInstitution =>
  (NOTIFYING_INSTITUTIONS as readonly string[]).includes(kind);

/** The notice this partner already sent under its own case number, if any. */
export async function noticeByReference(tx: Tx, partnerId: string, reference: string) {
  const [row] = await tx
    .select({ id: applications.id })
    .from(criminalNotices)
    .innerJoin(applications, eq(applications.id, criminalNotices.applicationId))
    .where(and(eq(applications.partnerId, partnerId), eq(criminalNotices.partnerReference, reference)));
  return row;
}

/**
 * A notice sent by an organ through the partner API. Only police, procuratorates and courts notify
 * (LAL art.25, art.28; other kinds answer 422 CRIMINAL_NOTICE_INSTITUTION_NOT_NOTIFYING). The case
 * opens in the district centre of the partner's organisation with the partner as the institution,
 * its case number as `partner_reference` (a second notice under it answers 409
 * CRIMINAL_NOTICE_DUPLICATE naming the first), the defendant matched or registered
 * (registry-person.ts), and the notice letter kept as the case's attachment. Call it inside
 * `withFileCleanup` and one transaction: a refusal leaves no person, case, clock or file.
 */
export async function receivePartnerNotice(
  deps: AppDeps,
  tx: Tx,
  partner: PartnerActor,
  input: PartnerNoticeInput,
  origin: RequestOrigin,
): Promise<string> {
  if (!isNotifying(partner.kind))
    throw new AppError('CRIMINAL_NOTICE_INSTITUTION_NOT_NOTIFYING', { kind: partner.kind });
  const actor = partner.actor;
  const existing = await noticeByReference(tx, partner.partnerId, input.institutionCaseNumber);
  if (existing) throw new AppError('CRIMINAL_NOTICE_DUPLICATE', { id: existing.id });
  let courtDistrictOrgId: string | null = null;
  if (input.courtDistrictCode) {
    const [court] = await tx
      .select({ id: organisations.id })
      .from(organisations)
      .where(
        and(
          eq(organisations.regionCode, input.courtDistrictCode),
          inArray(organisations.kind, ['district_centre', 'city_centre']),
          eq(organisations.active, true),
        ),
      );
    if (!court) throw new AppError('VALIDATION_FAILED', { field: 'courtDistrictCode' });
    courtDistrictOrgId = court.id;
  }
  const ownerOrgId = await decidingCentre(tx, partner.organisationId);
  const defendant = await matchOrRegister(deps, tx, actor, ownerOrgId, input.defendant, origin, 'defendant');
  let id: string;
  try {
    id = await openCriminalNotice(
      deps,
      tx,
      actor,
      ownerOrgId,
      {
        institutionKind: partner.kind,
        institutionName: partner.name,
        noticeNumber: input.institutionCaseNumber,
        stage: input.stage as CriminalStage,
        ground: input.ground,
        charges: input.charges,
        defendantId: defendant.id,
        detained: input.defendant.detained,
        detentionPlace: input.defendant.detentionPlace ?? null,
        courtDistrictOrgId,
        receivedAt: deps.clock.now(),
        facts: input.facts ?? null,
        source: 'partner_api',
        partnerReference: input.institutionCaseNumber,
        partnerId: partner.partnerId,
        flags: { defendantMatched: defendant.matched, defendantNameDiffers: defendant.nameDiffers },
      },
      origin,
    );
  } catch (error) {
    // A concurrent notice under the same case number won the race.
    if (isUniqueViolation(error, 'criminal_notices_partner_ref_idx'))
      throw new AppError('CRIMINAL_NOTICE_DUPLICATE');
    throw error;
  }
  await storeInlineAttachments(deps, tx, actor, id, input.attachments, origin);
  return id;
}
