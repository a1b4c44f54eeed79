import { describe, expect, it } from 'vitest';
import { DEFAULT_GBM_OPTIONS, gbmContributions, predictGbm, trainGbm } from './gbm';
import { seededRandom } from '@/lib/seeded-random';

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
    const { validationMse } = trainGbm(columns, y, options, { validation: { columns, y } });
    expect(validationMse).toHaveLength(options.trees);
    expect(validationMse.at(-1)!).toBeLessThan(validationMse[0]);
  });

  it('fits the weighted mean when rows carry weights, and ignores a common scale', () => {
    // 900 rows say 0 and 100 say 10 for the same x; weighting each group to the same total
    // (as 1/life weights do for a long and a short unit) moves the fit from 1 to 5.
    const n = 1000;
    const x = Float64Array.from({ length: n }, (_, i) => i % 7);
    const y = Float64Array.from({ length: n }, (_, i) => (i < 900 ? 0 : 10));
    const weights = Float64Array.from({ length: n }, (_, i) => (i < 900 ? 1 / 900 : 1 / 100));
    const flat = { ...options, trees: 80, rowSubsample: 1 };
    expect(predictGbm(trainGbm([x], y, flat).model, [3])).toBeCloseTo(1, 1);
    expect(predictGbm(trainGbm([x], y, flat, { sampleWeights: weights }).model, [3])).toBeCloseTo(5, 0);
    const unweighted = trainGbm([x], y, { ...options, seed: 5 }).model;
    const scaled = trainGbm([x], y, { ...options, seed: 5 }, { sampleWeights: new Float64Array(n).fill(3) }).model;
    expect(JSON.stringify(scaled)).toBe(JSON.stringify(unweighted));
  });

  it('refuses weights of the wrong length or sign', () => {
    const { columns, y } = dataset(50);
    expect(() => trainGbm(columns, y, options, { sampleWeights: new Float64Array(49).fill(1) })).toThrow(/49 sample weights for 50 rows/);
    expect(() => trainGbm(columns, y, options, { sampleWeights: new Float64Array(50).fill(-1) })).toThrow(/non-negative/);
  });
});
