export * from './organisations.ts';
export * from './users.ts';
export * from './platform.ts';
export * from './rules.ts';
