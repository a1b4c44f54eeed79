/**
 * The "beyond the cap" stage of the RUL model. The health model is trained on labels capped at
 * `rulCapCycles`, because early in life wear is not visible and no sensor can tell a new engine's
 * age. So for a unit that shows no wear it can only say "at least about the cap". Yet such a unit
 * usually has more life left, and how much more is something the training fleet does show: among
 * units that looked this healthy after this many cycles, how long did they still run?
 *
 * This stage answers that with a small boosted-tree model on two inputs, the cycles observed so
 * far and the health model's (cross-fitted) capped forecast, fitted on the uncapped RUL of the
 * training rows whose capped forecast is near the cap. The forecast then moves from the capped one
 * part of the way toward that estimate (see `blend`); in the wear region it stays as it was.
 *
 * Rows are weighted so that every training unit counts the same, however long it ran: otherwise a
 * unit that ran 500 cycles brings 500 healthy-looking rows and a 150-cycle unit 150, and the
 * estimate drifts toward long lives. Within a unit, rows are weighted by a prior over the share of
 * its life at which a unit is asked about (`cutFractionPrior`): a test unit observed for t cycles
 * of an L-cycle life is a draw of that share, t/L.
 */
import { z } from 'zod';
import { DEFAULT_GBM_OPTIONS, GbmModel, GbmOptions, predictGbm, trainGbm } from './gbm';

/** Beta(alpha, beta) density over the fraction of its life at which a unit is forecast. */
export const CutFractionPrior = z.object({ alpha: z.number().positive(), beta: z.number().positive() });
export type CutFractionPrior = z.infer<typeof CutFractionPrior>;

export const BeyondCapOptions = z.object({
  /**
   * How far the forecast moves from the capped one to the stage's estimate: 0 turns the stage
   * off (the default: the C-MAPSS protocol's capped forecast), 1 trusts it fully. On held-out
   * C-MAPSS training units (never the test files), two ways of cutting units short fit the test
   * files' observed lengths equally well: at a random share of life, or at a random RUL below
   * ~150 cycles. Under the first the full estimate is best; under the second, where few units
   * have much life past the cap, the capped forecast is. 0.5 is the equal-odds mix of the two
   * (it tied with 0.75 and had the smaller worst case). Which one a fleet is like cannot be
   * told from its sensor data, so the stage is opt-in (`--beyond-cap-blend`); evals/bench/
   * RESULTS.md shows both on the test files.
   */
  blend: z.number().min(0).max(1).default(0),
  /**
   * The stage starts to act where the capped forecast reaches this share of the cap, and acts
   * with its full `blend` from `fullFraction` on, linearly in between, so a unit's forecast does
   * not jump as it crosses the gate. A hard gate at 0.8 or a ramp from 0.6 scored the same.
   */
  startFraction: z.number().min(0).lt(1).default(0.75),
  fullFraction: z.number().gt(0).lte(1).default(0.9),
  /**
   * Beta(2, 1): later in life is likelier (density ∝ share of life elapsed). The C-MAPSS test
   * files' observed lengths fit Beta(1.75–2.75, 1–1.5) (mean share 0.63). On held-out training
   * units, with the stage at full strength, Beta(2, 1) beat the uniform prior (plain 1/life
   * weights) on every subset and truncation protocol tried; at blend 0.5 neither won throughout
   * (up to 1.8 cycles either way).
   */
  cutFractionPrior: CutFractionPrior.default({ alpha: 2, beta: 1 }),
  gbm: GbmOptions.omit({ seed: true }).partial().default({}),
});
export type BeyondCapOptions = z.input<typeof BeyondCapOptions>;

/**
 * Two inputs only: the health model already summarises the sensors. On held-out units, giving
 * the stage every window feature as well brought no consistent gain (up to 3.3 cycles of RMSE
 * worse on FD001, up to 3.0 better on FD003).
 */
const STAGE_GBM_OPTIONS: Omit<GbmOptions, 'seed'> = {
  ...DEFAULT_GBM_OPTIONS,
  trees: 150,
  learningRate: 0.05,
  maxDepth: 3,
  minSamplesLeaf: 100,
  featureSubsample: 1,
  rowSubsample: 0.5,
};

