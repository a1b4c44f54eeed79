import { describe, expect, it } from 'vitest';
import { seededRandom } from '@/lib/seeded-random';
import { compileProblem } from './compiled-problem';
import { checkRoutes } from './feasibility';
import { insertionPenalty, routePenalty, SqueezeScratch, squeeze } from './penalised-insertion';
import { randomRoutingProblem } from './random-problem';
import { RouteSet } from './route-set';
import { DEFAULT_STRING_REMOVAL, recreateGreedy, StringRemovalScratch } from './string-removal';
import { TimeWarpSegments } from './time-warp-segments';

function greedySolution(customers: number, seed: number) {
  const problem = randomRoutingProblem({ customers, seed, capacity: 60, minWindow: 20, maxWindow: 80 });
  const compiled = compileProblem(problem);
  const random = seededRandom(seed);
  const set = new RouteSet(compiled);
  recreateGreedy(set, random, DEFAULT_STRING_REMOVAL, new StringRemovalScratch(compiled.customerCount, compiled.nodeCount), true, customers);
  return { problem, compiled, random, set };
}

function routeOf(set: RouteSet, slot: number): Int32Array {
  const base = slot * set.stride;
  return set.nodes.slice(base + 1, base + 1 + set.length[slot]);
}

describe('penalised insertion', () => {
  it('scores an insertion in O(1) exactly as a scan of the route with the customer in it', () => {
    const { set, compiled } = greedySolution(40, 3);
    const customer = 7;
    set.removeRange(set.routeOf[customer], set.positionOf[customer], set.positionOf[customer]);
    let infeasibleSeen = 0;
    for (let slot = 0; slot < set.slotCount; slot++) {
      const route = routeOf(set, slot);
      if (route.length === 0) continue;
      for (let position = 0; position <= route.length; position++) {
        const withCustomer = Int32Array.from([...route.slice(0, position), customer, ...route.slice(position)]);
        const scanned = routePenalty(set, withCustomer, withCustomer.length, 2);
        expect(insertionPenalty(set, slot, position, customer, 2)).toBeCloseTo(scanned, 9);
        if (scanned > 0) infeasibleSeen++;
      }
    }
    expect(infeasibleSeen).toBeGreaterThan(0);
    expect(compiled.customerCount).toBe(40);
  });

  it('finds the time warp of glued prefixes and suffixes as a scan does, on routes that break their windows', () => {
    const { set, random } = greedySolution(50, 5);
    const segments = new TimeWarpSegments(set.slotCount * set.stride);
    // Shuffle each route so that most break their time windows, then glue random prefixes and suffixes.
    const used: number[] = [];
    for (let slot = 0; slot < set.slotCount; slot++) {
      if (set.length[slot] === 0) continue;
      const route = routeOf(set, slot);
      for (let i = route.length - 1; i > 0; i--) {
        const j = Math.floor(random() * (i + 1));
        [route[i], route[j]] = [route[j], route[i]];
      }
      set.setRoute(slot, route, route.length);
      segments.compute(set, slot);
      used.push(slot);
    }
    let warped = 0;
    for (let trial = 0; trial < 300; trial++) {
      const a = used[Math.floor(random() * used.length)];
      const b = used[Math.floor(random() * used.length)];
      const cutA = Math.floor(random() * (set.length[a] + 1));
      const fromB = 1 + Math.floor(random() * (set.length[b] + 1));
      const customer = 1 + Math.floor(random() * 50);
      segments.beginPrefix(set, a, cutA);
      segments.appendCustomer(set, customer);
      segments.appendSuffix(set, b, fromB);
      const glued = Int32Array.from([...routeOf(set, a).slice(0, cutA), customer, ...routeOf(set, b).slice(fromB - 1)]);
      // Capacity 1e9 so that the penalty is the time warp alone.
      const scan = routePenalty({ ...set, problem: { ...set.problem, capacity: 1e9 } } as RouteSet, glued, glued.length, 1);
      expect(segments.warp).toBeCloseTo(scan, 6);
      if (scan > 0) warped++;
    }
    expect(warped).toBeGreaterThan(100);
  });

  it('squeezes a customer in with every route feasible, or leaves the routes as they were', () => {
    let successes = 0;
    let failures = 0;
    for (const seed of [1, 2, 3, 4, 5, 6]) {
      const { problem, compiled, set, random } = greedySolution(40, seed);
      const scratch = new SqueezeScratch(compiled.nodeCount, set.slotCount);
      // Take out the shortest route and squeeze its customers into the others.
      let shortest = -1;
      for (let slot = 0; slot < set.slotCount; slot++) if (set.length[slot] > 0 && (shortest < 0 || set.length[slot] < set.length[shortest])) shortest = slot;
      const customers = Array.from(routeOf(set, shortest));
      set.removeRange(shortest, 1, set.length[shortest]);
      for (const customer of customers) {
        const before = JSON.stringify(set.toRoutes());
        if (squeeze(set, customer, random, 1, 10, scratch)) {
          successes++;
          expect(set.routeOf[customer]).toBeGreaterThanOrEqual(0);
          expect(checkRoutes(problem, set.toRoutes()).violations.filter((v) => !v.includes('not served'))).toEqual([]);
        } else {
          failures++;
          expect(JSON.stringify(set.toRoutes())).toBe(before);
          expect(set.routeOf[customer]).toBe(-1);
          expect(Array.from(set.unassigned.subarray(0, set.unassignedCount))).toContain(customer);
        }
      }
    }
    expect(successes).toBeGreaterThan(0);
    expect(failures).toBeGreaterThan(0);
  });
});
