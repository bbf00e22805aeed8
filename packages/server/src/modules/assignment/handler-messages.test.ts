import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, asc, eq } from 'drizzle-orm';
import { outboxMessages } from '../../db/schema/index.ts';
import { Session, startTestApp, type TestContext } from '../../../test/harness.ts';
import { buildHandler, ORG, PASSWORD } from '../../../test/factories.ts';
import { recordNotice, signIn, type Staff } from '../applications/application-test-kit.ts';

let t: TestContext;
let window: Staff;
let director: Staff;

/** A registry handler with a phone on file and a login. */
async function handlerWithPhone(name: string, phone: string) {
  const sealed = t.deps.cipher.seal(phone);
  const { id, user } = await buildHandler(t.deps, name, {
    phoneSealed: sealed.sealed,
    phoneHash: sealed.hash,
  });
  const session = new Session(t.app, 'zh-CN');
  expect((await session.login(user.username, PASSWORD)).statusCode).toBe(200);
  return { id, session };
}

/** The messages queued for a case, oldest first, with the recipient opened. */
async function messagesOf(applicationId: string) {
  const rows = await t.deps.db
    .select()
    .from(outboxMessages)
    .where(and(eq(outboxMessages.entityType, 'applications'), eq(outboxMessages.entityId, applicationId)))
    .orderBy(asc(outboxMessages.createdAt), asc(outboxMessages.template));
  return rows.map((r) => ({
    template: r.template,
    to: t.deps.cipher.open(r.recipientSealed as Buffer),
    params: r.params as Record<string, string>,
  }));
}

beforeAll(async () => {
  t = await startTestApp();
  window = await signIn(t, ORG.haidian, ['window_staff']);
  director = await signIn(t, ORG.haidian, ['director']);
});
afterAll(() => t.close());

describe('messages to the handler and the recipient about the handler', () => {
  it('tells the lawyer of the assignment and its answer time, the client who handles it, and both of a change', async () => {
    const first = await handlerWithPhone('褚律师', '13911112222');
    const second = await handlerWithPhone('卫律师', '13933334444');
    const notice = await recordNotice(window, '蒋小东', { charges: ['诈骗罪'] });
    const id = notice.id;
    const assign = (handlerId: string) =>
      director.session.post(`/api/v1/applications/${id}/assignment`, { handlerId, reason: '轮换' });

    expect((await assign(first.id)).statusCode).toBe(200);
    const afterAssign = await messagesOf(id);
    const toLawyer = afterAssign.find((m) => m.template === 'handler.handler_assigned');
    // 24 h to answer by default, from 2026-11-02 09:00 Beijing time.
    expect(toLawyer).toEqual({
      template: 'handler.handler_assigned',
      to: '13911112222',
      params: { number: notice.number, centre: '海淀区法律援助中心', respondBy: '2026-11-03 09:00' },
    });
    const toClient = afterAssign.find((m) => m.template === 'handler_assigned');
    expect(toClient?.params.handler).toBe('褚律师');
    expect(toClient?.to).toMatch(/^1370000\d{4}$/);
    // The lawyer's message carries no personal data of the client.
    expect(JSON.stringify(toLawyer)).not.toContain('蒋小东');

    const changed = await director.session.post(`/api/v1/applications/${id}/assignment/change`, {
      reason: '受援人申请更换',
    });
    expect(changed.statusCode, changed.body).toBe(200);
    const afterChange = await messagesOf(id);
    expect(afterChange.filter((m) => m.template === 'handler.handler_changed').map((m) => m.to)).toEqual([
      '13911112222',
    ]);
    expect(afterChange.some((m) => m.template === 'handler_changed')).toBe(true);

    expect((await assign(second.id)).statusCode).toBe(200);
    const assigned = (await messagesOf(id)).filter((m) => m.template === 'handler.handler_assigned');
    expect(assigned.map((m) => m.to)).toEqual(['13911112222', '13933334444']);
  });
});
