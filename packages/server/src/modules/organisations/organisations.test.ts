import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Session, startTestApp, type TestContext } from '../../../test/harness.ts';
import { buildUser, ORG, PASSWORD } from '../../../test/factories.ts';

let t: TestContext;
let admin: Session;

beforeAll(async () => {
  t = await startTestApp();
  const user = await buildUser(t.deps, { roles: ['system_admin'], organisationId: ORG.city });
  admin = new Session(t.app);
  await admin.login(user.username, PASSWORD);
});
afterAll(() => t.close());

describe('organisations', () => {
  it('ships the Beijing tree: the city centre and its 16 district centres with their region codes', async () => {
    const districts = (
      await admin.get('/api/v1/organisations?kind=district_centre&pageSize=100&sort=code')
    ).json();
    expect(districts.total).toBe(16);
    expect(districts.items.map((o: { regionCode: string }) => o.regionCode)).toEqual([
      '110101',
      '110102',
      '110105',
      '110106',
      '110107',
      '110108',
      '110109',
      '110111',
      '110112',
      '110113',
      '110114',
      '110115',
      '110116',
      '110117',
      '110118',
      '110119',
    ]);
    expect(districts.items.every((o: { parentId: string }) => o.parentId === ORG.city)).toBe(true);
    const kinds = (await admin.get('/api/v1/organisation-kinds')).json().map((k: { code: string }) => k.code);
    expect(kinds).toEqual(
      expect.arrayContaining([
        'street_workstation',
        'detention_centre_station',
        'court_station',
        'procuratorate_station',
        'police_case_centre_station',
        'school_station',
        'nursing_home_station',
        'military_camp_station',
        'community_contact_point',
      ]),
    );
  });

  it('adds a workstation under a district, inheriting the region code', async () => {
    const response = await admin.post('/api/v1/organisations', {
      parentId: ORG.chaoyang,
      code: '110105-JD02',
      name: '呼家楼街道法律援助工作站',
      kind: 'street_workstation',
      phone: '010-12348',
    });
    expect(response.statusCode).toBe(201);
    const created = response.json();
    expect(created).toMatchObject({ regionCode: '110105', depth: 2, active: true, phone: '010-12348' });
    expect(created.path).toBe(`/${ORG.city}/${ORG.chaoyang}/${created.id}/`);
  });

  it('refuses an unknown kind', async () => {
    const response = await admin.post('/api/v1/organisations', {
      parentId: ORG.chaoyang,
      code: 'Q1',
      name: '某机构',
      kind: 'castle',
    });
    expect(response.json().error.code).toBe('ORGANISATION_KIND_UNKNOWN');
  });

  it('lets administrators add organisation kinds', async () => {
    const created = await admin.post('/api/v1/organisation-kinds', {
      code: 'hospital_station',
      nameZh: '医院法律援助工作站',
      nameEn: 'Hospital workstation',
    });
    expect(created.statusCode).toBe(201);
    const org = await admin.post('/api/v1/organisations', {
      parentId: ORG.haidian,
      code: '110108-YY01',
      name: '某医院工作站',
      kind: 'hospital_station',
    });
    expect(org.statusCode).toBe(201);
    const dup = await admin.post('/api/v1/organisation-kinds', {
      code: 'hospital_station',
      nameZh: '重复',
      nameEn: 'Dup',
    });
    expect(dup.json().error.code).toBe('ORGANISATION_KIND_TAKEN');
  });

  it('deactivates a leaf but not an organisation with active children', async () => {
    const parent = await admin.patch(`/api/v1/organisations/${ORG.chaoyang}`, { active: false });
    expect(parent.json().error.code).toBe('ORGANISATION_HAS_ACTIVE_CHILDREN');
    const leaf = await admin.patch(`/api/v1/organisations/${ORG.chaoyangStreet.replace('8001', '8009')}`, {
      active: false,
    });
    expect(leaf.json().active).toBe(false);
    const renamed = await admin.patch(`/api/v1/organisations/${ORG.chaoyangStreet}`, {
      name: '朝外街道工作站（新址）',
    });
    expect(renamed.json().name).toBe('朝外街道工作站（新址）');
  });

  it('moves an organisation with its subtree, never under its own descendant', async () => {
    const street = `${ORG.haidianStreet}`;
    const contactPoint = ORG.haidianStreet.replace('8001', '8009');
    const moved = await admin.patch(`/api/v1/organisations/${street}`, { parentId: ORG.dongcheng });
    expect(moved.statusCode).toBe(200);
    expect(moved.json()).toMatchObject({
      parentId: ORG.dongcheng,
      path: `/${ORG.city}/${ORG.dongcheng}/${street}/`,
    });
    const tree = (await admin.get('/api/v1/organisations/tree')).json() as { id: string; parentId: string }[];
    expect(tree.find((o) => o.id === street)?.parentId).toBe(ORG.dongcheng);
    const child = (await admin.get(`/api/v1/organisations/${contactPoint}`)).json();
    expect(child.path).toBe(`/${ORG.city}/${ORG.dongcheng}/${street}/${contactPoint}/`);
    const loop = await admin.patch(`/api/v1/organisations/${street}`, { parentId: contactPoint });
    expect(loop.json().error.code).toBe('ORGANISATION_MOVE_INVALID');
    const root = await admin.patch(`/api/v1/organisations/${ORG.city}`, { parentId: ORG.dongcheng });
    expect(root.json().error.code).toBe('ORGANISATION_MOVE_INVALID');
  });

  it('renames and deactivates a kind; an inactive kind takes no new organisations', async () => {
    const updated = await admin.patch('/api/v1/organisation-kinds/school_station', {
      nameZh: '校园法律援助工作站',
      active: false,
    });
    expect(updated.json()).toMatchObject({ nameZh: '校园法律援助工作站', active: false });
    const refused = await admin.post('/api/v1/organisations', {
      parentId: ORG.haidian,
      code: '110108-XX09',
      name: '某小学工作站',
      kind: 'school_station',
    });
    expect(refused.json().error.code).toBe('ORGANISATION_KIND_UNKNOWN');
  });
});
