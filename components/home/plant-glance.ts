/**
 * What the landing page shows, gathered on the server: the plant overview (lines, output vs plan,
 * OEE, alarms), the approvals waiting for this person, maintenance due within a day and the last
 * handover. Each part is read on its own, so one part that is down leaves the others readable and
 * says why it is missing.
 */
import type { Session } from '../../lib/auth/sessions';
import { atLeast } from '../../lib/auth/roles';
import { getRuntime } from '@/server/runtime';
import type { ApprovalRequest } from '../../tools/approval/types';
import type { HandoverListItem } from '../../tools/handover/service/handover-store';
import { dueWindow } from '../../tools/maintenance/engine/forecast-outlook';
import type { RankedForecast } from '../../tools/maintenance/service/forecast-service';
import { listWorkOrders, type WorkOrder } from '../../tools/maintenance/service/work-orders';
import type { PlantOverviewOutput } from '../../tools/plant/tools/plant-overview';

const DAY_MS = 86_400_000;

export type Part<T> = { ok: true; value: T } | { ok: false; why: string };

export type PlantGlance = {
  overview: Part<PlantOverviewOutput>;
  /** Supervisors: the requests they may decide; others: their own requests still waiting. */
  approvals: Part<{ requests: ApprovalRequest[]; decides: boolean }>;
  maintenance: Part<{ workOrders: WorkOrder[]; forecasts: (RankedForecast & { dueText: string | null })[] }>;
  lastHandover: Part<HandoverListItem | undefined>;
};

async function part<T>(read: () => Promise<T>, unavailable: string): Promise<Part<T>> {
  try {
    return { ok: true, value: await read() };
  } catch (error) {
    return { ok: false, why: `${unavailable} (${error instanceof Error ? error.message : String(error)})` };
  }
}

/** `site`: the site picked in the header, for the overview (only with several sites). */
export async function plantGlance(session: Session, now = new Date(), site?: string): Promise<PlantGlance> {
  const runtime = getRuntime();
  const { services, db } = runtime;
  const actor = { kind: 'user' as const, id: session.user.id, name: session.user.displayName, role: session.user.role };
  const decides = atLeast(session.user.role, 'supervisor');
  const [overview, approvals, maintenance, lastHandover] = await Promise.all([
    part(async () => {
      if (!services.registry?.has('plant_overview')) throw new Error('the plant connection is not running');
      const tool = services.registry.get('plant_overview');
      return (await tool.run(tool.input.parse({}), { actor, site })) as PlantOverviewOutput;
    }, 'The plant overview could not be read'),
    part(async () => {
      if (!services.gate) throw new Error('the approval gate is not running');
      const pending = await services.gate.list({ statuses: ['pending'], limit: 100 });
      return { requests: decides ? pending : pending.filter((request) => request.requester.id === session.user.id), decides };
    }, 'The approvals could not be read'),
    part(async () => {
      const until = now.getTime() + DAY_MS;
      const orders = await listWorkOrders(db, { limit: 200 });
      const workOrders = orders
        .filter((order) => (order.status === 'planned' || order.status === 'in_progress') && Date.parse(order.windowFrom) <= until)
        .sort((a, b) => Date.parse(a.windowFrom) - Date.parse(b.windowFrom));
      // Due as the Maintenance page and the handover say it: a window in plant time from the same forecast.
      const timeZone = getRuntime().config.plant.timeZone;
      const forecasts = services.maintenanceForecasts
        ? (await services.maintenanceForecasts.latest())
            .filter((forecast) => forecast.status === 'ok' && (forecast.lowerHours ?? Infinity) <= 24)
            .map((forecast) => ({ ...forecast, dueText: dueWindow(forecast, timeZone)?.text ?? null }))
        : [];
      return { workOrders, forecasts };
    }, 'The maintenance plan could not be read'),
    part(async () => {
      const handovers = (site ? services.siteHandovers?.get(site) : undefined) ?? services.handovers;
      if (!handovers) throw new Error('the handover service is not running');
      return (await handovers.list({ limit: 1 }))[0];
    }, 'The handovers could not be read'),
  ]);
  return { overview, approvals, maintenance, lastHandover };
}
