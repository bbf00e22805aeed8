import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { beijingDateOf } from '@fayuan/domain';
import { complaints, outboxMessages, staffAlerts } from '../../../db/schema/index.ts';
import { startTestApp, type TestContext } from '../../../../test/harness.ts';
import { ORG } from '../../../../test/factories.ts';
import { PUBLIC, signInCitizen } from '../../../../test/portal-client.ts';
import { signIn, type Staff } from '../../applications/application-test-kit.ts';
import { sweepClocks } from '../../applications/clock-watcher.ts';

const DAY = 86_400_000;
let t: TestContext;
let window: Staff;
let director: Staff;
let chaoyangDirector: Staff;
let supervisor: Staff;
beforeAll(async () => {
  t = await startTestApp();
  window = await signIn(t, ORG.haidian, ['window_staff']);
  director = await signIn(t, ORG.haidian, ['director']);
  chaoyangDirector = await signIn(t, ORG.chaoyang, ['director']);
  supervisor = await signIn(t, ORG.bureau, ['supervisor']);
});
afterAll(() => t.close());

interface Clock {
  period: string;
  status: string;
  dueAt: string;
  citation: string;
  onTime: boolean | null;
}
interface Detail {
  id: string;
  number: string;
  version: number;
  status: string;
  actions: string[];
  upheld: boolean | null;
  clocks: Clock[];
  complainant: { name: string | null; phoneMasked: string | null };
}

let serial = 0;
async function hotlineComplaint(extra: Record<string, unknown> = {}) {
  serial += 1;
  const answer = await window.session.post('/api/v1/complaints', {
    channel: 'hotline',
    about: 'service',
    complainant: { name: '李华', phone: `1391111${String(serial).padStart(4, '0')}`, relation: 'applicant' },
    text: '工作人员态度不好，电话一直没人接。',
    ...extra,
  });
  expect(answer.statusCode, answer.body).toBe(201);
  return answer.json<{ id: string; number: string }>();
}
const detailOf = async (id: string, who: Staff = director) => {
  const answer = await who.session.get(`/api/v1/complaints/${id}`);
  expect(answer.statusCode, answer.body).toBe(200);
  return answer.json<Detail>();
};
const clockOf = (d: Detail, period: string) => d.clocks.find((c) => c.period === period);

