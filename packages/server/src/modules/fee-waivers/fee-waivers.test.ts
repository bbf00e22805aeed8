import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { feeWaiverRequests } from '../../db/schema/index.ts';
import { startTestApp, type TestContext } from '../../../test/harness.ts';
import { ORG } from '../../../test/factories.ts';
import { readPdf } from '../../../test/pdf-text.ts';
import {
  recordNotice,
  registerApplicant,
  signIn,
  takeIn,
  wageClaim,
  type Staff,
} from '../applications/application-test-kit.ts';
import { auditActions } from '../casework/casework-test-kit.ts';

/*
 * Fee waivers and deferrals (费用缓减免, LAL art.53; issue 16): a request letter for a recipient
 * to a court, notary office or forensic appraiser, its answer and the fen saved, summed per body
 * kind for the statistics. The test clock stays on 2026-11-02 (Beijing):
 * letters are sent and answered that day.
 */
let t: TestContext;
let window: Staff;
let reviewer: Staff;
let chaoyang: Staff;

beforeAll(async () => {
  t = await startTestApp();
  window = await signIn(t, ORG.haidian, ['window_staff']);
  reviewer = await signIn(t, ORG.haidian, ['reviewer']);
  chaoyang = await signIn(t, ORG.chaoyang, ['director']);
});
afterAll(() => t.close());

/** A notified defence (aid granted by the notice, LAL art.25): its defendant is a recipient. */
const aidedCase = async (name: string) => (await recordNotice(window, name)).id;

const create = (staff: Staff, body: Record<string, unknown>, key?: string) =>
  staff.session.post('/api/v1/fee-waivers', body, key ? { 'idempotency-key': key } : {});

const notaryWaiver = (applicationId: string) => ({
  applicationId,
  bodyKind: 'notary_office',
  bodyName: '北京市海淀公证处',
  requestKind: 'notary_fee_waiver',
  feeDescription: '公证费（继承权公证）',
  amountAskedFen: 80_000,
});

