/** Query keys of the quality area: the reference lists, and a case's evaluation. */
export const qualityKeys = {
  reference: ['quality', 'reference'] as const,
  evaluation: (id: string) => ['quality', 'evaluation', id] as const,
};
