/**
 * A solution on the disjunctive graph: which machine runs each operation and in what order each machine
 * runs its operations. Start times are not stored; `computeHeads` derives the semi-active schedule (every
 * operation as early as its job predecessor, its machine predecessor plus setup, its release date and the
 * machine's unavailability allow), and `computeTails` the longest path from each operation to the end.
 */
import { type CompiledProblem, fitAroundWindows, setupBetween } from './compiled-problem';
import type { ScheduledOperation } from './model';

export interface SequenceState {
  readonly cp: CompiledProblem;
  readonly assign: Int32Array;
  readonly duration: Float64Array;
  readonly sequences: number[][];
  readonly machPred: Int32Array;
  readonly machSucc: Int32Array;
  readonly position: Int32Array;
  /** Start time of each operation, valid after computeHeads. */
  readonly head: Float64Array;
  /** Longest path from the end of an operation to the end of the schedule, valid after computeTails. */
  readonly tail: Float64Array;
  readonly topoOrder: Int32Array;
  readonly scratchIndegree: Int32Array;
}

/** What a solution is, without derived data: enough to rebuild a state or return it from a worker. */
export interface SequenceSnapshot {
  assign: Int32Array;
  sequences: number[][];
}

export function createState(cp: CompiledProblem, snapshot: SequenceSnapshot): SequenceState {
  const n = cp.opCount;
  const state: SequenceState = {
    cp,
    assign: Int32Array.from(snapshot.assign),
    duration: new Float64Array(n),
    sequences: snapshot.sequences.map((s) => [...s]),
    machPred: new Int32Array(n).fill(-1),
    machSucc: new Int32Array(n).fill(-1),
    position: new Int32Array(n),
    head: new Float64Array(n),
    tail: new Float64Array(n),
    topoOrder: new Int32Array(n),
    scratchIndegree: new Int32Array(n),
  };
  for (let o = 0; o < n; o++) {
    const m = state.assign[o]!;
    const machines = cp.altMachines[o]!;
    let d = -1;
    for (let i = 0; i < machines.length; i++) if (machines[i] === m) d = cp.altDurations[o]![i]!;
    if (d < 0) throw new Error(`operation ${o} is assigned to machine ${m}, which cannot run it`);
    state.duration[o] = d;
  }
  for (let m = 0; m < cp.machineCount; m++) relinkMachine(state, m);
  return state;
}

export function snapshotOf(state: SequenceState): SequenceSnapshot {
  return { assign: Int32Array.from(state.assign), sequences: state.sequences.map((s) => [...s]) };
}

/** Copies a snapshot into an existing state of the same problem, reusing its arrays. */
export function loadSnapshot(state: SequenceState, snapshot: SequenceSnapshot): void {
  state.assign.set(snapshot.assign);
  for (let o = 0; o < state.cp.opCount; o++) setDuration(state, o);
  for (let m = 0; m < state.cp.machineCount; m++) {
    state.sequences[m] = [...snapshot.sequences[m]!];
    relinkMachine(state, m);
  }
}

function setDuration(state: SequenceState, o: number): void {
  const machines = state.cp.altMachines[o]!;
  for (let i = 0; i < machines.length; i++) if (machines[i] === state.assign[o]) state.duration[o] = state.cp.altDurations[o]![i]!;
}

export function relinkMachine(state: SequenceState, m: number): void {
  const seq = state.sequences[m]!;
  for (let i = 0; i < seq.length; i++) {
    const o = seq[i]!;
    state.position[o] = i;
    state.machPred[o] = i > 0 ? seq[i - 1]! : -1;
    state.machSucc[o] = i + 1 < seq.length ? seq[i + 1]! : -1;
  }
}

/** Moves the operation at fromIndex of machine m's sequence so that it ends up at toIndex. */
export function moveWithin(state: SequenceState, m: number, fromIndex: number, toIndex: number): void {
  const seq = state.sequences[m]!;
  const [o] = seq.splice(fromIndex, 1);
  seq.splice(toIndex, 0, o!);
  relinkMachine(state, m);
}

/** Moves operation o to machine toMachine at index toIndex of its sequence (flexible job shop). */
export function reassign(state: SequenceState, o: number, toMachine: number, toIndex: number): void {
  const from = state.assign[o]!;
  state.sequences[from]!.splice(state.position[o]!, 1);
  state.sequences[toMachine]!.splice(toIndex, 0, o);
  state.assign[o] = toMachine;
  setDuration(state, o);
  relinkMachine(state, from);
  relinkMachine(state, toMachine);
}

/**
 * Semi-active start times in topological order (Kahn). Returns false when the sequences contain a cycle,
 * in which case the heads are garbage and the caller must undo its move.
 */
