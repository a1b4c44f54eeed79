/**
 * Template-vs-test defect detection: binarise, register (a global shift, then a local warp for
 * uneven scan stretch), difference beyond an edge tolerance, group into regions, classify each
 * region by the topology change it causes and score it. Pure: pixel buffers in, defect boxes out.
 * The whole-image passes are the binarisation (four pixels per operation, bit-packing and
 * projections on the way) and one copy of the template into the test frame; everything after
 * registration follows the pixels that changed.
 */
import { z } from 'zod';
import { AppError } from '@/lib/errors';
import { alignTemplate, estimateLocalWarp, estimateProfiledShift, type PixelRect, type Shift } from './align';
import { binarizeProfiled } from './binarize';
import { classifyRegion, topologyChange, type Polarity } from './classify';
import { labelComponents, labelComponentsAt, type ComponentStats } from './components';
import { regionConfidence, type ConfidenceModel, type DefectRegion } from './confidence';
import { defectName, type Defect } from './defect-types';
import { assertGrayImage, type BinaryMask, type GrayImage } from './gray-image';
import { openSquare, openSquare2At } from './morphology';
import { mergeNearbyComponents, mergeSameClassRegions } from './region-merge';

export const DetectOptions = z.object({
  /** Gray level separating copper from laminate. */
  threshold: z.number().int().min(1).max(255).default(128),
  copperIsDark: z.boolean().default(true),
  /** Largest template-to-test shift searched, per axis. */
  maxShiftPx: z.number().int().min(0).max(64).default(12),
  /** Measure and take out uneven stretch of the scan after the global shift (off: shift only). */
  localWarp: z.boolean().default(true),
  /**
   * Copper edges may move this far (exposure, scan blur) without being a defect. Residual
   * misregistration is taken out by the local warp first, so one pixel is enough; what slips
   * through is scored down by the confidence model rather than dropped here.
   */
  edgeTolerancePx: z.number().int().min(0).max(4).default(1),
  /** Side of the square opening applied to seed masks; 2 drops one-pixel slivers, 1 = none. */
  openSizePx: z.number().int().min(1).max(7).default(2),
  /** Seed components smaller than this are noise. */
  minSeedAreaPx: z.number().int().min(1).default(2),
  /** Seed components closer than this are one defect (a ragged bite splits into pieces). */
  mergeGapPx: z.number().int().min(0).default(5),
  /** Merged regions smaller than this are noise. */
  minAreaPx: z.number().int().min(1).default(5),
  /** Differences within this distance of the image border are ignored (crop artefacts). */
  borderIgnorePx: z.number().int().min(0).default(0),
  /** When judging removed copper, copper pieces smaller than this (slivers left in a bite) are ignored. */
  removedIslandPx: z.number().int().min(1).default(30),
  /**
   * When judging whether removed copper splits a conductor (open or mousebite), both masks are
   * opened with a square of this side first: a cut often leaves a hairline of specks. 1 = off.
   */
  splitOpenPx: z.number().int().min(1).max(5).default(2),
  /** Regions of the same class and polarity whose boxes lie within this gap are one defect (0 = touching only; -1 = never merged). */
  classMergeGapPx: z.number().int().min(-1).default(8),
  /** Context around a region used to judge connectivity changes. */
  windowMarginPx: z.number().int().min(1).default(6),
  /** Reported boxes extend this far beyond the changed pixels (DeepPCB boxes include context). */
  boxPadPx: z.number().int().min(0).default(10),
  /** Reported boxes are at least this wide and tall. */
  minBoxPx: z.number().int().min(0).default(28),
  /** Defects scored below this confidence are not reported. */
  minConfidence: z.number().min(0).max(1).default(0),
  /** Confidence model to score regions with; the shipped one (confidence.ts) when absent. Benches pass refitted ones. */
  confidenceModel: z.custom<ConfidenceModel>((value) => typeof value === 'object' && value !== null && 'weights' in value).optional(),
});
export type DetectOptions = z.input<typeof DetectOptions>;
export type { DefectRegion };
type ResolvedOptions = z.output<typeof DetectOptions>;

export type DetectionResult = {
  defects: Defect[];
  /** The registration that was applied, test relative to template. */
  shift: Shift;
};

