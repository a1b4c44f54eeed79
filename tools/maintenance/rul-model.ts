/**
 * Remaining-useful-life model: operating-regime normalisation → window features → boosted
 * trees, with an empirical prediction interval. Pure: data in, plain JSON-ready model out.
 *
 * Training labels follow the C-MAPSS protocol: every training unit runs to failure, so at
 * cycle t the RUL is (last cycle − t), capped at `rulCapCycles` (early in life wear is not
 * visible, so the cap keeps the model from guessing a healthy engine's age).
 *
 * The interval comes from cross-fitting on the training units: each fold is predicted by a
 * model fitted without it, those errors (against the uncapped truth, which is what a user
 * cares about) are binned by predicted RUL, and each bin's quantiles become the offsets
 * around the final model's prediction. The same folds pick the number of trees.
 */
import { z } from 'zod';
import { AppError } from '../../lib/errors';
import { DEFAULT_FEATURE_SPEC, FeatureSpec, signalOfFeature } from './features';
import { DEFAULT_GBM_OPTIONS, GbmModel, GbmOptions, gbmContributions, predictGbm, trainGbm } from './gbm';
import { RegimeModel } from './operating-regimes';
import { seededRandom, shuffled } from './seeded-random';
import { SensorNormaliser } from './sensor-normalisation';
import { latestFeatureRow, prepareTrainingTable, rowOf, selectRows } from './training-table';
import type { UnitHistory } from './unit-history';

export const RUL_MODEL_FORMAT = 'plantpilot-rul-model';
export const RUL_MODEL_VERSION = 1;

export const RulModelOptions = z.object({
  seed: z.number().int().default(1),
  rulCapCycles: z.number().positive().default(125),
  /** Nominal coverage of the prediction interval (0.8 = 10th to 90th percentile). */
  intervalCoverage: z.number().gt(0).lt(1).default(0.8),
  /** Folds of training units, each held out once to pick the tree count and calibrate the interval. */
  calibrationFolds: z.number().int().min(2).default(2),
  featureSpec: FeatureSpec.default(DEFAULT_FEATURE_SPEC),
  gbm: GbmOptions.omit({ seed: true }).partial().default({}),
  /** Free-form label saved with the model (e.g. the C-MAPSS subset). */
  label: z.string().default(''),
});
export type RulModelOptions = z.input<typeof RulModelOptions>;

const IntervalBin = z.object({
  /** The bin applies to predictions up to this many cycles (the last bin: everything above). */
  upToPredictedCycles: z.number(),
  lowerOffsetCycles: z.number(),
  upperOffsetCycles: z.number(),
});

export const RulModel = z.object({
  format: z.literal(RUL_MODEL_FORMAT),
  version: z.literal(RUL_MODEL_VERSION),
  label: z.string(),
  seed: z.number().int(),
  rulCapCycles: z.number(),
  featureSpec: FeatureSpec,
  featureNames: z.array(z.string()),
  regimes: RegimeModel,
  normaliser: SensorNormaliser,
  gbm: GbmModel,
  interval: z.object({ coverage: z.number(), bins: z.array(IntervalBin).min(1) }),
  training: z.object({
    units: z.number().int(),
    rows: z.number().int(),
    calibrationFolds: z.number().int(),
    /**
     * Trees chosen on held-out folds (mean of the folds' best counts), and the folds' mean
     * RMSE there (capped labels, rows with true RUL ≤ 1.2 × cap).
     */
    heldOutTreeCount: z.number().int(),
    heldOutRmseCycles: z.number(),
  }),
});
export type RulModel = z.infer<typeof RulModel>;

export interface SignalContribution {
  /** The sensor (or "cycles_observed") whose features moved the prediction. */
  signal: string;
  /** Cycles added to (positive) or taken from (negative) the average prediction. */
  contributionCycles: number;
}

export interface RulForecast {
  rulCycles: number;
  lowerCycles: number;
  upperCycles: number;
  topSignals: SignalContribution[];
}

