import { seededRandom } from '@/lib/seeded-random';

/**
 * Seeded pseudo-random numbers (lib/seeded-random.ts): the solver must give the same schedule for
 * the same seed and iteration budget on any machine, so it never touches Math.random.
 */
export interface Random {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform integer in [0, bound). */
  int(bound: number): number;
}

export function createRandom(seed: number): Random {
  const next = seededRandom((Math.floor(seed) ^ 0x9e3779b9) >>> 0);
  return { next, int: (bound) => Math.floor(next() * bound) };
}
