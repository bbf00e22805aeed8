import { and, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { complaintActions, complaintClosed, type ComplaintStatus } from '@fayuan/domain';
import type { Queryable } from '../../../db/client.ts';
import {
  applications,
  citizens,
  complaintClocks,
  complaints,
  handlers,
  organisations,
  ruleRows,
  type ComplaintClockRow,
} from '../../../db/schema/index.ts';
import type { AppDeps } from '../../../platform/context.ts';
import { maskPhone } from '../../../platform/crypto/field-cipher.ts';
import { ownerInScope, type DataScope } from '../../../platform/scope/data-scope.ts';
import { complaintClockOnTime, complaintClocksOf } from './complaint-clocks.ts';

/** The period running now of each complaint (at most one runs at a time), by complaint id. */
async function runningClocksOf(db: Queryable, ids: string[]): Promise<Map<string, ComplaintClockRow>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select()
    .from(complaintClocks)
    .where(and(inArray(complaintClocks.complaintId, ids), eq(complaintClocks.status, 'running')));
  return new Map(rows.map((c) => [c.complaintId, c]));
}

export interface ComplaintListFilter {
  status?: ComplaintStatus | undefined;
  /** Only the complaints still being handled (not answered, or under review). */
  open?: boolean | undefined;
}

const clockView = (c: ComplaintClockRow, now: Date) => ({
  id: c.id,
  period: c.period,
  status: c.status,
  startedAt: c.startedAt.toISOString(),
  dueAt: c.dueAt.toISOString(),
  stoppedAt: c.stoppedAt?.toISOString() ?? null,
  citation: c.citation,
  ruleId: c.ruleId,
  onTime: complaintClockOnTime(c),
  overdue: c.status === 'running' && c.dueAt.getTime() < now.getTime(),
  provisionalYears: c.provisionalYears,
  extendedTo: c.extendedTo,
  extensionReason: c.extensionReason,
});

/** The complaints of the actor's centres, newest first, each with the period that runs now. */
export async function complaintsInScope(deps: AppDeps, scope: DataScope, filter: ComplaintListFilter) {
  const where: SQL[] = [ownerInScope(scope, complaints.organisationId)];
  if (filter.status) where.push(eq(complaints.status, filter.status));
  if (filter.open) where.push(sql`${complaints.status} NOT IN ('replied', 'reviewed')`);
  const rows = await deps.db
    .select({
      c: complaints,
      centre: organisations.name,
      applicationNumber: applications.number,
      handlerName: handlers.name,
    })
    .from(complaints)
    .innerJoin(organisations, eq(organisations.id, complaints.organisationId))
    .leftJoin(applications, eq(applications.id, complaints.applicationId))
    .leftJoin(handlers, eq(handlers.id, complaints.handlerId))
    .where(and(...where))
    .orderBy(desc(complaints.receivedAt))
    .limit(500);
  const byComplaint = await runningClocksOf(
    deps.db,
    rows.map((r) => r.c.id),
  );
  const now = deps.clock.now();
  return {
    items: rows.map(({ c, centre, applicationNumber, handlerName }) => {
      const clock = byComplaint.get(c.id);
      return {
        id: c.id,
        number: c.number,
        channel: c.channel,
        centre,
        applicationNumber,
        about: c.about,
        handlerName,
        text: c.text,
        wantsReply: c.wantsReply,
        status: c.status,
        upheld: c.upheld,
        receivedAt: c.receivedAt.toISOString(),
        clock: clock ? clockView(clock, now) : null,
      };
    }),
  };
}

interface ListItemData {
  nameZh: string;
  nameEn: string;
}

