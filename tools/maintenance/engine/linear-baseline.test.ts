import { describe, expect, it } from 'vitest';
import { predictLinear, trainLinearModel } from './linear-baseline';

describe('ridge regression', () => {
  it('recovers a linear relation', () => {
    const x0 = Float64Array.from({ length: 200 }, (_, i) => i / 10);
    const x1 = Float64Array.from({ length: 200 }, (_, i) => Math.sin(i));
    const y = Float64Array.from({ length: 200 }, (_, i) => 3 * x0[i] - 2 * x1[i] + 5);
    const model = trainLinearModel([x0, x1], y, 1e-6);
    expect(predictLinear(model, [4, 0.5])).toBeCloseTo(3 * 4 - 1 + 5, 3);
  });
});
