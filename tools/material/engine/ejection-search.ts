/**
 * The ejection step of Nagata & Bräysy's route minimisation (2009): when a customer fits nowhere, even
 * after a squeeze, insert it anyway and eject up to `maxEjected` other customers of that route so that
 * the route is feasible again, choosing the insertion and the ejected set with the smallest summed
 * "failure" counts p[] (a customer that has often failed to go in is costly to throw out again).
 *
 * For each route and insertion position the candidates are enumerated in lexicographic order by a
 * depth-first search over the route's customers (keep or eject each), pruned when a kept customer is
 * late (ejecting later ones cannot help), when the count sum reaches the best found, and when the rest of
 * the route is on time as it stands (checked in O(1) against the latest start times of the route with
 * the customer inserted). A node budget per position bounds the search on long routes.
 */
import type { RandomSource } from '@/lib/seeded-random';
import type { RouteSet } from './route-set';

export class EjectionScratch {
  /** The route with the customer inserted, depot excluded, and its latest service starts. */
  readonly sequence: Int32Array;
  readonly latest: Float64Array;
  readonly path: Int32Array;
  readonly best: Int32Array;

  constructor(nodeCount: number) {
    this.sequence = new Int32Array(nodeCount + 1);
    this.latest = new Float64Array(nodeCount + 2);
    this.path = new Int32Array(nodeCount + 1);
    this.best = new Int32Array(nodeCount + 1);
  }
}

export interface Ejection {
  slot: number;
  /** Insert after this position of the route (0 = right after the depot). */
  position: number;
  /** Customers to eject, their failure counts summed in `countSum`. */
  ejected: number[];
  countSum: number;
}

/**
 * The best ejection for inserting `customer`, or undefined when no route can take it with at most
 * `maxEjected` customers thrown out (within the node budget). Ties are broken at random.
 */
export function findEjection(
  set: RouteSet,
  customer: number,
  counts: Float64Array,
  maxEjected: number,
  nodeBudget: number,
  random: RandomSource,
  scratch: EjectionScratch,
): Ejection | undefined {
  const { distance, serviceTime, readyTime, dueTime, demand, capacity, nodeCount } = set.problem;
  const { sequence, latest, path, best } = scratch;
  let bestSum = Infinity;
  let bestCount = 0;
  let bestSlot = -1;
  let bestPosition = -1;
  let ties = 0;
  let length = 0;
  let totalLoad = 0;
  let budget = 0;

  let currentSlot = -1;
  let currentPosition = -1;
  /** A feasible candidate: keep it when its sum is lower, or with chance 1/ties when equal. */
  const found = (sum: number, ejected: number): void => {
    if (sum < bestSum) ties = 1;
    else if (sum > bestSum || random() * ++ties >= 1) return;
    bestSum = sum;
    bestCount = ejected;
    bestSlot = currentSlot;
    bestPosition = currentPosition;
    for (let i = 0; i < ejected; i++) best[i] = path[i];
  };
  // i: index into sequence; previous: last kept node; departure: when the vehicle leaves it.
  const search = (i: number, previous: number, departure: number, ejected: number, sum: number, removedLoad: number): void => {
    if (--budget < 0) return;
    if (i === length) {
      if (departure + distance[previous * nodeCount] <= dueTime[0] && totalLoad - removedLoad <= capacity) found(sum, ejected);
      return;
    }
    const node = sequence[i];
    let start = departure + distance[previous * nodeCount + node];
    if (start < readyTime[node]) start = readyTime[node];
    const canKeep = start <= dueTime[node];
    if (canKeep && start <= latest[i] && totalLoad - removedLoad <= capacity) {
      // On time from here on without further ejections; more ejections would only add to the sum.
      found(sum, ejected);
      return;
    }
    if (node !== customer && ejected < maxEjected && sum + counts[node] <= bestSum) {
      path[ejected] = node;
      search(i + 1, previous, departure, ejected + 1, sum + counts[node], removedLoad + demand[node]);
    }
    if (canKeep) search(i + 1, node, start + serviceTime[node], ejected, sum, removedLoad);
  };

  for (let slot = 0; slot < set.slotCount; slot++) {
    const routeLength = set.length[slot];
    if (routeLength === 0) continue;
    const base = slot * set.stride;
    length = routeLength + 1;
    totalLoad = set.load[slot] + demand[customer];
    for (let position = 0; position <= routeLength; position++) {
      for (let p = 0, q = 1; p < length; p++) sequence[p] = p === position ? customer : set.nodes[base + q++];
      let late = dueTime[0];
      let next = 0;
      for (let p = length - 1; p >= 0; p--) {
        const node = sequence[p];
        late -= distance[node * nodeCount + next] + serviceTime[node];
        if (late > dueTime[node]) late = dueTime[node];
        // A node that cannot start by then makes every suffix through it late, whenever it is reached.
        if (late < readyTime[node]) late = -Infinity;
        latest[p] = late;
        next = node;
      }
      currentSlot = slot;
      currentPosition = position;
      budget = nodeBudget;
      search(0, 0, readyTime[0], 0, 0, 0);
    }
  }
  if (bestSlot < 0) return undefined;
  return { slot: bestSlot, position: bestPosition, ejected: Array.from(best.subarray(0, bestCount)), countSum: bestSum };
}
