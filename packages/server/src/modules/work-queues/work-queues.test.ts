import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestContext } from '../../../test/harness.ts';
import { ORG } from '../../../test/factories.ts';
import {
  recordNotice,
  registerApplicant,
  signIn,
  takeIn,
  wageClaim,
  type Staff,
} from '../applications/application-test-kit.ts';
import { caseInProgress, handler, type HandlerLogin } from '../casework/casework-test-kit.ts';
import { submitClosing } from '../quality/closed-case-kit.ts';

let t: TestContext;
let window: Staff;
let reviewer: Staff;
let director: Staff;
let finance: Staff;
let chaoyangReviewer: Staff;
let lawyer: HandlerLogin;
let other: HandlerLogin;

const HOUR = 3_600_000;
interface Queue {
  key: string;
  role: string;
  list: 'worklist' | 'my-cases';
  filter: Record<string, string>;
  count: number;
}

async function queuesOf(who: { session: Staff['session'] }): Promise<Queue[]> {
  const response = await who.session.get('/api/v1/work-queues');
  expect(response.statusCode, response.body).toBe(200);
  return response.json().items as Queue[];
}

/** The rows the list a queue opens shows: the worklist's total (all on one page) or the handler's items. */
async function rowsOf(who: { session: Staff['session'] }, queue: Queue): Promise<number> {
  const query = new URLSearchParams({
    ...queue.filter,
    ...(queue.list === 'worklist' ? { pageSize: '100' } : {}),
  });
  const url = queue.list === 'worklist' ? `/api/v1/applications?${query}` : `/api/v1/my-assignments?${query}`;
  const response = await who.session.get(url);
  expect(response.statusCode, response.body).toBe(200);
  const body = response.json();
  if (queue.list === 'worklist') {
    expect(body.items).toHaveLength(body.total);
    return body.total as number;
  }
  return (body.items as unknown[]).length;
}

beforeAll(async () => {
  t = await startTestApp({ sessionIdleMinutes: 48 * 60, sessionAbsoluteHours: 24 * 30 });
  window = await signIn(t, ORG.haidian, ['window_staff']);
  reviewer = await signIn(t, ORG.haidian, ['reviewer']);
  director = await signIn(t, ORG.haidian, ['director']);
  finance = await signIn(t, ORG.haidian, ['finance']);
  chaoyangReviewer = await signIn(t, ORG.chaoyang, ['reviewer']);
  lawyer = await handler(t, '韩律师');
  other = await handler(t, '曹律师');

  // To review: an application taken in at the window.
  await takeIn(window, wageClaim(await registerApplicant(window, '赵一')));
  // To assign: two notified defences.
  await recordNotice(window, '钱二');
  await recordNotice(window, '孙三');
  // Unanswered: assigned to `other`, who does not answer in time.
  const { id: waiting } = await recordNotice(window, '李四');
  const assigned = await director.session.post(`/api/v1/applications/${waiting}/assignment`, {
    handlerId: other.id,
    reason: '熟悉此类案件',
  });
  expect(assigned.statusCode, assigned.body).toBe(200);
  // To accept: assigned to `lawyer`, not yet answered.
  const { id: toAccept } = await recordNotice(window, '周五');
  expect(
    (
      await director.session.post(`/api/v1/applications/${toAccept}/assignment`, {
        handlerId: lawyer.id,
        reason: '熟悉此类案件',
      })
    ).statusCode,
  ).toBe(200);
  // In progress: one with a hearing this week, one marked major, one with its closing submitted.
  const people = { window, director, lawyer };
  const withHearing = await caseInProgress(people, '吴六');
  const hearing = await lawyer.session.post(`/api/v1/cases/${withHearing}/activities`, {
    kind: 'hearing',
    occurredAt: new Date(t.clock.now().getTime() + 48 * HOUR).toISOString(),
    summary: '开庭',
    scheduled: true,
  });
  expect(hearing.statusCode, hearing.body).toBe(201);
  const major = await caseInProgress(people, '郑七');
  expect(
    (await director.session.post(`/api/v1/cases/${major}/major`, { major: true, reason: '社会关注' }))
      .statusCode,
  ).toBe(200);
  const closing = await caseInProgress(people, '王八');
  await submitClosing({ id: lawyer.id, name: '韩律师', session: lawyer.session }, closing);
  // Neither pending assignment is answered within the centre's answer time (24 hours by default).
  t.clock.advance(25 * HOUR);
});
afterAll(() => t.close());

describe('work queues (今日工作)', () => {
  it('gives each role its queues, and each count is the number of rows of the list it opens', async () => {
    const expected: [Staff | HandlerLogin, string[]][] = [
      [window, ['supplementsDue']],
      [reviewer, ['toReview', 'dueToday', 'overdue', 'closingsToReview']],
      [director, ['toAssign', 'unanswered', 'objections', 'majorCases']],
      [finance, ['subsidiesToPay']],
      [lawyer, ['toAccept', 'agreementsToSign', 'hearingsThisWeek', 'closingsDue']],
    ];
    for (const [who, keys] of expected) {
      const queues = await queuesOf(who);
      expect(queues.map((q) => q.key)).toEqual(keys);
      for (const queue of queues) expect(await rowsOf(who, queue), queue.key).toBe(queue.count);
    }
  });

  it('counts the work that is there', async () => {
    const count = async (who: Staff | HandlerLogin, key: string) =>
      (await queuesOf(who)).find((q) => q.key === key)?.count;
    expect(await count(reviewer, 'toReview')).toBe(1);
    expect(await count(reviewer, 'closingsToReview')).toBe(1);
    expect(await count(director, 'toAssign')).toBe(2);
    // Both pending assignments (李四's to 曹律师, 周五's to 韩律师) are past the answer time.
    expect(await count(director, 'unanswered')).toBe(2);
    expect(await count(director, 'majorCases')).toBe(1);
    expect(await count(lawyer, 'toAccept')).toBe(1);
    expect(await count(lawyer, 'hearingsThisWeek')).toBe(1);
    expect(await count(lawyer, 'agreementsToSign')).toBeGreaterThanOrEqual(1);
    expect(await count(other, 'toAccept')).toBe(1);
    // Another district's reviewer sees none of 海淀's work.
    expect(await count(chaoyangReviewer, 'toReview')).toBe(0);
    expect(await count(chaoyangReviewer, 'closingsToReview')).toBe(0);
  });
});
