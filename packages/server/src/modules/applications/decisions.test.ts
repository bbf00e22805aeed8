import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { auditEvents, centreSettings, issuedDocuments } from '../../db/schema/index.ts';
import { startTestApp, type TestContext } from '../../../test/harness.ts';
import { ORG } from '../../../test/factories.ts';
import { readPdf } from '../../../test/pdf-text.ts';
import { deliver, registerApplicant, signIn, takeIn, wageClaim, type Staff } from './application-test-kit.ts';

let t: TestContext;
let window: Staff;
let reviewer: Staff;
let director: Staff;
let supervisor: Staff;

const ALL_MATERIALS = ['identity_document', 'integrity_pledge', 'case_materials'];
const DAY = 86_400_000;

beforeAll(async () => {
  t = await startTestApp();
  window = await signIn(t, ORG.chaoyang, ['window_staff']);
  reviewer = await signIn(t, ORG.chaoyang, ['reviewer']);
  director = await signIn(t, ORG.chaoyang, ['director']);
  supervisor = await signIn(t, ORG.bureau, ['supervisor']);
});
afterAll(() => t.close());

/** An application already under review by `reviewer`. */
async function underReview(overrides: Record<string, unknown> = {}) {
  const applicantId = await registerApplicant(window, '张晓燕');
  const created = await takeIn(
    window,
    wageClaim(applicantId, { materialsProvided: ALL_MATERIALS, ...overrides }),
  );
  const review = await reviewer.session.post(`/api/v1/applications/${created.id}/review`);
  expect(review.statusCode, review.body).toBe(200);
  return review.json();
}

async function pdfOf(staff: Staff, applicationId: string, documentId: string) {
  const response = await staff.session.get(
    `/api/v1/applications/${applicationId}/documents/${documentId}/pdf`,
  );
  expect(response.statusCode, response.body.slice(0, 200)).toBe(200);
  expect(response.headers['content-type']).toBe('application/pdf');
  return response.rawPayload;
}

const refuseBody = {
  decision: 'refuse',
  reasons: [{ code: 'no_hardship', citation: 'LAL art.34', note: '家庭人均月收入高于标准' }],
};

describe('decision documents', () => {
  it('prints the grant decision with its number, the applicant and the 3-day assignment period', async () => {
    const app = await underReview();
    const reasons = app.assessment.reasons.map((r: { code: string; citation: string }) => ({
      code: r.code,
      citation: r.citation,
    }));
    const granted = (
      await reviewer.session.post(`/api/v1/applications/${app.id}/decision`, { decision: 'grant', reasons })
    ).json();
    const decision = granted.documents.find((d: { kind: string }) => d.kind === 'grant_decision');
    const bytes = await pdfOf(reviewer, app.id, decision.id);
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    const { text } = await readPdf(bytes);
    expect(text).toContain('给予法律援助决定书');
    expect(text).toContain(decision.number.replace(/\s/g, ''));
    expect(text).toContain('张晓燕');
    expect(text).toContain('朝阳区法律援助中心');
    // The legal basis is grouped by law, its articles in order (issue 12): one title, then 、.
    expect(text).toMatch(
      /《中华人民共和国法律援助法》第二十二条、(第[一二三四五六七八九十]+条、)*第四十三条/,
    );
    expect(text).toContain('3日内指派');
    expect(decision.number).toMatch(/^京朝法援〔2026〕第\d{5}号$/);

    // The second download is the kept file, byte for byte, and each download is audited.
    const again = await pdfOf(reviewer, app.id, decision.id);
    expect(Buffer.compare(again, bytes)).toBe(0);
    const [row] = await t.deps.db.select().from(issuedDocuments).where(eq(issuedDocuments.id, decision.id));
    expect(row?.storageKey).toBeTruthy();
    const reads = await t.deps.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, app.id), eq(auditEvents.action, 'application.document_read')));
    expect(reads).toHaveLength(2);
  });

  it('prints the receipt with the materials received and the review deadline', async () => {
    const applicantId = await registerApplicant(window, '刘洋');
    const created = await takeIn(window, wageClaim(applicantId, { materialsProvided: ALL_MATERIALS }));
    const receipt = created.documents.find((d: { kind: string }) => d.kind === 'receipt');
    const { text } = await readPdf(await pdfOf(window, created.id, receipt.id));
    expect(text).toContain('刘洋');
    expect(text).toContain('申请人身份证件');
    expect(text).toContain('经济困难状况个人诚信承诺书');
    expect(text).toContain('2026年11月9日');
  });

  it('prints the supplement notice with every missing item', async () => {
    const applicantId = await registerApplicant(window);
    const created = await takeIn(
      window,
      wageClaim(applicantId, { materialsProvided: ['identity_document'] }),
    );
    const asked = (
      await window.session.post(`/api/v1/applications/${created.id}/supplement-request`, {
        extraItems: ['近六个月的工资流水'],
        dueDate: '2026-11-20',
      })
    ).json();
    const notice = asked.documents.find((d: { kind: string }) => d.kind === 'supplement_notice');
    const { text } = await readPdf(await pdfOf(window, created.id, notice.id));
    for (const item of ['经济困难状况个人诚信承诺书', '与所申请法律援助事项有关的材料', '近六个月的工资流水'])
      expect(text).toContain(item);
    expect(text).toContain('2026年11月20日');
  });
});

