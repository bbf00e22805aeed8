import { randomUUID } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { DONATION_RECEIPT_PATTERN, donationBalance, type DonorKind, type LocalDate } from '@fayuan/domain';
import type { Tx } from '../../../db/client.ts';
import { applications, donations, donationUses } from '../../../db/schema/index.ts';
import type { Actor, AppDeps, RequestOrigin } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import { recordAudit } from '../../../platform/audit/audit-log.ts';
import { issueDocumentNumber } from '../../../platform/documents/document-numbers.ts';
import { ownerInScope } from '../../../platform/scope/data-scope.ts';
import { lineToSpendFrom, refreshBudgetAlert } from '../budgets/budget-lines.ts';

export interface NewDonation {
  donorKind: DonorKind;
  donorName: string;
  purpose: string;
  amountFen: number;
  receivedOn: LocalDate;
}

export interface NewDonationUse {
  budgetLineId: string;
  amountFen: number;
  usedOn: LocalDate;
  description: string;
  /** The case it was used for, by its number (受理编号). */
  applicationNumber?: string | undefined;
}

const audit = (deps: AppDeps, now: Date) => ({ cipher: deps.cipher, at: now });

/**
 * Records a donation received by the actor's centre (LAL art.9) and gives it the next receipt
 * number of the centre for the year it was received (document kind `donation_receipt`, gap-free).
 */
export async function recordDonation(
  deps: AppDeps,
  tx: Tx,
  actor: Actor,
  input: NewDonation,
  origin: RequestOrigin,
) {
  const now = deps.clock.now();
  const id = randomUUID();
  const { number } = await issueDocumentNumber(tx, {
    organisationId: actor.organisationId,
    documentKind: 'donation_receipt',
    // The receipt belongs to the year the money came in.
    at: new Date(`${input.receivedOn}T12:00:00+08:00`),
    defaultPattern: DONATION_RECEIPT_PATTERN,
  });
  await tx.insert(donations).values({
    id,
    organisationId: actor.organisationId,
    receiptNumber: number,
    donorKind: input.donorKind,
    donorName: input.donorName,
    purpose: input.purpose,
    amountFen: input.amountFen,
    receivedOn: input.receivedOn,
    createdBy: actor.userId,
    createdAt: now,
    updatedAt: now,
  });
  await recordAudit(tx, audit(deps, now), origin, {
    action: 'donations.create',
    entityType: 'donations',
    entityId: id,
    organisationId: actor.organisationId,
    changes: {
      receiptNumber: { after: number },
      donorKind: { after: input.donorKind },
      amountFen: { after: input.amountFen },
      receivedOn: { after: input.receivedOn },
    },
  });
  return { id, receiptNumber: number };
}

/**
 * Records a use of a donation, spent from a budget line of the actor's centres for the year of the
 * use: never more than what is left of the donation (DONATION_OVERUSED). The line is locked first,
 * then the donation, so two uses at once are counted one after the other; the line's alert is
 * re-evaluated in the same transaction.
 */
export async function recordDonationUse(
  deps: AppDeps,
  tx: Tx,
  actor: Actor,
  donationId: string,
  input: NewDonationUse,
  origin: RequestOrigin,
) {
  const [seen] = await tx
    .select({ id: donations.id })
    .from(donations)
    .where(and(eq(donations.id, donationId), ownerInScope(actor.scope, donations.organisationId)));
  if (!seen) throw new AppError('DONATION_NOT_FOUND');
  const line = await lineToSpendFrom(tx, actor, input.budgetLineId, input.usedOn);
  const [donation] = await tx.select().from(donations).where(eq(donations.id, donationId)).for('update');
  const [used] = await tx
    .select({ fen: sql<string>`coalesce(sum(${donationUses.amountFen}), 0)` })
    .from(donationUses)
    .where(eq(donationUses.donationId, donationId));
  const balance = donationBalance(donation!.amountFen, [Number(used?.fen ?? 0)], input.amountFen);
  if (!balance.fits)
    throw new AppError('DONATION_OVERUSED', { field: 'amountFen', leftFen: balance.leftFen });
  let applicationId: string | null = null;
  if (input.applicationNumber) {
    const [app] = await tx
      .select({ id: applications.id })
      .from(applications)
      .where(
        and(
          eq(applications.number, input.applicationNumber.trim()),
          ownerInScope(actor.scope, applications.ownerOrgId),
        ),
      );
    if (!app) throw new AppError('DONATION_CASE_NOT_FOUND', { field: 'applicationNumber' });
    applicationId = app.id;
  }
  const now = deps.clock.now();
  const id = randomUUID();
  await tx.insert(donationUses).values({
    id,
    donationId,
    organisationId: donation!.organisationId,
    budgetLineId: line.id,
    amountFen: input.amountFen,
    usedOn: input.usedOn,
    description: input.description,
    applicationId,
    recordedBy: actor.userId,
    createdAt: now,
  });
  await recordAudit(tx, audit(deps, now), origin, {
    action: 'donations.use',
    entityType: 'donations',
    entityId: donationId,
    organisationId: donation!.organisationId,
    changes: {
      useId: { after: id },
      budgetLineId: { after: line.id },
      amountFen: { after: input.amountFen },
      applicationId: { after: applicationId },
    },
  });
  await refreshBudgetAlert(deps, tx, line);
  return { id, leftFen: balance.leftFen - input.amountFen };
}
