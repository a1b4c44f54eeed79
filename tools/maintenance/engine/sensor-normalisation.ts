/**
 * Per-regime z-scores of every sensor, with statistics from the training units only.
 * Sensors that carry no information once the regime is known (constant within every
 * regime, like T2 or P2 on C-MAPSS) are dropped here so no feature is built on them.
 */
import { z } from 'zod';
import { assignRegime, type RegimeModel } from './operating-regimes';
import type { UnitHistory } from './unit-history';
import { AppError } from '@/lib/errors';

export const SensorNormaliser = z.object({
  sensorNames: z.array(z.string()),
  /** mean[regime][sensor] and scale[regime][sensor], for the kept sensors only. */
  mean: z.array(z.array(z.number())),
  scale: z.array(z.array(z.number())),
});
export type SensorNormaliser = z.infer<typeof SensorNormaliser>;

/** Relative spread below which a sensor is treated as constant within a regime. */
const CONSTANT_SPREAD = 1e-6;

export function fitSensorNormaliser(units: readonly UnitHistory[], regimes: RegimeModel): SensorNormaliser {
  const candidates = Object.keys(units[0].cycles[0].sensors).sort(naturalOrder);
  const regimeCount = regimes.centers.length;
  const count = new Array<number>(regimeCount).fill(0);
  const sum = Array.from({ length: regimeCount }, () => new Array<number>(candidates.length).fill(0));
  const sumSq = Array.from({ length: regimeCount }, () => new Array<number>(candidates.length).fill(0));
  for (const unit of units) {
    for (const reading of unit.cycles) {
      const regime = assignRegime(regimes, reading.settings);
      count[regime]++;
      for (let s = 0; s < candidates.length; s++) {
        const value = reading.sensors[candidates[s]];
        if (value === undefined) {
          throw new AppError(
            'invalid_argument',
            `Unit ${unit.unitId} cycle ${reading.cycle} has no reading for sensor "${candidates[s]}"; every cycle needs the same sensors.`,
          );
        }
        sum[regime][s] += value;
        sumSq[regime][s] += value * value;
      }
    }
  }
  const meanAll = sum.map((row, r) => row.map((v) => (count[r] > 0 ? v / count[r] : 0)));
  const stdAll = sumSq.map((row, r) => row.map((v, s) => (count[r] > 1 ? Math.sqrt(Math.max(0, v / count[r] - meanAll[r][s] ** 2)) : 0)));
  const kept: number[] = [];
  for (let s = 0; s < candidates.length; s++) {
    const informative = stdAll.some((row, r) => count[r] > 1 && row[s] > CONSTANT_SPREAD * (1 + Math.abs(meanAll[r][s])));
    if (informative) kept.push(s);
  }
  return {
    sensorNames: kept.map((s) => candidates[s]),
    mean: meanAll.map((row) => kept.map((s) => row[s])),
    scale: stdAll.map((row, r) => kept.map((s) => (row[s] > CONSTANT_SPREAD * (1 + Math.abs(meanAll[r][s])) ? row[s] : 1))),
  };
}

/** Normalised signals of one unit, as one Float64Array per kept sensor (cycle order). */
export function normaliseUnit(unit: UnitHistory, regimes: RegimeModel, normaliser: SensorNormaliser): Float64Array[] {
  const signals = normaliser.sensorNames.map(() => new Float64Array(unit.cycles.length));
  unit.cycles.forEach((reading, t) => {
    const regime = assignRegime(regimes, reading.settings);
    normaliser.sensorNames.forEach((name, s) => {
      const value = reading.sensors[name];
      if (value === undefined) {
        throw new AppError(
          'invalid_argument',
          `Unit ${unit.unitId} cycle ${reading.cycle} has no reading for sensor "${name}", which the model was trained on.`,
        );
      }
      signals[s][t] = (value - normaliser.mean[regime][s]) / normaliser.scale[regime][s];
    });
  });
  return signals;
}

function naturalOrder(a: string, b: string): number {
  return a.localeCompare(b, 'en', { numeric: true });
}
