/**
 * inspection_results: what the AOI found for a lot, a line or a time window — yield, defect
 * Pareto by class, hourly trend and the worst boards, each linked to the board viewer.
 */
import { z } from 'zod';
import { AppError } from '@/lib/errors';
import { Source } from '../../sources';
import { defineTool } from '../../tool';
import type { InspectionService } from '../service/inspection-service';
import { InspectionSummary } from '../service/inspection-summary';

export const InspectionResultsInput = z.object({
  lot: z.string().min(1).max(80).optional().describe('Lot or production order id, e.g. "PO-24117".'),
  line: z.string().min(1).max(40).optional().describe('Line or AOI machine: "L1", "L2", "L1-AOI".'),
  from: z.iso.datetime({ offset: true }).optional().describe('Start of the window (ISO 8601); inspections requested from then on.'),
  to: z.iso.datetime({ offset: true }).optional().describe('End of the window (ISO 8601), exclusive.'),
  lastHours: z
    .number()
    .positive()
    .max(24 * 90)
    .optional()
    .describe('Instead of from/to: the last this many hours.'),
});
export type InspectionResultsInput = z.input<typeof InspectionResultsInput>;

export const InspectionResultsOutput = InspectionSummary.extend({
  filter: z.object({ lotId: z.string().optional(), aoiMachineId: z.string().optional(), from: z.string().optional(), to: z.string().optional() }),
  backend: z.string(),
  sources: z.array(Source),
});
export type InspectionResultsOutput = z.infer<typeof InspectionResultsOutput>;

export function createInspectionResultsTool({ inspection, now = () => new Date() }: { inspection: InspectionService; now?: () => Date }) {
  return defineTool({
    name: 'inspection_results',
    title: 'Inspection results',
    description:
      'Results of automated optical inspection (AOI) for a lot, a line and/or a time window: boards inspected, yield %, defect Pareto by ' +
      'class (open, short, mousebite, spur, copper, pin-hole), hourly yield trend, and the worst boards with links to their images. ' +
      'Without a lot or window it covers the last 24 hours.',
    input: InspectionResultsInput,
    output: InspectionResultsOutput,
    effect: 'read',
    async run(input) {
      if (input.lastHours !== undefined && (input.from || input.to)) {
        throw new AppError('invalid_argument', 'Give either lastHours or from/to, not both.');
      }
      let from = input.from ? new Date(input.from) : undefined;
      const to = input.to ? new Date(input.to) : undefined;
      if (from && to && from >= to) throw new AppError('invalid_argument', `The window is empty: from ${input.from} is not before to ${input.to}.`);
      const hours = input.lastHours ?? (!input.lot && !from && !to ? 24 : undefined);
      if (hours !== undefined) from = new Date(now().getTime() - hours * 3_600_000);
      const summary = await inspection.results({ lot: input.lot, line: input.line, from, to });
      const sources: Source[] = summary.worstBoards.map((board) => ({
        kind: 'inspection',
        id: board.jobId,
        title: `Board ${board.boardSerial} of lot ${board.lotId}${board.aoiMachineId ? ` (${board.aoiMachineId})` : ''}`,
        href: board.href,
        snippet: `${board.defectCount} defect${board.defectCount === 1 ? '' : 's'}: ${board.classes.join(', ')}.`,
      }));
      return { ...summary, backend: inspection.backend.name, sources };
    },
  });
}
