import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestContext } from '../../../test/harness.ts';
import { ORG } from '../../../test/factories.ts';
import { registerApplicant, signIn, type Staff } from '../applications/application-test-kit.ts';

let t: TestContext;
let window: Staff;
let reviewer: Staff;
let chaoyang: Staff;
let defendantId = '';

beforeAll(async () => {
  t = await startTestApp();
  window = await signIn(t, ORG.haidian, ['window_staff']);
  reviewer = await signIn(t, ORG.haidian, ['reviewer']);
  chaoyang = await signIn(t, ORG.chaoyang, ['window_staff']);
  defendantId = await registerApplicant(window, '孙某');
});
afterAll(() => t.close());

const HOUR = 3_600_000;

const notice = (overrides: Record<string, unknown> = {}) => ({
  institutionKind: 'court',
  institutionName: '北京市第一中级人民法院',
  noticeNumber: '（2026）京01刑初12号',
  stage: 'trial_first_instance',
  ground: 'life_or_death_sentence',
  charges: ['故意杀人罪'],
  defendantId,
  detained: true,
  detentionPlace: '北京市第一看守所',
  courtDistrictOrgId: ORG.chaoyang,
  ...overrides,
});

describe('notified defence (通知辩护, LAL art.25)', () => {
  it('opens a case to assign, with the 3-day clock from the notice and no hardship review', async () => {
    const receivedAt = new Date(t.clock.now().getTime() - 2 * HOUR).toISOString();
    const response = await window.session.post(
      '/api/v1/criminal-notices',
      notice({ noticeReceivedAt: receivedAt }),
    );
    expect(response.statusCode, response.body).toBe(201);
    const detail = response.json();
    expect(detail).toMatchObject({
      state: 'to_assign',
      channel: 'criminal_notice',
      caseType: 'criminal',
      matter: 'criminal_defense',
      eligible: null,
      assessment: null,
      hardshipBasis: null,
      applicant: { id: defendantId, name: '孙某' },
      criminalNotice: {
        institutionKind: 'court',
        stage: 'trial_first_instance',
        ground: 'life_or_death_sentence',
        groundCitation: 'LAL art.25(1)(4)',
        charges: ['故意杀人罪'],
        detained: true,
        courtDistrict: { id: ORG.chaoyang },
        source: 'staff',
      },
    });
    // Received 2026-11-02 07:00 Beijing: three days end 11-05 24:00.
    expect(detail.currentClock).toMatchObject({
      period: 'assignment',
      startedAt: receivedAt,
      dueAt: '2026-11-05T15:59:59.999Z',
    });
    expect(detail.events[0]).toMatchObject({ event: 'receive_criminal_notice', toState: 'to_assign' });
    // It waits in the worklist of the centre that must assign it.
    const list = (await reviewer.session.get('/api/v1/applications?channel=criminal_notice')).json();
    expect(list.items.map((i: { id: string }) => i.id)).toContain(detail.id);
  });

  it('only window staff and directors record notices; a reviewer is refused by the lifecycle', async () => {
    const response = await reviewer.session.post('/api/v1/criminal-notices', notice());
    expect(response.statusCode).toBe(403);
    expect(response.json().error.code).toBe('APPLICATION_ROLE_FORBIDDEN');
  });

  it('refuses an unknown ground, no charges, and a defendant out of scope', async () => {
    expect(
      (await window.session.post('/api/v1/criminal-notices', notice({ ground: 'rich' }))).statusCode,
    ).toBe(400);
    expect((await window.session.post('/api/v1/criminal-notices', notice({ charges: [] }))).statusCode).toBe(
      400,
    );
    const elsewhere = await chaoyang.session.post('/api/v1/criminal-notices', notice());
    expect(elsewhere.statusCode).toBe(404);
    expect(elsewhere.json().error.details).toMatchObject({ field: 'defendantId' });
  });
});
