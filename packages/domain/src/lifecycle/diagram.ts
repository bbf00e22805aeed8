import type { TransitionRule } from './rule.ts';
import { TRANSITION_RULES } from './rules.ts';
import { stateLabel, TERMINAL_STATES } from './states.ts';

export interface DiagramOptions {
  /** Add each rule's citation to its arrow. */
  citations?: boolean;
}

/** The transition table as a Mermaid `stateDiagram-v2`, for docs and reviews. */
export function lifecycleDiagram(
  rules: readonly TransitionRule[] = TRANSITION_RULES,
  options: DiagramOptions = {},
): string {
  const lines = ['stateDiagram-v2'];
  for (const rule of rules) {
    // Mermaid ends a statement at ';', so citations list with commas here.
    const basis = options.citations ? ` (${rule.citation.replaceAll(';', ',')})` : '';
    lines.push(`  ${stateLabel(rule.from)} --> ${rule.to}: ${rule.event}${basis}`);
  }
  for (const state of TERMINAL_STATES) lines.push(`  ${state} --> [*]`);
  return `${lines.join('\n')}\n`;
}