export const BeyondCapModel = z.object({
  /** Capped forecasts below this are left alone. */
  startCycles: z.number(),
  /** From this capped forecast on, the blend is complete. */
  fullCycles: z.number(),
  blend: z.number(),
  /** Inputs: [cycles observed, capped forecast in cycles]; output: uncapped RUL in cycles. */
  gbm: GbmModel,
});
export type BeyondCapModel = z.infer<typeof BeyondCapModel>;

/** Training rows of the stage, one per cycle of every training unit. */
export interface BeyondCapRows {
  cyclesObserved: ArrayLike<number>;
  /** The health model's forecast for the row, from a model that never saw the row's unit. */
  cappedCycles: ArrayLike<number>;
  trueRulCycles: ArrayLike<number>;
  weights: ArrayLike<number>;
}

/**
 * One weight per row: the prior density at the row's share of life, scaled so every unit's rows
 * add up to 1. `unitOfRow` and `cyclesObserved` describe the rows; `lifeCycles[u]` is unit u's
 * number of cycles. The share uses the middle of the cycle, (t − 0.5) / L, so it never hits 0 or
 * 1, where a prior with alpha or beta below 1 is infinite.
 */
export function unitBalancedWeights(
  unitOfRow: ArrayLike<number>,
  cyclesObserved: ArrayLike<number>,
  lifeCycles: ArrayLike<number>,
  prior: CutFractionPrior,
): Float64Array {
  const weights = new Float64Array(unitOfRow.length);
  const totalOfUnit = new Float64Array(lifeCycles.length);
  for (let i = 0; i < weights.length; i++) {
    const share = Math.min(1, Math.max(0, (cyclesObserved[i] - 0.5) / lifeCycles[unitOfRow[i]]));
    weights[i] = share ** (prior.alpha - 1) * (1 - share) ** (prior.beta - 1);
    totalOfUnit[unitOfRow[i]] += weights[i];
  }
  for (let i = 0; i < weights.length; i++) weights[i] /= totalOfUnit[unitOfRow[i]];
  return weights;
}

/**
 * Fits the stage. Returns null when it is switched off (blend 0) or no training row looks
 * healthy enough to learn from; the forecast is then the capped one.
 */
export function fitBeyondCap(rows: BeyondCapRows, rulCapCycles: number, rawOptions: BeyondCapOptions, seed: number): BeyondCapModel | null {
  const options = BeyondCapOptions.parse(rawOptions);
  const startCycles = options.startFraction * rulCapCycles;
  const fullCycles = Math.max(startCycles, options.fullFraction * rulCapCycles);
  const healthy: number[] = [];
  for (let i = 0; i < rows.trueRulCycles.length; i++) {
    if (rows.cappedCycles[i] >= startCycles && rows.weights[i] > 0) healthy.push(i);
  }
  if (options.blend === 0 || healthy.length === 0) return null;
  const pick = (column: ArrayLike<number>) => Float64Array.from(healthy, (i) => column[i]);
  const { model } = trainGbm(
    [pick(rows.cyclesObserved), pick(rows.cappedCycles)],
    pick(rows.trueRulCycles),
    { ...STAGE_GBM_OPTIONS, ...options.gbm, seed },
    {
      sampleWeights: pick(rows.weights),
    },
  );
  return { startCycles, fullCycles, blend: options.blend, gbm: model };
}

/** The stage's forecast: the capped one, moved toward the stage's uncapped estimate near the cap. */
export function beyondCapForecast(model: BeyondCapModel | null, cappedCycles: number, cyclesObserved: number): number {
  if (!model || cappedCycles < model.startCycles) return cappedCycles;
  const ramp = model.fullCycles > model.startCycles ? Math.min(1, (cappedCycles - model.startCycles) / (model.fullCycles - model.startCycles)) : 1;
  // The stage only adds life: a healthy-looking unit is never given less than the health model says.
  const estimate = Math.max(cappedCycles, predictGbm(model.gbm, [cyclesObserved, cappedCycles]));
  return cappedCycles + model.blend * ramp * (estimate - cappedCycles);
}
