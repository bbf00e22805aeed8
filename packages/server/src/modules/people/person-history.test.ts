import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { auditEvents } from '../../db/schema/index.ts';
import { startTestApp, type TestContext } from '../../../test/harness.ts';
import { ORG } from '../../../test/factories.ts';
import {
  registerApplicant,
  signIn,
  takeIn,
  wageClaim,
  type Staff,
} from '../applications/application-test-kit.ts';

let t: TestContext;
let haidianWindow: Staff;
let chaoyangWindow: Staff;
let personId: string;
let applicationId: string;
let consultationId: string;

beforeAll(async () => {
  t = await startTestApp();
  haidianWindow = await signIn(t, ORG.haidian, ['window_staff']);
  chaoyangWindow = await signIn(t, ORG.chaoyang, ['window_staff']);
  personId = await registerApplicant(haidianWindow, '历史甲');
  const asked = await haidianWindow.session.post('/api/v1/consultations', {
    channel: 'window_visit',
    personId,
    topicMatter: 'labour_remuneration',
    question: '老板拖欠三个月工资，怎么办？',
  });
  expect(asked.statusCode, asked.body).toBe(201);
  consultationId = asked.json().id;
  applicationId = (await takeIn(haidianWindow, wageClaim(personId))).id;
});
afterAll(() => t.close());

describe('GET /persons/{id}/history', () => {
  it("lists the person's consultations and applications with their state, and audits the read", async () => {
    const response = await haidianWindow.session.get(`/api/v1/persons/${personId}/history`);
    expect(response.statusCode, response.body).toBe(200);
    const history = response.json();
    expect(history.consultations).toEqual([
      expect.objectContaining({
        id: consultationId,
        channel: 'window_visit',
        topicMatter: 'labour_remuneration',
      }),
    ]);
    expect(history.applications).toEqual([
      expect.objectContaining({ id: applicationId, matter: 'labour_remuneration', state: 'received' }),
    ]);
    expect(history.applications[0].number).toMatch(/第\d+号/);
    expect(history.truncated).toBe(false);
    const audits = await t.deps.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, personId), eq(auditEvents.action, 'persons.history')));
    expect(audits).toHaveLength(1);
    expect(audits[0]!.changes).toMatchObject({ applications: { after: [applicationId] } });
  });

  it('is not answered out of scope', async () => {
    const response = await chaoyangWindow.session.get(`/api/v1/persons/${personId}/history`);
    expect(response.statusCode).toBe(404);
  });

  it('is for those who may read persons', async () => {
    const rule = await signIn(t, ORG.haidian, ['rule_admin']);
    expect((await rule.session.get(`/api/v1/persons/${personId}/history`)).statusCode).toBe(403);
  });
});
