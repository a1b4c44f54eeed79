/** `what_if`: plan the plant under a disruption or extra capacity and compare with the plan without it. */
import { z } from 'zod';
import { Source } from '../../sources';
import { defineTool } from '../../tool';
import { describeScenario, WhatIfScenario } from '../engine/scenarios';
import type { SchedulingService } from '../service/scheduling-service';
import { DraftSummary, summariseDraft } from './draft-summary';
import { draftSource } from './schedule-sources';

export const WhatIfInput = z.strictObject({ scenario: WhatIfScenario });

export function whatIfTool(scheduling: SchedulingService) {
  return defineTool({
    name: 'what_if',
    title: 'Schedule what-if',
    description:
      'Re-plans the open orders under a scenario and returns the new draft with KPI deltas against the plan without it. Scenarios: {type:"machine_down", asset:"L1-PNP2" (a machine, a utility such as UT-CHL, or a whole line such as Line1), hours:8, startsInHours?:20 (when it starts, from now; left out = now)}, {type:"rush_order", product:"HMI-7MB", quantity:300, dueInHours:12}, {type:"material_delay", order:"PO-24118", hours:6}, {type:"extra_shift", line?:"Line1", date?:"2025-03-08"}. Nothing is sent to the plant.',
    input: WhatIfInput,
    output: DraftSummary.extend({ scenario: z.string(), baseDraftId: z.string().nullable(), sources: z.array(Source) }),
    effect: 'read',
    async run(input) {
      const draft = await scheduling.whatIf(input.scenario);
      return {
        ...summariseDraft(draft),
        scenario: describeScenario(input.scenario),
        baseDraftId: draft.baseDraftId,
        sources: [draftSource(draft, `What-if: ${describeScenario(input.scenario)}`)],
      };
    },
  });
}
