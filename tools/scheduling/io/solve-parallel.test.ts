import { describe, expect, it } from 'vitest';
import { randomProblem } from '../engine/random-problem';
import { solve } from '../engine/solve';
import { solveParallel } from './solve-parallel';

describe('solveParallel', () => {
  // A classical job shop (no setups, windows or alternatives): the searches exchange solutions.
  const problem = randomProblem(7, { jobs: 10, machines: 6 });

  it('returns a feasible schedule, no worse than the single search for its seed on the same iteration budget', async () => {
    const options = { maxIterations: 30_000, seed: 1 };
    const single = solve(problem, options);
    const parallel = await solveParallel(problem, options, { workers: 2 });
    expect(parallel.violations).toEqual([]);
    expect(parallel.workers.map((w) => w.seed)).toEqual([1, 2]);
    expect(parallel.value).toBeLessThanOrEqual(single.value);
    // The first worker does not import: it is exactly the single-threaded search for seed 1.
    expect(parallel.workers[0]!.value).toBe(single.value);
    expect(parallel.value).toBe(Math.min(...parallel.workers.map((w) => w.value)));
    expect(parallel.iterations).toBe(parallel.workers.reduce((sum, w) => sum + w.iterations, 0));
  });

  it('without exchange is a portfolio: each worker is exactly the single search for its seed', async () => {
    const options = { maxIterations: 20_000, seed: 4 };
    const parallel = await solveParallel(problem, options, { workers: 2, exchange: false });
    expect(parallel.workers.map((w) => w.value)).toEqual([solve(problem, options).value, solve(problem, { ...options, seed: 5 }).value]);
    expect(parallel.violations).toEqual([]);
  });

  it('runs side by side on problems outside the classical job shop', async () => {
    const general = randomProblem(5, { jobs: 6, machines: 4, families: 2, maxSetup: 5 });
    const result = await solveParallel(general, { maxIterations: 500, seed: 3 }, { workers: 2 });
    expect(result.violations).toEqual([]);
    expect(result.value).toBeLessThanOrEqual(solve(general, { maxIterations: 500, seed: 3 }).value);
  });

  it('can be cancelled', async () => {
    const controller = new AbortController();
    const running = solveParallel(randomProblem(4, { jobs: 30, machines: 10 }), { timeLimitMs: 60_000, seed: 1 }, { workers: 2, signal: controller.signal });
    setTimeout(() => controller.abort(), 300);
    await expect(running).rejects.toMatchObject({ code: 'timeout' });
  });

  it('reports an invalid problem as the AppError the workers would raise, before starting them', async () => {
    await expect(solveParallel({ ...problem, machineCount: 0 }, { maxIterations: 10 }, { workers: 2 })).rejects.toMatchObject({
      code: 'invalid_argument',
    });
  });

  it('reports an error in a worker as a clear error naming the worker', async () => {
    const failing = solveParallel(
      problem,
      { maxIterations: 100_000, seed: 1 },
      { workers: 2 },
      { failWorker: { index: 1, message: 'out of memory (simulated)' } },
    );
    await expect(failing).rejects.toMatchObject({ code: 'internal', message: expect.stringMatching(/worker 2 of 2 failed: out of memory \(simulated\)/) });
  });

  it('refuses a nonsensical number of workers', async () => {
    await expect(solveParallel(problem, { maxIterations: 10 }, { workers: 0 })).rejects.toMatchObject({ code: 'invalid_argument' });
  });
});
