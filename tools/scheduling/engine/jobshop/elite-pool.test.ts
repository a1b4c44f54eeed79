import { describe, expect, it } from 'vitest';
import { compileProblem } from '../compiled-problem';
import { dispatch } from '../dispatch';
import { createRandom } from '../random';
import { randomProblem } from '../random-problem';
import { createElitePool, keepOnlyBest, offerToPool } from './elite-pool';
import { arcDistance } from './path-relinking';
import { type ShopState, createShopState, moveOp } from './shop-state';

const cp = compileProblem(randomProblem(4, { jobs: 8, machines: 5 }));
const state = createShopState(cp, dispatch(cp, 'mwkr'));
const random = createRandom(11);
const scratchPos = new Int32Array(state.n);
const distance = (a: Int32Array, b: Int32Array) => arcDistance(state, a, b, scratchPos);

/** The state's sequence after `moves` random reorderings (the pool never schedules, so cycles do not matter). */
function shuffled(s: ShopState, moves: number): Int32Array {
  for (let k = 0; k < moves; k++) {
    const m = random.int(s.machineCount);
    const lo = s.machineStart[m]!;
    const size = s.machineStart[m + 1]! - lo;
    moveOp(s, lo + random.int(size), lo + random.int(size));
  }
  return Int32Array.from(s.seq);
}

/** One adjacent swap on the first machine: distance 1 from `seq`. */
function neighbour(seq: Int32Array): Int32Array {
  const copy = Int32Array.from(seq);
  [copy[0], copy[1]] = [copy[1]!, copy[0]!];
  return copy;
}

describe('elite pool', () => {
  it('keeps its distance table equal to arcDistance and never holds a duplicate', () => {
    const pool = createElitePool(state, 4, 0.05);
    for (let k = 0; k < 60; k++) {
      const seq = k % 3 === 0 && pool.members.length > 0 ? neighbour(pool.members[random.int(pool.members.length)]!.seq) : shuffled(state, 20);
      offerToPool(pool, state, seq, 100 - k + random.int(20));
      const n = pool.members.length;
      for (let i = 0; i < n; i++) {
        for (let j = 0; j < n; j++) {
          const d = distance(pool.members[i]!.seq, pool.members[j]!.seq);
          expect(pool.distance[i * pool.capacity + j]).toBe(d);
          if (i !== j) expect(d).toBeGreaterThan(0);
        }
      }
    }
    expect(pool.members.length).toBe(4);
  });

  it('lets a newcomer near a member replace that member only, and only when better', () => {
    const pool = createElitePool(state, 3, 0.05);
    const members = [shuffled(state, 50), shuffled(state, 50), shuffled(state, 50)];
    members.forEach((seq, k) => expect(offerToPool(pool, state, seq, 10 * (k + 1))).toBe(true));
    for (let i = 0; i < 3; i++) for (let j = i + 1; j < 3; j++) expect(distance(members[i]!, members[j]!)).toBeGreaterThanOrEqual(pool.minDistance);
    // Near member 0 (value 10): better than the pool's worst (30), but not than its neighbour.
    expect(offerToPool(pool, state, neighbour(members[0]!), 15)).toBe(false);
    expect(offerToPool(pool, state, neighbour(members[0]!), 5)).toBe(true);
    expect(pool.members.map((e) => e.value)).toEqual([5, 20, 30]);
    expect(Array.from(pool.members[0]!.seq)).toEqual(Array.from(neighbour(members[0]!)));
  });

  it('lets a newcomer far from all members replace the most similar worse member', () => {
    const pool = createElitePool(state, 3, 0.05);
    const members = [shuffled(state, 50), shuffled(state, 50), shuffled(state, 50)];
    members.forEach((seq, k) => offerToPool(pool, state, seq, 10 * (k + 1)));
    const newcomer = shuffled(state, 50);
    const d = members.map((seq) => distance(newcomer, seq));
    for (const dk of d) expect(dk).toBeGreaterThanOrEqual(pool.minDistance);
    // Value 15 is better than members 1 (20) and 2 (30) only: the nearer of those two goes.
    const expected = d[1]! <= d[2]! ? 1 : 2;
    expect(offerToPool(pool, state, newcomer, 15)).toBe(true);
    expect(pool.members[expected]!.value).toBe(15);
    expect(offerToPool(pool, state, shuffled(state, 50), 40)).toBe(false);
  });

  it('keeps only its best member on a rebuild', () => {
    const pool = createElitePool(state, 3, 0.05);
    [30, 10, 20].forEach((value) => offerToPool(pool, state, shuffled(state, 50), value));
    expect(pool.members.length).toBe(3);
    const best = keepOnlyBest(pool);
    expect(best.value).toBe(10);
    expect(pool.members).toEqual([best]);
  });
});
