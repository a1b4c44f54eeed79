import { describe, expect, it } from 'vitest';
import { seededRandom } from '@/lib/seeded-random';
import { compileProblem } from './compiled-problem';
import { checkRoutes } from './feasibility';
import { LocalSearchScratch, localSearch } from './local-search';
import { randomRoutingProblem } from './random-problem';
import { RouteSet } from './route-set';
import { DEFAULT_STRING_REMOVAL, recreateGreedy, StringRemovalScratch } from './string-removal';

describe('localSearch', () => {
  it('shortens a greedy solution and keeps every route feasible', () => {
    for (const seed of [1, 2, 3, 4]) {
      const problem = randomRoutingProblem({ customers: 60, seed, capacity: 80, minWindow: 40, maxWindow: 200 });
      const compiled = compileProblem(problem);
      const random = seededRandom(seed);
      const set = new RouteSet(compiled);
      recreateGreedy(
        set,
        random,
        { ...DEFAULT_STRING_REMOVAL, blinkRate: 0.3 },
        new StringRemovalScratch(compiled.customerCount, compiled.nodeCount),
        true,
        60,
      );
      const before = set.totalDistance();
      const saved = localSearch(set, random, 15, new LocalSearchScratch(compiled.nodeCount), false);
      const check = checkRoutes(problem, set.toRoutes());
      expect(check.violations).toEqual([]);
      expect(saved).toBeGreaterThan(0);
      expect(check.distance).toBeCloseTo(before - saved, 6);
      expect(set.toRoutes().flat()).toHaveLength(60);
    }
  });
});
