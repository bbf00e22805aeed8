import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, desc, eq } from 'drizzle-orm';
import { idNumberCheckCharacter } from '@fayuan/domain';
import { auditEvents, users } from '../../db/schema/index.ts';
import { Session, startTestApp, type TestContext } from '../../../test/harness.ts';
import { buildHandler, ORG, organisationPath, PASSWORD } from '../../../test/factories.ts';
import {
  registerApplicant,
  signIn,
  takeIn,
  wageClaim,
  type Staff,
} from '../applications/application-test-kit.ts';
import type { DataScope } from '../../platform/scope/data-scope.ts';
import {
  applicationsByApplicantName,
  applicationsByNumber,
  personsByHash,
  personsByName,
} from './search.repository.ts';
import { readSearchTerms } from './search-terms.ts';

const ZHAO_ID = (() => {
  const first17 = '11010819800101123'; // 海淀, 1980-01-01
  return first17 + idNumberCheckCharacter(first17);
})();
const ZHAO_PHONE = '13912345678';

let t: TestContext;
let haidian: Staff;
let chaoyang: Staff;
let zhaoId: string; // 赵晓明 of 海淀, with an identity number and a phone
let application: { id: string; number: string };

interface Item {
  kind: string;
  id: string;
  title: string;
  subtitle: string;
}
async function search(staff: Staff, q: string): Promise<Item[]> {
  const response = await staff.session.get(`/api/v1/search?q=${encodeURIComponent(q)}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json().items;
}

beforeAll(async () => {
  t = await startTestApp();
  haidian = await signIn(t, ORG.haidian, ['reviewer']);
  chaoyang = await signIn(t, ORG.chaoyang, ['reviewer']);
  const created = await haidian.session.post('/api/v1/persons', {
    name: '赵晓明',
    idNumber: ZHAO_ID,
    phone: ZHAO_PHONE,
  });
  expect(created.statusCode, created.body).toBe(201);
  zhaoId = created.json().id;
  application = await takeIn(haidian, wageClaim(zhaoId));
  // A namesake in 朝阳: same initials, never shown to 海淀, and 海淀's never shown to 朝阳.
  await registerApplicant(chaoyang, '赵小梅');
  await buildHandler(t.deps, '钱律师', { namePinyin: 'qianlvshi', nameInitials: 'qls' });
});
afterAll(() => t.close());

describe('GET /search', () => {
  it('finds a person and their application by 汉字, full pinyin and initials, in words', async () => {
    for (const q of ['赵晓', 'zhaoxiaoming', 'zhaox', 'zxm']) {
      const items = await search(haidian, q);
      expect(items, q).toContainEqual({
        kind: 'person',
        id: zhaoId,
        title: '赵晓明',
        subtitle: '139****5678 · 1980年生',
      });
      expect(items, q).toContainEqual({
        kind: 'application',
        id: application.id,
        title: application.number,
        subtitle: '赵晓明 · 已受理',
      });
    }
  });

  it('answers in the caller’s language', async () => {
    const english = { ...haidian, session: new Session(t.app, 'en-US') };
    const { username } = (
      await t.deps.db.select({ username: users.username }).from(users).where(eq(users.id, haidian.id))
    )[0]!;
    await english.session.login(username, PASSWORD);
    {
      const items = await search(english, 'zxm');
      expect(items).toContainEqual(
        expect.objectContaining({ kind: 'application', subtitle: '赵晓明 · Received' }),
      );
      expect(items).toContainEqual(
        expect.objectContaining({ kind: 'person', subtitle: '139****5678 · born 1980' }),
      );
    }
  });

  it('stays in the caller’s scope: 朝阳 never finds 海淀’s person or application', async () => {
    const fromChaoyang = await search(chaoyang, 'zx');
    expect(fromChaoyang.map((item) => item.title)).toContain('赵小梅');
    expect(fromChaoyang.map((item) => item.id)).not.toContain(zhaoId);
    expect(fromChaoyang.map((item) => item.id)).not.toContain(application.id);
    expect(await search(chaoyang, ZHAO_ID)).toEqual([]);
    expect(await search(chaoyang, application.number)).toEqual([]);
    const fromHaidian = await search(haidian, 'zx');
    expect(fromHaidian.map((item) => item.title)).not.toContain('赵小梅');
  });

  it('finds by identity and phone number exactly, exact hits first', async () => {
    for (const q of [ZHAO_ID, ZHAO_ID.toLowerCase(), '139 1234 5678']) {
      const items = await search(haidian, q);
      // The exact hits first; the person's consultations (a later test records one) may follow.
      expect(items.map((item) => item.id).slice(0, 2), q).toEqual([application.id, zhaoId]);
    }
    expect(await search(haidian, ZHAO_ID.slice(0, 17))).toEqual([]);
    expect(await search(haidian, '13912345670')).toEqual([]);
  });

  it('finds an application by its full number and by its sequence part', async () => {
    const seq = /(\d+)\D*$/.exec(application.number)![1]!;
    for (const q of [application.number, seq, String(Number(seq))]) {
      const items = await search(haidian, q);
      expect(items[0], q).toMatchObject({ kind: 'application', id: application.id });
    }
  });

  it('finds consultations by number, the caller’s phone and name, and those of a person found', async () => {
    const call = {
      channel: 'hotline_12348',
      topicMatter: 'labour_remuneration',
      question: '老板拖欠三个月工资，怎么办？',
    };
    const byCaller = await haidian.session.post('/api/v1/consultations', {
      ...call,
      callerName: '孙来电',
      callerPhone: '13600001111',
    });
    expect(byCaller.statusCode, byCaller.body).toBe(201);
    const byPerson = await haidian.session.post('/api/v1/consultations', { ...call, personId: zhaoId });
    expect(byPerson.statusCode, byPerson.body).toBe(201);
    const date = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai' }).format(t.clock.now());

    const number: string = byCaller.json().number;
    expect(number).toMatch(/咨〔\d{4}〕第\d{5}号$/);
    expect(await search(haidian, '136 0000 1111')).toEqual([
      {
        kind: 'consultation',
        id: byCaller.json().id,
        title: '孙来电',
        subtitle: `${number} · ${date} · 12348 热线`,
      },
    ]);
    // By its number in full, and only in scope.
    expect((await search(haidian, number)).map((item) => item.id)).toEqual([byCaller.json().id]);
    expect(await search(chaoyang, number)).toEqual([]);
    expect((await search(haidian, '孙来')).map((item) => item.id)).toEqual([byCaller.json().id]);
    expect(await search(haidian, 'zxm')).toContainEqual(
      expect.objectContaining({ kind: 'consultation', id: byPerson.json().id, title: '赵晓明' }),
    );
    expect(await search(chaoyang, '13600001111')).toEqual([]);
  });

  it('finds a handler by name with the firm in words', async () => {
    const items = await search(haidian, 'qls');
    expect(items).toContainEqual(
      expect.objectContaining({ kind: 'handler', title: '钱律师', subtitle: '未登记律所' }),
    );
  });

  it('answers an empty list for an empty or one-letter text, and 400 for an overlong one', async () => {
    expect(await search(haidian, '')).toEqual([]);
    expect(await search(haidian, '赵')).toEqual([]);
    const long = await haidian.session.get(`/api/v1/search?q=${'a'.repeat(101)}`);
    expect(long.statusCode).toBe(400);
  });

  it('audits one row per search naming the ids shown, never the text', async () => {
    const shown = (await search(haidian, ZHAO_ID)).map((item) => item.id);
    expect(shown.slice(0, 2)).toEqual([application.id, zhaoId]);
    const [row] = await t.deps.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'search.list'), eq(auditEvents.actorId, haidian.id)))
      .orderBy(desc(auditEvents.seq))
      .limit(1);
    expect(row).toBeDefined();
    expect(row!.changes).toMatchObject({ ids: { after: shown } });
    const stored = JSON.stringify(row);
    expect(stored).not.toContain(ZHAO_ID);
    expect(stored).not.toContain(ZHAO_ID.slice(0, 14));
  });
});

describe('search plans', () => {
  const BULK = 20_000;
  /**
   * EXPLAIN of each search query on a table big enough for the planner to choose freely: BULK
   * persons and applications added with INSERT … SELECT generate_series and ANALYZEd inside one
   * transaction that is rolled back (the test database itself stays small). No planner switch is
   * turned off: a plan that reads an index here is the one the planner prefers (the benchmark shows
   * the same at 1 M rows).
   */
  async function plansOf(queries: unknown[]): Promise<string[]> {
    const client = await t.superuser().pool.connect();
    try {
      await client.query('BEGIN');
      await client.query(
        `INSERT INTO persons (id, owner_org_id, name, name_pinyin, name_initials, document_type)
         SELECT md5('p' || g)::uuid, CASE WHEN g % 2 = 0 THEN $1::uuid ELSE $2::uuid END,
                '钱' || chr(19968 + g % 20000), 'qian' || md5(g::text), 'q' || left(md5(g::text), 3), 'resident_id'
         FROM generate_series(1, ${BULK}) g`,
        [ORG.haidian, ORG.chaoyang],
      );
      const { rows } = await client.query<{ name: string }>(
        `SELECT quote_ident(column_name) AS name FROM information_schema.columns
         WHERE table_name = 'applications' AND is_generated = 'NEVER'
           AND column_name NOT IN ('id', 'number', 'applicant_id', 'owner_org_id', 'intake_org_id')`,
      );
      const copied = rows.map((r) => r.name);
      await client.query(
        `INSERT INTO applications (id, number, applicant_id, owner_org_id, intake_org_id, ${copied.join(', ')})
         SELECT md5('a' || g)::uuid, '京测法援〔2025〕第' || lpad(g::text, 5, '0') || '号', md5('p' || g)::uuid,
                p.owner_org_id, p.owner_org_id, ${copied.map((c) => `a.${c}`).join(', ')}
         FROM generate_series(1, ${BULK}) g
         JOIN persons p ON p.id = md5('p' || g)::uuid
         CROSS JOIN (SELECT * FROM applications WHERE id = $1) a`,
        [application.id],
      );
      await client.query('ANALYZE persons, applications, issued_documents, organisations');
      const plans: string[] = [];
      for (const query of queries) {
        // The repository functions return Drizzle query builders: awaitable, and toSQL() for EXPLAIN.
        const { sql: text, params } = (query as { toSQL(): { sql: string; params: unknown[] } }).toSQL();
        const result = await client.query<{ 'QUERY PLAN': string }>(`EXPLAIN ${text}`, params);
        plans.push(result.rows.map((r) => r['QUERY PLAN']).join('\n'));
      }
      return plans;
    } finally {
      await client.query('ROLLBACK');
      client.release();
    }
  }

  it('reads persons and applications through their search indexes, never a sequential scan', async () => {
    const db = t.deps.db;
    const scope: DataScope = { kind: 'subtree', path: await organisationPath(t.deps, ORG.haidian) };
    const hash = t.deps.cipher.lookupHash(ZHAO_ID);
    const expected: [unknown, RegExp[]][] = [
      [
        personsByHash(db, scope, { idNumber: hash, phone: hash }, 20),
        [/persons_id_number_hash_idx/, /persons_phone_hash_idx/],
      ],
      [personsByName(db, scope, [{ column: 'name', prefix: '钱一' }], 5), [/persons_name_prefix_idx/]],
      [personsByName(db, scope, [{ column: 'pinyin', prefix: 'qianab' }], 5), [/persons_name_pinyin_idx/]],
      [personsByName(db, scope, [{ column: 'initials', prefix: 'qab' }], 5), [/persons_name_initials_idx/]],
      [
        applicationsByNumber(db, scope, { full: application.number, sequence: 2 }, 20),
        // issued_documents holds one row here: the planner rightly reads it whole.
        [/applications_number_search_idx/, /applications_number_seq_idx/],
      ],
      [
        applicationsByApplicantName(db, scope, [{ column: 'initials', prefix: 'qab' }], 5),
        [/persons_name_initials_idx/, /applications_applicant_idx/],
      ],
      [
        applicationsByApplicantName(db, scope, [{ column: 'name', prefix: '钱一' }], 5),
        [/persons_name_prefix_idx/, /applications_applicant_idx/],
      ],
      // Latin letters: the initials and the full pinyin in one statement, each on its own index.
      [
        personsByName(
          db,
          scope,
          [
            { column: 'initials', prefix: 'qab' },
            { column: 'pinyin', prefix: 'qab' },
          ],
          5,
        ),
        [/Append/, /persons_name_initials_idx/, /persons_name_pinyin_idx/],
      ],
      [
        applicationsByApplicantName(
          db,
          scope,
          [
            { column: 'initials', prefix: 'qab' },
            { column: 'pinyin', prefix: 'qab' },
          ],
          5,
        ),
        [/Append/, /persons_name_initials_idx/, /persons_name_pinyin_idx/, /applications_applicant_idx/],
      ],
    ];
    const plans = await plansOf(expected.map(([query]) => query));
    for (const [i, plan] of plans.entries()) {
      expect(plan).not.toMatch(/Seq Scan on (persons|applications)\b/);
      for (const index of expected[i]![1]) expect(plan, plan).toMatch(index);
    }
  });

  it('reads names in the order of the (name, id) indexes, so the LIMIT stops the scan without a sort', async () => {
    const db = t.deps.db;
    const scope: DataScope = { kind: 'subtree', path: await organisationPath(t.deps, ORG.haidian) };
    // 'q' is shared by every bulk person's initials: sorting them all is what the index order avoids.
    const plans = await plansOf([
      personsByName(db, scope, [{ column: 'name', prefix: '钱' }], 5),
      personsByName(db, scope, [{ column: 'pinyin', prefix: 'qian' }], 5),
      personsByName(db, scope, [{ column: 'initials', prefix: 'q' }], 5),
      applicationsByApplicantName(db, scope, [{ column: 'initials', prefix: 'q' }], 5),
    ]);
    for (const plan of plans.slice(0, 3)) {
      expect(plan, plan).toMatch(/Limit[\s\S]*Index Scan using persons_name_\w+_idx/);
      expect(plan, plan).not.toMatch(/Sort\s+\(/);
      // The scope as an array computed once and checked on the index scan's rows, not a join.
      // PostgreSQL 16 prints the init plan's value as `$0`, 17 as `(InitPlan 1).col1`.
      expect(plan, plan).toMatch(/Filter: .*owner_org_id = ANY \((\$0|\(InitPlan 1\)\.col1)\)/);
      expect(plan, plan).not.toMatch(/Join|Nested Loop|SubPlan/);
    }
    // Applications: sorted only among one applicant's applications (an incremental sort on the name and person).
    expect(plans[3], plans[3]).toMatch(/Index Scan using persons_name_initials_idx/);
    expect(plans[3], plans[3]).toMatch(/Incremental Sort/);
    expect(plans[3], plans[3]).not.toMatch(/(^|->)\s*Sort\s+\(/m);
  });

  it('reads the search text as the right kinds of term', () => {
    expect(readSearchTerms('京法援申〔2026〕第00002号')).toMatchObject({
      fullNumber: '京法援申〔2026〕第00002号',
      sequence: null,
      namePrefix: null,
    });
    expect(readSearchTerms('00002')).toMatchObject({ sequence: 2, fullNumber: null });
    expect(readSearchTerms('Zhang San')).toMatchObject({ pinyinPrefix: 'zhangsan', namePrefix: null });
    expect(readSearchTerms(' ')).toBeNull();
  });
});
