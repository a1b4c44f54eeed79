import { describe, expect, it } from 'vitest';
import { intervalCoverage, phm08Score, rmse } from './metrics';

describe('RUL metrics', () => {
  it('scores late predictions harder than early ones (PHM08)', () => {
    expect(phm08Score([110], [100])).toBeCloseTo(Math.E - 1, 10);
    expect(phm08Score([87], [100])).toBeCloseTo(Math.E - 1, 10);
    expect(phm08Score([90, 110], [100, 100])).toBeCloseTo(Math.exp(10 / 13) - 1 + Math.E - 1, 10);
  });

  it('computes RMSE and inclusive interval coverage', () => {
    expect(rmse([3, 0], [0, 4])).toBeCloseTo(Math.sqrt(12.5), 10);
    expect(intervalCoverage([0, 5, 10], [10, 6, 20], [10, 7, 9])).toBeCloseTo(1 / 3, 10);
  });
});
