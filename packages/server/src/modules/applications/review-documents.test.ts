import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestContext } from '../../../test/harness.ts';
import { ORG } from '../../../test/factories.ts';
import { readPdf } from '../../../test/pdf-text.ts';
import { eq } from 'drizzle-orm';
import { organisations, ruleRows } from '../../db/schema/index.ts';
import {
  recordNotice,
  registerApplicant,
  signIn,
  takeIn,
  wageClaim,
  type Staff,
} from './application-test-kit.ts';

// Issue 12: what the review's documents say — the figures behind a refusal for hardship, and the
// justice bureau's own decision on an objection (LAL art.49).
let t: TestContext;
let window: Staff;
let reviewer: Staff;
let supervisor: Staff;

const ALL_MATERIALS = ['identity_document', 'integrity_pledge', 'case_materials'];

beforeAll(async () => {
  t = await startTestApp(); // the test clock starts on 2026-11-02: the 2025 line (2540 a month) applies
  window = await signIn(t, ORG.chaoyang, ['window_staff']);
  reviewer = await signIn(t, ORG.chaoyang, ['reviewer']);
  supervisor = await signIn(t, ORG.bureau, ['supervisor']);
});
afterAll(() => t.close());

/** A household of 2 with 6,000 a month: 3,000 per member, above the line. */
async function refusedForHardship(name: string) {
  const applicantId = await registerApplicant(window, name);
  const created = await takeIn(
    window,
    wageClaim(applicantId, {
      materialsProvided: ALL_MATERIALS,
      household: { members: 2, monthlyIncomeFen: 600_000 },
    }),
  );
  const review = await reviewer.session.post(`/api/v1/applications/${created.id}/review`);
  expect(review.statusCode, review.body).toBe(200);
  expect(review.json().assessment.hardship).toMatchObject({
    status: 'not_met',
    perCapitaMonthlyIncomeFen: 300_000,
    thresholdFen: 254_000,
  });
  const refused = await reviewer.session.post(`/api/v1/applications/${created.id}/decision`, {
    decision: 'refuse',
    reasons: [{ code: 'no_hardship', citation: 'LAL art.34' }],
  });
  expect(refused.statusCode, refused.body).toBe(200);
  return refused.json();
}

async function textOf(staff: Staff, applicationId: string, document: { id: string }) {
  const response = await staff.session.get(
    `/api/v1/applications/${applicationId}/documents/${document.id}/pdf`,
  );
  expect(response.statusCode, response.body.slice(0, 200)).toBe(200);
  return (await readPdf(response.rawPayload)).text;
}

const ofKind = (detail: { documents: { kind: string }[] }, kind: string) => {
  const found = detail.documents.find((d) => d.kind === kind);
  expect(found, kind).toBeTruthy();
  return found as { id: string; kind: string; number: string };
};

async function fileAndDecide(applicationId: string, outcome: 'upheld' | 'corrected', conclusion: string) {
  const filed = await window.session.post(`/api/v1/applications/${applicationId}/objections`, {
    grounds: '申请人近期失业，家庭收入已下降。',
  });
  expect(filed.statusCode, filed.body).toBe(200);
  const decided = await supervisor.session.post(
    `/api/v1/applications/${applicationId}/objections/${filed.json().objections[0].id}/decision`,
    { outcome, conclusion },
  );
  expect(decided.statusCode, decided.body).toBe(200);
  return decided.json();
}

describe('the refusal decision prints the hardship figures', () => {
  it('names the income per member, the line applied and where the line comes from', async () => {
    const detail = await refusedForHardship('周建华');
    const text = await textOf(reviewer, detail.id, ofKind(detail, 'refusal_decision'));
    expect(text).toContain('家庭共2人');
    expect(text).toContain('家庭人均月收入为3,000.00元');
    expect(text).toContain('经济困难标准2,540.00元');
    expect(text).toContain('京人社劳发〔2025〕7号');
  });

  it('prints no figures when hardship is not the reason', async () => {
    const applicantId = await registerApplicant(window, '吴桂兰');
    const created = await takeIn(window, wageClaim(applicantId, { materialsProvided: ALL_MATERIALS }));
    await reviewer.session.post(`/api/v1/applications/${created.id}/review`);
    const refused = await reviewer.session.post(`/api/v1/applications/${created.id}/decision`, {
      decision: 'refuse',
      reasons: [{ code: 'not_competent', citation: 'LAL art.38' }],
    });
    expect(refused.statusCode, refused.body).toBe(200);
    const text = await textOf(reviewer, created.id, ofKind(refused.json(), 'refusal_decision'));
    expect(text).not.toContain('家庭人均月收入');
  });
});

