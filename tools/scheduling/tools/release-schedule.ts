/**
 * `release_schedule` (actuate): sends a draft's order sequences to the plant, line by line, through the
 * plant's `LoadOrderSequence` method. It runs only through the approval gate; the preview shows the
 * approver the KPI change against the plan the plant runs now, computed from the live plant.
 */
import { z } from 'zod';
import type { PlantConnection } from '@/connectors/opcua/plant-connection';
import { callMethod } from '@/connectors/opcua/write-path';
import { AppError } from '@/lib/errors';
import { Source } from '../../sources';
import { defineTool, type ActuationPreview } from '../../tool';
import type { ScheduleKpis } from '../engine/kpis';
import type { OrderSequenceWriter } from '../service/scheduling-plant';
import type { ReleaseOutcome, SchedulingService } from '../service/scheduling-service';
import { draftSource } from './schedule-sources';

export const ReleaseScheduleInput = z.strictObject({ draftId: z.string().uuid() });

const KPI_ROWS: { key: keyof Omit<ScheduleKpis, 'utilisationPct' | 'lateOrderIds' | 'orderCount'>; what: string; unit: string }[] = [
  { key: 'makespanMin', what: 'Makespan', unit: 'min' },
  { key: 'totalTardinessMin', what: 'Total tardiness', unit: 'min' },
  { key: 'maxTardinessMin', what: 'Maximum tardiness', unit: 'min' },
  { key: 'onTimePct', what: 'Orders on time', unit: '%' },
  { key: 'setups', what: 'Changeovers', unit: 'count' },
];

export type ReleaseScheduleDeps = {
  scheduling: SchedulingService;
  /** Absent: drafts can be computed but not released (no plant to write to). */
  writer?: OrderSequenceWriter;
};

/**
 * Releases through the connector's write path: `LoadOrderSequence(LineId, OrderIds[])` on the plant
 * object, which browse discovery exposes as the asset named after the root node (`Plant`). It lives in
 * this tool's file because only actuate tools may write to the plant (a lint rule holds that).
 */
export function plantSequenceWriter(plant: () => PlantConnection, plantAssetId = 'Plant'): OrderSequenceWriter {
  return {
    async loadOrderSequence(lineId, orderIds) {
      const result = await callMethod(plant(), plantAssetId, 'LoadOrderSequence', [lineId, [...orderIds]]);
      const output = result.outputs[0];
      // The write path reports array outputs as JSON text.
      const parsed: unknown = typeof output === 'string' ? JSON.parse(output) : output;
      if (!Array.isArray(parsed) || parsed.some((id) => typeof id !== 'string')) {
        throw new AppError(
          'plant_write_failed',
          `The plant accepted LoadOrderSequence for ${lineId} but did not report the resulting sequence (got ${JSON.stringify(output)}).`,
        );
      }
      return parsed as string[];
    },
  };
}

export function releaseScheduleTool({ scheduling, writer }: ReleaseScheduleDeps) {
  return defineTool({
    name: 'release_schedule',
    title: 'Release a schedule to the plant',
    description:
      'Asks for approval to release a schedule draft (from propose_schedule or what_if) to the plant: each line receives its new order sequence. Needs the draftId; a supervisor must approve before anything changes.',
    input: ReleaseScheduleInput,
    output: z.object({
      draftId: z.string(),
      releaseId: z.string(),
      lines: z.array(z.object({ lineId: z.string(), requested: z.array(z.string()), confirmed: z.array(z.string()) })),
      sources: z.array(Source),
    }),
    effect: 'actuate',
    async preview(input): Promise<ActuationPreview> {
      const plan = await scheduling.planRelease(input.draftId);
      const current = plan.current.kpis;
      const proposed = plan.proposed.kpis;
      const sequenceChanges = Object.entries(plan.sequences).map(([lineId, ids]) => ({
        what: `${lineId} order sequence`,
        current: (plan.current.sequences[lineId] ?? []).join(' → ') || '(empty)',
        proposed: ids.join(' → ') || '(empty)',
      }));
      return {
        summary: `Release schedule draft ${input.draftId} to the plant: new order sequences on ${Object.keys(plan.sequences).join(' and ')}.`,
        changes: [
          ...KPI_ROWS.map((row) => ({ what: row.what, current: String(current[row.key]), proposed: String(proposed[row.key]), unit: row.unit })),
          ...sequenceChanges,
        ],
        expectedEffect: `Makespan ${signed(plan.delta.makespanMin)} min, total tardiness ${signed(plan.delta.totalTardinessMin)} min, on-time ${signed(plan.delta.onTimePct)} percentage points against the plan the plant runs now.`,
        safetyNotes: [
          { text: 'This re-plans the whole plant: every line gets a new order sequence. Orders already running stay on their line and keep running.' },
          { text: 'Operators should check that material and feeder setups for the first orders in each new sequence are ready.' },
          { text: 'Review the draft on the Schedule page before approving.', source: draftSource(plan.draft) },
        ],
        risk: 'high',
      };
    },
    async run(input) {
      if (!writer)
        throw new AppError(
          'actuation_disabled',
          'No plant write path is configured for the scheduler, so a schedule cannot be released. Connect the plant (OPCUA_ENDPOINT) and restart.',
        );
      const { sequences } = await scheduling.planRelease(input.draftId);
      const lines: ReleaseOutcome['lines'] = [];
      for (const [lineId, requested] of Object.entries(sequences)) {
        lines.push({ lineId, requested, confirmed: await writer.loadOrderSequence(lineId, requested) });
      }
      const outcome = await scheduling.recordRelease(input.draftId, lines);
      const draft = await scheduling.getDraft(input.draftId);
      return { ...outcome, sources: [draftSource(draft, `Released schedule draft ${draft.id}`)] };
    },
    async readBack(_input, output) {
      return scheduling.confirmRelease(output);
    },
  });
}

function signed(value: number): string {
  return value > 0 ? `+${value}` : String(value);
}
