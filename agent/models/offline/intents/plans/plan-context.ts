/** What every intent's planner reads: the request, its target and window, and how to answer with a tool call. */
import type { AssetRef } from '../../../../assets';
import type { TimeContext, TimeWindow } from '../../time-window';
import type { Language } from '../../training-set';
import type { Plan, PlanInput } from '../types';

export interface PlanContext {
  input: PlanInput;
  /** The request as typed (trimmed), its lower case, and with the pending question before it. */
  text: string;
  lower: string;
  combined: string;
  language: Language;
  /** Whether the request continues the previous turn ("and line 2?"). */
  followUp: boolean;
  timeContext: TimeContext;
  /** The asset the request is about (a machine or a line), if any. */
  asset: AssetRef | undefined;
  /** The asset when it is a machine, not a line. */
  machine: AssetRef | undefined;
  /** The line named or implied ("Line1", "utilities"), if any. */
  lineId: string | undefined;
  window: TimeWindow | undefined;
  /** The previous call's window, for a follow-up. */
  previousWindow: { from: string; to: string } | undefined;
  /** The tool call for the chosen intent with these arguments. */
  call: (args: Record<string, unknown>) => Plan;
  /** The question back when the intent needs a machine and none is named. */
  needAsset: (what: string) => Plan;
}
