import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestContext } from '../../../test/harness.ts';
import { ORG } from '../../../test/factories.ts';
import { registerApplicant, signIn, takeIn, wageClaim, type Staff } from './application-test-kit.ts';

// Issue 11 §3 and §10 at intake: a Beijing centre's review clock runs to the earlier of BJR art.21
// (5 working days) and LAL art.43 (7 days), citing both (ADR 0013); facts are rule rows.
let t: TestContext;
let window: Staff;
const DAY = 86_400_000;

beforeAll(async () => {
  t = await startTestApp(); // Monday 2026-11-02, 09:00 Beijing
  t.clock.advance(5 * DAY); // Saturday 2026-11-07
  window = await signIn(t, ORG.haidian, ['window_staff']);
});
afterAll(() => t.close());

describe('the review clock of a Beijing centre', () => {
  it('runs to Friday for an application received on Saturday (BJR art.21), citing both rules', async () => {
    const detail = await takeIn(window, wageClaim(await registerApplicant(window)));
    const review = detail.clocks.find((c: { period: string }) => c.period === 'review_decision');
    // 5 working days from Saturday 11-07: 11-09 … 11-13 (Friday); LAL art.43's 7 days would end on
    // Saturday 11-14, moved to Monday 11-16.
    expect(review).toMatchObject({ status: 'running', dueAt: '2026-11-13T15:59:59.999Z' });
    expect(review.citation).toBe('BJR art.21; LAL art.43; 民法典 art.201–203');
  });

  it('takes in an application with a fact in force and refuses one that is not (FACT_UNKNOWN)', async () => {
    const applicantId = await registerApplicant(window);
    const known = await takeIn(
      window,
      wageClaim(applicantId, { eligibilityFacts: { domesticViolenceVictim: false } }),
    );
    expect(known.state).toBe('received');
    const unknown = await window.session.post(
      '/api/v1/applications',
      wageClaim(applicantId, { eligibilityFacts: { hasYacht: true } }),
    );
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error).toMatchObject({ code: 'FACT_UNKNOWN' });
  });
});
