import { eq } from 'drizzle-orm';
import { knowledgeArticles } from '../../db/schema/index.ts';
import type { AppDeps, RequestOrigin } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { recordAudit } from '../../platform/audit/audit-log.ts';
import { findArticle, type ArticleReader } from './knowledge.repository.ts';

/**
 * Deletes a draft the actor manages (audited with what it held). An answer once published may have
 * been given to callers, so it is archived instead, never deleted.
 */
export async function deleteArticle(deps: AppDeps, reader: ArticleReader, id: string, origin: RequestOrigin) {
  await deps.db.transaction(async (tx) => {
    const current = await findArticle(tx, reader, id, true);
    if (!current) throw new AppError('NOT_FOUND');
    const a = current.article;
    if (a.status !== 'draft' || a.publishedAt !== null) throw new AppError('KNOWLEDGE_ARTICLE_NOT_DRAFT');
    await tx.delete(knowledgeArticles).where(eq(knowledgeArticles.id, id));
    await recordAudit(tx, { cipher: deps.cipher, at: deps.clock.now() }, origin, {
      action: 'knowledge.delete',
      entityType: 'knowledge_articles',
      entityId: id,
      changes: {
        title: { before: a.title },
        body: { before: a.body },
        matters: { before: a.matters },
        status: { before: a.status },
      },
    });
  });
}