describe('refusal and objection (LAL art.49)', () => {
  it('refusal → objection within 15 days → the bureau corrects → granted, with a new decision', async () => {
    const app = await underReview();
    const refused = await reviewer.session.post(`/api/v1/applications/${app.id}/decision`, refuseBody);
    expect(refused.statusCode, refused.body).toBe(200);
    const detail = refused.json();
    expect(detail.state).toBe('refused');
    // The period runs from delivery (BJR art.24): none is recorded yet, so no due date.
    expect(detail).toMatchObject({ awaitingDelivery: true, currentClock: null });
    const refusal = detail.documents.find((d: { kind: string }) => d.kind === 'refusal_decision');
    const { text } = await readPdf(await pdfOf(reviewer, app.id, refusal.id));
    expect(text).toContain('不予法律援助决定书');
    expect(text).toContain('不符合经济困难标准');
    expect(text).toContain('北京市司法局');
    expect(text).toContain('自收到本决定之日起15日内');

    const filed = await window.session.post(`/api/v1/applications/${app.id}/objections`, {
      grounds: '申请人近期失业，收入已低于标准。',
    });
    expect(filed.statusCode, filed.body).toBe(200);
    const objection = filed.json().objections[0];
    expect(filed.json()).toMatchObject({
      state: 'objection_to_refusal',
      currentClock: { period: 'objection_review' },
    });
    expect(objection).toMatchObject({ status: 'pending', bureau: { id: ORG.bureau } });

    const corrected = await supervisor.session.post(
      `/api/v1/applications/${app.id}/objections/${objection.id}/decision`,
      { outcome: 'corrected', conclusion: '经核实申请人已失业，责令给予法律援助。' },
    );
    expect(corrected.statusCode, corrected.body).toBe(200);
    const after = corrected.json();
    expect(after.state).toBe('granted');
    expect(after.objections[0]).toMatchObject({ status: 'corrected', decidedBy: { id: supervisor.id } });
    expect(after.documents.map((d: { kind: string }) => d.kind)).toEqual([
      'receipt',
      'refusal_decision',
      'objection_decision',
      'grant_decision',
    ]);
    const again = await supervisor.session.post(
      `/api/v1/applications/${app.id}/objections/${objection.id}/decision`,
      { outcome: 'upheld', conclusion: '重复处理' },
    );
    expect(again.statusCode).toBe(409);
  });

  it('refuses an objection after the filing period has closed', async () => {
    const app = await underReview();
    await reviewer.session.post(`/api/v1/applications/${app.id}/decision`, refuseBody);
    // Delivered on the day of the decision, received by the bureau 20 days later.
    expect((await deliver(window, app.id, 'refusal_decision', '2026-11-02', 'in_person')).statusCode).toBe(
      200,
    );
    t.clock.advance(20 * DAY);
    try {
      const clerk = await signIn(t, ORG.chaoyang, ['window_staff']);
      const late = await clerk.session.post(`/api/v1/applications/${app.id}/objections`, {
        grounds: '逾期提出',
      });
      expect(late.statusCode).toBe(422);
      expect(late.json().error).toMatchObject({
        code: 'APPLICATION_GUARD_FAILED',
        details: { reason: 'OBJECTION_PERIOD_CLOSED' },
      });
    } finally {
      t.clock.advance(-20 * DAY);
    }
  });

  it('only the justice bureau decides an objection', async () => {
    const app = await underReview();
    await reviewer.session.post(`/api/v1/applications/${app.id}/decision`, refuseBody);
    const filed = (
      await window.session.post(`/api/v1/applications/${app.id}/objections`, { grounds: '不服' })
    ).json();
    const byDirector = await director.session.post(
      `/api/v1/applications/${app.id}/objections/${filed.objections[0].id}/decision`,
      { outcome: 'corrected', conclusion: '自行纠正' },
    );
    expect(byDirector.statusCode).toBe(403);
  });
});

