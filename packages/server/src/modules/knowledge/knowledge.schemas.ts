import { z } from 'zod';
import { ARTICLE_STATUSES } from '../../db/schema/index.ts';
import { listQuery, pageOf } from '../../platform/http/pagination.ts';

const text = (max: number) => z.string().trim().min(1).max(max);
const matter = z.string().trim().min(1).max(64);
const jurisdiction = z.string().regex(/^\d{6}$/, 'a six-digit region code');
const matters = z
  .array(matter)
  .max(20)
  .refine((codes) => new Set(codes).size === codes.length, 'each matter once');

/** Articles explain Beijing practice unless told otherwise. */
export const DEFAULT_ARTICLE_JURISDICTION = '110000';

export const createArticleBody = z.strictObject({
  title: text(200),
  /** Markdown or plain text. */
  body: text(50_000),
  matters: matters.default([]),
  jurisdiction: jurisdiction.default(DEFAULT_ARTICLE_JURISDICTION),
  sources: text(2_000).optional(),
  status: z.enum(ARTICLE_STATUSES).default('draft'),
});
export type CreateArticleInput = z.infer<typeof createArticleBody>;

export const updateArticleBody = z.strictObject({
  /** The version the editor started from; a stale one is refused (KNOWLEDGE_VERSION_CONFLICT). */
  version: z.number().int().min(1),
  title: text(200).optional(),
  body: text(50_000).optional(),
  matters: matters.optional(),
  jurisdiction: jurisdiction.optional(),
  sources: text(2_000).nullable().optional(),
  status: z.enum(ARTICLE_STATUSES).optional(),
});
export type UpdateArticleInput = z.infer<typeof updateArticleBody>;

/** A piece of the snippet; `match` marks the words the query found. */
const snippetPart = z.object({ text: z.string(), match: z.boolean() });

const userRef = z.object({ id: z.string().uuid(), displayName: z.string() });

export const articleSchema = z.object({
  id: z.string().uuid(),
  ownerOrgId: z.string().uuid(),
  jurisdiction: z.string(),
  title: z.string(),
  body: z.string(),
  matters: z.array(z.string()),
  sources: z.string().nullable(),
  status: z.enum(ARTICLE_STATUSES),
  author: userRef.nullable(),
  version: z.number().int(),
  publishedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type ArticleView = z.infer<typeof articleSchema>;

export const articleHitSchema = articleSchema.extend({
  /** Present when searching: a short passage around the first match, the matches marked. */
  snippet: z.array(snippetPart).nullable(),
});
export type ArticleHit = z.infer<typeof articleHitSchema>;

export const articleListQuery = listQuery(['updatedAt', 'createdAt', 'title'], {
  /** Words or a phrase; matched as segmented words and as a substring of title and body. */
  q: z.string().trim().min(1).max(200).optional(),
  /** Only articles tagged with this matter code. */
  matter: matter.optional(),
  /** Articles whose law applies there: the region itself and the more general ones (Beijing → national). */
  jurisdiction: jurisdiction.optional(),
  status: z.enum(ARTICLE_STATUSES).optional(),
});
export type ArticleListQuery = z.infer<typeof articleListQuery>;
export const articlePage = pageOf(articleHitSchema);
