import type { LifecycleActor } from './context.ts';

/** Staff who take applications at windows, hotlines and workstations, and the reviewers behind them. */
export const APPLICATION_TAKERS: readonly LifecycleActor[] = [
  'window_staff',
  'workstation_staff',
  'reviewer',
];
/** Who decides on an application or a closing: the reviewer, with the director's approval. */
export const DECIDERS: readonly LifecycleActor[] = ['reviewer', 'director'];
/** Who assigns, changes handlers and terminates aid: the centre's head (指派 / 中心主任). */
export const ASSIGNERS: readonly LifecycleActor[] = ['director'];
/** An objection goes to the justice bureau; the applicant may file it online, a window may record it. */
export const OBJECTION_FILERS: readonly LifecycleActor[] = ['applicant', 'supervisor', 'window_staff'];
