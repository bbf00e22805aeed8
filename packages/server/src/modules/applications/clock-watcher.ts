import { randomUUID } from 'node:crypto';
import {
  and,
  arrayContains,
  eq,
  inArray,
  isNotNull,
  isNull,
  lt,
  lte,
  ne,
  notInArray,
  or,
  sql,
  type AnyColumn,
  type SQL,
} from 'drizzle-orm';
import { beijingIsoString, PERIODS_FROM_DELIVERY, type PeriodKind } from '@fayuan/domain';
import {
  applications,
  caseActivities,
  centreSettings,
  caseAssignments,
  caseClocks,
  handlers,
  objections,
  staffAlerts,
  users,
} from '../../db/schema/index.ts';
import type { AppDeps, RequestOrigin } from '../../platform/context.ts';
import type { Tx } from '../../db/client.ts';
import { refreshNextDue } from './clocks.ts';
import { runEvent } from './run-event.ts';
import { notifyUsers } from '../notifications/notify-users.ts';
import { sweepComplaintClocks } from '../quality/complaints/complaint-sweep.ts';
import { alertOverdueRectifications } from '../quality/inspections/rectifications.ts';

const SCHEDULER: RequestOrigin = { actor: null, ip: null, requestId: 'clock-watcher' };
/** Rows one sweep step claims at most. */
export const SWEEP_BATCH = 200;
const BATCH = SWEEP_BATCH;

export interface SweepResult {
  deemedWithdrawn: number;
  /** Objection filing periods that ran out with no objection (closed at their due time). */
  lapsed: number;
  reminders: number;
  overdue: number;
  unanswered: number;
  /** Scheduled hearings whose handler was reminded in this sweep. */
  hearingReminders: number;
  /** Complaint periods close ahead, and passed, that rang the bell in this sweep. */
  complaintReminders: number;
  complaintOverdue: number;
  /** Alerts of rectification requests open past their last day, written in this sweep. */
  rectificationOverdue: number;
}

/**
 * Watches every clock, once a minute (pg-boss `clock-sweep`; tests call it directly):
 * - a supplement date that has passed makes the application deemed withdrawn (视为撤回, LAL
 *   art.43(2)) through the lifecycle, as the scheduler;
 * - an objection filing period that ran out with no objection is closed at its due time: it is
 *   the applicant's period, not staff's work, so it raises no reminder and no overdue alert, and
 *   a lapsed one shows as ended, not overdue (LAL art.49; BJR art.24);
 * - a deadline close ahead raises a reminder, and a deadline passed raises an overdue alert, to
 *   the person working on it and to the centre's directors; each once per clock; so do a
 *   complaint's periods, and a rectification request open past its last day.
 * Rows are claimed with SKIP LOCKED, so two servers sweeping at once do not double anything.
 */
export async function sweepClocks(deps: AppDeps): Promise<SweepResult> {
  const now = deps.clock.now();
  const result: SweepResult = {
    deemedWithdrawn: 0,
    lapsed: 0,
    reminders: 0,
    overdue: 0,
    unanswered: 0,
    hearingReminders: 0,
    complaintReminders: 0,
    complaintOverdue: 0,
    rectificationOverdue: 0,
  };

  for (;;) {
    const done = await deps.db.transaction(async (tx) => {
      const [due] = await tx
        .select({ app: applications })
        .from(applications)
        .innerJoin(caseClocks, eq(caseClocks.applicationId, applications.id))
        .where(
          and(
            eq(applications.state, 'supplement_requested'),
            eq(caseClocks.period, 'supplement'),
            eq(caseClocks.status, 'running'),
            lt(caseClocks.dueAt, now),
          ),
        )
        .limit(1)
        .for('update', { of: applications, skipLocked: true });
      if (!due) return true;
      await runEvent(deps, tx, {
        application: due.app,
        event: { type: 'supplement_overdue' },
        actor: 'scheduler',
        origin: SCHEDULER,
      });
      result.deemedWithdrawn += 1;
      return false;
    });
    if (done) break;
  }

  result.lapsed = await lapseObjectionPeriods(deps, now);
  result.reminders = await raise(deps, 'reminder', now);
  result.overdue = await raise(deps, 'overdue', now);
  result.unanswered = await raiseUnanswered(deps, now);
  result.hearingReminders = await remindHearings(deps, now);
  result.complaintReminders = await sweepComplaintClocks(deps, 'reminder', now);
  result.complaintOverdue = await sweepComplaintClocks(deps, 'overdue', now);
  result.rectificationOverdue = await alertOverdueRectifications(deps, now);
  return result;
}

