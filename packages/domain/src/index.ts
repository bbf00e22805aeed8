export * from './shared/brand.ts';
export * from './access/roles.ts';
export * from './access/organisation-path.ts';
export * from './access/password-policy.ts';
export * from './calendar/index.ts';
export * from './eligibility/index.ts';
export * from './reference/index.ts';
export * from './lifecycle/index.ts';
