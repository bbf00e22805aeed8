export * from './rules-cn-bj.ts';
export * from './periods-cn-bj.ts';
export * from './lists-cn-bj.ts';
export * from './calendar-cn.ts';
export * from './to-confirm.ts';
export * from './statutory-holidays-cn.ts';
export * from './service-standards-cn.ts';
export * from './subsidy-rates-cn.ts';