/**
 * An assigned handler who has not accepted or declined by the centre's answer time: the directors
 * are told, once per assignment, so they can chase or change the handler while the case waits.
 */
async function raiseUnanswered(deps: AppDeps, now: Date): Promise<number> {
  return deps.db.transaction(async (tx) => {
    const late = await tx
      .select({ assignment: caseAssignments, app: applications })
      .from(caseAssignments)
      .innerJoin(applications, eq(applications.id, caseAssignments.applicationId))
      .where(
        and(
          eq(caseAssignments.status, 'pending'),
          eq(applications.state, 'assigned'),
          lt(caseAssignments.respondBy, now),
          sql`NOT EXISTS (SELECT 1 FROM ${staffAlerts} WHERE ${staffAlerts.assignmentId} = ${caseAssignments.id} AND ${staffAlerts.kind} = 'unanswered')`,
        ),
      )
      .limit(BATCH)
      .for('update', { of: caseAssignments, skipLocked: true });
    for (const { assignment, app } of late) {
      const directors = await recipientsOf(tx, app.ownerOrgId, null);
      if (directors.length > 0)
        await tx
          .insert(staffAlerts)
          .values(
            directors.map((userId) => ({
              id: randomUUID(),
              userId,
              organisationId: app.ownerOrgId,
              applicationId: app.id,
              clockId: null,
              assignmentId: assignment.id,
              kind: 'unanswered' as const,
              period: 'assignment' as const,
              dueAt: assignment.respondBy,
              createdAt: now,
            })),
          )
          .onConflictDoNothing();
    }
    return late.length;
  });
}

/**
 * A scheduled hearing within the centre's lead time (centre_settings.hearing_reminder_hours, a
 * working habit, not law) rings its handler's bell, and goes by SMS if they chose it. Once per
 * hearing and handler: the unique index on (activity, kind, user) makes a second sweep, or a
 * second server sweeping at once, write nothing.
 */
async function remindHearings(deps: AppDeps, now: Date): Promise<number> {
  return deps.db.transaction(async (tx) => {
    const due = await tx
      .select({
        activity: caseActivities,
        ownerOrgId: applications.ownerOrgId,
        userId: handlers.userId,
      })
      .from(caseActivities)
      .innerJoin(applications, eq(applications.id, caseActivities.applicationId))
      .innerJoin(handlers, eq(handlers.id, caseActivities.handlerId))
      .leftJoin(centreSettings, eq(centreSettings.organisationId, applications.ownerOrgId))
      .where(
        and(
          eq(caseActivities.status, 'scheduled'),
          eq(caseActivities.kind, 'hearing'),
          sql`${caseActivities.occurredAt} > ${now}`,
          sql`${caseActivities.occurredAt} <= ${now}::timestamptz + make_interval(hours => COALESCE(${centreSettings.hearingReminderHours}, 24))`,
          isNotNull(handlers.userId),
          sql`NOT EXISTS (SELECT 1 FROM ${staffAlerts} WHERE ${staffAlerts.activityId} = ${caseActivities.id} AND ${staffAlerts.kind} = 'hearing_reminder')`,
        ),
      )
      .limit(BATCH);
    let written = 0;
    for (const { activity, ownerOrgId, userId } of due) {
      if (!userId) continue;
      written += await notifyUsers(deps, tx, {
        kind: 'hearing_reminder',
        userIds: [userId],
        organisationId: ownerOrgId,
        applicationId: activity.applicationId,
        activityId: activity.id,
        dueAt: activity.occurredAt,
        params: { at: beijingDateTimeOf(activity.occurredAt) },
      });
    }
    return written;
  });
}

