import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { idNumberCheckCharacter } from '@fayuan/domain';
import { applications, appointmentSlots, complaints, outboxMessages } from '../../../db/schema/index.ts';
import { startTestApp, type TestContext } from '../../../../test/harness.ts';
import { ORG } from '../../../../test/factories.ts';
import { PUBLIC, signInCitizen } from '../../../../test/portal-client.ts';
import { signIn, type Staff } from '../../applications/application-test-kit.ts';
import { queueAppointmentReminders } from './appointments.ts';

let t: TestContext;
let window: Staff;
let reviewer: Staff;
beforeAll(async () => {
  t = await startTestApp();
  window = await signIn(t, ORG.haidian, ['window_staff']);
  reviewer = await signIn(t, ORG.haidian, ['director']);
});
afterAll(() => t.close());

let phone = 13_600_200_000;
let ip = 1;
const newCitizen = () => signInCitizen(t, String(phone++), `10.2.0.${ip++}`);

/** A slot tomorrow at `hour` Beijing time, for an hour (the test clock starts 2026-11-02 09:00). */
async function publish(kind: 'window' | 'video', capacity: number, hour = 10) {
  const answer = await window.session.post('/api/v1/appointment-slots', {
    kind,
    startsAt: `2026-11-03T${String(hour).padStart(2, '0')}:00:00+08:00`,
    endsAt: `2026-11-03T${String(hour + 1).padStart(2, '0')}:00:00+08:00`,
    capacity,
  });
  expect(answer.statusCode, answer.body).toBe(201);
  return answer.json<{ id: string }>().id;
}

describe('appointments', () => {
  it('takes the last place once: the second citizen hears the slot is full; a cancel frees it', async () => {
    const slotId = await publish('window', 1);
    const listed = (
      await t.app.inject({ method: 'GET', url: `${PUBLIC}/appointment-slots?organisationCode=110108` })
    ).json();
    expect(listed.items.find((s: { id: string }) => s.id === slotId)).toMatchObject({
      free: 1,
      kind: 'window',
    });
    const [first, second] = [await newCitizen(), await newCitizen()];
    const answers = await Promise.all([
      first.post(`${PUBLIC}/appointments`, { slotId, topic: 'labour_remuneration' }),
      second.post(`${PUBLIC}/appointments`, { slotId, topic: 'other' }),
    ]);
    expect(answers.map((a) => a.statusCode).sort()).toEqual([201, 409]);
    expect(answers.find((a) => a.statusCode === 409)!.json().error.code).toBe('APPOINTMENT_SLOT_FULL');
    const [slot] = await t.deps.db.select().from(appointmentSlots).where(eq(appointmentSlots.id, slotId));
    expect(slot!.booked).toBe(1);
    const winner = answers[0]!.statusCode === 201 ? first : second;
    const booking = (await winner.get(`${PUBLIC}/appointments`)).json().items[0];
    expect(booking).toMatchObject({ status: 'booked', kind: 'window' });
    expect((await winner.post(`${PUBLIC}/appointments/${booking.id}/cancel`, {})).statusCode).toBe(200);
    const [after] = await t.deps.db.select().from(appointmentSlots).where(eq(appointmentSlots.id, slotId));
    expect(after!.booked).toBe(0);
    // Another citizen cannot cancel (or see) it.
    const other = await newCitizen();
    expect((await other.post(`${PUBLIC}/appointments/${booking.id}/cancel`, {})).json().error.code).toBe(
      'APPOINTMENT_NOT_FOUND',
    );
  });

  it('a video booking carries the centre’s meeting link; the SMS confirms and a reminder is queued the day before', async () => {
    const set = await window.session.request({
      method: 'PUT',
      url: '/api/v1/centre-video-link',
      payload: { videoLinkTemplate: 'https://meet.haidian.example/room/{code}' },
    });
    expect(set.statusCode, set.body).toBe(200);
    const slotId = await publish('video', 3, 8);
    const citizen = await newCitizen();
    const booked = await citizen.post(`${PUBLIC}/appointments`, { slotId, topic: 'maintenance' });
    expect(booked.statusCode, booked.body).toBe(201);
    const booking = booked.json().items[0];
    expect(booking.videoLink).toBe(`https://meet.haidian.example/room/${booking.code}`);
    const sms = await t.deps.db.select().from(outboxMessages).where(eq(outboxMessages.entityId, booking.id));
    expect(sms.map((m) => m.template)).toEqual(['appointment_booked_video']);
    // The slot starts within the day: its reminder is queued, once.
    expect(await queueAppointmentReminders(t.deps)).toBeGreaterThanOrEqual(1);
    expect(await queueAppointmentReminders(t.deps)).toBe(0);
    const later = await t.deps.db
      .select()
      .from(outboxMessages)
      .where(eq(outboxMessages.entityId, booking.id));
    expect(later.map((m) => m.template).sort()).toEqual(['appointment_booked_video', 'appointment_reminder']);
    // Staff see it among the day's bookings, phone masked, and record the consultation from it.
    const day = (await window.session.get('/api/v1/appointments?date=2026-11-03')).json();
    const row = day.items.find((b: { id: string }) => b.id === booking.id);
    expect(row.phoneMasked).toMatch(/^\d{3}\*{4}\d{4}$/);
    const recorded = await window.session.post(`/api/v1/appointments/${booking.id}/consultation`, {
      question: '离婚后孩子抚养费怎么主张？',
      answer: '可以向法院起诉主张抚养费。',
    });
    expect(recorded.statusCode, recorded.body).toBe(201);
    const consultation = await window.session.get(`/api/v1/consultations/${recorded.json().consultationId}`);
    expect(consultation.json()).toMatchObject({ channel: 'video', topicMatter: 'maintenance' });
    expect((await citizen.get(`${PUBLIC}/appointments`)).json().items[0].status).toBe('attended');
  });
});

