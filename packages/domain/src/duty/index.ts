export * from './roster.ts';
export * from './services.ts';
