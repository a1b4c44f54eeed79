/**
 * A classical job-shop solution (one machine per operation, no setups, no windows, makespan) in flat typed
 * arrays: all machine sequences in one Int32Array, each machine a fixed slice of it. The general
 * `SequenceState` keeps `number[][]` and splices them, which allocates on every move; the path-relinking
 * search applies hundreds of thousands of moves per minute, so this state moves operations by shifting a
 * slice in place and relinks only the shifted range.
 */
import type { CompiledProblem } from '../compiled-problem';
import type { SequenceSnapshot } from '../sequence-state';

export interface ShopState {
  readonly n: number;
  readonly machineCount: number;
  readonly duration: Float64Array;
  readonly release: Float64Array;
  readonly jobPred: Int32Array;
  readonly jobSucc: Int32Array;
  readonly machineOf: Int32Array;
  /** machineStart[m] .. machineStart[m + 1] - 1: machine m's slice of `seq`. */
  readonly machineStart: Int32Array;
  /** All machine sequences, machine after machine. */
  readonly seq: Int32Array;
  /** Index of each operation in `seq` (absolute, not relative to its machine). */
  readonly pos: Int32Array;
  readonly machPred: Int32Array;
  readonly machSucc: Int32Array;
  /** Start times (semi-active), valid after computeHeads. */
  readonly head: Float64Array;
  /** head + duration, valid after computeHeads (saves a load per arc in the hot loop). */
  readonly finish: Float64Array;
  /** Longest path from an operation's end to the schedule's end, valid after computeTails. */
  readonly tail: Float64Array;
  /** A topological order of the operations, and each operation's index in it (`ord`). */
  readonly topo: Int32Array;
  readonly ord: Int32Array;
  readonly indegree: Int32Array;
  /**
   * Running maximum of finish times along the topological order, and where it is attained: after a local
   * head update the makespan and the last operation come from the unchanged prefix plus the updated part,
   * without a scan of all operations.
   */
  readonly prefixMax: Float64Array;
  readonly prefixArg: Int32Array;
  makespan: number;
  /** An operation that finishes at the makespan (the end of the critical path). */
  lastOp: number;
}

/**
 * True when the fast engine applies: makespan of a job shop with one eligible machine per operation,
 * no setups, no unavailability windows and nothing frozen. Release dates are fine (they seed the heads).
 */
export function isClassicalJobShop(cp: CompiledProblem): boolean {
  if (cp.isFlexible || cp.hasSetups || cp.hasWindows || cp.hasFrozen) return false;
  for (let o = 0; o < cp.opCount; o++) if (cp.altMachines[o]!.length !== 1) return false;
  return true;
}

export function createShopState(cp: CompiledProblem, snapshot: SequenceSnapshot): ShopState {
  const n = cp.opCount;
  const machineCount = cp.machineCount;
  const machineOf = new Int32Array(n);
  const duration = new Float64Array(n);
  const machineStart = new Int32Array(machineCount + 1);
  for (let o = 0; o < n; o++) {
    machineOf[o] = cp.altMachines[o]![0]!;
    duration[o] = cp.altDurations[o]![0]!;
  }
  for (let m = 0; m < machineCount; m++) machineStart[m + 1] = machineStart[m]! + snapshot.sequences[m]!.length;
  const state: ShopState = {
    n,
    machineCount,
    duration,
    release: cp.releaseTime,
    jobPred: cp.jobPred,
    jobSucc: cp.jobSucc,
    machineOf,
    machineStart,
    seq: new Int32Array(n),
    pos: new Int32Array(n),
    machPred: new Int32Array(n),
    machSucc: new Int32Array(n),
    head: new Float64Array(n),
    finish: new Float64Array(n),
    tail: new Float64Array(n),
    topo: new Int32Array(n),
    ord: new Int32Array(n),
    indegree: new Int32Array(n),
    prefixMax: new Float64Array(n),
    prefixArg: new Int32Array(n),
    makespan: 0,
    lastOp: -1,
  };
  for (let m = 0; m < machineCount; m++) state.seq.set(snapshot.sequences[m]!, machineStart[m]!);
  relinkAll(state);
  return state;
}

/** The general snapshot (per-machine arrays) of a flat sequence. */
export function toSnapshot(state: ShopState, seq: Int32Array = state.seq): SequenceSnapshot {
  const sequences: number[][] = [];
  for (let m = 0; m < state.machineCount; m++) sequences.push(Array.from(seq.subarray(state.machineStart[m]!, state.machineStart[m + 1]!)));
  return { assign: Int32Array.from(state.machineOf), sequences };
}

/** Replaces the sequences with a flat copy (from `state.seq` of a state of the same problem). */
export function loadSequence(state: ShopState, seq: Int32Array): void {
  state.seq.set(seq);
  relinkAll(state);
}

