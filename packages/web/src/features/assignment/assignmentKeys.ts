/** Query keys of assignment: a case's candidates and the handler's own cases. */
export const assignmentKeys = {
  all: ['assignment'] as const,
  candidates: (id: string) => ['assignment', 'candidates', id] as const,
  mine: ['assignment', 'mine'] as const,
};
