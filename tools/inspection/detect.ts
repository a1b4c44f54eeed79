/**
 * Template-vs-test defect detection: binarise, register, difference beyond an edge
 * tolerance, group into regions, classify each region by the topology change it causes and
 * score it. Pure: pixel buffers in, defect boxes out.
 */
import { z } from 'zod';
import { AppError } from '../../lib/errors';
import { estimateShift, shiftMask, type Shift } from './align';
import { binarize } from './binarize';
import { classifyRegion, topologyChange, type Polarity, type TopologyChange } from './classify';
import { labelComponents } from './components';
import { regionConfidence } from './confidence';
import { defectName, type Defect, type DefectTypeId } from './defect-types';
import { assertGrayImage, type BinaryMask, type GrayImage } from './gray-image';
import { openSquare } from './morphology';
import { mergeNearbyComponents } from './region-merge';

export const DetectOptions = z.object({
  /** Gray level separating copper from laminate. */
  threshold: z.number().int().min(1).max(255).default(128),
  copperIsDark: z.boolean().default(true),
  /** Largest template-to-test shift searched, per axis. */
  maxShiftPx: z.number().int().min(0).max(64).default(12),
  /** Copper edges may move this far (residual misalignment, exposure, scan blur) without being a defect. */
  edgeTolerancePx: z.number().int().min(0).max(4).default(2),
  /** Side of the square opening applied to seed masks; 2 drops one-pixel slivers, 1 = none. */
  openSizePx: z.number().int().min(1).max(7).default(2),
  /** Seed components smaller than this are noise. */
  minSeedAreaPx: z.number().int().min(1).default(3),
  /** Seed components closer than this are one defect (a ragged bite splits into pieces). */
  mergeGapPx: z.number().int().min(0).default(3),
  /** Merged regions smaller than this are noise. */
  minAreaPx: z.number().int().min(1).default(8),
  /** Differences within this distance of the image border are ignored (crop artefacts). */
  borderIgnorePx: z.number().int().min(0).default(0),
  /** When judging removed copper, copper pieces smaller than this (slivers left in a bite) are ignored. */
  removedIslandPx: z.number().int().min(1).default(30),
  /** Context around a region used to judge connectivity changes. */
  windowMarginPx: z.number().int().min(1).default(6),
  /** Reported boxes extend this far beyond the changed pixels (DeepPCB boxes include context). */
  boxPadPx: z.number().int().min(0).default(8),
  /** Reported boxes are at least this wide and tall. */
  minBoxPx: z.number().int().min(0).default(28),
  /** Defects scored below this confidence are not reported. */
  minConfidence: z.number().min(0).max(1).default(0),
});
export type DetectOptions = z.input<typeof DetectOptions>;
type ResolvedOptions = z.output<typeof DetectOptions>;

/** One changed region before it becomes a reported defect; the features confidence is scored from. */
export type DefectRegion = {
  polarity: Polarity;
  type: DefectTypeId;
  /** Bounding box of the changed pixels, inclusive. */
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
  /** Pixels that differ beyond the edge tolerance. */
  seedAreaPx: number;
  topology: TopologyChange;
};

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

/**
 * Seed masks in one sparse pass: only pixels where template and test disagree are examined,
 * so the cost follows the amount of change rather than the image size. A disagreeing pixel
 * seeds 'added' when no template copper lies within `tolerancePx` (Chebyshev distance) and
 * 'removed' when the template is copper throughout that neighbourhood.
 */
