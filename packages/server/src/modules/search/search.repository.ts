import { and, desc, eq, inArray, or, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import { unionAll } from 'drizzle-orm/pg-core';
import type { Queryable } from '../../db/client.ts';
import {
  applications,
  consultations,
  handlers,
  issuedDocuments,
  lawFirms,
  persons,
} from '../../db/schema/index.ts';
import { organisationsInScope, type DataScope } from '../../platform/scope/data-scope.ts';
import { applicationInScope } from '../applications/applications.repository.ts';

/**
 * The global search's queries. Each is one index lookup (no sequential scan over persons or
 * applications; search.test.ts checks the plans): keyed hashes and numbers by equality, names by
 * prefix on the `(name text_pattern_ops, id)` indexes, read in that index's order (`USING ~<~`, then
 * the id among equal names) so that a LIMIT stops the scan after the first rows in scope however
 * many names share the prefix, and the same text always answers the same list.
 */

/** A prefix pattern for LIKE, its wildcards taken literally. */
const prefixPattern = (value: string) => `${value.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
const startsWith = (column: AnyColumn, prefix: string) => sql`${column} LIKE ${prefixPattern(prefix)}`;
/** Ordered as the text_pattern_ops index is, so the index gives the order (exact name first). */
const patternOrder = (column: AnyColumn) => sql`${column} USING ~<~`;

/**
 * The scope as `owner = ANY(ARRAY(organisations in scope))`: the array is computed once, before
 * the scan, and checked on each row as the name index gives them in order, so the LIMIT stops the
 * scan. With `owner IN (subquery)` the planner is free to plan a subplan or a join instead (the
 * `wl` persons statement took 25 ms on a million persons that way; search.test.ts checks the plan).
 */
function ownedInScope(scope: DataScope, ownerColumn: AnyColumn): SQL {
  return scope.kind === 'all' ? sql`true` : sql`${ownerColumn} = ANY(${organisationsInScope(scope)})`;
}

export type NameColumn = 'name' | 'pinyin' | 'initials';

/** One name column and the prefix looked for in it. */
export interface NameProbe {
  column: NameColumn;
  prefix: string;
}

export interface PersonHit {
  id: string;
  name: string;
  namePinyin: string;
  birthDate: string | null;
  phoneSealed: Buffer | null;
}

const personFields = {
  id: persons.id,
  name: persons.name,
  namePinyin: persons.namePinyin,
  birthDate: persons.birthDate,
  phoneSealed: persons.phoneSealed,
};

const personColumn = { name: persons.name, pinyin: persons.namePinyin, initials: persons.nameInitials };

/** Persons in scope holding this identity or phone number (by lookup hash). */
export function personsByHash(
  db: Queryable,
  scope: DataScope,
  hashes: { idNumber: Buffer | null; phone: Buffer | null },
  limit: number,
): Promise<PersonHit[]> {
  const matches: SQL[] = [];
  if (hashes.idNumber) matches.push(eq(persons.idNumberHash, hashes.idNumber));
  if (hashes.phone) matches.push(eq(persons.phoneHash, hashes.phone));
  if (matches.length === 0) return Promise.resolve([]);
  return db
    .select(personFields)
    .from(persons)
    .where(and(or(...matches), ownedInScope(scope, persons.ownerOrgId)))
    .orderBy(persons.namePinyin, persons.id)
    .limit(limit);
}

/**
 * Persons in scope whose name (汉字, full pinyin or initials) starts with a probe's prefix: up to
 * `limit` a probe, in one statement.
 */
export function personsByName(
  db: Queryable,
  scope: DataScope,
  probes: readonly NameProbe[],
  limit: number,
): Promise<PersonHit[]> {
  // Several probes as one statement (one round trip): `(…) UNION ALL (…)`, each with its own ORDER
  // BY and LIMIT on its own index; Append returns the probes' rows one probe after the other.
  const [first, second, ...rest] = probes.map(({ column, prefix }) => {
    const target = personColumn[column];
    return db
      .select(personFields)
      .from(persons)
      .where(and(startsWith(target, prefix), ownedInScope(scope, persons.ownerOrgId)))
      .orderBy(patternOrder(target), persons.id)
      .limit(limit);
  });
  if (!first) return Promise.resolve([]);
  return second ? unionAll(first, second, ...rest) : first;
}

export interface ApplicationHit {
  id: string;
  number: string;
  state: typeof applications.$inferSelect.state;
  applicantName: string;
}

const applicationFields = {
  id: applications.id,
  number: applications.number,
  state: applications.state,
  applicantName: persons.name,
};

/**
 * Applications in scope by number: the full receipt number or a document's full number (city-wide
 * equality, then the scope), or the sequence part of the receipt number, newest first.
 */
export function applicationsByNumber(
  db: Queryable,
  scope: DataScope,
  number: { full: string | null; sequence: number | null },
  limit: number,
): Promise<ApplicationHit[]> {
  const matches: SQL[] = [];
  if (number.full !== null) {
    matches.push(eq(applications.number, number.full));
    // `= ANY(ARRAY(subquery))`, not `IN (subquery)`: under the OR, only the former is an index condition.
    matches.push(
      sql`${applications.id} = ANY(ARRAY(${db
        .select({ id: issuedDocuments.applicationId })
        .from(issuedDocuments)
        .where(eq(issuedDocuments.number, number.full))}))`,
    );
  }
  if (number.sequence !== null) matches.push(eq(applications.numberSeq, number.sequence));
  if (matches.length === 0) return Promise.resolve([]);
  return db
    .select(applicationFields)
    .from(applications)
    .innerJoin(persons, eq(persons.id, applications.applicantId))
    .where(and(or(...matches), applicationInScope(scope)))
    .orderBy(desc(applications.receivedAt), applications.id)
    .limit(limit);
}

/** Applications in scope of the applicants holding this identity or phone number. */
export function applicationsByApplicantHash(
  db: Queryable,
  scope: DataScope,
  hashes: { idNumber: Buffer | null; phone: Buffer | null },
  limit: number,
): Promise<ApplicationHit[]> {
  const matches: SQL[] = [];
  if (hashes.idNumber) matches.push(eq(persons.idNumberHash, hashes.idNumber));
  if (hashes.phone) matches.push(eq(persons.phoneHash, hashes.phone));
  if (matches.length === 0) return Promise.resolve([]);
  return db
    .select(applicationFields)
    .from(persons)
    .innerJoin(applications, eq(applications.applicantId, persons.id))
    .where(and(or(...matches), applicationInScope(scope)))
    .orderBy(desc(applications.receivedAt), applications.id)
    .limit(limit);
}

/**
 * Applications in scope whose applicant's name starts with a probe's prefix, in name order: up to
 * `limit` a probe, in one statement.
 */
export function applicationsByApplicantName(
  db: Queryable,
  scope: DataScope,
  probes: readonly NameProbe[],
  limit: number,
): Promise<ApplicationHit[]> {
  // One statement for all the probes, as personsByName.
  const [first, second, ...rest] = probes.map(({ column, prefix }) => {
    const target = personColumn[column];
    return (
      db
        .select(applicationFields)
        .from(persons)
        .innerJoin(applications, eq(applications.applicantId, persons.id))
        .where(and(startsWith(target, prefix), applicationInScope(scope)))
        // The applicant's id before the application's: the name index's order, so only one
        // person's applications are ever sorted.
        .orderBy(patternOrder(target), persons.id, applications.id)
        .limit(limit)
    );
  });
  if (!first) return Promise.resolve([]);
  return second ? unionAll(first, second, ...rest) : first;
}

export interface ConsultationHit {
  id: string;
  number: string | null;
  callerName: string | null;
  personName: string | null;
  channel: typeof consultations.$inferSelect.channel;
  startedAt: Date;
}

const consultationFields = {
  id: consultations.id,
  number: consultations.number,
  callerName: consultations.callerName,
  personName: persons.name,
  channel: consultations.channel,
  startedAt: consultations.startedAt,
};

/**
 * Consultations in scope by their number in full (京法援咨〔2026〕第00001号), the caller's phone
 * (lookup hash), the caller's name (汉字 prefix), or the persons already found; newest first.
 */
export function consultationsMatching(
  db: Queryable,
  scope: DataScope,
  probe: {
    fullNumber: string | null;
    phoneHash: Buffer | null;
    namePrefix: string | null;
    personIds: readonly string[];
  },
  limit: number,
): Promise<ConsultationHit[]> {
  const matches: SQL[] = [];
  if (probe.fullNumber) matches.push(eq(consultations.number, probe.fullNumber));
  if (probe.phoneHash) matches.push(eq(consultations.callerPhoneHash, probe.phoneHash));
  if (probe.namePrefix) matches.push(startsWith(consultations.callerName, probe.namePrefix));
  if (probe.personIds.length > 0) matches.push(inArray(consultations.personId, [...probe.personIds]));
  if (matches.length === 0) return Promise.resolve([]);
  return db
    .select(consultationFields)
    .from(consultations)
    .leftJoin(persons, eq(persons.id, consultations.personId))
    .where(and(or(...matches), ownedInScope(scope, consultations.ownerOrgId)))
    .orderBy(desc(consultations.startedAt), consultations.id)
    .limit(limit);
}

export interface HandlerHit {
  id: string;
  name: string;
  firmName: string | null;
}

const handlerColumn = { name: handlers.name, pinyin: handlers.namePinyin, initials: handlers.nameInitials };

/**
 * Handlers managed in scope whose name (汉字, full pinyin or initials) starts with a probe's prefix:
 * up to `limit` a probe, in one statement.
 */
export function handlersByName(
  db: Queryable,
  scope: DataScope,
  probes: readonly NameProbe[],
  limit: number,
): Promise<HandlerHit[]> {
  // One statement for all the probes, as personsByName.
  const [first, second, ...rest] = probes.map(({ column, prefix }) => {
    const target = handlerColumn[column];
    return db
      .select({ id: handlers.id, name: handlers.name, firmName: lawFirms.name })
      .from(handlers)
      .leftJoin(lawFirms, eq(lawFirms.id, handlers.firmId))
      .where(and(startsWith(target, prefix), ownedInScope(scope, handlers.organisationId)))
      .orderBy(target, handlers.id)
      .limit(limit);
  });
  if (!first) return Promise.resolve([]);
  return second ? unionAll(first, second, ...rest) : first;
}
