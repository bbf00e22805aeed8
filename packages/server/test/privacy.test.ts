import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, asc, eq, gt, max } from 'drizzle-orm';
import { idNumberCheckCharacter } from '@fayuan/domain';
import { auditEvents, persons, staffAlerts } from '../src/db/schema/index.ts';
import { Session, startTestApp, type TestContext } from './harness.ts';
import { ORG } from './factories.ts';
import { signIn, takeIn, wageClaim, type Staff } from '../src/modules/applications/application-test-kit.ts';

/**
 * Issue 10 §2: what masking and permissions hide. A masked identity number plus the birth date
 * rebuilds the number, so no answer to a user without person.unmask may carry the date; list reads
 * are audited; the case brief's phone follows person.unmask; a duplicate in another district is
 * refused without a word about the other record.
 */
const idOf = (first17: string) => first17 + idNumberCheckCharacter(first17);
const ID_NUMBER = idOf('11010819850312001'); // 海淀, born 1985-03-12
const BIRTH_DATE = '1985-03-12';
const MEMBER_BIRTH_DATE = '2015-06-01';
const PHONE = '13812345678';

/** Every way the hidden part of the number could show up in an answer. */
function expectNothingRebuildsTheNumber(json: string) {
  expect(json).not.toContain(ID_NUMBER);
  expect(json).not.toContain(BIRTH_DATE);
  expect(json).not.toContain('19850312');
  expect(json).not.toContain(MEMBER_BIRTH_DATE);
  expect(json).not.toContain(PHONE);
}

let t: TestContext;
let window: Staff;
let reviewer: Staff;
let finance: Staff;
let director: Staff;
let chaoyangWindow: Staff;
let supervisor: Staff;
let personId: string;
let applicationId: string;

beforeAll(async () => {
  t = await startTestApp();
  window = await signIn(t, ORG.haidian, ['window_staff']);
  reviewer = await signIn(t, ORG.haidian, ['reviewer']);
  finance = await signIn(t, ORG.haidian, ['finance']);
  director = await signIn(t, ORG.haidian, ['director']);
  chaoyangWindow = await signIn(t, ORG.chaoyang, ['window_staff']);
  supervisor = await signIn(t, ORG.bureau, ['supervisor']);
  const created = await window.session.post('/api/v1/persons', {
    name: '张三',
    idNumber: ID_NUMBER,
    phone: PHONE,
    householdMembers: [{ name: '张小三', relation: '子', birthDate: MEMBER_BIRTH_DATE }],
  });
  expect(created.statusCode, created.body).toBe(201);
  expectNothingRebuildsTheNumber(created.body);
  personId = created.json().id;
  applicationId = (await takeIn(window, wageClaim(personId))).id;
});
afterAll(() => t.close());

async function auditSince(seq: number, action: string) {
  return t.deps.db
    .select()
    .from(auditEvents)
    .where(and(gt(auditEvents.seq, seq), eq(auditEvents.action, action)))
    .orderBy(asc(auditEvents.seq));
}

async function lastSeq(): Promise<number> {
  const [row] = await t.deps.db.select({ seq: max(auditEvents.seq) }).from(auditEvents);
  return row?.seq ?? 0;
}

