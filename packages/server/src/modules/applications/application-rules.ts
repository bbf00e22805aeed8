import { and, eq, inArray, ne } from 'drizzle-orm';
import {
  effectiveByKey,
  PROVISIONAL_AID_GROUNDS,
  type ListItemRule,
  type LocalDate,
  type MatterRule,
  type PeriodKind,
  type PeriodRule,
} from '@fayuan/domain';
import type { Queryable } from '../../db/client.ts';
import { memoInTransaction } from '../../db/transaction-memo.ts';
import { applications, organisations, type HardshipBasis, type ReviewFlag } from '../../db/schema/index.ts';
import { AppError } from '../../platform/errors.ts';
import { jurisdictionChain, loadList, loadPeriods, rulesOf } from '../rules/rules.repository.ts';
import { toDomainRule } from '../rules/rule-tables.ts';

/** Rules are looked up for the province of the organisation's region (110105 → 110000). */
export function jurisdictionOf(db: Queryable, organisationId: string): Promise<string> {
  return memoInTransaction(db, `jurisdiction-of:${organisationId}`, () => regionOf(db, organisationId));
}

async function regionOf(db: Queryable, organisationId: string): Promise<string> {
  const [org] = await db
    .select({ region: organisations.regionCode })
    .from(organisations)
    .where(eq(organisations.id, organisationId));
  const region = org?.region ?? '110000';
  return `${region.slice(0, 2)}0000`;
}

/** Every version of a list's items in the jurisdiction chain, and whether each is in force on `on`. */
async function listItemsOn(db: Queryable, jurisdiction: string, list: ListItemRule['list'], on: LocalDate) {
  const chain = await jurisdictionChain(db, jurisdiction);
  const items = await loadList(db, chain, list);
  return { items, inForce: effectiveByKey(items, chain, on, (i) => i.code) };
}

export async function listItemsInForce(
  db: Queryable,
  jurisdiction: string,
  list: ListItemRule['list'],
  on: LocalDate,
): Promise<ListItemRule[]> {
  return [...(await listItemsOn(db, jurisdiction, list, on)).inForce.values()];
}

/**
 * Items of a list that are no longer (or not yet) in force on `on`: the latest version of each
 * code that has none in force. Past decisions name their reasons with these (e.g. the closed
 * refusal reason `materials_incomplete`, issue 11 §4).
 */
export async function listItemsNotInForce(
  db: Queryable,
  jurisdiction: string,
  list: ListItemRule['list'],
  on: LocalDate,
): Promise<ListItemRule[]> {
  const { items, inForce } = await listItemsOn(db, jurisdiction, list, on);
  const latest = new Map<string, ListItemRule>();
  for (const item of items)
    if (!inForce.has(item.code) && (latest.get(item.code)?.effectiveFrom ?? '') < item.effectiveFrom)
      latest.set(item.code, item);
  return [...latest.values()];
}

export async function matterInForce(
  db: Queryable,
  jurisdiction: string,
  code: string,
  on: LocalDate,
): Promise<MatterRule> {
  const chain = await jurisdictionChain(db, jurisdiction);
  const matters = (await rulesOf(db, 'matter', chain)).map((r) => toDomainRule<MatterRule>(r));
  const matter = effectiveByKey(matters, chain, on, (m) => m.code).get(code);
  if (!matter) throw new AppError('APPLICATION_MATTER_UNKNOWN', { field: 'matter', matter: code });
  return matter;
}

export async function periodInForce(
  db: Queryable,
  jurisdiction: string,
  kind: PeriodKind,
  on: LocalDate,
): Promise<PeriodRule | undefined> {
  const chain = await jurisdictionChain(db, jurisdiction);
  return effectiveByKey(await loadPeriods(db, chain), chain, on, (p: PeriodRule) => p.kind).get(kind);
}

/**
 * The handler's standing in the proceedings for a matter (list `handler_role`, keyed by matter
 * code): 辩护人 for a defence, 诉讼代理人 for a victim's side or a person facing compulsory medical
 * treatment (LAL art.28). A matter without a row is represented (诉讼代理人), as civil and
 * administrative cases are.
 */
export async function handlerRoleOf(
  db: Queryable,
  jurisdiction: string,
  matter: string,
  on: LocalDate,
): Promise<{ zh: string; en: string; citation: string | null }> {
  const role = (await listItemsInForce(db, jurisdiction, 'handler_role', on)).find((r) => r.code === matter);
  return role
    ? { zh: role.nameZh, en: role.nameEn, citation: role.citation }
    : { zh: '诉讼代理人', en: 'litigation representative', citation: null };
}

