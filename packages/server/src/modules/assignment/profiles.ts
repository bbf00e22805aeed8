import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import {
  beijingDateOf,
  completedYears,
  HANDLER_TEAMS,
  qualificationRulesInForce,
  type CaseNeeds,
  type HandlerProfile,
  type HandlerTeam,
  type LocalDate,
  type QualificationRule,
} from '@fayuan/domain';
import type { Queryable } from '../../db/client.ts';
import {
  criminalNotices,
  handlerConflicts,
  handlers,
  persons,
  teamMembers,
  teams,
  type ApplicationRow,
} from '../../db/schema/index.ts';
import { ownerInScope, type DataScope } from '../../platform/scope/data-scope.ts';
import { jurisdictionOf } from '../applications/application-rules.ts';
import { jurisdictionChain, loadListItems } from '../rules/rules.repository.ts';
import { handlerLoads } from '../handlers/handlers.repository.ts';
import { handlerQualitySummaries } from '../quality/handler-quality.ts';

/** States in which an assignment still occupies its handler. */

export type HandlerRow = typeof handlers.$inferSelect;

/**
 * The pool a centre assigns from, as the engine's profiles: handlers managed in the actor's scope,
 * and those who serve the case's districts (cross-district cases). Years are whole years to today
 * (Beijing); teams are current memberships; conflicts come from the register, the firm's too;
 * load and rotation from the assignments that still occupy each handler.
 */
export async function handlerProfiles(
  db: Queryable,
  scope: DataScope,
  districts: readonly string[],
  today: LocalDate,
): Promise<{ profiles: HandlerProfile[]; rows: Map<string, HandlerRow> }> {
  const serving =
    districts.length > 0
      ? sql`${handlers.districtsServed} && ARRAY[${sql.join(
          districts.map((d) => sql`${d}`),
          sql`, `,
        )}]::uuid[]`
      : sql`false`;
  const rows = await db
    .select()
    .from(handlers)
    .where(sql`(${ownerInScope(scope, handlers.organisationId)} OR ${serving})`);
  const ids = rows.map((r) => r.id);
  if (ids.length === 0) return { profiles: [], rows: new Map() };
  const memberships = await db
    .select({ handlerId: teamMembers.handlerId, code: teams.code })
    .from(teamMembers)
    .innerJoin(teams, eq(teams.id, teamMembers.teamId))
    .where(and(inArray(teamMembers.handlerId, ids), isNull(teamMembers.until), eq(teams.active, true)));
  const firmIds = [...new Set(rows.map((r) => r.firmId).filter((f): f is string => f !== null))];
  const conflicts = await db
    .select({
      handlerId: handlerConflicts.handlerId,
      kind: handlerConflicts.kind,
      party: handlerConflicts.partyName,
      note: handlerConflicts.note,
      firmId: handlers.firmId,
    })
    .from(handlerConflicts)
    .innerJoin(handlers, eq(handlers.id, handlerConflicts.handlerId))
    .where(
      firmIds.length > 0
        ? sql`(${inArray(handlerConflicts.handlerId, ids)} OR ${inArray(handlers.firmId, firmIds)})`
        : inArray(handlerConflicts.handlerId, ids),
    );
  const loadOf = await handlerLoads(db, ids);
  const quality = await handlerQualitySummaries(db, ids, today);
  const teamCodes = new Set<string>(HANDLER_TEAMS);
  const profiles = rows.map((r): HandlerProfile => {
    const own = conflicts.filter((c) => c.handlerId === r.id);
    const firm = r.firmId ? conflicts.filter((c) => c.firmId === r.firmId && c.handlerId !== r.id) : [];
    const l = loadOf.get(r.id);
    return {
      id: r.id,
      kind: r.kind,
      status: r.status,
      firmId: r.firmId,
      yearsOfPractice: completedYears(r.practiceStartDate as LocalDate | null, today),
      yearsOfCriminalPractice: completedYears(r.criminalPracticeStartDate as LocalDate | null, today),
      specialties: r.specialties,
      languages: r.languages,
      districts: r.districtsServed,
      familiarWithMinors: r.familiarWithMinors,
      teams: memberships
        .filter((m) => m.handlerId === r.id && teamCodes.has(m.code))
        .map((m) => m.code as HandlerTeam),
      capacity: r.capacity,
      openCases: l?.open ?? 0,
      lastAssignedAt: l?.lastAssignedAt?.toISOString() ?? null,
      qualityConcerns: (quality.get(r.id)?.concerns ?? []).map(({ code, nameZh, nameEn }) => ({
        code,
        nameZh,
        nameEn,
      })),
      conflicts: {
        actedFor: own.filter((c) => c.kind === 'opposing_party').map((c) => c.party),
        firmActedFor: firm.filter((c) => c.kind === 'opposing_party').map((c) => c.party),
        relations: own
          .filter((c) => c.kind === 'relation')
          .map((c) => ({ party: c.party, relation: c.note ?? '' })),
      },
    };
  });
  return { profiles, rows: new Map(rows.map((r) => [r.id, r])) };
}

