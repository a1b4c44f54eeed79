/**
 * What the conversation tests share: the offline model's understanding of one message against the
 * twin's catalogue at a fixed plant time, alone or after the turn before it. One copy, so a new round
 * of tests starts from the same plant and clock as the others.
 */
import { twinAssets } from '../../../twin-assets';
import { twinOrders } from '../../../twin-orders';
import { twinParts } from '../../../twin-parts';
import { INTENTS } from '../intents';
import { WRITE_INTENTS } from '../intents/catalogue';
import type { Plan } from '../intents/types';
import { understand } from '../understand';

const allTools = new Set(Object.values(INTENTS).map((intent) => intent.tool));
/** Wednesday 4 March 2026, 10:00 in Berlin (UTC+1): the early shift (06:00–14:00) is under way. */
export const PLANT_NOW = new Date('2026-03-04T09:00:00Z');
const base = { assets: twinAssets(), orders: twinOrders(), parts: twinParts(), availableTools: allTools, now: PLANT_NOW, timeZone: 'Europe/Berlin' };

type UnderstandInput = Parameters<typeof understand>[0];

/** One message with whatever context the test gives it (a pending question, the turns before, another clock). */
export const askWith = (input: Omit<UnderstandInput, keyof typeof base> & Partial<Pick<UnderstandInput, keyof typeof base>>): Promise<Plan> =>
  understand({ ...base, ...input });

/** One message with nothing before it. */
export const ask = (text: string): Promise<Plan> => understand({ ...base, text });

/** The turn before: its call `tool(args)`, asked with `previousText`. */
export const earlier = (tool: string, args: Record<string, unknown>, previousText: string) => ({
  previous: { tool, args },
  previousText,
  earlier: [{ tool, args, output: {} }],
});

/** One message after the turn before it. */
export const follow = (text: string, context: ReturnType<typeof earlier>): Promise<Plan> => askWith({ text, ...context });

/** One message after a turn whose call was `tool(args)`, asked with `previousText`. */
export const after = (tool: string, args: Record<string, unknown>, previousText: string, text: string): Promise<Plan> =>
  follow(text, earlier(tool, args, previousText));

/** Whether the plan files an approval request (any write). */
export const filesAWrite = (plan: Plan): boolean => plan.kind === 'tool' && WRITE_INTENTS.has(plan.intent);

/** The replenishment plan the dispatch tests follow: RUN-1, a tugger to line 1's placer 1; RUN-2, an AMR to line 2's placer 2. */
export const TUGGER_STOPS = [
  { stationId: 'L1-PNP1-S', loads: [{ partNumber: 'GRM155R71C104KA88D', quantity: 20000, fromLocationId: 'WH', toLocationId: 'SM-L1' }] },
];
export const AMR_STOPS = [{ stationId: 'L2-PNP2-S', loads: [{ partNumber: 'STM32H743ZIT6', quantity: 120, fromLocationId: 'WH', toLocationId: 'SM-L2' }] }];

/** One message after that plan was made (asked for `line`, when given). */
export const afterReplenishmentPlan = (text: string, previousText: string, line?: string) =>
  askWith({
    text,
    previous: { tool: 'plan_replenishment', args: line ? { line } : {} },
    previousText,
    earlier: [
      {
        tool: 'plan_replenishment',
        args: line ? { line } : {},
        output: {
          runs: [
            { runId: 'RUN-1', vehicle: 'TUG-01', vehicleKind: 'tugger', stops: TUGGER_STOPS, dispatch: { vehicle: 'TUG-01', stops: TUGGER_STOPS } },
            { runId: 'RUN-2', vehicle: 'AMR-01', vehicleKind: 'amr', stops: AMR_STOPS, dispatch: { vehicle: 'AMR-01', stops: AMR_STOPS } },
          ],
        },
      },
    ],
  });