describe('fee waivers and deferrals (费用缓减免)', () => {
  it('drafts once per Idempotency-Key, sends a numbered letter, and records the answer against the version seen', async () => {
    const id = await aidedCase('费甲');
    const first = await create(reviewer, notaryWaiver(id), 'fee-waiver-1');
    expect(first.statusCode, first.body).toBe(201);
    const again = await create(reviewer, notaryWaiver(id), 'fee-waiver-1');
    expect(again.statusCode).toBe(201);
    expect(again.json().id).toBe(first.json().id);
    const rows = await t.deps.db
      .select()
      .from(feeWaiverRequests)
      .where(eq(feeWaiverRequests.applicationId, id));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ status: 'draft', version: 1, amountAskedFen: 80_000 });
    const requestId = first.json().id as string;

    // A draft has no number yet: nothing to print.
    const early = await reviewer.session.get(`/api/v1/fee-waivers/${requestId}/letter.pdf`);
    expect(early.statusCode).toBe(409);
    expect(early.json().error.code).toBe('FEE_WAIVER_NOT_SENT');

    const sent = await reviewer.session.post(`/api/v1/fee-waivers/${requestId}/send`, { version: 1 });
    expect(sent.statusCode, sent.body).toBe(200);
    expect(sent.json()).toMatchObject({ status: 'sent', version: 2 });
    expect(sent.json().letterNumber).toMatch(/缓减免〔2026〕第0001号$/);

    const letter = await reviewer.session.get(`/api/v1/fee-waivers/${requestId}/letter.pdf`);
    expect(letter.statusCode, letter.body).toBe(200);
    expect(letter.headers['content-type']).toBe('application/pdf');
    const { text } = await readPdf(letter.rawPayload);
    for (const words of [
      '关于申请免收公证费的函',
      '北京市海淀公证处',
      '费甲',
      '第五十三条',
      '减收或者免收公证费、鉴定费',
      '800.00元',
      '回执',
      sent.json().letterNumber,
    ])
      expect(text).toContain(words.replaceAll(/\s/g, ''));
    const english = await reviewer.session.request({
      method: 'GET',
      url: `/api/v1/fee-waivers/${requestId}/letter.pdf`,
      headers: { 'accept-language': 'en-US' },
    });
    expect((await readPdf(english.rawPayload)).text).toContain('waivethenotaryfee');

    // The notary answered the same day (an answer dated tomorrow is refused).
    const answer = { outcome: 'granted', amountSavedFen: 80_000, answeredOn: '2026-11-02' };
    const future = await reviewer.session.post(`/api/v1/fee-waivers/${requestId}/answer`, {
      ...answer,
      answeredOn: '2026-11-03',
    });
    expect(future.json().error.details).toEqual({ problem: 'ANSWER_DATE_INVALID' });
    const stale = await reviewer.session.post(`/api/v1/fee-waivers/${requestId}/answer`, {
      ...answer,
      version: 1,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('FEE_WAIVER_STALE');
    const tooMuch = await reviewer.session.post(`/api/v1/fee-waivers/${requestId}/answer`, {
      ...answer,
      amountSavedFen: 90_000,
      version: 2,
    });
    expect(tooMuch.statusCode).toBe(422);
    expect(tooMuch.json().error).toMatchObject({
      code: 'FEE_WAIVER_ANSWER_INVALID',
      details: { problem: 'AMOUNT_ABOVE_ASKED' },
    });
    const answered = await reviewer.session.post(`/api/v1/fee-waivers/${requestId}/answer`, {
      ...answer,
      version: 2,
      answerReference: '（2026）京海证减字第12号',
    });
    expect(answered.statusCode, answered.body).toBe(200);
    expect(answered.json()).toEqual({ status: 'answered', version: 3 });
    const late = await reviewer.session.post(`/api/v1/fee-waivers/${requestId}/withdraw`, {
      reason: '受援人已自行缴纳',
    });
    expect(late.statusCode).toBe(409);
    expect(late.json().error.code).toBe('FEE_WAIVER_STEP_NOT_OPEN');

    const detail = (await reviewer.session.get(`/api/v1/fee-waivers/${requestId}`)).json();
    expect(detail).toMatchObject({
      status: 'answered',
      outcome: 'granted',
      amountSavedFen: 80_000,
      answeredOn: '2026-11-02',
      answerReference: '（2026）京海证减字第12号',
      recipientName: '费甲',
      citation: 'LAL art.53; OPN (八)',
    });
    expect(await auditActions(t, requestId)).toEqual(
      expect.arrayContaining([
        'fee_waiver_requests.create',
        'fee_waiver_requests.send',
        'fee_waiver_requests.answer',
        'fee_waiver_requests.read',
      ]),
    );
  });

  it('asks a court to defer with a due date, withdraws a draft, and refuses what a body cannot grant', async () => {
    const id = await aidedCase('费乙');
    const deferral = await create(reviewer, {
      applicationId: id,
      bodyKind: 'court',
      bodyName: '北京市海淀区人民法院',
      requestKind: 'litigation_fee_deferral',
      feeDescription: '案件受理费',
    });
    expect(deferral.statusCode, deferral.body).toBe(201);
    const deferralId = deferral.json().id as string;
    await reviewer.session.post(`/api/v1/fee-waivers/${deferralId}/send`, {});
    const noDate = await reviewer.session.post(`/api/v1/fee-waivers/${deferralId}/answer`, {
      outcome: 'granted',
      amountSavedFen: 0,
      answeredOn: '2026-11-02',
    });
    expect(noDate.json().error.details).toEqual({ problem: 'DEFERRAL_DATE_NEEDED' });
    const granted = await reviewer.session.post(`/api/v1/fee-waivers/${deferralId}/answer`, {
      outcome: 'granted',
      amountSavedFen: 0,
      deferredUntil: '2027-03-31',
      answeredOn: '2026-11-02',
    });
    expect(granted.statusCode, granted.body).toBe(200);

    const reduction = await create(reviewer, {
      applicationId: id,
      bodyKind: 'court',
      bodyName: '北京市海淀区人民法院',
      requestKind: 'litigation_fee_reduction',
      feeDescription: '鉴定申请费',
      amountAskedFen: 120_000,
    });
    const reductionId = reduction.json().id as string;
    await reviewer.session.post(`/api/v1/fee-waivers/${reductionId}/send`, { version: 1 });
    const refused = await reviewer.session.post(`/api/v1/fee-waivers/${reductionId}/answer`, {
      version: 2,
      outcome: 'refused',
      amountSavedFen: 0,
      answeredOn: '2026-11-02',
    });
    expect(refused.statusCode, refused.body).toBe(200);

    const appraisal = await create(reviewer, {
      applicationId: id,
      bodyKind: 'forensic_appraisal',
      bodyName: '北京某司法鉴定所',
      requestKind: 'appraisal_fee_waiver',
      feeDescription: '伤残等级鉴定费',
    });
    const withdrawn = await reviewer.session.post(`/api/v1/fee-waivers/${appraisal.json().id}/withdraw`, {
      version: 1,
      reason: '无需鉴定',
    });
    expect(withdrawn.json()).toEqual({ status: 'withdrawn', version: 2 });

    const mismatch = await create(reviewer, {
      applicationId: id,
      bodyKind: 'notary_office',
      bodyName: '北京市海淀公证处',
      requestKind: 'litigation_fee_waiver',
      feeDescription: '公证费',
    });
    expect(mismatch.statusCode).toBe(422);
    expect(mismatch.json().error.code).toBe('FEE_WAIVER_KIND_MISMATCH');

    // An application still under review has no recipient yet.
    const pending = await takeIn(window, wageClaim(await registerApplicant(window, '费丙')));
    const notAided = await create(reviewer, notaryWaiver(pending.id));
    expect(notAided.statusCode).toBe(422);
    expect(notAided.json().error.code).toBe('FEE_WAIVER_CASE_NOT_AIDED');

    const list = (await reviewer.session.get(`/api/v1/fee-waivers?applicationId=${id}`)).json().items;
    expect(list.map((i: { status: string }) => i.status).sort()).toEqual([
      'answered',
      'answered',
      'withdrawn',
    ]);
    const courts = (await reviewer.session.get('/api/v1/fee-waivers?bodyKind=court&status=answered')).json();
    expect(courts.items).toHaveLength(2);
  });

  it('keeps each district to its own requests and figures', async () => {
    const id = await aidedCase('费丁');
    const mine = (await create(reviewer, notaryWaiver(id))).json().id as string;
    expect((await chaoyang.session.get('/api/v1/fee-waivers')).json().items).toEqual([]);
    for (const [method, path] of [
      ['get', `/api/v1/fee-waivers/${mine}`],
      ['get', `/api/v1/fee-waivers/${mine}/letter.pdf`],
      ['post', `/api/v1/fee-waivers/${mine}/send`],
    ] as const) {
      const response =
        method === 'get' ? await chaoyang.session.get(path) : await chaoyang.session.post(path, {});
      expect(response.statusCode, path).toBe(404);
      expect(response.json().error.code).toBe('FEE_WAIVER_NOT_FOUND');
    }
    const theirs = await create(chaoyang, notaryWaiver(id));
    expect(theirs.statusCode).toBe(404);
    expect(theirs.json().error.code).toBe('FEE_WAIVER_CASE_NOT_FOUND');
    // Window staff do not handle fee waivers.
    expect((await window.session.get('/api/v1/fee-waivers')).statusCode).toBe(403);
  });

  it('sums letters sent, answers and fen saved per body kind for a period', async () => {
    const november = (
      await reviewer.session.get('/api/v1/fee-waivers/summary?from=2026-11-01&to=2026-11-30')
    ).json();
    const zeros = { sent: 0, granted: 0, partlyGranted: 0, refused: 0, deferred: 0, amountSavedFen: 0 };
    expect(november.bodies).toEqual([
      { ...zeros, body: 'court', sent: 2, granted: 1, refused: 1, deferred: 1 },
      { ...zeros, body: 'notary_office', sent: 1, granted: 1, amountSavedFen: 80_000 },
      { ...zeros, body: 'forensic_appraisal' },
    ]);
    expect(november.total).toEqual({
      ...zeros,
      sent: 3,
      granted: 2,
      refused: 1,
      deferred: 1,
      amountSavedFen: 80_000,
    });
    const october = (
      await reviewer.session.get('/api/v1/fee-waivers/summary?from=2026-10-01&to=2026-10-31')
    ).json();
    expect(october.total).toEqual(zeros);
    const other = (
      await chaoyang.session.get('/api/v1/fee-waivers/summary?from=2026-11-01&to=2026-11-30')
    ).json();
    expect(other.total).toEqual(zeros);
    const backwards = await reviewer.session.get('/api/v1/fee-waivers/summary?from=2026-11-30&to=2026-11-01');
    expect(backwards.statusCode).toBe(422);
    expect(backwards.json().error.code).toBe('FEE_WAIVER_PERIOD_INVALID');
  });
});
