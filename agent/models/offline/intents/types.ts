/** What planReply takes (the request, the conversation so far, the plant) and what it gives back. */
import type { ShiftCalendar } from '@/lib/shift-calendar';
import type { AssetRef } from '../../../assets';
import type { OrderRef } from '../../../orders';
import type { PartRef } from '../../../parts';
import type { EarlierResult } from '../earlier-results';
import type { Classification } from '../intent-classifier';
import type { Language } from '../training-set';
import type { Intent } from './catalogue';

export type Plan =
  | {
      kind: 'tool';
      intent: Intent;
      tool: string;
      args: Record<string, unknown>;
      asset?: AssetRef;
      /** Reads made beside the first in the same step ("zeigt 19 Grad, ist das normal?": the value and the manual's range). Never a write. */
      also?: { tool: string; args: Record<string, unknown> }[];
    }
  | { kind: 'reply'; reason: 'clarify' | 'unavailable' | 'help' | 'unknown' | 'refusal'; text: string };

/** A tool result earlier in the conversation (oldest first), for requests that refer back to one ("book it"). */
export type { EarlierResult };

/** The last tool call of the conversation, for follow-ups ("and line 2?", "why?"). */
export type PreviousCall = {
  tool: string;
  args: Record<string, unknown>;
  /** Other machines the same reply read ("what's up with the line 2 placers" reads both): "the placer" then is either. */
  alsoAssets?: string[];
};

export type PlanInput = {
  text: string;
  earlier?: EarlierResult[];
  /** The question before a clarifying reply ("which one?"), so "line 2" can finish it. */
  pendingQuestion?: string;
  /** The copilot's own question back that the message answers ("Which one do you mean: … (L1-PRN) or … (L2-PRN)?"). */
  pendingAsk?: string;
  /** The asker said yes to the copilot's "should I file this?": the request is theirs, the write-boundary model's doubt answered. */
  confirmed?: boolean;
  /** The last tool call in the conversation, if any. */
  previous?: PreviousCall;
  /** The user's message before this one, for follow-ups that only add a window ("und die letzten 6 Stunden davon?"). */
  previousText?: string;
  assets: AssetRef[];
  /** The plant's parts (number, description, supplier), for material requests; none when unknown. */
  parts?: PartRef[];
  /** The open orders, for orders named by product ("der HMI-Auftrag auf Linie 2"); none when unknown. */
  orders?: OrderRef[];
  availableTools: ReadonlySet<string>;
  now: Date;
  /** The plant's IANA time zone; times people type ("since 6") are read in it. */
  timeZone?: string;
  shifts?: ShiftCalendar;
  /** The trained classifier's reading of the request (with the pending question). */
  classification: Classification;
  language?: Language;
};

export const DEFAULT_TIME_ZONE = 'Europe/Berlin';
