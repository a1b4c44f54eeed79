/**
 * Path relinking between two job-shop solutions (Peng, Lü & Cheng 2015): walk from an initiating solution
 * towards a guiding one and start the next tabu search from a point part-way along. Such a point keeps
 * much of what two good solutions share and mixes the rest, which restarts the search somewhere new but
 * promising; a random kick from a single elite solution (the general engine's restart) mostly falls back
 * into the same valley.
 *
 * Distance is the number of machine-order pairs (disjunctive arcs) the two solutions orient differently.
 * Each step swaps two adjacent operations on one machine that the guide orders the other way, so it brings
 * the solution exactly one arc closer; a swap that would close a cycle is refused and another one tried.
 */
import type { Random } from '../random';
import { type MoveScratch, applyMove, createMoveScratch } from './incremental-move';
import { type ShopState, computeHeads, relinkAll } from './shop-state';

/** Disjunctive arcs that `a` and `b` orient differently (flat sequences of the same problem). */
export function arcDistance(state: ShopState, a: Int32Array, b: Int32Array, scratchPos: Int32Array): number {
  for (let i = 0; i < b.length; i++) scratchPos[b[i]!] = i;
  let distance = 0;
  for (let m = 0; m < state.machineCount; m++) {
    const lo = state.machineStart[m]!;
    const hi = state.machineStart[m + 1]!;
    for (let i = lo; i < hi; i++) {
      const pi = scratchPos[a[i]!]!;
      for (let j = i + 1; j < hi; j++) if (scratchPos[a[j]!]! < pi) distance++;
    }
  }
  return distance;
}

export interface RelinkOptions {
  random: Random;
  /** The walk stops after this share of the distance, drawn in [minShare, maxShare]. */
  minShare: number;
  maxShare: number;
}

/**
 * Walks `state` (holding the initiating solution) towards `guide`, and leaves in `state` the best-makespan
 * solution among a few equally spaced points of the walk between minShare and maxShare of the distance.
 * Returns the number of steps taken to the chosen point (0 if the two are the same). Heads are valid on
 * return; tails are not.
 */
export function relink(state: ShopState, guide: Int32Array, scratch: RelinkScratch, options: RelinkOptions): number {
  const { random } = options;
  const { seq, machineStart, machineCount } = state;
  const guidePos = scratch.guidePos;
  for (let i = 0; i < guide.length; i++) guidePos[guide[i]!] = i;
  const total = arcDistance(state, seq, guide, scratch.otherPos);
  computeHeads(state);
  if (total === 0) return 0;
  const first = Math.max(1, Math.floor(total * options.minShare));
  const last = Math.max(first, Math.floor(total * options.maxShare));
  const checkpoints = 4;
  const spacing = Math.max(1, Math.floor((last - first) / checkpoints));

  let bestValue = Number.POSITIVE_INFINITY;
  let bestStep = 0;
  const inversions = scratch.inversions;
  const machines = scratch.machines;
  for (let step = 1; step <= last; step++) {
    // Machines still ordered differently from the guide, in random order; the first that admits an
    // acyclic swap takes the step.
    let machineTotal = 0;
    for (let m = 0; m < machineCount; m++) {
      for (let i = machineStart[m]!; i + 1 < machineStart[m + 1]!; i++) {
        if (guidePos[seq[i]!]! > guidePos[seq[i + 1]!]!) {
          machines[machineTotal++] = m;
          break;
        }
      }
    }
    let moved = false;
    while (machineTotal > 0 && !moved) {
      const pick = random.int(machineTotal);
      const m = machines[pick]!;
      machines[pick] = machines[--machineTotal]!;
      let count = 0;
      for (let i = machineStart[m]!; i + 1 < machineStart[m + 1]!; i++) if (guidePos[seq[i]!]! > guidePos[seq[i + 1]!]!) inversions[count++] = i;
      while (count > 0 && !moved) {
        const k = random.int(count);
        const i = inversions[k]!;
        inversions[k] = inversions[--count]!;
        moved = applyMove(state, scratch.move, i, i + 1);
      }
    }
    if (!moved) break;
    if (step >= first && (step - first) % spacing === 0 && state.makespan < bestValue) {
      bestValue = state.makespan;
      bestStep = step;
      scratch.bestSeq.set(seq);
    }
  }
  // The heads may belong to a later point of the walk than the one kept.
  if (bestStep > 0) state.seq.set(scratch.bestSeq);
  relinkAll(state);
  computeHeads(state);
  return bestStep;
}

export interface RelinkScratch {
  readonly guidePos: Int32Array;
  readonly otherPos: Int32Array;
  readonly inversions: Int32Array;
  readonly machines: Int32Array;
  readonly bestSeq: Int32Array;
  readonly move: MoveScratch;
}

export function createRelinkScratch(state: ShopState): RelinkScratch {
  return {
    guidePos: new Int32Array(state.n),
    otherPos: new Int32Array(state.n),
    inversions: new Int32Array(state.n),
    machines: new Int32Array(state.machineCount),
    bestSeq: new Int32Array(state.n),
    move: createMoveScratch(state.n),
  };
}
