import type { ObservationItem } from './hearingsApi';

/** The tag colour of an observation's stage: open work warm, done green, cancelled grey. */
export const observationColor = (status: ObservationItem['status']) =>
  ({ scheduled: 'blue', observed: 'orange', replied: 'purple', closed: 'green', cancelled: 'default' })[
    status
  ];
