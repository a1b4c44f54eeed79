/**
 * Runs the solver in a worker thread so a server stays responsive during a long solve. The solve can be
 * cancelled (the worker is terminated) and can run in-process instead where workers are unavailable.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { PROJECT_ROOT } from '@/lib/project-root';
import { AppError } from '@/lib/errors';
import type { ProblemInput } from '../engine/model';
import { type SolveOptions, type SolveResult, solve } from '../engine/solve';
import type { WorkerMessage } from './worker-message';

export interface WorkerRunOptions {
  /** Aborting terminates the worker; the promise rejects with AppError('timeout'). */
  signal?: AbortSignal;
  /**
   * 'worker' (default) fails if no worker can start; 'auto' then runs in this thread and says so in
   * `ranIn` and `fallbackReason`; 'in-process' never starts a worker (it blocks this thread).
   */
  mode?: 'worker' | 'auto' | 'in-process';
}

export type WorkerSolveResult = SolveResult & { ranIn: 'worker' | 'in-process'; fallbackReason?: string };

export async function solveInWorker(problem: ProblemInput, options: SolveOptions, run: WorkerRunOptions = {}): Promise<WorkerSolveResult> {
  const mode = run.mode ?? 'worker';
  if (run.signal?.aborted) throw cancelled();
  if (mode === 'in-process') return { ...solve(problem, options, { now: () => performance.now() }), ranIn: 'in-process' };
  try {
    return { ...(await runWorker(problem, options, run.signal)), ranIn: 'worker' };
  } catch (error) {
    if (mode === 'auto' && error instanceof WorkerStartError) {
      return { ...solve(problem, options, { now: () => performance.now() }), ranIn: 'in-process', fallbackReason: error.message };
    }
    if (error instanceof WorkerStartError) {
      throw new AppError(
        'backend_unavailable',
        `Could not start the scheduler worker thread (${error.message}). Run with mode 'auto' or 'in-process' to solve in this thread.`,
        { cause: error },
      );
    }
    throw error;
  }
}

/** A worker could not start (its script or loader failed before it answered). */
export class WorkerStartError extends Error {}

export function cancelled(): AppError {
  return new AppError(
    'timeout',
    'The scheduling run was cancelled before it finished; no schedule was produced. Start it again with a shorter time limit if needed.',
  );
}

/**
 * Running from source, the worker script is TypeScript: a tiny JavaScript bootstrap registers tsx's ESM
 * hooks inside the worker and then imports it (on Node 20, `--import tsx` in execArgv does not reach the
 * worker's entry module). A built copy runs the JavaScript worker directly.
 */
export function startWorker(workerData: unknown, script = 'solver-worker'): Worker {
  if (!import.meta.url.endsWith('.ts')) return new Worker(new URL(`./${script}.js`, import.meta.url), { workerData });
  // The ESM build of tsx's API, located through its package.json (require.resolve would give the CJS build).
  const tsxRoot = dirname(createRequire(import.meta.url).resolve('tsx/package.json'));
  const tsxApi = pathToFileURL(join(tsxRoot, 'dist/esm/api/index.mjs')).href;
  const entry = new URL(`./${script}.ts`, import.meta.url).href;
  // The project's tsconfig, named so the `@/` alias resolves whatever the process's working directory.
  const tsconfig = join(PROJECT_ROOT, 'tsconfig.json');
  const bootstrap = `import(${JSON.stringify(tsxApi)}).then((api) => { api.register({ tsconfig: ${JSON.stringify(tsconfig)} }); return import(${JSON.stringify(entry)}); });`;
  return new Worker(bootstrap, { eval: true, workerData });
}

function runWorker(problem: ProblemInput, options: SolveOptions, signal?: AbortSignal): Promise<SolveResult> {
  return new Promise((resolve, reject) => {
    let worker: Worker;
    try {
      worker = startWorker({ problem, options });
    } catch (error) {
      reject(new WorkerStartError(error instanceof Error ? error.message : String(error)));
      return;
    }
    let settled = false;
    let answered = false;
    const finish = (action: () => void) => {
      if (settled) return;
      settled = true;
      signal?.removeEventListener('abort', onAbort);
      action();
    };
    const onAbort = () => {
      void worker.terminate();
      finish(() => reject(cancelled()));
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    worker.on('message', (message: WorkerMessage) => {
      answered = true;
      if (message.type === 'result') finish(() => resolve(message.result));
      else finish(() => reject(new AppError(message.code, message.message)));
      void worker.terminate();
    });
    worker.on('error', (error) => {
      // An error before any answer usually means the script or its loader could not start.
      finish(() => reject(answered ? error : new WorkerStartError(error.message)));
    });
    worker.on('exit', (code) => {
      finish(() => reject(new AppError('internal', `The scheduler worker exited with code ${code} before answering. This is a bug; please report it.`)));
    });
  });
}
