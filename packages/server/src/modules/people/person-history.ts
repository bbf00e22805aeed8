import { and, desc, eq } from 'drizzle-orm';
import { CASE_STATES } from '@fayuan/domain';
import { z } from 'zod';
import type { Queryable } from '../../db/client.ts';
import {
  applications,
  CONSULTATION_CHANNELS,
  CONSULTATION_OUTCOMES,
  consultations,
} from '../../db/schema/index.ts';
import type { Actor } from '../../platform/context.ts';
import { ownerInScope } from '../../platform/scope/data-scope.ts';
import { applicationInScope } from '../applications/applications.repository.ts';

/** How many of each kind the person's history lists, newest first. */
const HISTORY_LIMIT = 100;

export const personHistorySchema = z
  .object({
    /** Consultations the person asked (咨询), in scope; empty without consultation.read. */
    consultations: z.array(
      z.object({
        id: z.string().uuid(),
        startedAt: z.string(),
        channel: z.enum(CONSULTATION_CHANNELS),
        topicMatter: z.string(),
        outcome: z.enum(CONSULTATION_OUTCOMES),
      }),
    ),
    /**
     * Applications the person made, in scope; one application becomes one case, so the state says
     * how far it went (已指派, 承办中, 已归档 …). Empty without application.read.
     */
    applications: z.array(
      z.object({
        id: z.string().uuid(),
        number: z.string(),
        receivedAt: z.string(),
        matter: z.string(),
        state: z.enum(CASE_STATES),
      }),
    ),
    /** More rows exist than were listed (the newest 100 of each kind are). */
    truncated: z.boolean(),
  })
  .meta({ id: 'PersonHistory' });
export type PersonHistory = z.infer<typeof personHistorySchema>;

/** The person's consultations and applications (cases) the actor may see, newest first. */
export async function personHistory(db: Queryable, actor: Actor, personId: string): Promise<PersonHistory> {
  const [asked, applied] = await Promise.all([
    actor.permissions.includes('consultation.read')
      ? db
          .select({
            id: consultations.id,
            startedAt: consultations.startedAt,
            channel: consultations.channel,
            topicMatter: consultations.topicMatter,
            outcome: consultations.outcome,
          })
          .from(consultations)
          .where(
            and(eq(consultations.personId, personId), ownerInScope(actor.scope, consultations.ownerOrgId)),
          )
          .orderBy(desc(consultations.startedAt), consultations.id)
          .limit(HISTORY_LIMIT + 1)
      : [],
    actor.permissions.includes('application.read')
      ? db
          .select({
            id: applications.id,
            number: applications.number,
            receivedAt: applications.receivedAt,
            matter: applications.matter,
            state: applications.state,
          })
          .from(applications)
          .where(and(eq(applications.applicantId, personId), applicationInScope(actor.scope)))
          .orderBy(desc(applications.receivedAt), applications.id)
          .limit(HISTORY_LIMIT + 1)
      : [],
  ]);
  return {
    consultations: asked.slice(0, HISTORY_LIMIT).map((c) => ({ ...c, startedAt: c.startedAt.toISOString() })),
    applications: applied
      .slice(0, HISTORY_LIMIT)
      .map((a) => ({ ...a, receivedAt: a.receivedAt.toISOString() })),
    truncated: asked.length > HISTORY_LIMIT || applied.length > HISTORY_LIMIT,
  };
}
