/**
 * The Material page: stock and run-out per line (soonest first), inbound deliveries with the late ones
 * flagged, the floor map with the fleet where it last reported and the planned replenishment runs,
 * and the disruptions in effect with the orders they hit. Everything comes from the same tools the
 * chat uses, so the page and the copilot never disagree.
 */
import { DisruptionList, type DisruptionView } from '../../components/material/disruption-list';
import { FloorMap } from '../../components/material/floor-map';
import { InboundTimeline } from '../../components/material/inbound-timeline';
import { StockTable } from '../../components/material/stock-table';
import { requirePageSession } from '../../lib/auth/page-session';
import { isAppError } from '../../lib/errors';
import { formatPlantTime } from '../../lib/plant-time';
import { getRuntime } from '@/server/runtime';
import { materialStatusTool } from '../../tools/material/tools/material-status';
import { planReplenishmentTool } from '../../tools/material/tools/plan-replenishment';
import { supplyDisruptionImpactTool } from '../../tools/material/tools/supply-disruption-impact';

export const dynamic = 'force-dynamic';

export default async function MaterialPage() {
  const session = await requirePageSession();
  const material = getRuntime().services.material;
  const timeZone = getRuntime().config.plant.timeZone;
  const format = (iso: string) => formatPlantTime(iso, timeZone);
  if (!material) {
    return (
      <section className="card">
        <h1>Material</h1>
        <p className="banner banner-down">
          The material service is not running in this server, so there is no stock to show. Check the server log for why it did not start.
        </p>
      </section>
    );
  }
  const context = { actor: { kind: 'user' as const, id: session.user.id, name: session.user.displayName, role: session.user.role } };
  try {
    const snapshot = await material.snapshot();
    const lines = snapshot.lineQueues.map((q) => q.lineId);
    const [statuses, impact, plan] = await Promise.all([
      Promise.all(lines.map((line) => materialStatusTool(material).run({ line }, context))),
      supplyDisruptionImpactTool({ ...material, scheduling: undefined }).run({}, context),
      planReplenishmentTool(material).run({}, context),
    ]);
    const vehicles = material.fleet().map((v) => ({
      serialNumber: v.serialNumber,
      x: v.state?.agvPosition?.x ?? 0,
      y: v.state?.agvPosition?.y ?? 0,
      driving: v.state?.driving ?? false,
      online: v.connectionState === 'ONLINE',
    }));
    return (
      <>
        <section className="card">
          <h1>Material</h1>
          <p className="muted">Plant time {format(snapshot.time)}. Reload for the latest positions and stock.</p>
          {/* Why a line still runs with an empty supermarket: its placers work off the reels on their feeders. */}
          <p className="material-note">
            Supermarket: the stock beside each line. The placers’ feeders hold more, so a line runs on after its supermarket is empty, until a feeder runs low
            (E-301).
          </p>
          <div className="material-grid">
            {lines.map((line, index) => (
              <StockTable key={line} lineId={line} parts={statuses[index]!.parts.slice(0, 10)} format={format} />
            ))}
          </div>
        </section>
        <section className="card">
          <h2>Disruptions in effect</h2>
          <DisruptionList view={impact as DisruptionView} format={format} />
        </section>
        <section className="card">
          <h2>Inbound deliveries</h2>
          <InboundTimeline deliveries={snapshot.deliveries} format={format} />
        </section>
        <section className="card">
          <h2>Floor and fleet</h2>
          <FloorMap
            vehicles={vehicles}
            runs={plan.runs.map((run) => ({ runId: run.runId, vehicle: run.vehicle, stationIds: run.stops.map((s) => s.stationId) }))}
          />
          <ul>
            {plan.runs.map((run) => (
              <li key={run.runId}>
                {run.runId}: {run.vehicle} ({run.vehicleKind}) {format(run.depart)} →{' '}
                {run.stops.map((s) => `${s.stationId}${s.late ? ' (late)' : ''}`).join(' → ')}, {run.loadUnits} units, {run.distanceM} m
              </li>
            ))}
          </ul>
          {plan.unmet.length > 0 ? (
            <p className="muted">The warehouse cannot cover: {plan.unmet.map((u) => `${u.quantity} × ${u.partNumber} for ${u.lineId}`).join('; ')}.</p>
          ) : null}
        </section>
      </>
    );
  } catch (error) {
    return (
      <section className="card">
        <h1>Material</h1>
        <p className="banner banner-down">{isAppError(error) ? error.message : 'The material state could not be read; the details are in the server log.'}</p>
      </section>
    );
  }
}