export function computeHeads(state: SequenceState): boolean {
  const { cp, head, duration, machPred, machSucc, assign, topoOrder } = state;
  const n = cp.opCount;
  const indegree = state.scratchIndegree;
  const jobPred = cp.jobPred;
  const jobSucc = cp.jobSucc;
  let tailIndex = 0;
  for (let o = 0; o < n; o++) {
    const d = (jobPred[o]! >= 0 ? 1 : 0) + (machPred[o]! >= 0 ? 1 : 0);
    indegree[o] = d;
    if (d === 0) topoOrder[tailIndex++] = o;
  }
  const plain = !cp.hasSetups && !cp.hasWindows;
  let headIndex = 0;
  while (headIndex < tailIndex) {
    const o = topoOrder[headIndex++]!;
    const jp = jobPred[o]!;
    const mp = machPred[o]!;
    let start = cp.releaseTime[o]!;
    if (jp >= 0) {
      const e = head[jp]! + duration[jp]!;
      if (e > start) start = e;
    }
    if (plain) {
      if (mp >= 0) {
        const e = head[mp]! + duration[mp]!;
        if (e > start) start = e;
      }
    } else {
      const m = assign[o]!;
      const setup = setupBetween(cp, m, mp, o);
      if (mp >= 0) {
        const e = head[mp]! + duration[mp]! + setup;
        if (e > start) start = e;
      }
      start = fitAroundWindows(cp, m, start, setup, duration[o]!);
    }
    head[o] = start;
    const js = jobSucc[o]!;
    if (js >= 0 && --indegree[js]! === 0) topoOrder[tailIndex++] = js;
    const ms = machSucc[o]!;
    if (ms >= 0 && --indegree[ms]! === 0) topoOrder[tailIndex++] = ms;
  }
  return tailIndex === n;
}

/** Tails in reverse topological order; call after a successful computeHeads. Windows are ignored here. */
export function computeTails(state: SequenceState): void {
  const { cp, tail, duration, machSucc, assign, topoOrder } = state;
  const jobSucc = cp.jobSucc;
  for (let i = cp.opCount - 1; i >= 0; i--) {
    const o = topoOrder[i]!;
    let q = 0;
    const js = jobSucc[o]!;
    if (js >= 0) q = duration[js]! + tail[js]!;
    const ms = machSucc[o]!;
    if (ms >= 0) {
      const v = setupBetween(cp, assign[o]!, o, ms) + duration[ms]! + tail[ms]!;
      if (v > q) q = v;
    }
    tail[o] = q;
  }
}

export function makespanOf(state: SequenceState): number {
  let best = 0;
  for (let o = 0; o < state.cp.opCount; o++) {
    const e = state.head[o]! + state.duration[o]!;
    if (e > best) best = e;
  }
  return best;
}

export function weightedTardinessOf(state: SequenceState): number {
  const { cp } = state;
  let sum = 0;
  for (let j = 0; j < cp.jobCount; j++) {
    const last = cp.lastOpOfJob[j]!;
    const late = state.head[last]! + state.duration[last]! - cp.dueTime[j]!;
    if (late > 0) sum += cp.weight[j]! * late;
  }
  return sum;
}

/**
 * A critical path ending at operation `end`, traced back along the arcs that fix each start time. Machine
 * arcs are preferred when both bind, which yields longer blocks and so more moves.
 */
export function criticalPathTo(state: SequenceState, end: number): number[] {
  const { cp, head, duration, machPred, assign } = state;
  const path: number[] = [];
  let o = end;
  while (o >= 0) {
    path.push(o);
    const mp = machPred[o]!;
    const jp = cp.jobPred[o]!;
    if (mp >= 0 && head[mp]! + duration[mp]! + setupBetween(cp, assign[o]!, mp, o) === head[o]) o = mp;
    else if (jp >= 0 && head[jp]! + duration[jp]! === head[o]) o = jp;
    else o = -1;
  }
  return path.reverse();
}

/** The operation that finishes last (the end of a makespan-critical path). */
export function lastFinishing(state: SequenceState): number {
  let best = -1;
  let bestEnd = -1;
  for (let o = 0; o < state.cp.opCount; o++) {
    const e = state.head[o]! + state.duration[o]!;
    if (e > bestEnd) {
      bestEnd = e;
      best = o;
    }
  }
  return best;
}

/** Splits a critical path into blocks: maximal runs of consecutive operations on one machine. */
export function criticalBlocks(state: SequenceState, path: readonly number[]): number[][] {
  const blocks: number[][] = [];
  let current: number[] = [path[0]!];
  for (let i = 1; i < path.length; i++) {
    const o = path[i]!;
    if (state.machPred[o] === path[i - 1]) current.push(o);
    else {
      blocks.push(current);
      current = [o];
    }
  }
  blocks.push(current);
  return blocks;
}

/** The schedule a state stands for, after computeHeads, in job/operation order. */
export function scheduleOf(state: SequenceState): ScheduledOperation[] {
  const { cp } = state;
  const out: ScheduledOperation[] = [];
  for (let o = 0; o < cp.opCount; o++) {
    out.push({
      job: cp.jobOf[o]!,
      op: cp.indexInJob[o]!,
      machine: state.assign[o]!,
      start: state.head[o]!,
      end: state.head[o]! + state.duration[o]!,
    });
  }
  return out;
}
