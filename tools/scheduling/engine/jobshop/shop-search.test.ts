import { describe, expect, it } from 'vitest';
import { compileProblem } from '../compiled-problem';
import { dispatch } from '../dispatch';
import { createRandom } from '../random';
import { randomProblem } from '../random-problem';
import { computeHeads as generalHeads, createState, makespanOf } from '../sequence-state';
import { applyMove, createMoveScratch, updateTails } from './incremental-move';
import { arcDistance, createRelinkScratch, relink } from './path-relinking';
import type { SolutionExchange } from '../tabu-search';
import { shopSearch } from './shop-search';
import { computeHeads, computeTails, createShopState, isClassicalJobShop, loadSequence, moveOp, toSnapshot } from './shop-state';

const problem = randomProblem(3, { jobs: 8, machines: 5, releases: true });
const cp = compileProblem(problem);

describe('job-shop fast state', () => {
  it('applies only to classical job shops', () => {
    expect(isClassicalJobShop(cp)).toBe(true);
    expect(isClassicalJobShop(compileProblem(randomProblem(3, { jobs: 4, machines: 3, extraAlternatives: 1 })))).toBe(false);
    expect(isClassicalJobShop(compileProblem(randomProblem(3, { jobs: 4, machines: 3, families: 2, maxSetup: 5 })))).toBe(false);
  });

  it('agrees with the general state on heads and makespan after random moves', () => {
    const state = createShopState(cp, dispatch(cp, 'mwkr'));
    const random = createRandom(5);
    let checked = 0;
    for (let step = 0; step < 300; step++) {
      const m = random.int(cp.machineCount);
      const lo = state.machineStart[m]!;
      const size = state.machineStart[m + 1]! - lo;
      const from = lo + random.int(size);
      const to = lo + random.int(size);
      moveOp(state, from, to);
      const acyclic = computeHeads(state);
      const general = createState(cp, toSnapshot(state));
      expect(generalHeads(general)).toBe(acyclic);
      if (!acyclic) {
        moveOp(state, to, from);
        expect(computeHeads(state)).toBe(true);
        continue;
      }
      expect(Array.from(state.head)).toEqual(Array.from(general.head));
      expect(state.makespan).toBe(makespanOf(general));
      checked++;
    }
    expect(checked).toBeGreaterThan(50);
  });

  it('has tails that close the longest path: head + duration + tail is at most the makespan, and equal on it', () => {
    const state = createShopState(cp, dispatch(cp, 'spt'));
    computeHeads(state);
    computeTails(state);
    let longest = 0;
    for (let o = 0; o < state.n; o++) longest = Math.max(longest, state.head[o]! + state.duration[o]! + state.tail[o]!);
    expect(longest).toBe(state.makespan);
  });
});

describe('incremental moves', () => {
  it('give the same heads, tails and makespan as a full recomputation, and refuse the same cycles', () => {
    const state = createShopState(cp, dispatch(cp, 'mwkr'));
    const full = createShopState(cp, dispatch(cp, 'mwkr'));
    computeHeads(state);
    computeTails(state);
    const scratch = createMoveScratch(state.n);
    const random = createRandom(9);
    let applied = 0;
    for (let step = 0; step < 500; step++) {
      const m = random.int(cp.machineCount);
      const lo = state.machineStart[m]!;
      const size = state.machineStart[m + 1]! - lo;
      const from = lo + random.int(size);
      const to = lo + random.int(size);
      if (from === to) continue;
      loadSequence(full, state.seq);
      moveOp(full, from, to);
      const acyclic = computeHeads(full);
      const before = Array.from(state.seq);
      expect(applyMove(state, scratch, from, to)).toBe(acyclic);
      if (!acyclic) {
        expect(Array.from(state.seq)).toEqual(before);
        continue;
      }
      updateTails(state, scratch);
      computeTails(full);
      expect(Array.from(state.head)).toEqual(Array.from(full.head));
      expect(Array.from(state.tail)).toEqual(Array.from(full.tail));
      expect(state.makespan).toBe(full.makespan);
      applied++;
    }
    expect(applied).toBeGreaterThan(100);
  });
});

