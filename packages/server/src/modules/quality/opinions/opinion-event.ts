import { eq } from 'drizzle-orm';
import type { Tx } from '../../../db/client.ts';
import { applications, handlers, type OrganOpinionRequestRow } from '../../../db/schema/index.ts';
import type { AppDeps } from '../../../platform/context.ts';
import { recordPartnerEvent } from '../../partner-events/record-partner-event.ts';
import { itemsOfRequest } from './organ-opinion-views.ts';

/**
 * The partner event `opinion_requested`: what the organ needs to answer, and nothing more — the
 * case number, the handler's name, the items with their codes and words, the reply date and where
 * to answer. No identity or phone number: the event row is not sealed.
 */
export async function recordOpinionEvent(
  deps: Pick<AppDeps, 'cipher' | 'clock'>,
  tx: Tx,
  row: OrganOpinionRequestRow,
): Promise<number> {
  const [app] = await tx
    .select({ number: applications.number, partnerId: applications.partnerId })
    .from(applications)
    .where(eq(applications.id, row.applicationId));
  const [handler] = row.handlerId
    ? await tx.select({ name: handlers.name }).from(handlers).where(eq(handlers.id, row.handlerId))
    : [];
  const items = await itemsOfRequest(tx, row.questionRuleIds);
  return recordPartnerEvent(deps, tx, {
    partnerId: row.partnerId!,
    applicationId: row.applicationId,
    kind: 'opinion_requested',
    payload: {
      opinionRequestId: row.id,
      caseNumber: app?.number ?? null,
      // The partner's own notice, when it sent the case: the id it knows the case by.
      noticeId: app?.partnerId === row.partnerId ? row.applicationId : null,
      handler: { name: handler?.name ?? null },
      questions: items.map((i) => ({
        code: i.code,
        nameZh: i.nameZh,
        nameEn: i.nameEn,
        scale: { min: 1, max: 5 },
      })),
      dueOn: row.dueOn,
      // The partner door's path (partner-api.ts PARTNER_API_PREFIX; not imported: the door imports us).
      answerPath: `/api/partner/v1/opinions/${row.id}/answer`,
    },
  });
}