function assertSameSize(template: GrayImage, test: GrayImage): void {
  if (template.widthPx !== test.widthPx || template.heightPx !== test.heightPx) {
    throw new AppError(
      'invalid_argument',
      `The template is ${template.widthPx}×${template.heightPx} px but the test image is ` +
        `${test.widthPx}×${test.heightPx} px. Inspect a test image against the template of the same board and camera.`,
    );
  }
}

/** Pixels of one polarity, as a mask and as the list of its set pixels in raster order. */
type SparseMask = { mask: BinaryMask; indices: Int32Array; count: number };

function sparseMask(widthPx: number, heightPx: number): SparseMask {
  return { mask: { widthPx, heightPx, data: new Uint8Array(widthPx * heightPx) }, indices: new Int32Array(256), count: 0 };
}

function addPixel(target: SparseMask, index: number): void {
  target.mask.data[index] = 1;
  if (target.count === target.indices.length) {
    const grown = new Int32Array(target.indices.length * 2);
    grown.set(target.indices);
    target.indices = grown;
  }
  target.indices[target.count++] = index;
}

/**
 * Seed masks in one sparse pass: only pixels where template and test disagree are examined
 * (found four at a time), so the cost follows the amount of change rather than the image size.
 * A disagreeing pixel seeds 'added' when no template copper lies within `tolerancePx`
 * (Euclidean distance, on the digital disk x² + y² ≤ r² + r) and 'removed' when the template is
 * copper throughout that disk. A disk rather than a square because edges move the same distance
 * in every direction: at 2 px a square tolerates 2.8 px across a diagonal edge and swallows cuts
 * and bridges on 45° traces. (At 1 px, the default, the two coincide.)
 */
function seedMasks(
  template: BinaryMask,
  test: BinaryMask,
  validRect: PixelRect,
  tolerancePx: number,
  borderPx: number,
): { added: SparseMask; removed: SparseMask } {
  const { widthPx: w, heightPx: h } = template;
  const t = template.data;
  const s = test.data;
  const added = sparseMask(w, h);
  const removed = sparseMask(w, h);
  // Pixels with no template source, or in the ignored border, never seed.
  const x0 = Math.max(borderPx, validRect.x0);
  const y0 = Math.max(borderPx, validRect.y0);
  const x1 = Math.min(w - borderPx, validRect.x1);
  const y1 = Math.min(h - borderPx, validRect.y1);
  // Half-width of the disk on each row offset.
  const span: number[] = [];
  for (let dy = -tolerancePx; dy <= tolerancePx; dy++) span.push(Math.floor(Math.sqrt(tolerancePx * tolerancePx + tolerancePx - dy * dy)));
  const examine = (i: number): void => {
    if (t[i] === s[i]) return;
    const y = (i / w) | 0;
    const x = i - y * w;
    if (x < x0 || y < y0 || x >= x1 || y >= y1) return;
    // Outside the image counts as copper for 'removed' (like erosion) and as laminate for 'added'.
    const wanted = t[i];
    for (let dy = -tolerancePx; dy <= tolerancePx; dy++) {
      const yy = y + dy;
      if (yy < 0 || yy >= h) continue;
      const r = yy * w;
      const half = span[dy + tolerancePx];
      const x1 = Math.min(w - 1, x + half);
      for (let xx = Math.max(0, x - half); xx <= x1; xx++) if (t[r + xx] !== wanted) return;
    }
    addPixel(wanted === 1 ? removed : added, i);
  };
  const wordCount = t.byteOffset % 4 === 0 && s.byteOffset % 4 === 0 ? t.length >> 2 : 0;
  const t32 = new Uint32Array(t.buffer, t.byteOffset, wordCount);
  const s32 = new Uint32Array(s.buffer, s.byteOffset, wordCount);
  for (let k = 0; k < wordCount; k++) {
    if (t32[k] === s32[k]) continue;
    const i = k << 2;
    examine(i);
    examine(i + 1);
    examine(i + 2);
    examine(i + 3);
  }
  for (let i = wordCount << 2; i < t.length; i++) examine(i);
  return { added, removed };
}

