import { and, asc, eq, gte, inArray, or } from 'drizzle-orm';
import type { DocumentKind } from '@fayuan/domain';
import type { Tx } from '../../db/client.ts';
import {
  type caseAssignments,
  caseClocks,
  criminalNotices,
  issuedDocuments,
  organisations,
  persons,
  type ApplicationRow,
} from '../../db/schema/index.ts';
import type { Actor, AppDeps, RequestOrigin } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { recordAudit } from '../../platform/audit/audit-log.ts';
import { documentPdfOf } from '../applications/documents.ts';
import { withFileCleanup } from '../../platform/storage/file-store.ts';
import { findApplication } from '../applications/applications.repository.ts';
import { currentAssignment } from './case-access.ts';

/**
 * The documents a handler works with: the decision that grants aid, the letters they present to
 * the handling body (LAL art.36), and the decision that ends it. Letters count only when issued
 * for their own assignment (a former handler's letters name someone else).
 */
const HANDLER_DECISIONS: readonly DocumentKind[] = ['grant_decision', 'termination_decision'];
const HANDLER_LETTERS: readonly DocumentKind[] = ['assignment_letter', 'meeting_letter'];

interface Reach {
  app: ApplicationRow;
  /** The handler's own assignment, when the actor reaches the case as its handler. */
  assignment: typeof caseAssignments.$inferSelect | null;
}

/**
 * The case as its handler sees it from the moment it is assigned to them (pending: to check for a
 * conflict before answering; accepted: to work it), or as centre staff in scope see it. Anyone
 * else gets 404, exactly as for a missing case.
 */
async function reach(tx: Tx, actor: Actor, id: string): Promise<Reach> {
  if (actor.roles.includes('handler')) {
    const own = await currentAssignment(tx, actor, id);
    if (own) return own;
  }
  if (actor.permissions.includes('application.read')) {
    const app = await findApplication(tx, actor.scope, id);
    if (app) return { app, assignment: null };
  }
  throw new AppError('NOT_FOUND');
}

/**
 * The case brief (案件概要) for the handler's page: parties, the handling body, the charges and
 * custody for a criminal case, the facts and the help asked for, the deadlines running, and the
 * documents the handler uses. The client's phone is opened for a handler who accepted the case
 * (they must keep the recipient informed, LAL art.46) and for centre staff; the read is audited.
 */
export async function caseBrief(deps: AppDeps, actor: Actor, id: string, origin: RequestOrigin) {
  return deps.db.transaction(async (tx) => {
    const { app, assignment } = await reach(tx, actor, id);
    const [client] = await tx.select().from(persons).where(eq(persons.id, app.applicantId));
    const [notice] = await tx.select().from(criminalNotices).where(eq(criminalNotices.applicationId, id));
    const [centre] = await tx
      .select({ name: organisations.name })
      .from(organisations)
      .where(eq(organisations.id, app.ownerOrgId));
    const clocks = await tx
      .select()
      .from(caseClocks)
      .where(and(eq(caseClocks.applicationId, id), inArray(caseClocks.status, ['running', 'paused'])))
      .orderBy(asc(caseClocks.dueAt));
    const documents = await tx
      .select({
        id: issuedDocuments.id,
        kind: issuedDocuments.kind,
        number: issuedDocuments.number,
        issuedAt: issuedDocuments.issuedAt,
      })
      .from(issuedDocuments)
      .where(and(eq(issuedDocuments.applicationId, id), documentsFor(assignment)))
      .orderBy(asc(issuedDocuments.issuedAt), asc(issuedDocuments.number));
    const phoneOpened =
      (assignment === null || assignment.status === 'accepted') && Boolean(client?.phoneSealed);
    await recordAudit(tx, { cipher: deps.cipher, at: deps.clock.now() }, origin, {
      action: 'case.brief_read',
      entityType: 'applications',
      entityId: id,
      changes: { phoneOpened: { after: phoneOpened } },
    });
    return {
      id: app.id,
      number: app.number,
      state: app.state,
      centre: centre?.name ?? '',
      matter: app.matter,
      caseType: app.caseType,
      stage: app.stage,
      client: {
        name: client?.name ?? '',
        phone: phoneOpened && client?.phoneSealed ? deps.cipher.open(client.phoneSealed) : null,
        categories: client?.categories ?? [],
      },
      opposingParty: app.opposingParty,
      courtOrAuthority: app.courtOrAuthority,
      facts: app.facts,
      requestedHelp: app.requestedHelp,
      criminalNotice: notice
        ? {
            institutionKind: notice.institutionKind,
            institutionName: notice.institutionName,
            noticeNumber: notice.noticeNumber,
            stage: notice.stage,
            ground: notice.ground,
            charges: notice.charges,
            detained: notice.detained,
            detentionPlace: notice.detentionPlace,
          }
        : null,
      assignment: assignment
        ? {
            id: assignment.id,
            status: assignment.status as 'pending' | 'accepted',
            assignedAt: assignment.assignedAt.toISOString(),
            respondBy: assignment.respondBy.toISOString(),
            acceptedAt:
              assignment.status === 'accepted' ? (assignment.respondedAt?.toISOString() ?? null) : null,
          }
        : null,
      deadlines: clocks.map((c) => ({
        period: c.period,
        status: c.status as 'running' | 'paused',
        startedAt: c.startedAt.toISOString(),
        dueAt: c.dueAt.toISOString(),
      })),
      documents: documents.map((d) => ({ ...d, issuedAt: d.issuedAt.toISOString() })),
    };
  });
}

/** Decisions always; letters issued from the handler's own assignment on (staff see them all). */
function documentsFor(assignment: Reach['assignment']) {
  if (!assignment) return inArray(issuedDocuments.kind, [...HANDLER_DECISIONS, ...HANDLER_LETTERS]);
  return or(
    inArray(issuedDocuments.kind, [...HANDLER_DECISIONS]),
    and(
      inArray(issuedDocuments.kind, [...HANDLER_LETTERS]),
      gte(issuedDocuments.issuedAt, assignment.assignedAt),
    ),
  );
}

/** One of the brief's documents as PDF, for the handler (or staff in scope); audited like any document read. */
export async function briefDocumentPdf(
  deps: AppDeps,
  actor: Actor,
  id: string,
  documentId: string,
  origin: RequestOrigin,
) {
  return withFileCleanup(deps.files, (files) =>
    deps.db.transaction(async (tx) => {
      const { assignment } = await reach(tx, actor, id);
      const [doc] = await tx
        .select({ id: issuedDocuments.id })
        .from(issuedDocuments)
        .where(
          and(
            eq(issuedDocuments.id, documentId),
            eq(issuedDocuments.applicationId, id),
            documentsFor(assignment),
          ),
        );
      if (!doc) throw new AppError('NOT_FOUND');
      return documentPdfOf({ ...deps, files }, tx, id, documentId, origin);
    }),
  );
}
