/**
 * Random active schedules, the job-shop search's diverse starting points: the first pool members start
 * from them, and a pool rebuild perturbs its best member towards one.
 */
import type { CompiledProblem } from '../compiled-problem';
import type { Random } from '../random';
import { type ShopState, computeHeads, loadSequence } from './shop-state';

/**
 * A random active schedule (Giffler–Thompson with a random choice from each conflict set): as diverse as a
 * random order, but a far better start, so the tabu search spends its iterations improving, not repairing.
 */
export function randomActive(cp: CompiledProblem, state: ShopState, random: Random): void {
  const next = Int32Array.from(cp.firstOpOfJob);
  const jobReady = new Float64Array(cp.jobCount);
  const machineFree = new Float64Array(state.machineCount);
  const fill = Int32Array.from(state.machineStart.subarray(0, state.machineCount));
  const conflict: number[] = [];
  for (let placed = 0; placed < state.n; placed++) {
    let machine = -1;
    let first = -1;
    let earliestEnd = Number.POSITIVE_INFINITY;
    for (let j = 0; j < cp.jobCount; j++) {
      const o = next[j]!;
      if (o > cp.lastOpOfJob[j]!) continue;
      const m = state.machineOf[o]!;
      const end = Math.max(jobReady[j]!, machineFree[m]!, state.release[o]!) + state.duration[o]!;
      if (end < earliestEnd) {
        earliestEnd = end;
        machine = m;
        first = j;
      }
    }
    conflict.length = 0;
    for (let j = 0; j < cp.jobCount; j++) {
      const o = next[j]!;
      if (o > cp.lastOpOfJob[j]! || state.machineOf[o] !== machine) continue;
      if (j === first || Math.max(jobReady[j]!, machineFree[machine]!, state.release[o]!) < earliestEnd) conflict.push(j);
    }
    const j = conflict[random.int(conflict.length)]!;
    const o = next[j]!;
    const end = Math.max(jobReady[j]!, machineFree[machine]!, state.release[o]!) + state.duration[o]!;
    jobReady[j] = end;
    machineFree[machine] = end;
    state.seq[fill[machine]!++] = o;
    next[j] = o + 1;
  }
  loadSequence(state, state.seq);
  computeHeads(state);
}
