import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import type { Role } from '@fayuan/domain';
import { auditEvents, knowledgeArticles } from '../../db/schema/index.ts';
import { Session, startTestApp, type TestContext } from '../../../test/harness.ts';
import { buildUser, ORG, PASSWORD } from '../../../test/factories.ts';
import { REFERENCE_ARTICLES } from './reference-articles.ts';

let t: TestContext;

async function signIn(organisationId: string, roles: Role[]): Promise<Session> {
  const user = await buildUser(t.deps, { organisationId, roles });
  const session = new Session(t.app, 'en-US');
  await session.login(user.username, PASSWORD);
  return session;
}

let haidianDirector: Session;
let haidianReviewer: Session;
let haidianWindow: Session;
let chaoyangDirector: Session;
let supervisor: Session;
let handler: Session;

interface Hit {
  id: string;
  title: string;
  status: string;
  matters: string[];
  snippet: { text: string; match: boolean }[] | null;
}

const ARTICLES = '/api/v1/knowledge/articles';

async function search(session: Session, query: Record<string, string>) {
  const response = await session.get(`${ARTICLES}?${new URLSearchParams(query).toString()}`);
  expect(response.statusCode).toBe(200);
  return response.json<{ items: Hit[]; total: number }>();
}

const titles = (page: { items: Hit[] }) => page.items.map((a) => a.title);

async function write(session: Session, body: Record<string, unknown>) {
  const response = await session.post(ARTICLES, body);
  expect(response.statusCode).toBe(201);
  return response.json<{ id: string; version: number; status: string }>();
}

async function auditRows(entityId: string, action: string) {
  return t.deps.db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.entityId, entityId), eq(auditEvents.action, action)));
}

beforeAll(async () => {
  t = await startTestApp();
  haidianDirector = await signIn(ORG.haidian, ['director']);
  haidianReviewer = await signIn(ORG.haidian, ['reviewer']);
  haidianWindow = await signIn(ORG.haidian, ['window_staff']);
  chaoyangDirector = await signIn(ORG.chaoyang, ['director']);
  supervisor = await signIn(ORG.bureau, ['supervisor']);
  handler = await signIn(ORG.haidian, ['handler']);
});
afterAll(() => t.close());

describe('the articles Fayuan ships', () => {
  it('are published, cite their sources and are found by a word of their text', async () => {
    const all = await search(haidianWindow, { pageSize: '100' });
    expect(all.total).toBe(REFERENCE_ARTICLES.length);
    expect(all.items.every((a) => a.status === 'published')).toBe(true);
    const wages = await search(haidianWindow, { q: '工资' });
    expect(wages.items[0]!.title).toBe('用人单位拖欠工资怎么办');
    const detail = await haidianWindow.get(`${ARTICLES}/${wages.items[0]!.id}`);
    expect(detail.json().sources).toContain('劳动争议调解仲裁法');
    expect(detail.json().author).toBeNull();
  });
});

