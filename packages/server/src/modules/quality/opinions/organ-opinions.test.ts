import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { applications, organOpinionRequests, partnerEvents } from '../../../db/schema/index.ts';
import { startTestApp, type TestContext } from '../../../../test/harness.ts';
import { ORG } from '../../../../test/factories.ts';
import { createTestPartner, type TestPartner } from '../../../../test/partner-client.ts';
import { readPdf } from '../../../../test/pdf-text.ts';
import { signIn, type Staff } from '../../applications/application-test-kit.ts';
import { buildPoolHandler, closedCase, type PoolHandler } from '../closed-case-kit.ts';

/*
 * The organs' opinions (征询办案机关意见, issue 15): a partner organ gets the request as a partner
 * event and answers through the signed door; any other organ gets a printed letter and staff type
 * the paper answer; poor answers count on the handler's record.
 */
let t: TestContext;
let staff: { window: Staff; director: Staff; reviewer: Staff };
let chaoyangDirector: Staff;
let lawyer: PoolHandler;
let court: TestPartner;
let otherCourt: TestPartner;
beforeAll(async () => {
  t = await startTestApp();
  staff = {
    window: await signIn(t, ORG.haidian, ['window_staff']),
    director: await signIn(t, ORG.haidian, ['director']),
    reviewer: await signIn(t, ORG.haidian, ['reviewer']),
  };
  chaoyangDirector = await signIn(t, ORG.chaoyang, ['director']);
  lawyer = await buildPoolHandler(t, ORG.haidian, '郑律师', null);
  court = await createTestPartner(t, { kind: 'court' });
  otherCourt = await createTestPartner(t, { kind: 'court' });
});
afterAll(() => t.close());

/** A notice the court sends through the partner API, assigned to the lawyer, who accepts. */
async function partnerCase(): Promise<string> {
  const sent = await court.signed('POST', '/api/partner/v1/criminal-notices', {
    institutionCaseNumber: '（2026）京0108刑初9001号',
    stage: 'trial_first_instance',
    ground: 'life_or_death_sentence',
    charges: ['故意杀人罪'],
    defendant: { name: '被告甲', detained: true, detentionPlace: '北京市海淀区看守所' },
  });
  expect(sent.statusCode, sent.body).toBe(201);
  const id = sent.json().id as string;
  const assigned = await staff.director.session.post(`/api/v1/applications/${id}/assignment`, {
    handlerId: lawyer.id,
    reason: '熟悉此类案件',
  });
  expect(assigned.statusCode, assigned.body).toBe(200);
  const accepted = await lawyer.session.post(`/api/v1/applications/${id}/assignment/response`, {
    accept: true,
  });
  expect(accepted.statusCode, accepted.body).toBe(204);
  return id;
}

const numberOf = async (id: string) =>
  (await t.deps.db.select().from(applications).where(eq(applications.id, id)))[0]!.number;
const lookup = async (id: string) => {
  const found = await staff.director.session.get(
    `/api/v1/quality/organ-opinions/case?number=${encodeURIComponent(await numberOf(id))}`,
  );
  expect(found.statusCode, found.body).toBe(200);
  return found.json();
};
const allRated = (n: number) => ({ punctuality: n, opinion_quality: n, communication: n, overall: n });

