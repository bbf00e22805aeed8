import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import { contractProgress } from '@fayuan/domain';
import type { Queryable } from '../../../db/client.ts';
import {
  budgetLines,
  contractHotlineHours,
  contractPayments,
  lawFirms,
  serviceContracts,
} from '../../../db/schema/index.ts';
import { AppError } from '../../../platform/errors.ts';
import { ownerInScope, type DataScope } from '../../../platform/scope/data-scope.ts';
import { deliveredServices } from './contract-delivery.ts';

type ContractListRow = { c: typeof serviceContracts.$inferSelect; lineName: string };

/** What was paid on each contract, by contract id. */
async function paidByContract(db: Queryable, ids: string[]): Promise<Map<string, number>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: contractPayments.contractId, fen: sql<string>`sum(${contractPayments.amountFen})` })
    .from(contractPayments)
    .where(inArray(contractPayments.contractId, ids))
    .groupBy(contractPayments.contractId);
  return new Map(rows.map((r) => [r.id, Number(r.fen)]));
}

const presentItem = ({ c, lineName }: ContractListRow, paidFen: number) => ({
  id: c.id,
  contractNumber: c.contractNumber,
  providerKind: c.providerKind,
  providerName: c.providerName,
  lawFirmId: c.lawFirmId,
  budgetLine: { id: c.budgetLineId, name: lineName },
  startsOn: c.startsOn,
  endsOn: c.endsOn,
  amountFen: c.amountFen,
  paidFen,
  due: { cases: c.casesDue, dutyDays: c.dutyDaysDue, hotlineHours: c.hotlineHoursDue },
  version: c.version,
});

const withLine = (db: Queryable) =>
  db
    .select({ c: serviceContracts, lineName: budgetLines.name })
    .from(serviceContracts)
    .innerJoin(budgetLines, eq(budgetLines.id, serviceContracts.budgetLineId));

/** The contracts of the actor's centres, newest first, with what was paid. */
export async function contractsInScope(db: Queryable, scope: DataScope) {
  const rows = await withLine(db)
    .where(ownerInScope(scope, serviceContracts.organisationId))
    .orderBy(desc(serviceContracts.startsOn), desc(serviceContracts.createdAt))
    .limit(500);
  const paid = await paidByContract(
    db,
    rows.map((r) => r.c.id),
  );
  return rows.map((row) => presentItem(row, paid.get(row.c.id) ?? 0));
}

/** One contract: what was due and delivered (counted from the records), its payments and hand-entered hours. */
export async function contractDetail(db: Queryable, scope: DataScope, id: string) {
  const [row] = await withLine(db).where(
    and(eq(serviceContracts.id, id), ownerInScope(scope, serviceContracts.organisationId)),
  );
  if (!row) throw new AppError('CONTRACT_NOT_FOUND');
  const c = row.c;
  const list = presentItem(row, (await paidByContract(db, [id])).get(id) ?? 0);
  const delivered = await deliveredServices(db, c);
  const payments = await db
    .select()
    .from(contractPayments)
    .where(eq(contractPayments.contractId, id))
    .orderBy(asc(contractPayments.paidOn));
  const hours = await db
    .select()
    .from(contractHotlineHours)
    .where(eq(contractHotlineHours.contractId, id))
    .orderBy(asc(contractHotlineHours.servedOn));
  return {
    ...list,
    progress: contractProgress(list.due, delivered.counts),
    recordedHotlineSeconds: delivered.recordedHotlineSeconds,
    manualHotlineMinutes: delivered.manualHotlineMinutes,
    payments: payments.map((p) => ({
      id: p.id,
      amountFen: p.amountFen,
      paidOn: p.paidOn,
      reference: p.reference,
    })),
    hotlineEntries: hours.map((h) => ({ id: h.id, servedOn: h.servedOn, minutes: h.minutes, note: h.note })),
  };
}

/** The active law firms of the registry (a city-wide list), for picking a contract's provider. */
export async function firmsToContract(db: Queryable) {
  return db
    .select({ id: lawFirms.id, name: lawFirms.name })
    .from(lawFirms)
    .where(eq(lawFirms.status, 'active'))
    .orderBy(asc(lawFirms.name))
    .limit(1000);
}
