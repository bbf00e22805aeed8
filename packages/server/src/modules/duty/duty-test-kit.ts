import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { DutyHours, PartnerKind } from '@fayuan/domain';
import { dutyStations, organisations, partners, users } from '../../db/schema/index.ts';
import type { Actor } from '../../platform/context.ts';
import type { PartnerActor } from '../partners/partner-actor.ts';
import type { TestContext } from '../../../test/harness.ts';

/** Test helpers for the duty area (not a test file itself). */

/** Mon–Fri mornings and afternoons: ten slots a week. */
export const WEEKDAY_HOURS: DutyHours[] = [1, 2, 3, 4, 5].flatMap((weekday) => [
  { weekday, shift: 'am' as const, start: '09:00', end: '12:00' },
  { weekday, shift: 'pm' as const, start: '13:30', end: '17:30' },
]);

let serial = 0;

/** A duty-lawyer station under a centre, with hours and a host institution, straight into the tables. */
export async function buildStation(
  t: TestContext,
  centreId: string,
  options: { name?: string; kind?: string; host?: string | null; hours?: DutyHours[] } = {},
) {
  serial += 1;
  const [centre] = await t.deps.db.select().from(organisations).where(eq(organisations.id, centreId));
  if (!centre) throw new Error('no centre');
  const id = randomUUID();
  const name = options.name ?? `测试法院法律援助工作站${serial}`;
  await t.deps.db.insert(organisations).values({
    id,
    parentId: centreId,
    code: `ST${serial}-${id.slice(0, 6)}`,
    name,
    kind: options.kind ?? 'court_station',
    regionCode: centre.regionCode,
    address: '北京市海淀区某路 1 号',
    path: `${centre.path}${id}/`,
  });
  await t.deps.db.insert(dutyStations).values({
    organisationId: id,
    hostInstitution: options.host === undefined ? '北京市海淀区人民法院' : options.host,
    hours: options.hours ?? WEEKDAY_HOURS,
  });
  return { id, name, code: `ST${serial}-${id.slice(0, 6)}` };
}

/** A partner's service account and row (role partner_client, no password), as PartnerActor. */
export async function buildPartnerActor(
  t: TestContext,
  organisationId: string,
  kind: PartnerKind = 'procuratorate',
  name = `北京市海淀区人民检察院${++serial}`,
): Promise<PartnerActor> {
  const [org] = await t.deps.db.select().from(organisations).where(eq(organisations.id, organisationId));
  if (!org) throw new Error('no organisation');
  const userId = randomUUID();
  await t.deps.db.insert(users).values({
    id: userId,
    username: `partner-${userId.slice(0, 8)}`,
    displayName: name,
    organisationId,
    roles: ['partner_client'],
    passwordHash: '!',
    mustChangePassword: false,
    status: 'active',
  });
  const partnerId = randomUUID();
  await t.deps.db.insert(partners).values({
    id: partnerId,
    kind,
    name,
    organisationId,
    userId,
    operations: ['duty_lawyer_requests'],
  });
  const actor = {
    userId,
    username: `partner-${userId.slice(0, 8)}`,
    roles: ['partner_client'],
    organisationId,
    displayName: name,
    organisation: { id: org.id, code: org.code, name: org.name, kind: org.kind, path: org.path },
    permissions: [],
    organisationPath: org.path,
    scope: { kind: 'subtree', path: org.path },
    mustChangePassword: false,
    sessionTokenHash: '',
    csrfToken: '',
    locale: 'zh-CN',
  } as unknown as Actor;
  return {
    partnerId,
    keyId: 'test-key',
    kind,
    name,
    organisationId,
    operations: ['duty_lawyer_requests'],
    actor,
  };
}
