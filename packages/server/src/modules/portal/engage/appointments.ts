import { randomBytes, randomUUID } from 'node:crypto';
import { and, asc, eq, gt, gte, inArray, isNull, lt, lte, sql } from 'drizzle-orm';
import { beijingIsoString } from '@fayuan/domain';
import type { Queryable, Tx } from '../../../db/client.ts';
import {
  appointments,
  appointmentSlots,
  centreSettings,
  citizens,
  organisations,
  type AppointmentKind,
} from '../../../db/schema/index.ts';
import type { Actor, AppDeps, RequestOrigin } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import { recordAudit } from '../../../platform/audit/audit-log.ts';
import { enqueueMessage } from '../../../platform/outbox/outbox.ts';
import { ownerInScope } from '../../../platform/scope/data-scope.ts';
import type { CitizenPrincipal } from '../citizen-session.ts';

const CENTRE_KINDS = ['city_centre', 'district_centre'];
/** A reminder goes out this long before the slot (a working habit, not law). */
export const REMINDER_LEAD_MS = 24 * 3_600_000;

const when = (d: Date) => beijingIsoString(d.getTime()).slice(0, 16).replace('T', ' ');

/** A centre publishes a slot: window or video consultation, with its places. */
export async function publishSlot(
  deps: AppDeps,
  tx: Tx,
  actor: Actor,
  input: { kind: AppointmentKind; startsAt: string; endsAt: string; capacity: number },
  origin: RequestOrigin,
) {
  const startsAt = new Date(input.startsAt);
  const endsAt = new Date(input.endsAt);
  if (endsAt <= startsAt) throw new AppError('APPOINTMENT_SLOT_INVALID', { field: 'endsAt' });
  const id = randomUUID();
  await tx.insert(appointmentSlots).values({
    id,
    organisationId: actor.organisationId,
    kind: input.kind,
    startsAt,
    endsAt,
    capacity: input.capacity,
    createdBy: actor.userId,
    createdAt: deps.clock.now(),
  });
  await recordAudit(tx, { cipher: deps.cipher, at: deps.clock.now() }, origin, {
    action: 'appointment_slot.create',
    entityType: 'appointment_slots',
    entityId: id,
    changes: { slot: { after: { kind: input.kind, startsAt: input.startsAt, capacity: input.capacity } } },
  });
  return id;
}

/** Open slots with free places of a centre, from now on (the portal's list). */
export async function freeSlots(db: Queryable, organisationCode: string, from: Date, to: Date) {
  return db
    .select({
      id: appointmentSlots.id,
      kind: appointmentSlots.kind,
      startsAt: appointmentSlots.startsAt,
      endsAt: appointmentSlots.endsAt,
      free: sql<number>`${appointmentSlots.capacity} - ${appointmentSlots.booked}`,
      centre: organisations.name,
    })
    .from(appointmentSlots)
    .innerJoin(organisations, eq(organisations.id, appointmentSlots.organisationId))
    .where(
      and(
        eq(organisations.code, organisationCode),
        inArray(organisations.kind, CENTRE_KINDS),
        gte(appointmentSlots.startsAt, from),
        lt(appointmentSlots.startsAt, to),
        lt(appointmentSlots.booked, appointmentSlots.capacity),
      ),
    )
    .orderBy(asc(appointmentSlots.startsAt));
}

async function phoneOf(deps: AppDeps, tx: Queryable, citizenId: string) {
  const [row] = await tx
    .select({ phone: citizens.phoneSealed })
    .from(citizens)
    .where(eq(citizens.id, citizenId));
  return row?.phone ? deps.cipher.open(row.phone) : null;
}

/**
 * Books a place. The slot's row is locked while its places are counted, so two citizens never
 * take its last place twice; an SMS confirms, with the video link for a video consultation.
 */
export async function bookAppointment(
  deps: AppDeps,
  tx: Tx,
  citizen: CitizenPrincipal,
  input: { slotId: string; topic: string },
  origin: RequestOrigin,
) {
  const [slot] = await tx
    .select()
    .from(appointmentSlots)
    .where(eq(appointmentSlots.id, input.slotId))
    .for('update');
  const now = deps.clock.now();
  if (!slot || slot.startsAt <= now) throw new AppError('APPOINTMENT_SLOT_NOT_FOUND', { field: 'slotId' });
  if (slot.booked >= slot.capacity) throw new AppError('APPOINTMENT_SLOT_FULL');
  const [mine] = await tx
    .select({ id: appointments.id })
    .from(appointments)
    .where(
      and(
        eq(appointments.slotId, slot.id),
        eq(appointments.citizenId, citizen.citizenId),
        eq(appointments.status, 'booked'),
      ),
    );
  if (mine) throw new AppError('APPOINTMENT_ALREADY_BOOKED');
  const code = randomBytes(4).toString('hex').toUpperCase();
  const [settings] = await tx
    .select({ template: centreSettings.videoLinkTemplate })
    .from(centreSettings)
    .where(eq(centreSettings.organisationId, slot.organisationId));
  const videoLink =
    slot.kind === 'video' && settings?.template
      ? settings.template.replaceAll('{code}', encodeURIComponent(code))
      : null;
  const id = randomUUID();
  await tx.insert(appointments).values({
    id,
    slotId: slot.id,
    citizenId: citizen.citizenId,
    organisationId: slot.organisationId,
    kind: slot.kind,
    topic: input.topic,
    code,
    videoLink,
    createdAt: now,
  });
  await tx
    .update(appointmentSlots)
    .set({ booked: slot.booked + 1 })
    .where(eq(appointmentSlots.id, slot.id));
  const [centre] = await tx
    .select({ name: organisations.name })
    .from(organisations)
    .where(eq(organisations.id, slot.organisationId));
  const phone = await phoneOf(deps, tx, citizen.citizenId);
  if (phone)
    await enqueueMessage(tx, deps, {
      channel: 'sms',
      recipient: phone,
      template: slot.kind === 'video' ? 'appointment_booked_video' : 'appointment_booked',
      params: { centre: centre?.name ?? '', at: when(slot.startsAt), code, link: videoLink ?? '' },
      organisationId: slot.organisationId,
      entity: { type: 'appointment', id },
    });
  await recordAudit(tx, { cipher: deps.cipher, at: now }, origin, {
    action: 'appointment.book',
    entityType: 'appointments',
    entityId: id,
    organisationId: slot.organisationId,
    changes: { citizenId: { after: citizen.citizenId }, slotId: { after: slot.id } },
  });
  return id;
}

