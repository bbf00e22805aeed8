import { and, countDistinct, eq, gte, isNotNull, lt, lte, sql, type AnyColumn } from 'drizzle-orm';
import { addDays, countDutyDays, hoursOf, type LocalDate, type ServiceCounts } from '@fayuan/domain';
import type { Queryable } from '../../../db/client.ts';
import {
  applications,
  caseAssignments,
  consultations,
  contractHotlineHours,
  dutySlots,
  handlers,
  organisations,
  type ServiceContractRow,
} from '../../../db/schema/index.ts';

export interface Delivered {
  counts: ServiceCounts;
  /** Hotline seconds found in the consultation records (the firm's lawyers' 12348 calls). */
  recordedHotlineSeconds: number;
  /** Hotline minutes entered by hand. */
  manualHotlineMinutes: number;
}

/** Beijing midnight at the start of a date. */
const startOf = (d: LocalDate) => new Date(`${d}T00:00:00+08:00`);

/**
 * What a contract's provider delivered in the contract's period, counted from the records of the
 * contract's organisation and those below it:
 * - cases: cases whose accepted assignment is to a handler of the firm, accepted in the period;
 * - duty days: one per lawyer of the firm and date with a duty slot checked in (countDutyDays);
 * - hotline hours: the recorded duration of 12348 hotline consultations taken by the firm's
 *   lawyers' logins, plus the hours entered by hand (the only source for a social organisation,
 *   whose people are not in the handler registry, and for calls logged without a duration).
 */
export async function deliveredServices(db: Queryable, contract: ServiceContractRow): Promise<Delivered> {
  const [org] = await db
    .select({ path: organisations.path })
    .from(organisations)
    .where(eq(organisations.id, contract.organisationId));
  const inSubtree = (column: AnyColumn) =>
    sql`${column} IN (SELECT ${organisations.id} FROM ${organisations} WHERE ${organisations.path} LIKE ${`${org?.path ?? '-'}%`})`;
  const from = startOf(contract.startsOn as LocalDate);
  const until = startOf(addDays(contract.endsOn as LocalDate, 1));
  const [manual] = await db
    .select({ minutes: sql<string>`coalesce(sum(${contractHotlineHours.minutes}), 0)` })
    .from(contractHotlineHours)
    .where(eq(contractHotlineHours.contractId, contract.id));
  const manualHotlineMinutes = Number(manual?.minutes ?? 0);
  if (!contract.lawFirmId)
    return {
      counts: { cases: 0, dutyDays: 0, hotlineHours: hoursOf(manualHotlineMinutes * 60) },
      recordedHotlineSeconds: 0,
      manualHotlineMinutes,
    };
  const firm = eq(handlers.firmId, contract.lawFirmId);

  const [cases] = await db
    .select({ n: countDistinct(caseAssignments.applicationId) })
    .from(caseAssignments)
    .innerJoin(handlers, eq(handlers.id, caseAssignments.handlerId))
    .innerJoin(applications, eq(applications.id, caseAssignments.applicationId))
    .where(
      and(
        firm,
        eq(caseAssignments.status, 'accepted'),
        gte(caseAssignments.respondedAt, from),
        lt(caseAssignments.respondedAt, until),
        inSubtree(applications.ownerOrgId),
      ),
    );

  const slots = await db
    .select({ handlerId: dutySlots.handlerId, date: dutySlots.date })
    .from(dutySlots)
    .innerJoin(handlers, eq(handlers.id, dutySlots.handlerId))
    .where(
      and(
        firm,
        isNotNull(dutySlots.checkedInAt),
        gte(dutySlots.date, contract.startsOn),
        lte(dutySlots.date, contract.endsOn),
        inSubtree(dutySlots.stationOrgId),
      ),
    );

  const [hotline] = await db
    .select({ seconds: sql<string>`coalesce(sum(${consultations.durationSeconds}), 0)` })
    .from(consultations)
    .innerJoin(handlers, eq(handlers.userId, consultations.staffUserId))
    .where(
      and(
        firm,
        eq(consultations.channel, 'hotline_12348'),
        gte(consultations.startedAt, from),
        lt(consultations.startedAt, until),
        inSubtree(consultations.ownerOrgId),
      ),
    );
  const recordedHotlineSeconds = Number(hotline?.seconds ?? 0);
  return {
    counts: {
      cases: cases?.n ?? 0,
      dutyDays: countDutyDays(slots.map((s) => ({ handlerId: s.handlerId!, date: s.date as LocalDate }))),
      hotlineHours: hoursOf(recordedHotlineSeconds + manualHotlineMinutes * 60),
    },
    recordedHotlineSeconds,
    manualHotlineMinutes,
  };
}
