import { effectiveByKey, type LocalDate, type MatterRule } from '@fayuan/domain';
import type { Queryable } from '../../db/client.ts';
import { AppError } from '../../platform/errors.ts';
import { searchSegmentsOf } from '../../platform/search/segment.ts';
import { jurisdictionChain, rulesOf } from '../rules/rules.repository.ts';
import { toDomainRule } from '../rules/rule-tables.ts';

/** The jurisdiction and the more general ones whose law also applies; unknown → JURISDICTION_UNKNOWN. */
export async function articleJurisdictions(db: Queryable, jurisdiction: string): Promise<string[]> {
  const chain = await jurisdictionChain(db, jurisdiction);
  if (chain.length === 0) throw new AppError('JURISDICTION_UNKNOWN', { field: 'jurisdiction', jurisdiction });
  return chain;
}

/**
 * Tags are matter codes of the catalogue in force for the article's jurisdiction on the date, the
 * same catalogue consultations take their topic from (consultation-rules.ts).
 */
export async function assertMattersInForce(
  db: Queryable,
  matters: readonly string[],
  jurisdiction: string,
  on: LocalDate,
): Promise<void> {
  const chain = await articleJurisdictions(db, jurisdiction);
  if (matters.length === 0) return;
  const catalogue = (await rulesOf(db, 'matter', chain)).map((r) => toDomainRule<MatterRule>(r));
  const inForce = effectiveByKey(catalogue, chain, on, (m) => m.code);
  const unknown = matters.find((code) => !inForce.has(code));
  if (unknown !== undefined)
    throw new AppError('KNOWLEDGE_MATTER_UNKNOWN', { field: 'matters', matter: unknown });
}

/** The words an article is found by: its title and body. */
export function articleSegments(title: string, body: string): string {
  return searchSegmentsOf(title, body);
}
