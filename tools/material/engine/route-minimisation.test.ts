import { describe, expect, it } from 'vitest';
import { seededRandom } from '@/lib/seeded-random';
import { compileProblem } from './compiled-problem';
import { checkRoutes } from './feasibility';
import { randomRoutingProblem } from './random-problem';
import { DEFAULT_ROUTE_MINIMISATION, minimiseRoutes } from './route-minimisation';
import { RouteSet } from './route-set';
import { DEFAULT_STRING_REMOVAL, recreateGreedy, StringRemovalScratch } from './string-removal';

describe('minimiseRoutes', () => {
  it('removes routes from a wasteful start and leaves every customer served once, within every window and capacity', () => {
    for (const seed of [1, 2, 3, 4]) {
      const problem = randomRoutingProblem({ customers: 50, seed, capacity: 70, minWindow: 20, maxWindow: 70 });
      const compiled = compileProblem(problem);
      const random = seededRandom(seed);
      const set = new RouteSet(compiled);
      // A poor start: blinking skips most positions, so many routes are opened.
      recreateGreedy(set, random, { ...DEFAULT_STRING_REMOVAL, blinkRate: 0.6 }, new StringRemovalScratch(50, compiled.nodeCount), true, 50);
      const start = set.usedRouteCount();
      let steps = 0;
      const reached: number[] = [];
      const stats = minimiseRoutes(set, random, DEFAULT_ROUTE_MINIMISATION, compiled.vehicleLowerBound, { exhausted: () => ++steps > 3000 }, (v) =>
        reached.push(v),
      );
      const check = checkRoutes(problem, set.toRoutes());
      expect(check.violations).toEqual([]);
      expect(set.unassignedCount).toBe(0);
      expect(check.vehicles).toBe(set.usedRouteCount());
      expect(check.vehicles).toBeLessThan(start);
      expect(check.vehicles).toBeGreaterThanOrEqual(compiled.vehicleLowerBound);
      expect(reached.length).toBeGreaterThan(0);
      expect(reached[reached.length - 1]).toBe(check.vehicles);
      for (let i = 1; i < reached.length; i++) expect(reached[i]).toBeLessThan(reached[i - 1]);
      expect(stats.steps).toBeGreaterThan(0);
    }
  });

  it('uses ejections and squeezes on a tight instance, and the same seed gives the same routes', () => {
    const run = () => {
      const problem = randomRoutingProblem({ customers: 60, seed: 9, capacity: 60, minWindow: 15, maxWindow: 40 });
      const compiled = compileProblem(problem);
      const random = seededRandom(9);
      const set = new RouteSet(compiled);
      recreateGreedy(set, random, DEFAULT_STRING_REMOVAL, new StringRemovalScratch(60, compiled.nodeCount), true, 60);
      let steps = 0;
      const stats = minimiseRoutes(set, random, DEFAULT_ROUTE_MINIMISATION, compiled.vehicleLowerBound, { exhausted: () => ++steps > 4000 }, () => {});
      expect(checkRoutes(problem, set.toRoutes()).violations).toEqual([]);
      return { routes: set.toRoutes(), stats };
    };
    const first = run();
    expect(first.stats.ejections).toBeGreaterThan(0);
    expect(first.stats.squeezes).toBeGreaterThan(0);
    expect(run().routes).toEqual(first.routes);
  });
});
