/**
 * The handover's view of maintenance: every asset whose forecast says it may need maintenance before
 * the next shift ends (the interval's early bound falls inside it), with its due window in plant
 * time — the same window the maintenance tool and page show, from the same stored forecast.
 */
import type { MaintenanceRisk } from '../../handover/engine/report-types';
import type { MaintenanceSource } from '../../handover/service/gather';
import { dueWindow } from '../engine/forecast-outlook';
import type { ForecastService } from './forecast-service';

export function maintenanceHandoverSource(forecasts: Pick<ForecastService, 'latest'>, timeZone: string): MaintenanceSource {
  return {
    async risksFor(window): Promise<MaintenanceRisk[]> {
      const risks: MaintenanceRisk[] = [];
      for (const forecast of await forecasts.latest()) {
        const due = dueWindow(forecast, timeZone);
        if (!due || Date.parse(due.from) > window.to.getTime()) continue;
        const driver = forecast.topSignals.find((signal) => signal.contributionHours < 0)?.signal;
        risks.push({
          assetId: forecast.assetId,
          text: `may need maintenance before the next shift ends${driver ? ` (driven by ${driver})` : ''}`,
          remainingHours: forecast.rulHours,
          due: { from: due.from, mostLikely: due.mostLikely, to: due.to, text: due.text },
          source: {
            kind: 'forecast',
            id: forecast.assetId,
            title: `Maintenance forecast for ${forecast.assetId}`,
            href: `/maintenance?asset=${encodeURIComponent(forecast.assetId)}`,
            snippet: `${Math.round(forecast.rulHours!)} operating h left (${Math.round(forecast.lowerHours ?? forecast.rulHours!)}–${Math.round(forecast.upperHours ?? forecast.rulHours!)} h), computed ${forecast.computedAt}`,
          },
        });
      }
      return risks;
    },
  };
}
