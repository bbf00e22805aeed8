import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestContext } from '../../../test/harness.ts';

let t: TestContext;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

describe('public endpoints', () => {
  it('limit each client address to 60 requests a minute, answering in the error envelope', async () => {
    const call = () =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/deadlines',
        payload: { kind: 'review_decision', start: '2025-01-02T09:00:00+08:00' },
        headers: { 'accept-language': 'en-US' },
      });
    const statuses: number[] = [];
    for (let i = 0; i < 60; i += 1) statuses.push((await call()).statusCode);
    expect(new Set(statuses)).toEqual(new Set([200]));
    const limited = await call();
    expect(limited.statusCode).toBe(429);
    expect(limited.json().error).toMatchObject({
      code: 'RATE_LIMITED',
      message: 'Too many requests; try again later',
    });
  });
});
