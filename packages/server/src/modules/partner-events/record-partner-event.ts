import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { CaseEvent } from '@fayuan/domain';
import type { Tx } from '../../db/client.ts';
import { partnerDeliveries, partnerEvents, partners, type PartnerEventKind } from '../../db/schema/index.ts';
import type { AppDeps } from '../../platform/context.ts';
import { partnerCaseSnapshot } from '../criminal/partner-notice-view.ts';

/**
 * The organ's event for a lifecycle event of its case, or null when the organ is not told of it:
 * an assignment (a change when it replaces a handler: `replacesHandler`), the closing accepted,
 * a termination.
 */
export function partnerEventKind(
  event: CaseEvent,
  facts: { replacesHandler?: boolean | undefined },
): PartnerEventKind | null {
  switch (event.type) {
    case 'assign':
      return facts.replacesHandler ? 'handler_changed' : 'handler_assigned';
    case 'accept_closing':
      return 'case_closed';
    case 'terminate':
      return 'case_terminated';
    default:
      return null;
  }
}

/**
 * Writes the event for the partner that sent the case, and its callback when the partner has a URL,
 * in the caller's transaction. It is called from the lifecycle runner (run-event.ts), the one place
 * every change of a case passes through, so no route can change a partner's case without telling it.
 * An event that is not about the notice's status (`opinion_requested`) brings its own `payload`.
 */
export async function recordPartnerEvent(
  deps: Pick<AppDeps, 'cipher' | 'clock'>,
  tx: Tx,
  input: {
    partnerId: string;
    applicationId: string;
    kind: PartnerEventKind;
    payload?: Record<string, unknown> | undefined;
  },
): Promise<number> {
  const now = deps.clock.now();
  const payload = input.payload ?? {
    noticeId: input.applicationId,
    ...(await partnerCaseSnapshot(deps, tx, input.applicationId)),
  };
  const [event] = await tx
    .insert(partnerEvents)
    .values({
      id: randomUUID(),
      partnerId: input.partnerId,
      applicationId: input.applicationId,
      kind: input.kind,
      occurredAt: now,
      payload,
    })
    .returning({ seq: partnerEvents.seq });
  const [partner] = await tx
    .select({ callbackUrl: partners.callbackUrl, active: partners.active })
    .from(partners)
    .where(eq(partners.id, input.partnerId));
  if (partner?.callbackUrl && partner.active)
    await tx.insert(partnerDeliveries).values({
      id: randomUUID(),
      eventSeq: event!.seq,
      partnerId: input.partnerId,
      status: 'pending',
      nextAttemptAt: now,
      createdAt: now,
    });
  return event!.seq;
}
