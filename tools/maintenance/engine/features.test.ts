import { describe, expect, it } from 'vitest';
import { featureNames, signalOfFeature, unitFeatureColumns, type FeatureSpec } from './features';

const spec: FeatureSpec = { meanWindowsCycles: [2], slopeWindowsCycles: [3], ewmaAlphas: [0.5], baselineCycles: 2 };

describe('window features', () => {
  it('computes each feature from the history up to that cycle only', () => {
    const columns = unitFeatureColumns([Float64Array.from([1, 2, 4, 8])], spec);
    const names = featureNames(['x'], spec);
    expect(names).toEqual(['cycles_observed', 'x.last', 'x.mean2', 'x.slope3', 'x.ewma0.5', 'x.drift']);
    const byName = Object.fromEntries(names.map((name, f) => [name, Array.from(columns[f])]));
    expect(byName.cycles_observed).toEqual([1, 2, 3, 4]);
    expect(byName['x.last']).toEqual([1, 2, 4, 8]);
    expect(byName['x.mean2']).toEqual([1, 1.5, 3, 6]);
    // Slopes: one point → 0; (1,2) → 1; (1,2,4) → 1.5; (2,4,8) → 3.
    expect(byName['x.slope3']).toEqual([0, 1, 1.5, 3]);
    expect(byName['x.ewma0.5']).toEqual([1, 1.5, 2.75, 5.375]);
    // Drift = ewma − mean of the first two cycles (or of what exists).
    expect(byName['x.drift']).toEqual([0, 0, 1.25, 3.875]);
  });

  it('maps feature names back to their signal', () => {
    expect(signalOfFeature('s11.mean30')).toBe('s11');
    expect(signalOfFeature('cycles_observed')).toBe('cycles_observed');
  });
});