function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return 0;
  const position = q * (sorted.length - 1);
  const low = Math.floor(position);
  const high = Math.min(sorted.length - 1, low + 1);
  return sorted[low] + (sorted[high] - sorted[low]) * (position - low);
}

const INTERVAL_BIN_COUNT = 6;
/** Early stopping scores held-out rows whose true RUL is at most this multiple of the cap. */
const STOPPING_RUL_FACTOR = 1.2;
/** A fold's fit stops after this many trees without a real (0.1%) gain on its held-out units. */
const STOPPING_PATIENCE_TREES = 50;

/** Residual quantiles of held-out predictions, in bins of equal size over the predicted RUL. */
function calibrateInterval(predicted: Float64Array, actual: Float64Array, coverage: number): z.infer<typeof IntervalBin>[] {
  const order = Array.from(predicted.keys()).sort((a, b) => predicted[a] - predicted[b]);
  const bins: z.infer<typeof IntervalBin>[] = [];
  for (let b = 0; b < INTERVAL_BIN_COUNT; b++) {
    const members = order.slice(Math.floor((b * order.length) / INTERVAL_BIN_COUNT), Math.floor(((b + 1) * order.length) / INTERVAL_BIN_COUNT));
    if (members.length === 0) continue;
    const residuals = members.map((i) => actual[i] - predicted[i]).sort((x, y) => x - y);
    bins.push({
      upToPredictedCycles: predicted[members[members.length - 1]],
      lowerOffsetCycles: quantile(residuals, (1 - coverage) / 2),
      upperOffsetCycles: quantile(residuals, (1 + coverage) / 2),
    });
  }
  // JSON has no Infinity; the last bin takes every prediction above the others.
  bins[bins.length - 1].upToPredictedCycles = Number.MAX_VALUE;
  return bins;
}

/** Trains a model on run-to-failure units (each unit's last cycle is its failure). */
export function trainRulModel(units: readonly UnitHistory[], rawOptions: RulModelOptions = {}): RulModel {
  const options = RulModelOptions.parse(rawOptions);
  const { regimes, normaliser, featureNames: names, table } = prepareTrainingTable(units, options.featureSpec, options.rulCapCycles);
  const gbmOptions: GbmOptions = { ...DEFAULT_GBM_OPTIONS, ...options.gbm, seed: options.seed };

  // Cross-fitting: each fold's units are predicted by a model that never saw them, so every
  // training unit contributes an honest error to the interval and a vote on the tree count.
  const random = seededRandom(options.seed ^ 0x5eed);
  const foldCount = Math.min(options.calibrationFolds, units.length);
  const foldOfUnit = new Int32Array(units.length);
  shuffled(Array.from(units.keys()), random).forEach((unit, position) => (foldOfUnit[unit] = position % foldCount));
  const heldOutPredicted: number[] = [];
  const heldOutActual: number[] = [];
  const foldTreeCounts: number[] = [];
  const foldRmses: number[] = [];
  for (let fold = 0; fold < foldCount; fold++) {
    const fitPart = selectRows(table, (u) => foldOfUnit[u] !== fold);
    const heldOut = selectRows(table, (u) => foldOfUnit[u] === fold);
    // Early stopping looks only at held-out rows near or inside the wear region. Rows far past
    // the cap all carry the same label and, for long-lived fleets (FD003/FD004 run to 500+
    // cycles), outnumber the rest, so they would reward flat predictions over tracking wear.
    const nearWear = Array.from(heldOut.trueRul.keys()).filter((i) => heldOut.trueRul[i] <= STOPPING_RUL_FACTOR * options.rulCapCycles);
    const trial = trainGbm(
      fitPart.columns,
      fitPart.cappedRul,
      { ...gbmOptions, seed: options.seed + fold + 1 },
      {
        columns: heldOut.columns.map((column) => Float64Array.from(nearWear, (i) => column[i])),
        y: Float64Array.from(nearWear, (i) => heldOut.cappedRul[i]),
        patienceTrees: STOPPING_PATIENCE_TREES,
      },
    );
    const bestMse = Math.min(...trial.validationMse);
    const treeCount = trial.validationMse.indexOf(bestMse) + 1;
    foldTreeCounts.push(treeCount);
    foldRmses.push(Math.sqrt(bestMse));
    for (let i = 0; i < heldOut.trueRul.length; i++) {
      heldOutPredicted.push(Math.max(0, predictGbm(trial.model, rowOf(heldOut.columns, i), treeCount)));
      heldOutActual.push(heldOut.trueRul[i]);
    }
  }
  const bins = calibrateInterval(Float64Array.from(heldOutPredicted), Float64Array.from(heldOutActual), options.intervalCoverage);
  const bestTreeCount = Math.round(foldTreeCounts.reduce((a, b) => a + b, 0) / foldCount);

  // The final model sees more data than each fold's, so it may use a few more trees.
  const finalTrees = Math.min(gbmOptions.trees, Math.max(20, Math.round(bestTreeCount * 1.1)));
  const final = trainGbm(table.columns, table.cappedRul, { ...gbmOptions, trees: finalTrees });
  return {
    format: RUL_MODEL_FORMAT,
    version: RUL_MODEL_VERSION,
    label: options.label,
    seed: options.seed,
    rulCapCycles: options.rulCapCycles,
    featureSpec: options.featureSpec,
    featureNames: names,
    regimes,
    normaliser,
    gbm: final.model,
    interval: { coverage: options.intervalCoverage, bins },
    training: {
      units: units.length,
      rows: table.cappedRul.length,
      calibrationFolds: foldCount,
      heldOutTreeCount: bestTreeCount,
      heldOutRmseCycles: foldRmses.reduce((a, b) => a + b, 0) / foldCount,
    },
  };
}