describe('complaints: taken, accepted, decided and answered within their periods', () => {
  it('numbers a hotline complaint, seals the phone and starts the acceptance period on the working calendar', async () => {
    const { id, number } = await hotlineComplaint();
    expect(number).toMatch(/^110108投〔2026〕第\d{4}号$/);
    const d = await detailOf(id);
    expect(d.status).toBe('received');
    expect(d.actions).toEqual(['accept', 'decline']);
    expect(d.complainant.phoneMasked).toMatch(/^139\*+\d{4}$/);
    const acceptance = clockOf(d, 'complaint_acceptance');
    // Received Monday 2026-11-02: five working days from the next day end on Monday 2026-11-09.
    expect(beijingDateOf(new Date(acceptance?.dueAt ?? ''))).toBe('2026-11-09');
    expect(acceptance?.citation).toContain('MOJ complaint rules 2013');
    const [row] = await t.deps.db.select().from(complaints).where(eq(complaints.id, id));
    expect(row?.complainantPhoneSealed?.toString('latin1')).not.toContain('1391111');
  });

  it('accepts, decides (upheld, on the handler’s record) and answers in time; the complainant gets an SMS', async () => {
    const { id, number } = await hotlineComplaint();
    const bell = (await director.session.get('/api/v1/alerts')).json<{
      items: { kind: string; complaint: { id: string; number: string } | null }[];
    }>().items;
    expect(bell.find((a) => a.complaint?.id === id)).toMatchObject({
      kind: 'complaint_received',
      complaint: { number },
    });
    let d = await detailOf(id);
    const accepted = await director.session.post(`/api/v1/complaints/${id}/accept`, { version: d.version });
    expect(accepted.statusCode, accepted.body).toBe(200);
    d = accepted.json<Detail>();
    expect(clockOf(d, 'complaint_acceptance')).toMatchObject({ status: 'stopped', onTime: true });
    const handling = clockOf(d, 'complaint_handling');
    expect(handling?.status).toBe('running');
    // Accepted 2026-11-02: 45 calendar days from the next day.
    expect(beijingDateOf(new Date(handling?.dueAt ?? ''))).toBe('2026-12-17');
    const reference = (await director.session.get('/api/v1/complaints/reference')).json<{
      outcomes: { code: string; upheld: boolean; citation: string }[];
      declineReasons: { code: string }[];
    }>();
    expect(reference.outcomes.find((o) => o.code === 'corrected')).toMatchObject({ upheld: true });
    expect(reference.declineReasons.map((r) => r.code)).toContain('no_facts');

    const decided = await director.session.post(`/api/v1/complaints/${id}/decide`, {
      version: d.version,
      outcome: 'corrected',
      findings: '经核实，窗口当日人手不足，已责令限期整改。',
    });
    expect(decided.statusCode, decided.body).toBe(200);
    d = decided.json<Detail>();
    expect(d).toMatchObject({ status: 'decided', upheld: true, actions: ['reply'] });
    expect(clockOf(d, 'complaint_reply')?.status).toBe('running');

    const replied = await director.session.post(`/api/v1/complaints/${id}/reply`, {
      version: d.version,
      text: '您反映的问题属实，我们已整改，感谢监督。',
      method: 'sms',
    });
    expect(replied.statusCode, replied.body).toBe(200);
    d = replied.json<Detail>();
    expect(d.status).toBe('replied');
    expect(clockOf(d, 'complaint_reply')).toMatchObject({ status: 'stopped', onTime: true });
    const sms = await t.deps.db
      .select()
      .from(outboxMessages)
      .where(and(eq(outboxMessages.entityId, id), eq(outboxMessages.template, 'complaint_answered')));
    expect(sms).toHaveLength(1);
  });

  it('refuses a step that is not open, a stale version and an unknown reason, and changes nothing', async () => {
    const { id } = await hotlineComplaint();
    const d = await detailOf(id);
    const notOpen = await director.session.post(`/api/v1/complaints/${id}/reply`, {
      text: '答复',
      method: 'phone',
    });
    expect(notOpen.statusCode).toBe(409);
    expect(notOpen.json().error.code).toBe('COMPLAINT_STEP_NOT_OPEN');
    const unknown = await director.session.post(`/api/v1/complaints/${id}/decline`, { reason: 'too_busy' });
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json().error.code).toBe('COMPLAINT_REASON_UNKNOWN');
    const stale = await director.session.post(`/api/v1/complaints/${id}/accept`, { version: d.version + 5 });
    expect(stale.json().error.code).toBe('COMPLAINT_STALE');
    const after = await detailOf(id);
    expect(after).toMatchObject({ status: 'received', version: d.version });
    expect(after.clocks).toHaveLength(1);
  });

  it('retrying a recorded complaint with the same Idempotency-Key creates it once', async () => {
    const body = {
      channel: 'letter',
      about: 'centre',
      complainant: { name: '赵敏', relation: 'interested_party' },
      text: '来信反映中心答复不及时。',
    };
    const key = 'complaint-letter-0001';
    const first = await window.session.post('/api/v1/complaints', body, { 'idempotency-key': key });
    const second = await window.session.post('/api/v1/complaints', body, { 'idempotency-key': key });
    expect(first.statusCode, first.body).toBe(201);
    expect(second.json()).toEqual(first.json());
    const rows = await t.deps.db.select().from(complaints).where(eq(complaints.complainantName, '赵敏'));
    expect(rows).toHaveLength(1);
  });

  it('a district sees only its own complaints; the bureau sees them all', async () => {
    const { id } = await hotlineComplaint();
    expect((await chaoyangDirector.session.get(`/api/v1/complaints/${id}`)).statusCode).toBe(404);
    const theirs = (await chaoyangDirector.session.get('/api/v1/complaints')).json<{
      items: { id: string }[];
    }>();
    expect(theirs.items.map((c) => c.id)).not.toContain(id);
    expect((await chaoyangDirector.session.post(`/api/v1/complaints/${id}/accept`, {})).statusCode).toBe(404);
    const bureau = (await supervisor.session.get('/api/v1/complaints')).json<{ items: { id: string }[] }>();
    expect(bureau.items.map((c) => c.id)).toContain(id);
    // Window staff take complaints but do not handle them.
    expect((await window.session.post(`/api/v1/complaints/${id}/accept`, {})).statusCode).toBe(403);
  });

  it('a citizen complains on the portal, is answered, asks for a review, and the bureau sends it back', async () => {
    const citizen = await signInCitizen(t, '13688880001', '10.9.0.1');
    const filed = await citizen.post(`${PUBLIC}/complaints`, {
      about: 'centre',
      organisationCode: '110108',
      text: '申请后一直没有人联系我。',
    });
    expect(filed.statusCode, filed.body).toBe(201);
    const mine = filed.json<{
      items: { id: string; number: string; status: string; dueAt: string | null }[];
    }>().items[0];
    expect(mine).toMatchObject({ status: 'received' });
    expect(mine?.number).toMatch(/投/);
    expect(mine?.dueAt).not.toBeNull();
    const id = mine?.id ?? '';
    await director.session.post(`/api/v1/complaints/${id}/accept`, {});
    await director.session.post(`/api/v1/complaints/${id}/decide`, {
      outcome: 'not_substantiated',
      findings: '经查，中心已按期电话联系。',
    });
    await director.session.post(`/api/v1/complaints/${id}/reply`, { text: '经核实……', method: 'sms' });
    const answered = (await citizen.get(`${PUBLIC}/complaints`)).json<{
      items: { id: string; status: string; replyText: string; canAppeal: boolean }[];
    }>().items[0];
    expect(answered).toMatchObject({ status: 'replied', replyText: '经核实……', canAppeal: true });
    const appeal = await citizen.post(`${PUBLIC}/complaints/${id}/appeal`, {
      text: '我不认可，请司法局复查。',
    });
    expect(appeal.statusCode, appeal.body).toBe(200);
    expect(
      (await citizen.post(`${PUBLIC}/complaints/${id}/appeal`, { text: '再次' })).json().error.code,
    ).toBe('COMPLAINT_NOT_APPEALABLE');
    // The centre cannot review its own handling; the bureau can, and sends it back with a new period.
    expect(
      (await director.session.post(`/api/v1/complaints/${id}/review`, { result: 'redo', note: 'x' }))
        .statusCode,
    ).toBe(403);
    const reviewed = await supervisor.session.post(`/api/v1/complaints/${id}/review`, {
      result: 'redo',
      note: '联系记录不全，请重新调查。',
    });
    expect(reviewed.statusCode, reviewed.body).toBe(200);
    const d = reviewed.json<Detail>();
    expect(d.status).toBe('accepted');
    expect(d.clocks.filter((c) => c.period === 'complaint_handling' && c.status === 'running')).toHaveLength(
      1,
    );
    // Another citizen cannot appeal it.
    const other = await signInCitizen(t, '13688880002', '10.9.0.2');
    expect((await other.post(`${PUBLIC}/complaints/${id}/appeal`, { text: '复查' })).statusCode).toBe(404);
  });

  // Last: it moves the clock a week on.
  it('a complaint not accepted in time raises the overdue alert to the directors, once', async () => {
    const { id, number } = await hotlineComplaint();
    t.clock.advance(7 * DAY + 2 * 3_600_000); // Monday 2026-11-09 11:00: due tonight
    const first = await sweepClocks(t.deps);
    expect(first.complaintReminders).toBeGreaterThanOrEqual(1);
    t.clock.advance(1 * DAY); // Tuesday: overdue
    const second = await sweepClocks(t.deps);
    expect(second.complaintOverdue).toBeGreaterThanOrEqual(1);
    const again = await sweepClocks(t.deps);
    expect(again.complaintOverdue).toBe(0);
    const rows = await t.deps.db
      .select()
      .from(staffAlerts)
      .where(and(eq(staffAlerts.complaintId, id), eq(staffAlerts.userId, director.id)));
    expect(rows.map((a) => a.kind).sort()).toEqual(['complaint_received', 'overdue', 'reminder']);
    expect(rows.find((a) => a.kind === 'overdue')).toMatchObject({
      period: 'complaint_acceptance',
      complaintClockId: expect.any(String),
    });
    // A week on, the sessions signed in at the start have lapsed: a director signs in again.
    director = await signIn(t, ORG.haidian, ['director']);
    expect((await detailOf(id)).number).toBe(number);
    // Accepting late is still possible, and the stopped period says it was late.
    const accepted = (await director.session.post(`/api/v1/complaints/${id}/accept`, {})).json<Detail>();
    expect(clockOf(accepted, 'complaint_acceptance')).toMatchObject({ status: 'stopped', onTime: false });
  });
});
