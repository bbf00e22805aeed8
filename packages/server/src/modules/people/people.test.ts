import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { idNumberCheckCharacter, type Role } from '@fayuan/domain';
import { auditEvents, persons } from '../../db/schema/index.ts';
import { Session, startTestApp, type TestContext } from '../../../test/harness.ts';
import { buildUser, ORG, PASSWORD } from '../../../test/factories.ts';

/** A valid resident identity number from its first 17 digits. */
const idOf = (first17: string) => first17 + idNumberCheckCharacter(first17);
const ZHANG_SAN_ID = idOf('11010819850312001'); // 海淀, 1985-03-12, male
const LI_SI_ID = idOf('11010519900704002'); // 朝阳, 1990-07-04, female

let t: TestContext;
let haidianStaff: Session;
let haidianReviewer: Session;
let chaoyangStaff: Session;
let handler: Session;

async function signIn(organisationId: string, roles: Role[]) {
  const user = await buildUser(t.deps, { organisationId, roles });
  const session = new Session(t.app, 'en-US');
  await session.login(user.username, PASSWORD);
  return session;
}

async function register(
  session: Session,
  body: Record<string, unknown>,
  headers: Record<string, string> = {},
) {
  return session.post('/api/v1/persons', body, headers);
}

async function auditRows(entityId: string, action: string) {
  return t.deps.db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.entityId, entityId), eq(auditEvents.action, action)));
}

let zhangSanId: string;

beforeAll(async () => {
  t = await startTestApp();
  haidianStaff = await signIn(ORG.haidian, ['window_staff']);
  haidianReviewer = await signIn(ORG.haidian, ['reviewer']);
  chaoyangStaff = await signIn(ORG.chaoyang, ['window_staff']);
  handler = await signIn(ORG.haidian, ['handler']);
  const response = await register(haidianStaff, {
    name: '张三',
    idNumber: ZHANG_SAN_ID.toLowerCase(),
    phone: '138 0013 8000',
    address: '北京市海淀区中关村大街1号',
    categories: ['migrant_worker'],
    householdMembers: [{ name: '张小三', relation: '子', birthDate: '2015-06-01' }],
    representative: { name: '张大山', role: 'close_relative', relation: '父亲', phone: '13900001111' },
  });
  expect(response.statusCode).toBe(201);
  zhangSanId = response.json().id;
});
afterAll(() => t.close());

describe('registering a person', () => {
  it('derives birth date and sex from the identity number and shows numbers masked', async () => {
    const person = (await haidianStaff.get(`/api/v1/persons/${zhangSanId}`)).json();
    expect(person).toMatchObject({
      name: '张三',
      namePinyin: 'zhangsan',
      ownerOrgId: ORG.haidian,
      documentType: 'resident_id',
      idNumberMasked: `110108********${ZHANG_SAN_ID.slice(-4)}`,
      // Window staff lack person.unmask: the date would fill in the masked digits.
      birthDate: null,
      birthYear: 1985,
      sex: 'male',
      phoneMasked: '138****8000',
      categories: ['migrant_worker'],
      representative: {
        name: '张大山',
        role: 'close_relative',
        relation: '父亲',
        phoneMasked: '139****1111',
      },
    });
    const reviewed = (await haidianReviewer.get(`/api/v1/persons/${zhangSanId}`)).json();
    expect(reviewed).toMatchObject({ birthDate: '1985-03-12', birthYear: 1985 });
  });

  it('keeps identity and phone numbers encrypted at rest, findable by keyed hash', async () => {
    const [row] = await t.deps.db.select().from(persons).where(eq(persons.id, zhangSanId));
    const raw =
      JSON.stringify(row) + row!.idNumberSealed!.toString('latin1') + row!.phoneSealed!.toString('latin1');
    expect(raw).not.toContain(ZHANG_SAN_ID);
    expect(raw).not.toContain('13800138000');
    expect(row!.idNumberHash!.equals(t.deps.cipher.lookupHash(ZHANG_SAN_ID))).toBe(true);
    expect(row!.phoneHash!.equals(t.deps.cipher.lookupHash('13800138000'))).toBe(true);
    const [created] = await auditRows(zhangSanId, 'person.create');
    expect(created!.changes).toMatchObject({
      name: { after: '张三' },
      idNumber: { after: '***' },
      phone: { after: '***' },
      address: { after: '***' },
    });
  });

  it('refuses an identity number with a wrong check character, naming the problem', async () => {
    const wrong = ZHANG_SAN_ID.slice(0, 17) + (ZHANG_SAN_ID[17] === '0' ? '1' : '0');
    const response = await register(haidianStaff, { name: '王五', idNumber: wrong });
    expect(response.statusCode).toBe(400);
    expect(response.json().error).toMatchObject({
      code: 'ID_NUMBER_INVALID',
      details: { field: 'idNumber', problem: 'ID_CHECKSUM' },
    });
    const short = await register(haidianStaff, { name: '王五', idNumber: '110108198503' });
    expect(short.json().error.details.problem).toBe('ID_LENGTH');
  });

  it('refuses a bad phone number and a birth date that contradicts the identity number', async () => {
    const phone = await register(haidianStaff, { name: '王五', phone: '12345' });
    expect(phone.json().error).toMatchObject({ code: 'PHONE_INVALID', details: { field: 'phone' } });
    const mismatch = await register(haidianStaff, {
      name: '王五',
      idNumber: idOf('11010819700101003'),
      birthDate: '1970-01-02',
    });
    expect(mismatch.statusCode).toBe(400);
    expect(mismatch.json().error.code).toBe('ID_NUMBER_MISMATCH');
  });

  it('records a passport as given, without a checksum', async () => {
    const response = await register(haidianStaff, {
      name: 'John Smith',
      documentType: 'passport',
      idNumber: 'E12345678',
      birthDate: '1979-05-05',
      sex: 'male',
    });
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({ idNumberMasked: 'E1*****78', namePinyin: 'johnsmith' });
  });
});

