/** SQL for the maintenance models and forecasts (migration 0009). Parameterised throughout. */
import type { Queryable } from '@/lib/db/db';
import { rulModelFromJSON, rulModelToJSON } from '../engine/rul-model';
import type { AssetForecast } from '../engine/asset-forecast';
import { PLANT_MODEL_VERSION_PREFIX, type PlantModels } from './plant-models';

type ForecastRow = {
  asset_id: string;
  computed_at: Date;
  status: AssetForecast['status'];
  rul_hours: number | null;
  lower_hours: number | null;
  upper_hours: number | null;
  top_signals: AssetForecast['topSignals'];
  model_version: string;
  cycles_observed: number;
  detail: string | null;
};

function toForecast(row: ForecastRow): AssetForecast {
  return {
    assetId: row.asset_id,
    computedAt: row.computed_at.toISOString(),
    status: row.status,
    rulHours: row.rul_hours,
    lowerHours: row.lower_hours,
    upperHours: row.upper_hours,
    topSignals: row.top_signals,
    modelVersion: row.model_version,
    cyclesObserved: row.cycles_observed,
    detail: row.detail,
  };
}

export async function insertForecasts(db: Queryable, forecasts: readonly AssetForecast[]): Promise<void> {
  // A handful of assets per run: one statement each keeps the SQL plain on both databases.
  for (const f of forecasts) {
    await db.query(
      `INSERT INTO maintenance_forecasts (asset_id, computed_at, status, rul_hours, lower_hours, upper_hours, top_signals, model_version, cycles_observed, detail)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [f.assetId, f.computedAt, f.status, f.rulHours, f.lowerHours, f.upperHours, JSON.stringify(f.topSignals), f.modelVersion, f.cyclesObserved, f.detail],
    );
  }
}

/** The newest forecast of each asset (of those given, or all). */
export async function latestForecasts(db: Queryable, assetIds?: readonly string[]): Promise<AssetForecast[]> {
  const { rows } = await db.query<ForecastRow>(
    `SELECT DISTINCT ON (asset_id) asset_id, computed_at, status, rul_hours, lower_hours, upper_hours, top_signals, model_version, cycles_observed, detail
     FROM maintenance_forecasts
     WHERE $1::text[] IS NULL OR asset_id = ANY($1::text[])
     ORDER BY asset_id, computed_at DESC, id DESC`,
    [assetIds ?? null],
  );
  return rows.map(toForecast);
}

/** The forecast before the newest of each asset, for "changed since the last forecast". */
export async function previousForecasts(db: Queryable, assetIds: readonly string[]): Promise<AssetForecast[]> {
  const { rows } = await db.query<ForecastRow>(
    `SELECT asset_id, computed_at, status, rul_hours, lower_hours, upper_hours, top_signals, model_version, cycles_observed, detail FROM (
       SELECT *, row_number() OVER (PARTITION BY asset_id ORDER BY computed_at DESC, id DESC) AS position
       FROM maintenance_forecasts WHERE asset_id = ANY($1::text[])
     ) ranked WHERE position = 2`,
    [assetIds],
  );
  return rows.map(toForecast);
}

/** Stores every model of a training run; a version already stored (another instance trained it) is kept. */
export async function saveModels(db: Queryable, models: PlantModels, training: Record<string, unknown>): Promise<void> {
  for (const [machineType, model] of models.byMachineType) {
    await db.query(
      `INSERT INTO maintenance_models (machine_type, version, model, training) VALUES ($1, $2, $3, $4)
       ON CONFLICT (machine_type, version) DO NOTHING`,
      [machineType, models.version, JSON.stringify(rulModelToJSON(model)), JSON.stringify({ ...training, ...model.training })],
    );
  }
}

/**
 * The most recently trained version's models, or undefined when none is stored. Only versions of
 * this code's model format count: models saved by an older release no longer parse, so after an
 * upgrade the service trains afresh instead of failing to start.
 */
export async function loadLatestModels(db: Queryable): Promise<PlantModels | undefined> {
  const { rows } = await db.query<{ machine_type: string; version: string; model: unknown }>(
    `SELECT machine_type, version, model FROM maintenance_models
     WHERE version = (SELECT version FROM maintenance_models WHERE starts_with(version, $1) ORDER BY trained_at DESC, version DESC LIMIT 1)`,
    [PLANT_MODEL_VERSION_PREFIX],
  );
  if (rows.length === 0) return undefined;
  return { version: rows[0].version, byMachineType: new Map(rows.map((row) => [row.machine_type, rulModelFromJSON(row.model)])) };
}