export function relinkAll(state: ShopState): void {
  for (let m = 0; m < state.machineCount; m++) relinkRange(state, m, state.machineStart[m]!, state.machineStart[m + 1]! - 1);
}

/** Recomputes pos and machine links for seq[lo..hi] of machine m (and the neighbours' links into it). */
function relinkRange(state: ShopState, m: number, lo: number, hi: number): void {
  const { seq, pos, machPred, machSucc } = state;
  const first = state.machineStart[m]!;
  const last = state.machineStart[m + 1]! - 1;
  for (let i = lo; i <= hi; i++) {
    const o = seq[i]!;
    pos[o] = i;
    machPred[o] = i > first ? seq[i - 1]! : -1;
    machSucc[o] = i < last ? seq[i + 1]! : -1;
  }
  if (lo > first) machSucc[seq[lo - 1]!] = seq[lo]!;
  if (hi < last) machPred[seq[hi + 1]!] = seq[hi]!;
}

/** Moves the operation at absolute index `from` to absolute index `to` of the same machine's slice. */
export function moveOp(state: ShopState, from: number, to: number): void {
  const { seq } = state;
  const o = seq[from]!;
  if (from < to) seq.copyWithin(from, from + 1, to + 1);
  else seq.copyWithin(to + 1, to, from);
  seq[to] = o;
  relinkRange(state, state.machineOf[o]!, Math.min(from, to), Math.max(from, to));
}

/**
 * Semi-active start times in topological order (Kahn), and the makespan. False when the sequences close
 * a cycle; the heads are then garbage and the caller must undo its move.
 */
export function computeHeads(state: ShopState): boolean {
  const { n, jobPred, jobSucc, machPred, machSucc, topo, ord, indegree, prefixMax, prefixArg } = state;
  let end = 0;
  for (let o = 0; o < n; o++) {
    const d = (jobPred[o]! >= 0 ? 1 : 0) + (machPred[o]! >= 0 ? 1 : 0);
    indegree[o] = d;
    if (d === 0) topo[end++] = o;
  }
  let makespan = 0;
  let lastOp = -1;
  let next = 0;
  while (next < end) {
    const o = topo[next]!;
    ord[o] = next;
    const f = placeOp(state, o);
    if (f > makespan) {
      makespan = f;
      lastOp = o;
    }
    prefixMax[next] = makespan;
    prefixArg[next++] = lastOp;
    const js = jobSucc[o]!;
    if (js >= 0 && --indegree[js]! === 0) topo[end++] = js;
    const ms = machSucc[o]!;
    if (ms >= 0 && --indegree[ms]! === 0) topo[end++] = ms;
  }
  state.makespan = makespan;
  state.lastOp = lastOp;
  return end === n;
}

/** Tails in reverse topological order; call after a successful computeHeads. */
export function computeTails(state: ShopState): void {
  for (let i = state.n - 1; i >= 0; i--) placeTail(state, state.topo[i]!);
}

/**
 * Sets one operation's start and finish from its job and machine predecessors, which must be placed
 * already (it comes later in topological order); returns its finish. Shared by the full pass and the
 * incremental one, so both place an operation the same way.
 */
export function placeOp(state: ShopState, o: number): number {
  const jp = state.jobPred[o]!;
  const mp = state.machPred[o]!;
  // A job's release date applies to all its operations, so a job predecessor's finish already covers it.
  const a = jp >= 0 ? state.finish[jp]! : state.release[o]!;
  const b = mp >= 0 ? state.finish[mp]! : 0;
  const start = a > b ? a : b;
  state.head[o] = start;
  const f = start + state.duration[o]!;
  state.finish[o] = f;
  return f;
}

/** Sets one operation's tail (the longest path after it) from its successors' tails, which must be set already. */
export function placeTail(state: ShopState, o: number): void {
  const { tail, duration } = state;
  let q = 0;
  const js = state.jobSucc[o]!;
  if (js >= 0) q = duration[js]! + tail[js]!;
  const ms = state.machSucc[o]!;
  if (ms >= 0) {
    const v = duration[ms]! + tail[ms]!;
    if (v > q) q = v;
  }
  tail[o] = q;
}

/**
 * A critical path into `out` (length returned): from the last-finishing operation back along the arcs
 * that fix each start. Machine arcs are preferred when both bind, which gives longer blocks, more moves.
 */
export function criticalPath(state: ShopState, out: Int32Array): number {
  const { head, duration, machPred, jobPred } = state;
  let o = state.lastOp;
  let length = 0;
  while (o >= 0) {
    out[length++] = o;
    const mp = machPred[o]!;
    const jp = jobPred[o]!;
    if (mp >= 0 && head[mp]! + duration[mp]! === head[o]) o = mp;
    else if (jp >= 0 && head[jp]! + duration[jp]! === head[o]) o = jp;
    else o = -1;
  }
  out.subarray(0, length).reverse();
  return length;
}