describe('path relinking', () => {
  it('walks all the way to the guide when asked to, one arc per step', () => {
    const a = createShopState(cp, dispatch(cp, 'spt'));
    const b = createShopState(cp, dispatch(cp, 'mwkr'));
    const scratch = createRelinkScratch(a);
    const distance = arcDistance(a, a.seq, b.seq, new Int32Array(a.n));
    expect(distance).toBeGreaterThan(0);
    const steps = relink(a, b.seq, scratch, { random: createRandom(1), minShare: 1, maxShare: 1 });
    expect(steps).toBe(distance);
    expect(Array.from(a.seq)).toEqual(Array.from(b.seq));
  });
});

describe('shopSearch', () => {
  const options = (seed: number) => ({
    objective: 'makespan' as const,
    random: createRandom(seed),
    maxIterations: 20_000,
    shouldStop: () => false,
    lowerBound: 0,
  });

  it('is deterministic for a seed and an iteration budget, and returns a valid, improved sequence', () => {
    const start = dispatch(cp, 'mwkr');
    const startState = createState(cp, start);
    generalHeads(startState);
    const a = shopSearch(cp, start, options(7));
    const b = shopSearch(cp, start, options(7));
    expect(b.best.sequences).toEqual(a.best.sequences);
    expect(b.bestValue).toBe(a.bestValue);
    const check = createState(cp, a.best);
    expect(generalHeads(check)).toBe(true);
    expect(makespanOf(check)).toBe(a.bestValue);
    expect(a.bestValue).toBeLessThanOrEqual(makespanOf(startState));
    expect(a.restarts).toBeGreaterThan(0);
  });
});

describe('shopSearch with a solution exchange', () => {
  const options = (seed: number, exchange?: SolutionExchange) => ({
    objective: 'makespan' as const,
    random: createRandom(seed),
    maxIterations: 20_000,
    shouldStop: () => false,
    lowerBound: 0,
    exchange,
  });
  const start = dispatch(cp, 'mwkr');

  it('publishes each new best, and is the plain search when every import is invalid', () => {
    const plain = shopSearch(cp, start, options(7));
    const published: number[] = [];
    const valid = createShopState(cp, dispatch(cp, 'spt'));
    computeHeads(valid);
    const wrongMachine = Int32Array.from(valid.seq).reverse();
    const wrongValue = Int32Array.from(valid.seq);
    let polls = 0;
    const exchange: SolutionExchange = {
      publish: (seq, value) => {
        expect(seq.length).toBe(valid.n);
        published.push(value);
      },
      receive: (take) => {
        polls++;
        take(wrongMachine, valid.makespan);
        take(wrongValue, valid.makespan + 1);
        take(new Int32Array(3), 1);
      },
    };
    const result = shopSearch(cp, start, options(7, exchange));
    expect(result.bestValue).toBe(plain.bestValue);
    expect(result.best.sequences).toEqual(plain.best.sequences);
    expect(polls).toBeGreaterThan(0);
    expect(published.at(-1)).toBe(plain.bestValue);
    for (let i = 1; i < published.length; i++) expect(published[i]!).toBeLessThan(published[i - 1]!);
  });

  it('takes a valid import into its pool and relinks from it', () => {
    const other = shopSearch(cp, start, options(11));
    const otherState = createShopState(cp, other.best);
    computeHeads(otherState);
    let offered = 0;
    const exchange: SolutionExchange = {
      publish: () => {},
      receive: (take) => {
        if (offered++ === 0) take(otherState.seq, otherState.makespan);
      },
    };
    const result = shopSearch(cp, start, { ...options(7, exchange), maxIterations: 40_000 });
    const check = createState(cp, result.best);
    expect(generalHeads(check)).toBe(true);
    expect(makespanOf(check)).toBe(result.bestValue);
    expect(offered).toBeGreaterThan(1);
  });
});
