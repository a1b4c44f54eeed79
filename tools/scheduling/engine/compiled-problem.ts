/**
 * The problem flattened into typed arrays indexed by a global operation number, so that the decoder and
 * the search run over integers instead of nested objects. Built once per solve.
 */
import type { Problem } from './model';

export interface CompiledProblem {
  readonly problem: Problem;
  readonly opCount: number;
  readonly jobCount: number;
  readonly machineCount: number;
  readonly jobOf: Int32Array;
  readonly indexInJob: Int32Array;
  readonly jobPred: Int32Array;
  readonly jobSucc: Int32Array;
  readonly firstOpOfJob: Int32Array;
  readonly lastOpOfJob: Int32Array;
  readonly altMachines: readonly Int32Array[];
  readonly altDurations: readonly Float64Array[];
  readonly family: Int32Array;
  /** Earliest start of each operation: the job's release date, or the fixed start of a frozen operation. */
  readonly releaseTime: Float64Array;
  /** Fixed start of a frozen operation, NaN otherwise. */
  readonly frozenStart: Float64Array;
  readonly frozenMachine: Int32Array;
  /** Per machine: setupTimes[from][to] or null when the machine has no setups. */
  readonly setupTimes: readonly (readonly (readonly number[])[] | null)[];
  /** Per machine: sorted, merged unavailability windows as [start0, end0, start1, end1, ...]. */
  readonly windows: readonly Float64Array[];
  readonly dueTime: Float64Array;
  readonly weight: Float64Array;
  readonly isFlexible: boolean;
  readonly hasSetups: boolean;
  readonly hasWindows: boolean;
  readonly hasFrozen: boolean;
}

export function compileProblem(problem: Problem): CompiledProblem {
  const jobCount = problem.jobs.length;
  const machineCount = problem.machineCount;
  const opCount = problem.jobs.reduce((sum, job) => sum + job.operations.length, 0);
  const jobOf = new Int32Array(opCount);
  const indexInJob = new Int32Array(opCount);
  const jobPred = new Int32Array(opCount).fill(-1);
  const jobSucc = new Int32Array(opCount).fill(-1);
  const firstOpOfJob = new Int32Array(jobCount);
  const lastOpOfJob = new Int32Array(jobCount);
  const altMachines: Int32Array[] = [];
  const altDurations: Float64Array[] = [];
  const family = new Int32Array(opCount);
  const releaseTime = new Float64Array(opCount);
  const frozenStart = new Float64Array(opCount).fill(Number.NaN);
  const frozenMachine = new Int32Array(opCount).fill(-1);
  const dueTime = new Float64Array(jobCount);
  const weight = new Float64Array(jobCount);
  const opIndex: number[][] = [];

  let o = 0;
  problem.jobs.forEach((job, j) => {
    firstOpOfJob[j] = o;
    dueTime[j] = job.dueTime ?? Number.POSITIVE_INFINITY;
    weight[j] = job.weight;
    opIndex.push([]);
    job.operations.forEach((operation, k) => {
      jobOf[o] = j;
      indexInJob[o] = k;
      if (k > 0) {
        jobPred[o] = o - 1;
        jobSucc[o - 1] = o;
      }
      altMachines.push(Int32Array.from(operation.alternatives.map((a) => a.machine)));
      altDurations.push(Float64Array.from(operation.alternatives.map((a) => a.duration)));
      family[o] = operation.family;
      releaseTime[o] = job.releaseTime;
      opIndex[j]!.push(o);
      o++;
    });
    lastOpOfJob[j] = o - 1;
  });
  for (const f of problem.frozen) {
    const op = opIndex[f.job]![f.op]!;
    frozenStart[op] = f.start;
    frozenMachine[op] = f.machine;
    releaseTime[op] = f.start;
  }

  const setupTimes: (number[][] | null)[] = [];
  const windows: Float64Array[] = [];
  for (let m = 0; m < machineCount; m++) {
    const machine = problem.machines[m];
    setupTimes.push(machine?.setupTimes && machine.setupTimes.some((row) => row.some((s) => s > 0)) ? machine.setupTimes : null);
    windows.push(mergeWindows(machine?.unavailable ?? []));
  }

  return {
    problem,
    opCount,
    jobCount,
    machineCount,
    jobOf,
    indexInJob,
    jobPred,
    jobSucc,
    firstOpOfJob,
    lastOpOfJob,
    altMachines,
    altDurations,
    family,
    releaseTime,
    frozenStart,
    frozenMachine,
    setupTimes,
    windows,
    dueTime,
    weight,
    isFlexible: altMachines.some((alts) => alts.length > 1),
    hasSetups: setupTimes.some((s) => s !== null),
    hasWindows: windows.some((w) => w.length > 0),
    hasFrozen: problem.frozen.length > 0,
  };
}

function mergeWindows(list: readonly { start: number; end: number }[]): Float64Array {
  const sorted = [...list].sort((a, b) => a.start - b.start);
  const merged: number[] = [];
  for (const w of sorted) {
    const last = merged.length - 1;
    if (merged.length > 0 && w.start <= merged[last]!) merged[last] = Math.max(merged[last]!, w.end);
    else merged.push(w.start, w.end);
  }
  return Float64Array.from(merged);
}

/** Setup time on machine m between operation a and operation b (a = -1: b is first, no setup). */
export function setupBetween(cp: CompiledProblem, m: number, a: number, b: number): number {
  if (a < 0) return 0;
  const matrix = cp.setupTimes[m];
  return matrix ? matrix[cp.family[a]!]![cp.family[b]!]! : 0;
}

/** Duration of operation o on machine m, or -1 when m is not eligible. */
export function durationOn(cp: CompiledProblem, o: number, m: number): number {
  const machines = cp.altMachines[o]!;
  for (let i = 0; i < machines.length; i++) if (machines[i] === m) return cp.altDurations[o]![i]!;
  return -1;
}

/**
 * Earliest start t >= ready such that the setup [t - setup, t) and the processing [t, t + duration) on
 * machine m touch no unavailability window. Operations are never split around a window.
 */
export function fitAroundWindows(cp: CompiledProblem, m: number, ready: number, setup: number, duration: number): number {
  const w = cp.windows[m]!;
  let t = ready;
  if (w.length === 0 || setup + duration === 0) return t;
  for (let i = 0; i < w.length; i += 2) {
    const start = w[i]!;
    const end = w[i + 1]!;
    if (end <= t - setup) continue;
    if (start >= t + duration) break;
    t = end + setup;
  }
  return t;
}
