import { and, eq, sql } from 'drizzle-orm';
import { beijingDateOf, DEFAULT_NUMBER_PATTERN, formatDocumentNumber, yearOf } from '@fayuan/domain';
import type { Tx } from '../../db/client.ts';
import { documentNumberPatterns, documentSequences, organisations } from '../../db/schema/index.ts';

export interface IssuedNumber {
  number: string;
  year: number;
  seq: number;
}

/**
 * Issues the next number of a document kind for a centre, in the caller's transaction (the one
 * that stores the document). The year is the Beijing calendar year of `at`. `defaultPattern`
 * serves a centre that set no pattern for the kind (default DEFAULT_NUMBER_PATTERN).
 */
export async function issueDocumentNumber(
  tx: Tx,
  input: { organisationId: string; documentKind: string; at: Date; defaultPattern?: string },
): Promise<IssuedNumber> {
  const year = yearOf(beijingDateOf(input.at));
  const [row] = await tx
    .insert(documentSequences)
    .values({ organisationId: input.organisationId, documentKind: input.documentKind, year, lastValue: 1 })
    .onConflictDoUpdate({
      target: [documentSequences.organisationId, documentSequences.documentKind, documentSequences.year],
      set: { lastValue: sql`${documentSequences.lastValue} + 1` },
    })
    .returning({ seq: documentSequences.lastValue });
  const [config] = await tx
    .select({ pattern: documentNumberPatterns.pattern, code: organisations.code })
    .from(organisations)
    .leftJoin(
      documentNumberPatterns,
      and(
        eq(documentNumberPatterns.organisationId, organisations.id),
        eq(documentNumberPatterns.documentKind, input.documentKind),
      ),
    )
    .where(eq(organisations.id, input.organisationId));
  if (!row || !config) throw new Error(`no organisation ${input.organisationId}`);
  return {
    number: formatDocumentNumber(config.pattern ?? input.defaultPattern ?? DEFAULT_NUMBER_PATTERN, {
      year,
      seq: row.seq,
      org: config.code,
    }),
    year,
    seq: row.seq,
  };
}
