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
import type { ActivityView, DiscussionView } from './casework.schemas.ts';

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

export async function majorFlagOf(db: Queryable, applicationId: string) {
  const [row] = await db.select().from(caseMajorFlags).where(eq(caseMajorFlags.applicationId, applicationId));
  return row ? { major: row.major, reason: row.reason, setBy: row.setBy, setAt: iso(row.setAt) } : null;
}

export async function closingsOf(db: Queryable, applicationId: string) {
  const rows = await db
    .select()
    .from(caseClosings)
    .where(eq(caseClosings.applicationId, applicationId))
    .orderBy(desc(caseClosings.submittedAt));
  return rows.map((c) => ({
    id: c.id,
    result: c.result,
    amountRecoveredFen: c.amountRecoveredFen,
    report: c.report,
    attachmentIds: c.attachmentIds,
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