describe('asking the organs for their opinion (征询办案机关意见)', () => {
  it('goes to a partner organ as an event, and only that partner answers it, once', async () => {
    const id = await partnerCase();
    const found = await lookup(id);
    expect(found).toMatchObject({
      handlerName: '郑律师',
      suggested: { organKind: 'court', partnerId: court.partner.id },
    });
    expect(found.items.map((i: { code: string }) => i.code)).toEqual([
      'punctuality',
      'opinion_quality',
      'communication',
      'overall',
    ]);

    const body = { applicationId: id, ...found.suggested };
    const create = () =>
      staff.director.session.post('/api/v1/quality/organ-opinions', body, {
        'idempotency-key': 'opinion-partner-1',
      });
    const created = await create();
    expect(created.statusCode, created.body).toBe(201);
    const again = await create();
    expect(again.json().id).toBe(created.json().id);
    const rows = await t.deps.db
      .select()
      .from(organOpinionRequests)
      .where(eq(organOpinionRequests.applicationId, id));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ channel: 'partner', status: 'drafted', version: 1 });
    const requestId = created.json().id as string;

    const sent = await staff.director.session.post(`/api/v1/quality/organ-opinions/${requestId}/send`, {
      version: 1,
    });
    expect(sent.statusCode, sent.body).toBe(200);
    expect(sent.json()).toEqual({ status: 'sent', version: 2 });
    const [event] = await t.deps.db
      .select()
      .from(partnerEvents)
      .where(eq(partnerEvents.kind, 'opinion_requested'));
    expect(event).toMatchObject({
      partnerId: court.partner.id,
      payload: {
        opinionRequestId: requestId,
        noticeId: id,
        handler: { name: '郑律师' },
        answerPath: `/api/partner/v1/opinions/${requestId}/answer`,
      },
    });
    expect(JSON.stringify(event!.payload)).not.toMatch(/phone|idNumber|被告甲/);

    // The court pulls it like any other event of its own.
    const pulled = await court.signed('GET', '/api/partner/v1/events');
    const opinion = pulled.json().events.find((e: { kind: string }) => e.kind === 'opinion_requested');
    expect(opinion.data.questions.map((q: { code: string }) => q.code)).toContain('overall');
    expect((await otherCourt.signed('GET', '/api/partner/v1/events')).json().events).toEqual([]);

    const path = `/api/partner/v1/opinions/${requestId}/answer`;
    const stranger = await otherCourt.signed('POST', path, { ratings: allRated(5) });
    expect(stranger.statusCode, stranger.body).toBe(404);
    expect(stranger.json().error.code).toBe('ORGAN_OPINION_NOT_FOUND');
    const partial = await court.signed('POST', path, { ratings: { overall: 3 } });
    expect(partial.statusCode).toBe(422);
    expect(partial.json().error.code).toBe('ORGAN_OPINION_ANSWER_INVALID');

    const answer = {
      ratings: { ...allRated(4), communication: 2, overall: 2 },
      comment: '承办律师庭前沟通较少。',
      respondent: '刑一庭 书记员',
    };
    const answered = await court.signed('POST', path, answer);
    expect(answered.statusCode, answered.body).toBe(200);
    expect(answered.json()).toEqual({ id: requestId, status: 'answered' });
    // The same answer again (a retry) is accepted unchanged; a different one is refused.
    expect((await court.signed('POST', path, answer)).statusCode).toBe(200);
    const changed = await court.signed('POST', path, { ...answer, ratings: allRated(5) });
    expect(changed.statusCode).toBe(409);
    expect(changed.json().error.code).toBe('ORGAN_OPINION_ALREADY_ANSWERED');

    const detail = (await staff.director.session.get(`/api/v1/quality/organ-opinions/${requestId}`)).json();
    expect(detail).toMatchObject({
      status: 'answered',
      answerVia: 'partner_api',
      poorItems: ['overall', 'communication'],
      answer: { comment: '承办律师庭前沟通较少。', respondent: '刑一庭 书记员' },
      partner: { id: court.partner.id },
    });
  });

  it('goes to any other organ as a printed letter whose paper answer staff record; a second poor answer is a concern', async () => {
    const id = await closedCase(staff, lawyer, '褚某');
    const found = await lookup(id);
    expect(found.suggested).toEqual({
      organKind: 'court',
      organName: '北京市海淀区人民法院',
      partnerId: null,
    });
    const created = await staff.reviewer.session.post('/api/v1/quality/organ-opinions', {
      applicationId: id,
      ...found.suggested,
    });
    expect(created.statusCode, created.body).toBe(201);
    const requestId = created.json().id as string;
    const printed = await staff.reviewer.session.post(`/api/v1/quality/organ-opinions/${requestId}/send`, {});
    expect(printed.json()).toEqual({ status: 'printed', version: 2 });

    const letter = await staff.reviewer.session.get(`/api/v1/quality/organ-opinions/${requestId}/letter.pdf`);
    expect(letter.statusCode, letter.body).toBe(200);
    expect(letter.headers['content-type']).toBe('application/pdf');
    const { text } = await readPdf(letter.rawPayload);
    for (const words of ['征询意见函', '北京市海淀区人民法院', '总体评价', '回执', await numberOf(id)])
      expect(text).toContain(words.replaceAll(/\s/g, ''));

    const stale = await staff.reviewer.session.post(`/api/v1/quality/organ-opinions/${requestId}/answer`, {
      version: 1,
      ratings: allRated(2),
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('ORGAN_OPINION_STALE');
    const recorded = await staff.reviewer.session.post(`/api/v1/quality/organ-opinions/${requestId}/answer`, {
      version: 2,
      ratings: { ...allRated(3), overall: 2 },
      comment: '（纸质回执）',
    });
    expect(recorded.statusCode, recorded.body).toBe(200);
    expect(recorded.json()).toEqual({ status: 'answered', version: 3, poorItems: ['overall'] });

    // Two poor answers within a year: the handler's record shows the concern.
    const quality = (await staff.director.session.get(`/api/v1/handlers/${lawyer.id}`)).json().track.quality;
    expect(quality.concerns.map((c: { code: string }) => c.code)).toContain('poor_organ_opinions');
  });

  it('keeps each district to its own requests; a cancelled request cannot be answered', async () => {
    const list = (await staff.director.session.get('/api/v1/quality/organ-opinions')).json().items;
    expect(list.length).toBeGreaterThanOrEqual(2);
    expect((await chaoyangDirector.session.get('/api/v1/quality/organ-opinions')).json().items).toEqual([]);
    expect(
      (await chaoyangDirector.session.get(`/api/v1/quality/organ-opinions/${list[0].id}`)).statusCode,
    ).toBe(404);
    const id = await closedCase(staff, lawyer, '卫某');
    const found = await lookup(id);
    const chaoyangLookup = await chaoyangDirector.session.get(
      `/api/v1/quality/organ-opinions/case?number=${encodeURIComponent(await numberOf(id))}`,
    );
    expect(chaoyangLookup.statusCode).toBe(404);
    const created = await staff.director.session.post('/api/v1/quality/organ-opinions', {
      applicationId: id,
      ...found.suggested,
      organName: '北京市海淀区人民检察院',
      organKind: 'procuratorate',
    });
    const requestId = created.json().id as string;
    const cancelled = await staff.director.session.post(
      `/api/v1/quality/organ-opinions/${requestId}/cancel`,
      {
        reason: '案件已另行征询',
      },
    );
    expect(cancelled.json()).toEqual({ status: 'cancelled', version: 2 });
    const late = await staff.director.session.post(`/api/v1/quality/organ-opinions/${requestId}/answer`, {
      ratings: allRated(5),
    });
    expect(late.json().error.code).toBe('ORGAN_OPINION_STEP_NOT_OPEN');
    // A partner of another kind cannot be named for the organ.
    const wrongKind = await staff.director.session.post('/api/v1/quality/organ-opinions', {
      applicationId: id,
      organKind: 'police',
      organName: '海淀分局',
      partnerId: court.partner.id,
    });
    expect(wrongKind.json().error.code).toBe('ORGAN_OPINION_PARTNER_INVALID');
  });
});
