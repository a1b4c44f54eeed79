import { describe, expect, it } from 'vitest';
import { regionConfidence, SHIPPED_CONFIDENCE_MODEL, type DefectRegion } from './confidence';
import { fitConfidenceModel, type LabeledRegion } from './confidence-fit';
import type { DefectTypeId } from './defect-types';

/** A region whose seed area and thickness follow from its box: a solid w×h blob with `changedBlobPx` changed around it. */
function region(type: DefectTypeId, widthPx: number, heightPx: number, changedBlobPx: number): DefectRegion {
  const seedAreaPx = widthPx * heightPx;
  return {
    polarity: type === 1 || type === 3 || type === 6 ? 'removed' : 'added',
    type,
    minX: 100,
    minY: 100,
    maxX: 100 + widthPx - 1,
    maxY: 100 + heightPx - 1,
    seedAreaPx,
    changedBlobPx,
    imageEdgeDistancePx: 100,
    topology: { copperDelta: 0, conductorDelta: 0, holeDelta: 0, holeAreaDeltaPx: 0, removedPx: 0, addedPx: 0 },
  };
}

describe('fitConfidenceModel', () => {
  it('learns that solid blobs are defects and long slivers of a moved edge are not', () => {
    const samples: LabeledRegion[] = [];
    for (const type of [1, 2, 3, 4, 5, 6] as DefectTypeId[]) {
      for (let k = 0; k < 20; k++) {
        samples.push({ region: region(type, 6 + (k % 5), 6 + (k % 3), 40 + k), positive: true });
        samples.push({ region: region(type, 30 + k, 1, 400 + 10 * k), positive: false });
      }
    }
    // One noisy label each way keeps the data from being separable.
    samples.push({ region: region(4, 8, 8, 64), positive: false });
    samples.push({ region: region(4, 40, 1, 500), positive: true });
    const model = fitConfidenceModel(samples);
    expect(model.classPrior[4]).toBe(0);
    expect(model.weights.seedFraction + model.weights.logThickness).toBeGreaterThan(0);
    const correct = samples.filter((s) => regionConfidence(s.region, model) >= 0.5 === s.positive).length;
    expect(correct).toBe(samples.length - 2);
  });

  it('learns a class prior from how often each class is real', () => {
    const samples: LabeledRegion[] = [];
    for (let k = 0; k < 40; k++) {
      // Identical features; shorts are real 90 % of the time, spurious copper 20 %.
      samples.push({ region: region(2, 6, 6, 40), positive: k % 10 !== 0 });
      samples.push({ region: region(5, 6, 6, 40), positive: k % 5 === 0 });
    }
    const model = fitConfidenceModel(samples, { l2: 0.01 });
    expect(regionConfidence(region(2, 6, 6, 40), model)).toBeGreaterThan(0.8);
    expect(regionConfidence(region(5, 6, 6, 40), model)).toBeLessThan(0.3);
  });

  it('is deterministic and leaves the shipped model alone', () => {
    const samples = [
      { region: region(1, 6, 6, 40), positive: true },
      { region: region(1, 40, 1, 400), positive: false },
    ];
    const before = JSON.stringify(SHIPPED_CONFIDENCE_MODEL);
    expect(fitConfidenceModel(samples)).toEqual(fitConfidenceModel(samples));
    expect(JSON.stringify(SHIPPED_CONFIDENCE_MODEL)).toBe(before);
  });
});