describe('masked identity numbers stay masked', () => {
  it('gives window staff the birth year only, in every answer that carries the person', async () => {
    const answers = [
      await window.session.get(`/api/v1/persons/${personId}`),
      await window.session.get('/api/v1/persons?q=张三'),
      await window.session.get(`/api/v1/persons?q=${ID_NUMBER}`),
      await window.session.get(`/api/v1/persons?q=${PHONE}`),
      await window.session.patch(`/api/v1/persons/${personId}`, { address: '北京市海淀区中关村大街1号' }),
      await window.session.get('/api/v1/applications'),
      await window.session.get(`/api/v1/applications/${applicationId}`),
      await window.session.get(`/api/v1/cases/${applicationId}/brief`),
    ];
    for (const answer of answers) {
      expect(answer.statusCode, answer.body).toBe(200);
      expectNothingRebuildsTheNumber(answer.body);
    }
    const person = answers[0]!.json();
    expect(person).toMatchObject({
      idNumberMasked: `110108********${ID_NUMBER.slice(-4)}`,
      birthDate: null,
      birthYear: 1985,
      householdMembers: [{ name: '张小三', birthDate: null, birthYear: 2015 }],
    });
    // The search by the full number finds the person, still masked.
    expect(answers[2]!.json().items.map((p: { id: string }) => p.id)).toEqual([personId]);
  });

  it('keeps the birth dates for a reviewer, who holds person.unmask', async () => {
    const person = (await reviewer.session.get(`/api/v1/persons/${personId}`)).json();
    expect(person).toMatchObject({
      birthDate: BIRTH_DATE,
      birthYear: 1985,
      householdMembers: [{ birthDate: MEMBER_BIRTH_DATE, birthYear: 2015 }],
    });
  });

  it('sorts by birth year only for window staff, so the order cannot narrow the date down', async () => {
    // Probes born just before and just after the person, all in 1985.
    for (const birthDate of ['1985-03-09', '1985-03-10', '1985-03-14', '1985-03-15']) {
      const probe = await window.session.post('/api/v1/persons', { name: '探针', birthDate });
      expect(probe.statusCode, probe.body).toBe(201);
    }
    const order = async (staff: Staff) => {
      const answer = await staff.session.get('/api/v1/persons?sort=birthDate&pageSize=50');
      expect(answer.statusCode, answer.body).toBe(200);
      return (answer.json().items as { id: string; name: string }[]).filter(
        (p) => p.name === '探针' || p.name === '张三',
      );
    };
    // A reviewer's order is by date: the person sits between the probes.
    expect((await order(reviewer)).map((p) => p.name)).toEqual(['探针', '探针', '张三', '探针', '探针']);
    // Window staff get the year's people in id order, whatever their dates.
    const ids = (await order(window)).map((p) => p.id);
    expect(ids).toHaveLength(5);
    expect(ids).toEqual([...ids].sort());
  });

  it('keeps a household birth date that an editor without person.unmask could not see', async () => {
    const edited = await window.session.patch(`/api/v1/persons/${personId}`, {
      householdMembers: [
        { name: '张小三', relation: '子', birthDate: null },
        { name: '李梅', relation: '配偶', birthDate: null },
      ],
    });
    expect(edited.statusCode, edited.body).toBe(200);
    const [row] = await t.deps.db.select().from(persons).where(eq(persons.id, personId));
    expect(row!.householdMembers).toEqual([
      { name: '张小三', relation: '子', birthDate: MEMBER_BIRTH_DATE },
      { name: '李梅', relation: '配偶', birthDate: null },
    ]);
  });
});

describe('list and search reads are audited', () => {
  const lists = [
    { url: '/api/v1/persons?q=张', entityType: 'persons' },
    { url: '/api/v1/applications', entityType: 'applications' },
    { url: '/api/v1/consultations', entityType: 'consultations' },
  ];

  beforeAll(async () => {
    const consultation = await window.session.post('/api/v1/consultations', {
      channel: 'hotline_12348',
      personId,
      topicMatter: 'labour_remuneration',
      question: '工资被拖欠怎么办？',
    });
    expect(consultation.statusCode, consultation.body).toBe(201);
  });

  for (const { url, entityType } of lists)
    it(`writes exactly one row per ${entityType} list request, with the ids returned`, async () => {
      const before = await lastSeq();
      const answer = await window.session.get(url);
      expect(answer.statusCode, answer.body).toBe(200);
      const ids = answer.json().items.map((item: { id: string }) => item.id);
      expect(ids.length).toBeGreaterThan(0);
      const rows = await auditSince(before, `${entityType}.list`);
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ entityType, entityId: null, actorId: window.id });
      expect(rows[0]!.changes).toMatchObject({ ids: { after: ids } });
      // The search text (which may be an identity or phone number) is not kept.
      expect(JSON.stringify(rows[0])).not.toContain('张');
    });
});

