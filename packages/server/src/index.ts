export { buildApp } from './app.ts';
export type { AppDeps } from './platform/context.ts';
