/**
 * The scheduler's entry point: dispatching rules build a start, tabu search improves it. Anytime (it
 * returns the best schedule found when the time or iteration budget runs out) and deterministic for a
 * seed and an iteration budget. The engine has no clock of its own: a time limit needs an injected `now`.
 */
import { z } from 'zod';
import { AppError } from '@/lib/errors';
import { compileProblem, type CompiledProblem } from './compiled-problem';
import { DISPATCH_RULES, type DispatchRule, dispatch } from './dispatch';
import { checkSchedule, type Violation } from './feasibility';
import { Objective, type ProblemInput, type ScheduledOperation, parseProblem } from './model';
import { createRandom } from './random';
import { type SequenceSnapshot, computeHeads, createState, makespanOf, scheduleOf, weightedTardinessOf } from './sequence-state';
import { isClassicalJobShop } from './jobshop/shop-state';
import { shopSearch } from './jobshop/shop-search';
import { type SolutionExchange, type StopReason, tabuSearch } from './tabu-search';

export const SolveOptions = z.object({
  /** Wall-clock budget; needs a clock. Time-based runs are not reproducible, iteration-based ones are. */
  timeLimitMs: z.number().positive().optional(),
  maxIterations: z.number().int().positive().optional(),
  seed: z.number().int().default(1),
  objective: Objective.default('makespan'),
  /** Stop as soon as a schedule this good is found (a known optimum, or "good enough" for the plant). */
  targetValue: z.number().optional(),
});
export type SolveOptions = z.input<typeof SolveOptions>;

export interface Clock {
  /** Milliseconds from any fixed origin (performance.now works). */
  now(): number;
}

export interface SolveResult {
  objective: Objective;
  /** Value of the chosen objective for the returned schedule. */
  value: number;
  makespan: number;
  weightedTardiness: number;
  operations: ScheduledOperation[];
  /** Violations found by the independent checker; empty for a feasible schedule. */
  violations: Violation[];
  lowerBound: number;
  baseline: { rule: DispatchRule; value: number; makespan: number };
  iterations: number;
  restarts: number;
  stopReason: StopReason;
  /** Milliseconds from the start of the solve until the best schedule was found; null without a clock. */
  bestFoundAfterMs: number | null;
  elapsedMs: number | null;
}

const DEFAULT_MAX_ITERATIONS = 20_000;

/**
 * What a search running alongside others (`solveParallel` in ../io/solve-parallel) needs beyond a plain
 * solve: an exchange of solutions with the others, and a stop signal (another search reached the target).
 * Without it, `solve` is the single-threaded solver, deterministic for a seed and an iteration budget.
 */
export interface Cooperation {
  exchange?: SolutionExchange;
  shouldStop?: () => boolean;
}

