export * from './organisations.ts';
export * from './users.ts';
export * from './platform.ts';
export * from './rules.ts';
export * from './documents.ts';
export * from './outbox.ts';
export * from './people.ts';
export * from './consultations.ts';
