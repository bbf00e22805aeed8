export * from './evaluation.ts';
export * from './complaints.ts';
export * from './sampling.ts';
export * from './service-standard.ts';
export * from './handler-quality.ts';
export * from './visits.ts';
export * from './centre-kpis.ts';
export * from './hearing-observations.ts';
