import { describe, expect, it } from 'vitest';
import { AppError } from '@/lib/errors';
import { DEFECT_TYPE_IDS, type DefectTypeId } from './defect-types';
import { detectDefects } from './detect';
import { createGrayImage } from './gray-image';
import { evaluateDetections, intersectionOverUnion } from './metrics';
import { renderBoardPair } from './synthetic-board';

const ALL_TYPES = DEFECT_TYPE_IDS.map((type) => ({ type }));

describe('detectDefects on synthetic boards', () => {
  it.each(DEFECT_TYPE_IDS)('finds and classifies a lone defect of type %i', (type: DefectTypeId) => {
    for (const seed of [11, 12, 13]) {
      const pair = renderBoardPair({ seed, widthPx: 320, heightPx: 320, defects: [{ type }] });
      const { defects } = detectDefects(pair.template, pair.test, { minConfidence: 0.5 });
      expect(defects).toHaveLength(1);
      expect(defects[0].type).toBe(type);
      expect(intersectionOverUnion(defects[0], pair.truth[0])).toBeGreaterThan(0.5);
    }
  });

  it('finds all six classes on one board with no false alarms', () => {
    const images = [1, 2, 3, 4].map((seed) => {
      const pair = renderBoardPair({ seed, defects: ALL_TYPES });
      return { truth: pair.truth, detections: detectDefects(pair.template, pair.test, { minConfidence: 0.5 }).defects };
    });
    const evaluation = evaluateDetections(images);
    expect(evaluation.truthCount).toBe(24);
    expect(evaluation.precision).toBe(1);
    expect(evaluation.recall).toBe(1);
    expect(evaluation.meanAveragePrecision).toBe(1);
  });

  it('reports nothing for a defect-free pair, even with sensor speckle', () => {
    const pair = renderBoardPair({ seed: 5, defects: [], speckleRate: 0.002 });
    expect(detectDefects(pair.template, pair.test, { minConfidence: 0.5 }).defects).toEqual([]);
  });

  it('aligns a shifted test image and reports boxes in test coordinates', () => {
    const shift = { dxPx: 5, dyPx: -3 };
    const pair = renderBoardPair({ seed: 21, defects: ALL_TYPES, shift });
    const result = detectDefects(pair.template, pair.test, { minConfidence: 0.5 });
    expect(result.shift).toEqual(shift);
    const evaluation = evaluateDetections([{ truth: pair.truth, detections: result.defects }]);
    expect(evaluation.f1).toBe(1);
  });

  it('sorts defects by confidence and keeps confidences in 0..1', () => {
    const pair = renderBoardPair({ seed: 8, defects: ALL_TYPES });
    const { defects } = detectDefects(pair.template, pair.test);
    for (let i = 1; i < defects.length; i++) expect(defects[i - 1].confidence).toBeGreaterThanOrEqual(defects[i].confidence);
    for (const d of defects) expect(d.confidence).toBeGreaterThanOrEqual(0);
    for (const d of defects) expect(d.confidence).toBeLessThanOrEqual(1);
  });

  it('rejects a test image whose size differs from the template', () => {
    const template = createGrayImage(100, 100, 255);
    const test = createGrayImage(100, 90, 255);
    expect(() => detectDefects(template, test)).toThrow(AppError);
    expect(() => detectDefects(template, test)).toThrow(/100×100 px but the test image is 100×90 px/);
  });

  it('rejects a buffer whose length does not match its size', () => {
    const template = createGrayImage(10, 10);
    const broken = { widthPx: 10, heightPx: 10, data: new Uint8Array(50) };
    expect(() => detectDefects(template, broken)).toThrow(/test image is not a valid grayscale buffer/);
  });
});

/** A white board with one horizontal trace, `thicknessPx` thick, from `top`; copper is dark. */
function traceBoard(widthPx: number, heightPx: number, top: number, thicknessPx: number) {
  const image = createGrayImage(widthPx, heightPx, 230);
  for (let y = top; y < top + thicknessPx; y++) for (let x = 10; x < widthPx - 10; x++) image.data[y * widthPx + x] = 25;
  return image;
}

/** `image` resampled with its content stretched by `factor` along x about the left edge (nearest pixel). */
function stretchX(image: ReturnType<typeof createGrayImage>, factor: number) {
  const out = createGrayImage(image.widthPx, image.heightPx);
  for (let y = 0; y < image.heightPx; y++) {
    for (let x = 0; x < image.widthPx; x++) {
      const source = Math.min(image.widthPx - 1, Math.round(x / factor));
      out.data[y * image.widthPx + x] = image.data[y * image.widthPx + source];
    }
  }
  return out;
}

describe('detectDefects on edges and thin traces', () => {
  it('finds a mousebite on a thin trace and calls it a mousebite', () => {
    const template = traceBoard(200, 120, 50, 8);
    const test = traceBoard(200, 120, 50, 8);
    // A bite of radius 4 into the trace's top edge: half the trace's width.
    for (let y = 50; y <= 54; y++) for (let x = 96; x <= 104; x++) if ((x - 100) ** 2 + (y - 50) ** 2 <= 16) test.data[y * 200 + x] = 230;
    const { defects } = detectDefects(template, test, { minConfidence: 0.5 });
    expect(defects).toHaveLength(1);
    expect(defects[0].name).toBe('mousebite');
    expect(intersectionOverUnion(defects[0], { x1: 86, y1: 40, x2: 114, y2: 68 })).toBeGreaterThan(0.33);
  });

  it('does not report an edge that moved by one pixel', () => {
    const template = traceBoard(200, 120, 50, 8);
    expect(detectDefects(template, traceBoard(200, 120, 50, 9), { minConfidence: 0.5 }).defects).toEqual([]);
    expect(detectDefects(template, traceBoard(200, 120, 51, 7), { minConfidence: 0.5 }).defects).toEqual([]);
  });

  it('takes out a 1% stretch of the scan instead of reporting the edges it moves', () => {
    const pair = renderBoardPair({ seed: 31, defects: [] });
    const stretched = stretchX(pair.test, 1.01);
    expect(detectDefects(pair.template, stretched, { minConfidence: 0.5 }).defects).toEqual([]);
  });

  it('finds the defects of a stretched scan', () => {
    const pair = renderBoardPair({ seed: 32, defects: ALL_TYPES });
    const factor = 1.008;
    const truth = pair.truth.map((box) => ({ ...box, x1: Math.round(box.x1 * factor), x2: Math.round(box.x2 * factor) }));
    const { defects } = detectDefects(pair.template, stretchX(pair.test, factor), { minConfidence: 0.5 });
    const evaluation = evaluateDetections([{ truth, detections: defects }]);
    expect(evaluation.recall).toBe(1);
    expect(evaluation.precision).toBe(1);
  });

  it('is deterministic', () => {
    const pair = renderBoardPair({ seed: 33, defects: ALL_TYPES, speckleRate: 0.001 });
    expect(detectDefects(pair.template, pair.test)).toEqual(detectDefects(pair.template, pair.test));
  });
});
