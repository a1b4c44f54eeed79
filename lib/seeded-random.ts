/**
 * The one seeded PRNG (mulberry32): small, fast, and the same sequence on every machine. The twin,
 * the solver, the RUL engine and the synthetic test and benchmark data draw from it, so a seed
 * reproduces their results anywhere; none of them touches Math.random.
 */

export type RandomSource = () => number;

/** Returns a function yielding uniform numbers in [0, 1), fully determined by `seed` (used as a 32-bit state). */
export function seededRandom(seed: number): RandomSource {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Fisher–Yates shuffle of a copy, driven by `random`. */
export function shuffled<T>(items: readonly T[], random: RandomSource): T[] {
  const copy = items.slice();
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy;
}
