/** `explain_late_order`: why an order is late in a draft and which single change would make it on time. */
import { z } from 'zod';
import { Source } from '../../sources';
import { defineTool } from '../../tool';
import type { SchedulingService } from '../service/scheduling-service';
import { orderSource } from './schedule-sources';

export const ExplainLateOrderInput = z.strictObject({
  order: z.string().trim().min(1).max(64).describe('Production order id, e.g. PO-24118'),
  draftId: z.string().uuid().optional().describe('Draft to explain; default the latest proposal'),
});

export function explainLateOrderTool(scheduling: SchedulingService) {
  return defineTool({
    name: 'explain_late_order',
    title: 'Explain a late order',
    description:
      'Explains why a production order finishes late in a schedule draft — the bottleneck machine, orders ahead of it, material arrival, maintenance or closed shifts — and lists computed remedies (run it next on a line, expedite material, postpone maintenance, extra shift) with the finish time each gives and whether it is then on time.',
    input: ExplainLateOrderInput,
    output: z.object({
      draftId: z.string(),
      orderId: z.string(),
      lineId: z.string(),
      startAt: z.string(),
      endAt: z.string(),
      dueAt: z.string(),
      tardinessMin: z.number(),
      late: z.boolean(),
      summary: z.string(),
      causes: z.array(z.object({ kind: z.string(), text: z.string() })),
      remedies: z.array(z.object({ action: z.string(), endAt: z.string(), onTime: z.boolean(), othersTardinessDeltaMin: z.number() })),
      sources: z.array(Source),
    }),
    effect: 'read',
    async run(input) {
      const explanation = await scheduling.explainLateOrder(input.order, input.draftId);
      return { ...explanation, sources: [orderSource(explanation.draftId, explanation.orderId, explanation.summary)] };
    },
  });
}
