/**
 * Organisations form a tree (city centre → district centres → workstations → contact points).
 * Each stores a materialised path of ids, `/<root>/<child>/…/<self>/`, so "everything owned by my
 * subtree" is one prefix comparison that an index serves.
 */
export function childPath(parentPath: string | null, id: string): string {
  return `${parentPath ?? '/'}${id}/`;
}

export function isWithin(path: string, scopePath: string): boolean {
  return path.startsWith(scopePath);
}

export function depthOf(path: string): number {
  return path.split('/').length - 3;
}