/** Size of the 8-connected set of `polarity` changes inside `window` that touches the seed box. */
function changedBlob(
  template: BinaryMask,
  test: BinaryMask,
  polarity: Polarity,
  seeds: { minX: number; minY: number; maxX: number; maxY: number },
  window: { x0: number; y0: number; x1: number; y1: number },
): number {
  const w = template.widthPx;
  const windowW = window.x1 - window.x0 + 1;
  const windowH = window.y1 - window.y0 + 1;
  const t = template.data;
  const s = test.data;
  const wanted = polarity === 'removed' ? 1 : 0;
  const changed = (x: number, y: number): boolean => {
    const i = y * w + x;
    return t[i] === wanted && s[i] !== wanted;
  };
  const seen = new Uint8Array(windowW * windowH);
  const stack: number[] = [];
  for (let y = seeds.minY; y <= seeds.maxY; y++) {
    for (let x = seeds.minX; x <= seeds.maxX; x++) {
      if (!changed(x, y)) continue;
      seen[(y - window.y0) * windowW + (x - window.x0)] = 1;
      stack.push(x, y);
    }
  }
  let count = 0;
  while (stack.length > 0) {
    const y = stack.pop() as number;
    const x = stack.pop() as number;
    count++;
    for (let ny = Math.max(window.y0, y - 1); ny <= Math.min(window.y1, y + 1); ny++) {
      for (let nx = Math.max(window.x0, x - 1); nx <= Math.min(window.x1, x + 1); nx++) {
        const local = (ny - window.y0) * windowW + (nx - window.x0);
        if (seen[local] || !changed(nx, ny)) continue;
        seen[local] = 1;
        stack.push(nx, ny);
      }
    }
  }
  return count;
}

/** Seed components after the opening, without scanning the whole image when the opening is the usual 2×2. */
function seedComponents(seeds: SparseMask, openSizePx: number): ComponentStats[] {
  if (openSizePx !== 2) return labelComponents(openSquare(seeds.mask, openSizePx), 8).components;
  const kept = openSquare2At(seeds.mask, seeds.indices, seeds.count);
  // The seed mask becomes the opened mask in place: clear the seeds, set the survivors.
  const opened = seeds.mask.data;
  for (let n = 0; n < seeds.count; n++) opened[seeds.indices[n]] = 0;
  for (let n = 0; n < kept.length; n++) opened[kept[n]] = 1;
  return labelComponentsAt(seeds.mask, kept, 8);
}

/**
 * The changed regions of `test` relative to `template`, classified, before scoring.
 * Exposed for tuning and for callers that want the raw features.
 */
export function findDefectRegions(template: GrayImage, test: GrayImage, options: DetectOptions = {}): { regions: DefectRegion[]; shift: Shift } {
  assertGrayImage(template, 'template');
  assertGrayImage(test, 'test');
  assertSameSize(template, test);
  const resolved: ResolvedOptions = DetectOptions.parse(options);
  const binarizeOptions = { threshold: resolved.threshold, copperIsDark: resolved.copperIsDark };
  const templateProfile = binarizeProfiled(template, binarizeOptions);
  const testProfile = binarizeProfiled(test, binarizeOptions);
  const testMask = testProfile.mask;
  const shift = estimateProfiledShift(templateProfile, testProfile, { maxShiftPx: resolved.maxShiftPx });
  const warp = resolved.localWarp ? estimateLocalWarp(templateProfile, testProfile, shift) : undefined;
  const { mask: aligned, validRect } = alignTemplate(templateProfile.mask, shift, warp);

  // A pixel seeds a defect only if it differs from the template by more than the edge
  // tolerance: added copper away from any template copper, or copper missing deep inside
  // template copper. A thin cut across a trace survives (its pixels are deep inside the
  // trace); edges that moved a pixel or two do not.
  const tolerance = resolved.edgeTolerancePx;
  const seeds = seedMasks(aligned, testMask, validRect, tolerance, resolved.borderIgnorePx);
  const seedsByPolarity: Array<[Polarity, SparseMask]> = [
    ['added', seeds.added],
    ['removed', seeds.removed],
  ];

  const { widthPx: w, heightPx: h } = template;
  const regions: DefectRegion[] = [];
  for (const [polarity, seedMask] of seedsByPolarity) {
    const ofPolarity: DefectRegion[] = [];
    const pieces = seedComponents(seedMask, resolved.openSizePx).filter((c) => c.areaPx >= resolved.minSeedAreaPx);
    for (const merged of mergeNearbyComponents(pieces, resolved.mergeGapPx)) {
      if (merged.areaPx < resolved.minAreaPx) continue;
      // Seeds sit up to `tolerance` inside the changed area; grow the box back out.
      const minX = Math.max(0, merged.minX - tolerance);
      const minY = Math.max(0, merged.minY - tolerance);
      const maxX = Math.min(w - 1, merged.maxX + tolerance);
      const maxY = Math.min(h - 1, merged.maxY + tolerance);
      const m = resolved.windowMarginPx;
      const window = { x0: Math.max(0, minX - m), y0: Math.max(0, minY - m), x1: Math.min(w - 1, maxX + m), y1: Math.min(h - 1, maxY + m) };
      const topology = topologyChange(
        aligned,
        testMask,
        window,
        polarity === 'removed' ? { minIslandPx: resolved.removedIslandPx, splitOpenPx: resolved.splitOpenPx } : { minIslandPx: 4 },
      );
      ofPolarity.push({
        polarity,
        type: classifyRegion(polarity, topology),
        minX,
        minY,
        maxX,
        maxY,
        seedAreaPx: merged.areaPx,
        changedBlobPx: changedBlob(aligned, testMask, polarity, merged, window),
        imageEdgeDistancePx: Math.min(minX, minY, w - 1 - maxX, h - 1 - maxY),
        topology,
      });
    }
    regions.push(...mergeSameClassRegions(ofPolarity, resolved.classMergeGapPx, w, h));
  }
  return { regions, shift };
}

