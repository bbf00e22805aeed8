import { eq } from 'drizzle-orm';
import { beijingDateOf } from '@fayuan/domain';
import { knowledgeArticles } from '../../db/schema/index.ts';
import type { Actor, AppDeps, RequestOrigin } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { diff, recordAudit } from '../../platform/audit/audit-log.ts';
import { articleSegments, assertMattersInForce } from './knowledge-rules.ts';
import { findArticle, presentArticle, type ArticleReader } from './knowledge.repository.ts';
import type { UpdateArticleInput } from './knowledge.schemas.ts';

/** The audit action names what the change does to the article's life: publish, archive or edit. */
function actionOf(before: string, after: string): string {
  if (before === after) return 'knowledge.update';
  if (after === 'published') return 'knowledge.publish';
  if (after === 'archived') return 'knowledge.archive';
  return 'knowledge.unpublish';
}

/**
 * Edits, publishes or archives an article the actor manages. The editor names the version they
 * started from; a newer one on file means someone else saved first (KNOWLEDGE_VERSION_CONFLICT).
 */
export async function updateArticle(
  deps: AppDeps,
  actor: Actor,
  reader: ArticleReader,
  id: string,
  input: UpdateArticleInput,
  origin: RequestOrigin,
) {
  return deps.db.transaction(async (tx) => {
    const current = await findArticle(tx, reader, id, true);
    if (!current) throw new AppError('NOT_FOUND');
    const a = current.article;
    if (a.version !== input.version)
      throw new AppError('KNOWLEDGE_VERSION_CONFLICT', { currentVersion: a.version });
    const before = {
      title: a.title,
      body: a.body,
      matters: a.matters,
      jurisdiction: a.jurisdiction,
      sources: a.sources,
      status: a.status,
    };
    const { version: _version, ...fields } = input;
    const after = { ...before };
    for (const [field, value] of Object.entries(fields))
      if (value !== undefined) (after as Record<string, unknown>)[field] = value;
    const changes = diff(before, after);
    if (Object.keys(changes).length === 0) return presentArticle(current);
    const now = deps.clock.now();
    if (changes.matters || changes.jurisdiction)
      await assertMattersInForce(tx, after.matters, after.jurisdiction, beijingDateOf(now));
    const [updated] = await tx
      .update(knowledgeArticles)
      .set({
        ...after,
        version: a.version + 1,
        publishedAt: changes.status && after.status === 'published' ? now : a.publishedAt,
        searchSegments: articleSegments(after.title, after.body),
        updatedAt: now,
      })
      .where(eq(knowledgeArticles.id, id))
      .returning();
    await recordAudit(tx, { cipher: deps.cipher, at: now }, origin, {
      action: actionOf(before.status, after.status),
      entityType: 'knowledge_articles',
      entityId: id,
      changes: { ...changes, version: { before: a.version, after: a.version + 1 } },
    });
    return presentArticle({ ...current, article: updated ?? a });
  });
}
