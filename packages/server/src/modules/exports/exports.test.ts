import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { applications, auditEvents } from '../../db/schema/index.ts';
import { startTestApp, type TestContext } from '../../../test/harness.ts';
import { buildHandler, ORG } from '../../../test/factories.ts';
import {
  registerApplicant,
  signIn,
  takeIn,
  wageClaim,
  type Staff,
} from '../applications/application-test-kit.ts';

let t: TestContext;
let haidianWindow: Staff;
let haidianDirector: Staff;
let chaoyangDirector: Staff;
let received: { id: string; number: string };
let archived: { id: string; number: string };

/** The rows of the first sheet, as text, header first. */
async function sheetOf(body: Buffer): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(body as unknown as ArrayBuffer);
  const rows: string[][] = [];
  workbook.worksheets[0]!.eachRow((row) => {
    rows.push((row.values as unknown[]).slice(1).map((v) => (v == null ? '' : String(v))));
  });
  return rows;
}

async function exportRows(entityType: string) {
  return t.deps.db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.entityType, entityType), eq(auditEvents.action, `${entityType}.export`)));
}

beforeAll(async () => {
  t = await startTestApp();
  haidianWindow = await signIn(t, ORG.haidian, ['window_staff']);
  haidianDirector = await signIn(t, ORG.haidian, ['director']);
  chaoyangDirector = await signIn(t, ORG.chaoyang, ['director']);
  const first = await takeIn(haidianWindow, wageClaim(await registerApplicant(haidianWindow, '导出甲')));
  const second = await takeIn(haidianWindow, wageClaim(await registerApplicant(haidianWindow, '导出乙')));
  received = { id: first.id, number: first.number };
  archived = { id: second.id, number: second.number };
  // Straight to the end of the flow: the export reads states, it does not walk them.
  await t.deps.db.update(applications).set({ state: 'archived' }).where(eq(applications.id, archived.id));
});
afterAll(() => t.close());

describe('GET /applications/export', () => {
  it('exports the worklist under its state filter, in Chinese words, and audits the ids exported', async () => {
    const response = await haidianDirector.session.get('/api/v1/applications/export?state=archived');
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-type']).toContain('spreadsheetml');
    expect(response.headers['content-disposition']).toMatch(/attachment; filename\*=UTF-8''/);
    const rows = await sheetOf(response.rawPayload);
    expect(rows[0]).toEqual([
      '申请编号',
      '申请人',
      '援助事项',
      '渠道',
      '状态',
      '所属中心',
      '审查人员',
      '期限',
      '受理时间',
    ]);
    expect(rows.slice(1).map((r) => r[0])).toEqual([archived.number]);
    expect(rows[1]!.slice(1, 5)).toEqual(['导出乙', '请求确认劳动关系或者支付劳动报酬', '窗口', '已归档']);
    const [audit] = await exportRows('applications');
    expect(audit!.changes).toMatchObject({
      ids: { after: [archived.id] },
      filters: { after: { state: 'archived' } },
    });
  });

  it('keeps to the data scope: another district exports none of them', async () => {
    const response = await chaoyangDirector.session.get(
      '/api/v1/applications/export?state=received,archived',
    );
    const numbers = (await sheetOf(response.rawPayload)).slice(1).map((r) => r[0]);
    expect(numbers).not.toContain(received.number);
    expect(numbers).not.toContain(archived.number);
  });

  it('speaks English when asked', async () => {
    const response = await haidianDirector.session.request({
      method: 'GET',
      url: '/api/v1/applications/export?state=archived',
      headers: { 'accept-language': 'en-US' },
    });
    const rows = await sheetOf(response.rawPayload);
    expect(rows[0]![0]).toBe('Number');
    expect(rows[1]![4]).toBe('Archived');
  });
});

describe('the other lists', () => {
  it('exports persons with numbers masked, handlers with kinds in words, consultations; each audited', async () => {
    const persons = await sheetOf(
      (await haidianDirector.session.get(`/api/v1/persons/export?q=${encodeURIComponent('导出甲')}`))
        .rawPayload,
    );
    expect(persons[0]!.slice(0, 2)).toEqual(['姓名', '性别']);
    expect(persons.slice(1).map((r) => r[0])).toEqual(['导出甲']);
    expect(persons[1]![4]).toMatch(/\*{4}/);
    expect((await exportRows('persons')).length).toBe(1);

    await buildHandler(t.deps, '导出律师');
    const handlers = await sheetOf(
      (await haidianDirector.session.get(`/api/v1/handlers/export?q=${encodeURIComponent('导出律师')}`))
        .rawPayload,
    );
    expect(handlers[1]!.slice(0, 2)).toEqual(['导出律师', '社会律师']);
    expect(handlers[1]![4]).toBe('在册');
    const chaoyang = await sheetOf(
      (await chaoyangDirector.session.get(`/api/v1/handlers/export?q=${encodeURIComponent('导出律师')}`))
        .rawPayload,
    );
    expect(chaoyang).toHaveLength(1);

    const consultations = await haidianDirector.session.get('/api/v1/consultations/export');
    expect(consultations.statusCode, consultations.body).toBe(200);
    expect((await sheetOf(consultations.rawPayload))[0]![0]).toBe('咨询时间');
    const ids = (await exportRows('handlers')).flatMap(
      (row) => (row.changes as { ids: { after: string[] } }).ids.after,
    );
    expect(ids.length).toBe(1);
  });

  it('is for those who may read the list', async () => {
    const finance = await signIn(t, ORG.haidian, ['finance']);
    expect((await finance.session.get('/api/v1/persons/export')).statusCode).toBe(403);
    expect((await finance.session.get('/api/v1/handlers/export')).statusCode).toBe(403);
  });
});
