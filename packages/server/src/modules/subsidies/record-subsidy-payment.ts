import { randomUUID } from 'node:crypto';
import { beijingDateOf, compareDates, type LocalDate } from '@fayuan/domain';
import type { Tx } from '../../db/client.ts';
import { eq } from 'drizzle-orm';
import { subsidyCalculations, subsidyPayments } from '../../db/schema/index.ts';
import type { Actor, AppDeps, RequestOrigin } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { runEvent } from '../applications/run-event.ts';
import { scopedCase } from '../casework/case-access.ts';
import { payeeOf } from './subsidies.repository.ts';
import type { PaymentInput } from './subsidies.schemas.ts';

/**
 * Finance records by hand a subsidy paid outside a batch (a voucher) on an evaluated case (办案补贴,
 * LAL art.52; paid after the closing review, BJR art.32): the payee is the accepted handler's law
 * firm, or the handler. Once the case's calculation is approved it is paid through a batch only
 * (SUBSIDY_IN_BATCH): nothing is paid twice. A calculation still in review is closed as paid by
 * hand. `record_subsidy_paid` moves the case to `subsidy_paid` in the same transaction.
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
  const [calculation] = await tx
    .select()
    .from(subsidyCalculations)
    .where(eq(subsidyCalculations.applicationId, id))
    .for('update');
  if (calculation && calculation.status !== 'calculated') throw new AppError('SUBSIDY_IN_BATCH');
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
    rateRuleId: calculation?.baseRuleId ?? null,
    calculationId: calculation?.id ?? null,
  });
  if (calculation)
    await tx
      .update(subsidyCalculations)
      .set({ status: 'paid', paymentId, version: calculation.version + 1 })
      .where(eq(subsidyCalculations.id, calculation.id));
  return paymentId;
}