/** 2026-11-28 09:30 in Beijing time, as a message prints it. */
function beijingDateTimeOf(at: Date): string {
  const iso = beijingIsoString(at.getTime());
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)}`;
}

/** The applicant's periods to object (from delivery, ADR 0011): they lapse, staff get no alert. */
const APPLICANT_PERIODS = Object.keys(PERIODS_FROM_DELIVERY) as PeriodKind[];

/** Closes the objection filing periods past their due time, each at that time. */
async function lapseObjectionPeriods(deps: AppDeps, now: Date): Promise<number> {
  return deps.db.transaction(async (tx) => {
    const lapsed = await tx
      .update(caseClocks)
      .set({ status: 'stopped', stoppedAt: sql`${caseClocks.dueAt}` })
      .where(
        and(
          inArray(caseClocks.period, APPLICANT_PERIODS),
          eq(caseClocks.status, 'running'),
          lt(caseClocks.dueAt, now),
        ),
      )
      .returning({ applicationId: caseClocks.applicationId });
    for (const id of new Set(lapsed.map((l) => l.applicationId))) await refreshNextDue(tx, id);
    return lapsed.length;
  });
}

/**
 * The clocks due for an alert of a kind: a reminder goes out a day ahead, or four hours ahead for
 * periods shorter than two days; an overdue alert once the due time has passed. Shared by every
 * table of clocks (applications', complaints').
 */
export function alertWindow(
  kind: 'reminder' | 'overdue',
  clock: { dueAt: AnyColumn; startedAt: AnyColumn },
  now: Date,
): SQL | undefined {
  if (kind === 'overdue') return lt(clock.dueAt, now);
  return and(
    sql`${clock.dueAt} >= ${now}`,
    lte(
      clock.dueAt,
      sql`${now}::timestamptz + (CASE WHEN ${clock.dueAt} - ${clock.startedAt} < interval '48 hours' THEN interval '4 hours' ELSE interval '24 hours' END)`,
    ),
  );
}

async function raise(deps: AppDeps, kind: 'reminder' | 'overdue', now: Date): Promise<number> {
  return sweepInBatches(deps, async (tx) => {
    const marker = kind === 'reminder' ? caseClocks.remindedAt : caseClocks.alertedAt;
    const window = alertWindow(kind, caseClocks, now);
    const clocks = await tx
      .select({ clock: caseClocks, app: applications })
      .from(caseClocks)
      .innerJoin(applications, eq(applications.id, caseClocks.applicationId))
      .where(
        and(
          eq(caseClocks.status, 'running'),
          // The applicant's period to object: nothing for staff to do before it ends (above).
          notInArray(caseClocks.period, APPLICANT_PERIODS),
          isNull(marker),
          window,
          // A supplement date passing withdraws the application (above): no alert for that one.
          kind === 'overdue'
            ? or(ne(caseClocks.period, 'supplement'), ne(applications.state, 'supplement_requested'))
            : undefined,
        ),
      )
      .limit(BATCH)
      .for('update', { of: caseClocks, skipLocked: true });
    for (const { clock, app } of clocks) {
      const handlerUser = HANDLER_PERIODS.has(clock.period) ? await handlerUserOf(tx, app.id) : null;
      const recipients =
        clock.period === 'objection_review'
          ? await bureauOf(tx, app.id)
          : // The closing materials are the handler's to hand in: the reminder goes to them
            // alone, the overdue alert to them and the centre (LAL art.50).
            clock.period === 'closing_materials' && kind === 'reminder'
            ? handlerUser
              ? [handlerUser]
              : []
            : await recipientsOf(
                tx,
                app.ownerOrgId,
                HANDLER_PERIODS.has(clock.period) ? handlerUser : (app.reviewerId ?? app.receivedBy),
              );
      await ringClockAlert(tx, recipients, {
        kind,
        organisationId: app.ownerOrgId,
        applicationId: app.id,
        clockId: clock.id,
        period: clock.period,
        dueAt: clock.dueAt,
        createdAt: now,
      });
      await tx
        .update(caseClocks)
        .set(kind === 'reminder' ? { remindedAt: now } : { alertedAt: now })
        .where(eq(caseClocks.id, clock.id));
    }
    return clocks.length;
  });
}

/**
 * A clock's reminder or overdue alert in the bell of each recipient, in the caller's transaction:
 * one row per person, and a second ring of the same clock, kind and person writes nothing (the
 * unique indexes of staff_alerts). Shared by every table of clocks (applications', complaints');
 * the caller marks its clock as rung.
 */
export async function ringClockAlert(
  tx: Tx,
  recipients: readonly string[],
  alert: Omit<typeof staffAlerts.$inferInsert, 'id' | 'userId'> & { kind: 'reminder' | 'overdue' },
): Promise<void> {
  const userIds = [...new Set(recipients)];
  if (userIds.length === 0) return;
  await tx
    .insert(staffAlerts)
    .values(userIds.map((userId) => ({ ...alert, id: randomUUID(), userId })))
    .onConflictDoNothing();
}

/**
 * Runs a sweep step, each in its own transaction, until a step claims fewer rows than a batch
 * (rows claimed with SKIP LOCKED, so two servers sweeping at once do not double anything).
 * Returns the rows claimed in all.
 */
export async function sweepInBatches(deps: AppDeps, step: (tx: Tx) => Promise<number>): Promise<number> {
  let claimed = 0;
  for (;;) {
    const count = await deps.db.transaction(step);
    claimed += count;
    if (count < SWEEP_BATCH) return claimed;
  }
}

/** An objection's clock belongs to the justice bureau reviewing it: its active supervisors. */
async function bureauOf(tx: Tx, applicationId: string): Promise<string[]> {
  const rows = await tx
    .select({ id: users.id })
    .from(objections)
    .innerJoin(users, eq(users.organisationId, objections.bureauOrgId))
    .where(
      and(
        eq(objections.applicationId, applicationId),
        eq(objections.status, 'pending'),
        eq(users.status, 'active'),
        arrayContains(users.roles, ['supervisor']),
      ),
    );
  return [...new Set(rows.map((r) => r.id))];
}

/** The periods the assigned handler works to: the agreement, the closing materials. */
const HANDLER_PERIODS: ReadonlySet<string> = new Set(['agreement_signing', 'closing_materials']);

/**
 * The login of the handler assigned to the case, accepted or not yet answered: the agreement
 * period runs from the assignment (MOJ procedure rules 2023 art.27) and is theirs.
 */
async function handlerUserOf(tx: Tx, applicationId: string): Promise<string | null> {
  const [row] = await tx
    .select({ userId: handlers.userId })
    .from(caseAssignments)
    .innerJoin(handlers, eq(handlers.id, caseAssignments.handlerId))
    .where(
      and(
        eq(caseAssignments.applicationId, applicationId),
        inArray(caseAssignments.status, ['pending', 'accepted']),
      ),
    );
  return row?.userId ?? null;
}

/** The person working on it (if still active) and the centre's active directors. */
async function recipientsOf(tx: Tx, organisationId: string, ownerId: string | null): Promise<string[]> {
  const rows = await tx
    .select({ id: users.id, roles: users.roles, organisationId: users.organisationId })
    .from(users)
    .where(
      and(
        eq(users.status, 'active'),
        sql`(${users.id} = ${ownerId} OR (${users.organisationId} = ${organisationId} AND ${arrayContains(users.roles, ['director'])}))`,
      ),
    );
  return [...new Set(rows.map((r) => r.id))];
}
