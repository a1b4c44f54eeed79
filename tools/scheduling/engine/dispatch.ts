/**
 * Dispatching rules: the constructive start of the search and the baseline it is measured against.
 * Giffler–Thompson active schedule generation, generalised to alternative machines, setups, release dates
 * and unavailability: find the (operation, machine) pair that can finish first, collect the operations
 * that could start on that machine before it finishes, and let the rule pick one of them.
 */
import { type CompiledProblem, fitAroundWindows, setupBetween } from './compiled-problem';
import type { SequenceSnapshot } from './sequence-state';

export const DISPATCH_RULES = ['spt', 'lpt', 'mwkr', 'mopnr', 'edd', 'fifo'] as const;
export type DispatchRule = (typeof DISPATCH_RULES)[number];

/** Builds machine sequences with one rule. Deterministic: ties go to the lower operation number. */
export function dispatch(cp: CompiledProblem, rule: DispatchRule): SequenceSnapshot {
  const n = cp.opCount;
  const assign = new Int32Array(n).fill(-1);
  const sequences: number[][] = Array.from({ length: cp.machineCount }, () => []);
  const machineFree = new Float64Array(cp.machineCount);
  const machineLast = new Int32Array(cp.machineCount).fill(-1);
  const jobReady = new Float64Array(cp.jobCount);
  const nextOp = Int32Array.from(cp.firstOpOfJob);
  const workRemaining = new Float64Array(n);
  for (let j = 0; j < cp.jobCount; j++) {
    let sum = 0;
    for (let o = cp.lastOpOfJob[j]!; o >= cp.firstOpOfJob[j]!; o--) {
      sum += Math.min(...cp.altDurations[o]!);
      workRemaining[o] = sum;
    }
  }

  const place = (o: number, m: number, start: number, duration: number) => {
    assign[o] = m;
    sequences[m]!.push(o);
    machineFree[m] = start + duration;
    machineLast[m] = o;
    jobReady[cp.jobOf[o]!] = start + duration;
    nextOp[cp.jobOf[o]!] = o + 1;
  };

  // Frozen work has already started: it goes first on its machine, in start order.
  const frozen = [...cp.problem.frozen].sort((a, b) => a.start - b.start);
  for (const f of frozen) {
    const o = cp.firstOpOfJob[f.job]! + f.op;
    const alts = cp.altMachines[o]!;
    const duration = cp.altDurations[o]![alts.indexOf(f.machine)]!;
    place(o, f.machine, f.start, duration);
  }

  let remaining = n - frozen.length;
  const earliestStart = (o: number, m: number, duration: number) => {
    const setup = setupBetween(cp, m, machineLast[m]!, o);
    const ready = Math.max(cp.releaseTime[o]!, jobReady[cp.jobOf[o]!]!, machineFree[m]! + setup);
    return fitAroundWindows(cp, m, ready, setup, duration);
  };

  while (remaining > 0) {
    let bestEnd = Number.POSITIVE_INFINITY;
    let bestMachine = -1;
    for (let j = 0; j < cp.jobCount; j++) {
      const o = nextOp[j]!;
      if (o > cp.lastOpOfJob[j]!) continue;
      const alts = cp.altMachines[o]!;
      for (let a = 0; a < alts.length; a++) {
        const d = cp.altDurations[o]![a]!;
        const end = earliestStart(o, alts[a]!, d) + d;
        if (end < bestEnd) {
          bestEnd = end;
          bestMachine = alts[a]!;
        }
      }
    }
    let chosen = -1;
    let chosenStart = 0;
    let chosenDuration = 0;
    let chosenKey = Number.POSITIVE_INFINITY;
    for (let j = 0; j < cp.jobCount; j++) {
      const o = nextOp[j]!;
      if (o > cp.lastOpOfJob[j]!) continue;
      const a = cp.altMachines[o]!.indexOf(bestMachine);
      if (a < 0) continue;
      const d = cp.altDurations[o]![a]!;
      const start = earliestStart(o, bestMachine, d);
      if (start >= bestEnd && !(d === 0 && start === bestEnd)) continue;
      const key = priority(cp, rule, o, d, start, workRemaining);
      if (chosen < 0 || key < chosenKey) {
        chosenKey = key;
        chosen = o;
        chosenStart = start;
        chosenDuration = d;
      }
    }
    place(chosen, bestMachine, chosenStart, chosenDuration);
    remaining--;
  }
  return { assign, sequences };
}

/** Smaller is picked first. */
function priority(cp: CompiledProblem, rule: DispatchRule, o: number, duration: number, start: number, workRemaining: Float64Array): number {
  switch (rule) {
    case 'spt':
      return duration;
    case 'lpt':
      return -duration;
    case 'mwkr':
      return -workRemaining[o]!;
    case 'mopnr':
      return -(cp.lastOpOfJob[cp.jobOf[o]!]! - o);
    case 'edd':
      return cp.dueTime[cp.jobOf[o]!]!;
    case 'fifo':
      return start;
  }
}
