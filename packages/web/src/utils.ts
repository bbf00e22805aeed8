import dayjs from 'dayjs';

export const DATE_TIME_FORMAT = 'YYYY-MM-DD HH:mm:ss';
export const DATE_TIME_SHORT = 'YYYY-MM-DD HH:mm';

export function formatDateTime(value: string | null | undefined, format = DATE_TIME_FORMAT): string | null {
  if (!value) return null;
  const d = dayjs(value);
  return d.isValid() ? d.format(format) : value;
}

/** Drops empty strings so optional fields are left out of request bodies. */
export function compact<T extends Record<string, unknown>>(values: T): Partial<T> {
  const out: Partial<T> = {};
  for (const [key, value] of Object.entries(values) as [keyof T, T[keyof T]][]) {
    if (value === undefined || value === null) continue;
    if (typeof value === 'string' && value.trim() === '') continue;
    out[key] = typeof value === 'string' ? (value.trim() as T[keyof T]) : value;
  }
  return out;
}