function seedMasks(
  template: BinaryMask,
  test: BinaryMask,
  valid: Uint8Array,
  tolerancePx: number,
  borderPx: number,
): { added: BinaryMask; removed: BinaryMask } {
  const { widthPx: w, heightPx: h } = template;
  const t = template.data;
  const s = test.data;
  const added = new Uint8Array(w * h);
  const removed = new Uint8Array(w * h);
  for (let y = borderPx; y < h - borderPx; y++) {
    const row = y * w;
    const y0 = Math.max(0, y - tolerancePx);
    const y1 = Math.min(h - 1, y + tolerancePx);
    for (let x = borderPx; x < w - borderPx; x++) {
      const i = row + x;
      if (t[i] === s[i] || valid[i] === 0) continue;
      const x0 = Math.max(0, x - tolerancePx);
      const x1 = Math.min(w - 1, x + tolerancePx);
      // Outside the image counts as copper for 'removed' (like erosion) and as laminate for 'added'.
      const wanted = t[i];
      let uniform = true;
      for (let yy = y0; yy <= y1 && uniform; yy++) {
        const r = yy * w;
        for (let xx = x0; xx <= x1; xx++) {
          if (t[r + xx] !== wanted) {
            uniform = false;
            break;
          }
        }
      }
      if (uniform) (wanted === 1 ? removed : added)[i] = 1;
    }
  }
  return { added: { widthPx: w, heightPx: h, data: added }, removed: { widthPx: w, heightPx: h, data: removed } };
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
  const templateMask = binarize(template, binarizeOptions);
  const testMask = binarize(test, binarizeOptions);
  const shift = estimateShift(templateMask, testMask, { maxShiftPx: resolved.maxShiftPx });
  const { mask: aligned, valid } = shiftMask(templateMask, shift);

  // A pixel seeds a defect only if it differs from the template by more than the edge
  // tolerance: added copper away from any template copper, or copper missing deep inside
  // template copper. A thin cut across a trace survives (its pixels are deep inside the
  // trace); edges that moved a pixel or two do not.
  const tolerance = resolved.edgeTolerancePx;
  const seeds = seedMasks(aligned, testMask, valid, tolerance, resolved.borderIgnorePx);
  const seedsByPolarity: Array<[Polarity, BinaryMask]> = [
    ['added', seeds.added],
    ['removed', seeds.removed],
  ];

  const { widthPx: w, heightPx: h } = template;
  const regions: DefectRegion[] = [];
  for (const [polarity, mask] of seedsByPolarity) {
    const cleaned = openSquare(mask, resolved.openSizePx);
    const pieces = labelComponents(cleaned, 8).components.filter((c) => c.areaPx >= resolved.minSeedAreaPx);
    for (const merged of mergeNearbyComponents(pieces, resolved.mergeGapPx)) {
      if (merged.areaPx < resolved.minAreaPx) continue;
      // Seeds sit up to `tolerance` inside the changed area; grow the box back out.
      const minX = Math.max(0, merged.minX - tolerance);
      const minY = Math.max(0, merged.minY - tolerance);
      const maxX = Math.min(w - 1, merged.maxX + tolerance);
      const maxY = Math.min(h - 1, merged.maxY + tolerance);
      const m = resolved.windowMarginPx;
      const topology = topologyChange(
        aligned,
        testMask,
        {
          x0: Math.max(0, minX - m),
          y0: Math.max(0, minY - m),
          x1: Math.min(w - 1, maxX + m),
          y1: Math.min(h - 1, maxY + m),
        },
        { minIslandPx: polarity === 'removed' ? resolved.removedIslandPx : 4 },
      );
      regions.push({
        polarity,
        type: classifyRegion(polarity, topology),
        minX,
        minY,
        maxX,
        maxY,
        seedAreaPx: merged.areaPx,
        topology,
      });
    }
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
    confidence: Number(regionConfidence(region).toFixed(4)),
  };
}

/**
 * Finds and classifies defects of `test` against its defect-free `template`.
 * Boxes are in the test image's pixel coordinates; defects are sorted by confidence, highest first.
 */
export function detectDefects(template: GrayImage, test: GrayImage, options: DetectOptions = {}): DetectionResult {
  const resolved = DetectOptions.parse(options);
  const { regions, shift } = findDefectRegions(template, test, resolved);
  const defects = regions
    .map((region) => toDefect(region, resolved, template.widthPx, template.heightPx))
    .filter((defect) => defect.confidence >= resolved.minConfidence);
  defects.sort((a, b) => b.confidence - a.confidence);
  return { defects, shift };
}
