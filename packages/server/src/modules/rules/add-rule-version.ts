import { randomBytes } from 'node:crypto';
import { and, desc, eq, sql } from 'drizzle-orm';
import { addDays, type LocalDate } from '@fayuan/domain';
import type { Tx } from '../../db/client.ts';
import { jurisdictions, ruleRows } from '../../db/schema/index.ts';
import type { Actor, AppDeps, RequestOrigin } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { recordAudit } from '../../platform/audit/audit-log.ts';
import { RULE_TABLES, type RuleTableName } from './rule-tables.ts';

export interface NewRuleVersion {
  jurisdiction: string;
  effectiveFrom: LocalDate;
  effectiveTo?: LocalDate | null | undefined;
  citation: string;
  data: unknown;
  note?: string | undefined;
}

/**
 * Adds a version of a rule from a date. The version in force before it (same table,
 * jurisdiction and key) is closed the day before; a version may only follow the latest one, so
 * history is never rewritten (a decision of 2023 keeps pointing at the row it used).
 */
export async function addRuleVersion(
  deps: AppDeps,
  tx: Tx,
  actor: Actor,
  table: RuleTableName,
  input: NewRuleVersion,
  origin: RequestOrigin,
) {
  const parsed = RULE_TABLES[table].data.safeParse(input.data);
  if (!parsed.success)
    throw new AppError('VALIDATION_FAILED', {
      issues: parsed.error.issues.map((i) => ({
        path: ['body', 'data', ...i.path].join('.'),
        code: i.code,
        message: i.message,
      })),
    });
  const data = parsed.data;
  const key = (RULE_TABLES[table].keyOf as (d: unknown) => string)(data);
  const [jurisdiction] = await tx
    .select()
    .from(jurisdictions)
    .where(eq(jurisdictions.code, input.jurisdiction));
  if (!jurisdiction) throw new AppError('JURISDICTION_UNKNOWN');
  if (input.effectiveTo && input.effectiveTo < input.effectiveFrom) throw new AppError('RULE_SPAN_INVALID');

  // Serialise versions of one rule: two administrators adding at once must not both close the same row.
  await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`${table}/${input.jurisdiction}/${key}`}))`);
  const [latest] = await tx
    .select()
    .from(ruleRows)
    .where(
      and(
        eq(ruleRows.ruleTable, table),
        eq(ruleRows.jurisdiction, input.jurisdiction),
        eq(ruleRows.key, key),
      ),
    )
    .orderBy(desc(ruleRows.effectiveFrom))
    .limit(1);
  if (latest && latest.effectiveFrom >= input.effectiveFrom)
    throw new AppError('RULE_VERSION_NOT_LATER', { latestEffectiveFrom: latest.effectiveFrom });
  const now = deps.clock.now();
  if (latest && (latest.effectiveTo === null || latest.effectiveTo >= input.effectiveFrom)) {
    const closedOn = addDays(input.effectiveFrom, -1);
    await tx.update(ruleRows).set({ effectiveTo: closedOn }).where(eq(ruleRows.id, latest.id));
    await recordAudit(tx, { cipher: deps.cipher, at: now }, origin, {
      action: 'rule.close',
      entityType: 'rule_rows',
      entityId: latest.id,
      changes: { effectiveTo: { before: latest.effectiveTo, after: closedOn } },
    });
  }
  const row = {
    id: `${table}.${input.jurisdiction}.${key}.${input.effectiveFrom}.${randomBytes(3).toString('hex')}`,
    ruleTable: table,
    jurisdiction: input.jurisdiction,
    key,
    data,
    citation: input.citation,
    effectiveFrom: input.effectiveFrom,
    effectiveTo: input.effectiveTo ?? null,
    note: input.note ?? null,
    createdAt: now,
    createdBy: actor.userId,
  };
  await tx.insert(ruleRows).values(row);
  await recordAudit(tx, { cipher: deps.cipher, at: now }, origin, {
    action: 'rule.add_version',
    entityType: 'rule_rows',
    entityId: row.id,
    changes: {
      ruleTable: { after: table },
      key: { after: key },
      jurisdiction: { after: input.jurisdiction },
      effectiveFrom: { after: input.effectiveFrom },
      citation: { after: input.citation },
      data: { after: data },
    },
  });
  return presentRule(row);
}

export function presentRule(row: typeof ruleRows.$inferSelect) {
  return {
    id: row.id,
    ruleTable: row.ruleTable,
    jurisdiction: row.jurisdiction,
    key: row.key,
    data: row.data as Record<string, unknown>,
    citation: row.citation,
    effectiveFrom: row.effectiveFrom,
    effectiveTo: row.effectiveTo,
    note: row.note,
    createdAt: row.createdAt.toISOString(),
    createdBy: row.createdBy,
  };
}
