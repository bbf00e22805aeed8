import { customType, timestamp } from 'drizzle-orm/pg-core';

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