/** One complaint with its complainant (phone masked), periods, steps taken and the steps open. */
export async function complaintDetail(deps: AppDeps, scope: DataScope, id: string) {
  const [row] = await deps.db
    .select({
      c: complaints,
      centre: organisations.name,
      applicationNumber: applications.number,
      handlerName: handlers.name,
      citizenPhone: citizens.phoneSealed,
    })
    .from(complaints)
    .innerJoin(organisations, eq(organisations.id, complaints.organisationId))
    .leftJoin(applications, eq(applications.id, complaints.applicationId))
    .leftJoin(handlers, eq(handlers.id, complaints.handlerId))
    .leftJoin(citizens, eq(citizens.id, complaints.citizenId))
    .where(and(eq(complaints.id, id), ownerInScope(scope, complaints.organisationId)))
    .limit(1);
  if (!row) return undefined;
  const { c } = row;
  const ruleIds = [c.declineRuleId, c.outcomeRuleId].filter((x): x is string => x !== null);
  const rules = ruleIds.length
    ? await deps.db
        .select({ id: ruleRows.id, data: ruleRows.data, citation: ruleRows.citation })
        .from(ruleRows)
        .where(inArray(ruleRows.id, ruleIds))
    : [];
  const ruleRef = (ruleId: string | null, code: string | null) => {
    if (!ruleId || !code) return null;
    const rule = rules.find((r) => r.id === ruleId);
    const data = rule?.data as ListItemData | undefined;
    return {
      code,
      nameZh: data?.nameZh ?? code,
      nameEn: data?.nameEn ?? code,
      citation: rule?.citation ?? '',
      ruleId,
    };
  };
  const phoneSealed = c.complainantPhoneSealed ?? row.citizenPhone;
  const now = deps.clock.now();
  return {
    id: c.id,
    number: c.number,
    version: c.version,
    channel: c.channel,
    centre: { id: c.organisationId, name: row.centre },
    application: c.applicationId ? { id: c.applicationId, number: row.applicationNumber } : null,
    about: c.about,
    handler: c.handlerId ? { id: c.handlerId, name: row.handlerName } : null,
    complainant: {
      name: c.complainantName,
      phoneMasked: phoneSealed ? maskPhone(deps.cipher.open(phoneSealed)) : null,
      relation: c.relation,
      viaPortal: c.citizenId !== null,
    },
    text: c.text,
    wantsReply: c.wantsReply,
    status: c.status,
    closed: complaintClosed(c.status),
    actions: complaintActions(c.status),
    receivedAt: c.receivedAt.toISOString(),
    acceptedAt: c.acceptedAt?.toISOString() ?? null,
    declineReason: ruleRef(c.declineRuleId, c.declineReason),
    outcome: ruleRef(c.outcomeRuleId, c.outcome),
    upheld: c.upheld,
    findings: c.findings,
    decidedAt: c.decidedAt?.toISOString() ?? null,
    replyText: c.replyText,
    replyMethod: c.replyMethod,
    repliedAt: c.repliedAt?.toISOString() ?? null,
    appealText: c.appealText,
    appealedAt: c.appealedAt?.toISOString() ?? null,
    reviewResult: c.reviewResult,
    reviewNote: c.reviewNote,
    reviewedAt: c.reviewedAt?.toISOString() ?? null,
    clocks: (await complaintClocksOf(deps.db, c.id)).map((k) => clockView(k, now)),
  };
}

/** The citizen's own complaints: status, the period that runs and the answer once given. */
export async function citizenComplaints(db: Queryable, citizenId: string) {
  const rows = await db
    .select({ c: complaints, centre: organisations.name })
    .from(complaints)
    .innerJoin(organisations, eq(organisations.id, complaints.organisationId))
    .where(eq(complaints.citizenId, citizenId))
    .orderBy(desc(complaints.receivedAt));
  const running = await runningClocksOf(
    db,
    rows.map((r) => r.c.id),
  );
  return {
    items: rows.map(({ c, centre }) => {
      const clock = running.get(c.id);
      return {
        id: c.id,
        number: c.number,
        centre,
        about: c.about,
        text: c.text,
        status: c.status,
        receivedAt: c.receivedAt.toISOString(),
        dueAt: clock?.dueAt.toISOString() ?? null,
        replyText: c.replyText,
        repliedAt: c.repliedAt?.toISOString() ?? null,
        canAppeal: c.status === 'replied',
      };
    }),
  };
}
