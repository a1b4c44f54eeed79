import { describe, expect, it } from 'vitest';
import { randomProblem } from '../engine/random-problem';
import { solve } from '../engine/solve';
import { solveInWorker } from './solve-in-worker';

describe('solveInWorker', () => {
  const problem = randomProblem(3, { jobs: 6, machines: 4 });

  it('returns the same schedule as an in-process solve for the same seed and budget', async () => {
    const inWorker = await solveInWorker(problem, { maxIterations: 500, seed: 9 });
    expect(inWorker.ranIn).toBe('worker');
    expect(inWorker.violations).toEqual([]);
    expect(inWorker.operations).toEqual(solve(problem, { maxIterations: 500, seed: 9 }).operations);
  });

  it('can be cancelled', async () => {
    const controller = new AbortController();
    const running = solveInWorker(randomProblem(4, { jobs: 30, machines: 10 }), { timeLimitMs: 30_000, seed: 1 }, { signal: controller.signal });
    setTimeout(() => controller.abort(), 200);
    await expect(running).rejects.toMatchObject({ code: 'timeout' });
  });

  it('runs in-process on request', async () => {
    const result = await solveInWorker(problem, { maxIterations: 200, seed: 1 }, { mode: 'in-process' });
    expect(result.ranIn).toBe('in-process');
    expect(result.violations).toEqual([]);
  });

  it('reports solver errors from the worker as AppErrors', async () => {
    await expect(solveInWorker({ ...problem, machineCount: 0 }, { maxIterations: 10 })).rejects.toMatchObject({ code: 'invalid_argument' });
  });
});