/** The materials an application needs on its hardship basis, and with an agent acting (LAL art.40–42). */
export function requiredMaterials(
  materials: readonly ListItemRule[],
  basis: HardshipBasis,
  actingByAgent: boolean,
): ListItemRule[] {
  return materials.filter((m) => {
    const scope = m.params.requiredFor;
    return scope === 'all' || scope === basis || (scope === 'agent' && actingByAgent);
  });
}

const ACTIVE_STATES = ['awaiting_transfer', 'received', 'supplement_requested', 'under_review'] as const;
const AIDED_STATES = [
  'granted',
  'provisional_aid',
  'to_assign',
  'assigned',
  'in_progress',
  'objection_to_refusal',
] as const;

/**
 * Flags for the reviewer (BJR art.22–23 as rule rows): the same person has applied on the same
 * matter before and it is pending or aided, or it was withdrawn. Advice to the reviewer, not a bar.
 */
export async function reviewFlags(
  db: Queryable,
  input: { applicantId: string; matter: string; excludeId?: string; forwardedLate: boolean },
  flagRules: readonly ListItemRule[],
): Promise<ReviewFlag[]> {
  const rule = new Map(flagRules.map((r) => [r.code, r]));
  const earlier = await db
    .select({ id: applications.id, number: applications.number, state: applications.state })
    .from(applications)
    .where(
      and(
        eq(applications.applicantId, input.applicantId),
        eq(applications.matter, input.matter),
        ...(input.excludeId ? [ne(applications.id, input.excludeId)] : []),
        inArray(applications.state, [...ACTIVE_STATES, ...AIDED_STATES, 'withdrawn']),
      ),
    );
  const flags: ReviewFlag[] = [];
  for (const e of earlier) {
    const code = e.state === 'withdrawn' ? 'previously_withdrawn' : 'repeat_application';
    const r = rule.get(code);
    if (r)
      flags.push({
        code,
        citation: r.citation,
        applicationId: e.id,
        applicationNumber: e.number,
        state: e.state,
      });
  }
  const late = rule.get('forwarded_late');
  if (input.forwardedLate && late)
    flags.push({
      code: 'forwarded_late',
      citation: late.citation,
      applicationId: '',
      applicationNumber: '',
      state: 'received',
    });
  return flags;
}

/**
 * The centre that decides: the organisation itself when it is a centre, else the nearest centre
 * above it (a workstation's application goes to its district centre, LAL art.38).
 */
export async function decidingCentre(db: Queryable, organisationId: string): Promise<string> {
  const [org] = await db
    .select({ path: organisations.path })
    .from(organisations)
    .where(eq(organisations.id, organisationId));
  if (!org) throw new AppError('APPLICATION_NO_CENTRE');
  const ids = org.path.split('/').filter(Boolean);
  const centres = await db
    .select({ id: organisations.id })
    .from(organisations)
    .where(
      and(inArray(organisations.id, ids), inArray(organisations.kind, ['district_centre', 'city_centre'])),
    );
  const found = new Set(centres.map((c) => c.id));
  const nearest = ids.reverse().find((id) => found.has(id));
  if (!nearest) throw new AppError('APPLICATION_NO_CENTRE');
  return nearest;
}

/**
 * The justice bureau that reviews objections to a centre's decisions (LAL art.49): a bureau in the
 * centre's district when one is on file, otherwise the city bureau.
 */
export async function supervisingBureau(
  db: Queryable,
  centreId: string,
): Promise<{ id: string; name: string }> {
  const [centre] = await db
    .select({ region: organisations.regionCode })
    .from(organisations)
    .where(eq(organisations.id, centreId));
  const bureaus = await db
    .select({ id: organisations.id, name: organisations.name, region: organisations.regionCode })
    .from(organisations)
    .where(and(eq(organisations.kind, 'justice_bureau'), eq(organisations.active, true)));
  const local = bureaus.find((b) => b.region !== null && b.region === centre?.region);
  const city = bureaus.find((b) => b.region !== null && b.region.slice(0, 2) === centre?.region?.slice(0, 2));
  const bureau = local ?? city ?? bureaus[0];
  if (!bureau) throw new AppError('APPLICATION_NO_CENTRE');
  return { id: bureau.id, name: bureau.name };
}

export const provisionalCitation = (ground: string): string =>
  PROVISIONAL_AID_GROUNDS[ground as keyof typeof PROVISIONAL_AID_GROUNDS];
