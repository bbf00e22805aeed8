import { randomUUID } from 'node:crypto';
import { and, arrayContains, eq, inArray } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import {
  applications,
  caseAssignments,
  handlers,
  staffAlerts,
  users,
  type StaffAlertKind,
} from '../../db/schema/index.ts';
import type { AppDeps } from '../../platform/context.ts';
import { enqueueMessage } from '../../platform/outbox/outbox.ts';
import { hasTemplate } from '../../platform/outbox/templates.ts';

/** The event kinds of the bell (ADR 0016): each may also go by SMS to a user who asked for it. */
export type EventNoticeKind = Extract<
  StaffAlertKind,
  | 'assigned'
  | 'closing_returned'
  | 'objection_filed'
  | 'hearing_reminder'
  | 'duty_request'
  | 'duty_swap'
  | 'partner_callback_failed'
  | 'complaint_received'
  | 'quality_concern'
  | 'observation_findings'
  | 'rectification_overdue'
  | 'budget_low'
>;

export interface EventNotice {
  kind: EventNoticeKind;
  userIds: readonly string[];
  organisationId: string;
  /** The case it is about; null for a duty-lawyer notice, which is about no case. */
  applicationId: string | null;
  /** When the thing it is about happens (the hearing's time), or now for an event. */
  dueAt: Date;
  activityId?: string;
  assignmentId?: string;
  /** The complaint it is about (a complaint received). */
  complaintId?: string;
  /** The quality concern it announces. */
  qualityConcernId?: string;
  /** The rectification request past its last day. */
  rectificationId?: string;
  /** The budget line running low. */
  budgetLineId?: string;
  /** Message parameters beside the case number (e.g. the hearing's time in Beijing). */
  params?: Record<string, string>;
}

/**
 * Puts an event in the bell of each user it concerns, in the caller's transaction, at most once per
 * activity or assignment (the unique indexes of staff_alerts), and queues the same notice by SMS
 * through the outbox for the users who chose it in their settings (个人设置) and have a phone on
 * file (their own, or their handler record's). The phone is opened only to seal it into the outbox
 * row; it is never logged. Returns the number of notices written.
 */
export async function notifyUsers(deps: AppDeps, tx: Tx, notice: EventNotice): Promise<number> {
  const userIds = [...new Set(notice.userIds)];
  if (userIds.length === 0) return 0;
  const now = deps.clock.now();
  const written = await tx
    .insert(staffAlerts)
    .values(
      userIds.map((userId) => ({
        id: randomUUID(),
        userId,
        organisationId: notice.organisationId,
        applicationId: notice.applicationId,
        clockId: null,
        assignmentId: notice.assignmentId ?? null,
        activityId: notice.activityId ?? null,
        complaintId: notice.complaintId ?? null,
        qualityConcernId: notice.qualityConcernId ?? null,
        rectificationId: notice.rectificationId ?? null,
        budgetLineId: notice.budgetLineId ?? null,
        kind: notice.kind,
        period: null,
        dueAt: notice.dueAt,
        createdAt: now,
      })),
    )
    .onConflictDoNothing()
    .returning({ userId: staffAlerts.userId });
  // Being assigned and a returned closing are texted to the handler by the lifecycle already.
  const template = `notice.${notice.kind}`;
  if (written.length === 0 || !hasTemplate(template)) return written.length;

  const wanting = await tx
    .select({ id: users.id, phone: users.phoneSealed, handlerPhone: handlers.phoneSealed })
    .from(users)
    .leftJoin(handlers, eq(handlers.userId, users.id))
    .where(
      and(
        inArray(
          users.id,
          written.map((w) => w.userId),
        ),
        eq(users.smsNotifications, true),
        eq(users.status, 'active'),
      ),
    );
  if (wanting.length > 0) {
    const [app] = notice.applicationId
      ? await tx
          .select({ number: applications.number })
          .from(applications)
          .where(eq(applications.id, notice.applicationId))
      : [];
    for (const user of wanting) {
      const sealed = user.phone ?? user.handlerPhone;
      if (!sealed) continue;
      await enqueueMessage(tx, deps, {
        channel: 'sms',
        recipient: deps.cipher.open(sealed),
        template,
        params: { number: app?.number ?? '', ...notice.params },
        organisationId: notice.organisationId,
        entity: { type: 'users', id: user.id },
      });
    }
  }
  return written.length;
}

/** The active directors of a centre: they hear of objections and unanswered assignments. */
export async function directorsOf(tx: Tx, organisationId: string): Promise<string[]> {
  const rows = await tx
    .select({ id: users.id })
    .from(users)
    .where(
      and(
        eq(users.organisationId, organisationId),
        eq(users.status, 'active'),
        arrayContains(users.roles, ['director']),
      ),
    );
  return rows.map((r) => r.id);
}

/** The handler's login hears of the case assigned to them (no login: nothing to ring). */
export async function notifyAssigned(
  deps: AppDeps,
  tx: Tx,
  app: { id: string; ownerOrgId: string },
  handlerId: string,
  assignmentId: string,
): Promise<void> {
  const [handler] = await tx
    .select({ userId: handlers.userId })
    .from(handlers)
    .where(eq(handlers.id, handlerId));
  if (!handler?.userId) return;
  await notifyUsers(deps, tx, {
    kind: 'assigned',
    userIds: [handler.userId],
    organisationId: app.ownerOrgId,
    applicationId: app.id,
    assignmentId,
    dueAt: deps.clock.now(),
  });
}

/** The login of the handler who has accepted the case (null without one or without a login). */
export async function acceptedHandlerUser(tx: Tx, applicationId: string): Promise<string | null> {
  const [row] = await tx
    .select({ userId: handlers.userId })
    .from(caseAssignments)
    .innerJoin(handlers, eq(handlers.id, caseAssignments.handlerId))
    .where(and(eq(caseAssignments.applicationId, applicationId), eq(caseAssignments.status, 'accepted')));
  return row?.userId ?? null;
}

/** The active supervisors of the justice bureau that reviews the objection (LAL art.49). */
export async function supervisorsOf(tx: Tx, bureauOrgId: string): Promise<string[]> {
  const rows = await tx
    .select({ id: users.id })
    .from(users)
    .where(
      and(
        eq(users.organisationId, bureauOrgId),
        eq(users.status, 'active'),
        arrayContains(users.roles, ['supervisor']),
      ),
    );
  return rows.map((r) => r.id);
}
