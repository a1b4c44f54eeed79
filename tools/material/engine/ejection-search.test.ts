import { describe, expect, it } from 'vitest';
import { seededRandom } from '@/lib/seeded-random';
import { compileProblem } from './compiled-problem';
import { EjectionScratch, findEjection } from './ejection-search';
import { checkRoutes } from './feasibility';
import { randomRoutingProblem } from './random-problem';
import { RouteSet } from './route-set';
import { DEFAULT_STRING_REMOVAL, recreateGreedy, StringRemovalScratch } from './string-removal';

/** Smallest count sum over every route, position and set of at most `k` others ejected, by brute force. */
function bruteForce(set: RouteSet, customer: number, counts: Float64Array, k: number): number {
  const { distance, serviceTime, readyTime, dueTime, demand, capacity, nodeCount } = set.problem;
  const feasible = (route: number[]) => {
    let time = 0;
    let load = 0;
    let previous = 0;
    for (const node of route) {
      time = Math.max(time + serviceTime[previous] + distance[previous * nodeCount + node], readyTime[node]);
      if (time > dueTime[node]) return false;
      load += demand[node];
      previous = node;
    }
    return time + serviceTime[previous] + distance[previous * nodeCount] <= dueTime[0] && load <= capacity;
  };
  let best = Infinity;
  for (let slot = 0; slot < set.slotCount; slot++) {
    const length = set.length[slot];
    if (length === 0) continue;
    const route = Array.from(set.nodes.subarray(slot * set.stride + 1, slot * set.stride + 1 + length));
    for (let position = 0; position <= length; position++) {
      for (let mask = 0; mask < 1 << length; mask++) {
        let bits = 0;
        let sum = 0;
        for (let i = 0; i < length; i++) {
          if (!(mask & (1 << i))) continue;
          bits++;
          sum += counts[route[i]];
        }
        if (bits > k || sum >= best) continue;
        const kept = route.filter((_, i) => !(mask & (1 << i)));
        const keptBefore = route.slice(0, position).filter((_, i) => !(mask & (1 << i))).length;
        kept.splice(keptBefore, 0, customer);
        if (feasible(kept)) best = sum;
      }
    }
  }
  return best;
}

describe('findEjection', () => {
  it('finds the smallest count sum that a brute force finds, and the route it leaves is feasible', () => {
    let compared = 0;
    for (const seed of [1, 2, 3, 4, 5, 6, 7, 8]) {
      const problem = randomRoutingProblem({ customers: 30, seed, capacity: 50, minWindow: 20, maxWindow: 60 });
      const compiled = compileProblem(problem);
      const random = seededRandom(seed);
      const set = new RouteSet(compiled);
      recreateGreedy(set, random, DEFAULT_STRING_REMOVAL, new StringRemovalScratch(compiled.customerCount, compiled.nodeCount), true, 30);
      const counts = new Float64Array(compiled.nodeCount).map(() => 1 + Math.floor(random() * 5));
      const customer = 1 + Math.floor(random() * 30);
      set.removeRange(set.routeOf[customer], set.positionOf[customer], set.positionOf[customer]);
      const longest = Math.max(...Array.from(set.length));
      if (longest > 12) continue;
      const ejection = findEjection(set, customer, counts, 3, 1e9, random, new EjectionScratch(compiled.nodeCount));
      const expected = bruteForce(set, customer, counts, 3);
      compared++;
      if (expected === Infinity) {
        expect(ejection).toBeUndefined();
        continue;
      }
      expect(ejection).toBeDefined();
      expect(ejection!.countSum).toBe(expected);
      expect(ejection!.ejected.reduce((sum, c) => sum + counts[c], 0)).toBe(expected);
      expect(ejection!.ejected).not.toContain(customer);
      set.insert(ejection!.slot, ejection!.position, customer);
      for (const out of ejection!.ejected) set.removeRange(ejection!.slot, set.positionOf[out], set.positionOf[out]);
      const check = checkRoutes(problem, set.toRoutes());
      expect(check.violations.filter((v) => !v.includes('not served'))).toEqual([]);
      expect(set.unassignedCount).toBe(ejection!.ejected.length);
    }
    expect(compared).toBeGreaterThanOrEqual(4);
  });
});
