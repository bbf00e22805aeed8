import type { RuleRow, RuleTableName } from '../../api';

/** What makes versions replace each other (the server's `keyOf`, rule-tables.ts). */
export function keyOfData(table: RuleTableName, data: Record<string, unknown>): string | undefined {
  const text = (value: unknown) => (typeof value === 'string' && value !== '' ? value : undefined);
  switch (table) {
    case 'threshold':
      return 'threshold';
    case 'subsidy_policy':
      return 'policy';
    case 'period':
      return text(data.kind);
    case 'list_item': {
      const list = text(data.list);
      const code = text(data.code);
      return list && code ? `${list}:${code}` : undefined;
    }
    default:
      return text(data.code);
  }
}

/** Starting values of a new rule's `data` (the server's defaults). */
export function emptyData(table: RuleTableName): Record<string, unknown> {
  switch (table) {
    case 'matter':
      return { requiresFacts: [], hardshipTested: true };
    case 'exemption':
      return { kind: 'presumed', categories: [], facts: [], matters: [] };
    case 'period':
      return { unit: 'calendar_days' };
    case 'list_item':
      return { params: {} };
    case 'service_standard':
      return { caseTypes: [], evidence: { kind: 'judgement' } };
    case 'subsidy_rate':
      return { kind: 'base', service: 'case', caseTypes: [], unit: 'per_case', amountFen: null };
    case 'subsidy_policy':
      return { dateBasis: 'assignment', secondApprovalAboveFen: 50_000 };
    default:
      return {};
  }
}

/**
 * A service-standard item's `data` as the server takes it: the evidence with only the field its
 * kind uses, and the optional fields left out when cleared (a cleared number is null on the form).
 */
export function serviceStandardData(data: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(data))
    if (v !== null && v !== undefined && !(typeof v === 'string' && v.trim() === '')) out[k] = v;
  const evidence = (data.evidence ?? {}) as Record<string, unknown>;
  const field = { activity: 'activityKinds', document: 'documentKinds', closing_material: 'codes' }[
    String(evidence.kind) as 'activity'
  ] as string | undefined;
  out.evidence = field ? { kind: evidence.kind, [field]: evidence[field] ?? [] } : { kind: evidence.kind };
  return out;
}

/** The latest version of a rule in one jurisdiction, i.e. the one a new version follows. */
export function latestVersion(
  rows: readonly RuleRow[],
  key: string | undefined,
  jurisdiction: string,
): RuleRow | undefined {
  if (!key) return undefined;
  return rows
    .filter((r) => r.key === key && r.jurisdiction === jurisdiction)
    .reduce<RuleRow | undefined>((a, r) => (!a || r.effectiveFrom > a.effectiveFrom ? r : a), undefined);
}

/** Rows by key, then newest version first, the most local jurisdiction first among equals. */
export function sortVersions(rows: readonly RuleRow[], chain: readonly string[]): RuleRow[] {
  return [...rows].sort(
    (a, b) =>
      a.key.localeCompare(b.key) ||
      b.effectiveFrom.localeCompare(a.effectiveFrom) ||
      chain.indexOf(b.jurisdiction) - chain.indexOf(a.jurisdiction),
  );
}

/** The jurisdictions whose rules apply to `code`, from the most general to it: `['000000', '110000']`. */
export function chainOf(code: string, parents: ReadonlyMap<string, string | null>): string[] {
  const chain: string[] = [];
  let current: string | null | undefined = code;
  while (current && !chain.includes(current)) {
    chain.unshift(current);
    current = parents.get(current);
  }
  return chain;
}

export type RuleStatus = 'in_force' | 'future' | 'ended';

export function statusOf(row: RuleRow, today: string): RuleStatus {
  if (row.effectiveFrom > today) return 'future';
  if (row.effectiveTo !== null && row.effectiveTo < today) return 'ended';
  return 'in_force';
}
