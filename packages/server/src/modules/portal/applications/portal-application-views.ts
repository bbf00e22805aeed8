import { and, asc, desc, eq, inArray, isNotNull, ne, notInArray } from 'drizzle-orm';
import { beijingDateOf, isRole, type CaseState, type DocumentKind, type Locale } from '@fayuan/domain';
import type { Queryable } from '../../../db/client.ts';
import {
  applicationEvents,
  applicationMaterials,
  applications,
  attachments,
  auditEvents,
  caseClocks,
  issuedDocuments,
  objections,
  organisations,
  type ApplicationRow,
} from '../../../db/schema/index.ts';
import { AppError } from '../../../platform/errors.ts';
import { currentClockOf } from '../../applications/clocks.ts';
import { objectionWindowOf } from '../../applications/deliveries.ts';
import { jurisdictionOf, listItemsInForce, matterInForce } from '../../applications/application-rules.ts';
import { roleName } from '../../users/role-names.ts';
import type { CitizenPrincipal } from '../citizen-session.ts';
import {
  APPLICANT_DOCUMENTS,
  countdownWords,
  documentWords,
  eventWords,
  purposeWords,
  stateWords,
} from './portal-words.ts';

/** The citizen's own application, or 404: another citizen's id is answered as if it did not exist. */
export async function ownApplication(db: Queryable, citizen: CitizenPrincipal, id: string, lock = false) {
  const query = db
    .select()
    .from(applications)
    .where(and(eq(applications.id, id), eq(applications.citizenId, citizen.citizenId)));
  const [row] = lock ? await query.for('update') : await query;
  if (!row) throw new AppError('PORTAL_APPLICATION_NOT_FOUND');
  return row;
}

const CLOSED_STATES: ReadonlySet<CaseState> = new Set(['closed', 'evaluated', 'subsidy_paid', 'archived']);

async function matterNames(db: Queryable, app: ApplicationRow, locale: Locale) {
  try {
    const jurisdiction = await jurisdictionOf(db, app.ownerOrgId);
    const matter = await matterInForce(db, jurisdiction, app.matter, beijingDateOf(app.receivedAt));
    return locale === 'en-US' ? matter.nameEn : matter.nameZh;
  } catch {
    return app.matter;
  }
}

async function summaryOf(db: Queryable, app: ApplicationRow, locale: Locale) {
  const [clock] = await db
    .select()
    .from(caseClocks)
    .where(and(eq(caseClocks.applicationId, app.id), inArray(caseClocks.status, ['running', 'paused'])))
    .orderBy(asc(caseClocks.dueAt));
  return {
    id: app.id,
    receiptNumber: app.number,
    matterName: await matterNames(db, app, locale),
    state: app.state,
    stateLabel: stateWords(app.state, locale),
    receivedAt: app.receivedAt.toISOString(),
    dueDate: clock ? beijingDateOf(clock.dueAt) : null,
  };
}

export async function listOwnApplications(db: Queryable, citizen: CitizenPrincipal, locale: Locale) {
  const rows = await db
    .select()
    .from(applications)
    .where(eq(applications.citizenId, citizen.citizenId))
    .orderBy(desc(applications.receivedAt));
  return { items: await Promise.all(rows.map((row) => summaryOf(db, row, locale))) };
}

