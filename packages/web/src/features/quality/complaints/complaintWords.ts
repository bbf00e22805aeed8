import type { ComplaintDetail } from './complaintsApi';

/** The colour of a complaint's status: orange while the centre owes a step, green once closed. */
export function statusColor(status: ComplaintDetail['status']): string {
  if (status === 'replied' || status === 'reviewed') return 'green';
  if (status === 'appealed') return 'purple';
  return 'orange';
}
