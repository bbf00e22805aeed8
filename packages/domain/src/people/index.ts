export * from './identity-number.ts';
export * from './phone.ts';
export * from './documents.ts';
export * from './masking.ts';
