import { randomUUID } from 'node:crypto';
import { beijingDateOf } from '@fayuan/domain';
import type { Tx } from '../../db/client.ts';
import { knowledgeArticles } from '../../db/schema/index.ts';
import type { Actor, AppDeps, RequestOrigin } from '../../platform/context.ts';
import { recordAudit, type Changes } from '../../platform/audit/audit-log.ts';
import { articleSegments, assertMattersInForce } from './knowledge-rules.ts';
import { presentArticle } from './knowledge.repository.ts';
import type { CreateArticleInput } from './knowledge.schemas.ts';

/** Writes an article for the author's organisation, as a draft unless published at once (audited). */
export async function createArticle(
  deps: AppDeps,
  tx: Tx,
  actor: Actor,
  input: CreateArticleInput,
  origin: RequestOrigin,
) {
  const now = deps.clock.now();
  await assertMattersInForce(tx, input.matters, input.jurisdiction, beijingDateOf(now));
  const row = {
    id: randomUUID(),
    ownerOrgId: actor.organisationId,
    jurisdiction: input.jurisdiction,
    title: input.title,
    body: input.body,
    matters: input.matters,
    sources: input.sources ?? null,
    status: input.status,
    authorUserId: actor.userId,
    version: 1,
    publishedAt: input.status === 'published' ? now : null,
    searchSegments: articleSegments(input.title, input.body),
    searchTokens: null,
    createdAt: now,
    updatedAt: now,
  };
  await tx.insert(knowledgeArticles).values(row);
  const changes: Changes = {};
  for (const field of ['title', 'body', 'matters', 'jurisdiction', 'sources', 'status'] as const)
    if (row[field] !== null) changes[field] = { after: row[field] };
  await recordAudit(tx, { cipher: deps.cipher, at: now }, origin, {
    action: 'knowledge.create',
    entityType: 'knowledge_articles',
    entityId: row.id,
    changes,
  });
  return presentArticle({ article: row, authorName: actor.displayName });
}
