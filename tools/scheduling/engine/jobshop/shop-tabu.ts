/**
 * One tabu-search run on a classical job shop (N7 neighbourhood of Zhang et al. 2007, as in the general
 * `tabu-search.ts`): on a critical path, move an operation of a block to the block's start or end, or the
 * first or last operation of a block into its interior. Moves are scored by the Taillard /
 * Balas–Vazacopoulos estimate (heads and tails recomputed over the moved segment only); the chosen move is
 * applied and evaluated exactly. The run ends after `maxStall` iterations without improving its own best.
 *
 * Allocation-free in the loop: candidates, the path and the tabu list live in typed arrays made once per
 * solve (`TabuWorkspace`), so the speed is the graph updates, not the garbage collector.
 */
import type { Random } from '../random';
import { type MoveScratch, applyMove, createMoveScratch, updateTails } from './incremental-move';
import { type ShopState, criticalPath } from './shop-state';

export interface TabuWorkspace {
  readonly path: Int32Array;
  readonly candFrom: Int32Array;
  readonly candTo: Int32Array;
  readonly candValue: Float64Array;
  readonly segment: Int32Array;
  readonly segHead: Float64Array;
  /** Expiry (in `clock` ticks) of "operation a before operation b", indexed a * n + b. */
  readonly tabu: Int32Array;
  /** Tabu time: advances each iteration and jumps at the start of a run, which empties the list. */
  clock: number;
  /** Tabu-search iterations over all runs (the solve's iteration budget counts these). */
  iterations: number;
  readonly bestSeq: Int32Array;
  readonly move: MoveScratch;
}

export interface TabuRunOptions {
  random: Random;
  maxStall: number;
  maxIterations: number;
  lowerBound: number;
  shouldStop: () => boolean;
  /** Tenure base; each tabu pair lasts base + random(base / 2 + 1) iterations. */
  tenure: number;
}

export type TabuRunEnd = 'stalled' | 'iteration_limit' | 'time_limit' | 'target_reached' | 'no_moves';

export function createWorkspace(state: ShopState): TabuWorkspace {
  const n = state.n;
  // N7 on a block of k + 1 operations yields fewer than 4k moves; the blocks of one path hold at most n.
  const maxCandidates = 4 * n + 4;
  return {
    path: new Int32Array(n),
    candFrom: new Int32Array(maxCandidates),
    candTo: new Int32Array(maxCandidates),
    candValue: new Float64Array(maxCandidates),
    segment: new Int32Array(n),
    segHead: new Float64Array(n),
    tabu: new Int32Array(n * n),
    clock: 0,
    iterations: 0,
    bestSeq: new Int32Array(n),
    move: createMoveScratch(n),
  };
}

/**
 * Improves `state` (heads, topological order and tails must be valid) by tabu search. Leaves the run's best sequence in
 * `ws.bestSeq` and returns its makespan and why the run ended; `state` is left wherever the walk was.
 */
