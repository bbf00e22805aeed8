import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { auditEvents, consultations, documentSequences } from '../../db/schema/index.ts';
import { startTestApp, type TestContext } from '../../../test/harness.ts';
import { ORG } from '../../../test/factories.ts';
import { signIn, wageClaim, type Staff } from '../applications/application-test-kit.ts';

/** A hotline call converted into an application: the caller becomes the applicant, both linked by number. */

let t: TestContext;
let staff: Staff;

beforeAll(async () => {
  t = await startTestApp();
  staff = await signIn(t, ORG.haidian, ['window_staff']);
});
afterAll(() => t.close());

const call = async (body: Record<string, unknown>) => {
  const response = await staff.session.post('/api/v1/consultations', {
    channel: 'hotline_12348',
    topicMatter: 'labour_remuneration',
    question: '老板拖欠三个月工资，怎么办？',
    outcome: 'converted',
    ...body,
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json() as { id: string; number: string };
};

describe('converting a hotline consultation', () => {
  it('numbers the consultation, registers the caller with name and phone, and links both numbers', async () => {
    const c = await call({ callerName: '李来电', callerPhone: '13800001234' });
    expect(c.number).toMatch(/咨〔\d{4}〕第\d{5}号$/);

    const first = await staff.session.post(`/api/v1/consultations/${c.id}/caller-person`, {});
    expect(first.statusCode, first.body).toBe(200);
    const { personId, created } = first.json();
    expect(created).toBe(true);
    const person = (await staff.session.get(`/api/v1/persons/${personId}`)).json();
    expect(person.name).toBe('李来电');
    expect(person.phoneMasked ?? person.phone).toMatch(/1234$/);
    const linked = await t.deps.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, c.id), eq(auditEvents.action, 'consultation.update')));
    expect(linked).toHaveLength(1);

    // Again: the same person, not a second one.
    const again = (await staff.session.post(`/api/v1/consultations/${c.id}/caller-person`, {})).json();
    expect(again).toEqual({ personId, created: false });

    const application = await staff.session.post(
      '/api/v1/applications',
      wageClaim(personId, { channel: 'phone', consultationId: c.id }),
    );
    expect(application.statusCode, application.body).toBe(201);
    const detail = application.json();
    expect(detail).toMatchObject({ channel: 'phone', consultationNumber: c.number });
    const consultation = (await staff.session.get(`/api/v1/consultations/${c.id}`)).json();
    expect(consultation).toMatchObject({ applicationId: detail.id, applicationNumber: detail.number });
  });

  it('finds the caller already registered by name and phone', async () => {
    const c1 = await call({ callerName: '王再来', callerPhone: '13800005678' });
    const first = (await staff.session.post(`/api/v1/consultations/${c1.id}/caller-person`, {})).json();
    const c2 = await call({ callerName: '王再来', callerPhone: '13800005678' });
    expect(c2.number).not.toBe(c1.number);
    const second = (await staff.session.post(`/api/v1/consultations/${c2.id}/caller-person`, {})).json();
    expect(second).toEqual({ personId: first.personId, created: false });
  });

  it('asks for the applicant when the caller left no name', async () => {
    const c = await call({});
    const response = await staff.session.post(`/api/v1/consultations/${c.id}/caller-person`, {});
    expect(response.statusCode).toBe(409);
    expect(response.json().error.code).toBe('CONSULTATION_CALLER_UNNAMED');
  });
});

describe('consultations recorded before numbering', () => {
  it('get their numbers from the migration, and the sequence continues after them', async () => {
    const migration = readFileSync(
      fileURLToPath(new URL('../../db/migrations/0023_consultation_number.sql', import.meta.url)),
      'utf8',
    );
    const backfill = migration
      .split('--> statement-breakpoint')
      .filter((s) => s.includes('UPDATE "consultations"') || s.includes('INSERT INTO "document_sequences"'));
    expect(backfill).toHaveLength(2);
    const early = await call({ callerName: '旧来电', startedAt: '2021-03-01T02:00:00.000Z' });
    const later = await call({ callerName: '旧来电', startedAt: '2021-03-02T02:00:00.000Z' });
    await t.deps.db
      .update(consultations)
      .set({ number: null })
      .where(inArray(consultations.id, [early.id, later.id]));
    await t.deps.db
      .delete(documentSequences)
      .where(and(eq(documentSequences.documentKind, 'consultation'), eq(documentSequences.year, 2021)));
    for (const statement of backfill) await t.deps.db.execute(sql.raw(statement));
    const numbers = async (id: string) =>
      (
        await t.deps.db
          .select({ n: consultations.number })
          .from(consultations)
          .where(eq(consultations.id, id))
      )[0]?.n;
    expect(await numbers(early.id)).toMatch(/咨〔2021〕第00001号$/);
    expect(await numbers(later.id)).toMatch(/咨〔2021〕第00002号$/);
    const next = await call({ callerName: '旧来电', startedAt: '2021-03-03T02:00:00.000Z' });
    expect(next.number).toMatch(/咨〔2021〕第00003号$/);
  });
});
