/**
 * Applying a tabu-search move without recomputing the whole graph. Profiling on ta41 showed two thirds of
 * the time in the full Kahn pass for heads and the full pass for tails, once per iteration. A move on one
 * machine adds a single arc that can contradict the current topological order, so the order is repaired
 * locally (Pearce & Kelly 2006, dynamic topological sort): only the operations between the arc's ends
 * that are reachable from its head or reach its tail are reordered, and the same search detects a cycle.
 * Heads are then recomputed only from the first reordered position onwards and tails only up to the last
 * one: everything before (heads) or after (tails) that window cannot have changed.
 */
import { type ShopState, moveOp, placeOp, placeTail } from './shop-state';

export interface MoveScratch {
  readonly mark: Int32Array;
  stamp: number;
  readonly stack: Int32Array;
  readonly forward: Int32Array;
  readonly backward: Int32Array;
  readonly slots: Int32Array;
  readonly ops: Int32Array;
  /** After applyMove: tails at topological positions 0..tailsUpTo may have changed. */
  tailsUpTo: number;
}

export function createMoveScratch(n: number): MoveScratch {
  return {
    mark: new Int32Array(n),
    stamp: 0,
    stack: new Int32Array(n),
    forward: new Int32Array(n),
    backward: new Int32Array(n),
    slots: new Int32Array(n),
    ops: new Int32Array(n),
    tailsUpTo: n - 1,
  };
}

/**
 * Moves the operation at absolute index `from` of `seq` to `to` (same machine), keeps the topological
 * order valid and updates heads and makespan. Returns false, with the move undone and nothing changed,
 * when the move closes a cycle. Call `updateTails` afterwards if tails are needed.
 */
export function applyMove(state: ShopState, scratch: MoveScratch, from: number, to: number): boolean {
  const { seq, ord, topo, jobSucc, machSucc, jobPred, machPred } = state;
  moveOp(state, from, to);
  // The one new arc that the old order may contradict: x -> y with ord[y] < ord[x].
  const x = from < to ? seq[to - 1]! : seq[to]!;
  const y = from < to ? seq[to]! : seq[to + 1]!;
  const lb = ord[y]!;
  const ub = ord[x]!;
  const { mark, stack, forward, backward } = scratch;

  // Forward from y through operations ordered before x: reaching x means a cycle.
  const forwardStamp = ++scratch.stamp;
  let top = 0;
  let forwardCount = 0;
  stack[top++] = y;
  mark[y] = forwardStamp;
  while (top > 0) {
    const w = stack[--top]!;
    forward[forwardCount++] = ord[w]!;
    for (let k = 0; k < 2; k++) {
      const s = k === 0 ? jobSucc[w]! : machSucc[w]!;
      if (s < 0) continue;
      if (s === x) {
        moveOp(state, to, from);
        return false;
      }
      if (ord[s]! < ub && mark[s] !== forwardStamp) {
        mark[s] = forwardStamp;
        stack[top++] = s;
      }
    }
  }
  // Backward from x through operations ordered after y.
  const backwardStamp = ++scratch.stamp;
  let backwardCount = 0;
  stack[top++] = x;
  mark[x] = backwardStamp;
  while (top > 0) {
    const w = stack[--top]!;
    backward[backwardCount++] = ord[w]!;
    for (let k = 0; k < 2; k++) {
      const p = k === 0 ? jobPred[w]! : machPred[w]!;
      if (p >= 0 && ord[p]! > lb && mark[p] !== backwardStamp) {
        mark[p] = backwardStamp;
        stack[top++] = p;
      }
    }
  }
  if (scratch.stamp > 0x3fffffff) {
    scratch.mark.fill(0);
    scratch.stamp = 0;
  }

  // Reorder: the backward set, then the forward set, each in its old relative order, into the union of
  // the positions they held.
  const fwd = forward.subarray(0, forwardCount).sort();
  const bwd = backward.subarray(0, backwardCount).sort();
  const { slots, ops } = scratch;
  let count = 0;
  for (let i = 0; i < backwardCount; i++) ops[count++] = topo[bwd[i]!]!;
  for (let i = 0; i < forwardCount; i++) ops[count++] = topo[fwd[i]!]!;
  let i = 0;
  let j = 0;
  for (let k = 0; k < count; k++) slots[k] = j >= forwardCount || (i < backwardCount && bwd[i]! < fwd[j]!) ? bwd[i++]! : fwd[j++]!;
  for (let k = 0; k < count; k++) {
    topo[slots[k]!] = ops[k]!;
    ord[ops[k]!] = slots[k]!;
  }
  scratch.tailsUpTo = ub;
  headsFrom(state, lb);
  return true;
}

/** Heads in topological order from position `first` on (earlier heads are unchanged), and the makespan. */
function headsFrom(state: ShopState, first: number): void {
  const { n, topo, prefixMax, prefixArg } = state;
  let makespan = first > 0 ? prefixMax[first - 1]! : 0;
  let lastOp = first > 0 ? prefixArg[first - 1]! : -1;
  for (let p = first; p < n; p++) {
    const o = topo[p]!;
    const f = placeOp(state, o);
    if (f > makespan) {
      makespan = f;
      lastOp = o;
    }
    prefixMax[p] = makespan;
    prefixArg[p] = lastOp;
  }
  state.makespan = makespan;
  state.lastOp = lastOp;
}

/** Tails for the positions an `applyMove` may have changed (later tails are unchanged). */
export function updateTails(state: ShopState, scratch: MoveScratch): void {
  for (let p = scratch.tailsUpTo; p >= 0; p--) placeTail(state, state.topo[p]!);
}
