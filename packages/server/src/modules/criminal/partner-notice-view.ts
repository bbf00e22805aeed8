import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import { beijingDateOf, type CaseState } from '@fayuan/domain';
import type { Tx } from '../../db/client.ts';
import {
  applications,
  caseAssignments,
  caseClocks,
  criminalNotices,
  handlers,
  issuedDocuments,
  lawFirms,
} from '../../db/schema/index.ts';
import type { AppDeps, RequestOrigin } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { recordAudit } from '../../platform/audit/audit-log.ts';
import { withFileCleanup } from '../../platform/storage/file-store.ts';
import { documentPdfOf } from '../applications/documents.ts';
import type { PartnerActor } from '../partners/partner-actor.ts';
import type { NOTICE_STATUSES } from './criminal.schemas.ts';

export type NoticeStatus = (typeof NOTICE_STATUSES)[number];
const PARTNER_LETTERS = ['assignment_letter', 'meeting_letter'] as const;
const CLOSED: readonly CaseState[] = ['closed', 'evaluated', 'subsidy_paid', 'archived'];
const TERMINATED: readonly CaseState[] = ['terminated', 'objection_to_termination'];

/**
 * A notice's status in the organ's words, from the case itself (state and assignments): closed
 * (closing accepted, or later: evaluated, paid, archived), terminated (LAL art.48, also while an
 * objection to it is reviewed), withdrawn; otherwise by the assignments — a current one after a
 * replaced one is `handler_changed`, a current one alone `assigned`, none after earlier ones
 * `awaiting_reassignment`, none at all `received`.
 */
export function noticeStatus(
  state: CaseState,
  assignments: readonly { status: 'pending' | 'accepted' | 'declined' | 'replaced' }[],
): NoticeStatus {
  if (CLOSED.includes(state)) return 'closed';
  if (TERMINATED.includes(state)) return 'terminated';
  if (state === 'withdrawn') return 'withdrawn';
  const current = assignments.some((a) => a.status === 'pending' || a.status === 'accepted');
  if (current) return assignments.some((a) => a.status === 'replaced') ? 'handler_changed' : 'assigned';
  return assignments.length > 0 ? 'awaiting_reassignment' : 'received';
}

/** A case's assignments, newest first. */
async function assignmentsOf(tx: Tx, applicationId: string) {
  return tx
    .select({ status: caseAssignments.status, handlerId: caseAssignments.handlerId })
    .from(caseAssignments)
    .where(eq(caseAssignments.applicationId, applicationId))
    .orderBy(desc(caseAssignments.assignedAt));
}

/** The handler of the current (pending or accepted) assignment as the organ sees them, or null. */
async function currentHandler(
  deps: Pick<AppDeps, 'cipher'>,
  tx: Tx,
  assignments: Awaited<ReturnType<typeof assignmentsOf>>,
) {
  const current = assignments.find((a) => a.status === 'pending' || a.status === 'accepted');
  if (!current) return null;
  const [row] = await tx
    .select({
      name: handlers.name,
      licenceNumber: handlers.licenceNumber,
      phoneSealed: handlers.phoneSealed,
      firm: lawFirms.name,
    })
    .from(handlers)
    .leftJoin(lawFirms, eq(lawFirms.id, handlers.firmId))
    .where(eq(handlers.id, current.handlerId));
  if (!row) return null;
  return {
    name: row.name,
    firm: row.firm,
    licenceNumber: row.licenceNumber,
    phone: row.phoneSealed ? deps.cipher.open(row.phoneSealed) : null,
  };
}

/**
 * What an event for the organ says about its case now (partner-events): the status in the organ's
 * words and the handler's name, firm and licence number. No phone: an event row is not sealed, so
 * the lawyer's phone is read through the signed status query.
 */
export async function partnerCaseSnapshot(deps: Pick<AppDeps, 'cipher'>, tx: Tx, applicationId: string) {
  const [row] = await tx
    .select({ state: applications.state, reference: criminalNotices.partnerReference })
    .from(applications)
    .leftJoin(criminalNotices, eq(criminalNotices.applicationId, applications.id))
    .where(eq(applications.id, applicationId));
  const assignments = await assignmentsOf(tx, applicationId);
  const handler = await currentHandler(deps, tx, assignments);
  return {
    institutionCaseNumber: row?.reference ?? null,
    status: noticeStatus(row!.state, assignments),
    handler: handler
      ? { name: handler.name, firm: handler.firm, licenceNumber: handler.licenceNumber }
      : null,
  };
}

