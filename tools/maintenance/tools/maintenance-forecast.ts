/**
 * maintenance_forecast: remaining useful life of the plant's rotating equipment, ranked by risk, with
 * the signals behind each forecast, a maintenance window placed before the forecast's lower bound,
 * and the manual's procedure for the job.
 */
import { z } from 'zod';
import { AppError } from '@/lib/errors';
import { Source } from '../../sources';
import { defineTool } from '../../tool';
import { TopSignal } from '../engine/asset-forecast';
import { DEGRADING_ASSETS, SERVICE_DURATION_H, normaliseArea, type DegradingAsset } from '../service/degrading-assets';
import type { ForecastService } from '../service/forecast-service';
import { nextNightShift } from '../service/next-night-shift';
import { formatPlantTime, plantTimeZone } from '@/lib/plant-time';
import { dueWindow, forecastChange } from '../engine/forecast-outlook';

const HOUR_MS = 3_600_000;

export const MaintenanceForecastInput = z.strictObject({
  asset: z.string().min(1).max(64).optional().describe('Exact asset id, e.g. "L1-PNP1" or "UT-AIR". Leave out for a whole line or the plant.'),
  line: z.string().min(1).max(40).optional().describe('"L1", "L2" or "Utilities". Leave out both asset and line for every asset.'),
});
export type MaintenanceForecastInput = z.infer<typeof MaintenanceForecastInput>;

const Window = z.object({ from: z.string(), to: z.string() });

const ProcedurePassage = z.object({ title: z.string(), snippet: z.string(), href: z.string().optional() });

const AssetOutlook = z.object({
  assetId: z.string(),
  name: z.string(),
  component: z.string(),
  riskRank: z.number().int(),
  status: z.enum(['ok', 'insufficient_history']),
  /** Remaining operating hours (running time, not wall-clock) with the model's interval. */
  rulHours: z.number().nullable(),
  lowerHours: z.number().nullable(),
  upperHours: z.number().nullable(),
  topSignals: z.array(TopSignal),
  computedAt: z.string(),
  modelVersion: z.string(),
  detail: z.string().nullable(),
  recommendedWindow: Window.extend({ basis: z.string(), beforeLowerBound: z.boolean() }).nullable(),
  /** When the part is due, as a calendar window (ISO 8601) and as people read it in plant time. */
  due: z.object({ from: z.string(), mostLikely: z.string(), to: z.string(), text: z.string(), basis: z.string() }).nullable(),
  /** How the forecast moved since the one before, and why (new data, maintenance done, model retrained). */
  change: z
    .object({
      previousRulHours: z.number().nullable(),
      previousComputedAt: z.string(),
      changeHours: z.number().nullable(),
      reason: z.enum(['first forecast', 'new data', 'maintenance done', 'model retrained']),
      text: z.string(),
    })
    .nullable(),
  procedure: z.array(ProcedurePassage),
});

export const MaintenanceForecastOutput = z.object({ assets: z.array(AssetOutlook), note: z.string().optional(), sources: z.array(Source) });
export type MaintenanceForecastOutput = z.infer<typeof MaintenanceForecastOutput>;

export type IdleWindow = { from: Date; to: Date; basis?: string };

export type MaintenanceForecastDeps = {
  forecasts: Pick<ForecastService, 'latest'>;
  /** The first stretch of `durationH` in which the asset has no scheduled work, ending by `before`; wired to the scheduler. */
  findIdleWindow?: (assetId: string, before: Date, durationH: number) => Promise<IdleWindow | undefined>;
  /** Manual passages for a query about one asset; wired to the knowledge base when it runs. */
  searchManuals?: (query: string, assetId: string) => Promise<{ title: string; snippet: string; href?: string; id?: string }[]>;
  /** The plant's "now" (the twin's simulated time). */
  now?: () => Date;
  /** The plant's time zone for due dates people read (default: the server's plant time zone). */
  timeZone?: string;
  assets?: readonly DegradingAsset[];
};

function selectAssets(input: MaintenanceForecastInput, assets: readonly DegradingAsset[]): DegradingAsset[] {
  if (input.asset) {
    const asset = assets.find((a) => a.id.toLowerCase() === input.asset!.trim().toLowerCase());
    if (!asset) throw new AppError('not_found', `No forecast is kept for "${input.asset}". Assets with wear forecasts: ${assets.map((a) => a.id).join(', ')}.`);
    return [asset];
  }
  if (input.line) {
    const area = normaliseArea(input.line);
    if (!area) throw new AppError('invalid_argument', `Unknown line "${input.line}". Use L1, L2 or Utilities.`);
    return assets.filter((a) => a.area === area);
  }
  return [...assets];
}

