import { asc, desc, eq } from 'drizzle-orm';
import { TERMINATION_GROUNDS } from '@fayuan/domain';
import type { Queryable } from '../../db/client.ts';
import {
  caseActivities,
  caseClosings,
  caseDiscussions,
  caseMajorFlags,
  terminationReports,
  users,
} from '../../db/schema/index.ts';
import type { ActivityView, DiscussionView, MajorView } from './casework.schemas.ts';
import { attachmentViews, presentMaterials } from './closing-materials.ts';

const iso = (d: Date) => d.toISOString();

/** The handler's timeline on a case, in the order things happened. */
export async function activitiesOf(db: Queryable, applicationId: string): Promise<ActivityView[]> {
  const rows = await db
    .select({ a: caseActivities, by: users.displayName })
    .from(caseActivities)
    .innerJoin(users, eq(users.id, caseActivities.createdBy))
    .where(eq(caseActivities.applicationId, applicationId))
    .orderBy(asc(caseActivities.occurredAt), asc(caseActivities.createdAt));
  return rows.map(({ a, by }) => ({
    id: a.id,
    kind: a.kind,
    occurredAt: iso(a.occurredAt),
    place: a.place,
    summary: a.summary,
    status: a.status,
    outcome: a.outcome,
    settledAt: a.settledAt ? iso(a.settledAt) : null,
    handlerId: a.handlerId,
    createdBy: { id: a.createdBy, displayName: by },
    createdAt: iso(a.createdAt),
  }));
}

export async function discussionsOf(db: Queryable, applicationId: string): Promise<DiscussionView[]> {
  const rows = await db
    .select({ d: caseDiscussions, by: users.displayName })
    .from(caseDiscussions)
    .innerJoin(users, eq(users.id, caseDiscussions.recordedBy))
    .where(eq(caseDiscussions.applicationId, applicationId))
    .orderBy(asc(caseDiscussions.heldAt));
  return rows.map(({ d, by }) => ({
    id: d.id,
    heldAt: iso(d.heldAt),
    participants: d.participants,
    conclusions: d.conclusions,
    recordedBy: { id: d.recordedBy, displayName: by },
    recordedAt: iso(d.recordedAt),
  }));
}

/** The director's mark on the case, who set it and when; a case never marked is not major. */
export async function majorFlagOf(db: Queryable, applicationId: string): Promise<MajorView> {
  const [row] = await db
    .select({ f: caseMajorFlags, by: users.displayName })
    .from(caseMajorFlags)
    .innerJoin(users, eq(users.id, caseMajorFlags.setBy))
    .where(eq(caseMajorFlags.applicationId, applicationId));
  if (!row) return { major: false, reason: null, setBy: null, setAt: null };
  const { f, by } = row;
  return { major: f.major, reason: f.reason, setBy: { id: f.setBy, displayName: by }, setAt: iso(f.setAt) };
}

export async function closingsOf(db: Queryable, applicationId: string) {
  const rows = await db
    .select()
    .from(caseClosings)
    .where(eq(caseClosings.applicationId, applicationId))
    .orderBy(desc(caseClosings.submittedAt));
  const files = rows.length > 0 ? await attachmentViews(db, applicationId) : new Map();
  return rows.map((c) => ({
    id: c.id,
    result: c.result,
    amountRecoveredFen: c.amountRecoveredFen,
    report: c.report,
    attachmentIds: c.attachmentIds,
    materials: presentMaterials(c.materials, files),
    ruleVersion: c.ruleVersion,
    submittedAt: iso(c.submittedAt),
    reviewedBy: c.reviewedBy,
    reviewedAt: c.reviewedAt ? iso(c.reviewedAt) : null,
    outcome: c.outcome,
    returnReason: c.returnReason,
  }));
}

export async function terminationReportsOf(db: Queryable, applicationId: string) {
  const rows = await db
    .select()
    .from(terminationReports)
    .where(eq(terminationReports.applicationId, applicationId))
    .orderBy(asc(terminationReports.reportedAt));
  return rows.map((r) => ({
    id: r.id,
    ground: r.ground,
    citation: TERMINATION_GROUNDS[r.ground],
    facts: r.facts,
    reportedAt: iso(r.reportedAt),
    status: r.status,
  }));
}
