/**
 * The solver on several cores: `workers` searches of the same problem in worker threads, each with its own
 * seed (seed, seed + 1, …), cooperating through shared memory (`shared-exchange.ts`): each publishes every
 * new best, and the job-shop search of every worker but the first takes the others' bests into its elite
 * pool after each tabu run. The first worker only publishes, so its search is exactly the single-threaded
 * solve for `seed`: with an iteration budget the answer is never worse than `solve` with that seed and
 * budget. A worker that reaches the target stops the others. Searches other than the classical job shop's
 * (setups, windows, flexible machines, tardiness) do not exchange solutions: they run side by side and the
 * best is kept.
 *
 * The answer is the best worker's schedule, checked again here by the feasibility checker. Cancelling
 * terminates every worker; an error in any worker ends the solve with that error.
 */
import type { Worker } from 'node:worker_threads';
import { AppError } from '@/lib/errors';
import { checkSchedule } from '../engine/feasibility';
import { type ProblemInput, parseProblem } from '../engine/model';
import { SolveOptions, type SolveResult } from '../engine/solve';
import { type SharedBuffers, createSharedBuffers } from './shared-exchange';
import { WorkerStartError, cancelled, startWorker } from './solve-in-worker';
import type { WorkerMessage } from './worker-message';

export interface ParallelRunOptions {
  /** Number of searches (worker threads); 1 runs a single search in one worker. */
  workers: number;
  /** Aborting terminates every worker; the promise rejects with AppError('timeout'). */
  signal?: AbortSignal;
  /**
   * How the workers measure `timeLimitMs`: 'wall' (default) is elapsed time; 'cpu' is this process's CPU
   * time (all threads) divided by the number of workers, i.e. a shared budget of workers × timeLimitMs of
   * CPU time. For benchmarks on a shared machine, where wall time measures the neighbours.
   */
  clock?: 'wall' | 'cpu';
  /**
   * false: the workers share nothing (an independent portfolio of seeds; each worker is then exactly
   * `solve` for its seed on an iteration budget). Default true: worker 2 onwards import the others' bests.
   */
  exchange?: boolean;
}

export interface WorkerSummary {
  seed: number;
  value: number;
  iterations: number;
  stopReason: SolveResult['stopReason'];
  bestFoundAfterMs: number | null;
}

export type ParallelSolveResult = SolveResult & {
  /** One entry per worker, in worker order; the answer is the best of them (the lowest index on a tie). */
  workers: WorkerSummary[];
  /** The worker whose schedule is returned. */
  chosenWorker: number;
  /** Wall-clock milliseconds from starting the workers to the last answer (worker start-up included). */
  wallMs: number;
};

/** What each worker receives (structured-cloned; the shared buffers are shared, not copied). */
export interface ParallelWorkerData {
  problem: unknown;
  options: SolveOptions;
  index: number;
  importing: boolean;
  clock: 'wall' | 'cpu';
  buffers: SharedBuffers;
  /** Tests only: the worker throws this message instead of solving. */
  failForTest?: string;
}

export async function solveParallel(
  problem: ProblemInput,
  optionsInput: SolveOptions,
  run: ParallelRunOptions,
  testing: { failWorker?: { index: number; message: string } } = {},
): Promise<ParallelSolveResult> {
  const workers = run.workers;
  if (!Number.isInteger(workers) || workers < 1 || workers > 64) {
    throw new AppError('invalid_argument', `workers must be a whole number from 1 to 64 (got ${workers}).`);
  }
  if (run.signal?.aborted) throw cancelled();
  const parsed = parseProblem(problem);
  const options = SolveOptions.parse(optionsInput);
  const n = parsed.jobs.reduce((sum, job) => sum + job.operations.length, 0);
  const buffers = createSharedBuffers(workers, n);
  const started = performance.now();
  const results = await runWorkers(
    Array.from({ length: workers }, (_, index) => ({
      problem,
      options: { ...options, seed: options.seed + index },
      index,
      importing: index > 0 && run.exchange !== false,
      clock: run.clock ?? 'wall',
      buffers,
      failForTest: testing.failWorker?.index === index ? testing.failWorker.message : undefined,
    })),
    run.signal,
  );
  const wallMs = performance.now() - started;
  let chosen = 0;
  for (let w = 1; w < results.length; w++) if (results[w]!.value < results[chosen]!.value) chosen = w;
  const best = results[chosen]!;
  return {
    ...best,
    // The worker checked its schedule; the answer is checked again here, independently of the worker.
    violations: checkSchedule(parsed, best.operations),
    iterations: results.reduce((sum, r) => sum + r.iterations, 0),
    restarts: results.reduce((sum, r) => sum + r.restarts, 0),
    stopReason: results.some((r) => r.stopReason === 'target_reached') ? 'target_reached' : best.stopReason,
    workers: results.map((r, w) => ({
      seed: options.seed + w,
      value: r.value,
      iterations: r.iterations,
      stopReason: r.stopReason,
      bestFoundAfterMs: r.bestFoundAfterMs,
    })),
    chosenWorker: chosen,
    wallMs,
  };
}

function runWorkers(data: ParallelWorkerData[], signal?: AbortSignal): Promise<SolveResult[]> {
  return new Promise((resolve, reject) => {
    const threads: Worker[] = [];
    const results: (SolveResult | undefined)[] = data.map(() => undefined);
    let answered = 0;
    let settled = false;
    const stopAll = () => {
      for (const thread of threads) void thread.terminate();
    };
    const finish = (error: Error | null) => {
      if (settled) return;
      settled = true;
      signal?.removeEventListener('abort', onAbort);
      stopAll();
      if (error) reject(error);
      else resolve(results as SolveResult[]);
    };
    const onAbort = () => finish(cancelled());
    signal?.addEventListener('abort', onAbort, { once: true });
    for (const d of data) {
      let thread: Worker;
      try {
        thread = startWorker(d, 'parallel-worker');
      } catch (error) {
        finish(startFailed(d.index, error instanceof Error ? error.message : String(error)));
        return;
      }
      threads.push(thread);
      let done = false;
      thread.on('message', (message: WorkerMessage) => {
        done = true;
        if (message.type === 'error') {
          finish(new AppError(message.code, `Scheduler worker ${d.index + 1} of ${data.length} failed: ${message.message}`));
          return;
        }
        results[d.index] = message.result;
        void thread.terminate();
        if (++answered === data.length) finish(null);
      });
      thread.on('error', (error) => {
        // An error before any answer usually means the script or its loader could not start.
        finish(done ? error : startFailed(d.index, error.message));
      });
      thread.on('exit', (code) => {
        if (!done) {
          finish(
            new AppError(
              'internal',
              `Scheduler worker ${d.index + 1} of ${data.length} exited with code ${code} before answering. This is a bug; please report it.`,
            ),
          );
        }
      });
    }
  });
}

function startFailed(index: number, message: string): AppError {
  return new AppError(
    'backend_unavailable',
    `Could not start scheduler worker ${index + 1} (${message}). Solve with one worker (solveInWorker, mode 'auto') instead.`,
    { cause: new WorkerStartError(message) },
  );
}
