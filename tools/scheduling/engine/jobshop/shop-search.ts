/**
 * Tabu search with path relinking (TS/PR, Peng, Lü & Cheng 2015) for the classical job shop: a small pool
 * of elite solutions, each the best of one tabu-search run; then, over and over, relink two pool members,
 * run tabu search from the point part-way between them, and let the result replace the pool's worst if it
 * is better and not already there.
 *
 * Why: a single tabu-search walk with random-kick restarts (the general engine) stalls on the square-ish
 * Taillard instances (20×20, 30×20) — kicks from one elite solution fall back into its valley. Relinking
 * keeps what good solutions agree on and recombines the rest, which is where the better valleys are.
 *
 * The first pool member starts from the dispatching-rule solution (so easy instances finish as before),
 * the others from random active schedules, for diversity.
 */
import type { CompiledProblem } from '../compiled-problem';
import type { SequenceSnapshot } from '../sequence-state';
import type { TabuSearchOptions, TabuSearchResult, StopReason } from '../tabu-search';
import { createRelinkScratch, relink } from './path-relinking';
import { type ShopState, computeHeads, computeTails, createShopState, loadSequence, toSnapshot } from './shop-state';
import { type TabuRunEnd, createWorkspace, tabuRun } from './shop-tabu';

/**
 * Tuned at 20 s CPU, seeds 1 and 2, on ta21, ta41, ta42 and la29 only (evals/bench/RESULTS.md): pool 10
 * beat 5 and 20, a run of 5,000 stalled iterations beat 2,500, 10,000 and 20,000 (10,000 about equal).
 */
const POOL_SIZE = 10;
const MAX_STALL = 5_000;
const RELINK_MIN_SHARE = 0.25;
const RELINK_MAX_SHARE = 0.5;
/** Tenure base 8 + n/m: measured against 3, 5 and 12 on the same instances (5 is the general engine's). */
const TENURE_BASE = 8;

interface Elite {
  seq: Int32Array;
  value: number;
}

export function shopSearch(cp: CompiledProblem, initial: SequenceSnapshot, options: TabuSearchOptions): TabuSearchResult {
  const { random } = options;
  const state = createShopState(cp, initial);
  if (!computeHeads(state)) throw new Error('the initial solution contains a cycle');
  computeTails(state);
  const ws = createWorkspace(state);
  const scratch = createRelinkScratch(state);
  const tenure = TENURE_BASE + Math.floor(cp.jobCount / Math.max(1, cp.machineCount));

  const best = Int32Array.from(state.seq);
  let bestValue = state.makespan;
  let bestIteration = 0;
  let runs = 0;
  const pool: Elite[] = [];

  const runFromState = (): TabuRunEnd => {
    computeTails(state);
    runs++;
    const run = tabuRun(state, ws, {
      random,
      maxStall: MAX_STALL,
      maxIterations: options.maxIterations,
      lowerBound: options.lowerBound,
      shouldStop: options.shouldStop,
      tenure,
    });
    if (run.value < bestValue) {
      bestValue = run.value;
      best.set(ws.bestSeq);
      bestIteration = ws.iterations;
      options.onImprovement?.(bestValue, ws.iterations);
    }
    offerToPool(pool, ws.bestSeq, run.value);
    return run.end;
  };

  let end = runFromState();
  while (end === 'stalled' && pool.length < POOL_SIZE) {
    randomActive(cp, state, random);
    end = runFromState();
  }
  while (end === 'stalled') {
    const i = random.int(pool.length);
    let j = random.int(pool.length - 1);
    if (j >= i) j++;
    loadSequence(state, pool[i]!.seq);
    if (pool.length > 1) relink(state, pool[j]!.seq, scratch, { random, minShare: RELINK_MIN_SHARE, maxShare: RELINK_MAX_SHARE });
    else computeHeads(state);
    end = runFromState();
  }

  const stopReason: StopReason = end;
  return { best: toSnapshot(state, best), bestValue, iterations: ws.iterations, restarts: runs - 1, bestIteration, stopReason };
}

/** Adds a run's best to the pool unless it is already there; once full, it must beat the worst member. */
function offerToPool(pool: Elite[], seq: Int32Array, value: number): void {
  for (const e of pool) if (e.value === value && sameSequence(e.seq, seq)) return;
  if (pool.length < POOL_SIZE) {
    pool.push({ seq: Int32Array.from(seq), value });
    return;
  }
  let worst = 0;
  for (let k = 1; k < pool.length; k++) if (pool[k]!.value > pool[worst]!.value) worst = k;
  if (value >= pool[worst]!.value) return;
  pool[worst]!.seq.set(seq);
  pool[worst]!.value = value;
}

function sameSequence(a: Int32Array, b: Int32Array): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * A random active schedule (Giffler–Thompson with a random choice from each conflict set): as diverse as a
 * random order, but a far better start, so the tabu search spends its iterations improving, not repairing.
 */
function randomActive(cp: CompiledProblem, state: ShopState, random: TabuSearchOptions['random']): void {
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
