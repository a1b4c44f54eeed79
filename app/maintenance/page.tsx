/**
 * The Maintenance page: fleet health (every asset with a wear forecast, most urgent first, with its
 * RUL interval and a 48 h vibration sparkline) and the work orders. `?asset=` and `?workOrder=`
 * highlight the row a forecast or work-order citation points at.
 */
import { FleetHealthTable, type FleetRow } from '../../components/maintenance/fleet-health-table';
import { WorkOrderList } from '../../components/maintenance/work-order-list';
import { requirePageSession } from '../../lib/auth/page-session';
import { getRuntime } from '../../lib/runtime';
import { DEGRADING_ASSETS } from '../../tools/maintenance/plant/degrading-assets';
import { keySignalSeries } from '../../tools/maintenance/plant/key-signal';
import { listWorkOrders } from '../../tools/maintenance/plant/work-orders';

export const dynamic = 'force-dynamic';

export default async function MaintenancePage({ searchParams }: { searchParams: Promise<{ asset?: string; workOrder?: string }> }) {
  await requirePageSession();
  const { asset, workOrder } = await searchParams;
  const runtime = getRuntime();
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
        return { ...forecast, name: info?.name ?? forecast.assetId, component: info?.profile.asset ?? '', signal };
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
          <FleetHealthTable rows={rows} selected={asset} />
        ) : (
          <p className="banner banner-down">
            The forecast service is not running in this server, so there are no forecasts. Check the server log for why it did not start.
          </p>
        )}
      </section>
      <section className="card">
        <h2>Work orders</h2>
        <WorkOrderList orders={orders} selected={workOrder} />
      </section>
    </>
  );
}
