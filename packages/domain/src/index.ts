export * from './shared/brand.ts';
export * from './access/roles.ts';
export * from './access/organisation-path.ts';
export * from './access/password-policy.ts';
