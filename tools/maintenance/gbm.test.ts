import { describe, expect, it } from 'vitest';
import { DEFAULT_GBM_OPTIONS, gbmContributions, predictGbm, trainGbm } from './gbm';
import { seededRandom } from './seeded-random';

function dataset(n: number) {
  const random = seededRandom(11);
  const x0 = Float64Array.from({ length: n }, () => random());
  const x1 = Float64Array.from({ length: n }, () => random());
  const y = Float64Array.from({ length: n }, (_, i) => (x0[i] > 0.5 ? 10 : 0) + 2 * x1[i]);
  return { columns: [x0, x1], y };
}

const options = { ...DEFAULT_GBM_OPTIONS, trees: 60, learningRate: 0.2, maxDepth: 3, minSamplesLeaf: 5, featureSubsample: 1 };

describe('gradient-boosted trees', () => {
  it('learns a step in one feature and a slope in another', () => {
    const { columns, y } = dataset(2000);
    const { model } = trainGbm(columns, y, options);
    expect(predictGbm(model, [0.9, 0.5])).toBeCloseTo(11, 0);
    expect(predictGbm(model, [0.1, 0.5])).toBeCloseTo(1, 0);
    expect(predictGbm(model, [0.1, 0.95]) - predictGbm(model, [0.1, 0.05])).toBeGreaterThan(1.2);
  });

  it('is deterministic for a seed and changes with the seed', () => {
    const { columns, y } = dataset(500);
    const a = trainGbm(columns, y, { ...options, seed: 3 }).model;
    const b = trainGbm(columns, y, { ...options, seed: 3 }).model;
    const c = trainGbm(columns, y, { ...options, seed: 4 }).model;
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    expect(JSON.stringify(a)).not.toBe(JSON.stringify(c));
  });

  it('splits a prediction into contributions that add up to it', () => {
    const { columns, y } = dataset(1000);
    const { model } = trainGbm(columns, y, options);
    const row = [0.8, 0.3];
    const { bias, byFeature } = gbmContributions(model, row);
    expect(bias + byFeature[0] + byFeature[1]).toBeCloseTo(predictGbm(model, row), 8);
    expect(Math.abs(byFeature[0])).toBeGreaterThan(Math.abs(byFeature[1]));
  });

  it('reports the validation error after every tree', () => {
    const { columns, y } = dataset(600);
    const { validationMse } = trainGbm(columns, y, options, { columns, y });
    expect(validationMse).toHaveLength(options.trees);
    expect(validationMse.at(-1)!).toBeLessThan(validationMse[0]);
  });
});
