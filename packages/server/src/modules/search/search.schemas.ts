import { z } from 'zod';

export const searchQuery = z.object({
  q: z
    .string()
    .max(100)
    .describe(
      'Name (汉字, full pinyin or initials), identity or phone number (exact), application or document number (full, or its sequence part: 00002 or 2). Fewer than 2 characters (other than a digit) find nothing.',
    ),
});

export const SEARCH_KINDS = ['person', 'application', 'consultation', 'handler'] as const;

export const searchItem = z.object({
  kind: z.enum(SEARCH_KINDS),
  id: z.string().uuid(),
  /** Words for a person to read, in the caller's language: never a code or an id. */
  title: z.string(),
  subtitle: z.string(),
});
export type SearchItem = z.infer<typeof searchItem>;

export const searchAnswer = z.object({ items: z.array(searchItem) });
