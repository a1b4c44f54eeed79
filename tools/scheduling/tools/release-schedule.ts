/**
 * `release_schedule` (actuate): sends a draft's order sequences to the plant, line by line, through the
 * plant's `LoadOrderSequence` method. It runs only through the approval gate; the preview shows the
 * approver the KPI change against the plan the plant runs now, computed from the live plant.
 */
import { z } from 'zod';
import { Source } from '../../sources';
import { defineTool, type ActuationPreview } from '../../tool';
import type { ScheduleKpis } from '../plant/kpis';
import type { SchedulingService } from '../service/scheduling-service';
import { draftSource } from './schedule-sources';

export const ReleaseScheduleInput = z.strictObject({ draftId: z.string().uuid() });

const KPI_ROWS: { key: keyof Omit<ScheduleKpis, 'utilisationPct' | 'lateOrderIds' | 'orderCount'>; what: string; unit: string }[] = [
  { key: 'makespanMin', what: 'Makespan', unit: 'min' },
  { key: 'totalTardinessMin', what: 'Total tardiness', unit: 'min' },
  { key: 'maxTardinessMin', what: 'Maximum tardiness', unit: 'min' },
  { key: 'onTimePct', what: 'Orders on time', unit: '%' },
  { key: 'setups', what: 'Changeovers', unit: 'count' },
];

export function releaseScheduleTool(scheduling: SchedulingService) {
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
      const outcome = await scheduling.release(input.draftId);
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
