/**
 * Worker-thread entry: runs one solve with the problem and options from workerData and posts the result.
 * The worker owns the clock, so the engine itself stays clock-free.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { solve } from '../engine/solve';
import { type WorkerMessage, errorMessage } from './worker-message';

const { problem, options } = workerData as { problem: unknown; options: unknown };
try {
  const result = solve(problem as Parameters<typeof solve>[0], options as Parameters<typeof solve>[1], { now: () => performance.now() });
  parentPort!.postMessage({ type: 'result', result } satisfies WorkerMessage);
} catch (error) {
  parentPort!.postMessage(errorMessage(error));
}
