/**
 * The forecast service: keeps a remaining-useful-life forecast for every degrading asset of the
 * plant, recomputed every `intervalMs` from the historian and stored in `maintenance_forecasts`, so
 * every app instance, tool and page reads the same numbers.
 *
 * At first start, when no model is stored, it trains one per machine type on run-to-failure
 * histories generated from the twin's wear model (a second or two) and stores it with its version.
 */
import type { Historian } from '@/connectors/historian/historian';
import type { Db } from '@/lib/db/db';
import type { Logger } from '@/lib/log';
import { predictRul } from '../engine/rul-model';
import { rankByRisk, type AssetForecast } from '../engine/asset-forecast';
import { readAssetCycles } from './asset-history';
import { DEGRADING_ASSETS, type DegradingAsset } from './degrading-assets';
import { insertForecasts, latestForecasts, loadLatestModels, previousForecasts, saveModels } from './forecast-store';
import { smoothForecast } from '../engine/forecast-outlook';
import { trainPlantModels, type PlantModels } from './plant-models';
import { generateTwinHistories } from './twin-histories';

/** `previous`: the forecast stored before this one, for the change and its reason (forecast-outlook.ts). */
export type RankedForecast = AssetForecast & { riskRank: number; previous?: AssetForecast };

export interface ForecastService {
  readonly assets: readonly DegradingAsset[];
  readonly modelVersion: string;
  /** The newest stored forecast of every asset, ranked by risk (1 = act first). */
  latest(): Promise<RankedForecast[]>;
  /** The newest stored forecast of one asset, or undefined before the first computation. */
  forecastFor(assetId: string): Promise<AssetForecast | undefined>;
  /** Recomputes and stores every asset's forecast now (also what the timer does). */
  refresh(): Promise<AssetForecast[]>;
  /** Stops the timer and waits for a computation in progress. */
  stop(): Promise<void>;
}

export type ForecastServiceOptions = {
  db: Db;
  log: Logger;
  historian: Pick<Historian, 'history'>;
  /** The assets to forecast (default: every degrading asset of the twin catalogue). */
  assets?: readonly DegradingAsset[];
  /** Models to use instead of the stored (or freshly trained) ones; tests and `forecast train` runs. */
  models?: PlantModels;
  /** Default 10 min. */
  intervalMs?: number;
  /** The plant's "now": the twin's simulated time when it runs faster than real time. */
  now?: () => Date;
  /** Hours of history read per forecast (default 14 days). */
  lookbackHours?: number;
  /** Training at first start, when no model is stored: seed and simulated operating days per asset. */
  training?: { seed?: number; days?: number; maxTrees?: number };
};

/** Fewer hourly cycles than this since the last replacement give no forecast. */
export const MIN_FORECAST_CYCLES = 6;

async function ensureModels(options: ForecastServiceOptions): Promise<PlantModels> {
  if (options.models) return options.models;
  const stored = await loadLatestModels(options.db);
  if (stored) return stored;
  const seed = options.training?.seed ?? 1;
  const days = options.training?.days ?? 60;
  const started = performance.now();
  const histories = generateTwinHistories({ seed, days });
  const models = trainPlantModels(histories, { maxTrees: options.training?.maxTrees });
  const trainingSeconds = (performance.now() - started) / 1000;
  await saveModels(options.db, models, { seed, days, trainingSeconds });
  options.log.info(
    { version: models.version, machineTypes: [...models.byMachineType.keys()], units: histories.units.length, trainingSeconds },
    'Trained the maintenance RUL models on twin run-to-failure histories',
  );
  // Another instance may have stored the same version first; read back what is stored.
  return (await loadLatestModels(options.db)) ?? models;
}

function forecastAsset(asset: DegradingAsset, models: PlantModels, history: Awaited<ReturnType<typeof readAssetCycles>>, computedAt: string): AssetForecast {
  const base = { assetId: asset.id, computedAt, modelVersion: models.version, cyclesObserved: history.history.cycles.length, topSignals: [] };
  if (history.history.cycles.length < MIN_FORECAST_CYCLES) {
    return {
      ...base,
      status: 'insufficient_history',
      rulHours: null,
      lowerHours: null,
      upperHours: null,
      detail:
        `Only ${history.history.cycles.length} operating hour(s) of ${asset.profile.asset.toLowerCase()} condition data` +
        `${history.replacedAt ? ` since the part was replaced at ${history.replacedAt.toISOString()}` : ' in the historian'}; ` +
        `a forecast needs at least ${MIN_FORECAST_CYCLES}.`,
    };
  }
  const model = models.byMachineType.get(asset.machineType);
  if (!model) {
    return {
      ...base,
      status: 'insufficient_history',
      rulHours: null,
      lowerHours: null,
      upperHours: null,
      detail: `The model ${models.version} has no ${asset.machineType} part: its training histories held too few runs to failure of that type.`,
    };
  }
  const forecast = predictRul(model, history.history);
  return {
    ...base,
    status: 'ok',
    rulHours: forecast.rulCycles,
    lowerHours: forecast.lowerCycles,
    upperHours: forecast.upperCycles,
    topSignals: forecast.topSignals.map((s) => ({ signal: s.signal, contributionHours: s.contributionCycles })),
    detail: forecast.rulCycles >= model.rulCapCycles * 0.95 ? `No wear visible yet: at least ${Math.round(model.rulCapCycles)} operating hours left.` : null,
  };
}

export async function startForecastService(options: ForecastServiceOptions): Promise<ForecastService> {
  const { db, log, historian } = options;
  const assets = options.assets ?? DEGRADING_ASSETS;
  const now = options.now ?? (() => new Date());
  const lookbackHours = options.lookbackHours ?? 14 * 24;
  const models = await ensureModels(options);

  let inFlight: Promise<AssetForecast[]> | undefined;
  const compute = async (): Promise<AssetForecast[]> => {
    const at = now();
    const forecasts: AssetForecast[] = [];
    const stored = await latestForecasts(
      db,
      assets.map((asset) => asset.id),
    );
    for (const asset of assets) {
      const history = await readAssetCycles(historian, asset, at, lookbackHours);
      // Smoothed against the last stored forecast, so noise does not move a due date by a day.
      forecasts.push(
        smoothForecast(
          forecastAsset(asset, models, history, at.toISOString()),
          stored.find((f) => f.assetId === asset.id),
        ),
      );
    }
    await insertForecasts(db, forecasts);
    return forecasts;
  };
  const refresh = (): Promise<AssetForecast[]> => {
    // One computation at a time: a slow historian must not stack timer runs.
    inFlight ??= compute().finally(() => (inFlight = undefined));
    return inFlight;
  };

  const timer = setInterval(() => {
    refresh().catch((error: unknown) => log.warn({ err: error }, 'Could not recompute maintenance forecasts; will retry at the next interval'));
  }, options.intervalMs ?? 600_000);
  timer.unref?.();
  try {
    await refresh();
  } catch (error) {
    log.warn({ err: error }, 'Could not compute the first maintenance forecasts; will retry at the next interval');
  }

  const assetIds = assets.map((asset) => asset.id);
  return {
    assets,
    modelVersion: models.version,
    latest: async () => {
      const previous = await previousForecasts(db, assetIds);
      return rankByRisk(await latestForecasts(db, assetIds)).map((forecast) => ({
        ...forecast,
        previous: previous.find((f) => f.assetId === forecast.assetId),
      }));
    },
    forecastFor: async (assetId) => (await latestForecasts(db, [assetId]))[0],
    refresh,
    async stop() {
      clearInterval(timer);
      await inFlight?.catch(() => undefined);
    },
  };
}
