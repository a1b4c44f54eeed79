/**
 * generate_shift_handover: the handover report for a shift or any window — production vs plan, OEE,
 * scrap and defects, downtime with causes, alarms, actions taken, maintenance risks, holds, notes and
 * open items — every statement with its sources. Reads only: the report is built, not stored.
 */
import { z } from 'zod';
import { AppError } from '@/lib/errors';
import { Source } from '../../sources';
import { defineTool } from '../../tool';
import type { HandoverService } from '../service/handover-service';
import { HandoverReport, Summary } from '../engine/report-types';

export const GenerateShiftHandoverInput = z.object({
  from: z.iso.datetime({ offset: true }).optional().describe('Start of the window (ISO 8601). With only `from`, the window runs to now.'),
  to: z.iso.datetime({ offset: true }).optional().describe('End of the window (ISO 8601), exclusive.'),
  shift: z
    .enum(['current', 'previous'])
    .optional()
    .describe('Instead of from/to: the current shift so far, or the previous (last completed) shift. Default: previous.'),
});

export const GenerateShiftHandoverOutput = z.object({
  report: HandoverReport,
  summary: Summary,
  /** Every citation in the report, de-duplicated, for the chat's numbered sources. */
  sources: z.array(Source),
});
export type GenerateShiftHandoverOutput = z.infer<typeof GenerateShiftHandoverOutput>;

export function createGenerateShiftHandoverTool({ handovers }: { handovers: HandoverService }) {
  return defineTool({
    name: 'generate_shift_handover',
    title: 'Shift handover report',
    description:
      'Builds the shift handover report for the previous shift (default), the current shift so far, or any window (from/to, ISO 8601): ' +
      'production vs plan per line, OEE with availability/performance/quality, scrap and yield with top defect classes, downtime with ' +
      'duration and cause, alarms (priority 1–2 first, still-active flagged), actions taken (approvals, setpoint changes, commands), ' +
      'maintenance risks, quality holds, operator notes and open items. Every statement carries its sources; cite them.',
    input: GenerateShiftHandoverInput,
    output: GenerateShiftHandoverOutput,
    effect: 'read',
    async run(input, context) {
      if (input.shift && (input.from || input.to)) throw new AppError('invalid_argument', 'Give either shift or from/to, not both.');
      const { report, summary } = await handovers.build(input, context.signal);
      const seen = new Map<string, Source>();
      for (const statement of report.sections.flatMap((section) => section.statements)) {
        for (const source of statement.citations) seen.set(`${source.kind}:${source.id}:${source.href ?? ''}`, source);
      }
      return { report, summary, sources: [...seen.values()] };
    },
  });
}
