import { beijingDateTime } from '../rules/beijingTime';

/** An instant as Beijing date and time, `2026-05-03 14:05`. */
export function atBeijing(instant: string | null | undefined): string {
  if (!instant) return '';
  const { date, time } = beijingDateTime(instant);
  return time ? `${date} ${time}` : date;
}

/** Bytes as B / KB / MB with one decimal. */
export function fileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