describe('duplicates', () => {
  it('answers 409 with the existing person when the same identity number is registered in scope', async () => {
    const response = await register(haidianReviewer, { name: '张叁', idNumber: ZHANG_SAN_ID });
    expect(response.statusCode).toBe(409);
    expect(response.json().error).toMatchObject({
      code: 'PERSON_DUPLICATE',
      details: { personId: zhangSanId },
    });
  });

  it('answers a 409 of its own without naming the person to another district', async () => {
    const response = await register(chaoyangStaff, { name: '张三', idNumber: ZHANG_SAN_ID });
    expect(response.statusCode).toBe(409);
    expect(response.json().error.code).toBe('PERSON_DUPLICATE_ELSEWHERE');
    expect(response.json().error.details).toBeUndefined();
  });

  it('warns, without blocking, of the same name and birth date or the same phone', async () => {
    const sameNameBirth = await register(haidianStaff, { name: '张三', birthDate: '1985-03-12' });
    expect(sameNameBirth.statusCode).toBe(201);
    expect(sameNameBirth.json().warnings).toEqual([
      { code: 'PERSON_SAME_NAME_BIRTH_DATE', personId: zhangSanId },
    ]);
    const samePhone = await register(haidianStaff, { name: '赵六', phone: '+86 13800138000' });
    expect(samePhone.json().warnings).toEqual([{ code: 'PERSON_SAME_PHONE', personId: zhangSanId }]);
    const other = await register(haidianStaff, { name: '赵七', phone: '13600000000' });
    expect(other.json().warnings).toEqual([]);
  });

  it('does not warn across districts', async () => {
    const response = await register(chaoyangStaff, {
      name: '张三',
      birthDate: '1985-03-12',
      phone: '13800138000',
    });
    expect(response.json().warnings).toEqual([]);
  });
});

describe('search', () => {
  const names = async (session: Session, query: string) =>
    ((await session.get(`/api/v1/persons?${query}`)).json().items as { name: string }[]).map((p) => p.name);

  it('finds by pinyin initials, full pinyin and a name substring', async () => {
    expect(await names(haidianStaff, 'q=zs')).toContain('张三');
    expect(await names(haidianStaff, 'q=zhangsan')).toContain('张三');
    expect(await names(haidianStaff, 'q=Zhang%20San')).toContain('张三');
    expect(await names(haidianStaff, `q=${encodeURIComponent('张')}`)).toContain('张三');
    expect(await names(haidianStaff, 'q=ls')).not.toContain('张三');
  });

  it('finds exactly by identity number or phone through the lookup hash', async () => {
    const byId = (await haidianStaff.get(`/api/v1/persons?q=${ZHANG_SAN_ID.toLowerCase()}`)).json();
    expect(byId.items.map((p: { id: string }) => p.id)).toEqual([zhangSanId]);
    const byPhone = await names(haidianStaff, `q=${encodeURIComponent('138-0013-8000')}`);
    expect(byPhone).toContain('张三');
    expect(byPhone).toContain('赵六');
  });

  it('filters by category and pages', async () => {
    const response = (await haidianStaff.get('/api/v1/persons?category=migrant_worker&pageSize=1')).json();
    expect(response).toMatchObject({ page: 1, pageSize: 1, total: 1 });
    expect(response.items[0].id).toBe(zhangSanId);
  });
});

