import type { OrganisationTreeEntry } from '../../api';

export interface OrgNode {
  entry: OrganisationTreeEntry;
  children: OrgNode[];
}

export interface OrgForest {
  roots: OrgNode[];
  byId: Map<string, OrgNode>;
}

/**
 * Links the flat list of GET /organisations/tree into a forest. An entry whose parent is out of the
 * user's scope becomes a root (a district user's tree starts at the district centre).
 */
export function buildForest(entries: readonly OrganisationTreeEntry[]): OrgForest {
  const byId = new Map<string, OrgNode>();
  for (const entry of entries) byId.set(entry.id, { entry, children: [] });
  const roots: OrgNode[] = [];
  for (const node of byId.values()) {
    const parent = node.entry.parentId ? byId.get(node.entry.parentId) : undefined;
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  return { roots, byId };
}

/** Names from the top of the visible tree down to `id`. */
export function ancestry(forest: OrgForest, id: string): OrganisationTreeEntry[] {
  const chain: OrganisationTreeEntry[] = [];
  const seen = new Set<string>();
  let node = forest.byId.get(id);
  while (node && !seen.has(node.entry.id)) {
    seen.add(node.entry.id);
    chain.unshift(node.entry);
    node = node.entry.parentId ? forest.byId.get(node.entry.parentId) : undefined;
  }
  return chain;
}

export function matchesQuery(entry: OrganisationTreeEntry, query: string): boolean {
  const q = query.trim().toLowerCase();
  if (!q) return true;
  return entry.name.toLowerCase().includes(q) || entry.code.toLowerCase().includes(q);
}

/**
 * Keeps matching nodes and their ancestors; returns the pruned forest and the ids to expand
 * (every ancestor of a match) so the matches are visible.
 */
export function filterForest(roots: OrgNode[], query: string): { roots: OrgNode[]; expand: string[] } {
  const expand: string[] = [];
  const visit = (node: OrgNode): OrgNode | null => {
    const kids = node.children.map(visit).filter((n): n is OrgNode => n !== null);
    if (kids.length > 0) expand.push(node.entry.id);
    if (kids.length > 0 || matchesQuery(node.entry, query)) return { entry: node.entry, children: kids };
    return null;
  };
  return { roots: roots.map(visit).filter((n): n is OrgNode => n !== null), expand };
}
