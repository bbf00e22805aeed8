import type { TFunction } from 'i18next';
import type { DutyReason } from '../../api';
import { beijingDateTime, beijingToday } from '../rules/beijingTime';

/** A roster reason in words, with its figures (held, max, party…). */
export function reasonText(t: TFunction, r: DutyReason): string {
  return t(`duty.reasons.${r.code}`, { ...(r.params ?? {}) });
}

/** Beijing wall-clock `HH:MM` of an instant. */
export const clock = (instant: string) => beijingDateTime(instant).time;

/** The Monday of the week a `YYYY-MM-DD` day falls in. */
export function mondayOf(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  const back = (d.getUTCDay() + 6) % 7;
  return new Date(d.getTime() - back * 86_400_000).toISOString().slice(0, 10);
}

export const thisMonday = () => mondayOf(beijingToday());

export const dutyKeys = {
  stations: ['duty', 'stations'] as const,
  roster: (stationId: string, week: string) => ['duty', 'roster', stationId, week] as const,
  preview: (stationId: string, week: string) => ['duty', 'preview', stationId, week] as const,
  swaps: ['duty', 'swap-requests'] as const,
  requests: ['duty', 'requests'] as const,
  my: ['duty', 'my'] as const,
};
