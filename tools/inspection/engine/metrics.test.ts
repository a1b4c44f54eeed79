import { describe, expect, it } from 'vitest';
import type { Defect, DefectTypeId, LabeledBox } from './defect-types';
import { defectName } from './defect-types';
import { evaluateDetections, intersectionOverUnion, matchDetections } from './metrics';

const box = (x1: number, y1: number, x2: number, y2: number, type: DefectTypeId = 1): LabeledBox => ({ x1, y1, x2, y2, type });
const det = (b: LabeledBox, confidence: number): Defect => ({ ...b, name: defectName(b.type), confidence });

describe('DeepPCB metrics', () => {
  it('computes IoU of boxes', () => {
    expect(intersectionOverUnion(box(0, 0, 10, 10), box(0, 0, 10, 10))).toBe(1);
    expect(intersectionOverUnion(box(0, 0, 10, 10), box(5, 0, 15, 10))).toBeCloseTo(50 / 150);
    expect(intersectionOverUnion(box(0, 0, 10, 10), box(20, 20, 30, 30))).toBe(0);
  });

  it('matches only above IoU 0.33 and only the same class', () => {
    const truth = [box(0, 0, 10, 10, 1)];
    // IoU exactly 1/3 is not a match (the rule is IoU > 0.33 ... 0.333 > 0.33 is a match).
    expect(evaluateDetections([{ truth, detections: [det(box(5, 0, 15, 10, 1), 0.9)] }]).truePositives).toBe(1);
    expect(evaluateDetections([{ truth, detections: [det(box(6, 0, 16, 10, 1), 0.9)] }]).truePositives).toBe(0);
    expect(evaluateDetections([{ truth, detections: [det(box(0, 0, 10, 10, 2), 0.9)] }]).truePositives).toBe(0);
  });

  it('counts a duplicate detection as a false positive', () => {
    const truth = [box(0, 0, 10, 10)];
    const result = evaluateDetections([{ truth, detections: [det(truth[0], 0.9), det(truth[0], 0.8)] }]);
    expect(result.truePositives).toBe(1);
    expect(result.precision).toBe(0.5);
    expect(result.recall).toBe(1);
  });

  it('ranks by confidence for AP: a false positive ranked first costs precision', () => {
    const truth = [box(0, 0, 10, 10), box(50, 50, 60, 60)];
    const wrong = det(box(100, 100, 110, 110), 0.95);
    const good = [det(truth[0], 0.9), det(truth[1], 0.8)];
    const fpLast = evaluateDetections([{ truth, detections: [...good, { ...wrong, confidence: 0.1 }] }]);
    const fpFirst = evaluateDetections([{ truth, detections: [...good, wrong] }]);
    expect(fpLast.perClass[0].averagePrecision).toBeCloseTo(1);
    // Ranked FP, TP, TP: interpolated precision is 2/3 at both recall steps.
    expect(fpFirst.perClass[0].averagePrecision).toBeCloseTo(2 / 3);
    expect(fpFirst.meanAveragePrecision).toBeCloseTo(fpFirst.perClass[0].averagePrecision);
  });

  it('applies the score threshold to precision and recall', () => {
    const truth = [box(0, 0, 10, 10), box(50, 50, 60, 60)];
    const detections = [det(truth[0], 0.9), det(truth[1], 0.3)];
    const result = evaluateDetections([{ truth, detections }], { scoreThreshold: 0.5 });
    expect(result.recall).toBe(0.5);
    expect(result.precision).toBe(1);
    expect(result.f1).toBeCloseTo(2 / 3);
  });

  it('marks which detections match, highest confidence first, each truth box once', () => {
    const truth = [box(0, 0, 10, 10, 1), box(50, 50, 60, 60, 2)];
    const detections = [det(box(0, 0, 10, 10, 1), 0.4), det(box(1, 0, 11, 10, 1), 0.9), det(box(50, 50, 60, 60, 1), 0.8), det(box(50, 50, 60, 60, 2), 0.1)];
    // The 0.9 detection takes the open; the 0.4 one is a duplicate; the wrong class never matches.
    expect(matchDetections(truth, detections)).toEqual([false, true, false, true]);
  });
});
