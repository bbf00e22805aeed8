import { z } from 'zod';
import { isLocalDate } from '@fayuan/domain';

/**
 * The dates and instants every route schema takes. A calendar date must exist and an instant must
 * carry its offset; both must fall in 1900–2100, the years a legal aid record can be about (birth
 * dates included). Outside it PostgreSQL or the calendar code fails (a notice dated year 1 was a
 * 500); here it is a 400 VALIDATION_FAILED naming the field.
 */
export const EARLIEST_YEAR = 1900;
export const LATEST_YEAR = 2100;

function yearInRange(value: string): boolean {
  const year = Number(value.slice(0, 4));
  return year >= EARLIEST_YEAR && year <= LATEST_YEAR;
}

const RANGE = `between ${EARLIEST_YEAR} and ${LATEST_YEAR}`;

/** A calendar date `YYYY-MM-DD` that exists, in 1900–2100. */
export const localDate = z
  .string()
  .refine(isLocalDate, 'a calendar date YYYY-MM-DD')
  .refine(yearInRange, `a date ${RANGE}`);

/** An ISO 8601 instant with its offset, in 1900–2100 (in UTC, so an offset cannot push it out). */
export const instant = z.iso.datetime({ offset: true }).refine((value) => {
  const time = Date.parse(value);
  if (Number.isNaN(time)) return false;
  return yearInRange(new Date(time).toISOString());
}, `an instant ${RANGE}`);
