/**
 * Remaining-useful-life model: operating-regime normalisation → window features → boosted
 * trees (the health model), then a small second stage for units that show no wear yet, with an
 * empirical prediction interval. Pure: data in, plain JSON-ready model out.
 *
 * Training labels follow the C-MAPSS protocol: every training unit runs to failure, so at
 * cycle t the RUL is (last cycle − t), capped at `rulCapCycles` (early in life wear is not
 * visible, so the cap keeps the model from guessing a healthy engine's age). The second stage
 * (beyond-cap.ts) then says how far past the cap such a unit's life tends to go, from the
 * cycles observed and the capped forecast, using the uncapped lives of the training fleet.
 *
 * Both stages are cross-fitted on folds of training units: each fold is predicted by a health
 * model and a second stage fitted without it. Those errors (against the uncapped truth, which
 * is what a user cares about) are binned by forecast RUL, and each bin's weighted quantiles
 * become the offsets around the final model's forecast. The same folds pick the number of trees.
 */
import { z } from 'zod';
import { AppError } from '@/lib/errors';
import { BeyondCapModel, BeyondCapOptions, beyondCapForecast, fitBeyondCap, unitBalancedWeights } from './beyond-cap';
import { DEFAULT_FEATURE_SPEC, FeatureSpec, signalOfFeature } from './features';
import { DEFAULT_GBM_OPTIONS, GbmModel, GbmOptions, gbmContributions, predictGbm, trainGbm } from './gbm';
import { RegimeModel } from './operating-regimes';
import { seededRandom, shuffled } from '@/lib/seeded-random';
import { SensorNormaliser } from './sensor-normalisation';
import { latestFeatureRow, prepareTrainingTable, rowOf, selectRows, type FeatureTable } from './training-table';
import type { UnitHistory } from './unit-history';

export const RUL_MODEL_FORMAT = 'plantpilot-rul-model';
export const RUL_MODEL_VERSION = 2;

