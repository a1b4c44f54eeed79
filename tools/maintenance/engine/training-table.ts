/**
 * Turns run-to-failure units into the table every regressor here trains on: regime
 * normalisation fitted on these units, window features for every cycle, and the labels.
 * Shared by the tree model and the linear baseline so both see exactly the same inputs.
 */
import { AppError } from '@/lib/errors';
import { featureNames as namesOfFeatures, unitFeatureColumns, type FeatureSpec } from './features';
import { fitRegimes, type RegimeModel } from './operating-regimes';
import { fitSensorNormaliser, normaliseUnit, type SensorNormaliser } from './sensor-normalisation';
import type { UnitHistory } from './unit-history';

/** Feature rows of many units stacked column-wise, plus capped and true labels. */
export interface FeatureTable {
  columns: Float64Array[];
  cappedRul: Float64Array;
  trueRul: Float64Array;
  unitOfRow: Int32Array;
}

export interface PreparedTable {
  regimes: RegimeModel;
  normaliser: SensorNormaliser;
  featureNames: string[];
  table: FeatureTable;
}

/** What a fitted preprocessing needs to turn a history into features. */
export interface FeaturePipeline {
  regimes: RegimeModel;
  normaliser: SensorNormaliser;
  featureSpec: FeatureSpec;
}

function checkUnits(units: readonly UnitHistory[]): void {
  if (units.length < 4) {
    throw new AppError('invalid_argument', `Training needs at least 4 run-to-failure units; got ${units.length}.`);
  }
  for (const unit of units) {
    if (unit.cycles.length === 0) throw new AppError('invalid_argument', `Unit ${unit.unitId} has no cycles.`);
    for (let t = 1; t < unit.cycles.length; t++) {
      if (unit.cycles[t].cycle <= unit.cycles[t - 1].cycle) {
        throw new AppError(
          'invalid_argument',
          `Unit ${unit.unitId}: cycles must be in increasing order (cycle ${unit.cycles[t].cycle} follows ${unit.cycles[t - 1].cycle}).`,
        );
      }
    }
  }
}

/**
 * Fits regimes and normalisation on `units` and builds one row per cycle. Labels: RUL at
 * cycle t is (last cycle − t), since each unit's last cycle is its failure.
 */
export function prepareTrainingTable(units: readonly UnitHistory[], spec: FeatureSpec, rulCapCycles: number): PreparedTable {
  checkUnits(units);
  const regimes = fitRegimes(units.flatMap((unit) => unit.cycles.map((reading) => reading.settings)));
  const normaliser = fitSensorNormaliser(units, regimes);
  if (normaliser.sensorNames.length === 0) {
    throw new AppError('invalid_argument', 'Every sensor is constant within its operating regime, so there is nothing to learn wear from.');
  }
  const perUnit = units.map((unit) => unitFeatureColumns(normaliseUnit(unit, regimes, normaliser), spec));
  const rowCount = units.reduce((sum, unit) => sum + unit.cycles.length, 0);
  const featureCount = perUnit[0].length;
  const columns = Array.from({ length: featureCount }, () => new Float64Array(rowCount));
  const cappedRul = new Float64Array(rowCount);
  const trueRul = new Float64Array(rowCount);
  const unitOfRow = new Int32Array(rowCount);
  let offset = 0;
  units.forEach((unit, u) => {
    const lastCycle = unit.cycles[unit.cycles.length - 1].cycle;
    for (let f = 0; f < featureCount; f++) columns[f].set(perUnit[u][f], offset);
    unit.cycles.forEach((reading, t) => {
      trueRul[offset + t] = lastCycle - reading.cycle;
      cappedRul[offset + t] = Math.min(lastCycle - reading.cycle, rulCapCycles);
      unitOfRow[offset + t] = u;
    });
    offset += unit.cycles.length;
  });
  return {
    regimes,
    normaliser,
    featureNames: namesOfFeatures(normaliser.sensorNames, spec),
    table: { columns, cappedRul, trueRul, unitOfRow },
  };
}

/** The rows of the units for which `keep(unitIndex)` holds. */
export function selectRows(table: FeatureTable, keep: (unitIndex: number) => boolean): FeatureTable {
  const rows: number[] = [];
  for (let i = 0; i < table.unitOfRow.length; i++) if (keep(table.unitOfRow[i])) rows.push(i);
  const pick = (column: ArrayLike<number>) => Float64Array.from(rows, (r) => column[r]);
  return {
    columns: table.columns.map(pick),
    cappedRul: pick(table.cappedRul),
    trueRul: pick(table.trueRul),
    unitOfRow: Int32Array.from(rows, (r) => table.unitOfRow[r]),
  };
}

export function rowOf(columns: readonly ArrayLike<number>[], i: number): Float64Array {
  return Float64Array.from(columns, (column) => column[i]);
}

/** Feature row at the unit's latest cycle, in the pipeline's feature order. */
export function latestFeatureRow(history: UnitHistory, pipeline: FeaturePipeline): Float64Array {
  if (history.cycles.length === 0) {
    throw new AppError('invalid_argument', `Unit ${history.unitId} has no cycles; a forecast needs at least one reading.`);
  }
  const columns = unitFeatureColumns(normaliseUnit(history, pipeline.regimes, pipeline.normaliser), pipeline.featureSpec);
  return rowOf(columns, history.cycles.length - 1);
}