export function solve(problemInput: ProblemInput, optionsInput: SolveOptions = {}, clock?: Clock, cooperation: Cooperation = {}): SolveResult {
  const problem = parseProblem(problemInput);
  const options = SolveOptions.parse(optionsInput);
  if (options.timeLimitMs !== undefined && !clock) {
    throw new AppError('invalid_argument', 'A time limit needs a clock: pass { now: () => performance.now() } to solve(), or use maxIterations.');
  }
  const startedMs = clock?.now() ?? 0;
  const maxIterations = options.maxIterations ?? (options.timeLimitMs === undefined ? DEFAULT_MAX_ITERATIONS : Number.POSITIVE_INFINITY);
  const cp = compileProblem(problem);
  const valueOf = (snapshot: SequenceSnapshot) => evaluate(cp, snapshot)[options.objective];

  const baseline = bestDispatch(cp, options.objective);
  const lowerBound = options.objective === 'makespan' ? makespanLowerBound(cp) : 0;
  let bestFoundAfterMs = clock ? clock.now() - startedMs : null;
  const search = (useShopSearch(cp, options.objective) ? shopSearch : tabuSearch)(cp, baseline.snapshot, {
    objective: options.objective,
    random: createRandom(options.seed),
    maxIterations,
    lowerBound: Math.max(lowerBound, options.targetValue ?? Number.NEGATIVE_INFINITY),
    shouldStop: () =>
      (clock !== undefined && options.timeLimitMs !== undefined && clock.now() - startedMs >= options.timeLimitMs) || cooperation.shouldStop?.() === true,
    exchange: cooperation.exchange,
    onImprovement: () => {
      if (clock) bestFoundAfterMs = clock.now() - startedMs;
    },
  });
  const final = search.bestValue <= baseline.value ? search.best : baseline.snapshot;
  const state = createState(cp, final);
  computeHeads(state);
  const operations = scheduleOf(state);
  const makespan = makespanOf(state);
  const weightedTardiness = weightedTardinessOf(state);
  return {
    objective: options.objective,
    value: options.objective === 'makespan' ? makespan : weightedTardiness,
    makespan,
    weightedTardiness,
    operations,
    violations: checkSchedule(problem, operations),
    lowerBound,
    baseline: { rule: baseline.rule, value: valueOf(baseline.snapshot), makespan: evaluate(cp, baseline.snapshot).makespan },
    iterations: search.iterations,
    restarts: search.restarts,
    stopReason: search.stopReason,
    bestFoundAfterMs,
    elapsedMs: clock ? clock.now() - startedMs : null,
  };
}

/**
 * The classical job shop (makespan, one machine per operation, no setups or windows) gets the faster
 * path-relinking search; its tabu list is n × n, so very large problems stay with the general engine.
 */
function useShopSearch(cp: CompiledProblem, objective: Objective): boolean {
  return objective === 'makespan' && cp.opCount <= 3_000 && isClassicalJobShop(cp);
}

function evaluate(cp: CompiledProblem, snapshot: SequenceSnapshot): { makespan: number; weightedTardiness: number } {
  const state = createState(cp, snapshot);
  if (!computeHeads(state))
    throw new AppError('internal', 'The scheduler built a cyclic machine sequence. This is a bug; please report it with the problem data.');
  return { makespan: makespanOf(state), weightedTardiness: weightedTardinessOf(state) };
}

/** The best schedule over all dispatching rules: the baseline and the search's start. */
export function bestDispatch(cp: CompiledProblem, objective: Objective): { rule: DispatchRule; snapshot: SequenceSnapshot; value: number } {
  let best: { rule: DispatchRule; snapshot: SequenceSnapshot; value: number } | undefined;
  for (const rule of DISPATCH_RULES) {
    const snapshot = dispatch(cp, rule);
    const value = evaluate(cp, snapshot)[objective];
    if (!best || value < best.value) best = { rule, snapshot, value };
  }
  return best!;
}

/** max(longest job, most loaded machine), counting only operations with a single eligible machine. */
export function makespanLowerBound(cp: CompiledProblem): number {
  let bound = 0;
  const load = new Float64Array(cp.machineCount);
  const earliestRelease = new Float64Array(cp.machineCount).fill(Number.POSITIVE_INFINITY);
  for (let j = 0; j < cp.jobCount; j++) {
    let end = cp.releaseTime[cp.firstOpOfJob[j]!]!;
    for (let o = cp.firstOpOfJob[j]!; o <= cp.lastOpOfJob[j]!; o++) {
      end = Math.max(end, cp.releaseTime[o]!) + Math.min(...cp.altDurations[o]!);
      if (cp.altMachines[o]!.length === 1) {
        const m = cp.altMachines[o]![0]!;
        load[m] += cp.altDurations[o]![0]!;
        earliestRelease[m] = Math.min(earliestRelease[m]!, cp.releaseTime[cp.firstOpOfJob[j]!]!);
      }
    }
    bound = Math.max(bound, end);
  }
  for (let m = 0; m < cp.machineCount; m++) if (load[m]! > 0) bound = Math.max(bound, earliestRelease[m]! + load[m]!);
  return bound;
}
