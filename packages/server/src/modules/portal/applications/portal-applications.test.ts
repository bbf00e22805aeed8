import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { idNumberCheckCharacter } from '@fayuan/domain';
import { applications, attachments, auditEvents, persons } from '../../../db/schema/index.ts';
import { startTestApp, type TestContext } from '../../../../test/harness.ts';
import { ORG } from '../../../../test/factories.ts';
import { PUBLIC, signInCitizen, type CitizenSession } from '../../../../test/portal-client.ts';
import { signIn, type Staff } from '../../applications/application-test-kit.ts';

let t: TestContext;
let window: Staff;
let reviewer: Staff;
beforeAll(async () => {
  t = await startTestApp();
  window = await signIn(t, ORG.haidian, ['window_staff']);
  reviewer = await signIn(t, ORG.haidian, ['reviewer']);
});
afterAll(() => t.close());

let serial = 0;
function idNumber() {
  serial += 1;
  const first17 = `110108198503${String(10 + serial).padStart(2, '0')}003`;
  return first17 + idNumberCheckCharacter(first17);
}
let phone = 13_700_100_000;
const newCitizen = () => signInCitizen(t, String(phone++), `10.1.0.${serial + 1}`);

function wageClaim(overrides: Record<string, unknown> = {}) {
  return {
    organisationCode: '110108',
    matter: 'labour_remuneration',
    description: '我在工地干了六个月，公司拖欠工资三万元，想申请律师帮忙追讨。',
    applicant: { name: '李明', idNumber: idNumber() },
    household: { members: 3, monthlyIncomeFen: 3 * 200_000 },
    pledge: true,
    ...overrides,
  };
}

async function apply(citizen: CitizenSession, body = wageClaim(), headers: Record<string, string> = {}) {
  const answer = await citizen.post(`${PUBLIC}/applications`, body, headers);
  expect(answer.statusCode, answer.body).toBe(201);
  return answer.json<{ id: string; receiptNumber: string; state: string }>();
}

const JPEG = Buffer.concat([
  Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]),
  Buffer.from('JFIF\0'),
  Buffer.alloc(64),
]);
const HEIC = Buffer.concat([
  Buffer.from([0x00, 0x00, 0x00, 0x18]),
  Buffer.from('ftypheic'),
  Buffer.from([0, 0, 0, 0]),
  Buffer.from('mif1heic'),
  Buffer.alloc(64),
]);

