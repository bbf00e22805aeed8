import { randomUUID } from 'node:crypto';
import { beijingDateOf, compareDates, type LocalDate } from '@fayuan/domain';
import type { Tx } from '../../db/client.ts';
import { subsidyPayments } from '../../db/schema/index.ts';
import type { Actor, AppDeps, RequestOrigin } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { runEvent } from '../applications/run-event.ts';
import { scopedCase } from '../casework/case-access.ts';
import { payeeOf } from './subsidies.repository.ts';
import type { PaymentInput } from './subsidies.schemas.ts';

/**
 * Finance records the subsidy paid on an evaluated case (办案补贴, LAL art.52; paid after the
 * closing review, BJR art.32): the payee is the accepted handler's law firm, or the handler; the
 * amount is the one paid (the rate table that will compute it comes with the subsidy area).
 * `record_subsidy_paid` moves the case to `subsidy_paid` in the same transaction.
 */
export async function recordSubsidyPayment(
  deps: AppDeps,
  tx: Tx,
  actor: Actor,
  id: string,
  input: PaymentInput,
  origin: RequestOrigin,
): Promise<string> {
  const { app } = await scopedCase(tx, actor, id, true);
  const now = deps.clock.now();
  if (compareDates(input.paidOn as LocalDate, beijingDateOf(now)) > 0)
    throw new AppError('SUBSIDY_PAID_ON_IN_FUTURE', { field: 'paidOn' });
  const payee = await payeeOf(tx, id);
  // The lifecycle decides first whether a payment may be recorded now; only then must there be a payee.
  const paymentId = randomUUID();
  await runEvent(deps, tx, {
    application: app,
    event: { type: 'record_subsidy_paid' },
    actor,
    origin,
    payload: {
      paymentId,
      amountFen: input.amountFen,
      paidOn: input.paidOn,
      paymentReference: input.paymentReference,
      payeeKind: payee?.kind ?? null,
      payeeId: payee ? (payee.firmId ?? payee.handlerId) : null,
    },
  });
  if (!payee) throw new AppError('SUBSIDY_NO_HANDLER');
  await tx.insert(subsidyPayments).values({
    id: paymentId,
    applicationId: id,
    handlerId: payee.handlerId,
    payeeKind: payee.kind,
    payeeFirmId: payee.firmId,
    payeeName: payee.name,
    amountFen: input.amountFen,
    paidOn: input.paidOn,
    paymentReference: input.paymentReference,
    recordedBy: actor.userId,
    recordedAt: now,
    batchId: null,
    rateRuleId: null,
  });
  return paymentId;
}
