import { randomUUID } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { paymentFits, type LocalDate, type ProviderKind } from '@fayuan/domain';
import type { Tx } from '../../../db/client.ts';
import {
  budgetLines,
  contractHotlineHours,
  contractPayments,
  lawFirms,
  serviceContracts,
  type ServiceContractRow,
} from '../../../db/schema/index.ts';
import type { Actor, AppDeps, RequestOrigin } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import { recordAudit } from '../../../platform/audit/audit-log.ts';
import { ownerInScope } from '../../../platform/scope/data-scope.ts';
import { lineToSpendFrom, refreshBudgetAlert } from '../budgets/budget-lines.ts';

export interface NewContract {
  contractNumber: string;
  providerKind: ProviderKind;
  lawFirmId?: string | null | undefined;
  /** The social organisation's name (a law firm's comes from the registry). */
  providerName?: string | undefined;
  budgetLineId: string;
  startsOn: LocalDate;
  endsOn: LocalDate;
  amountFen: number;
  casesDue: number;
  dutyDaysDue: number;
  hotlineHoursDue: number;
}

export interface ContractChange {
  version?: number | undefined;
  contractNumber?: string | undefined;
  endsOn?: LocalDate | undefined;
  amountFen?: number | undefined;
  casesDue?: number | undefined;
  dutyDaysDue?: number | undefined;
  hotlineHoursDue?: number | undefined;
}

const audit = (deps: AppDeps, now: Date) => ({ cipher: deps.cipher, at: now });

async function providerOf(tx: Tx, input: NewContract): Promise<{ lawFirmId: string | null; name: string }> {
  if (input.providerKind === 'social_organisation') {
    if (input.lawFirmId || !input.providerName) throw new AppError('CONTRACT_PROVIDER_INVALID');
    return { lawFirmId: null, name: input.providerName };
  }
  if (!input.lawFirmId) throw new AppError('CONTRACT_PROVIDER_INVALID', { field: 'lawFirmId' });
  const [firm] = await tx
    .select({ id: lawFirms.id, name: lawFirms.name })
    .from(lawFirms)
    .where(eq(lawFirms.id, input.lawFirmId));
  if (!firm) throw new AppError('CONTRACT_PROVIDER_INVALID', { field: 'lawFirmId' });
  return { lawFirmId: firm.id, name: firm.name };
}

/**
 * Records a purchase-of-service contract of the actor's centre (LAL art.15), funded by a budget line
 * of the year it starts: its amount is committed on the line until paid. Audited; the line's alert
 * is re-evaluated.
 */
export async function createContract(
  deps: AppDeps,
  tx: Tx,
  actor: Actor,
  input: NewContract,
  origin: RequestOrigin,
) {
  if (input.endsOn < input.startsOn) throw new AppError('CONTRACT_PERIOD_INVALID', { field: 'endsOn' });
  const line = await lineToSpendFrom(tx, actor, input.budgetLineId, input.startsOn);
  const provider = await providerOf(tx, input);
  const now = deps.clock.now();
  const id = randomUUID();
  await tx.insert(serviceContracts).values({
    id,
    organisationId: actor.organisationId,
    contractNumber: input.contractNumber,
    providerKind: input.providerKind,
    lawFirmId: provider.lawFirmId,
    providerName: provider.name,
    budgetLineId: line.id,
    startsOn: input.startsOn,
    endsOn: input.endsOn,
    amountFen: input.amountFen,
    casesDue: input.casesDue,
    dutyDaysDue: input.dutyDaysDue,
    hotlineHoursDue: input.hotlineHoursDue,
    createdBy: actor.userId,
    createdAt: now,
    updatedAt: now,
  });
  await recordAudit(tx, audit(deps, now), origin, {
    action: 'service_contracts.create',
    entityType: 'service_contracts',
    entityId: id,
    organisationId: actor.organisationId,
    changes: {
      contractNumber: { after: input.contractNumber },
      provider: { after: `${input.providerKind}:${provider.name}` },
      budgetLineId: { after: line.id },
      period: { after: `${input.startsOn}/${input.endsOn}` },
      amountFen: { after: input.amountFen },
    },
  });
  await refreshBudgetAlert(deps, tx, line);
  return { id };
}

/** The contract in the actor's scope (unlocked: to find its line, which is locked first). */
async function contractInScope(tx: Tx, actor: Actor, id: string) {
  const [row] = await tx
    .select()
    .from(serviceContracts)
    .where(and(eq(serviceContracts.id, id), ownerInScope(actor.scope, serviceContracts.organisationId)));
  if (!row) throw new AppError('CONTRACT_NOT_FOUND');
  return row;
}

/** Locks the contract's line, then the contract (the order every money change keeps). */
async function lockContractAndLine(tx: Tx, contract: ServiceContractRow) {
  const [line] = await tx
    .select()
    .from(budgetLines)
    .where(eq(budgetLines.id, contract.budgetLineId))
    .for('update');
  const [locked] = await tx
    .select()
    .from(serviceContracts)
    .where(eq(serviceContracts.id, contract.id))
    .for('update');
  return { line: line!, contract: locked! };
}

