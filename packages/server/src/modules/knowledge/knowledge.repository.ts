import { and, arrayContains, asc, count, desc, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { Queryable } from '../../db/client.ts';
import { knowledgeArticles, users } from '../../db/schema/index.ts';
import { ownerInScope, type DataScope } from '../../platform/scope/data-scope.ts';
import { limitOffset, orderBy } from '../../platform/http/pagination.ts';
import { containsPattern, textSearchCondition, wordsQuery } from '../../platform/search/search-query.ts';
import { highlightTerms, snippetOf } from '../../platform/search/snippet.ts';
import type { ArticleHit, ArticleListQuery, ArticleView } from './knowledge.schemas.ts';

export type ArticleRow = typeof knowledgeArticles.$inferSelect;
export interface ArticleWithAuthor {
  article: ArticleRow;
  authorName: string | null;
}

/** Who reads the knowledge base and who keeps it (the route has already checked `knowledge.read`). */
export interface ArticleReader {
  scope: DataScope;
  /** Holds `knowledge.manage`: also sees drafts and archived articles of organisations in scope. */
  manages: boolean;
}

/**
 * Published answers are for every desk in the city, whoever wrote them; drafts and archived
 * articles only for those who manage articles of the owning organisation (its data scope).
 */
function visibleTo(reader: ArticleReader): SQL {
  const published = eq(knowledgeArticles.status, 'published');
  if (!reader.manages) return published;
  return or(published, ownerInScope(reader.scope, knowledgeArticles.ownerOrgId)) as SQL;
}

/** Only what the reader may change: articles owned in scope, by someone who manages them. */
function manageableBy(reader: ArticleReader): SQL {
  return reader.manages ? ownerInScope(reader.scope, knowledgeArticles.ownerOrgId) : sql`false`;
}

function baseSelect(db: Queryable) {
  return db
    .select({ article: knowledgeArticles, authorName: users.displayName })
    .from(knowledgeArticles)
    .leftJoin(users, eq(users.id, knowledgeArticles.authorUserId));
}

export function presentArticle({ article: a, authorName }: ArticleWithAuthor): ArticleView {
  return {
    id: a.id,
    ownerOrgId: a.ownerOrgId,
    jurisdiction: a.jurisdiction,
    title: a.title,
    body: a.body,
    matters: a.matters,
    sources: a.sources,
    status: a.status,
    author: a.authorUserId && authorName !== null ? { id: a.authorUserId, displayName: authorName } : null,
    version: a.version,
    publishedAt: a.publishedAt?.toISOString() ?? null,
    createdAt: a.createdAt.toISOString(),
    updatedAt: a.updatedAt.toISOString(),
  };
}

/** An article the reader may see, or (with `forChange`) one they may change, locked for update. */
export async function findArticle(
  db: Queryable,
  reader: ArticleReader,
  id: string,
  forChange = false,
): Promise<ArticleWithAuthor | undefined> {
  const query = baseSelect(db).where(
    and(eq(knowledgeArticles.id, id), forChange ? manageableBy(reader) : visibleTo(reader)),
  );
  const [row] = forChange ? await query.for('update', { of: knowledgeArticles }) : await query;
  return row;
}

/**
 * Lists or searches articles. With `q`, articles match when they share a segmented word with the
 * query or contain it as typed; the rank adds the word-token rank, a substring in the title (1) or
 * body (0.5) and the title's trigram similarity, and each hit carries a snippet with the matches.
 */
export async function listArticles(
  db: Queryable,
  reader: ArticleReader,
  filter: ArticleListQuery & { jurisdictions?: string[] | undefined },
): Promise<{ items: ArticleHit[]; total: number }> {
  const a = knowledgeArticles;
  const conditions: (SQL | undefined)[] = [visibleTo(reader)];
  if (filter.matter) conditions.push(arrayContains(a.matters, [filter.matter]));
  if (filter.jurisdictions) conditions.push(inArray(a.jurisdiction, filter.jurisdictions));
  if (filter.status) conditions.push(eq(a.status, filter.status));
  let rank: SQL | undefined;
  if (filter.q) {
    conditions.push(textSearchCondition(filter.q, a.searchTokens, [a.title, a.body], 'any'));
    const words = wordsQuery(filter.q, 'any');
    const pattern = containsPattern(filter.q);
    rank = sql`(${words ? sql`ts_rank(${a.searchTokens}, ${words}, 1)` : sql`0`}
      + CASE WHEN ${a.title} ILIKE ${pattern} THEN 1 ELSE 0 END
      + CASE WHEN ${a.body} ILIKE ${pattern} THEN 0.5 ELSE 0 END
      + similarity(${a.title}, ${filter.q}))`;
  }
  const where = and(...conditions);
  const { limit, offset } = limitOffset(filter);
  const order =
    rank && !filter.sort
      ? [desc(rank), desc(a.updatedAt), asc(a.id)]
      : orderBy(
          filter.sort,
          { updatedAt: a.updatedAt, createdAt: a.createdAt, title: a.title },
          desc(a.updatedAt),
          a.id,
        );
  const [rows, totals] = await Promise.all([
    baseSelect(db)
      .where(where)
      .orderBy(...order)
      .limit(limit)
      .offset(offset),
    db.select({ total: count() }).from(a).where(where),
  ]);
  const terms = filter.q ? highlightTerms(filter.q) : null;
  return {
    items: rows.map((row) => ({
      ...presentArticle(row),
      snippet: terms ? snippetOf(row.article.body, terms) : null,
    })),
    total: totals[0]?.total ?? 0,
  };
}