/** DeepPCB-style box: the changed pixels plus context, never smaller than `minBoxPx`. */
function reportedBox(region: DefectRegion, options: ResolvedOptions, widthPx: number, heightPx: number) {
  const halfWidth = Math.max(options.minBoxPx / 2, (region.maxX - region.minX + 1) / 2 + options.boxPadPx);
  const halfHeight = Math.max(options.minBoxPx / 2, (region.maxY - region.minY + 1) / 2 + options.boxPadPx);
  const centreX = (region.minX + region.maxX + 1) / 2;
  const centreY = (region.minY + region.maxY + 1) / 2;
  return {
    x1: Math.max(0, Math.round(centreX - halfWidth)),
    y1: Math.max(0, Math.round(centreY - halfHeight)),
    x2: Math.min(widthPx, Math.round(centreX + halfWidth)),
    y2: Math.min(heightPx, Math.round(centreY + halfHeight)),
  };
}

/** The reported defect for one region: DeepPCB-style box, class and confidence. */
export function regionToDefect(region: DefectRegion, options: DetectOptions, widthPx: number, heightPx: number): Defect {
  return toDefect(region, DetectOptions.parse(options), widthPx, heightPx);
}

function toDefect(region: DefectRegion, resolved: ResolvedOptions, widthPx: number, heightPx: number): Defect {
  return {
    ...reportedBox(region, resolved, widthPx, heightPx),
    type: region.type,
    name: defectName(region.type),
    confidence: Number(regionConfidence(region, resolved.confidenceModel).toFixed(4)),
  };
}

/** Regions to reported defects: boxes, classes and confidences, below `minConfidence` dropped, highest confidence first. */
export function regionsToDefects(regions: readonly DefectRegion[], options: DetectOptions, widthPx: number, heightPx: number): Defect[] {
  const resolved = DetectOptions.parse(options);
  const defects = regions.map((region) => toDefect(region, resolved, widthPx, heightPx)).filter((defect) => defect.confidence >= resolved.minConfidence);
  defects.sort((a, b) => b.confidence - a.confidence);
  return defects;
}

/**
 * Finds and classifies defects of `test` against its defect-free `template`.
 * Boxes are in the test image's pixel coordinates; defects are sorted by confidence, highest first.
 */
export function detectDefects(template: GrayImage, test: GrayImage, options: DetectOptions = {}): DetectionResult {
  const resolved = DetectOptions.parse(options);
  const { regions, shift } = findDefectRegions(template, test, resolved);
  return { defects: regionsToDefects(regions, resolved, template.widthPx, template.heightPx), shift };
}
