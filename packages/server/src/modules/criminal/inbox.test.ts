import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestContext } from '../../../test/harness.ts';
import { ORG } from '../../../test/factories.ts';
import { withFileCleanup } from '../../platform/storage/file-store.ts';
import { signIn, type Staff } from '../applications/application-test-kit.ts';
import { makePartner, originFor, residentId } from './partner-test-kit.ts';
import { receivePartnerNotice } from './receive-partner-notice.ts';

let t: TestContext;
let window: Staff;
let chaoyang: Staff;

beforeAll(async () => {
  t = await startTestApp();
  window = await signIn(t, ORG.haidian, ['window_staff']);
  chaoyang = await signIn(t, ORG.chaoyang, ['director']);
});
afterAll(() => t.close());

const DAY = 86_400_000;
const ids = (page: { items: { id: string }[] }) => page.items.map((i) => i.id);

describe('来件: the centre’s inbox of notices and forwarded applications', () => {
  it('shows a paper notice and a partner’s notice with their 3-day due dates, in scope only', async () => {
    // A paper notice typed in at the window, its defendant given inline (registered on the spot).
    const paper = await window.session.post('/api/v1/criminal-notices', {
      institutionKind: 'procuratorate',
      institutionName: '北京市海淀区人民检察院',
      noticeNumber: '京海检通〔2026〕7号',
      stage: 'prosecution_review',
      ground: 'sensory_disability',
      charges: ['盗窃罪'],
      defendant: { name: '冯某', idNumber: residentId('110108', '19850505', 31) },
      detained: false,
    });
    expect(paper.statusCode, paper.body).toBe(201);
    expect(paper.json()).toMatchObject({
      state: 'to_assign',
      applicant: { name: '冯某' },
      criminalNotice: { source: 'staff' },
    });
    const paperId = paper.json().id;

    const court = await makePartner(t, {
      kind: 'court',
      name: '北京市海淀区人民法院',
      organisationId: ORG.haidian,
    });
    const partnerId = await withFileCleanup(t.deps.files, (files) =>
      t.deps.db.transaction((tx) =>
        receivePartnerNotice(
          { ...t.deps, files },
          tx,
          court,
          {
            institutionCaseNumber: '（2026）京0108刑初77号',
            stage: 'trial_first_instance',
            ground: 'life_or_death_sentence',
            charges: ['故意杀人罪'],
            defendant: { name: '褚某', detained: true },
          },
          originFor(court),
        ),
      ),
    );

    const inbox = await window.session.get('/api/v1/inbox');
    expect(inbox.statusCode, inbox.body).toBe(200);
    const items = inbox.json().items;
    expect(items.find((i: { id: string }) => i.id === partnerId)).toMatchObject({
      kind: 'notice',
      source: 'partner',
      institution: '北京市海淀区人民法院',
      institutionNumber: '（2026）京0108刑初77号',
      personName: '褚某',
      dueDate: '2026-11-05',
      overdue: false,
      state: 'to_assign',
    });
    expect(items.find((i: { id: string }) => i.id === paperId)).toMatchObject({
      source: 'staff',
      institution: '北京市海淀区人民检察院',
      institutionNumber: '京海检通〔2026〕7号',
      personName: '冯某',
      dueDate: '2026-11-05',
    });
    expect(ids((await window.session.get('/api/v1/inbox?source=partner')).json())).toEqual([partnerId]);
    expect(ids((await window.session.get('/api/v1/inbox?source=staff&unassigned=true')).json())).toEqual([
      paperId,
    ]);
    expect(ids((await window.session.get('/api/v1/inbox?kind=forwarded')).json())).toEqual([]);
    // Another district sees neither.
    expect(ids((await chaoyang.session.get('/api/v1/inbox')).json())).toEqual([]);

    expect(ids((await window.session.get('/api/v1/inbox?overdue=true')).json())).toEqual([]);
    t.clock.advance(4 * DAY);
    // Sessions expire over four days: sign in again.
    window = await signIn(t, ORG.haidian, ['window_staff']);
    const overdue = (await window.session.get('/api/v1/inbox?overdue=true')).json();
    expect(ids(overdue).sort()).toEqual([paperId, partnerId].sort());
    expect(overdue.items[0].overdue).toBe(true);
  });

  it('refuses a notice with both or neither of defendantId and defendant', async () => {
    const body = {
      institutionKind: 'court',
      institutionName: '北京市海淀区人民法院',
      stage: 'trial_first_instance',
      ground: 'life_or_death_sentence',
      charges: ['故意杀人罪'],
      detained: false,
    };
    const neither = await window.session.post('/api/v1/criminal-notices', body);
    expect(neither.statusCode).toBe(400);
    const badId = await window.session.post('/api/v1/criminal-notices', {
      ...body,
      defendant: { name: '卫某', idNumber: '110108198505050310' },
    });
    expect(badId.statusCode).toBe(400);
    expect(badId.json().error).toMatchObject({
      code: 'ID_NUMBER_INVALID',
      details: { field: 'defendant.idNumber' },
    });
  });
});
