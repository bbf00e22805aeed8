import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, isNull } from 'drizzle-orm';
import { qualityConcerns, staffAlerts } from '../../db/schema/index.ts';
import { startTestApp, type TestContext } from '../../../test/harness.ts';
import { ORG } from '../../../test/factories.ts';
import { recordNotice, signIn, type Staff } from '../applications/application-test-kit.ts';
import { buildPoolHandler, type PoolHandler } from './closed-case-kit.ts';

let t: TestContext;
let window: Staff;
let director: Staff;
let chaoyangDirector: Staff;
let poor: PoolHandler;
let other: PoolHandler;
beforeAll(async () => {
  t = await startTestApp();
  window = await signIn(t, ORG.haidian, ['window_staff']);
  director = await signIn(t, ORG.haidian, ['director']);
  chaoyangDirector = await signIn(t, ORG.chaoyang, ['director']);
  poor = await buildPoolHandler(t, ORG.haidian, '钱律师', null);
  other = await buildPoolHandler(t, ORG.haidian, '孙律师', null);
});
afterAll(() => t.close());

interface Candidate {
  handlerId: string;
  eligible: boolean;
  score: number | null;
  scoreParts: { quality: number };
  reasons: { code: string; params?: Record<string, string> }[];
}
const candidatesOf = async (id: string) => {
  const answer = await director.session.get(`/api/v1/applications/${id}/candidates`);
  expect(answer.statusCode, answer.body).toBe(200);
  return answer.json<{ candidates: Candidate[] }>().candidates;
};

/** A complaint about the handler, taken by phone, accepted and decided as founded. */
async function upheldComplaint(handlerId: string) {
  const taken = await window.session.post('/api/v1/complaints', {
    channel: 'hotline',
    about: 'handler',
    handlerId,
    complainant: { name: '周某', relation: 'recipient' },
    text: '律师一直不回电话，开庭前也没有会见。',
  });
  expect(taken.statusCode, taken.body).toBe(201);
  const { id } = taken.json<{ id: string }>();
  expect((await director.session.post(`/api/v1/complaints/${id}/accept`, {})).statusCode).toBe(200);
  const decided = await director.session.post(`/api/v1/complaints/${id}/decide`, {
    outcome: 'corrected',
    findings: '经核实属实，已责令整改。',
  });
  expect(decided.statusCode, decided.body).toBe(200);
}

describe('the handler’s quality record feeds the assignment', () => {
  it('two founded complaints in a year open a concern, tell the directors, and rank the handler lower with the reason', async () => {
    const { id: caseId } = await recordNotice(window, '吴某');
    const before = (await candidatesOf(caseId)).find((c) => c.handlerId === poor.id);
    expect(before).toMatchObject({ eligible: true, scoreParts: { quality: 0 } });

    await upheldComplaint(poor.id);
    expect((await candidatesOf(caseId)).find((c) => c.handlerId === poor.id)?.scoreParts.quality).toBe(0);
    await upheldComplaint(poor.id);

    const after = await candidatesOf(caseId);
    const mine = after.find((c) => c.handlerId === poor.id);
    // Never excluded: still eligible, 25 × 100 points more, and the reason says which threshold.
    expect(mine).toMatchObject({ eligible: true, scoreParts: { quality: 1 } });
    expect((mine?.score ?? 0) - (before?.score ?? 0)).toBe(2500);
    expect(mine?.reasons).toContainEqual(
      expect.objectContaining({
        code: 'QUALITY_CONCERN',
        params: expect.objectContaining({ concernsZh: '一年内两次以上投诉属实' }),
      }),
    );
    expect(after.find((c) => c.handlerId === other.id)?.scoreParts.quality).toBe(0);

    const open = await t.deps.db
      .select()
      .from(qualityConcerns)
      .where(and(eq(qualityConcerns.handlerId, poor.id), isNull(qualityConcerns.closedAt)));
    expect(open.map((c) => [c.code, c.value, c.limit])).toEqual([['upheld_complaints', '2', '1']]);
    const rung = await t.deps.db
      .select()
      .from(staffAlerts)
      .where(and(eq(staffAlerts.userId, director.id), eq(staffAlerts.kind, 'quality_concern')));
    expect(rung).toHaveLength(1);
    // A third founded complaint keeps the one concern open: the directors are not told again.
    await upheldComplaint(poor.id);
    expect(
      await t.deps.db
        .select()
        .from(staffAlerts)
        .where(and(eq(staffAlerts.userId, director.id), eq(staffAlerts.kind, 'quality_concern'))),
    ).toHaveLength(1);
  });

  it('shows the record on the handler’s page (承办业绩) in scope only', async () => {
    const detail = await director.session.get(`/api/v1/handlers/${poor.id}`);
    expect(detail.statusCode, detail.body).toBe(200);
    const quality = detail.json().track.quality;
    expect(quality).toMatchObject({ upheldComplaints: 3, complaintsDecided: 3 });
    expect(quality.concerns).toEqual([
      expect.objectContaining({
        code: 'upheld_complaints',
        value: 3,
        limit: 1,
        bound: 'max',
        citation: 'OPN (六); OPN (七)',
      }),
    ]);
    expect(quality.trend.at(-1)).toMatchObject({ upheldComplaints: 3 });
    expect((await chaoyangDirector.session.get(`/api/v1/handlers/${poor.id}`)).statusCode).toBe(404);
  });

  it('feeds the admission review: a suspension names the open concern it rests on, and no other', async () => {
    const detail = (await director.session.get(`/api/v1/handlers/${poor.id}`)).json();
    const concernId = detail.track.quality.concerns[0]?.id as string;
    expect(concernId).toMatch(/^[0-9a-f-]{36}$/);
    const body = { action: 'suspend', reason: '一年内多次投诉属实，暂停指派。', version: detail.version };
    const stranger = await director.session.post(`/api/v1/handlers/${poor.id}/status`, {
      ...body,
      qualityConcernIds: [randomUUID()],
    });
    expect(stranger.statusCode).toBe(422);
    expect(stranger.json().error.code).toBe('HANDLER_CONCERN_UNKNOWN');
    // Refused: nothing changed.
    expect((await director.session.get(`/api/v1/handlers/${poor.id}`)).json().status).toBe(detail.status);

    const suspended = await director.session.post(`/api/v1/handlers/${poor.id}/status`, {
      ...body,
      qualityConcernIds: [concernId],
    });
    expect(suspended.statusCode, suspended.body).toBe(200);
    expect(suspended.json().status).toBe('suspended');
    expect(suspended.json().statusHistory.at(-1).qualityConcerns).toEqual([
      {
        id: concernId,
        code: 'upheld_complaints',
        nameZh: '一年内两次以上投诉属实',
        nameEn: expect.any(String),
      },
    ]);
  });
});