describe('the case brief follows person.unmask', () => {
  it('shows finance and window staff a masked phone, and opens nothing', async () => {
    const before = await lastSeq();
    for (const staff of [finance, window]) {
      const brief = await staff.session.get(`/api/v1/cases/${applicationId}/brief`);
      expect(brief.statusCode, brief.body).toBe(200);
      expect(brief.json().client).toMatchObject({ name: '张三', phone: null, phoneMasked: '138****5678' });
      expect(brief.body).not.toContain(PHONE);
    }
    expect(await auditSince(before, 'person.unmask')).toHaveLength(0);
  });

  it('shows a director the phone in full and audits it as an unmask', async () => {
    const before = await lastSeq();
    const brief = await director.session.get(`/api/v1/cases/${applicationId}/brief`);
    expect(brief.statusCode, brief.body).toBe(200);
    expect(brief.json().client.phone).toBe(PHONE);
    const rows = await auditSince(before, 'person.unmask');
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ entityType: 'persons', entityId: personId, actorId: director.id });
    expect(JSON.stringify(rows[0])).not.toContain(PHONE);
  });
});

describe('a duplicate registered in another district', () => {
  it('is refused without a word about the other record, audited and alerted to supervisors', async () => {
    const before = await lastSeq();
    const english = new Session(t.app, 'en-US');
    english.cookie = chaoyangWindow.session.cookie;
    english.csrfToken = chaoyangWindow.session.csrfToken;
    const answer = await english.post('/api/v1/persons', { name: '张三丰', idNumber: ID_NUMBER });
    expect(answer.statusCode).toBe(409);
    const error = answer.json().error;
    expect(error.code).toBe('PERSON_DUPLICATE_ELSEWHERE');
    expect(error.message).toBe('This person cannot be registered here; a supervisor has been notified');
    expect(error.details).toBeUndefined();
    for (const secret of [personId, '张三"', '海淀', 'Haidian', ORG.haidian])
      expect(answer.body).not.toContain(secret);

    // The request changed nothing: no person was registered in 朝阳.
    const chaoyangPeople = await t.deps.db.select().from(persons).where(eq(persons.ownerOrgId, ORG.chaoyang));
    expect(chaoyangPeople).toHaveLength(0);

    const attempts = await auditSince(before, 'person.duplicate_elsewhere');
    expect(attempts).toHaveLength(1);
    expect(attempts[0]).toMatchObject({ actorId: chaoyangWindow.id, entityId: personId });

    const alerts = (await supervisor.session.get('/api/v1/alerts')).json().items;
    expect(alerts).toEqual([
      expect.objectContaining({
        kind: 'duplicate_elsewhere',
        period: null,
        application: null,
        organisation: { id: ORG.chaoyang, name: '朝阳区法律援助中心' },
        readAt: null,
      }),
    ]);
    // The person's own centre is not told either: the alert goes to the bureau only.
    const stored = await t.deps.db.select().from(staffAlerts).where(eq(staffAlerts.userId, director.id));
    expect(stored.filter((a) => a.kind === 'duplicate_elsewhere')).toHaveLength(0);
  });

  it('is refused the same way when an edit moves a person onto that number', async () => {
    const other = await chaoyangWindow.session.post('/api/v1/persons', { name: '王五' });
    expect(other.statusCode, other.body).toBe(201);
    const edit = await chaoyangWindow.session.patch(`/api/v1/persons/${other.json().id}`, {
      idNumber: ID_NUMBER,
    });
    expect(edit.statusCode).toBe(409);
    expect(edit.json().error.code).toBe('PERSON_DUPLICATE_ELSEWHERE');
    expect(edit.body).not.toContain(personId);
    const [row] = await t.deps.db.select().from(persons).where(eq(persons.id, other.json().id));
    expect(row!.idNumberHash).toBeNull();
  });

  it('still names the record to a user whose scope holds it', async () => {
    const answer = await window.session.post('/api/v1/persons', { name: '张三', idNumber: ID_NUMBER });
    expect(answer.statusCode).toBe(409);
    expect(answer.json().error).toMatchObject({ code: 'PERSON_DUPLICATE', details: { personId } });
  });
});
