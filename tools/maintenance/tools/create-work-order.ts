/**
 * create_work_order: books maintenance on one asset for a window — only through the approval gate,
 * because a planned or in-progress work order blocks that window in the scheduler's calendar (the
 * line gets no work while the machine is down).
 */
import { z } from 'zod';
import type { Db } from '@/lib/db/db';
import { AppError } from '@/lib/errors';
import { defineTool } from '../../tool';
import { DEGRADING_ASSETS } from '../service/degrading-assets';
import { getWorkOrder, insertWorkOrder, overlappingWorkOrders, WorkOrderPart, WorkOrderStatus } from '../service/work-orders';
import { MACHINES } from '@/connectors/twin/catalogue';
import { formatPlantTime, plantTimeZone } from '@/lib/plant-time';

/** "Wed 02 Dec, 22:00 – 03 Dec, 00:00 (Europe/Berlin)": the window as the approver reads it; the arguments stay ISO 8601. */
function plantWindow(from: Date, to: Date): string {
  const zone = plantTimeZone();
  return `${formatPlantTime(from, zone, 'datetime')} – ${formatPlantTime(to, zone, 'datetime')} (${zone})`;
}

const HOUR_MS = 3_600_000;
/** Longer windows are almost certainly a mistake (a wrong date), and would block a line for days. */
const MAX_WINDOW_H = 72;

export const CreateWorkOrderInput = z.strictObject({
  asset: z.string().min(1).max(64).describe('Exact asset id, e.g. "L1-PNP1".'),
  task: z.string().trim().min(3).max(500).describe('What to do, e.g. "Replace placement spindle bearings".'),
  from: z.iso.datetime({ offset: true }).describe('Window start (ISO 8601), e.g. a maintenance_forecast recommendedWindow.from.'),
  to: z.iso.datetime({ offset: true }).describe('Window end (ISO 8601).'),
  parts: z.array(WorkOrderPart).max(50).optional().describe('Spare parts to pick, e.g. [{ "partNumber": "SPB-6204", "quantity": 2 }].'),
});
export type CreateWorkOrderInput = z.infer<typeof CreateWorkOrderInput>;

export const CreateWorkOrderOutput = z.object({
  workOrderId: z.string(),
  asset: z.string(),
  task: z.string(),
  from: z.string(),
  to: z.string(),
  status: WorkOrderStatus,
  href: z.string(),
});

export type CreateWorkOrderDeps = {
  db: Db;
  /** Production the window would displace, when the scheduler is wired (e.g. "PO-24117 on Line1, 22:00–23:30"). */
  scheduledWorkOverlapping?: (assetId: string, from: Date, to: Date) => Promise<string[]>;
};

function checkedWindow(input: CreateWorkOrderInput): { asset: (typeof MACHINES)[number]; from: Date; to: Date } {
  const asset = MACHINES.find((m) => m.id === input.asset);
  if (!asset) throw new AppError('not_found', `There is no asset "${input.asset}". Assets: ${MACHINES.map((m) => m.id).join(', ')}.`);
  const from = new Date(input.from);
  const to = new Date(input.to);
  if (from >= to) throw new AppError('invalid_argument', `The window is empty: from ${input.from} is not before to ${input.to}.`);
  if (to.getTime() - from.getTime() > MAX_WINDOW_H * HOUR_MS) {
    throw new AppError('invalid_argument', `The window is longer than ${MAX_WINDOW_H} h; split the work or check the dates.`);
  }
  return { asset, from, to };
}

export function createWorkOrderTool(deps: CreateWorkOrderDeps) {
  return defineTool({
    name: 'create_work_order',
    title: 'Create a maintenance work order',
    description:
      'Requests a maintenance work order for one asset and window (with optional spare parts). The order blocks that window in the production ' +
      'schedule, so it never takes effect directly: it files an approval request that a supervisor must approve; the result says whether it is ' +
      'pending, executed or refused. Use maintenance_forecast first to pick the asset and window.',
    input: CreateWorkOrderInput,
    output: CreateWorkOrderOutput,
    effect: 'actuate',

    async preview(input) {
      const { asset, from, to } = checkedWindow(input);
      const overlappingOrders = await overlappingWorkOrders(deps.db, asset.id, from, to);
      const displaced = (await deps.scheduledWorkOverlapping?.(asset.id, from, to)) ?? [];
      const parts = input.parts ?? [];
      const degrading = DEGRADING_ASSETS.find((a) => a.id === asset.id);
      const safetyNotes: { text: string }[] = [];
      if (overlappingOrders.length > 0) {
        safetyNotes.push({
          text: `Overlaps open work order${overlappingOrders.length === 1 ? '' : 's'} ${overlappingOrders.map((o) => `${o.id} (${o.task}, ${plantWindow(new Date(o.windowFrom), new Date(o.windowTo))})`).join('; ')}.`,
        });
      }
      if (displaced.length > 0) safetyNotes.push({ text: `Scheduled production in this window will be moved: ${displaced.join('; ')}.` });
      else if (!deps.scheduledWorkOverlapping)
        safetyNotes.push({ text: 'The production schedule was not consulted; check the Schedule page for work in this window.' });
      safetyNotes.push({ text: `${asset.displayName} must be held or stopped and locked out before work starts.` });
      return {
        summary: `Work order on ${asset.displayName}: ${input.task}`,
        asset: { id: asset.id, name: asset.displayName, line: asset.area },
        changes: [
          { what: 'maintenance window', proposed: plantWindow(from, to) },
          { what: 'task', proposed: input.task },
          {
            what: 'spare parts',
            proposed:
              parts.length > 0 ? parts.map((p) => `${p.quantity ?? 1} × ${p.partNumber}${p.description ? ` (${p.description})` : ''}`).join(', ') : 'none',
          },
        ],
        expectedEffect:
          `${asset.displayName}${degrading ? ` (${degrading.profile.asset.toLowerCase()})` : ''} is blocked for ${((to.getTime() - from.getTime()) / HOUR_MS).toFixed(1)} h ` +
          'in the schedule; the next plan routes no work over it.',
        safetyNotes,
        risk: 'medium',
      };
    },

    async run(input, context) {
      const { asset, from, to } = checkedWindow(input);
      const order = await insertWorkOrder(deps.db, {
        assetId: asset.id,
        task: input.task,
        windowFrom: from,
        windowTo: to,
        parts: input.parts ?? [],
        createdBy: context.actor,
      });
      return {
        workOrderId: order.id,
        asset: order.assetId,
        task: order.task,
        from: order.windowFrom,
        to: order.windowTo,
        status: order.status,
        href: `/maintenance?workOrder=${encodeURIComponent(order.id)}`,
      };
    },

    async readBack(input, output) {
      const stored = await getWorkOrder(deps.db, output.workOrderId);
      if (!stored) return { ok: false, observed: `work order ${output.workOrderId} is not in the database` };
      const ok =
        stored.assetId === input.asset &&
        stored.task === input.task &&
        new Date(stored.windowFrom).getTime() === new Date(input.from).getTime() &&
        new Date(stored.windowTo).getTime() === new Date(input.to).getTime() &&
        (stored.status === 'planned' || stored.status === 'in_progress');
      return {
        ok,
        observed: `${stored.id} ${stored.status}: ${stored.assetId}, ${stored.windowFrom} – ${stored.windowTo}`,
        detail: ok ? 'stored and blocking the window in the schedule' : 'the stored order differs from the request',
      };
    },
  });
}
