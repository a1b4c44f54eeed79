/**
 * The Maintenance page: fleet health (every asset with a wear forecast, most urgent first, with its
 * RUL interval and a 48 h vibration sparkline) and the work orders. `?asset=` and `?workOrder=`
 * highlight the row a forecast or work-order citation points at.
 */
import { FleetHealthTable, type FleetRow } from '../../components/maintenance/fleet-health-table';
import { WorkOrderList } from '../../components/maintenance/work-order-list';
import { requirePageSession } from '../../lib/auth/page-session';
import { atLeast } from '../../lib/auth/roles';
import { formatPlantTime } from '../../lib/plant-time';
import { getRuntime } from '@/server/runtime';
import { DEGRADING_ASSETS, SERVICE_DURATION_H } from '../../tools/maintenance/service/degrading-assets';
import { nextNightShift } from '../../tools/maintenance/service/next-night-shift';
import { keySignalSeries } from '../../tools/maintenance/service/key-signal';
import { listWorkOrders } from '../../tools/maintenance/service/work-orders';

export const dynamic = 'force-dynamic';

const DAY_MS = 86_400_000;

/** The next three night shifts, the plant's quietest time, as the windows a work order may take. */
function offeredWindows(now: Date, durationH: number, timeZone: string) {
  return [0, 1, 2].map((days) => {
    const { from, to } = nextNightShift(new Date(now.getTime() + days * DAY_MS), durationH, timeZone);
    return {
      from: from.toISOString(),
      to: to.toISOString(),
      label: `${formatPlantTime(from, timeZone, 'weekdayTime')}–${formatPlantTime(to, timeZone, 'time')} (${durationH} h, night shift)`,
    };
  });
}

export default async function MaintenancePage({ searchParams }: { searchParams: Promise<{ asset?: string; workOrder?: string }> }) {
  const session = await requirePageSession();
  const { asset, workOrder } = await searchParams;
  const runtime = getRuntime();
  const timeZone = runtime.config.plant.timeZone;
  const now = new Date();
  const forecasts = runtime.services.maintenanceForecasts;
  const historian = runtime.services.historian;
  const orders = await listWorkOrders(runtime.db, { limit: 100 });

  let rows: FleetRow[] = [];
  if (forecasts) {
    rows = await Promise.all(
      (await forecasts.latest()).map(async (forecast) => {
        const info = DEGRADING_ASSETS.find((a) => a.id === forecast.assetId);
        // The window ends at the forecast's own time: the plant's clock, which the twin may run ahead of the wall clock.
        const signal = historian ? await keySignalSeries(historian, forecast.assetId, new Date(forecast.computedAt)).catch(() => undefined) : undefined;
        return {
          ...forecast,
          name: info?.name ?? forecast.assetId,
          component: info?.profile.asset ?? '',
          signal,
          windows: info ? offeredWindows(now, SERVICE_DURATION_H[info.machineType] ?? 2, timeZone) : [],
        };
      }),
    );
  }

  return (
    <>
      <section className="card">
        <h1>Maintenance</h1>
        <p className="muted">
          Remaining useful life of the rotating equipment, in operating hours, from the condition signals in the historian. Sorted by risk: the lowest plausible
          remaining life first.
        </p>
        {forecasts ? (
          <FleetHealthTable rows={rows} selected={asset} csrfToken={atLeast(session.user.role, 'operator') ? session.csrfToken : undefined} />
        ) : (
          <p className="banner banner-down">
            The forecast service is not running in this server, so there are no forecasts. Check the server log for why it did not start.
          </p>
        )}
      </section>
      <section className="card" id="work-orders">
        <h2>Work orders</h2>
        <WorkOrderList orders={orders} selected={workOrder} />
      </section>
    </>
  );
}
