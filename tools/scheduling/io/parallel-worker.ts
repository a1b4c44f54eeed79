/**
 * Worker-thread entry of one search of a parallel solve (`solve-parallel.ts`): waits until every worker
 * has loaded, runs `solve` with its seed, cooperating through the shared memory, and posts the result.
 * The worker owns the clock, so the engine itself stays clock-free.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { type Clock, solve } from '../engine/solve';
import type { ParallelWorkerData } from './solve-parallel';
import { sharedView } from './shared-exchange';
import { type WorkerMessage, errorMessage } from './worker-message';

const data = workerData as ParallelWorkerData;
try {
  if (data.failForTest) throw new Error(data.failForTest);
  const view = sharedView(data.buffers, data.index, data.importing);
  // The process-CPU clock counts every thread of the process: divided by the number of workers, a time
  // limit of T is a budget of workers × T CPU seconds shared by the searches, and they stop together.
  const clock: Clock = data.clock === 'cpu' ? { now: () => process.cpuUsage().user / 1000 / data.buffers.workers } : { now: () => performance.now() };
  // Loading the worker (TypeScript under tsx) costs seconds; the searches start together once all have.
  view.awaitAllReady(120_000);
  const result = solve(data.problem as Parameters<typeof solve>[0], data.options, clock, { exchange: view.exchange, shouldStop: view.stopped });
  if (result.stopReason === 'target_reached') view.stopAll();
  parentPort!.postMessage({ type: 'result', result } satisfies WorkerMessage);
} catch (error) {
  parentPort!.postMessage(errorMessage(error));
}
