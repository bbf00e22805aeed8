import { and, eq } from 'drizzle-orm';
import type { Queryable, Tx } from '../../../db/client.ts';
import { caseRatings, complaints, organisations } from '../../../db/schema/index.ts';
import type { AppDeps, RequestOrigin } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import { recordAudit } from '../../../platform/audit/audit-log.ts';
import type { CitizenPrincipal } from '../citizen-session.ts';
import { ownApplication } from '../applications/portal-application-views.ts';
import { receiveComplaint } from '../../quality/complaints/complaints.ts';
import { refreshConcernsOfCase } from '../../quality/handler-quality.ts';
import { ratingReceived } from '../../quality/visits/visits.ts';
import { citizenComplaints } from '../../quality/complaints/complaint-views.ts';

const CLOSED = new Set(['closed', 'evaluated', 'subsidy_paid', 'archived']);
const CENTRE_KINDS = new Set(['city_centre', 'district_centre']);

/**
 * A complaint from the portal, about a centre, a handler or the service: received like one taken at
 * the window (numbered, its acceptance period started, the centre's directors told), naming the
 * signed-in citizen as the complainant.
 */
export async function fileComplaint(
  deps: AppDeps,
  tx: Tx,
  citizen: CitizenPrincipal,
  input: {
    about: 'centre' | 'handler' | 'service';
    applicationId?: string | undefined;
    organisationCode?: string | undefined;
    text: string;
    wantsReply: boolean;
  },
  origin: RequestOrigin,
) {
  let organisationId: string | undefined;
  if (input.applicationId) {
    const app = await ownApplication(tx, citizen, input.applicationId);
    organisationId = app.ownerOrgId;
  } else if (input.organisationCode) {
    const [org] = await tx
      .select({ id: organisations.id, kind: organisations.kind })
      .from(organisations)
      .where(eq(organisations.code, input.organisationCode));
    if (org && CENTRE_KINDS.has(org.kind)) organisationId = org.id;
  }
  if (!organisationId) throw new AppError('PORTAL_CENTRE_UNKNOWN', { field: 'organisationCode' });
  const { id } = await receiveComplaint(
    deps,
    tx,
    {
      channel: 'portal',
      citizenId: citizen.citizenId,
      organisationId,
      applicationId: input.applicationId ?? null,
      about: input.about,
      text: input.text,
      wantsReply: input.wantsReply,
    },
    origin,
  );
  return id;
}

export function ownComplaints(db: Queryable, citizen: CitizenPrincipal) {
  return citizenComplaints(db, citizen.citizenId);
}

/**
 * The citizen asks the justice bureau to review how their answered complaint was handled
 * (申请复查): recorded on the complaint, which goes to the bureau's review.
 */
export async function appealOwnComplaint(
  deps: AppDeps,
  tx: Tx,
  citizen: CitizenPrincipal,
  complaintId: string,
  text: string,
  origin: RequestOrigin,
) {
  const [row] = await tx
    .select()
    .from(complaints)
    .where(and(eq(complaints.id, complaintId), eq(complaints.citizenId, citizen.citizenId)))
    .for('update');
  if (!row) throw new AppError('COMPLAINT_NOT_FOUND');
  if (row.status !== 'replied') throw new AppError('COMPLAINT_NOT_APPEALABLE');
  const now = deps.clock.now();
  await tx
    .update(complaints)
    .set({ status: 'appealed', appealText: text, appealedAt: now, version: row.version + 1 })
    .where(eq(complaints.id, row.id));
  await recordAudit(tx, { cipher: deps.cipher, at: now }, origin, {
    action: 'complaint.appeal',
    entityType: 'complaints',
    entityId: row.id,
    organisationId: row.organisationId,
    changes: { status: { before: row.status, after: 'appealed' } },
  });
}

/** The recipient rates their own closed case, once: 1–5 and words (满意度评价). */
export async function rateCase(
  deps: AppDeps,
  tx: Tx,
  citizen: CitizenPrincipal,
  applicationId: string,
  input: { score: number; comment?: string | undefined },
  origin: RequestOrigin,
) {
  const app = await ownApplication(tx, citizen, applicationId, true);
  if (!CLOSED.has(app.state)) throw new AppError('PORTAL_RATING_NOT_CLOSED');
  const [existing] = await tx.select().from(caseRatings).where(eq(caseRatings.applicationId, app.id));
  if (existing) throw new AppError('PORTAL_RATING_EXISTS');
  const now = deps.clock.now();
  await tx.insert(caseRatings).values({
    applicationId: app.id,
    citizenId: citizen.citizenId,
    score: input.score,
    comment: input.comment ?? null,
    ratedAt: now,
  });
  await recordAudit(tx, { cipher: deps.cipher, at: now }, origin, {
    action: 'case.rate',
    entityType: 'applications',
    entityId: app.id,
    organisationId: app.ownerOrgId,
    changes: { score: { after: input.score } },
  });
  await ratingReceived(deps, tx, app, input.score);
  await refreshConcernsOfCase(deps, tx, app.id, origin);
}

export async function ratingOf(db: Queryable, applicationId: string) {
  const [row] = await db
    .select()
    .from(caseRatings)
    .where(and(eq(caseRatings.applicationId, applicationId)));
  return row ? { score: row.score, comment: row.comment, ratedAt: row.ratedAt.toISOString() } : null;
}
