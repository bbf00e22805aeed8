import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestContext } from '../../../test/harness.ts';
import { ORG } from '../../../test/factories.ts';
import { deliverMessages, PUBLIC } from '../../../test/portal-client.ts';
import { signIn, type Staff } from '../applications/application-test-kit.ts';
import { enqueueMessage } from '../../platform/outbox/outbox.ts';

let t: TestContext;
let haidianDirector: Staff;
let chaoyangDirector: Staff;
let admin: Staff;
beforeAll(async () => {
  t = await startTestApp();
  haidianDirector = await signIn(t, ORG.haidian, ['director']);
  chaoyangDirector = await signIn(t, ORG.chaoyang, ['director']);
  admin = await signIn(t, ORG.bureau, ['supervisor']);
  await t.deps.db.transaction((tx) =>
    enqueueMessage(tx, t.deps, {
      channel: 'sms',
      recipient: '13712345678',
      template: 'application_received',
      params: { number: '京海法援〔2026〕1号' },
      organisationId: ORG.haidian,
    }),
  );
  await t.app.inject({ method: 'POST', url: `${PUBLIC}/otp`, payload: { phone: '13787654321' } });
  await deliverMessages(t);
});
afterAll(() => t.close());

describe('消息', () => {
  it('lists a centre’s messages with the recipient masked and the status simulated, in scope only', async () => {
    const mine = (await haidianDirector.session.get('/api/v1/messages')).json();
    expect(mine.items).toHaveLength(1);
    expect(mine.items[0]).toMatchObject({
      recipient: '137****5678',
      kind: 'application_received',
      status: 'simulated',
      attempts: 1,
    });
    expect(JSON.stringify(mine)).not.toContain('13712345678');
    expect((await chaoyangDirector.session.get('/api/v1/messages')).json().items).toEqual([]);
  });

  it('never shows the text of a sign-in code, even to a city-wide reader', async () => {
    const all = (await admin.session.get('/api/v1/messages?template=otp_code')).json();
    expect(all.items).toHaveLength(1);
    expect(all.items[0]).toMatchObject({ kind: 'otp_code', body: null, recipient: '137****4321' });
    expect(JSON.stringify(all)).not.toMatch(/验证码为 \d{6}/);
  });
});
