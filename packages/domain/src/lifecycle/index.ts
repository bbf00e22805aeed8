export * from './states.ts';
export * from './events.ts';
export * from './effects.ts';
export * from './context.ts';
export * from './rule.ts';
export * from './rules.ts';
export * from './transition.ts';
export * from './diagram.ts';
