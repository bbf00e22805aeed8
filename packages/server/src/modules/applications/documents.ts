import { randomUUID } from 'node:crypto';
import { and, asc, eq, inArray } from 'drizzle-orm';
import { beijingDateOf, type DocumentKind, type LocalDate } from '@fayuan/domain';
import type { Queryable, Tx } from '../../db/client.ts';
import {
  applicationMaterials,
  applications,
  caseClocks,
  issuedDocuments,
  organisations,
  persons,
  type ApplicationRow,
} from '../../db/schema/index.ts';
import type { Actor } from '../../platform/context.ts';
import { issueDocumentNumber } from '../../platform/documents/document-numbers.ts';
import {
  jurisdictionOf,
  listItemsInForce,
  matterInForce,
  periodInForce,
  supervisingBureau,
} from './application-rules.ts';

/** What a document says, fixed when it is issued: the PDF is rendered from this and nothing else. */
export interface DocumentContent {
  kind: DocumentKind;
  number: string;
  centre: string;
  issuedOn: LocalDate;
  applicant: string;
  applicationNumber: string;
  matter: { code: string; nameZh: string; nameEn: string };
  receivedOn: LocalDate;
  channel: string;
  /** Receipt: what was handed in; supplement notice: every missing item, listed once. */
  materialsProvided?: string[];
  missingItems?: string[];
  reviewDueDate?: LocalDate | null;
  supplementDueDate?: LocalDate | null;
  reasons?: { code: string; citation: string; note?: string }[];
  /** Refusal: where and within how many days an objection goes (LAL art.49; BJR art.24). */
  objection?: { bureau: string; days: number; citation: string };
  /** Grant: within how many days a handler is assigned (LAL art.36, art.43). */
  assignment?: { days: number; citation: string };
  citations: string[];
}

const dateOf = (d: Date | null | undefined) => (d ? beijingDateOf(d) : null);

async function clockDue(db: Queryable, applicationId: string, period: 'review_decision' | 'supplement') {
  const rows = await db
    .select({ dueAt: caseClocks.dueAt, status: caseClocks.status })
    .from(caseClocks)
    .where(and(eq(caseClocks.applicationId, applicationId), eq(caseClocks.period, period)))
    .orderBy(asc(caseClocks.startedAt));
  return rows.at(-1);
}

export async function materialNames(
  db: Queryable,
  app: ApplicationRow,
  statuses: ('provided' | 'missing' | 'requested')[],
) {
  const rows = await db
    .select()
    .from(applicationMaterials)
    .where(
      and(eq(applicationMaterials.applicationId, app.id), inArray(applicationMaterials.status, statuses)),
    )
    .orderBy(asc(applicationMaterials.code));
  const jurisdiction = await jurisdictionOf(db, app.ownerOrgId);
  const names = new Map(
    (await listItemsInForce(db, jurisdiction, 'application_material', beijingDateOf(app.receivedAt))).map(
      (m) => [m.code, m.nameZh],
    ),
  );
  return rows.map((r) => r.label ?? names.get(r.code) ?? r.code);
}

async function contentOf(db: Queryable, app: ApplicationRow, kind: DocumentKind, number: string, at: Date) {
  const [names] = await db
    .select({ centre: organisations.name, applicant: persons.name })
    .from(applications)
    .innerJoin(organisations, eq(organisations.id, applications.ownerOrgId))
    .innerJoin(persons, eq(persons.id, applications.applicantId))
    .where(eq(applications.id, app.id));
  const jurisdiction = await jurisdictionOf(db, app.ownerOrgId);
  const received = beijingDateOf(app.receivedAt);
  const matter = await matterInForce(db, jurisdiction, app.matter, received).catch(() => null);
  const content: DocumentContent = {
    kind,
    number,
    centre: names?.centre ?? '',
    issuedOn: beijingDateOf(at),
    applicant: names?.applicant ?? '',
    applicationNumber: app.number,
    matter: { code: app.matter, nameZh: matter?.nameZh ?? app.matter, nameEn: matter?.nameEn ?? app.matter },
    receivedOn: received,
    channel: app.channel,
    citations: [],
  };
  if (kind === 'receipt') {
    content.materialsProvided = await materialNames(db, app, ['provided']);
    content.missingItems = await materialNames(db, app, ['missing', 'requested']);
    content.reviewDueDate = dateOf((await clockDue(db, app.id, 'review_decision'))?.dueAt);
    content.citations = ['LAL art.43'];
  } else if (kind === 'supplement_notice') {
    content.missingItems = await materialNames(db, app, ['requested']);
    content.supplementDueDate = dateOf((await clockDue(db, app.id, 'supplement'))?.dueAt);
    content.citations = ['LAL art.43(2)'];
  } else if (kind === 'grant_decision' || kind === 'refusal_decision') {
    content.reasons = (app.decisionReasons ?? []).map((r) => ({ ...r }));
    content.citations = ['LAL art.43'];
    if (kind === 'grant_decision') {
      const period = await periodInForce(db, jurisdiction, 'assignment', beijingDateOf(at));
      if (period) content.assignment = { days: period.amount, citation: period.citation };
    } else {
      const period = await periodInForce(db, jurisdiction, 'objection_filing', beijingDateOf(at));
      const bureau = await supervisingBureau(db, app.ownerOrgId);
      if (period)
        content.objection = {
          bureau: bureau.name,
          days: period.amount,
          citation: `LAL art.49; ${period.citation}`,
        };
    }
  }
  return content;
}

/**
 * Issues a numbered document for an application in the caller's transaction: the number is taken
 * from the centre's gap-free sequence (a rollback gives it back) and the content is fixed now.
 */
export async function issueDocument(
  tx: Tx,
  app: ApplicationRow,
  kind: DocumentKind,
  at: Date,
  actor: Actor | null,
): Promise<{ id: string; kind: DocumentKind; number: string }> {
  const { number } = await issueDocumentNumber(tx, {
    organisationId: app.ownerOrgId,
    documentKind: kind,
    at,
  });
  const content = await contentOf(tx, app, kind, number, at);
  const id = randomUUID();
  await tx.insert(issuedDocuments).values({
    id,
    applicationId: app.id,
    ownerOrgId: app.ownerOrgId,
    kind,
    number,
    content: content as unknown as Record<string, unknown>,
    issuedBy: actor?.userId ?? null,
    issuedAt: at,
  });
  return { id, kind, number };
}