describe('applying online', () => {
  it('files the same application as the window: channel online, assessment, number, clock, pledge kept', async () => {
    const citizen = await newCitizen();
    const created = await apply(citizen);
    expect(created.state).toBe('received');
    expect(created.receiptNumber).toMatch(/号$/);
    const [row] = await t.deps.db.select().from(applications).where(eq(applications.id, created.id));
    expect(row).toMatchObject({
      channel: 'online',
      matter: 'labour_remuneration',
      hardshipBasis: 'integrity_pledge',
    });
    expect(row!.assessment?.eligible).toBe(true);
    expect(row!.pledge).toMatchObject({ version: 'bj.applicant_pledge.online_application.v1' });
    expect(row!.pledge!.text).toContain('本人承诺');
    // The applicant is a person record with the signed-in phone, sealed.
    const [person] = await t.deps.db.select().from(persons).where(eq(persons.id, row!.applicantId));
    expect(person!.name).toBe('李明');
    expect(person!.phoneHash).not.toBeNull();

    const detail = (await citizen.get(`${PUBLIC}/applications/${created.id}`)).json();
    expect(detail).toMatchObject({ id: created.id, state: 'received', stateLabel: '已受理，等待审查' });
    expect(detail.timeline[0].title).toBe('中心收到您的申请');
    expect(detail.countdown).toMatch(/^中心应在 \d+月\d+日前作出决定$/);
    expect(detail.dueDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(detail.materials.length).toBeGreaterThan(0);
    const list = (await citizen.get(`${PUBLIC}/applications`)).json();
    expect(list.items.map((i: { id: string }) => i.id)).toEqual([created.id]);
  });

  it('refuses without the pledge, with a bad ID number, or a name that does not match; nothing is written', async () => {
    const citizen = await newCitizen();
    const before = (await t.deps.db.select().from(applications)).length;
    const noPledge = await citizen.post(`${PUBLIC}/applications`, wageClaim({ pledge: false }));
    expect(noPledge.statusCode).toBe(422);
    expect(noPledge.json().error.code).toBe('PORTAL_PLEDGE_REQUIRED');
    const badId = await citizen.post(
      `${PUBLIC}/applications`,
      wageClaim({ applicant: { name: '李明', idNumber: '110108198503120030' } }),
    );
    expect(badId.json().error.code).toBe('ID_NUMBER_INVALID');
    const id = idNumber();
    await apply(citizen, wageClaim({ applicant: { name: '赵强', idNumber: id } }));
    const other = await citizen.post(
      `${PUBLIC}/applications`,
      wageClaim({ applicant: { name: '钱伟', idNumber: id } }),
    );
    expect(other.json().error.code).toBe('PORTAL_IDENTITY_MISMATCH');
    expect((await t.deps.db.select().from(applications)).length).toBe(before + 1);
  });

  it('does not file twice on a retry with the same Idempotency-Key', async () => {
    const citizen = await newCitizen();
    const body = wageClaim();
    const first = await apply(citizen, body, { 'idempotency-key': 'portal-retry-1' });
    const again = await citizen.post(`${PUBLIC}/applications`, body, { 'idempotency-key': 'portal-retry-1' });
    expect(again.statusCode).toBe(201);
    expect(again.json().id).toBe(first.id);
    expect((await citizen.get(`${PUBLIC}/applications`)).json().items).toHaveLength(1);
  });
});

describe('one citizen, one file', () => {
  it('answers 404 to another citizen on every route of an application', async () => {
    const owner = await newCitizen();
    const created = await apply(owner);
    const stranger = await newCitizen();
    const base = `${PUBLIC}/applications/${created.id}`;
    const doc = '00000000-0000-4000-8000-000000000001';
    for (const answer of [
      await stranger.get(base),
      await stranger.get(`${base}/access-log`),
      await stranger.get(`${base}/documents/${doc}/pdf`),
      await stranger.post(`${base}/supplement`, {}),
      await stranger.post(`${base}/objection`, { reason: '不服' }),
      await stranger.request({
        method: 'POST',
        url: `${base}/attachments?name=a.jpg`,
        payload: JPEG,
        headers: { 'content-type': 'image/jpeg' },
      }),
    ]) {
      expect(answer.statusCode, answer.body).toBe(404);
      expect(answer.json().error.code).toBe('PORTAL_APPLICATION_NOT_FOUND');
    }
    expect((await stranger.get(`${PUBLIC}/applications`)).json().items).toEqual([]);
    expect(
      await t.deps.db.select().from(attachments).where(eq(attachments.applicationId, created.id)),
    ).toEqual([]);
  });
});

describe('materials from the phone', () => {
  it('takes JPEG, PNG, HEIC and PDF; refuses a wrong type or garbage in Chinese and keeps what was sent', async () => {
    const citizen = await newCitizen();
    const created = await apply(citizen);
    const upload = (body: Buffer, type: string, name: string) =>
      citizen.request({
        method: 'POST',
        url: `${PUBLIC}/applications/${created.id}/attachments?material=identity_document&name=${encodeURIComponent(name)}`,
        payload: body,
        headers: { 'content-type': type },
      });
    expect((await upload(JPEG, 'image/jpeg', '身份证.jpg')).statusCode).toBe(201);
    expect((await upload(HEIC, 'image/heic', 'IMG_0001.HEIC')).statusCode).toBe(201);
    const pdf = Buffer.from('%PDF-1.4\n% a scan\n%%EOF\n');
    expect((await upload(pdf, 'application/pdf', '工资条.pdf')).statusCode).toBe(201);
    const garbage = await upload(Buffer.from('not really a photo'), 'image/jpeg', 'x.jpg');
    expect(garbage.statusCode).toBe(415);
    expect(garbage.json().error.code).toBe('ATTACHMENT_CONTENT_MISMATCH');
    const wrongType = await upload(Buffer.from('<html></html>'), 'text/html', 'x.html');
    expect(wrongType.statusCode).toBe(415);
    const files = await t.deps.db.select().from(attachments).where(eq(attachments.applicationId, created.id));
    expect(files.map((f) => f.contentType).sort()).toEqual(['application/pdf', 'image/heic', 'image/jpeg']);
  });
});

describe('following the case', () => {
  it('supplement asked → sent from the phone → granted: the decision PDF downloads; staff reads show without names', async () => {
    const citizen = await newCitizen();
    const created = await apply(citizen);
    const asked = await window.session.post(`/api/v1/applications/${created.id}/supplement-request`, {
      extraItems: [],
      dueDate: '2026-11-20',
    });
    expect(asked.statusCode, asked.body).toBe(200);
    let detail = (await citizen.get(`${PUBLIC}/applications/${created.id}`)).json();
    expect(detail.state).toBe('supplement_requested');
    expect(detail.supplement.items.length).toBeGreaterThan(0);
    expect(detail.supplement.dueDate).toBe('2026-11-20');
    expect(detail.countdown).toBe('请在 11月20日前补充材料');
    // Nothing uploaded yet: sending is refused.
    expect((await citizen.post(`${PUBLIC}/applications/${created.id}/supplement`, {})).statusCode).toBe(409);
    for (const material of detail.materials.filter((m: { status: string }) => m.status === 'requested'))
      expect(
        (
          await citizen.request({
            method: 'POST',
            url: `${PUBLIC}/applications/${created.id}/attachments?material=${material.code}&name=photo.jpg`,
            payload: JPEG,
            headers: { 'content-type': 'image/jpeg' },
          })
        ).statusCode,
      ).toBe(201);
    const sent = await citizen.post(`${PUBLIC}/applications/${created.id}/supplement`, {});
    expect(sent.statusCode, sent.body).toBe(200);
    expect(sent.json().state).toBe('received');
    expect(sent.json().timeline.map((e: { title: string }) => e.title)).toContain('材料已补齐，继续审查');

    const staffDetail = await reviewer.session.get(`/api/v1/applications/${created.id}`);
    expect((await reviewer.session.post(`/api/v1/applications/${created.id}/review`)).statusCode).toBe(200);
    const reasons = staffDetail.json().assessment.reasons.map((r: { code: string; citation: string }) => ({
      code: r.code,
      citation: r.citation,
    }));
    const granted = await reviewer.session.post(`/api/v1/applications/${created.id}/decision`, {
      decision: 'grant',
      reasons,
    });
    expect(granted.statusCode, granted.body).toBe(200);
    detail = (await citizen.get(`${PUBLIC}/applications/${created.id}`)).json();
    const decision = detail.documents.find((d: { kind: string }) => d.kind === 'grant_decision');
    expect(decision.title).toBe('给予法律援助决定书');
    const pdf = await citizen.get(`${PUBLIC}/applications/${created.id}/documents/${decision.id}/pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');

    const log = (await citizen.get(`${PUBLIC}/applications/${created.id}/access-log`)).json();
    expect(log.items[0]).toMatchObject({
      organisation: '海淀区法律援助中心',
      role: '审查人员',
      purpose: '查看申请',
    });
    const shown = JSON.stringify(log);
    const [staffUser] = await t.deps.db
      .select({ username: auditEvents.actorUsername })
      .from(auditEvents)
      .where(eq(auditEvents.action, 'applications.read'));
    expect(shown).not.toContain(staffUser!.username!);
    // The citizen's own reads are audited, and are not in their access log.
    expect(log.items.every((i: { role: string }) => i.role !== '网上服务（申请人本人）')).toBe(true);
  });
});
