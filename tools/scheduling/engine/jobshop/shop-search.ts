/**
 * Tabu search with path relinking (TS/PR, Peng, Lü & Cheng 2015) for the classical job shop: a small pool
 * of elite solutions, each the best of one tabu-search run; then, over and over, relink two pool members,
 * run tabu search from the point part-way between them, and offer the result to the pool, which keeps
 * its members apart (`elite-pool.ts`).
 *
 * Why: a single tabu-search walk with random-kick restarts (the general engine) stalls on the square-ish
 * Taillard instances (20×20, 30×20) — kicks from one elite solution fall back into its valley. Relinking
 * keeps what good solutions agree on and recombines the rest, which is where the better valleys are.
 *
 * The first pool member starts from the dispatching-rule solution (so easy instances finish as before),
 * the others from random active schedules, for diversity. When the pool has refused the results of several
 * runs in a row, relinking its members only finds what it already holds: the pool is then rebuilt around
 * its best member, from copies of it perturbed part of the way towards random active schedules.
 *
 * With `options.exchange` (the parallel mode) the search publishes each new best and, after every tabu run,
 * offers the other searches' published bests to its own pool like one of its own runs' results (they
 * enter only if the pool's quality-and-distance rule lets them). Each import is checked first: it must be
 * acyclic and have the makespan it was published with.
 */
import type { CompiledProblem } from '../compiled-problem';
import type { SequenceSnapshot } from '../sequence-state';
import type { SolutionExchange, TabuSearchOptions, TabuSearchResult, StopReason } from '../tabu-search';
import { createElitePool, keepOnlyBest, offerToPool } from './elite-pool';
import { createRelinkScratch, relink } from './path-relinking';
import { randomActive } from './random-active';
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
/**
 * Pool diversity, tuned on the same instances: a newcomer within 3 % of the disjunctive arcs of a member
 * competes with that member only (1 %, 2 % and 5 % measured); 8 refused runs in a row trigger a rebuild
 * (5 and 12 measured); a rebuild's starts lie 10–20 % of the way from the best towards a random active
 * schedule (5–10 % and fresh random active schedules measured).
 */
const POOL_MIN_DISTANCE_SHARE = 0.03;
const REBUILD_AFTER_REFUSED_RUNS = 8;
const PERTURB_MIN_SHARE = 0.1;
const PERTURB_MAX_SHARE = 0.2;

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
  const elite = createElitePool(state, POOL_SIZE, POOL_MIN_DISTANCE_SHARE);
  const pool = elite.members;
  let refusedRuns = 0;
  const randomGuide = new Int32Array(state.n);

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
      options.exchange?.publish(best, bestValue);
    }
    refusedRuns = offerToPool(elite, state, ws.bestSeq, run.value) ? 0 : refusedRuns + 1;
    if (options.exchange && run.end === 'stalled') importShared(options.exchange);
    return run.end;
  };

  /** Offers the other searches' bests to the pool; `state` is free here (the next step reloads it). */
  const importShared = (exchange: SolutionExchange) => {
    exchange.receive((seq, value) => {
      if (!isSequenceOf(state, seq)) return;
      loadSequence(state, seq);
      if (!computeHeads(state) || state.makespan !== value) return;
      offerToPool(elite, state, seq, value);
    });
  };

  let end: TabuRunEnd = 'stalled';
  /** Fills the pool with tabu runs from random active schedules, or from `around` perturbed towards them. */
  const fillPool = (around: Int32Array | null) => {
    while (end === 'stalled' && pool.length < POOL_SIZE) {
      randomActive(cp, state, random);
      if (around) {
        randomGuide.set(state.seq);
        loadSequence(state, around);
        relink(state, randomGuide, scratch, { random, minShare: PERTURB_MIN_SHARE, maxShare: PERTURB_MAX_SHARE });
      }
      end = runFromState();
    }
    refusedRuns = 0;
  };

  end = runFromState();
  fillPool(null);
  while (end === 'stalled') {
    if (refusedRuns >= REBUILD_AFTER_REFUSED_RUNS) {
      fillPool(keepOnlyBest(elite).seq);
      if (end !== 'stalled') break;
    }
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

/** True if `seq` holds every operation exactly once, each in its own machine's slice. */
function isSequenceOf(state: ShopState, seq: Int32Array): boolean {
  if (seq.length !== state.n) return false;
  const seen = new Uint8Array(state.n);
  for (let m = 0; m < state.machineCount; m++) {
    for (let i = state.machineStart[m]!; i < state.machineStart[m + 1]!; i++) {
      const o = seq[i]!;
      if (!(o >= 0 && o < state.n) || seen[o] || state.machineOf[o] !== m) return false;
      seen[o] = 1;
    }
  }
  return true;
}
