import type { ApplicationClock } from '../../api';

/**
 * Where a deadline stands at `now`: the time left, the time past it, paused (the supplement pause
 * of LAL art.43(2)) or ended. Pure, so the ticking component only renders.
 */
export type Countdown =
  | { kind: 'running'; ms: number }
  | { kind: 'overdue'; ms: number }
  | { kind: 'paused' }
  | { kind: 'stopped'; onTime: boolean | null };

export function countdownOf(
  clock: Pick<ApplicationClock, 'status' | 'dueAt' | 'onTime'>,
  now: number,
): Countdown {
  if (clock.status === 'paused') return { kind: 'paused' };
  if (clock.status === 'stopped') return { kind: 'stopped', onTime: clock.onTime };
  const left = Date.parse(clock.dueAt) - now;
  return left >= 0 ? { kind: 'running', ms: left } : { kind: 'overdue', ms: -left };
}

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export interface DurationParts {
  days: number;
  hours: number;
  minutes: number;
  seconds: number;
}

export function durationParts(ms: number): DurationParts {
  const total = Math.max(0, Math.floor(ms / SECOND)) * SECOND;
  return {
    days: Math.floor(total / DAY),
    hours: Math.floor((total % DAY) / HOUR),
    minutes: Math.floor((total % HOUR) / MINUTE),
    seconds: Math.floor((total % MINUTE) / SECOND),
  };
}

/** Seconds tick only in the last hour; before that the text changes once a minute at most. */
export function tickInterval(countdown: Countdown): number | null {
  if (countdown.kind === 'running') return countdown.ms < HOUR ? SECOND : 30 * SECOND;
  if (countdown.kind === 'overdue') return countdown.ms < HOUR ? SECOND : MINUTE;
  return null;
}

/** Less than a day left: the row is highlighted before it turns red. */
export function isUrgent(countdown: Countdown): boolean {
  return countdown.kind === 'running' && countdown.ms < DAY;
}