describe('Chinese search', () => {
  let wagesId: string;
  let insuranceId: string;

  beforeAll(async () => {
    wagesId = (
      await write(haidianDirector, {
        title: '农民工讨薪指引',
        body: '建筑工地拖欠工资的，可以向施工总承包单位主张清偿，并向人社部门投诉。',
        matters: ['labour_remuneration'],
        status: 'published',
      })
    ).id;
    insuranceId = (
      await write(haidianDirector, {
        title: '单位不缴纳社会保险怎么办',
        body: '用人单位未依法为职工缴纳社保的，职工可以向社会保险费征收机构投诉，也可以解除劳动合同并要求经济补偿。',
        matters: ['social_insurance'],
        status: 'published',
      })
    ).id;
  });

  it('finds 工资 inside 拖欠工资 and marks it in the snippet', async () => {
    const page = await search(haidianWindow, { q: '工资' });
    expect(page.items.map((a) => a.id)).toContain(wagesId);
    const hit = page.items.find((a) => a.id === wagesId)!;
    expect(hit.snippet!.filter((p) => p.match).map((p) => p.text)).toContain('工资');
    expect(hit.snippet!.map((p) => p.text).join('')).toContain('拖欠工资');
  });

  it('finds a two-character word inside a longer sentence', async () => {
    const page = await search(haidianWindow, { q: '社保' });
    expect(page.items.map((a) => a.id)).toEqual([insuranceId]);
  });

  it('suggests articles for a caller’s whole question, the closest first', async () => {
    const page = await search(haidianWindow, { q: '老板拖欠了我三个月工资，怎么办？' });
    const ids = page.items.map((a) => a.id);
    expect(ids).toContain(wagesId);
    expect(titles(page)).toContain('用人单位拖欠工资怎么办');
    expect(ids).not.toContain(insuranceId);
  });

  it('ranks a match in the title above one only in the body', async () => {
    const page = await search(haidianWindow, { q: '社会保险' });
    expect(page.items[0]!.id).toBe(insuranceId);
  });

  it('matches Latin text whatever its case and width', async () => {
    const id = (
      await write(haidianDirector, {
        title: 'APP 平台骑手的劳动关系',
        body: '外卖骑手与平台之间是否构成劳动关系，需看管理程度。',
        status: 'published',
      })
    ).id;
    expect((await search(haidianWindow, { q: 'app' })).items.map((a) => a.id)).toContain(id);
    expect((await search(haidianWindow, { q: 'ＡＰＰ' })).items.map((a) => a.id)).toContain(id);
  });

  it('takes a query of punctuation or wildcards literally', async () => {
    expect((await search(haidianWindow, { q: '%' })).total).toBe(0);
    expect((await search(haidianWindow, { q: "'|&!" })).total).toBe(0);
  });

  it('filters by matter tag and by jurisdiction', async () => {
    const maintenance = await search(haidianWindow, { matter: 'maintenance' });
    expect(titles(maintenance)).toEqual(['子女不给赡养费，老人如何维权']);
    const wages = await search(haidianWindow, { q: '工资', matter: 'labour_remuneration' });
    expect(wages.items.every((a) => a.matters.includes('labour_remuneration'))).toBe(true);
    expect(wages.items.map((a) => a.id)).toContain(wagesId);
    expect((await search(haidianWindow, { q: '社保', matter: 'labour_remuneration' })).total).toBe(0);
    // Beijing articles and national ones apply in Beijing; a Beijing article does not apply in Tianjin.
    const beijing = titles(await search(haidianWindow, { jurisdiction: '110000', pageSize: '100' }));
    expect(beijing).toContain('在北京如何申请法律援助');
    expect(beijing).toContain('工作中受伤，如何申请工伤认定');
    const tianjin = titles(await search(haidianWindow, { jurisdiction: '120000', pageSize: '100' }));
    expect(tianjin).not.toContain('在北京如何申请法律援助');
    expect(tianjin).toContain('工作中受伤，如何申请工伤认定');
    const unknown = await haidianWindow.get(`${ARTICLES}?jurisdiction=990000`);
    expect(unknown.json().error.code).toBe('JURISDICTION_UNKNOWN');
  });
});

describe('drafts and permissions', () => {
  let draftId: string;

  beforeAll(async () => {
    draftId = (
      await write(haidianReviewer, {
        title: '草稿：离婚冷静期',
        body: '离婚冷静期内任何一方不愿意离婚的，可以撤回登记申请。',
        matters: ['maintenance'],
      })
    ).id;
  });

  it('shows a draft to those who manage the owning centre, and to nobody else', async () => {
    expect((await search(haidianDirector, { q: '冷静期' })).items.map((a) => a.id)).toEqual([draftId]);
    expect((await haidianDirector.get(`${ARTICLES}/${draftId}`)).json().status).toBe('draft');
    for (const reader of [haidianWindow, chaoyangDirector, supervisor]) {
      expect((await search(reader, { q: '冷静期' })).total).toBe(0);
      expect((await search(reader, { status: 'draft' })).total).toBe(0);
      expect((await reader.get(`${ARTICLES}/${draftId}`)).statusCode).toBe(404);
    }
  });

  it('lets staff read but not write, and keeps other roles out', async () => {
    const refused = await haidianWindow.post(ARTICLES, { title: '标题', body: '正文' });
    expect(refused.statusCode).toBe(403);
    expect((await supervisor.post(ARTICLES, { title: '标题', body: '正文' })).statusCode).toBe(403);
    expect((await handler.get(ARTICLES)).statusCode).toBe(403);
    const edit = await chaoyangDirector.patch(`${ARTICLES}/${draftId}`, { version: 1, title: '改' });
    expect(edit.statusCode).toBe(404);
  });

  it('publishes, then archives, auditing each step and counting versions', async () => {
    const published = await haidianDirector.patch(`${ARTICLES}/${draftId}`, {
      version: 1,
      title: '离婚冷静期怎么计算',
      status: 'published',
    });
    expect(published.statusCode).toBe(200);
    expect(published.json()).toMatchObject({ status: 'published', version: 2, title: '离婚冷静期怎么计算' });
    expect(published.json().publishedAt).toBe(t.clock.now().toISOString());
    expect((await search(haidianWindow, { q: '冷静期' })).items.map((a) => a.id)).toEqual([draftId]);
    const [publish] = await auditRows(draftId, 'knowledge.publish');
    expect(publish!.changes).toMatchObject({
      status: { before: 'draft', after: 'published' },
      title: { before: '草稿：离婚冷静期', after: '离婚冷静期怎么计算' },
      version: { before: 1, after: 2 },
    });
    const archived = await haidianDirector.patch(`${ARTICLES}/${draftId}`, {
      version: 2,
      status: 'archived',
    });
    expect(archived.json()).toMatchObject({ status: 'archived', version: 3 });
    expect(await auditRows(draftId, 'knowledge.archive')).toHaveLength(1);
    expect((await search(haidianWindow, { q: '冷静期' })).total).toBe(0);
  });

  it('re-indexes the words of an edited body', async () => {
    const article = await write(haidianDirector, { title: '继承', body: '遗嘱继承优先于法定继承。' });
    expect((await search(haidianDirector, { q: '赠与' })).total).toBe(0);
    await haidianDirector.patch(`${ARTICLES}/${article.id}`, {
      version: 1,
      body: '遗赠扶养协议优先于遗嘱，遗嘱优先于法定继承；赠与另论。',
    });
    expect((await search(haidianDirector, { q: '赠与' })).items.map((a) => a.id)).toEqual([article.id]);
    const [row] = await t.deps.db
      .select()
      .from(knowledgeArticles)
      .where(eq(knowledgeArticles.id, article.id));
    expect(row!.searchSegments).toContain('赠 与');
  });

  it('records the creation in the audit log', async () => {
    const article = await write(haidianReviewer, { title: '审计测试', body: '正文', matters: ['appeal'] });
    const [audit] = await auditRows(article.id, 'knowledge.create');
    expect(audit!.changes).toMatchObject({
      title: { after: '审计测试' },
      matters: { after: ['appeal'] },
      jurisdiction: { after: '110000' },
      status: { after: 'draft' },
    });
  });
});

