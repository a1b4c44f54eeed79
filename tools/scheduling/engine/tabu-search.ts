/**
 * Tabu search on the disjunctive graph (Nowicki–Smutnicki style, with the N7 neighbourhood of Zhang et al.):
 * on a critical path, move an operation of a critical block to the block's start or end, or move the first
 * or last operation of a block into its interior. Only such moves can shorten the critical path.
 *
 * For the makespan each move is scored by the Taillard / Balas–Vazacopoulos estimate: recompute heads and
 * tails over the moved segment only and take the longest path through it. The chosen move is then applied
 * and evaluated exactly. Weighted tardiness and machine reassignment (flexible job shop) are scored exactly
 * (apply, recompute, undo): slower, but correct for any objective, and plant instances are small.
 *
 * A tabu list of reversed operation pairs stops the search from undoing recent moves; a tabu move is still
 * taken if it beats the best solution (aspiration). After a long run without improvement the search
 * restarts from one of its elite solutions, perturbed by a few random moves.
 */
import { setupBetween } from './compiled-problem';
import type { CompiledProblem } from './compiled-problem';
import type { Objective } from './model';
import type { Random } from './random';
import {
  type SequenceSnapshot,
  computeHeads,
  computeTails,
  createState,
  criticalBlocks,
  criticalPathTo,
  lastFinishing,
  loadSnapshot,
  makespanOf,
  moveWithin,
  reassign,
  snapshotOf,
  weightedTardinessOf,
} from './sequence-state';

export interface TabuSearchOptions {
  objective: Objective;
  random: Random;
  maxIterations: number;
  /** Polled every few iterations; true ends the search with the best solution so far. */
  shouldStop: () => boolean;
  /** A proven lower bound on the objective, or a caller's target: reaching it ends the search. */
  lowerBound: number;
  /** Called whenever the best solution improves (for progress reports). */
  onImprovement?: (value: number, iteration: number) => void;
  /**
   * Cooperation with searches running alongside (the parallel mode): the job-shop search publishes its
   * improvements here and takes the others' into its elite pool. The general engine ignores it. Absent,
   * the search is exactly the single-threaded one.
   */
  exchange?: SolutionExchange;
}

/**
 * Solutions shared between searches of the same problem. A sequence is all machine sequences, machine
 * after machine (`ShopState.seq`'s layout), so it means the same in every search of one compiled problem.
 */
export interface SolutionExchange {
  /** Offers this search's new best to the others (copied; the caller may reuse `seq`). */
  publish(seq: Int32Array, value: number): void;
  /** Calls `take` with each solution the others published since the last call (valid during the call only). */
  receive(take: (seq: Int32Array, value: number) => void): void;
}

export type StopReason = 'iteration_limit' | 'time_limit' | 'target_reached' | 'no_moves';

export interface TabuSearchResult {
  best: SequenceSnapshot;
  bestValue: number;
  iterations: number;
  restarts: number;
  bestIteration: number;
  stopReason: StopReason;
}

const KIND_WITHIN = 0;
const KIND_REASSIGN = 1;
const ELITE_SIZE = 8;
const MAX_REASSIGN_CANDIDATES = 12;
const MAX_TARDY_TARGETS = 4;

