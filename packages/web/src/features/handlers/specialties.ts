/** Case types a handler may list as a specialty (the server's CASE_TYPES), beside matter codes. */
export const CASE_TYPES_FOR_SPECIALTIES = [
  'criminal',
  'civil',
  'administrative',
  'state_compensation',
  'appeal',
  'notarial',
  'non_litigation',
] as const;
