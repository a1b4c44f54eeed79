import { describe, expect, it } from 'vitest';
import { compileProblem } from './compiled-problem';
import { DISPATCH_RULES, dispatch } from './dispatch';
import { checkSchedule } from './feasibility';
import { parseJssp } from './jssp-format';
import type { Problem } from './model';
import { randomProblem } from './random-problem';
import { computeHeads, createState, makespanOf, scheduleOf } from './sequence-state';
import { solve } from './solve';

// Fisher & Thompson's 6x6 instance (1963), optimum 55: small enough to inline, hard enough to need search.
const FT06 = `6 6
2 1 0 3 1 6 3 7 5 3 4 6
1 8 2 5 4 10 5 10 0 10 3 4
2 5 3 4 5 8 0 9 1 1 4 7
1 5 0 5 2 5 3 3 4 8 5 9
2 9 1 3 4 5 5 4 0 3 3 1
1 3 3 3 5 9 0 10 4 4 2 1`;

/** Every machine order of a tiny problem, enumerated: the true optimum of the decoder's schedules. */
function bruteForceMakespan(problem: Problem): number {
  const cp = compileProblem(problem);
  const perMachine: number[][] = Array.from({ length: cp.machineCount }, () => []);
  for (let o = 0; o < cp.opCount; o++) perMachine[cp.altMachines[o]![0]!]!.push(o);
  const permutations = (items: number[]): number[][] =>
    items.length <= 1 ? [items] : items.flatMap((x, i) => permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [x, ...rest]));
  const options = perMachine.map(permutations);
  let best = Number.POSITIVE_INFINITY;
  const assign = Int32Array.from({ length: cp.opCount }, (_, o) => cp.altMachines[o]![0]!);
  const walk = (m: number, chosen: number[][]) => {
    if (m === cp.machineCount) {
      const state = createState(cp, { assign, sequences: chosen });
      if (computeHeads(state)) best = Math.min(best, makespanOf(state));
      return;
    }
    for (const sequence of options[m]!) walk(m + 1, [...chosen, sequence]);
  };
  walk(0, []);
  return best;
}

describe('solve', () => {
  it('solves ft06 to its optimum 55 within a fixed iteration budget', () => {
    const result = solve(parseJssp(FT06, 'ft06'), { maxIterations: 20_000, seed: 1 });
    expect(result.violations).toEqual([]);
    expect(result.makespan).toBe(55);
    expect(result.baseline.makespan).toBeGreaterThan(55);
  });

  it('matches brute force on tiny job shops, with and without setups', () => {
    for (const seed of [1, 2, 3]) {
      const problem = randomProblem(seed, { jobs: 3, machines: 3, families: seed === 3 ? 3 : 1, maxSetup: 6 });
      const result = solve(problem, { maxIterations: 3_000, seed });
      expect(result.violations).toEqual([]);
      expect(result.makespan).toBe(bruteForceMakespan(problem));
    }
  });

  it('is deterministic for a seed and an iteration budget', () => {
    const problem = randomProblem(7, { jobs: 10, machines: 5, families: 3, extraAlternatives: 1, windowsPerMachine: 2, releases: true });
    const a = solve(problem, { maxIterations: 1_500, seed: 42 });
    const b = solve(problem, { maxIterations: 1_500, seed: 42 });
    expect(b.operations).toEqual(a.operations);
    expect(b.iterations).toBe(a.iterations);
  });

  const variants: [string, Parameters<typeof randomProblem>[1]][] = [
    ['job shop', { jobs: 8, machines: 6 }],
    ['flexible job shop', { jobs: 8, machines: 5, extraAlternatives: 2 }],
    ['setups', { jobs: 8, machines: 4, families: 4, maxSetup: 10 }],
    ['release dates', { jobs: 8, machines: 4, releases: true }],
    ['unavailability', { jobs: 8, machines: 4, windowsPerMachine: 3 }],
    ['everything', { jobs: 10, machines: 5, operationsPerJob: 4, extraAlternatives: 2, families: 3, windowsPerMachine: 2, releases: true, dueDates: true }],
  ];
  for (const [label, shape] of variants) {
    it(`returns feasible schedules no worse than dispatching: ${label}`, () => {
      for (const seed of [11, 12]) {
        const problem = randomProblem(seed, shape);
        const result = solve(problem, { maxIterations: 800, seed });
        expect(checkSchedule(problem, result.operations)).toEqual([]);
        expect(result.violations).toEqual([]);
        expect(result.makespan).toBeLessThanOrEqual(result.baseline.makespan);
        expect(result.makespan).toBeGreaterThanOrEqual(result.lowerBound);
      }
    });
  }

  it('dispatches feasible schedules with every rule', () => {
    const problem = randomProblem(5, { jobs: 6, machines: 4, extraAlternatives: 1, families: 2, windowsPerMachine: 2, releases: true, dueDates: true });
    const cp = compileProblem(problem);
    for (const rule of DISPATCH_RULES) {
      const state = createState(cp, dispatch(cp, rule));
      expect(computeHeads(state)).toBe(true);
      expect(checkSchedule(problem, scheduleOf(state))).toEqual([]);
    }
  });

  it('minimises weighted tardiness and keeps the schedule feasible', () => {
    const problem = randomProblem(21, { jobs: 10, machines: 4, releases: true, dueDates: true, families: 2 });
    const result = solve(problem, { maxIterations: 600, seed: 3, objective: 'weightedTardiness' });
    expect(result.violations).toEqual([]);
    expect(result.value).toBe(result.weightedTardiness);
    expect(result.weightedTardiness).toBeLessThanOrEqual(result.baseline.value);
    const recomputed = problem.jobs.reduce((sum, job, j) => {
      const end = Math.max(...result.operations.filter((s) => s.job === j).map((s) => s.end));
      return sum + job.weight * Math.max(0, end - (job.dueTime ?? Number.POSITIVE_INFINITY));
    }, 0);
    expect(result.weightedTardiness).toBe(recomputed);
  });

  it('keeps frozen operations where they are and schedules the rest around them', () => {
    const problem = randomProblem(31, { jobs: 8, machines: 4, extraAlternatives: 1, windowsPerMachine: 1 });
    const first = solve(problem, { maxIterations: 300, seed: 1 });
    const cutoff = first.makespan / 3;
    const frozen = first.operations.filter((s) => s.start < cutoff).map(({ job, op, machine, start }) => ({ job, op, machine, start }));
    expect(frozen.length).toBeGreaterThan(0);
    const replanned = solve({ ...problem, frozen }, { maxIterations: 800, seed: 2 });
    expect(replanned.violations).toEqual([]);
    for (const f of frozen) {
      const s = replanned.operations.find((x) => x.job === f.job && x.op === f.op)!;
      expect([s.machine, s.start]).toEqual([f.machine, f.start]);
    }
  });

  it('stops at the time limit through the injected clock', () => {
    let nowMs = 0;
    const clock = { now: () => (nowMs += 1) };
    const result = solve(parseJssp(FT06, 'ft06'), { timeLimitMs: 500, seed: 1 }, clock);
    expect(result.stopReason === 'time_limit' || result.stopReason === 'target_reached').toBe(true);
    expect(result.iterations).toBeLessThan(20_000);
  });

  it('refuses a time limit without a clock', () => {
    expect(() => solve(parseJssp(FT06, 'ft06'), { timeLimitMs: 100 })).toThrow(/clock/);
  });
});
