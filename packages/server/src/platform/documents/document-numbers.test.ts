import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Session, startTestApp, type TestContext } from '../../../test/harness.ts';
import { buildUser, ORG, PASSWORD } from '../../../test/factories.ts';
import { issueDocumentNumber } from './document-numbers.ts';
import { eq } from 'drizzle-orm';
import { documentNumberPatterns } from '../../db/schema/index.ts';

let t: TestContext;
let chaoyangAdmin: Session;
let haidianAdmin: Session;

beforeAll(async () => {
  t = await startTestApp();
  // The Beijing centres ship with patterns (migration 0009); these tests start from a centre without.
  await t.deps.db
    .delete(documentNumberPatterns)
    .where(eq(documentNumberPatterns.organisationId, ORG.chaoyang));
  const a = await buildUser(t.deps, { roles: ['system_admin'], organisationId: ORG.chaoyang });
  chaoyangAdmin = new Session(t.app);
  await chaoyangAdmin.login(a.username, PASSWORD);
  const b = await buildUser(t.deps, { roles: ['system_admin'], organisationId: ORG.haidian });
  haidianAdmin = new Session(t.app);
  await haidianAdmin.login(b.username, PASSWORD);
});
afterAll(() => t.close());

const issue = (
  kind: string,
  at = new Date('2026-03-02T10:00:00+08:00'),
  organisationId: string = ORG.chaoyang,
) => t.deps.db.transaction((tx) => issueDocumentNumber(tx, { organisationId, documentKind: kind, at }));

describe('document numbers', () => {
  it('numbers per centre, kind and Beijing year, in the centre’s pattern', async () => {
    const set = await chaoyangAdmin.request({
      method: 'PUT',
      url: `/api/v1/organisations/${ORG.chaoyang}/document-number-patterns/grant_decision`,
      payload: { pattern: '京朝法援〔{year}〕第{seq:5}号' },
    });
    expect(set.json()).toMatchObject({ custom: true, example: '京朝法援〔2026〕第00001号' });
    expect((await issue('grant_decision')).number).toBe('京朝法援〔2026〕第00001号');
    expect((await issue('grant_decision')).number).toBe('京朝法援〔2026〕第00002号');
    expect((await issue('refusal_decision')).number).toBe('110105〔2026〕第00001号');
    expect((await issue('grant_decision', new Date('2026-03-02T10:00:00+08:00'), ORG.haidian)).seq).toBe(1);
    // 2026-12-31 16:30 UTC is already 2027-01-01 in Beijing: a new year, a new sequence.
    expect((await issue('grant_decision', new Date('2026-12-31T16:30:00Z'))).number).toBe(
      '京朝法援〔2027〕第00001号',
    );
  });

  it('never reuses or skips a number under concurrency, and a rolled-back document gives its number back', async () => {
    const numbers = await Promise.all(Array.from({ length: 40 }, () => issue('receipt').then((n) => n.seq)));
    expect([...numbers].sort((a, b) => a - b)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
    await expect(
      t.deps.db.transaction(async (tx) => {
        await issueDocumentNumber(tx, {
          organisationId: ORG.chaoyang,
          documentKind: 'receipt',
          at: new Date('2026-03-02T10:00:00+08:00'),
        });
        throw new Error('the document failed to store');
      }),
    ).rejects.toThrow('the document failed to store');
    expect((await issue('receipt')).seq).toBe(41);
  });

  it('refuses a pattern without a sequence, and another district’s centre', async () => {
    const bad = await chaoyangAdmin.request({
      method: 'PUT',
      url: `/api/v1/organisations/${ORG.chaoyang}/document-number-patterns/receipt`,
      payload: { pattern: '京朝法援〔{year}〕' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error).toMatchObject({
      code: 'DOCUMENT_PATTERN_INVALID',
      details: { problems: ['PATTERN_NEEDS_SEQ'] },
    });
    const other = await haidianAdmin.request({
      method: 'PUT',
      url: `/api/v1/organisations/${ORG.chaoyang}/document-number-patterns/receipt`,
      payload: { pattern: '{seq}' },
    });
    expect(other.statusCode).toBe(404);
    const list = (
      await chaoyangAdmin.get(`/api/v1/organisations/${ORG.chaoyang}/document-number-patterns`)
    ).json();
    expect(list.find((p: { documentKind: string }) => p.documentKind === 'grant_decision')).toMatchObject({
      custom: true,
    });
    expect(list.find((p: { documentKind: string }) => p.documentKind === 'receipt')).toMatchObject({
      custom: false,
    });
  });
});