describe('complaints and ratings', () => {
  it('keeps a complaint for the centre and shows it to the centre and to the complainant only', async () => {
    const citizen = await newCitizen();
    const answer = await citizen.post(`${PUBLIC}/complaints`, {
      about: 'service',
      organisationCode: '110108',
      text: '窗口排队太久，没人引导。',
    });
    expect(answer.statusCode, answer.body).toBe(201);
    const me = (await citizen.get(`${PUBLIC}/me`)).json();
    const [row] = await t.deps.db.select().from(complaints).where(eq(complaints.citizenId, me.citizenId));
    expect(row).toMatchObject({ channel: 'portal', organisationId: ORG.haidian, about: 'service' });
    const staff = (await reviewer.session.get('/api/v1/complaints')).json();
    expect(staff.items.map((c: { text: string }) => c.text)).toContain('窗口排队太久，没人引导。');
    expect((await (await newCitizen()).get(`${PUBLIC}/complaints`)).json().items).toEqual([]);
  });

  it('rates only the citizen’s own closed case, once', async () => {
    const citizen = await newCitizen();
    const first17 = '11010819800505001';
    const created = await citizen.post(`${PUBLIC}/applications`, {
      organisationCode: '110108',
      matter: 'labour_remuneration',
      description: '欠薪',
      applicant: { name: '孙红', idNumber: first17 + idNumberCheckCharacter(first17) },
      household: { members: 2, monthlyIncomeFen: 300_000 },
      pledge: true,
    });
    const id = created.json().id;
    expect((await citizen.post(`${PUBLIC}/applications/${id}/rating`, { score: 4 })).json().error.code).toBe(
      'PORTAL_RATING_NOT_CLOSED',
    );
    // The case is closed (the lifecycle to there is tested elsewhere).
    await t.superuser().db.update(applications).set({ state: 'closed' }).where(eq(applications.id, id));
    expect(
      (await (await newCitizen()).post(`${PUBLIC}/applications/${id}/rating`, { score: 1 })).statusCode,
    ).toBe(404);
    const rated = await citizen.post(`${PUBLIC}/applications/${id}/rating`, {
      score: 5,
      comment: '律师很负责',
    });
    expect(rated.statusCode, rated.body).toBe(201);
    expect((await citizen.post(`${PUBLIC}/applications/${id}/rating`, { score: 3 })).json().error.code).toBe(
      'PORTAL_RATING_EXISTS',
    );
    expect((await reviewer.session.get(`/api/v1/applications/${id}/rating`)).json().rating).toMatchObject({
      score: 5,
      comment: '律师很负责',
    });
  });
});

describe('援务公开', () => {
  it('lists the service points to anyone, by district, without the justice bureau', async () => {
    const answer = await t.app.inject({ method: 'GET', url: `${PUBLIC}/service-points?regionCode=110108` });
    expect(answer.statusCode).toBe(200);
    const names = answer.json().items.map((p: { name: string }) => p.name);
    expect(names).toEqual(expect.arrayContaining(['海淀区法律援助中心', '中关村街道法律援助工作站']));
    expect(answer.json().items.every((p: { kind: string }) => p.kind !== 'justice_bureau')).toBe(true);
    expect(answer.json().items[0].kindName).toBe('区法律援助中心');
  });
});