export function createMaintenanceForecastTool(deps: MaintenanceForecastDeps) {
  const assets = deps.assets ?? DEGRADING_ASSETS;
  const now = deps.now ?? (() => new Date());
  return defineTool({
    name: 'maintenance_forecast',
    title: 'Maintenance forecast',
    description:
      'Remaining useful life (RUL, in operating hours, with an 80 % interval) of the rotating equipment of one asset, one line or the whole plant ' +
      '(pick-and-place spindles and gantries, reflow blowers, the compressor, the chiller pump), ranked by risk (lowest lower bound first), ' +
      'with the condition signals that drove each forecast, a recommended maintenance window in idle time before the lower bound, and the ' +
      'manual procedure. Assets with too little history say so instead of giving a number. To book the work, use create_work_order.',
    input: MaintenanceForecastInput,
    output: MaintenanceForecastOutput,
    effect: 'read',
    async run(input) {
      const timeZone = deps.timeZone ?? plantTimeZone();
      const selected = selectAssets(input, assets);
      const wanted = new Set(selected.map((a) => a.id));
      const ranked = (await deps.forecasts.latest()).filter((f) => wanted.has(f.assetId));
      const at = now();
      const outlooks: z.infer<typeof AssetOutlook>[] = [];
      const sources: Source[] = [];
      for (const forecast of ranked) {
        const asset = selected.find((a) => a.id === forecast.assetId)!;
        let recommendedWindow: z.infer<typeof AssetOutlook>['recommendedWindow'] = null;
        let procedure: z.infer<typeof ProcedurePassage>[] = [];
        if (forecast.status === 'ok' && forecast.lowerHours !== null) {
          const durationH = SERVICE_DURATION_H[asset.machineType] ?? 2;
          // Operating hours are taken as wall-clock hours: conservative, since the asset does not run all the time.
          const before = new Date(at.getTime() + forecast.lowerHours * HOUR_MS);
          const found: IdleWindow = (await deps.findIdleWindow?.(asset.id, before, durationH)) ?? nextNightShift(at, durationH);
          recommendedWindow = {
            from: found.from.toISOString(),
            to: found.to.toISOString(),
            basis: found.basis ?? (deps.findIdleWindow ? 'idle time in the schedule' : 'next night shift (no schedule consulted)'),
            beforeLowerBound: found.to.getTime() <= before.getTime(),
          };
          if (deps.searchManuals) {
            const passages = await deps.searchManuals(`${asset.profile.asset} bearing replacement maintenance procedure ${asset.model}`, asset.id);
            procedure = passages.slice(0, 2).map((p) => ({ title: p.title, snippet: p.snippet, href: p.href }));
            for (const [i, p] of passages.slice(0, 2).entries()) {
              sources.push({ kind: 'manual', id: p.id ?? `${asset.id}-procedure-${i + 1}`, title: p.title, href: p.href, snippet: p.snippet.slice(0, 300) });
            }
          }
        }
        sources.push({
          kind: 'forecast',
          id: `${asset.id}@${forecast.computedAt}`,
          title: `RUL forecast for ${asset.name} (${asset.profile.asset.toLowerCase()})`,
          href: `/maintenance?asset=${encodeURIComponent(asset.id)}`,
          snippet:
            forecast.status === 'ok'
              ? `${dueWindow(forecast, timeZone)!.text}; ${Math.round(forecast.rulHours!)} operating h (${Math.round(forecast.lowerHours!)}–${Math.round(forecast.upperHours!)} h), computed ${formatPlantTime(forecast.computedAt, timeZone, 'datetime')}`
              : (forecast.detail ?? 'insufficient history'),
        });
        outlooks.push({
          assetId: asset.id,
          name: asset.name,
          component: asset.profile.asset,
          riskRank: 0,
          status: forecast.status,
          rulHours: forecast.rulHours,
          lowerHours: forecast.lowerHours,
          upperHours: forecast.upperHours,
          topSignals: forecast.topSignals,
          computedAt: forecast.computedAt,
          modelVersion: forecast.modelVersion,
          detail: forecast.detail,
          recommendedWindow,
          due: dueWindow(forecast, timeZone),
          change: forecastChange(forecast, forecast.previous, timeZone),
          procedure,
        });
      }
      // Ranks within the selection, in the service's risk order.
      outlooks.forEach((outlook, index) => (outlook.riskRank = index + 1));
      const missing = selected.filter((a) => !ranked.some((f) => f.assetId === a.id)).map((a) => a.id);
      return {
        assets: outlooks,
        ...(missing.length > 0
          ? { note: `No forecast has been computed yet for ${missing.join(', ')}; the forecast service computes them every few minutes.` }
          : {}),
        sources,
      };
    },
  });
}
