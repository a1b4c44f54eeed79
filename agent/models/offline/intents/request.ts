/**
 * One request as planReply reads it: the fixed facts (text, language, plant clock, the classifier's
 * reading, the previous turn) and the reading built up step by step (intent, follow-up, by rule).
 */
import { detectLanguage } from '../language';
import { foldInitialUmlauts } from '../text';
import type { Classification } from '../intent-classifier';
import type { TimeContext } from '../time-window';
import type { Language } from '../training-set';
import { intentOfTool, type Intent } from './catalogue';
import { DEFAULT_TIME_ZONE, type PlanInput } from './types';

export interface Request {
  input: PlanInput;
  language: Language;
  /** The request trimmed, and in lower case. */
  text: string;
  lower: string;
  timeContext: TimeContext;
  classification: Classification;
  /** The intent of the previous tool call, and the tool of the latest earlier result. */
  previousIntent: Intent | undefined;
  lastTool: string | undefined;
}

/** What the request has been read as so far; each step of planReply refines it. */
export interface Reading {
  intent: Intent | 'help' | 'smalltalk' | undefined;
  /** The request with the pending question before it, plus what a follow-up carries over ("… PO-24118"). */
  combined: string;
  /** The request continues the previous turn. */
  followUp: boolean;
  /** A rule, not the classifier, chose the intent. */
  byRule: boolean;
  /** The rule matched on the previous turn's asset. */
  inheritAsset: boolean;
  /** `combined` is the request rebuilt from the turn before ("nee, 244" → "set Zone6.SetpointC of L1-RFL to 244"). */
  rebuilt?: boolean;
}

export function readRequest(input: PlanInput): { request: Request; reading: Reading } {
  const text = input.text.trim();
  const request: Request = {
    input,
    language: input.language ?? detectLanguage(input.text),
    text,
    // Typographic apostrophes (phones type “don’t”) read like the plain one.
    lower: foldInitialUmlauts(text.toLowerCase().replace(/[’‘]/g, "'")),
    timeContext: { now: input.now, timeZone: input.timeZone ?? DEFAULT_TIME_ZONE, shifts: input.shifts },
    classification: input.classification,
    previousIntent: intentOfTool(input.previous?.tool),
    lastTool: input.earlier?.at(-1)?.tool,
  };
  const reading: Reading = {
    intent: undefined,
    combined: input.pendingQuestion ? `${input.pendingQuestion} ${text}` : text,
    followUp: false,
    byRule: false,
    inheritAsset: false,
  };
  return { request, reading };
}