describe('validation and conflicts', () => {
  it('refuses a tag outside the catalogue in force for the jurisdiction', async () => {
    const unknown = await haidianDirector.post(ARTICLES, {
      title: 't',
      body: 'b',
      matters: ['space_mining'],
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error).toMatchObject({
      code: 'KNOWLEDGE_MATTER_UNKNOWN',
      details: { field: 'matters', matter: 'space_mining' },
    });
    // Notarial aid is a Beijing matter, not a national one.
    const national = await haidianDirector.post(ARTICLES, {
      title: 't',
      body: 'b',
      matters: ['notarization'],
      jurisdiction: '000000',
    });
    expect(national.json().error.code).toBe('KNOWLEDGE_MATTER_UNKNOWN');
    const region = await haidianDirector.post(ARTICLES, { title: 't', body: 'b', jurisdiction: '990000' });
    expect(region.json().error).toMatchObject({
      code: 'JURISDICTION_UNKNOWN',
      details: { field: 'jurisdiction' },
    });
  });

  it('refuses empty text, repeated tags, unknown fields and a bad status', async () => {
    for (const body of [
      { title: '  ', body: '正文' },
      { title: '标题', body: '' },
      { title: '标题', body: '正文', matters: ['maintenance', 'maintenance'] },
      { title: '标题', body: '正文', version: 3 },
      { title: '标题', body: '正文', status: 'deleted' },
    ]) {
      const response = await haidianDirector.post(ARTICLES, body);
      expect(response.statusCode).toBe(400);
      expect(response.json().error.code).toBe('VALIDATION_FAILED');
    }
    expect((await haidianDirector.get(`${ARTICLES}?status=gone`)).json().error.code).toBe(
      'VALIDATION_FAILED',
    );
  });

  it('refuses an edit made from a stale version', async () => {
    const article = await write(haidianDirector, { title: '版本', body: '第一版' });
    expect(
      (await haidianReviewer.patch(`${ARTICLES}/${article.id}`, { version: 1, body: '第二版' })).statusCode,
    ).toBe(200);
    const stale = await haidianDirector.patch(`${ARTICLES}/${article.id}`, {
      version: 1,
      body: '另一个第二版',
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error).toMatchObject({
      code: 'KNOWLEDGE_VERSION_CONFLICT',
      details: { currentVersion: 2 },
    });
    const missing = await haidianDirector.patch(`${ARTICLES}/${article.id}`, { body: 'x' });
    expect(missing.json().error.code).toBe('VALIDATION_FAILED');
  });

  it('deletes a draft (audited) but never a published article', async () => {
    const draft = await write(haidianDirector, { title: '删除', body: '草稿' });
    const del = (id: string) => haidianDirector.request({ method: 'DELETE', url: `${ARTICLES}/${id}` });
    expect((await del(draft.id)).statusCode).toBe(204);
    expect((await haidianDirector.get(`${ARTICLES}/${draft.id}`)).statusCode).toBe(404);
    expect(await auditRows(draft.id, 'knowledge.delete')).toHaveLength(1);
    const published = await write(haidianDirector, { title: '已发布', body: '正文', status: 'published' });
    const refused = await del(published.id);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('KNOWLEDGE_ARTICLE_NOT_DRAFT');
  });

  it('replays an idempotent create', async () => {
    const body = { title: '幂等', body: '只写一次' };
    const headers = { 'idempotency-key': 'kb-1' };
    const first = await haidianDirector.post(ARTICLES, body, headers);
    const second = await haidianDirector.post(ARTICLES, body, headers);
    expect(second.headers['idempotency-replayed']).toBe('true');
    expect(second.json().id).toBe(first.json().id);
  });
});
