import { sql } from 'drizzle-orm';
import { customType, text, timestamp } from 'drizzle-orm/pg-core';

export const bytea = customType<{ data: Buffer; driverData: Buffer }>({
  dataType: () => 'bytea',
});

/**
 * A personal-data field that must be encrypted at rest (identity and phone numbers): the sealed
 * value (AES-256-GCM, see platform/crypto/field-cipher.ts) and a keyed hash beside it for exact
 * lookup. Every area declares such fields with this helper and lists them in personal-data.ts.
 */
export function sealedColumns<N extends string>(name: N) {
  const column = name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
  return {
    [`${name}Sealed`]: bytea(`${column}_sealed`),
    [`${name}Hash`]: bytea(`${column}_hash`),
  } as { [K in `${N}Sealed` | `${N}Hash`]: ReturnType<typeof bytea> };
}

export const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
export const updatedAt = () => timestamp('updated_at', { withTimezone: true }).notNull().defaultNow();

const tsvector = customType<{ data: string; driverData: string }>({
  dataType: () => 'tsvector',
});

/**
 * Word-token search over Chinese text (architecture.md, "Data"): the server segments the text with
 * `Intl.Segmenter` (platform/search/segment.ts) and stores the words space-joined in
 * `search_segments`; PostgreSQL derives `search_tokens` from them with the `simple` configuration,
 * so a query segmented the same way matches whole words inside longer sentences.
 */
export function searchColumns() {
  return {
    searchSegments: text('search_segments').notNull().default(''),
    searchTokens: tsvector('search_tokens').generatedAlwaysAs(
      sql`to_tsvector('simple'::regconfig, "search_segments")`,
    ),
  };
}