/** This partner's notice (by `partner_id`), or 404 NOT_FOUND: another partner's is not even hinted at. */
async function ownNotice(tx: Tx, partner: PartnerActor, id: string) {
  const [row] = await tx
    .select({
      id: applications.id,
      state: applications.state,
      receivedAt: applications.receivedAt,
      reference: criminalNotices.partnerReference,
    })
    .from(applications)
    .innerJoin(criminalNotices, eq(criminalNotices.applicationId, applications.id))
    .where(and(eq(applications.id, id), eq(applications.partnerId, partner.partnerId)));
  if (!row) throw new AppError('NOT_FOUND');
  return row;
}

/** What `POST /criminal-notices` answers: the notice as received, its due date and status. */
export async function noticeReceipt(tx: Tx, id: string) {
  const [row] = await tx
    .select({ receivedAt: applications.receivedAt })
    .from(applications)
    .where(eq(applications.id, id));
  return {
    id,
    receivedAt: row!.receivedAt.toISOString(),
    assignmentDueDate: await assignmentDueDate(tx, id),
    status: 'received' as const,
  };
}

/** The last day of the 3-day assignment period (LAL art.36) as a Beijing date. */
export async function assignmentDueDate(tx: Tx, applicationId: string): Promise<string | null> {
  const [clock] = await tx
    .select({ dueAt: caseClocks.dueAt })
    .from(caseClocks)
    .where(and(eq(caseClocks.applicationId, applicationId), eq(caseClocks.period, 'assignment')))
    .orderBy(asc(caseClocks.startedAt))
    .limit(1);
  return clock ? beijingDateOf(clock.dueAt) : null;
}

/**
 * `GET /criminal-notices/{id}` for the organ: status, the handler it must reach (name, firm,
 * licence number and work phone, unmasked: the organ needs to call the lawyer), and the letters
 * for it (公函, 会见函) as signed-GET links. The read is audited as `partner.notice.read`.
 */
export async function partnerNoticeView(
  deps: AppDeps,
  tx: Tx,
  partner: PartnerActor,
  id: string,
  origin: RequestOrigin,
) {
  const notice = await ownNotice(tx, partner, id);
  const assignments = await assignmentsOf(tx, id);
  const handler = await currentHandler(deps, tx, assignments);
  const documents = await tx
    .select({
      id: issuedDocuments.id,
      kind: issuedDocuments.kind,
      number: issuedDocuments.number,
      issuedAt: issuedDocuments.issuedAt,
    })
    .from(issuedDocuments)
    .where(and(eq(issuedDocuments.applicationId, id), inArray(issuedDocuments.kind, [...PARTNER_LETTERS])))
    .orderBy(asc(issuedDocuments.issuedAt));
  await recordAudit(tx, { cipher: deps.cipher, at: deps.clock.now() }, origin, {
    action: 'partner.notice.read',
    entityType: 'applications',
    entityId: id,
  });
  return {
    id,
    institutionCaseNumber: notice.reference,
    receivedAt: notice.receivedAt.toISOString(),
    assignmentDueDate: await assignmentDueDate(tx, id),
    status: noticeStatus(notice.state, assignments),
    handler,
    documents: documents.map((d) => ({
      id: d.id,
      kind: d.kind as (typeof PARTNER_LETTERS)[number],
      number: d.number,
      issuedAt: d.issuedAt.toISOString(),
      url: `/api/partner/v1/criminal-notices/${id}/documents/${d.id}`,
    })),
  };
}

/** One of the organ's letters as PDF: the same rendered, kept document the staff app serves, audited. */
export async function partnerNoticeDocument(
  deps: AppDeps,
  partner: PartnerActor,
  id: string,
  documentId: string,
  origin: RequestOrigin,
) {
  return withFileCleanup(deps.files, (files) =>
    deps.db.transaction(async (tx) => {
      await ownNotice(tx, partner, id);
      const [doc] = await tx
        .select({ kind: issuedDocuments.kind })
        .from(issuedDocuments)
        .where(and(eq(issuedDocuments.id, documentId), eq(issuedDocuments.applicationId, id)));
      if (!doc || !(PARTNER_LETTERS as readonly string[]).includes(doc.kind)) throw new AppError('NOT_FOUND');
      return documentPdfOf({ ...deps, files }, tx, id, documentId, origin);
    }),
  );
}
