import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count, eq } from 'drizzle-orm';
import { startTestApp, type TestContext } from '../../../test/harness.ts';
import { ORG } from '../../../test/factories.ts';
import { applicationEvents, applications, caseClocks, persons } from '../../db/schema/index.ts';
import { AppError } from '../../platform/errors.ts';
import { withFileCleanup } from '../../platform/storage/file-store.ts';
import type { PartnerActor } from '../partners/partner-actor.ts';
import { forwardedApplicationBody, type ForwardedApplicationInput } from './criminal.schemas.ts';
import { makePartner, originFor } from './partner-test-kit.ts';
import { forwardedView, receiveForwardedApplication } from './receive-forwarded-application.ts';

let t: TestContext;
let custody: PartnerActor;
let other: PartnerActor;

beforeAll(async () => {
  t = await startTestApp();
  custody = await makePartner(t, {
    kind: 'detention_centre',
    name: '北京市海淀区看守所',
    organisationId: ORG.haidian,
  });
  other = await makePartner(t, {
    kind: 'police',
    name: '北京市公安局朝阳分局',
    organisationId: ORG.chaoyang,
  });
});
afterAll(() => t.close());

const HOUR = 3_600_000;

const forwarded = (requestedAgoMs: number): ForwardedApplicationInput =>
  forwardedApplicationBody.parse({
    applicant: { name: '赵某' },
    detained: true,
    detentionPlace: '北京市海淀区看守所',
    requestedAt: new Date(t.clock.now().getTime() - requestedAgoMs).toISOString(),
    institutionCaseNumber: '海看转〔2026〕12号',
  });

const send = (partner: PartnerActor, input: ForwardedApplicationInput) =>
  withFileCleanup(t.deps.files, (files) =>
    t.deps.db.transaction((tx) =>
      receiveForwardedApplication({ ...t.deps, files }, tx, partner, input, originFor(partner)),
    ),
  );

describe('an application forwarded by custody (LAL art.39)', () => {
  it('is received by the centre with the review clock, the custody clock stopped and the partner kept', async () => {
    const id = await send(custody, forwarded(2 * HOUR));
    const [row] = await t.deps.db.select().from(applications).where(eq(applications.id, id));
    expect(row).toMatchObject({
      state: 'received',
      channel: 'forwarded',
      forwardedBy: custody.name,
      forwardedLate: false,
      partnerId: custody.partnerId,
      ownerOrgId: ORG.haidian,
      matter: 'criminal_defense',
      caseType: 'criminal',
    });
    const clocks = await t.deps.db.select().from(caseClocks).where(eq(caseClocks.applicationId, id));
    expect(clocks.map((c) => [c.period, c.status]).sort()).toEqual([
      ['custody_transfer', 'stopped'],
      ['review_decision', 'running'],
    ]);
    const events = await t.deps.db
      .select({ event: applicationEvents.event })
      .from(applicationEvents)
      .where(eq(applicationEvents.applicationId, id));
    expect(events.map((e) => e.event)).toEqual([
      'record_custody_application',
      'receive_transferred_application',
    ]);
    const view = await t.deps.db.transaction((tx) => forwardedView(tx, custody, id));
    expect(view).toMatchObject({ id, status: 'received', forwardedLate: false, decision: null });
  });

  it('is late only past 24 hours between the request and the receipt', async () => {
    const onTime = await send(custody, forwarded(24 * HOUR));
    const late = await send(custody, forwarded(24 * HOUR + 1000));
    const lateness = async (id: string) =>
      (await t.deps.db.select().from(applications).where(eq(applications.id, id)))[0]!.forwardedLate;
    expect(await lateness(onTime)).toBe(false);
    expect(await lateness(late)).toBe(true);
    const [row] = await t.deps.db.select().from(applications).where(eq(applications.id, late));
    expect(row!.flags.length).toBeGreaterThan(0);
  });

  it('refuses a request time in the future, creating nothing', async () => {
    const [before] = await t.deps.db.select({ n: count() }).from(persons);
    const error = await send(custody, forwarded(-HOUR)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('FORWARDED_REQUESTED_IN_FUTURE');
    expect((error as AppError).details).toEqual({ field: 'requestedAt' });
    const [after] = await t.deps.db.select({ n: count() }).from(persons);
    expect(after).toEqual(before);
  });

  it('another partner cannot read it', async () => {
    const id = await send(custody, forwarded(HOUR));
    const error = await t.deps.db.transaction((tx) => forwardedView(tx, other, id)).catch((e: unknown) => e);
    expect((error as AppError).code).toBe('NOT_FOUND');
  });
});
