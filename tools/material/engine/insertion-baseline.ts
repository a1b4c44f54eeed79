/**
 * Solomon's I1 sequential insertion heuristic (Solomon, Operations Research 35(2), 1987), the classic
 * construction baseline the benchmark compares the search with. A route is seeded with the unrouted
 * customer farthest from the depot; then the customer with the best c2 = lambda * d(0,u) - c1 is inserted
 * at its best position, where c1 = alpha1 * (d(i,u) + d(u,j) - mu * d(i,j)) + alpha2 * (push-forward of
 * the service start at j), until nothing fits and a new route starts. Run with Solomon's usual parameter
 * sets; the best result (fewest vehicles, then distance) is returned.
 */
import { compileProblem, type CompiledProblem } from './compiled-problem';
import type { RoutingProblem, Routes } from './model';
import { RouteSet } from './route-set';

interface I1Parameters {
  mu: number;
  lambda: number;
  alpha1: number;
}

const PARAMETER_SETS: I1Parameters[] = [
  { mu: 1, lambda: 1, alpha1: 1 },
  { mu: 1, lambda: 2, alpha1: 1 },
  { mu: 1, lambda: 1, alpha1: 0 },
  { mu: 1, lambda: 2, alpha1: 0 },
];

export interface BaselineResult {
  routes: Routes;
  vehicles: number;
  distance: number;
}

export function solomonInsertion(problem: RoutingProblem): BaselineResult {
  const compiled = compileProblem(problem);
  let best: BaselineResult | undefined;
  for (const parameters of PARAMETER_SETS) {
    const set = buildRoutes(compiled, parameters);
    const result = { routes: set.toRoutes(), vehicles: set.usedRouteCount(), distance: set.totalDistance() };
    if (!best || result.vehicles < best.vehicles || (result.vehicles === best.vehicles && result.distance < best.distance)) best = result;
  }
  return best!;
}

function buildRoutes(problem: CompiledProblem, { mu, lambda, alpha1 }: I1Parameters): RouteSet {
  const { distance, nodeCount, demand, capacity, serviceTime, readyTime } = problem;
  const alpha2 = 1 - alpha1;
  const set = new RouteSet(problem);
  let slot = 0;
  while (set.unassignedCount > 0) {
    let seed = set.unassigned[0];
    for (let i = 1; i < set.unassignedCount; i++) if (distance[set.unassigned[i]] > distance[seed]) seed = set.unassigned[i];
    set.insert(slot, 0, seed);
    for (;;) {
      let bestCustomer = -1;
      let bestPosition = -1;
      let bestC2 = -Infinity;
      const base = slot * set.stride;
      for (let i = 0; i < set.unassignedCount; i++) {
        const u = set.unassigned[i];
        if (set.load[slot] + demand[u] > capacity) continue;
        let bestC1 = Infinity;
        let position = -1;
        for (let p = 0; p <= set.length[slot]; p++) {
          if (set.insertionCost(slot, p, u) === Infinity) continue;
          const before = set.nodes[base + p];
          const after = set.nodes[base + p + 1];
          const detour = distance[before * nodeCount + u] + distance[u * nodeCount + after] - mu * distance[before * nodeCount + after];
          const serviceStart = Math.max(readyTime[u], set.start[base + p] + serviceTime[before] + distance[before * nodeCount + u]);
          const nextStart = Math.max(readyTime[after], serviceStart + serviceTime[u] + distance[u * nodeCount + after]);
          const c1 = alpha1 * detour + alpha2 * (nextStart - set.start[base + p + 1]);
          if (c1 < bestC1) {
            bestC1 = c1;
            position = p;
          }
        }
        if (position < 0) continue;
        const c2 = lambda * distance[u] - bestC1;
        if (c2 > bestC2) {
          bestC2 = c2;
          bestCustomer = u;
          bestPosition = position;
        }
      }
      if (bestCustomer < 0) break;
      set.insert(slot, bestPosition, bestCustomer);
    }
    slot++;
  }
  return set;
}