/** Forecast for a unit from its history up to now (oldest cycle first). */
export function predictRul(model: RulModel, history: UnitHistory, topSignalCount = 3): RulForecast {
  const row = latestFeatureRow(history, model);
  const rulCycles = Math.max(0, predictGbm(model.gbm, row));
  const bin = model.interval.bins.find((b) => rulCycles <= b.upToPredictedCycles) ?? model.interval.bins[model.interval.bins.length - 1];
  const { byFeature } = gbmContributions(model.gbm, row);
  const bySignal = new Map<string, number>();
  model.featureNames.forEach((name, f) => {
    const signal = signalOfFeature(name);
    bySignal.set(signal, (bySignal.get(signal) ?? 0) + byFeature[f]);
  });
  const topSignals = [...bySignal.entries()]
    .map(([signal, contributionCycles]) => ({ signal, contributionCycles }))
    .sort((a, b) => Math.abs(b.contributionCycles) - Math.abs(a.contributionCycles) || a.signal.localeCompare(b.signal))
    .slice(0, topSignalCount);
  return {
    rulCycles,
    // For a healthy unit the true (uncapped) RUL usually lies above the capped forecast, so the
    // calibrated band can sit wholly above it; it is widened to include the forecast itself.
    lowerCycles: Math.max(0, rulCycles + Math.min(0, bin.lowerOffsetCycles)),
    upperCycles: rulCycles + Math.max(0, bin.upperOffsetCycles),
    topSignals,
  };
}

/** The model as a JSON-ready object (it already is plain data; this pins the contract). */
export function rulModelToJSON(model: RulModel): RulModel {
  return model;
}

/** Parses and checks a saved model; throws invalid_file when it is not a model this version reads. */
export function rulModelFromJSON(json: unknown): RulModel {
  const parsed = RulModel.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new AppError(
      'invalid_file',
      `Not a Plantpilot RUL model of version ${RUL_MODEL_VERSION} (${issue.path.join('.') || 'top level'}: ${issue.message}). Retrain it with \`plantpilot forecast train\`.`,
      { cause: parsed.error },
    );
  }
  const model = parsed.data;
  if (model.featureNames.length !== model.gbm.featureCount) {
    throw new AppError('invalid_file', `The model lists ${model.featureNames.length} features but its trees use ${model.gbm.featureCount}. Retrain it.`);
  }
  return model;
}
