export * from './standard.ts';
export * from './calculate.ts';
export * from './batch.ts';
