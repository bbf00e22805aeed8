import { randomUUID } from 'node:crypto';
import { and, desc, eq } from 'drizzle-orm';
import type { Queryable, Tx } from '../../../db/client.ts';
import { applications, caseRatings, complaints, organisations } from '../../../db/schema/index.ts';
import type { AppDeps, RequestOrigin } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import { recordAudit } from '../../../platform/audit/audit-log.ts';
import { ownerInScope, type DataScope } from '../../../platform/scope/data-scope.ts';
import type { CitizenPrincipal } from '../citizen-session.ts';
import { ownApplication } from '../applications/portal-application-views.ts';

const CLOSED = new Set(['closed', 'evaluated', 'subsidy_paid', 'archived']);
const CENTRE_KINDS = new Set(['city_centre', 'district_centre']);

/**
 * A complaint from the portal, about a centre, a handler or the service: kept as received, for the
 * complaints work of the next issue (acceptance and reply periods are not applied here: the 2025
 * rule's periods are not confirmed, docs/lifecycle.md "to confirm").
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
  const id = randomUUID();
  const now = deps.clock.now();
  await tx.insert(complaints).values({
    id,
    channel: 'portal',
    citizenId: citizen.citizenId,
    organisationId,
    applicationId: input.applicationId ?? null,
    about: input.about,
    text: input.text,
    wantsReply: input.wantsReply ? 'sms' : 'none',
    receivedAt: now,
  });
  await recordAudit(tx, { cipher: deps.cipher, at: now }, origin, {
    action: 'complaint.receive',
    entityType: 'complaints',
    entityId: id,
    organisationId,
    changes: { citizenId: { after: citizen.citizenId }, about: { after: input.about } },
  });
  return id;
}

export async function ownComplaints(db: Queryable, citizen: CitizenPrincipal) {
  const rows = await db
    .select({ c: complaints, centre: organisations.name })
    .from(complaints)
    .innerJoin(organisations, eq(organisations.id, complaints.organisationId))
    .where(eq(complaints.citizenId, citizen.citizenId))
    .orderBy(desc(complaints.receivedAt));
  return {
    items: rows.map(({ c, centre }) => ({
      id: c.id,
      centre,
      about: c.about,
      text: c.text,
      status: c.status,
      receivedAt: c.receivedAt.toISOString(),
    })),
  };
}

/** Complaints received by the staff member's centres, newest first (read-only until the next issue). */
export async function complaintsInScope(db: Queryable, scope: DataScope) {
  const rows = await db
    .select({ c: complaints, centre: organisations.name, number: applications.number })
    .from(complaints)
    .innerJoin(organisations, eq(organisations.id, complaints.organisationId))
    .leftJoin(applications, eq(applications.id, complaints.applicationId))
    .where(ownerInScope(scope, complaints.organisationId))
    .orderBy(desc(complaints.receivedAt))
    .limit(500);
  return {
    items: rows.map(({ c, centre, number }) => ({
      id: c.id,
      channel: c.channel,
      centre,
      applicationNumber: number,
      about: c.about,
      text: c.text,
      wantsReply: c.wantsReply,
      status: c.status,
      receivedAt: c.receivedAt.toISOString(),
    })),
  };
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
}

export async function ratingOf(db: Queryable, applicationId: string) {
  const [row] = await db
    .select()
    .from(caseRatings)
    .where(and(eq(caseRatings.applicationId, applicationId)));
  return row ? { score: row.score, comment: row.comment, ratedAt: row.ratedAt.toISOString() } : null;
}
