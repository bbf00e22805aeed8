import { sql } from 'drizzle-orm';
import { index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { createdAt, searchColumns, updatedAt } from './columns.ts';
import { organisations } from './organisations.ts';
import { jurisdictions } from './rules.ts';
import { users } from './users.ts';

/** Drafts are seen by those who manage the knowledge base; published answers by every desk. */
export const ARTICLE_STATUSES = ['draft', 'published', 'archived'] as const;
export type ArticleStatus = (typeof ARTICLE_STATUSES)[number];

/**
 * The knowledge base (知识库): answers staff give at the consultation desk, tagged with matter
 * codes of the rule table `matter` and the jurisdiction whose law they explain. `version` counts
 * edits so two editors cannot overwrite each other. Search: trigram indexes on title and body
 * (substrings) and word tokens (`searchColumns`).
 */
export const knowledgeArticles = pgTable(
  'knowledge_articles',
  {
    id: uuid('id').primaryKey(),
    ownerOrgId: uuid('owner_org_id')
      .notNull()
      .references(() => organisations.id),
    jurisdiction: text('jurisdiction')
      .notNull()
      .references(() => jurisdictions.code),
    title: text('title').notNull(),
    /** Markdown or plain text. */
    body: text('body').notNull(),
    /** Matter codes (the catalogue in force for the jurisdiction). */
    matters: text('matters')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    /** The laws and documents the answer rests on, as a reader would cite them. */
    sources: text('sources'),
    status: text('status', { enum: ARTICLE_STATUSES }).notNull().default('draft'),
    /** Null for the articles Fayuan ships (migration 0008_knowledge_seed). */
    authorUserId: uuid('author_user_id').references(() => users.id),
    version: integer('version').notNull().default(1),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    ...searchColumns(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('knowledge_articles_status_updated_idx').on(t.status, t.updatedAt),
    index('knowledge_articles_owner_idx').on(t.ownerOrgId),
    index('knowledge_articles_matters_idx').using('gin', t.matters),
    index('knowledge_articles_tokens_idx').using('gin', t.searchTokens),
    index('knowledge_articles_title_trgm_idx').using('gin', t.title.op('gin_trgm_ops')),
    index('knowledge_articles_body_trgm_idx').using('gin', t.body.op('gin_trgm_ops')),
  ],
);
