import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestContext } from '../../../test/harness.ts';
import { ORG } from '../../../test/factories.ts';
import { readPdf } from '../../../test/pdf-text.ts';
import { registerApplicant, signIn, takeIn, wageClaim, type Staff } from './application-test-kit.ts';

// Issue 11 §4: an application whose materials are not supplied is deemed withdrawn (LAL art.43(2)),
// never refused. The refusal reason `materials_incomplete` is closed after 2026-12-03; decisions
// made with it before stay readable with their reason and its name.
let t: TestContext;
let window: Staff;
let reviewer: Staff;

const ALL_MATERIALS = ['identity_document', 'integrity_pledge', 'case_materials'];
const DAY = 86_400_000;
const materialsIncomplete = {
  decision: 'refuse',
  reasons: [{ code: 'materials_incomplete', citation: 'LAL art.43' }],
};

beforeAll(async () => {
  t = await startTestApp(); // the test clock starts on 2026-11-02
  window = await signIn(t, ORG.chaoyang, ['window_staff']);
  reviewer = await signIn(t, ORG.chaoyang, ['reviewer']);
});
afterAll(() => t.close());

async function underReview() {
  const applicantId = await registerApplicant(window, '李文静');
  const created = await takeIn(window, wageClaim(applicantId, { materialsProvided: ALL_MATERIALS }));
  const review = await reviewer.session.post(`/api/v1/applications/${created.id}/review`);
  expect(review.statusCode, review.body).toBe(200);
  return review.json();
}

describe('materials_incomplete is no longer a refusal reason', () => {
  it('past decisions keep it; once closed it is neither offered nor accepted (422), and the old decision still names it', async () => {
    // Before the closing: a decision made with the reason, as Fayuan allowed until 2026-12-03.
    const past = await underReview();
    const refused = await reviewer.session.post(
      `/api/v1/applications/${past.id}/decision`,
      materialsIncomplete,
    );
    expect(refused.statusCode, refused.body).toBe(200);

    t.clock.advance(33 * DAY); // 2026-12-05, after the closing; sessions have expired meanwhile
    window = await signIn(t, ORG.chaoyang, ['window_staff']);
    reviewer = await signIn(t, ORG.chaoyang, ['reviewer']);
    const reference = (await window.session.get('/api/v1/applications/reference')).json();
    expect(reference.refusalReasons.map((r: { code: string }) => r.code)).not.toContain(
      'materials_incomplete',
    );
    expect(reference.formerRefusalReasons).toContainEqual(
      expect.objectContaining({ code: 'materials_incomplete', nameZh: '未按要求补充材料或者作出说明' }),
    );

    const app = await underReview();
    const refused2 = await reviewer.session.post(
      `/api/v1/applications/${app.id}/decision`,
      materialsIncomplete,
    );
    expect(refused2.statusCode, refused2.body).toBe(422);
    expect(refused2.json().error).toMatchObject({ code: 'APPLICATION_REASON_NOT_IN_FORCE' });
    expect(refused2.json().error.message).toContain('第四十三条第二款');
    const still = (await reviewer.session.get(`/api/v1/applications/${app.id}`)).json();
    expect(still.state).toBe('under_review');

    const detail = (await reviewer.session.get(`/api/v1/applications/${past.id}`)).json();
    expect(detail.decisionReasons).toEqual([
      expect.objectContaining({ code: 'materials_incomplete', citation: 'LAL art.43' }),
    ]);
    const refusal = detail.documents.find((d: { kind: string }) => d.kind === 'refusal_decision');
    const pdf = await reviewer.session.get(`/api/v1/applications/${past.id}/documents/${refusal.id}/pdf`);
    expect(pdf.statusCode).toBe(200);
    const { text } = await readPdf(pdf.rawPayload);
    expect(text).toContain('未按要求补充材料或者作出说明');
  });
});
