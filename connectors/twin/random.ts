import { seededRandom, type RandomSource } from '../../lib/seeded-random';

/**
 * Seeded pseudo-random numbers for the twin (lib/seeded-random.ts). The whole state is one 32-bit
 * integer, so a twin's randomness is reproducible from its seed and the order of draws alone.
 */

export class SeededRandom {
  private readonly draw: RandomSource;

  constructor(seed: number) {
    // Mix the seed so that small neighbouring seeds (1, 2, 3) give unrelated sequences.
    this.draw = seededRandom((Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) ^ 0x2545f491) >>> 0);
  }

  /** Uniform in [0, 1). */
  next(): number {
    return this.draw();
  }

  uniform(low: number, high: number): number {
    return low + (high - low) * this.next();
  }

  /** Standard normal via Box–Muller (one value per call, keeps the state simple). */
  normal(mean = 0, standardDeviation = 1): number {
    const u1 = Math.max(this.next(), 1e-12);
    const u2 = this.next();
    return mean + standardDeviation * Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
  }

  /** Exponentially distributed with the given mean (time between failures, repair times). */
  exponential(mean: number): number {
    return -mean * Math.log(1 - this.next());
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }
}