export async function cancelAppointment(
  deps: AppDeps,
  tx: Tx,
  citizen: CitizenPrincipal,
  id: string,
  origin: RequestOrigin,
) {
  const [row] = await tx
    .select()
    .from(appointments)
    .where(and(eq(appointments.id, id), eq(appointments.citizenId, citizen.citizenId)))
    .for('update');
  if (!row) throw new AppError('APPOINTMENT_NOT_FOUND');
  if (row.status !== 'booked') throw new AppError('APPOINTMENT_NOT_CANCELLABLE');
  const now = deps.clock.now();
  await tx.update(appointments).set({ status: 'cancelled', cancelledAt: now }).where(eq(appointments.id, id));
  // The place is free again for someone else.
  await tx
    .update(appointmentSlots)
    .set({ booked: sql`${appointmentSlots.booked} - 1` })
    .where(eq(appointmentSlots.id, row.slotId));
  await recordAudit(tx, { cipher: deps.cipher, at: now }, origin, {
    action: 'appointment.cancel',
    entityType: 'appointments',
    entityId: id,
    organisationId: row.organisationId,
  });
}

/** The citizen's bookings, soonest first. */
export async function ownAppointments(db: Queryable, citizen: CitizenPrincipal) {
  const rows = await db
    .select({ a: appointments, slot: appointmentSlots, centre: organisations.name })
    .from(appointments)
    .innerJoin(appointmentSlots, eq(appointmentSlots.id, appointments.slotId))
    .innerJoin(organisations, eq(organisations.id, appointments.organisationId))
    .where(eq(appointments.citizenId, citizen.citizenId))
    .orderBy(asc(appointmentSlots.startsAt));
  return {
    items: rows.map(({ a, slot, centre }) => ({
      id: a.id,
      centre,
      kind: a.kind,
      topic: a.topic,
      code: a.code,
      status: a.status,
      startsAt: slot.startsAt.toISOString(),
      endsAt: slot.endsAt.toISOString(),
      videoLink: a.videoLink,
    })),
  };
}

/** The day's bookings of the staff member's centres (beside the consultation log). */
export async function bookingsOn(db: Queryable, actor: Actor, date: string) {
  const start = new Date(`${date}T00:00:00+08:00`);
  const end = new Date(start.getTime() + 24 * 3_600_000);
  const rows = await db
    .select({ a: appointments, slot: appointmentSlots, phone: citizens.phoneSealed })
    .from(appointments)
    .innerJoin(appointmentSlots, eq(appointmentSlots.id, appointments.slotId))
    .innerJoin(citizens, eq(citizens.id, appointments.citizenId))
    .where(
      and(
        ownerInScope(actor.scope, appointments.organisationId),
        gte(appointmentSlots.startsAt, start),
        lt(appointmentSlots.startsAt, end),
        inArray(appointments.status, ['booked', 'attended']),
      ),
    )
    .orderBy(asc(appointmentSlots.startsAt));
  return rows;
}

/** Slots of the staff member's centres in a period (the slot page). */
export async function slotsOf(db: Queryable, actor: Actor, from: Date, to: Date) {
  return db
    .select()
    .from(appointmentSlots)
    .where(
      and(
        ownerInScope(actor.scope, appointmentSlots.organisationId),
        gte(appointmentSlots.startsAt, from),
        lte(appointmentSlots.startsAt, to),
      ),
    )
    .orderBy(asc(appointmentSlots.startsAt));
}

/** Queues the SMS reminder of each booking whose slot starts within the lead time (once per booking). */
export async function queueAppointmentReminders(deps: AppDeps): Promise<number> {
  return deps.db.transaction(async (tx) => {
    const now = deps.clock.now();
    const due = await tx
      .select({ a: appointments, slot: appointmentSlots, centre: organisations.name })
      .from(appointments)
      .innerJoin(appointmentSlots, eq(appointmentSlots.id, appointments.slotId))
      .innerJoin(organisations, eq(organisations.id, appointments.organisationId))
      .where(
        and(
          eq(appointments.status, 'booked'),
          isNull(appointments.reminderQueuedAt),
          gt(appointmentSlots.startsAt, now),
          lte(appointmentSlots.startsAt, new Date(now.getTime() + REMINDER_LEAD_MS)),
        ),
      )
      .for('update', { of: appointments, skipLocked: true });
    for (const { a, slot, centre } of due) {
      const phone = await phoneOf(deps, tx, a.citizenId);
      if (phone)
        await enqueueMessage(tx, deps, {
          channel: 'sms',
          recipient: phone,
          template: 'appointment_reminder',
          params: { centre, at: when(slot.startsAt), code: a.code, link: a.videoLink ?? '' },
          organisationId: a.organisationId,
          entity: { type: 'appointment', id: a.id },
        });
      await tx.update(appointments).set({ reminderQueuedAt: now }).where(eq(appointments.id, a.id));
    }
    return due.length;
  });
}