export const RulModelOptions = z.object({
  seed: z.number().int().default(1),
  rulCapCycles: z.number().positive().default(125),
  /** Nominal coverage of the prediction interval (0.8 = 10th to 90th percentile). */
  intervalCoverage: z.number().gt(0).lt(1).default(0.8),
  /** Folds of training units, each held out once to pick the tree count and calibrate the interval. */
  calibrationFolds: z.number().int().min(2).default(2),
  featureSpec: FeatureSpec.default(DEFAULT_FEATURE_SPEC),
  gbm: GbmOptions.omit({ seed: true }).partial().default({}),
  /** The second stage, for units whose capped forecast is at or near the cap. */
  beyondCap: BeyondCapOptions.prefault({}),
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
  /** Null when the stage is off or no training row looked healthy: forecasts are then capped. */
  beyondCap: BeyondCapModel.nullable(),
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
    /**
     * RMSE of the cross-fitted final forecast (both stages) against the uncapped RUL, each
     * training unit weighted equally and its cycles by the stage's cut-fraction prior: what a
     * test set of units cut at such random points of their lives would score.
     */
    heldOutForecastRmseCycles: z.number(),
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

const INTERVAL_BIN_COUNT = 6;
/** The feature both stages read the unit's age from (features.ts puts it first). */
const CYCLES_OBSERVED = 'cycles_observed';
/** Early stopping scores held-out rows whose true RUL is at most this multiple of the cap. */
const STOPPING_RUL_FACTOR = 1.2;
/** A fold's fit stops after this many trees without a real (0.1%) gain on its held-out units. */
const STOPPING_PATIENCE_TREES = 50;

/** The q-quantile of values carrying weights (both in the same order): the first value whose cumulative weight reaches q. */
function weightedQuantile(values: readonly number[], weights: readonly number[], q: number): number {
  const order = Array.from(values.keys()).sort((a, b) => values[a] - values[b]);
  const total = weights.reduce((sum, w) => sum + w, 0);
  let cumulative = 0;
  for (const i of order) {
    cumulative += weights[i];
    if (cumulative >= q * total) return values[i];
  }
  return values[order[order.length - 1]] ?? 0;
}

/**
 * Residual quantiles of held-out forecasts, in bins of equal weight over the forecast RUL. The
 * weights are the second stage's (each unit counts once, its cycles by the cut-fraction prior),
 * so the interval is calibrated for units asked about at a random point of their lives rather
 * than for the long-lived units that bring the most rows.
 */
function calibrateInterval(predicted: Float64Array, actual: Float64Array, weights: Float64Array, coverage: number): z.infer<typeof IntervalBin>[] {
  const order = Array.from(predicted.keys()).sort((a, b) => predicted[a] - predicted[b]);
  const total = weights.reduce((sum, w) => sum + w, 0);
  const binOf = (members: number[]): z.infer<typeof IntervalBin> => {
    const residuals = members.map((i) => actual[i] - predicted[i]);
    const residualWeights = members.map((i) => weights[i]);
    return {
      upToPredictedCycles: predicted[members[members.length - 1]],
      lowerOffsetCycles: weightedQuantile(residuals, residualWeights, (1 - coverage) / 2),
      upperOffsetCycles: weightedQuantile(residuals, residualWeights, (1 + coverage) / 2),
    };
  };
  const bins: z.infer<typeof IntervalBin>[] = [];
  let members: number[] = [];
  let cumulative = 0;
  for (const i of order) {
    members.push(i);
    cumulative += weights[i];
    if (bins.length < INTERVAL_BIN_COUNT - 1 && cumulative >= ((bins.length + 1) * total) / INTERVAL_BIN_COUNT) {
      bins.push(binOf(members));
      members = [];
    }
  }
  if (members.length > 0) bins.push(binOf(members));
  // JSON has no Infinity; the last bin takes every prediction above the others.
  bins[bins.length - 1].upToPredictedCycles = Number.MAX_VALUE;
  return bins;
}

/** Row indices of the table whose unit satisfies `keep`, in table order. */
function rowsOfUnits(table: FeatureTable, keep: (unitIndex: number) => boolean): number[] {
  const rows: number[] = [];
  for (let i = 0; i < table.unitOfRow.length; i++) if (keep(table.unitOfRow[i])) rows.push(i);
  return rows;
}

/** Trains a model on run-to-failure units (each unit's last cycle is its failure). */
export function trainRulModel(units: readonly UnitHistory[], rawOptions: RulModelOptions = {}): RulModel {
  const options = RulModelOptions.parse(rawOptions);
  const { regimes, normaliser, featureNames: names, table } = prepareTrainingTable(units, options.featureSpec, options.rulCapCycles);
  const gbmOptions: GbmOptions = { ...DEFAULT_GBM_OPTIONS, ...options.gbm, seed: options.seed };
  const cyclesObserved = table.columns[names.indexOf(CYCLES_OBSERVED)];
  const rowWeights = unitBalancedWeights(
    table.unitOfRow,
    cyclesObserved,
    units.map((unit) => unit.cycles.length),
    options.beyondCap.cutFractionPrior,
  );

  // Cross-fitting: each fold's units are predicted by a model that never saw them, so every
  // training unit contributes an honest error to the interval and a vote on the tree count.
  const random = seededRandom(options.seed ^ 0x5eed);
  const foldCount = Math.min(options.calibrationFolds, units.length);
  const foldOfUnit = new Int32Array(units.length);
  shuffled(Array.from(units.keys()), random).forEach((unit, position) => (foldOfUnit[unit] = position % foldCount));
  // The health model's held-out (capped) forecast of every training row: the second stage's input.
  const heldOutCapped = new Float64Array(table.trueRul.length);
  const foldTreeCounts: number[] = [];
  const foldRmses: number[] = [];
  for (let fold = 0; fold < foldCount; fold++) {
    const fitPart = selectRows(table, (u) => foldOfUnit[u] !== fold);
    const heldOutRows = rowsOfUnits(table, (u) => foldOfUnit[u] === fold);
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
        validation: {
          columns: heldOut.columns.map((column) => Float64Array.from(nearWear, (i) => column[i])),
          y: Float64Array.from(nearWear, (i) => heldOut.cappedRul[i]),
          patienceTrees: STOPPING_PATIENCE_TREES,
        },
      },
    );
    const bestMse = Math.min(...trial.validationMse);
    const treeCount = trial.validationMse.indexOf(bestMse) + 1;
    foldTreeCounts.push(treeCount);
    foldRmses.push(Math.sqrt(bestMse));
    heldOutRows.forEach((row, i) => (heldOutCapped[row] = Math.max(0, predictGbm(trial.model, rowOf(heldOut.columns, i), treeCount))));
  }
  const bestTreeCount = Math.round(foldTreeCounts.reduce((a, b) => a + b, 0) / foldCount);
  const stageRows = { cyclesObserved, cappedCycles: heldOutCapped, trueRulCycles: table.trueRul };

  // The second stage is cross-fitted on the same folds, so the interval sees its errors too. A
  // fold's stage learns from the other folds' rows, whose capped inputs came from a health model
  // fitted on this fold's units: the stage never sees this fold's labels, only a forecast made
  // from them, which leaks far less than refitting it on the fold's own rows would.
  const heldOutForecast = new Float64Array(table.trueRul.length);
  for (let fold = 0; fold < foldCount; fold++) {
    const stage = fitBeyondCap(
      { ...stageRows, weights: rowWeights.map((w, i) => (foldOfUnit[table.unitOfRow[i]] !== fold ? w : 0)) },
      options.rulCapCycles,
      options.beyondCap,
      options.seed + foldCount + fold + 1,
    );
    for (const row of rowsOfUnits(table, (u) => foldOfUnit[u] === fold)) {
      heldOutForecast[row] = beyondCapForecast(stage, heldOutCapped[row], cyclesObserved[row]);
    }
  }
  const bins = calibrateInterval(heldOutForecast, table.trueRul, rowWeights, options.intervalCoverage);
  let squaredError = 0;
  for (let i = 0; i < heldOutForecast.length; i++) squaredError += rowWeights[i] * (heldOutForecast[i] - table.trueRul[i]) ** 2;

  // The final model sees more data than each fold's, so it may use a few more trees.
  const finalTrees = Math.min(gbmOptions.trees, Math.max(20, Math.round(bestTreeCount * 1.1)));
  const final = trainGbm(table.columns, table.cappedRul, { ...gbmOptions, trees: finalTrees });
  const beyondCap = fitBeyondCap({ ...stageRows, weights: rowWeights }, options.rulCapCycles, options.beyondCap, options.seed + 2 * foldCount + 1);
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
    beyondCap,
    interval: { coverage: options.intervalCoverage, bins },
    training: {
      units: units.length,
      rows: table.cappedRul.length,
      calibrationFolds: foldCount,
      heldOutTreeCount: bestTreeCount,
      heldOutRmseCycles: foldRmses.reduce((a, b) => a + b, 0) / foldCount,
      heldOutForecastRmseCycles: Math.sqrt(squaredError / units.length),
    },
  };
}

/** Forecast for a unit from its history up to now (oldest cycle first). */
export function predictRul(model: RulModel, history: UnitHistory, topSignalCount = 3): RulForecast {
  const row = latestFeatureRow(history, model);
  const cappedCycles = Math.max(0, predictGbm(model.gbm, row));
  const rulCycles = beyondCapForecast(model.beyondCap, cappedCycles, row[model.featureNames.indexOf(CYCLES_OBSERVED)]);
  const bin = model.interval.bins.find((b) => rulCycles <= b.upToPredictedCycles) ?? model.interval.bins[model.interval.bins.length - 1];
  // The signals explain the health model; what the second stage adds comes from the cycles
  // observed and that very forecast, so it is not spread over the sensors.
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
    // For a healthy unit the true RUL often lies above even the second stage's (half-way)
    // forecast, so the calibrated band can sit wholly above it; it is widened to include the
    // forecast itself.
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
  if (model.beyondCap && model.beyondCap.gbm.featureCount !== 2) {
    throw new AppError('invalid_file', `The model's beyond-cap stage uses ${model.beyondCap.gbm.featureCount} inputs instead of 2. Retrain it.`);
  }
  return model;
}
