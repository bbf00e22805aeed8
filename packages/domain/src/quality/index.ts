export * from './evaluation.ts';
