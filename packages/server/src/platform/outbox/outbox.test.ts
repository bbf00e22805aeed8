import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { outboxMessages } from '../../db/schema/index.ts';
import { startTestApp, type TestContext } from '../../../test/harness.ts';
import { SimulatorAdapter } from './adapters.ts';
import { dispatchOutbox, enqueueMessage, MAX_ATTEMPTS, messagesFor } from './outbox.ts';

let t: TestContext;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

const queue = (recipient: string, entityId: string, template = 'application_received') =>
  t.deps.db.transaction((tx) =>
    enqueueMessage(tx, t.deps, {
      channel: 'sms',
      recipient,
      template,
      params: { number: '京朝法援〔2026〕第00001号' },
      entity: { type: 'applications', id: entityId },
    }),
  );

describe('outbox', () => {
  it('queues in the caller’s transaction: a rolled-back change sends nothing', async () => {
    await expect(
      t.deps.db.transaction(async (tx) => {
        await enqueueMessage(tx, t.deps, {
          channel: 'sms',
          recipient: '13800000000',
          template: 'application_received',
          params: { number: 'x' },
          entity: { type: 'applications', id: 'rolled-back' },
        });
        throw new Error('the application failed to store');
      }),
    ).rejects.toThrow();
    expect(await messagesFor(t.deps, 'applications', ['rolled-back'])).toHaveLength(0);
  });

  it('sends through the simulator (simulated, never delivered), keeps the text sent and the status, and encrypts the recipient', async () => {
    const sim = new SimulatorAdapter();
    const id = await queue('13812345678', 'app-1');
    expect(await dispatchOutbox(t.deps, { sms: sim, email: sim })).toEqual({
      sent: 1,
      failed: 0,
      retried: 0,
    });
    expect(sim.sent[0]).toMatchObject({
      recipient: '13812345678',
      body: expect.stringContaining('京朝法援〔2026〕第00001号'),
    });
    const [row] = await t.deps.db.select().from(outboxMessages).where(eq(outboxMessages.id, id));
    expect(row).toMatchObject({ status: 'simulated', provider: 'simulator', attempts: 1 });
    expect(row?.recipientSealed?.toString('latin1')).not.toContain('13812345678');
    expect(await dispatchOutbox(t.deps, { sms: sim, email: sim })).toEqual({
      sent: 0,
      failed: 0,
      retried: 0,
    });
  });

  it('retries with back-off and gives up after the last attempt', async () => {
    const sim = new SimulatorAdapter();
    sim.failFor.add('13900000000');
    const id = await queue('13900000000', 'app-2');
    expect((await dispatchOutbox(t.deps, { sms: sim, email: sim })).retried).toBe(1);
    expect((await dispatchOutbox(t.deps, { sms: sim, email: sim })).retried).toBe(0);
    for (let attempt = 1; attempt < MAX_ATTEMPTS; attempt += 1) {
      t.clock.advance(2 ** attempt * 60_000);
      await dispatchOutbox(t.deps, { sms: sim, email: sim });
    }
    const [row] = await t.deps.db.select().from(outboxMessages).where(eq(outboxMessages.id, id));
    expect(row).toMatchObject({
      status: 'failed',
      attempts: MAX_ATTEMPTS,
      lastError: 'simulated gateway failure',
    });
    expect(sim.sent).toHaveLength(0);
  });

  it('never sends a message twice when dispatchers run at once', async () => {
    const sim = new SimulatorAdapter();
    for (let i = 0; i < 20; i += 1) await queue(`1370000${String(i).padStart(4, '0')}`, `app-c${i}`);
    await Promise.all([1, 2, 3].map(() => dispatchOutbox(t.deps, { sms: sim, email: sim }, 10)));
    await dispatchOutbox(t.deps, { sms: sim, email: sim });
    expect(new Set(sim.sent.map((m) => m.id)).size).toBe(sim.sent.length);
    expect(sim.sent).toHaveLength(20);
  });
});
