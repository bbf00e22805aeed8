import { and, asc, desc, eq } from 'drizzle-orm';
import type { Queryable } from '../../db/client.ts';
import {
  caseAssignments,
  handlers,
  lawFirms,
  subsidyPayments,
  users,
  type PayeeKind,
} from '../../db/schema/index.ts';
import type { PaymentView } from './subsidies.schemas.ts';

export interface Payee {
  handlerId: string;
  handlerName: string;
  kind: PayeeKind;
  firmId: string | null;
  name: string;
}

/**
 * Who is paid for the case: its accepted handler's law firm, or the handler when they have none
 * (a public or centre lawyer, a grassroots worker, a volunteer). Undefined when no handler accepted.
 */
export async function payeeOf(db: Queryable, applicationId: string): Promise<Payee | undefined> {
  const [row] = await db
    .select({
      handlerId: handlers.id,
      handlerName: handlers.name,
      firmId: lawFirms.id,
      firmName: lawFirms.name,
    })
    .from(caseAssignments)
    .innerJoin(handlers, eq(handlers.id, caseAssignments.handlerId))
    .leftJoin(lawFirms, eq(lawFirms.id, handlers.firmId))
    .where(and(eq(caseAssignments.applicationId, applicationId), eq(caseAssignments.status, 'accepted')))
    .orderBy(desc(caseAssignments.assignedAt))
    .limit(1);
  if (!row) return undefined;
  return row.firmId && row.firmName
    ? { ...row, kind: 'law_firm', firmId: row.firmId, name: row.firmName }
    : { ...row, kind: 'handler', firmId: null, name: row.handlerName };
}

/** The subsidies paid on a case, in the order they were recorded. */
export async function subsidyPaymentsOf(db: Queryable, applicationId: string): Promise<PaymentView[]> {
  const rows = await db
    .select({ p: subsidyPayments, handlerName: handlers.name, by: users.displayName })
    .from(subsidyPayments)
    .innerJoin(handlers, eq(handlers.id, subsidyPayments.handlerId))
    .innerJoin(users, eq(users.id, subsidyPayments.recordedBy))
    .where(eq(subsidyPayments.applicationId, applicationId))
    .orderBy(asc(subsidyPayments.recordedAt));
  return rows.map(({ p, handlerName, by }) => ({
    id: p.id,
    applicationId,
    handler: { id: p.handlerId, name: handlerName },
    payee: { kind: p.payeeKind, id: p.payeeFirmId ?? p.handlerId, name: p.payeeName },
    amountFen: p.amountFen,
    paidOn: p.paidOn,
    paymentReference: p.paymentReference,
    recordedBy: { id: p.recordedBy, displayName: by },
    recordedAt: p.recordedAt.toISOString(),
    batchId: p.batchId,
    rateRuleId: p.rateRuleId,
  }));
}
