export * from './client';
export * from './endpoints';
export type * from './types';
export type * from './applicationTypes';
export type * from './handlerTypes';
export type * from './assignmentTypes';
export * from './caseworkTypes';
export type * from './qualityTypes';
export type * from './caseBriefTypes';