describe('reading, editing and unmasking', () => {
  it('audits every read of a person', async () => {
    const before = (await auditRows(zhangSanId, 'persons.read')).length;
    await haidianStaff.get(`/api/v1/persons/${zhangSanId}`);
    expect(await auditRows(zhangSanId, 'persons.read')).toHaveLength(before + 1);
  });

  it('edits, masking personal fields in the audit log', async () => {
    const created = (await register(haidianStaff, { name: '李四', idNumber: LI_SI_ID })).json();
    const response = await haidianStaff.patch(`/api/v1/persons/${created.id}`, {
      name: '李思',
      phone: '010-6512 3456',
      categories: ['elderly'],
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ name: '李思', namePinyin: 'lisi', phoneMasked: '010*****3456' });
    const [update] = await auditRows(created.id, 'person.update');
    expect(update!.changes).toEqual({
      name: { before: '李四', after: '李思' },
      phone: { before: null, after: '***' },
      categories: { before: [], after: ['elderly'] },
    });
    const duplicate = await haidianStaff.patch(`/api/v1/persons/${created.id}`, { idNumber: ZHANG_SAN_ID });
    expect(duplicate.json().error).toMatchObject({
      code: 'PERSON_DUPLICATE',
      details: { personId: zhangSanId },
    });
  });

  it('unmasks for a reviewer and records it', async () => {
    const response = await haidianReviewer.post(`/api/v1/persons/${zhangSanId}/unmask`);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      idNumber: ZHANG_SAN_ID,
      phone: '13800138000',
      representativePhone: '13900001111',
    });
    expect(await auditRows(zhangSanId, 'person.unmask')).toHaveLength(1);
  });

  it('refuses unmasking to window staff, and everything to a role without person access', async () => {
    const unmask = await haidianStaff.post(`/api/v1/persons/${zhangSanId}/unmask`);
    expect(unmask.statusCode).toBe(403);
    expect(unmask.json().error.code).toBe('FORBIDDEN');
    expect((await handler.get('/api/v1/persons')).statusCode).toBe(403);
    expect(await auditRows(zhangSanId, 'person.unmask')).toHaveLength(1);
  });
});

describe('data scope', () => {
  it('hides a 海淀 person from 朝阳: 404 on read, edit and unmask, absent from lists', async () => {
    expect((await chaoyangStaff.get(`/api/v1/persons/${zhangSanId}`)).statusCode).toBe(404);
    expect((await chaoyangStaff.patch(`/api/v1/persons/${zhangSanId}`, { name: '改名' })).statusCode).toBe(
      404,
    );
    const chaoyangDirector = await signIn(ORG.chaoyang, ['director']);
    expect((await chaoyangDirector.post(`/api/v1/persons/${zhangSanId}/unmask`)).statusCode).toBe(404);
    const list = (await chaoyangStaff.get(`/api/v1/persons?q=${ZHANG_SAN_ID}`)).json();
    expect(list.total).toBe(0);
  });

  it('refuses to register a person for an organisation outside scope', async () => {
    const response = await register(chaoyangStaff, { name: '孙八', ownerOrgId: ORG.haidian });
    expect(response.statusCode).toBe(404);
  });
});

describe('idempotent registration', () => {
  it('replays the first answer for the same key and creates nothing more', async () => {
    const body = { name: '周九', idNumber: idOf('11010819660606005') };
    const first = await register(haidianStaff, body, { 'idempotency-key': 'person-zhou-9' });
    const second = await register(haidianStaff, body, { 'idempotency-key': 'person-zhou-9' });
    expect(first.statusCode).toBe(201);
    expect(second.statusCode).toBe(201);
    expect(second.headers['idempotency-replayed']).toBe('true');
    expect(second.json().id).toBe(first.json().id);
    const rows = await t.deps.db.select().from(persons).where(eq(persons.name, '周九'));
    expect(rows).toHaveLength(1);
  });
});
