import { and, desc, eq, inArray } from 'drizzle-orm';
import { beijingDateOf, beijingIsoString, type NotificationTemplate } from '@fayuan/domain';
import type { Tx } from '../../db/client.ts';
import {
  caseAssignments,
  handlers,
  lawFirms,
  organisations,
  persons,
  type ApplicationRow,
} from '../../db/schema/index.ts';
import type { AppDeps } from '../../platform/context.ts';
import { enqueueMessage } from '../../platform/outbox/outbox.ts';
import { hasTemplate } from '../../platform/outbox/templates.ts';
import { jurisdictionOf, periodInForce, supervisingBureau } from './application-rules.ts';
import type { EventOutcome } from './run-event.ts';
import { latestClock } from './clocks.ts';
import { materialNames } from './document-content.ts';

/**
 * Queues an SMS to the applicant (or whoever acts for them) in the same transaction as the event,
 * when a phone number is on file. Returns the outbox id, or null when there is no one to text.
 */
export async function notifyApplicant(
  deps: AppDeps,
  tx: Tx,
  app: ApplicationRow,
  template: NotificationTemplate,
  outcome: EventOutcome,
): Promise<string | null> {
  if (!hasTemplate(template)) return null;
  const [person] = await tx
    .select({ phone: persons.phoneSealed, representativePhone: persons.representativePhoneSealed })
    .from(persons)
    .where(eq(persons.id, app.applicantId));
  const sealed = person?.phone ?? person?.representativePhone;
  if (!sealed) return null;
  const decision = outcome.documents.find(
    (d) => d.kind === 'grant_decision' || d.kind === 'refusal_decision',
  );
  const params: Record<string, string | number> = { number: decision?.number ?? app.number };
  if (template === 'supplement_requested' || template === 'application_deemed_withdrawn') {
    const supplement = await latestClock(tx, app.id, 'supplement');
    params.dueDate = supplement ? beijingDateOf(supplement.dueAt) : '';
    params.items = (await materialNames(tx, app, ['requested'])).join('、');
  }
  if (template === 'provisional_aid_granted') params.dueDate = app.provisional?.formalitiesDueDate ?? '';
  if (template === 'handler_assigned') {
    const current = await currentHandler(tx, app.id);
    if (!current) return null;
    params.handler = current.firm ? `${current.firm}${current.name}` : current.name;
  }
  if (template === 'aid_refused' || template === 'objection_upheld' || template === 'objection_corrected') {
    const bureau = await supervisingBureau(tx, app.ownerOrgId);
    params.bureau = bureau.name;
    const period = await periodInForce(
      tx,
      await jurisdictionOf(tx, app.ownerOrgId),
      'objection_filing',
      beijingDateOf(deps.clock.now()),
    );
    params.objectionDays = period?.amount ?? '';
  }
  return enqueueMessage(tx, deps, {
    channel: 'sms',
    recipient: deps.cipher.open(sealed),
    template,
    params,
    organisationId: app.ownerOrgId,
    entity: { type: 'applications', id: app.id },
  });
}

/** The handler of the case's current assignment (pending or accepted), with their firm and phone. */
async function currentHandler(tx: Tx, applicationId: string) {
  const [row] = await tx
    .select({
      name: handlers.name,
      phone: handlers.phoneSealed,
      firm: lawFirms.name,
      respondBy: caseAssignments.respondBy,
    })
    .from(caseAssignments)
    .innerJoin(handlers, eq(handlers.id, caseAssignments.handlerId))
    .leftJoin(lawFirms, eq(lawFirms.id, handlers.firmId))
    .where(
      and(
        eq(caseAssignments.applicationId, applicationId),
        inArray(caseAssignments.status, ['pending', 'accepted']),
      ),
    )
    .orderBy(desc(caseAssignments.assignedAt))
    .limit(1);
  return row;
}

/**
 * Queues an SMS to the handler of the case's current assignment (assigned, changed, terminated,
 * closing reviewed, evaluated, paid) when their phone is on file: the case number and what to do,
 * never the client's personal data. A change notifies the former handler (it runs before the
 * assignment is marked replaced).
 */
export async function notifyHandler(
  deps: AppDeps,
  tx: Tx,
  app: ApplicationRow,
  template: NotificationTemplate,
): Promise<string | null> {
  const key = `handler.${template}`;
  if (!hasTemplate(key)) return null;
  const current = await currentHandler(tx, app.id);
  if (!current?.phone) return null;
  const [centre] = await tx
    .select({ name: organisations.name })
    .from(organisations)
    .where(eq(organisations.id, app.ownerOrgId));
  const respondBy = beijingDateTimeOf(current.respondBy);
  return enqueueMessage(tx, deps, {
    channel: 'sms',
    recipient: deps.cipher.open(current.phone),
    template: key,
    params: { number: app.number, centre: centre?.name ?? '', respondBy },
    organisationId: app.ownerOrgId,
    entity: { type: 'applications', id: app.id },
  });
}

/** 2026-11-28 09:30 in Beijing time, as a message prints it (from the domain's Beijing instant). */
function beijingDateTimeOf(at: Date): string {
  const iso = beijingIsoString(at.getTime());
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)}`;
}