describe('director approval (审批)', () => {
  it('a reviewer’s decision waits for the director where the centre requires it', async () => {
    await t.deps.db
      .insert(centreSettings)
      .values({ organisationId: ORG.chaoyang, decisionRequiresApproval: true, supplementDays: 15 });
    try {
      const app = await underReview();
      const proposed = await reviewer.session.post(`/api/v1/applications/${app.id}/decision`, refuseBody);
      expect(proposed.statusCode, proposed.body).toBe(200);
      expect(proposed.json()).toMatchObject({
        state: 'under_review',
        awaitingApproval: true,
        pendingDecision: { decision: 'refuse', proposedBy: { id: reviewer.id } },
      });
      const twice = await reviewer.session.post(`/api/v1/applications/${app.id}/decision`, refuseBody);
      expect(twice.json().error.code).toBe('APPLICATION_DECISION_PENDING');
      const worklist = await director.session.get('/api/v1/applications?awaitingApproval=true');
      expect(worklist.json().items.map((i: { id: string }) => i.id)).toContain(app.id);

      const byReviewer = await reviewer.session.post(`/api/v1/applications/${app.id}/approval`, {
        approve: true,
      });
      expect(byReviewer.statusCode).toBe(403);
      const approved = await director.session.post(`/api/v1/applications/${app.id}/approval`, {
        approve: true,
      });
      expect(approved.statusCode, approved.body).toBe(200);
      expect(approved.json()).toMatchObject({
        state: 'refused',
        decidedBy: { id: reviewer.id },
        approvedBy: { id: director.id },
        pendingDecision: null,
      });
    } finally {
      await t.deps.db.delete(centreSettings).where(eq(centreSettings.organisationId, ORG.chaoyang));
    }
  });
});

describe('attachments', () => {
  const pdf = Buffer.from('%PDF-1.4\n% a tiny test file\n%%EOF\n');

  it('stores a file with its checksum, lists it and gives the same bytes back (audited)', async () => {
    const applicantId = await registerApplicant(window);
    const created = await takeIn(window, wageClaim(applicantId));
    const upload = await window.session.request({
      method: 'POST',
      url: `/api/v1/applications/${created.id}/attachments?name=${encodeURIComponent('劳动合同.pdf')}&material=case_materials`,
      payload: pdf,
      headers: { 'content-type': 'application/pdf' },
    });
    expect(upload.statusCode, upload.body).toBe(201);
    const attachment = upload.json();
    expect(attachment).toMatchObject({
      fileName: '劳动合同.pdf',
      sizeBytes: pdf.length,
      materialCode: 'case_materials',
    });
    expect(attachment.sha256).toMatch(/^[0-9a-f]{64}$/);
    const download = await reviewer.session.get(
      `/api/v1/applications/${created.id}/attachments/${attachment.id}`,
    );
    expect(download.statusCode).toBe(200);
    expect(Buffer.compare(download.rawPayload, pdf)).toBe(0);
    expect(download.headers['x-content-sha256']).toBe(attachment.sha256);
    const reads = await t.deps.db
      .select()
      .from(auditEvents)
      .where(
        and(eq(auditEvents.entityId, created.id), eq(auditEvents.action, 'application.attachment_read')),
      );
    expect(reads).toHaveLength(1);
  });

  it('refuses a disallowed type, a renamed file and an empty one', async () => {
    const applicantId = await registerApplicant(window);
    const created = await takeIn(window, wageClaim(applicantId));
    const send = (body: Buffer, type: string) =>
      window.session.request({
        method: 'POST',
        url: `/api/v1/applications/${created.id}/attachments?name=x`,
        payload: body,
        headers: { 'content-type': type },
      });
    expect((await send(Buffer.from('MZ'), 'application/x-msdownload')).statusCode).toBe(415);
    const renamed = await send(Buffer.from('not really a png'), 'image/png');
    expect(renamed.json().error.code).toBe('ATTACHMENT_CONTENT_MISMATCH');
    const empty = await send(Buffer.alloc(0), 'application/pdf');
    expect(empty.statusCode).toBeGreaterThanOrEqual(400);
    const detail = (await window.session.get(`/api/v1/applications/${created.id}`)).json();
    expect(detail.attachments).toEqual([]);
  });
});

describe('document numbers under concurrency', () => {
  it('ten decisions at once get ten consecutive numbers, none reused or skipped', async () => {
    const apps = [];
    for (let i = 0; i < 10; i++) apps.push(await underReview());
    const responses = await Promise.all(
      apps.map((app) => reviewer.session.post(`/api/v1/applications/${app.id}/decision`, refuseBody)),
    );
    expect(responses.map((r) => r.statusCode)).toEqual(Array(10).fill(200));
    const numbers = responses.map(
      (r) => r.json().documents.find((d: { kind: string }) => d.kind === 'refusal_decision').number as string,
    );
    const seqs = numbers.map((n) => Number(/第(\d+)号/.exec(n)?.[1])).sort((a, b) => a - b);
    expect(new Set(seqs).size).toBe(10);
    expect(seqs.at(-1)! - seqs[0]!).toBe(9);
  });
});