describe('an objection decision is the justice bureau’s own document (LAL art.49)', () => {
  it('upheld objection: the bureau orders the grant; its decision and the centre’s grant are two documents', async () => {
    const refused = await refusedForHardship('郑秀英');
    const refusal = ofKind(refused, 'refusal_decision');
    const after = await fileAndDecide(
      refused.id,
      'corrected',
      '申请人提交的失业证明属实，家庭人均月收入已低于标准。',
    );
    expect(after.state).toBe('granted');
    const objection = ofKind(after, 'objection_decision');
    const grant = ofKind(after, 'grant_decision');
    // Numbered by the bureau, not in the centre's sequence.
    expect(objection.number).not.toMatch(/^京朝法援/);
    expect(grant.number).toMatch(/^京朝法援/);

    const text = await textOf(reviewer, refused.id, objection);
    expect(text).toContain('异议审查决定书');
    expect(text).toContain('北京市司法局'); // the issuer and signatory
    expect(text).toContain(`不予法律援助决定书（${refusal.number}）`);
    expect(text).toContain('申请人近期失业，家庭收入已下降。');
    expect(text).toContain('经审查，申请人提交的失业证明属实');
    expect(text).toContain('你的异议成立');
    expect(text).toContain('《中华人民共和国法律援助法》第四十九条');
    expect(text).not.toContain('行政复议');
    expect(text).not.toContain('给予法律援助决定书（');

    const grantText = await textOf(reviewer, refused.id, grant);
    expect(grantText).toContain('给予法律援助决定书');
    expect(grantText).not.toContain('异议审查决定书');
  });

  it('dismissed objection: the bureau upholds the refusal, says so in its own document, and no grant follows', async () => {
    const refused = await refusedForHardship('冯志强');
    const after = await fileAndDecide(refused.id, 'upheld', '申请人未提交收入变化的证明。');
    expect(after.state).toBe('refused');
    expect(after.documents.map((d: { kind: string }) => d.kind)).toEqual([
      'receipt',
      'refusal_decision',
      'objection_decision',
    ]);
    const text = await textOf(supervisor, refused.id, ofKind(after, 'objection_decision'));
    expect(text).toContain('异议审查决定书');
    expect(text).toContain('你的异议不成立');
    expect(text).toContain('维持');
    expect(text).toContain('行政复议');
    expect(text).toContain('北京市司法局');
  });
});

describe('the receipt’s 份数 and 原件/复印件 columns come from the materials registered', () => {
  it('prints what the window recorded at intake and at a supplement, and leaves unrecorded cells empty', async () => {
    const applicantId = await registerApplicant(window, '韩雪梅');
    const created = await takeIn(
      window,
      wageClaim(applicantId, {
        materialsProvided: ['identity_document', 'integrity_pledge'],
        materialForms: [
          { code: 'identity_document', copies: 1, original: true },
          { code: 'integrity_pledge', copies: 2, original: false },
        ],
      }),
    );
    expect(created.materials).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ code: 'identity_document', copies: 1, original: true }),
        expect.objectContaining({ code: 'integrity_pledge', copies: 2, original: false }),
        expect.objectContaining({ code: 'case_materials', status: 'missing', copies: null, original: null }),
      ]),
    );
    const text = await textOf(window, created.id, ofKind(created, 'receipt'));
    expect(text).toMatch(/申请人身份证件\s*1\s*原件/);
    expect(text).toMatch(/经济困难状况个人诚信承诺书\s*2\s*复印件/);

    // A form for a material not handed in is refused, with the field named.
    const stray = await window.session.post('/api/v1/applications', {
      ...wageClaim(applicantId, {
        materialsProvided: ['identity_document'],
        materialForms: [{ code: 'case_materials', copies: 1, original: true }],
      }),
    });
    expect(stray.statusCode).toBe(400);
    expect(stray.json().error).toMatchObject({ code: 'APPLICATION_MATERIAL_UNKNOWN' });

    // Handed in later: recorded with its form.
    const asked = await window.session.post(`/api/v1/applications/${created.id}/supplement-request`, {});
    expect(asked.statusCode, asked.body).toBe(200);
    const received = await window.session.post(`/api/v1/applications/${created.id}/materials`, {
      provided: ['case_materials'],
      forms: [{ code: 'case_materials', copies: 3, original: false }],
    });
    expect(received.statusCode, received.body).toBe(200);
    expect(received.json().materials).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ code: 'case_materials', copies: 3, original: false }),
      ]),
    );
  });
});

describe('the self-test’s next steps: the centres with their hours (public)', () => {
  it('lists the city and district centres with the office hours they recorded, without a login', async () => {
    await t.deps.db
      .update(organisations)
      .set({ officeHours: '周一至周五 9:00—17:00' })
      .where(eq(organisations.id, ORG.chaoyang));
    const response = await t.app.inject({ method: 'GET', url: '/api/v1/eligibility/centres' });
    expect(response.statusCode, response.body).toBe(200);
    const { items } = response.json();
    expect(items).toContainEqual(
      expect.objectContaining({
        name: '朝阳区法律援助中心',
        city: false,
        officeHours: '周一至周五 9:00—17:00',
      }),
    );
    expect(items.some((c: { city: boolean }) => c.city)).toBe(true);
    // Justice bureaus and workstations are not where an application is made.
    expect(items.map((c: { name: string }) => c.name)).not.toContain('北京市司法局');
  });
});

describe('a notified case’s matter and callers’ words are shipped as rule rows', () => {
  it('a criminal notice opens a case whose matter the notified_matter row names 通知辩护; the synonyms are dated rows marked not law', async () => {
    const notice = await recordNotice(window, '孙某某');
    const detail = (await window.session.get(`/api/v1/applications/${notice.id}`)).json();
    expect(detail).toMatchObject({
      channel: 'criminal_notice',
      matter: 'criminal_defense',
      assessment: null,
    });
    const rows = await t.deps.db.select().from(ruleRows).where(eq(ruleRows.ruleTable, 'list_item'));
    const named = rows.find((r) => r.key === `notified_matter:${detail.matter}`);
    expect(named?.data).toMatchObject({ nameZh: '通知辩护', nameEn: 'Notified defence' });
    expect(named?.citation).toContain('LAL art.36');
    const wages = rows.find((r) => r.key === 'matter_synonym:labour_remuneration');
    expect(String((wages?.data as { nameZh: string }).nameZh)).toContain('欠薪');
    expect(wages?.citation).toBe('Fayuan editorial, not law');
  });
});
