import { describe, expect, it } from 'vitest';
import { checkRoutes } from './feasibility';
import { solomonInsertion } from './insertion-baseline';
import type { RoutingNode, RoutingProblem } from './model';
import { randomRoutingProblem } from './random-problem';
import { solveVrptw } from './solve';

const noClock = { now: () => 0 };

describe('solveVrptw', () => {
  it('returns feasible routes that serve every customer once, on tight random instances', () => {
    for (const seed of [1, 2, 3]) {
      const problem = randomRoutingProblem({ customers: 40, seed, minWindow: 20, maxWindow: 60 });
      const result = solveVrptw(problem, { seed: 7, maxIterations: 3000 }, noClock);
      const check = checkRoutes(problem, result.routes);
      expect(check.violations).toEqual([]);
      expect(result.routes.flat().sort((a, b) => a - b)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
      expect(result.vehicles).toBe(check.vehicles);
      expect(result.distance).toBeCloseTo(check.distance, 6);
      expect(result.vehicles).toBeLessThanOrEqual(result.construction.vehicles);
      expect(result.vehicles).toBeGreaterThanOrEqual(result.vehicleLowerBound);
    }
  });

  it('keeps the SISR-only route elimination as an option, with feasible results', () => {
    const problem = randomRoutingProblem({ customers: 40, seed: 2, minWindow: 20, maxWindow: 60 });
    const result = solveVrptw(problem, { seed: 3, maxIterations: 3000, routeMinimisation: 'string-removal' }, noClock);
    expect(checkRoutes(problem, result.routes).violations).toEqual([]);
    expect(result.vehicles).toBeLessThanOrEqual(result.construction.vehicles);
  });

  it('gives the same routes for the same seed and iteration budget', () => {
    const problem = randomRoutingProblem({ customers: 50, seed: 11 });
    const first = solveVrptw(problem, { seed: 5, maxIterations: 2000 }, noClock);
    const second = solveVrptw(problem, { seed: 5, maxIterations: 2000 }, noClock);
    expect(second.routes).toEqual(first.routes);
    expect(second.distance).toBe(first.distance);
    expect(first.stopReason).toBe('iteration_limit');
  });

  it('beats the I1 insertion baseline', () => {
    const problem = randomRoutingProblem({ customers: 60, seed: 4 });
    const baseline = solomonInsertion(problem);
    expect(checkRoutes(problem, baseline.routes).violations).toEqual([]);
    const result = solveVrptw(problem, { seed: 1, maxIterations: 4000 }, noClock);
    const better = result.vehicles < baseline.vehicles || (result.vehicles === baseline.vehicles && result.distance < baseline.distance);
    expect(better).toBe(true);
  });

  it('finds the optimum of a hexagon: one vehicle around it', () => {
    const nodes: RoutingNode[] = [{ id: 0, x: 0, y: 0, demand: 0, readyTime: 0, dueTime: 1000, serviceTime: 0 }];
    for (let k = 0; k < 6; k++) {
      const angle = (k * Math.PI) / 3;
      nodes.push({ id: k + 1, x: 10 * Math.cos(angle), y: 10 * Math.sin(angle), demand: 1, readyTime: 0, dueTime: 1000, serviceTime: 0 });
    }
    const result = solveVrptw({ name: 'hexagon', vehicleLimit: 6, capacity: 6, nodes }, { seed: 1, maxIterations: 500 }, noClock);
    expect(result.vehicles).toBe(1);
    expect(result.distance).toBeCloseTo(70, 6);
  });

  it('uses a second vehicle when time windows leave no other way', () => {
    const problem: RoutingProblem = {
      name: 'opposite',
      vehicleLimit: 3,
      capacity: 100,
      nodes: [
        { id: 0, x: 0, y: 0, demand: 0, readyTime: 0, dueTime: 100, serviceTime: 0 },
        { id: 1, x: 20, y: 0, demand: 1, readyTime: 20, dueTime: 25, serviceTime: 5 },
        { id: 2, x: -20, y: 0, demand: 1, readyTime: 20, dueTime: 25, serviceTime: 5 },
      ],
    };
    const result = solveVrptw(problem, { seed: 1, maxIterations: 200 }, noClock);
    expect(result.vehicles).toBe(2);
    expect(checkRoutes(problem, result.routes).violations).toEqual([]);
  });

  it('says when a customer cannot be served at all', () => {
    const problem = randomRoutingProblem({ customers: 5, seed: 1 });
    problem.nodes[3] = { ...problem.nodes[3], readyTime: 0, dueTime: 0 };
    expect(() => solveVrptw(problem, { seed: 1, maxIterations: 10 }, noClock)).toThrow(/customer 3 cannot be served in its time window/);
  });

  it('needs a time limit or an iteration budget', () => {
    expect(() => solveVrptw(randomRoutingProblem({ customers: 5, seed: 1 }), { seed: 1 }, noClock)).toThrow(/time limit or an iteration budget/);
  });
});
