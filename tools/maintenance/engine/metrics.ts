/**
 * Scores for RUL predictions, as in the C-MAPSS / PHM08 protocol. d = predicted − true, so a
 * positive d is a late prediction (the engine fails before we said), which costs more.
 */

export function rmse(predicted: readonly number[], actual: readonly number[]): number {
  let sum = 0;
  for (let i = 0; i < predicted.length; i++) sum += (predicted[i] - actual[i]) ** 2;
  return Math.sqrt(sum / predicted.length);
}

/** PHM08 asymmetric score: a sum over units, e^(−d/13)−1 when early, e^(d/10)−1 when late. */
export function phm08Score(predicted: readonly number[], actual: readonly number[]): number {
  let sum = 0;
  for (let i = 0; i < predicted.length; i++) {
    const d = predicted[i] - actual[i];
    sum += d < 0 ? Math.exp(-d / 13) - 1 : Math.exp(d / 10) - 1;
  }
  return sum;
}

/** Share of actual values inside their [lower, upper] interval (bounds inclusive). */
export function intervalCoverage(lower: readonly number[], upper: readonly number[], actual: readonly number[]): number {
  let inside = 0;
  for (let i = 0; i < actual.length; i++) if (actual[i] >= lower[i] && actual[i] <= upper[i]) inside++;
  return inside / actual.length;
}