export function tabuRun(state: ShopState, ws: TabuWorkspace, options: TabuRunOptions): { value: number; end: TabuRunEnd } {
  const { random, maxStall, tenure } = options;
  const { seq, pos, head, tail, duration, jobPred, jobSucc, machPred, machineOf, machineStart } = state;
  const { path, candFrom, candTo, candValue, segment, segHead, tabu } = ws;
  const n = state.n;
  // Everything recorded by earlier runs has expired once the clock has jumped past the longest tenure.
  ws.clock += 2 * tenure + 2;

  let bestValue = state.makespan;
  ws.bestSeq.set(seq);
  let stall = 0;
  let count = 0;

  const estimate = (from: number, to: number): number => {
    const u = seq[from]!;
    const lo = from < to ? from : to;
    const hi = from < to ? to : from;
    let length = 0;
    if (from < to) {
      for (let i = lo + 1; i <= hi; i++) segment[length++] = seq[i]!;
      segment[length++] = u;
    } else {
      segment[length++] = u;
      for (let i = lo; i < hi; i++) segment[length++] = seq[i]!;
    }
    const m = machineOf[u]!;
    let prevEnd = lo > machineStart[m]! ? head[seq[lo - 1]!]! + duration[seq[lo - 1]!]! : 0;
    for (let k = 0; k < length; k++) {
      const x = segment[k]!;
      let r = state.release[x]!;
      const jp = jobPred[x]!;
      if (jp >= 0 && head[jp]! + duration[jp]! > r) r = head[jp]! + duration[jp]!;
      if (prevEnd > r) r = prevEnd;
      segHead[k] = r;
      prevEnd = r + duration[x]!;
    }
    let nextQ = hi + 1 < machineStart[m + 1]! ? duration[seq[hi + 1]!]! + tail[seq[hi + 1]!]! : 0;
    let value = 0;
    for (let k = length - 1; k >= 0; k--) {
      const x = segment[k]!;
      let q = nextQ;
      const js = jobSucc[x]!;
      if (js >= 0 && duration[js]! + tail[js]! > q) q = duration[js]! + tail[js]!;
      const through = segHead[k]! + duration[x]! + q;
      if (through > value) value = through;
      nextQ = duration[x]! + q;
    }
    return value;
  };

  /** Cheap sufficient test for a cycle-free move (Balas–Vazacopoulos); the exact check follows anyway. */
  const mayCreateCycle = (from: number, to: number): boolean => {
    const u = seq[from]!;
    if (from < to) {
      const js = jobSucc[u]!;
      if (js < 0) return false;
      if (machineOf[js] === machineOf[u] && pos[js]! <= to) return true;
      const v = seq[to]!;
      return head[v]! >= head[js]! + duration[js]!;
    }
    const jp = jobPred[u]!;
    if (jp < 0) return false;
    if (machineOf[jp] === machineOf[u] && pos[jp]! >= to) return true;
    const v = seq[to]!;
    return head[jp]! >= head[v]! + duration[v]!;
  };

  const add = (from: number, to: number) => {
    if (mayCreateCycle(from, to)) return;
    candFrom[count] = from;
    candTo[count] = to;
    candValue[count] = estimate(from, to);
    count++;
  };

  const generate = () => {
    count = 0;
    const length = criticalPath(state, path);
    let b = 0;
    while (b < length) {
      let e = b;
      while (e + 1 < length && machPred[path[e + 1]!] === path[e]) e++;
      const k = e - b;
      if (k >= 1) {
        const p0 = pos[path[b]!]!;
        const pk = p0 + k;
        for (let i = 1; i <= k; i++) add(p0, p0 + i);
        for (let i = 0; i < k; i++) if (!(k === 1 && i === 0)) add(pk, p0 + i);
        for (let i = 2; i < k; i++) add(p0 + i, p0);
        for (let i = 1; i < k - 1; i++) add(p0 + i, pk);
      }
      b = e + 1;
    }
  };

  const isTabu = (from: number, to: number): boolean => {
    const u = seq[from]!;
    const now = ws.clock;
    if (from < to) {
      for (let i = from + 1; i <= to; i++) if (tabu[seq[i]! * n + u]! > now) return true;
    } else {
      for (let i = to; i < from; i++) if (tabu[u * n + seq[i]!]! > now) return true;
    }
    return false;
  };

  const choose = (): number => {
    let free = -1;
    let freeValue = Number.POSITIVE_INFINITY;
    let ties = 0;
    let aspirated = -1;
    let aspiratedValue = Number.POSITIVE_INFINITY;
    for (let c = 0; c < count; c++) {
      const value = candValue[c]!;
      if (value === Number.POSITIVE_INFINITY) continue;
      if (isTabu(candFrom[c]!, candTo[c]!)) {
        if (value < bestValue && value < aspiratedValue) {
          aspirated = c;
          aspiratedValue = value;
        }
      } else if (value < freeValue) {
        free = c;
        freeValue = value;
        ties = 1;
      } else if (value === freeValue && random.int(++ties) === 0) {
        free = c;
      }
    }
    if (aspirated >= 0 && aspiratedValue < freeValue) return aspirated;
    if (free >= 0) return free;
    let open = 0;
    for (let c = 0; c < count; c++) if (candValue[c] !== Number.POSITIVE_INFINITY) open++;
    if (open === 0) return -1;
    let pick = random.int(open);
    for (let c = 0; c < count; c++) if (candValue[c] !== Number.POSITIVE_INFINITY && pick-- === 0) return c;
    return -1;
  };

  /** Applies candidate c and records its tabu pairs; false (and undone) if it closed a cycle. */
  const apply = (c: number): boolean => {
    const from = candFrom[c]!;
    const to = candTo[c]!;
    const u = seq[from]!;
    const expiry = ws.clock + tenure + random.int((tenure >> 1) + 1);
    if (!applyMove(state, ws.move, from, to)) return false;
    // The move put u after (or before) every operation it passed: putting any of them back is tabu.
    if (from < to) for (let i = from; i < to; i++) tabu[u * n + seq[i]!] = expiry;
    else for (let i = to + 1; i <= from; i++) tabu[seq[i]! * n + u] = expiry;
    updateTails(state, ws.move);
    return true;
  };

  while (true) {
    if (bestValue <= options.lowerBound) return { value: bestValue, end: 'target_reached' };
    if (ws.iterations >= options.maxIterations) return { value: bestValue, end: 'iteration_limit' };
    if ((ws.iterations & 31) === 0 && options.shouldStop()) return { value: bestValue, end: 'time_limit' };
    if (stall >= maxStall) return { value: bestValue, end: 'stalled' };
    ws.iterations++;
    ws.clock++;
    generate();
    if (count === 0) return { value: bestValue, end: 'no_moves' };
    let applied = false;
    while (!applied) {
      const c = choose();
      if (c < 0) break;
      applied = apply(c);
      if (!applied) candValue[c] = Number.POSITIVE_INFINITY;
    }
    if (!applied) return { value: bestValue, end: 'stalled' };
    if (state.makespan < bestValue) {
      bestValue = state.makespan;
      ws.bestSeq.set(seq);
      stall = 0;
    } else {
      stall++;
    }
  }
}
