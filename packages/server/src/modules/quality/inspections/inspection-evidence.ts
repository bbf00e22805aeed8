import { and, desc, eq, inArray } from 'drizzle-orm';
import {
  beijingDateOf,
  checklistFor,
  evaluateChecklist,
  type ChecklistEvaluation,
  type ChecklistEvidence,
  type ChecklistJudgement,
  type LocalDate,
  type ServiceStandardItem,
} from '@fayuan/domain';
import type { Queryable } from '../../../db/client.ts';
import {
  applications,
  caseActivities,
  caseAssignments,
  caseClocks,
  caseClosings,
  issuedDocuments,
} from '../../../db/schema/index.ts';
import { jurisdictionOf } from '../../applications/application-rules.ts';
import { jurisdictionChain, loadCalendar, rulesOf } from '../../rules/rules.repository.ts';
import { toDomainRule } from '../../rules/rule-tables.ts';

/**
 * Every version of the service-standard rows (the rule table `service_standard`) of the centre's
 * jurisdictions: what a checklist is drawn from, and what says how an item is evidenced.
 */
export async function serviceStandardRows(db: Queryable, ownerOrgId: string): Promise<ServiceStandardItem[]> {
  const chain = await jurisdictionChain(db, await jurisdictionOf(db, ownerOrgId));
  return (await rulesOf(db, 'service_standard', chain)).map((r) => toDomainRule<ServiceStandardItem>(r));
}

/** What a file inspection reads of a case: its checklist (rule rows of the day) and its record. */
export interface CaseRecord {
  checklistDate: LocalDate;
  items: ServiceStandardItem[];
  evidence: ChecklistEvidence;
}

/**
 * The service-standard rows in force on the case's assignment date for its case type (only rows of
 * the centre's jurisdictions), and the record they are checked against: activities of the handler's
 * timeline, documents issued, the closing materials on file at the accepted closing, the
 * assignment, the agreement clock's due time, and whether aid was terminated.
 */
export async function caseRecordOf(
  db: Queryable,
  app: { id: string; ownerOrgId: string; caseType: string; state: string },
): Promise<CaseRecord> {
  const [assignment] = await db
    .select({ assignedAt: caseAssignments.assignedAt })
    .from(caseAssignments)
    .where(and(eq(caseAssignments.applicationId, app.id), eq(caseAssignments.status, 'accepted')))
    .orderBy(desc(caseAssignments.assignedAt))
    .limit(1);
  const activities = await db
    .select({ kind: caseActivities.kind, status: caseActivities.status, at: caseActivities.occurredAt })
    .from(caseActivities)
    .where(eq(caseActivities.applicationId, app.id));
  const documents = await db
    .select({ kind: issuedDocuments.kind })
    .from(issuedDocuments)
    .where(eq(issuedDocuments.applicationId, app.id));
  const [closing] = await db
    .select({ materials: caseClosings.materials })
    .from(caseClosings)
    .where(and(eq(caseClosings.applicationId, app.id), eq(caseClosings.outcome, 'accepted')))
    .orderBy(desc(caseClosings.reviewedAt))
    .limit(1);
  const [agreementClock] = await db
    .select({ dueAt: caseClocks.dueAt })
    .from(caseClocks)
    .where(and(eq(caseClocks.applicationId, app.id), inArray(caseClocks.period, ['agreement_signing'])))
    .orderBy(desc(caseClocks.startedAt))
    .limit(1);

  const assignedAt = assignment?.assignedAt;
  const checklistDate = beijingDateOf(assignedAt ?? new Date());
  const rows = await serviceStandardRows(db, app.ownerOrgId);
  const documentKinds = documents.map((d) => d.kind);
  return {
    checklistDate,
    items: checklistFor(rows, app.caseType, checklistDate),
    evidence: {
      activities: activities.map((a) => ({ kind: a.kind, status: a.status, occurredAt: a.at.toISOString() })),
      documents: documentKinds,
      closingMaterials: (closing?.materials ?? [])
        .filter((m) => m.attachmentIds.length > 0)
        .map((m) => m.code),
      ...(assignedAt ? { assignedAt: assignedAt.toISOString() } : {}),
      terminated: app.state === 'terminated' || documentKinds.includes('termination_decision'),
      ...(agreementClock ? { dueAt: { agreement_signing: agreementClock.dueAt.toISOString() } } : {}),
    },
  };
}

/**
 * The checklist evaluated: each record item from the record, each judgement item from the
 * reviewer's word; with the working calendar around the assignment for an item whose period the
 * case's clock does not give.
 */
export async function evaluateCase(
  db: Queryable,
  ownerOrgId: string,
  record: CaseRecord,
  judgements: Readonly<Record<string, ChecklistJudgement>>,
): Promise<ChecklistEvaluation> {
  let calendar;
  if (record.evidence.assignedAt && !record.evidence.dueAt) {
    const chain = await jurisdictionChain(db, await jurisdictionOf(db, ownerOrgId));
    const from = record.checklistDate;
    const to = beijingDateOf(new Date(Date.parse(`${from}T00:00:00+08:00`) + 120 * 86_400_000));
    calendar = await loadCalendar(db, chain, from, to);
  }
  return evaluateChecklist(record.items, record.evidence, judgements, calendar);
}

/** The application an inspection reads, by id (the caller has checked scope). */
export async function inspectedApplication(db: Queryable, id: string) {
  const [app] = await db
    .select({
      id: applications.id,
      number: applications.number,
      ownerOrgId: applications.ownerOrgId,
      caseType: applications.caseType,
      state: applications.state,
    })
    .from(applications)
    .where(eq(applications.id, id));
  return app;
}
