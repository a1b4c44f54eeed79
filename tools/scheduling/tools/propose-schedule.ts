/** `propose_schedule`: a draft schedule for the open orders, with KPIs against the plant's current plan. */
import { z } from 'zod';
import { Source } from '../../sources';
import { defineTool } from '../../tool';
import type { SchedulingService } from '../service/scheduling-service';
import { DraftSummary, summariseDraft } from './draft-summary';
import { draftSource } from './schedule-sources';

export const ProposeScheduleInput = z.strictObject({
  /** Seconds per solve (default 5). */
  timeLimitS: z.number().positive().max(60).optional(),
  /** Same seed, same plant state → same draft. */
  seed: z
    .number()
    .int()
    .min(0)
    .max(2 ** 31 - 1)
    .optional(),
});

export function proposeScheduleTool(scheduling: SchedulingService) {
  return defineTool({
    name: 'propose_schedule',
    title: 'Propose a production schedule',
    description:
      'Plans all open production orders across the lines (line choice, sequence, setups between product families, shifts, maintenance, material) and returns a draft with KPIs — makespan, total and maximum tardiness, on-time %, utilisation per machine, setups — and their deltas against the current plan. Nothing is sent to the plant; use the draftId with release_schedule to ask for approval.',
    input: ProposeScheduleInput,
    output: DraftSummary.extend({ sources: z.array(Source) }),
    effect: 'read',
    async run(input) {
      const draft = await scheduling.propose(input);
      return { ...summariseDraft(draft), sources: [draftSource(draft)] };
    },
  });
}