async function paidOn(tx: Tx, contractId: string): Promise<number> {
  const [paid] = await tx
    .select({ fen: sql<string>`coalesce(sum(${contractPayments.amountFen}), 0)` })
    .from(contractPayments)
    .where(eq(contractPayments.contractId, contractId));
  return Number(paid?.fen ?? 0);
}

/** Changes a contract's number, end, amount (never below what was paid) or the services due. */
export async function updateContract(
  deps: AppDeps,
  tx: Tx,
  actor: Actor,
  id: string,
  input: ContractChange,
  origin: RequestOrigin,
) {
  const { line, contract } = await lockContractAndLine(tx, await contractInScope(tx, actor, id));
  if (input.version !== undefined && input.version !== contract.version) throw new AppError('CONTRACT_STALE');
  if (input.endsOn !== undefined && input.endsOn < contract.startsOn)
    throw new AppError('CONTRACT_PERIOD_INVALID', { field: 'endsOn' });
  if (input.amountFen !== undefined && input.amountFen < (await paidOn(tx, contract.id)))
    throw new AppError('CONTRACT_AMOUNT_BELOW_PAID', { field: 'amountFen' });
  const set = Object.fromEntries(
    Object.entries(input).filter(([k, v]) => k !== 'version' && v !== undefined),
  );
  const now = deps.clock.now();
  await tx
    .update(serviceContracts)
    .set({ ...set, version: contract.version + 1, updatedAt: now })
    .where(eq(serviceContracts.id, contract.id));
  await recordAudit(tx, audit(deps, now), origin, {
    action: 'service_contracts.update',
    entityType: 'service_contracts',
    entityId: contract.id,
    organisationId: contract.organisationId,
    changes: Object.fromEntries(
      Object.entries(set).map(([k, v]) => [k, { before: contract[k as keyof ServiceContractRow], after: v }]),
    ),
  });
  await refreshBudgetAlert(deps, tx, line);
  return { version: contract.version + 1 };
}

/**
 * Records a payment against a contract, spent from the contract's budget line: the payments never
 * add up to more than the contract amount (CONTRACT_OVERPAID). Audited; the line's alert is
 * re-evaluated.
 */
export async function recordContractPayment(
  deps: AppDeps,
  tx: Tx,
  actor: Actor,
  id: string,
  input: { amountFen: number; paidOn: LocalDate; reference: string },
  origin: RequestOrigin,
) {
  const { line, contract } = await lockContractAndLine(tx, await contractInScope(tx, actor, id));
  const fits = paymentFits(contract.amountFen, [await paidOn(tx, contract.id)], input.amountFen);
  if (!fits.fits) throw new AppError('CONTRACT_OVERPAID', { field: 'amountFen', leftFen: fits.leftFen });
  const now = deps.clock.now();
  const paymentId = randomUUID();
  await tx.insert(contractPayments).values({
    id: paymentId,
    contractId: contract.id,
    organisationId: contract.organisationId,
    budgetLineId: line.id,
    amountFen: input.amountFen,
    paidOn: input.paidOn,
    reference: input.reference,
    recordedBy: actor.userId,
    createdAt: now,
  });
  await recordAudit(tx, audit(deps, now), origin, {
    action: 'service_contracts.pay',
    entityType: 'service_contracts',
    entityId: contract.id,
    organisationId: contract.organisationId,
    changes: {
      paymentId: { after: paymentId },
      amountFen: { after: input.amountFen },
      paidOn: { after: input.paidOn },
    },
  });
  await refreshBudgetAlert(deps, tx, line);
  return { id: paymentId, leftFen: fits.leftFen - input.amountFen };
}

/**
 * Records hotline hours the records do not hold (a social organisation's 12348 shifts, calls
 * logged without a duration), within the contract's period, with a note. Audited.
 */
export async function recordHotlineHours(
  deps: AppDeps,
  tx: Tx,
  actor: Actor,
  id: string,
  input: { servedOn: LocalDate; minutes: number; note: string },
  origin: RequestOrigin,
) {
  const contract = await contractInScope(tx, actor, id);
  if (input.servedOn < contract.startsOn || input.servedOn > contract.endsOn)
    throw new AppError('CONTRACT_DATE_OUTSIDE_PERIOD', { field: 'servedOn' });
  const now = deps.clock.now();
  const entryId = randomUUID();
  await tx.insert(contractHotlineHours).values({
    id: entryId,
    contractId: contract.id,
    organisationId: contract.organisationId,
    servedOn: input.servedOn,
    minutes: input.minutes,
    note: input.note,
    recordedBy: actor.userId,
    createdAt: now,
  });
  await recordAudit(tx, audit(deps, now), origin, {
    action: 'service_contracts.hotline_hours',
    entityType: 'service_contracts',
    entityId: contract.id,
    organisationId: contract.organisationId,
    changes: {
      entryId: { after: entryId },
      servedOn: { after: input.servedOn },
      minutes: { after: input.minutes },
    },
  });
  return { id: entryId };
}
