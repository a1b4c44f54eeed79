import { describe, expect, it } from 'vitest';
import { checkRoutes } from './feasibility';
import type { RoutingProblem } from './model';

// Depot at the origin, customers on the axes; every number is easy to check by hand.
const problem: RoutingProblem = {
  name: 'cross',
  vehicleLimit: 2,
  capacity: 10,
  nodes: [
    { id: 0, x: 0, y: 0, demand: 0, readyTime: 0, dueTime: 100, serviceTime: 0 },
    { id: 1, x: 3, y: 4, demand: 4, readyTime: 0, dueTime: 20, serviceTime: 2 },
    { id: 2, x: 6, y: 8, demand: 4, readyTime: 20, dueTime: 30, serviceTime: 2 },
    { id: 3, x: -5, y: 0, demand: 5, readyTime: 0, dueTime: 5, serviceTime: 1 },
  ],
};

describe('checkRoutes', () => {
  it('accepts a feasible solution and sums unrounded distances', () => {
    const check = checkRoutes(problem, [[1, 2], [3]]);
    expect(check.violations).toEqual([]);
    expect(check.vehicles).toBe(2);
    expect(check.distance).toBeCloseTo(5 + 5 + 10 + 10, 9);
  });

  it('ignores empty routes when counting vehicles', () => {
    expect(checkRoutes(problem, [[1, 2], [], [3]]).vehicles).toBe(2);
  });

  it('finds customers missing or served twice', () => {
    expect(checkRoutes(problem, [[1, 2]]).violations).toContain('customer 3 is not served');
    expect(
      checkRoutes(problem, [
        [1, 2],
        [3, 1],
      ]).violations,
    ).toContain('customer 1 is served 2 times');
  });

  it('rejects the depot or unknown ids inside a route', () => {
    expect(checkRoutes(problem, [[1, 0, 2], [3]]).violations[0]).toMatch(/visits 0, which is not a customer id/);
    expect(
      checkRoutes(problem, [
        [1, 2],
        [3, 9],
      ]).violations[0],
    ).toMatch(/visits 9/);
  });

  it('finds overloaded routes', () => {
    expect(checkRoutes(problem, [[3, 1, 2]]).violations.join('\n')).toMatch(/carries 13, more than the capacity 10/);
  });

  it('counts service time before leaving and finds late arrivals', () => {
    // 3 is due at 5 but reached at 5 + 2 (service at 1) + distance(1, 3) = 7 + sqrt(80).
    const violations = checkRoutes(problem, [[1, 3], [2]]).violations;
    expect(violations.some((v) => v.startsWith('route 1 reaches customer 3'))).toBe(true);
  });

  it('waits for a ready time and finds a late return to the depot', () => {
    const tight: RoutingProblem = { ...problem, nodes: problem.nodes.map((n) => (n.id === 0 ? { ...n, dueTime: 30 } : n)) };
    // Service at 2 starts at 20 (waiting), ends at 22, back at 32 > 30.
    expect(checkRoutes(tight, [[1, 2], [3]]).violations).toEqual(['route 1 returns to the depot at 32.00, after 30']);
  });

  it('finds more vehicles than the fleet has', () => {
    expect(checkRoutes(problem, [[1], [2], [3]]).violations).toContain('3 vehicles are used but only 2 are available');
  });
});
