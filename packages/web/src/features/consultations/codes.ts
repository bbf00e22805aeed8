import type { ConsultationChannel, ConsultationOutcome } from '../../api';

/** In the order staff meet them: the hotline first. */
export const CHANNELS: readonly ConsultationChannel[] = [
  'hotline_12348',
  'window_visit',
  'online',
  'letter',
  'video',
  'workstation',
  'circuit_service',
];

/** Also the keys 1–4 on the quick-entry screen. */
export const OUTCOMES: readonly ConsultationOutcome[] = ['answered', 'referred', 'converted', 'pending'];

export const OUTCOME_COLOURS: Record<ConsultationOutcome, string> = {
  answered: 'green',
  referred: 'blue',
  converted: 'purple',
  pending: 'orange',
};

export function formatDuration(seconds: number): string {
  const m = Math.floor(seconds / 60);
  const s = seconds % 60;
  return `${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}`;
}
