export * from './rules.ts';
export * from './assess.ts';
export * from './explain.ts';
export * from './refusal-grounds.ts';
export * from './matter-words.ts';
