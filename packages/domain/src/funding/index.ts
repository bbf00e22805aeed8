export * from './budgets.ts';
export * from './donations.ts';
export * from './contracts.ts';
