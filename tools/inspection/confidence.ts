/**
 * How sure we are that a changed region is a real defect rather than edge noise. A logistic
 * model over a few shape features; coefficients fitted on the tune part of DeepPCB trainval
 * (see evals/bench/deeppcb.ts) and deliberately simple enough to read.
 */
import type { DefectRegion } from './detect';

export type RegionFeatures = {
  logSeedArea: number;
  /** Mean thickness of the changed pixels across their longer side. */
  thicknessPx: number;
  /** Long side over short side of the box. */
  elongation: number;
  changesTopology: number;
};

export function regionFeatures(region: DefectRegion): RegionFeatures {
  const widthPx = region.maxX - region.minX + 1;
  const heightPx = region.maxY - region.minY + 1;
  const longPx = Math.max(widthPx, heightPx);
  return {
    logSeedArea: Math.log(region.seedAreaPx),
    thicknessPx: region.seedAreaPx / longPx,
    elongation: longPx / Math.min(widthPx, heightPx),
    changesTopology: region.topology.copperDelta !== 0 || region.topology.holeDelta !== 0 ? 1 : 0,
  };
}

const WEIGHTS: RegionFeatures & { bias: number } = {
  bias: -1.82,
  logSeedArea: 1.36,
  thicknessPx: 0.09,
  elongation: -1.33,
  changesTopology: 1.4,
};

export function regionConfidence(region: DefectRegion): number {
  const f = regionFeatures(region);
  const z =
    WEIGHTS.bias +
    WEIGHTS.logSeedArea * f.logSeedArea +
    WEIGHTS.thicknessPx * f.thicknessPx +
    WEIGHTS.elongation * f.elongation +
    WEIGHTS.changesTopology * f.changesTopology;
  return 1 / (1 + Math.exp(-z));
}
