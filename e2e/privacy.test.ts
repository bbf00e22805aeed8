import { describe, expect, it } from 'vitest';
import { idNumberCheckCharacter } from '@fayuan/domain';
import { buildUser, ORG } from '../packages/server/test/factories.ts';
import { POLL, signedIn } from './support/pages.ts';
import { signedInApi } from './support/people.ts';
import { browserSuite } from './support/suite.ts';

/**
 * What masking hides, in the browser: window staff (no person.unmask) see a person's birth year and
 * a masked phone, never the birth date that would rebuild the masked identity number; a
 * registration refused because another district holds the number reaches the bureau's supervisor
 * as an alert naming the centre that tried, and no person.
 */
const suite = browserSuite();

const first17 = '11010819850312003';
const ID_NUMBER = first17 + idNumberCheckCharacter(first17);

describe('personal data masking', () => {
  it('shows window staff the birth year only and a masked phone; the supervisor sees the duplicate alert', async () => {
    const deps = suite.server.context.deps;
    const window = await buildUser(deps, { organisationId: ORG.haidian, roles: ['window_staff'] });
    const chaoyang = await buildUser(deps, { organisationId: ORG.chaoyang, roles: ['window_staff'] });
    const supervisor = await buildUser(deps, { organisationId: ORG.bureau, roles: ['supervisor'] });

    const api = await signedInApi(suite.server.context.app, window.username);
    const created = await api.post('/api/v1/persons', {
      name: '孙丽',
      idNumber: ID_NUMBER,
      phone: '13812345678',
      householdMembers: [{ name: '孙小丽', relation: '女', birthDate: '2016-09-20' }],
    });
    expect(created.statusCode, created.body).toBe(201);
    const personId = created.json().id;

    const page = await signedIn(suite.browser, suite.server.baseUrl, window.username, '当事人管理');
    await page.goto(`${suite.server.baseUrl}/persons?person=${personId}`);
    const drawer = page.getByRole('dialog');
    await expect.poll(() => drawer.innerText(), POLL).toContain('1985年');
    const shown = await page.locator('body').innerText();
    expect(shown).toContain('2016年');
    expect(shown).toContain('138****5678');
    expect(shown).not.toContain('1985-03-12');
    expect(shown).not.toContain('2016-09-20');
    expect(shown).not.toContain('13812345678');
    await page.screenshot({ path: '/tmp/fayuan-e2e-privacy-person.png' });

    // Another district tries to register the same number: refused without naming anyone.
    const elsewhere = await signedInApi(suite.server.context.app, chaoyang.username);
    const refused = await elsewhere.post('/api/v1/persons', { name: '孙丽', idNumber: ID_NUMBER });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('PERSON_DUPLICATE_ELSEWHERE');

    const bureau = await signedIn(suite.browser, suite.server.baseUrl, supervisor.username, '审查工作台');
    const alerts = bureau.locator('.ant-card', { hasText: '期限提醒' });
    await expect.poll(() => alerts.innerText(), POLL).toContain('跨区重复登记');
    const text = await alerts.innerText();
    expect(text).toContain('朝阳区法律援助中心');
    expect(text).not.toContain('孙丽');
    expect(text).not.toContain('海淀');
    await bureau.screenshot({ path: '/tmp/fayuan-e2e-privacy-alert.png' });
  });
});
