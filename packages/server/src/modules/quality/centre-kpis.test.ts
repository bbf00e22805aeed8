import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { beijingDateOf } from '@fayuan/domain';
import { startTestApp, type TestContext } from '../../../test/harness.ts';
import { ORG } from '../../../test/factories.ts';
import { readPdf } from '../../../test/pdf-text.ts';
import { signIn, type Staff } from '../applications/application-test-kit.ts';
import { buildPoolHandler, closedCase } from './closed-case-kit.ts';

let t: TestContext;
let staff: { window: Staff; director: Staff; reviewer: Staff };
let supervisor: Staff;
let chaoyangDirector: Staff;
beforeAll(async () => {
  t = await startTestApp();
  staff = {
    window: await signIn(t, ORG.haidian, ['window_staff']),
    director: await signIn(t, ORG.haidian, ['director']),
    reviewer: await signIn(t, ORG.haidian, ['reviewer']),
  };
  supervisor = await signIn(t, ORG.bureau, ['supervisor']);
  chaoyangDirector = await signIn(t, ORG.chaoyang, ['director']);
  const lawyer = await buildPoolHandler(t, ORG.haidian, '杨律师', null);
  await closedCase(staff, lawyer, '朱某');
  const complaint = await staff.window.session.post('/api/v1/complaints', {
    channel: 'window',
    about: 'service',
    complainant: { name: '秦某', relation: 'applicant' },
    text: '等候时间太长。',
  });
  expect(complaint.statusCode, complaint.body).toBe(201);
});
afterAll(() => t.close());

interface Centre {
  organisationId: string;
  name: string;
  measures: Record<string, number>;
  kpis: { code: string; value: number | null; numerator: number; denominator: number; citation: string }[];
}
const period = () => {
  const day = beijingDateOf(t.clock.now());
  return `from=${day}&to=${day}`;
};

describe('the bureau’s evaluation of centres (考评)', () => {
  it('computes each centre’s indicators from the records by the formulas in force; a district sees its own', async () => {
    const answer = await supervisor.session.get(`/api/v1/quality/centre-kpis?${period()}`);
    expect(answer.statusCode, answer.body).toBe(200);
    const items = answer.json<{ items: Centre[] }>().items;
    expect(items.length).toBeGreaterThan(2);
    const haidian = items.find((c) => c.organisationId === ORG.haidian);
    expect(haidian?.measures).toMatchObject({
      cases_closed: 1,
      complaints_received: 1,
      criminal_received: 1,
      criminal_assigned: 1,
    });
    const kpi = (code: string) => haidian?.kpis.find((k) => k.code === code);
    expect(kpi('complaint_rate')).toMatchObject({ value: 100, numerator: 1, denominator: 1 });
    expect(kpi('defence_coverage')).toMatchObject({ value: 100, citation: 'OPN (十二); LAL art.25' });
    expect(kpi('on_time_rate')?.value).not.toBeUndefined();
    expect(kpi('upheld_rate')).toMatchObject({ value: null, denominator: 0 });

    const own = (await staff.director.session.get(`/api/v1/quality/centre-kpis?${period()}`)).json<{
      items: Centre[];
    }>();
    expect(own.items.map((c) => c.organisationId)).toEqual([ORG.haidian]);
    const theirs = (await chaoyangDirector.session.get(`/api/v1/quality/centre-kpis?${period()}`)).json<{
      items: Centre[];
    }>();
    expect(theirs.items.map((c) => c.organisationId)).toEqual([ORG.chaoyang]);
    expect((await staff.window.session.get(`/api/v1/quality/centre-kpis?${period()}`)).statusCode).toBe(403);
  });

  it('exports the indicators as Excel and as a PDF report naming each formula’s basis', async () => {
    const xlsx = await supervisor.session.get(`/api/v1/quality/centre-kpis/export?${period()}`);
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    const pdf = await supervisor.session.get(`/api/v1/quality/centre-kpis/report?${period()}`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const { text } = await readPdf(pdf.rawPayload);
    expect(text).toContain('法律援助中心考评指标');
    expect(text).toContain('海淀区法律援助中心');
    expect(text).toContain('按期办理率');
    expect(text).toContain('《关于完善法律援助制度的实施意见》');
  });
});
