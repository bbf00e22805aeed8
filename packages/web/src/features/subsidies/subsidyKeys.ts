/** Query keys of the subsidy area: the payments recorded on a case. */
export const subsidyKeys = {
  payments: (id: string) => ['subsidies', 'payments', id] as const,
};
