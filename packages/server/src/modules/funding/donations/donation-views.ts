import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Queryable } from '../../../db/client.ts';
import {
  applications,
  budgetLines,
  donations,
  donationUses,
  organisations,
} from '../../../db/schema/index.ts';
import { AppError } from '../../../platform/errors.ts';
import { ownerInScope, type DataScope } from '../../../platform/scope/data-scope.ts';

/** The donations of the actor's centres, newest first, each with what was used and what is left. */
export async function donationsInScope(db: Queryable, scope: DataScope) {
  const rows = await db
    .select()
    .from(donations)
    .where(ownerInScope(scope, donations.organisationId))
    .orderBy(desc(donations.receivedOn), desc(donations.createdAt))
    .limit(500);
  const used =
    rows.length === 0
      ? []
      : await db
          .select({ id: donationUses.donationId, fen: sql<string>`sum(${donationUses.amountFen})` })
          .from(donationUses)
          .where(
            inArray(
              donationUses.donationId,
              rows.map((r) => r.id),
            ),
          )
          .groupBy(donationUses.donationId);
  const usedOf = new Map(used.map((u) => [u.id, Number(u.fen)]));
  return rows.map((d) => ({
    id: d.id,
    receiptNumber: d.receiptNumber,
    donorKind: d.donorKind,
    donorName: d.donorName,
    purpose: d.purpose,
    amountFen: d.amountFen,
    receivedOn: d.receivedOn,
    usedFen: usedOf.get(d.id) ?? 0,
    leftFen: d.amountFen - (usedOf.get(d.id) ?? 0),
    version: d.version,
  }));
}

/** One donation with its uses (the line each spent from, the case when there is one). */
export async function donationDetail(db: Queryable, scope: DataScope, id: string) {
  const [row] = await db
    .select({ d: donations, centreName: organisations.name })
    .from(donations)
    .innerJoin(organisations, eq(organisations.id, donations.organisationId))
    .where(and(eq(donations.id, id), ownerInScope(scope, donations.organisationId)));
  if (!row) throw new AppError('DONATION_NOT_FOUND');
  const uses = await db
    .select({ u: donationUses, lineName: budgetLines.name, applicationNumber: applications.number })
    .from(donationUses)
    .innerJoin(budgetLines, eq(budgetLines.id, donationUses.budgetLineId))
    .leftJoin(applications, eq(applications.id, donationUses.applicationId))
    .where(eq(donationUses.donationId, id))
    .orderBy(asc(donationUses.usedOn), asc(donationUses.createdAt));
  const usedFen = uses.reduce((s, { u }) => s + u.amountFen, 0);
  const d = row.d;
  return {
    id: d.id,
    receiptNumber: d.receiptNumber,
    donorKind: d.donorKind,
    donorName: d.donorName,
    purpose: d.purpose,
    amountFen: d.amountFen,
    receivedOn: d.receivedOn,
    usedFen,
    leftFen: d.amountFen - usedFen,
    version: d.version,
    centreName: row.centreName,
    uses: uses.map(({ u, lineName, applicationNumber }) => ({
      id: u.id,
      amountFen: u.amountFen,
      usedOn: u.usedOn,
      description: u.description,
      budgetLine: { id: u.budgetLineId, name: lineName },
      application: u.applicationId ? { id: u.applicationId, number: applicationNumber ?? '' } : null,
    })),
  };
}