export function tabuSearch(cp: CompiledProblem, initial: SequenceSnapshot, options: TabuSearchOptions): TabuSearchResult {
  const { random, objective } = options;
  const state = createState(cp, initial);
  if (!computeHeads(state)) throw new Error('the initial solution contains a cycle');
  computeTails(state);
  const valueOf = objective === 'makespan' ? makespanOf : weightedTardinessOf;
  const exactMoves = objective !== 'makespan';
  const n = cp.opCount;

  let current = valueOf(state);
  let best = snapshotOf(state);
  let bestValue = current;
  let bestIteration = 0;
  const elite: { value: number; snapshot: SequenceSnapshot }[] = [{ value: current, snapshot: best }];

  const tabuPairs = new Map<number, number>();
  const tabuMachines = new Map<number, number>();
  // Tenure 5 + n/m (tabu pairs cover every passed operation, so shorter than the usual 10 + n/m). Measured
  // at 5 s: base 5 reaches 930 on ft10 for seeds 1–3; base 3 is better on la, worse on ta; 10+ is worse.
  const baseTenure = 5 + Math.floor(cp.jobCount / Math.max(1, cp.machineCount));
  // Measured on la21–la40 at 3 s: 600 restarts too soon, 6000 wanders too long; about 2000 does best.
  const maxStall = 2_500;

  const candKind: number[] = [];
  const candMachine: number[] = [];
  const candFrom: number[] = [];
  const candTo: number[] = [];
  const candOp: number[] = [];
  const candValue: number[] = [];
  const segment = new Int32Array(n);
  const segHead = new Float64Array(n);
  const savedHead = new Float64Array(n);

  let iteration = 0;
  let stall = 0;
  let restarts = 0;
  let stopReason: StopReason = 'iteration_limit';

  const isTabuWithin = (m: number, from: number, to: number): boolean => {
    const seq = state.sequences[m]!;
    const u = seq[from]!;
    if (from < to) {
      for (let i = from + 1; i <= to; i++) if ((tabuPairs.get(seq[i]! * n + u) ?? -1) > iteration) return true;
    } else {
      for (let i = to; i < from; i++) if ((tabuPairs.get(u * n + seq[i]!) ?? -1) > iteration) return true;
    }
    return false;
  };

  const estimateWithin = (m: number, from: number, to: number): number => {
    const seq = state.sequences[m]!;
    const { head, tail, duration } = state;
    const u = seq[from]!;
    const lo = Math.min(from, to);
    const hi = Math.max(from, to);
    let length = 0;
    if (from < to) {
      for (let i = lo + 1; i <= hi; i++) segment[length++] = seq[i]!;
      segment[length++] = u;
    } else {
      segment[length++] = u;
      for (let i = lo; i < hi; i++) segment[length++] = seq[i]!;
    }
    let prev = lo > 0 ? seq[lo - 1]! : -1;
    let prevEnd = prev >= 0 ? head[prev]! + duration[prev]! : 0;
    for (let k = 0; k < length; k++) {
      const x = segment[k]!;
      let r = cp.releaseTime[x]!;
      const jp = cp.jobPred[x]!;
      if (jp >= 0 && head[jp]! + duration[jp]! > r) r = head[jp]! + duration[jp]!;
      if (prev >= 0) {
        const e = prevEnd + setupBetween(cp, m, prev, x);
        if (e > r) r = e;
      }
      segHead[k] = r;
      prevEnd = r + duration[x]!;
      prev = x;
    }
    let next = hi + 1 < seq.length ? seq[hi + 1]! : -1;
    let nextTail = next >= 0 ? tail[next]! : 0;
    let estimate = 0;
    for (let k = length - 1; k >= 0; k--) {
      const x = segment[k]!;
      let q = 0;
      const js = cp.jobSucc[x]!;
      if (js >= 0) q = duration[js]! + tail[js]!;
      if (next >= 0) {
        const v = setupBetween(cp, m, x, next) + duration[next]! + nextTail;
        if (v > q) q = v;
      }
      const through = segHead[k]! + duration[x]! + q;
      if (through > estimate) estimate = through;
      next = x;
      nextTail = q;
    }
    return estimate;
  };

  /** Cheap test that rules out most moves that would close a cycle (the exact check follows anyway). */
  const mayCreateCycle = (m: number, from: number, to: number): boolean => {
    const seq = state.sequences[m]!;
    const { head, duration } = state;
    const u = seq[from]!;
    if (from < to) {
      const js = cp.jobSucc[u]!;
      if (js < 0) return false;
      if (state.assign[js] === m && state.position[js]! <= to) return true;
      const v = seq[to]!;
      return head[v]! >= head[js]! + duration[js]!;
    }
    const jp = cp.jobPred[u]!;
    if (jp < 0) return false;
    if (state.assign[jp] === m && state.position[jp]! >= to) return true;
    const v = seq[to]!;
    return head[jp]! >= head[v]! + duration[v]!;
  };

  const touchesFrozen = (m: number, from: number, to: number): boolean => {
    if (!cp.hasFrozen) return false;
    const seq = state.sequences[m]!;
    for (let i = Math.min(from, to); i <= Math.max(from, to); i++) if (!Number.isNaN(cp.frozenStart[seq[i]!]!)) return true;
    return false;
  };

  const exactValueOf = (apply: () => void, undo: () => void): number => {
    apply();
    const acyclic = computeHeads(state);
    const value = acyclic ? valueOf(state) : Number.POSITIVE_INFINITY;
    undo();
    state.head.set(savedHead);
    return value;
  };

  const addWithin = (m: number, from: number, to: number) => {
    if (touchesFrozen(m, from, to) || mayCreateCycle(m, from, to)) return;
    candKind.push(KIND_WITHIN);
    candMachine.push(m);
    candFrom.push(from);
    candTo.push(to);
    candOp.push(state.sequences[m]![from]!);
    candValue.push(
      exactMoves
        ? exactValueOf(
            () => moveWithin(state, m, from, to),
            () => moveWithin(state, m, to, from),
          )
        : estimateWithin(m, from, to),
    );
  };

  const addBlockMoves = (block: readonly number[]) => {
    const k = block.length - 1;
    if (k < 1) return;
    const m = state.assign[block[0]!]!;
    const p0 = state.position[block[0]!]!;
    const pk = p0 + k;
    for (let i = 1; i <= k; i++) addWithin(m, p0, p0 + i);
    for (let i = 0; i < k; i++) if (!(k === 1 && i === 0)) addWithin(m, pk, p0 + i);
    for (let i = 2; i < k; i++) addWithin(m, p0 + i, p0);
    for (let i = 1; i < k - 1; i++) addWithin(m, p0 + i, pk);
  };

  const addReassignMoves = (path: readonly number[]) => {
    let added = 0;
    const start = random.int(path.length);
    for (let step = 0; step < path.length && added < MAX_REASSIGN_CANDIDATES; step++) {
      const u = path[(start + step) % path.length]!;
      const alts = cp.altMachines[u]!;
      if (alts.length < 2 || !Number.isNaN(cp.frozenStart[u]!)) continue;
      for (let a = 0; a < alts.length; a++) {
        const m2 = alts[a]!;
        const m1 = state.assign[u]!;
        if (m2 === m1) continue;
        const seq = state.sequences[m2]!;
        let index = 0;
        while (index < seq.length && (state.head[seq[index]!]! < state.head[u]! || !Number.isNaN(cp.frozenStart[seq[index]!]!))) index++;
        const fromIndex = state.position[u]!;
        candKind.push(KIND_REASSIGN);
        candMachine.push(m2);
        candFrom.push(fromIndex);
        candTo.push(index);
        candOp.push(u);
        candValue.push(
          exactValueOf(
            () => reassign(state, u, m2, index),
            () => reassign(state, u, m1, fromIndex),
          ),
        );
        added++;
      }
    }
  };

  const generateCandidates = () => {
    candKind.length = candMachine.length = candFrom.length = candTo.length = candOp.length = candValue.length = 0;
    if (exactMoves || cp.isFlexible) savedHead.set(state.head);
    const paths: number[][] = [];
    if (objective === 'makespan') paths.push(criticalPathTo(state, lastFinishing(state)));
    else {
      const tardy: { job: number; cost: number }[] = [];
      for (let j = 0; j < cp.jobCount; j++) {
        const last = cp.lastOpOfJob[j]!;
        const late = state.head[last]! + state.duration[last]! - cp.dueTime[j]!;
        if (late > 0) tardy.push({ job: j, cost: late * cp.weight[j]! });
      }
      tardy.sort((a, b) => b.cost - a.cost);
      for (const t of tardy.slice(0, MAX_TARDY_TARGETS)) paths.push(criticalPathTo(state, cp.lastOpOfJob[t.job]!));
    }
    const seen = new Set<number>();
    for (const path of paths) {
      for (const block of criticalBlocks(state, path)) {
        if (block.length < 2 || seen.has(block[0]!)) continue;
        seen.add(block[0]!);
        addBlockMoves(block);
      }
      if (cp.isFlexible) addReassignMoves(path);
    }
  };

  const isTabu = (c: number): boolean =>
    candKind[c] === KIND_WITHIN
      ? isTabuWithin(candMachine[c]!, candFrom[c]!, candTo[c]!)
      : (tabuMachines.get(candOp[c]! * cp.machineCount + candMachine[c]!) ?? -1) > iteration;

  const chooseCandidate = (excluded: Set<number>): number => {
    let free = -1;
    let freeValue = Number.POSITIVE_INFINITY;
    let freeTies = 0;
    let aspirated = -1;
    let aspiratedValue = Number.POSITIVE_INFINITY;
    for (let c = 0; c < candValue.length; c++) {
      if (excluded.has(c) || candValue[c] === Number.POSITIVE_INFINITY) continue;
      const value = candValue[c]!;
      if (isTabu(c)) {
        if (value < bestValue && value < aspiratedValue) {
          aspirated = c;
          aspiratedValue = value;
        }
      } else if (value < freeValue) {
        free = c;
        freeValue = value;
        freeTies = 1;
      } else if (value === freeValue && random.int(++freeTies) === 0) {
        free = c;
      }
    }
    if (aspirated >= 0 && aspiratedValue < freeValue) return aspirated;
    if (free >= 0) return free;
    const open: number[] = [];
    for (let c = 0; c < candValue.length; c++) if (!excluded.has(c) && candValue[c] !== Number.POSITIVE_INFINITY) open.push(c);
    return open.length > 0 ? open[random.int(open.length)]! : -1;
  };

  /** Applies candidate c and records its tabu attributes; false (and undone) if it closed a cycle. */
  const applyCandidate = (c: number, recordTabu: boolean): boolean => {
    const m = candMachine[c]!;
    const from = candFrom[c]!;
    const to = candTo[c]!;
    const u = candOp[c]!;
    if (candKind[c] === KIND_WITHIN) {
      const seq = state.sequences[m]!;
      const passed = from < to ? seq.slice(from + 1, to + 1) : seq.slice(to, from);
      moveWithin(state, m, from, to);
      if (!computeHeads(state)) {
        moveWithin(state, m, to, from);
        computeHeads(state);
        return false;
      }
      if (recordTabu) {
        const expiry = iteration + baseTenure + random.int(Math.ceil(baseTenure / 2) + 1);
        for (const w of passed) tabuPairs.set(from < to ? u * n + w : w * n + u, expiry);
      }
    } else {
      const m1 = state.assign[u]!;
      reassign(state, u, m, to);
      if (!computeHeads(state)) {
        reassign(state, u, m1, from);
        computeHeads(state);
        return false;
      }
      if (recordTabu) tabuMachines.set(u * cp.machineCount + m1, iteration + baseTenure + random.int(baseTenure + 1));
    }
    computeTails(state);
    return true;
  };

  const rememberElite = (value: number) => {
    if (elite.some((e) => e.value === value)) return;
    elite.push({ value, snapshot: snapshotOf(state) });
    elite.sort((a, b) => a.value - b.value);
    if (elite.length > ELITE_SIZE) elite.pop();
  };

  const restart = () => {
    restarts++;
    const from = elite[random.int(elite.length)]!;
    loadSnapshot(state, from.snapshot);
    computeHeads(state);
    computeTails(state);
    tabuPairs.clear();
    tabuMachines.clear();
    const kicks = 2 + random.int(4);
    for (let kick = 0; kick < kicks; kick++) {
      generateCandidates();
      if (candValue.length === 0) break;
      applyCandidate(random.int(candValue.length), false);
    }
    current = valueOf(state);
    stall = 0;
  };

  while (true) {
    if (bestValue <= options.lowerBound) {
      stopReason = 'target_reached';
      break;
    }
    if (iteration >= options.maxIterations) {
      stopReason = 'iteration_limit';
      break;
    }
    if ((iteration & 31) === 0 && options.shouldStop()) {
      stopReason = 'time_limit';
      break;
    }
    iteration++;
    if (tabuPairs.size > 50_000) for (const [key, expiry] of tabuPairs) if (expiry <= iteration) tabuPairs.delete(key);

    generateCandidates();
    if (candValue.length === 0) {
      // No block to reorder: the critical path is a chain of one job's operations, a lower bound.
      if (objective === 'makespan' && !cp.isFlexible && !cp.hasWindows && !cp.hasSetups) {
        stopReason = 'no_moves';
        break;
      }
      restart();
      continue;
    }
    const excluded = new Set<number>();
    let applied = false;
    while (!applied) {
      const c = chooseCandidate(excluded);
      if (c < 0) break;
      applied = applyCandidate(c, true);
      if (!applied) excluded.add(c);
    }
    if (!applied) {
      restart();
      continue;
    }
    current = valueOf(state);
    if (current < bestValue) {
      bestValue = current;
      best = snapshotOf(state);
      bestIteration = iteration;
      stall = 0;
      rememberElite(current);
      options.onImprovement?.(bestValue, iteration);
    } else if (++stall >= maxStall) {
      restart();
    }
  }
  return { best, bestValue, iterations: iteration, restarts, bestIteration, stopReason };
}
