import { and, asc, eq, gte, inArray, or } from 'drizzle-orm';
import { beijingDateOf, type DocumentKind } from '@fayuan/domain';
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
import { handlerRoleOf, jurisdictionOf } from '../applications/application-rules.ts';
import { maskPhone } from '../../platform/crypto/field-cipher.ts';
import { canUnmask } from '../people/people.repository.ts';

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
 * (they must keep the recipient informed, LAL art.46) and for centre staff with person.unmask;
 * the read is audited, and an opened phone also as person.unmask. Others see it masked.
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
    // The handler who accepted the case needs the number to reach the client; centre staff get it
    // only with person.unmask, like the person's own page. Either way the opening is an unmask.
    const mayOpen = assignment === null ? canUnmask(actor) : assignment.status === 'accepted';
    const phone = client?.phoneSealed ? deps.cipher.open(client.phoneSealed) : null;
    const phoneOpened = mayOpen && phone !== null;
    const at = deps.clock.now();
    // The handler's standing, as the letters print it (list handler_role; LAL art.28 for
    // compulsory medical treatment).
    const role = await handlerRoleOf(
      tx,
      await jurisdictionOf(tx, app.ownerOrgId),
      app.matter,
      beijingDateOf(at),
    );
    await recordAudit(tx, { cipher: deps.cipher, at }, origin, {
      action: 'case.brief_read',
      entityType: 'applications',
      entityId: id,
      changes: { phoneOpened: { after: phoneOpened } },
    });
    if (phoneOpened && client)
      await recordAudit(tx, { cipher: deps.cipher, at }, origin, {
        action: 'person.unmask',
        entityType: 'persons',
        entityId: client.id,
        changes: { fields: { after: ['phone'] }, via: { after: 'case_brief' }, applicationId: { after: id } },
      });
    return {
      id: app.id,
      number: app.number,
      state: app.state,
      centre: centre?.name ?? '',
      matter: app.matter,
      caseType: app.caseType,
      stage: app.stage,
      handlerRole: role,
      client: {
        name: client?.name ?? '',
        phone: phoneOpened ? phone : null,
        phoneMasked: phone === null ? null : maskPhone(phone),
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
        provisionalYears: c.provisionalYears,
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
