/**
 * Minimum-cost maximum flow by successive shortest paths: Dijkstra on reduced costs with Johnson
 * potentials, stopped as soon as the sink is settled. Integer costs, all ≥ 0 on the edges added,
 * so the initial potentials are zero and every search is exact. Each augmentation pushes the
 * bottleneck of one shortest path; after the last one the flow is maximum and, among maximum
 * flows, of minimum cost (the classic SSP invariant: no negative cycle in the residual graph).
 * Deterministic: ties are broken by node number.
 */
export class MinCostFlow {
  private readonly from: number[] = [];
  private readonly to: number[] = [];
  private readonly cap: number[] = [];
  private readonly cost: number[] = [];

  constructor(readonly nodeCount: number) {}

  /** Adds `from → to` (and its residual twin); returns the edge's number for `flowOn`. */
  addEdge(from: number, to: number, capacity: number, cost: number): number {
    if (!Number.isInteger(cost) || cost < 0)
      throw new RangeError(`edge costs must be integers ≥ 0, got ${cost}`);
    const id = this.from.length;
    this.from.push(from, to);
    this.to.push(to, from);
    this.cap.push(capacity, 0);
    this.cost.push(cost, -cost);
    return id;
  }

  /** Flow currently on an edge added with `addEdge`. */
  flowOn(edge: number): number {
    return this.cap[edge + 1] as number;
  }

  run(source: number, sink: number): { flow: number; cost: number; augmentations: number } {
    const n = this.nodeCount;
    const m = this.from.length;
    // Adjacency in compressed rows, edges of a node in the order they were added.
    const start = new Int32Array(n + 1);
    for (let e = 0; e < m; e++) start[(this.from[e] as number) + 1]!++;
    for (let v = 0; v < n; v++) start[v + 1]! += start[v]!;
    const adjacency = new Int32Array(m);
    const fill = start.slice(0, n);
    for (let e = 0; e < m; e++) adjacency[fill[this.from[e] as number]!++] = e;

    const to = Int32Array.from(this.to);
    const cap = Int32Array.from(this.cap);
    const cost = Float64Array.from(this.cost);
    const potential = new Float64Array(n);
    const dist = new Float64Array(n);
    const settled = new Uint8Array(n);
    const via = new Int32Array(n);
    const heap = new BinaryHeap(n);
    let flow = 0;
    let total = 0;
    let augmentations = 0;

    for (;;) {
      dist.fill(Infinity);
      settled.fill(0);
      via.fill(-1);
      dist[source] = 0;
      heap.clear();
      heap.push(0, source);
      while (heap.size > 0) {
        const u = heap.popNode();
        if (settled[u]) continue;
        settled[u] = 1;
        if (u === sink) break;
        const du = dist[u]! + potential[u]!;
        for (let i = start[u]!, end = start[u + 1]!; i < end; i++) {
          const e = adjacency[i]!;
          if (cap[e]! <= 0) continue;
          const v = to[e]!;
          if (settled[v]) continue;
          const dv = du + cost[e]! - potential[v]!;
          if (dv < dist[v]!) {
            dist[v] = dv;
            via[v] = e;
            heap.push(dv, v);
          }
        }
      }
      if (!settled[sink]) break;
      const reach = dist[sink]!;
      // Early stop: unsettled nodes are at least `reach` away, so capping at it keeps reduced costs ≥ 0.
      for (let v = 0; v < n; v++) potential[v]! += Math.min(dist[v]!, reach);

      let push = Infinity;
      for (let v = sink; v !== source; v = to[via[v]! ^ 1]!) push = Math.min(push, cap[via[v]!]!);
      for (let v = sink; v !== source; v = to[via[v]! ^ 1]!) {
        const e = via[v]!;
        cap[e]! -= push;
        cap[e ^ 1]! += push;
        total += push * cost[e]!;
      }
      flow += push;
      augmentations++;
    }
    for (let e = 0; e < m; e++) this.cap[e] = cap[e]!;
    return { flow, cost: total, augmentations };
  }
}

/** A min-heap of (key, node), ties by node, with lazy deletion left to the caller. */
class BinaryHeap {
  private keys: Float64Array;
  private nodes: Int32Array;
  size = 0;

  constructor(capacity: number) {
    this.keys = new Float64Array(Math.max(16, capacity));
    this.nodes = new Int32Array(Math.max(16, capacity));
  }

  clear() {
    this.size = 0;
  }

  private less(i: number, j: number): boolean {
    const a = this.keys[i]!;
    const b = this.keys[j]!;
    return a < b || (a === b && this.nodes[i]! < this.nodes[j]!);
  }

  private swap(i: number, j: number) {
    const k = this.keys[i]!;
    this.keys[i] = this.keys[j]!;
    this.keys[j] = k;
    const n = this.nodes[i]!;
    this.nodes[i] = this.nodes[j]!;
    this.nodes[j] = n;
  }

  push(key: number, node: number) {
    if (this.size === this.keys.length) {
      const keys = new Float64Array(this.size * 2);
      keys.set(this.keys);
      this.keys = keys;
      const nodes = new Int32Array(this.size * 2);
      nodes.set(this.nodes);
      this.nodes = nodes;
    }
    let i = this.size++;
    this.keys[i] = key;
    this.nodes[i] = node;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.less(i, parent)) break;
      this.swap(i, parent);
      i = parent;
    }
  }

  popNode(): number {
    const top = this.nodes[0]!;
    this.size--;
    if (this.size > 0) {
      this.keys[0] = this.keys[this.size]!;
      this.nodes[0] = this.nodes[this.size]!;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let smallest = i;
        if (l < this.size && this.less(l, smallest)) smallest = l;
        if (r < this.size && this.less(r, smallest)) smallest = r;
        if (smallest === i) break;
        this.swap(i, smallest);
        i = smallest;
      }
    }
    return top;
  }
}
