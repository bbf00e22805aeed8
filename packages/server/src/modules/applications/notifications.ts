import { eq } from 'drizzle-orm';
import { beijingDateOf, type NotificationTemplate } from '@fayuan/domain';
import type { Tx } from '../../db/client.ts';
import { persons, type ApplicationRow } from '../../db/schema/index.ts';
import type { AppDeps } from '../../platform/context.ts';
import { enqueueMessage } from '../../platform/outbox/outbox.ts';
import { hasTemplate } from '../../platform/outbox/templates.ts';
import { jurisdictionOf, periodInForce, supervisingBureau } from './application-rules.ts';
import type { EventOutcome } from './run-event.ts';
import { latestClock } from './clocks.ts';
import { materialNames } from './documents.ts';

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
