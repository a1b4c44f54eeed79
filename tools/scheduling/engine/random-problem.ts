/**
 * Seeded generator of synthetic problems that exercise every feature of the model (alternative machines,
 * setups, release and due dates, unavailability). Tests and benchmarks use it instead of data files.
 */
import type { Problem } from './model';
import { createRandom } from './random';

export interface RandomProblemShape {
  jobs: number;
  machines: number;
  /** Operations per job; defaults to the machine count. */
  operationsPerJob?: number;
  maxDuration?: number;
  /** Extra eligible machines per operation (0 = classical job shop). */
  extraAlternatives?: number;
  families?: number;
  maxSetup?: number;
  windowsPerMachine?: number;
  releases?: boolean;
  dueDates?: boolean;
}

export function randomProblem(seed: number, shape: RandomProblemShape): Problem {
  const random = createRandom(seed);
  const maxDuration = shape.maxDuration ?? 20;
  const operationsPerJob = shape.operationsPerJob ?? shape.machines;
  const families = shape.families ?? 1;
  const jobs = Array.from({ length: shape.jobs }, (_, j) => {
    const order = shuffledMachines(shape.machines, random);
    const operations = Array.from({ length: operationsPerJob }, (_, k) => {
      const first = order[k % shape.machines]!;
      const machines = [first];
      for (let a = 0; a < (shape.extraAlternatives ?? 0); a++) {
        const m = random.int(shape.machines);
        if (!machines.includes(m)) machines.push(m);
      }
      return {
        alternatives: machines.map((machine) => ({ machine, duration: 1 + random.int(maxDuration) })),
        family: random.int(families),
      };
    });
    const work = operations.reduce((sum, op) => sum + op.alternatives[0]!.duration, 0);
    return {
      name: `J${j}`,
      operations,
      releaseTime: shape.releases ? random.int(maxDuration * 2) : 0,
      dueTime: shape.dueDates ? work + random.int(work * 2) : undefined,
      weight: 1 + random.int(3),
    };
  });
  const horizon = maxDuration * operationsPerJob * Math.max(1, shape.jobs / 2);
  const machines = Array.from({ length: shape.machines }, () => ({
    setupTimes:
      families > 1
        ? Array.from({ length: families }, (_, a) => Array.from({ length: families }, (_, b) => (a === b ? 0 : 1 + random.int(shape.maxSetup ?? 5))))
        : undefined,
    unavailable: Array.from({ length: shape.windowsPerMachine ?? 0 }, () => {
      const start = random.int(horizon);
      return { start, end: start + 1 + random.int(maxDuration) };
    }),
  }));
  return { name: `random-${seed}`, timeUnit: 'unit', machineCount: shape.machines, jobs, machines, frozen: [] };
}

function shuffledMachines(count: number, random: { int(bound: number): number }): number[] {
  const order = Array.from({ length: count }, (_, i) => i);
  for (let i = count - 1; i > 0; i--) {
    const k = random.int(i + 1);
    [order[i], order[k]] = [order[k]!, order[i]!];
  }
  return order;
}
