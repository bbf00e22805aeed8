export * from './objection-window.ts';