/** The applicant's view of their file: plain words, no staff names, only what concerns them. */
export async function ownApplicationDetail(
  db: Queryable,
  citizen: CitizenPrincipal,
  id: string,
  locale: Locale,
  now: Date,
) {
  const app = await ownApplication(db, citizen, id);
  const summary = await summaryOf(db, app, locale);
  const [centre] = await db
    .select({ name: organisations.name, phone: organisations.phone, address: organisations.address })
    .from(organisations)
    .where(eq(organisations.id, app.ownerOrgId));
  const events = await db
    .select({ event: applicationEvents.event, at: applicationEvents.at })
    .from(applicationEvents)
    .where(eq(applicationEvents.applicationId, id))
    .orderBy(asc(applicationEvents.at), asc(applicationEvents.id));
  const clocks = await db.select().from(caseClocks).where(eq(caseClocks.applicationId, id));
  const running = currentClockOf(clocks.filter((c) => c.status === 'running' || c.status === 'paused'));
  const materialRows = await db
    .select()
    .from(applicationMaterials)
    .where(eq(applicationMaterials.applicationId, id))
    .orderBy(asc(applicationMaterials.code));
  const files = await db
    .select({ material: attachments.materialCode })
    .from(attachments)
    .where(and(eq(attachments.applicationId, id), isNotNull(attachments.materialCode)));
  const rules = new Map(
    (
      await listItemsInForce(
        db,
        await jurisdictionOf(db, app.ownerOrgId),
        'application_material',
        beijingDateOf(app.receivedAt),
      )
    ).map((m) => [m.code, m]),
  );
  const nameOf = (code: string, label: string | null) =>
    label ?? (locale === 'en-US' ? rules.get(code)?.nameEn : rules.get(code)?.nameZh) ?? code;
  const materials = materialRows.map((m) => ({
    code: m.code,
    name: nameOf(m.code, m.label),
    status: m.status,
    files: files.filter((f) => f.material === m.code).length,
  }));
  const supplementClock = clocks.find((c) => c.period === 'supplement' && c.status === 'running');
  const documents = (
    await db
      .select()
      .from(issuedDocuments)
      .where(eq(issuedDocuments.applicationId, id))
      .orderBy(asc(issuedDocuments.issuedAt))
  )
    .filter((d) => APPLICANT_DOCUMENTS.has(d.kind))
    .map((d) => ({
      id: d.id,
      kind: d.kind,
      title: documentWords(d.kind as DocumentKind, locale),
      number: d.number,
      issuedAt: d.issuedAt.toISOString(),
    }));
  const window = await objectionWindowOf(db, app, clocks, now);
  const filed =
    (await db.select({ id: objections.id }).from(objections).where(eq(objections.applicationId, id))).length >
    0;
  const objectionOpen = window?.facts.objectionWindowOpen === true && !filed;
  return {
    ...summary,
    timeline: events
      .map((e) => ({ at: e.at.toISOString(), title: eventWords(e.event, locale), text: null }))
      .filter((e): e is { at: string; title: string; text: null } => e.title !== null),
    countdown: running ? countdownWords(running.period, beijingDateOf(running.dueAt), locale) : null,
    centre: { name: centre?.name ?? '', phone: centre?.phone ?? null, address: centre?.address ?? null },
    materials,
    supplement:
      app.state === 'supplement_requested'
        ? {
            items: materials.filter((m) => m.status === 'requested').map((m) => m.name),
            dueDate: supplementClock ? beijingDateOf(supplementClock.dueAt) : null,
          }
        : null,
    documents,
    objection: {
      open: objectionOpen,
      until: objectionOpen && window?.view.dueAt ? beijingDateOf(new Date(window.view.dueAt)) : null,
      filed,
    },
    closed: CLOSED_STATES.has(app.state),
  };
}

/**
 * Who looked at my file: every read of this application's file by staff, from the audit log, as
 * organisation, role and purpose — never a name. The portal's own reads are left out.
 */
export async function accessLogOf(db: Queryable, citizen: CitizenPrincipal, id: string, locale: Locale) {
  const app = await ownApplication(db, citizen, id);
  const rows = await db
    .select({
      at: auditEvents.at,
      action: auditEvents.action,
      roles: auditEvents.actorRoles,
      organisation: organisations.name,
    })
    .from(auditEvents)
    .leftJoin(organisations, eq(organisations.id, auditEvents.organisationId))
    .where(
      and(
        inArray(auditEvents.action, [
          'applications.read',
          'application.attachment_read',
          'application.document_read',
          'case.brief_read',
          'case_archive.read',
        ]),
        eq(auditEvents.entityType, 'applications'),
        eq(auditEvents.entityId, id),
        isNotNull(auditEvents.actorId),
        notInArray(auditEvents.actorRoles, [['citizen_portal']]),
      ),
    )
    .orderBy(desc(auditEvents.at))
    .limit(500);
  const personReads = await db
    .select({
      at: auditEvents.at,
      action: auditEvents.action,
      roles: auditEvents.actorRoles,
      organisation: organisations.name,
    })
    .from(auditEvents)
    .leftJoin(organisations, eq(organisations.id, auditEvents.organisationId))
    .where(
      and(
        eq(auditEvents.action, 'person.unmask'),
        eq(auditEvents.entityId, app.applicantId),
        ne(auditEvents.actorRoles, ['citizen_portal']),
      ),
    )
    .orderBy(desc(auditEvents.at))
    .limit(100);
  return {
    items: [...rows, ...personReads]
      .filter((r) => !r.roles.includes('citizen_portal'))
      .sort((a, b) => b.at.getTime() - a.at.getTime())
      .map((r) => ({
        at: r.at.toISOString(),
        organisation: r.organisation ?? '',
        role: r.roles
          .filter(isRole)
          .map((role) => roleName(role, locale))
          .join('、'),
        purpose: purposeWords(r.action, locale),
      })),
  };
}
