export * from './local-date.ts';
export * from './holiday-calendar.ts';
export * from './periods.ts';
export * from './statutory-holidays.ts';
export * from './concurrent-periods.ts';