/** The rule rows that decide qualification for a centre's cases on a date (LAL art.26, MPL art.104…). */
export async function qualificationRules(
  db: Queryable,
  centreId: string,
  on: LocalDate,
): Promise<QualificationRule[]> {
  const chain = await jurisdictionChain(db, await jurisdictionOf(db, centreId));
  return qualificationRulesInForce(await loadListItems(db, chain), chain, on);
}

const ENGINE_CASE_TYPE: Record<ApplicationRow['caseType'], CaseNeeds['caseType']> = {
  criminal: 'criminal',
  civil: 'civil',
  administrative: 'administrative',
  state_compensation: 'administrative',
  appeal: 'civil',
  notarial: 'non_litigation',
  non_litigation: 'non_litigation',
};

type NoticeRow = typeof criminalNotices.$inferSelect;
interface ClientFacts {
  birthDate: string | null;
  categories: string[] | null;
  name: string;
}

/**
 * What a case asks of its handler, from the application, its criminal notice and the client: the
 * life-or-death and minors' rules, appeals, the court's district, the opposing party.
 */
function needsOf(
  app: ApplicationRow,
  notice: NoticeRow | undefined,
  client: ClientFacts | undefined,
  today: LocalDate,
): CaseNeeds {
  const birth = client?.birthDate as LocalDate | null | undefined;
  const minor =
    notice?.ground === 'minor' ||
    (client?.categories ?? []).includes('minor') ||
    app.categories.includes('minor') ||
    (birth !== null && birth !== undefined && completedYears(birth, today) < 18);
  // LAL art.25(1)(5): a death-penalty review defendant applies (申请) rather than being notified,
  // so an application names the stage by its code; either way LAL art.26 applies.
  const lifeOrDeath =
    notice?.ground === 'life_or_death_sentence' ||
    notice?.ground === 'death_penalty_review' ||
    (app.caseType === 'criminal' && (notice?.stage ?? app.stage) === 'death_penalty_review');
  return {
    id: app.id,
    caseType: ENGINE_CASE_TYPE[app.caseType],
    matter: app.matter,
    criminalGround: (notice?.ground as CaseNeeds['criminalGround']) ?? null,
    possibleSentence: lifeOrDeath ? 'life_or_death' : null,
    criminalRole: app.matter === 'criminal_victim' ? 'representation' : 'defence',
    minor,
    appeal: app.caseType === 'appeal',
    teamRequired: null,
    district: notice?.courtDistrictOrgId ?? app.ownerOrgId,
    language: null,
    opposingParties: app.opposingParty ? [app.opposingParty] : [],
    clientId: app.applicantId,
    ...(client ? { clientName: client.name } : {}),
    receivedAt: (app.decidedAt ?? app.receivedAt).toISOString(),
  };
}

/** The needs of many cases in two queries (their notices, their clients), in the order given. */
export async function caseNeedsOfMany(
  db: Queryable,
  apps: readonly ApplicationRow[],
  today: LocalDate,
): Promise<CaseNeeds[]> {
  if (apps.length === 0) return [];
  const notices = await db
    .select()
    .from(criminalNotices)
    .where(
      inArray(
        criminalNotices.applicationId,
        apps.map((a) => a.id),
      ),
    );
  const clients = await db
    .select({
      id: persons.id,
      birthDate: persons.birthDate,
      categories: persons.categories,
      name: persons.name,
    })
    .from(persons)
    .where(inArray(persons.id, [...new Set(apps.map((a) => a.applicantId))]));
  const noticeOf = new Map(notices.map((n) => [n.applicationId, n]));
  const clientOf = new Map(clients.map((c) => [c.id, c]));
  return apps.map((a) => needsOf(a, noticeOf.get(a.id), clientOf.get(a.applicantId), today));
}

export async function caseNeeds(db: Queryable, app: ApplicationRow, today: LocalDate): Promise<CaseNeeds> {
  const [needs] = await caseNeedsOfMany(db, [app], today);
  return needs as CaseNeeds;
}

export const todayOf = (now: Date) => beijingDateOf(now);
