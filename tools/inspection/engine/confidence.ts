/**
 * How sure we are that a changed region is a real defect rather than edge noise. A logistic
 * model over four features and a prior per class, fitted on DeepPCB trainval (see
 * SHIPPED_CONFIDENCE_MODEL and confidence-fit.ts) and deliberately simple enough to read.
 * Topology change and elongation were tried and add nothing once the class is known.
 */
import type { Polarity, TopologyChange } from './classify';
import type { DefectTypeId } from './defect-types';

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
  /**
   * Changed pixels of the region's polarity connected to its seeds, within the topology window:
   * the whole defect for a bite or a blob, a long band for an edge that moved.
   */
  changedBlobPx: number;
  /** Distance from the box to the nearest image edge. */
  imageEdgeDistancePx: number;
  topology: TopologyChange;
};

export type RegionFeatures = {
  logSeedArea: number;
  /** Log of the mean thickness of the seed pixels across the box's longer side: real defects are blobs, edge noise is slivers. */
  logThickness: number;
  /**
   * Seed pixels over the changed pixels connected to them: a defect changes copper well
   * beyond the edge tolerance, an edge that moved changes a long band of which only a few
   * pixels clear it.
   */
  seedFraction: number;
  /** 1 when the region reaches within 2 px of the image edge, where scans are cropped and registration runs out. */
  nearImageEdge: number;
};

export function regionFeatures(region: DefectRegion): RegionFeatures {
  const widthPx = region.maxX - region.minX + 1;
  const heightPx = region.maxY - region.minY + 1;
  return {
    logSeedArea: Math.log(region.seedAreaPx),
    logThickness: Math.log(region.seedAreaPx / Math.max(widthPx, heightPx)),
    seedFraction: region.seedAreaPx / Math.max(1, region.changedBlobPx),
    nearImageEdge: region.imageEdgeDistancePx <= 2 ? 1 : 0,
  };
}

/**
 * A logistic model: bias, one weight per feature and a log-odds prior per class (spur is the
 * reference class, prior 0). Fitted by `fitConfidenceModel` (confidence-fit.ts) on regions
 * labelled by the DeepPCB match rule; `evals/bench/deeppcb.ts --fit-model` refits it on the
 * training folds of a cross-validation and prints the fit on all of trainval.
 */
export type ConfidenceModel = {
  bias: number;
  weights: Record<keyof RegionFeatures, number>;
  classPrior: Record<DefectTypeId, number>;
};

export const FEATURE_NAMES: ReadonlyArray<keyof RegionFeatures> = ['logSeedArea', 'logThickness', 'seedFraction', 'nearImageEdge'];

/**
 * The shipped model, fitted on all 1,000 pairs of DeepPCB trainval with the default
 * DetectOptions: `npx tsx evals/bench/deeppcb.ts --split all --fit-model` (ridge 1) prints it.
 * Cross-validated scores refit it on the training folds only (`--split cv --fit-model`).
 */
export const SHIPPED_CONFIDENCE_MODEL: ConfidenceModel = {
  bias: -1.143,
  weights: { logSeedArea: -2.15, logThickness: 5.194, seedFraction: 8.076, nearImageEdge: -3.674 },
  // Opens and shorts are rarely noise, a lone speck of copper often is.
  classPrior: { 1: 1.948, 2: 2.231, 3: 0.809, 4: 0, 5: -1.365, 6: 0.235 },
};

/** Log-odds of a region being a real defect. */
export function regionLogit(region: DefectRegion, model: ConfidenceModel = SHIPPED_CONFIDENCE_MODEL): number {
  const f = regionFeatures(region);
  let z = model.bias + model.classPrior[region.type];
  for (const name of FEATURE_NAMES) z += model.weights[name] * f[name];
  return z;
}

export function regionConfidence(region: DefectRegion, model: ConfidenceModel = SHIPPED_CONFIDENCE_MODEL): number {
  return 1 / (1 + Math.exp(-regionLogit(region, model)));
}
