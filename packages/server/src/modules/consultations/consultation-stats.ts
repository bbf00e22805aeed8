import type { LocalDate } from '@fayuan/domain';
import type { Queryable } from '../../db/client.ts';
import { CONSULTATION_CHANNELS, CONSULTATION_OUTCOMES } from '../../db/schema/index.ts';
import type { DataScope } from '../../platform/scope/data-scope.ts';
import { countConsultations } from './consultations.repository.ts';
import type { StatsQuery } from './consultations.schemas.ts';

/** Consultations in scope counted by channel and by outcome, every category present (zero when none). */
export async function consultationStats(db: Queryable, scope: DataScope, query: StatsQuery) {
  const from = query.from as LocalDate | undefined;
  const to = query.to as LocalDate | undefined;
  const rows = await countConsultations(db, scope, from, to);
  const byChannel = Object.fromEntries(CONSULTATION_CHANNELS.map((c) => [c, 0])) as Record<
    (typeof CONSULTATION_CHANNELS)[number],
    number
  >;
  const byOutcome = Object.fromEntries(CONSULTATION_OUTCOMES.map((o) => [o, 0])) as Record<
    (typeof CONSULTATION_OUTCOMES)[number],
    number
  >;
  let total = 0;
  for (const row of rows) {
    const n = Number(row.total);
    byChannel[row.channel] += n;
    byOutcome[row.outcome] += n;
    total += n;
  }
  return { from: from ?? null, to: to ?? null, total, byChannel, byOutcome };
}
