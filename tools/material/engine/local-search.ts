/**
 * A granular local search between routes, used to polish solutions the annealing accepts: for each
 * customer u and each of its nearest customers v in another route, try relocating u next to v and the
 * 2-opt* exchange that links u to v (swap the route tails). Both are checked in O(1) from the cached
 * schedules (forward service starts, backward latest starts, loads through each position) of
 * route-set.ts. First improvement, until no move improves.
 */
import type { RandomSource } from '@/lib/seeded-random';
import type { RouteSet } from './route-set';

const EPSILON = 1e-9;

export class LocalSearchScratch {
  readonly order: Int32Array;
  readonly tailA: Int32Array;
  readonly tailB: Int32Array;

  constructor(nodeCount: number) {
    this.order = new Int32Array(nodeCount);
    this.tailA = new Int32Array(nodeCount + 2);
    this.tailB = new Int32Array(nodeCount + 2);
  }
}

/**
 * Improves `set` in place and returns the distance saved; every move keeps all routes feasible. With
 * `touchedOnly`, only customers in the routes touched so far are moved (after a ruin and recreate, the
 * rest was already locally optimal or close to it).
 */
export function localSearch(set: RouteSet, random: RandomSource, granularity: number, scratch: LocalSearchScratch, touchedOnly: boolean): number {
  const problem = set.problem;
  const { distance, nodeCount, customerCount, neighbours, demand, capacity, serviceTime } = problem;
  const order = scratch.order;
  let count = 0;
  if (touchedOnly) {
    for (let t = 0; t < set.touchedCount; t++) {
      const slot = set.touched[t];
      const base = slot * set.stride;
      for (let p = 1; p <= set.length[slot]; p++) order[count++] = set.nodes[base + p];
    }
  } else {
    for (let c = 1; c <= customerCount; c++) if (set.routeOf[c] >= 0) order[count++] = c;
  }
  for (let i = count - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    const swap = order[i];
    order[i] = order[j];
    order[j] = swap;
  }
  const k = Math.min(granularity, customerCount - 1);
  const stride = set.stride;
  let saved = 0;
  let improved = true;
  while (improved) {
    improved = false;
    for (let i = 0; i < count; i++) {
      const u = order[i];
      const row = (u - 1) * customerCount;
      for (let n = 1; n <= k; n++) {
        const v = neighbours[row + n];
        const ru = set.routeOf[u];
        const rv = set.routeOf[v];
        if (rv < 0 || rv === ru) continue;
        const pu = set.positionOf[u];
        const pv = set.positionOf[v];
        const baseU = ru * stride;
        const baseV = rv * stride;
        const beforeU = set.nodes[baseU + pu - 1];
        const afterU = set.nodes[baseU + pu + 1];
        const removalGain = distance[beforeU * nodeCount + u] + distance[u * nodeCount + afterU] - distance[beforeU * nodeCount + afterU];

        // Relocate u right after v, or right before v.
        if (set.load[rv] + demand[u] <= capacity) {
          const after = set.insertionCost(rv, pv, u);
          const before = set.insertionCost(rv, pv - 1, u);
          const bestInsertion = after < before ? after : before;
          if (bestInsertion < removalGain - EPSILON) {
            set.removeRange(ru, pu, pu);
            set.insert(rv, after < before ? set.positionOf[v] : set.positionOf[v] - 1, u);
            saved += removalGain - bestInsertion;
            improved = true;
            continue;
          }
        }

        // 2-opt*: route u keeps its head through u and takes v's tail from v on; route v keeps its
        // head before v and takes u's tail after u. New edges u->v and prev(v)->next(u).
        const prevV = set.nodes[baseV + pv - 1];
        const delta = distance[u * nodeCount + v] + distance[prevV * nodeCount + afterU] - distance[u * nodeCount + afterU] - distance[prevV * nodeCount + v];
        if (delta >= -EPSILON) continue;
        if (set.loadThrough[baseU + pu] + set.load[rv] - set.loadThrough[baseV + pv - 1] > capacity) continue;
        if (set.loadThrough[baseV + pv - 1] + set.load[ru] - set.loadThrough[baseU + pu] > capacity) continue;
        if (set.start[baseU + pu] + serviceTime[u] + distance[u * nodeCount + v] > set.latest[baseV + pv]) continue;
        if (set.start[baseV + pv - 1] + serviceTime[prevV] + distance[prevV * nodeCount + afterU] > set.latest[baseU + pu + 1]) continue;
        swapTails(set, ru, pu, rv, pv - 1, scratch);
        saved -= delta;
        improved = true;
      }
    }
  }
  return saved;
}

/** Route a becomes a[..cutA] + b[cutB+1..], route b becomes b[..cutB] + a[cutA+1..]. */
export function swapTails(set: RouteSet, a: number, cutA: number, b: number, cutB: number, scratch: LocalSearchScratch): void {
  const stride = set.stride;
  const baseA = a * stride;
  const baseB = b * stride;
  const lengthA = set.length[a];
  const lengthB = set.length[b];
  const tailA = scratch.tailA;
  const tailB = scratch.tailB;
  const tailALength = lengthA - cutA;
  const tailBLength = lengthB - cutB;
  for (let p = 0; p < tailALength; p++) tailA[p] = set.nodes[baseA + cutA + 1 + p];
  for (let p = 0; p < tailBLength; p++) tailB[p] = set.nodes[baseB + cutB + 1 + p];
  for (let p = 0; p < tailBLength; p++) set.nodes[baseA + cutA + 1 + p] = tailB[p];
  for (let p = 0; p < tailALength; p++) set.nodes[baseB + cutB + 1 + p] = tailA[p];
  set.length[a] = cutA + tailBLength;
  set.length[b] = cutB + tailALength;
  set.touch(a);
  set.touch(b);
  set.refresh(a);
  set.refresh(b);
}
