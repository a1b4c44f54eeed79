/**
 * The offline model's understanding: a request in English or German becomes one intent (the
 * trained classifier's reading, intent-classifier.ts), each intent maps to one registry tool, and
 * its arguments come from slots read against the live asset list (assets, lines, tags), the
 * plant's clock (time windows in plant time) and the conversation so far (follow-ups inherit the
 * asset, line, window and topic). Writes are proposed only on an explicit request with a target
 * and a value or command; below the confidence threshold the model asks back with concrete
 * readings. Pure apart from the classifier: no clock (passed in), no I/O.
 */
import type { ShiftCalendar } from '@/lib/shift-calendar';
import type { AssetRef } from '../../assets';
import type { PartRef } from '../../parts';
import { aliasesOf, mentionedLine, resolveAsset, resolveTag, tagQueryWords, type AssetResolution } from './asset-resolver';
import { isCommandChatter, parseCommand } from './commands';
import { latestOutput, type EarlierResult } from './earlier-results';
import type { Classification } from './intent-classifier';
import { detectLanguage } from './language';
import { MATERIAL_INTENTS, materialEvidence, materialPlan, materialRuleIntent, mayAskToSend, type MaterialIntent } from './material-intents';
import { tokens } from './text';
import { beforeStop, namedDay, parseTimeWindow, slotWindow, type TimeWindow } from './time-window';
import type { Language } from './training-set';
import { whatIfScenario, type PreviousScenario } from './what-if-scenario';

export const INTENTS = {
  plant_overview: { tool: 'plant_overview', label: 'the plant overview', example: 'Give me an overview of the plant' },
  production_status: { tool: 'production_status', label: 'production status and orders', example: 'How is production going on line 1?' },
  asset_state: { tool: 'asset_state', label: 'a machine’s live state', example: 'What is the state of the reflow oven on line 1?' },
  alarms: { tool: 'alarms', label: 'active alarms and alarm history', example: 'Which alarms are active?' },
  tag_history: { tool: 'tag_history', label: 'tag trends', example: 'Show the zone 4 temperature trend of L1-RFL over the last 2 hours' },
  search_manuals: { tool: 'search_manuals', label: 'the manuals', example: 'What does alarm E-214 mean?' },
  propose_schedule: { tool: 'propose_schedule', label: 'the production schedule', example: 'Propose a schedule for the open orders' },
  release_schedule: { tool: 'release_schedule', label: 'releasing a proposed schedule (with approval)', example: 'Release the proposed schedule' },
  what_if: { tool: 'what_if', label: 'what-if scenarios', example: 'What if line 2 is down for 4 hours?' },
  explain_late_order: { tool: 'explain_late_order', label: 'late orders', example: 'Why is order PO-24118 late?' },
  maintenance_forecast: { tool: 'maintenance_forecast', label: 'maintenance forecasts', example: 'When will P&P 2 on line 1 need maintenance?' },
  list_work_orders: { tool: 'list_work_orders', label: 'work orders', example: 'List the work orders' },
  create_work_order: {
    tool: 'create_work_order',
    label: 'booking maintenance in the recommended window (with approval)',
    example: 'Book a work order for it (after a maintenance forecast)',
  },
  trigger_inspection: { tool: 'trigger_inspection', label: 'starting an inspection', example: 'Run an AOI inspection on line 1' },
  inspection_results: { tool: 'inspection_results', label: 'inspection results', example: 'Show the latest inspection results' },
  generate_shift_handover: { tool: 'generate_shift_handover', label: 'shift handovers', example: 'Write the shift handover' },
  set_setpoint: { tool: 'set_setpoint', label: 'setpoint changes (with approval)', example: 'Set zone 4 setpoint of L1-RFL to 245' },
  machine_command: { tool: 'machine_command', label: 'start, stop and hold (with approval)', example: 'Hold the printer on line 2' },
  ...MATERIAL_INTENTS,
} as const;
export type Intent = keyof typeof INTENTS;

/** Intents that change the plant or its plan: proposed only on an explicit, complete request. */
const WRITE_INTENTS = new Set<Intent>(['set_setpoint', 'machine_command', 'release_schedule', 'create_work_order', 'dispatch_transport']);

function isMaterialIntent(intent: string | undefined): intent is MaterialIntent {
  return intent !== undefined && intent in MATERIAL_INTENTS;
}

/** Below this classifier score the model asks back instead of guessing. */
export const CONFIDENCE_THRESHOLD = 0.5;
/** The material model decides only when it is this sure; below, the plant model's reading stands. */
export const MATERIAL_CONFIDENCE_THRESHOLD = 0.8;
/** A plant reading this sure is kept even when the material model is sure too ("bake out time for MSL 3 parts" is a manual question). */
const CONFIDENT_PLANT_READING = 0.9;
/** A write needs more certainty than a read: a wrong read costs a question, a wrong write an approval. */
export const WRITE_CONFIDENCE_THRESHOLD = 0.7;

export type Plan =
  | { kind: 'tool'; intent: Intent; tool: string; args: Record<string, unknown>; asset?: AssetRef }
  | { kind: 'reply'; reason: 'clarify' | 'unavailable' | 'help' | 'unknown' | 'refusal'; text: string };

/** A tool result earlier in the conversation (oldest first), for requests that refer back to one ("book it"). */
export type { EarlierResult };

/** The last tool call of the conversation, for follow-ups ("and line 2?", "why?"). */
export type PreviousCall = { tool: string; args: Record<string, unknown> };

export type PlanInput = {
  text: string;
  earlier?: EarlierResult[];
  /** The question before a clarifying reply ("which one?"), so "line 2" can finish it. */
  pendingQuestion?: string;
  /** The last tool call in the conversation, if any. */
  previous?: PreviousCall;
  assets: AssetRef[];
  /** The plant's parts (number, description, supplier), for material requests; none when unknown. */
  parts?: PartRef[];
  availableTools: ReadonlySet<string>;
  now: Date;
  /** The plant's IANA time zone; times people type ("since 6") are read in it. */
  timeZone?: string;
  shifts?: ShiftCalendar;
  /** The trained classifier's reading of the request (with the pending question). */
  classification: Classification;
  language?: Language;
};

const DEFAULT_TIME_ZONE = 'Europe/Berlin';

function say(language: Language, english: string, german: string): string {
  return language === 'de' ? german : english;
}

function list(items: string[], language: Language = 'en'): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} ${say(language, 'or', 'oder')} ${items.at(-1)}`;
}

function clarify(text: string): Plan {
  return { kind: 'reply', reason: 'clarify', text };
}

function clarifyAsset(resolution: Extract<AssetResolution, { kind: 'ambiguous' }>, language: Language): Plan {
  const options = resolution.candidates.map((asset) => `**${asset.name}** (${asset.id})`);
  return clarify(
    say(
      language,
      `Which one do you mean: ${list(options)}? Name the line or the machine id, e.g. “${resolution.candidates[0]!.id}”.`,
      `Welche meinen Sie: ${list(options, 'de')}? Nennen Sie die Linie oder die Maschinen-ID, z. B. „${resolution.candidates[0]!.id}“.`,
    ),
  );
}

/** What the offline model can help with, given the tools present now. */
export function capabilities(availableTools: ReadonlySet<string>, language: Language = 'en'): string {
  const lines = (Object.keys(INTENTS) as Intent[])
    .filter((intent) => availableTools.has(INTENTS[intent].tool))
    .map((intent) => `- ${INTENTS[intent].label} — e.g. “${INTENTS[intent].example}”`);
  if (lines.length === 0) return 'No plant tools are available on this server yet, so I cannot look anything up. Ask an administrator to connect the plant.';
  return `${say(language, 'I can help with:', 'Ich helfe bei (Beispiele auf Englisch, Deutsch verstehe ich auch) — I can help with:')}\n${lines.join('\n')}`;
}

function unavailable(intent: Intent, availableTools: ReadonlySet<string>, language: Language): Plan {
  return {
    kind: 'reply',
    reason: 'unavailable',
    text: `I cannot help with ${INTENTS[intent].label} here: that capability (\`${INTENTS[intent].tool}\`) is not available on this server.\n\n${capabilities(availableTools, language)}`,
  };
}

type Outlook = { assetId: string; component?: string; recommendedWindow?: { from: string; to: string } | null };

/** Two ISO 8601 times with an offset in the text ("from 2025-03-08T22:00:00+01:00 to …"), as a window. */
function explicitWindow(text: string): { from: string; to: string } | undefined {
  const times = text.match(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})/g);
  return times && times.length >= 2 ? { from: times[0]!, to: times[1]! } : undefined;
}

/** Tomorrow 22:00–02:00 UTC, written as a request would give it. */
function exampleWindow(now: Date): { from: string; to: string } {
  const day = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1, 22));
  const iso = (date: Date) => date.toISOString().replace('.000Z', 'Z');
  return { from: iso(day), to: iso(new Date(day.getTime() + 4 * 3_600_000)) };
}

/**
 * A work order needs an asset, a window and a task. The window is the one the last maintenance
 * forecast recommended for that asset (or two times given in the request); without either the
 * model asks, rather than inventing a time for people to be on the shop floor.
 */
function workOrderPlan(
  input: PlanInput,
  combined: string,
  machine: AssetRef | undefined,
  call: (args: Record<string, unknown>) => Plan,
  needAsset: (what: string) => Plan,
  language: Language,
): Plan {
  const outlooks = latestOutput(input.earlier, ['maintenance_forecast'], (output) => (output as { assets?: Outlook[] }).assets) ?? [];
  const outlook = machine ? outlooks.find((o) => o.assetId === machine.id) : outlooks.length === 1 ? outlooks[0] : undefined;
  const assetId = machine?.id ?? outlook?.assetId;
  if (!assetId) return needAsset(say(language, 'the work order', 'den Arbeitsauftrag'));
  const window =
    explicitWindow(combined) ??
    slotWindow(input.text, { now: input.now, timeZone: input.timeZone ?? DEFAULT_TIME_ZONE }) ??
    outlook?.recommendedWindow ??
    undefined;
  if (!window) {
    const example = exampleWindow(input.now);
    return clarify(
      say(
        language,
        `For a work order on ${assetId} I need its window. Ask for its maintenance forecast first (“When will ${assetId} need maintenance?”) and book the window it recommends, ` +
          `or give the window as “from ${example.from} to ${example.to}”.`,
        `Für einen Arbeitsauftrag an ${assetId} brauche ich das Zeitfenster. Fragen Sie zuerst nach der Wartungsprognose („Wann braucht ${assetId} Wartung?“) und buchen Sie das empfohlene Fenster, ` +
          `oder nennen Sie es als „von ${example.from} bis ${example.to}“.`,
      ),
    );
  }
  const task =
    /\b(?:to|um)\s+((?:replace|inspect|check|clean|lubricate|grease|service|change|overhaul|repair|calibrate|align)\b[^.?!]*)/i.exec(input.text)?.[1]?.trim() ??
    `Planned maintenance of the ${outlook?.component?.toLowerCase() ?? 'machine'}${outlook ? ' from the remaining-useful-life forecast' : ''}`;
  const parts = [...input.text.matchAll(/\b(\d+)\s*x\s*(?:parts?\s+|teile?\s+)?([A-Z]{2,5}-\d{2,}[A-Z0-9-]*)\b/g)].map((match) => ({
    partNumber: match[2]!,
    quantity: Number(match[1]),
  }));
  return call({ asset: assetId, task, from: window.from, to: window.to, ...(parts.length ? { parts } : {}) });
}

function resolutionFor(minutes: number): string {
  if (minutes <= 120) return '1m';
  if (minutes <= 720) return '5m';
  if (minutes <= 2880) return '15m';
  return '1h';
}

const LAST_HOUR_MINUTES = 60;

function lastHour(now: Date): TimeWindow {
  return { from: new Date(now.getTime() - LAST_HOUR_MINUTES * 60_000).toISOString(), to: now.toISOString(), minutes: LAST_HOUR_MINUTES };
}

/** "prio 1 and 2 only", "priority 1", "critical", "Prio 1 und 2" → [1, 2]. */
export function parsePriorities(text: string): number[] | undefined {
  const t = text.toLowerCase();
  const phrase = /\b(?:prio(?:rity|rität|ritaet|s)?|p)[\s-]*((?:[1-4])(?:\s*(?:,|and|und|or|oder|&|\+|-|to|bis)\s*[1-4])*)/.exec(t);
  if (phrase) {
    const numbers = phrase[1]!.match(/[1-4]/g)!.map(Number);
    const range = /([1-4])\s*(?:-|to|bis)\s*([1-4])/.exec(phrase[1]!);
    const all = range ? Array.from({ length: Number(range[2]) - Number(range[1]) + 1 }, (_, i) => Number(range[1]) + i) : numbers;
    return [...new Set(all)].sort();
  }
  if (/\b(critical|kritische?n?)\b/.test(t)) return [1];
  if (/\b(high[- ]prio\w*|hohe[rn]? prio\w*|wichtige\w*)\b/.test(t)) return [1, 2];
  return undefined;
}

/** An alarm code in the text (E-214, e214, W 105), in the tools' spelling. */
function alarmCode(text: string): string | undefined {
  const match = /\b([a-z])[-\s]?(\d{3})\b/i.exec(text);
  if (!match || /^(l|p)$/i.test(match[1]!)) return undefined;
  return `${match[1]!.toUpperCase()}-${match[2]}`;
}

/** A production order or lot id: "PO-24118", "po 24118", "lot 24118", "Auftrag 24118", or a bare "24118" (orders are five digits). */
function orderId(text: string): string | undefined {
  const match = /\b(po|wo|so|mo)[-\s]?(\d{3,})\b/i.exec(text) ?? /\b([a-z]{2,3})-(\d{3,})\b/i.exec(text);
  if (match) return `${match[1]!.toUpperCase()}-${match[2]}`;
  const bare =
    /\b(?:order|auftrag|lot|los|charge|batch)\s+(?:no\.?\s*|nr\.?\s*|#)?(\d{3,})\b/i.exec(text) ??
    // A five-digit number on its own, not a quantity ("600 boards"), part number, time or value with a unit.
    /(?<![\w.,:/-])(\d{5})(?![\w.,:/-]|\s*(?:x|pcs|stück|stk|boards?|units?|pieces|platinen|°|grad|bar|rpm|%))/i.exec(text);
  return bare ? `PO-${bare[1]}` : undefined;
}

const AFFIRMATION =
  /^(?:(?:yes|yeah|yep|yup|ok|okay|sure|do it|go ahead|please do|do that|book it|book that|then|please|pls|ja|jo|jep|klar|gerne|mach das|mach es|bitte|passt|dann|buch es|buch das|go|fine|gut)[\s,.!]*)+$/;
const WHY = /^(why|why\??|how come|what caused (it|that|this)|warum|wieso|weshalb|woran liegt (das|es))\b/;
const FOLLOW_UP =
  /^(and|what about|how about|same for|same thing for|do the same|also for|and for|only|just|now|und|und was ist mit|was ist mit|wie ist es mit|wie sieht es mit|dasselbe|das gleiche|auch für|und für|nur|jetzt)\b/;
/** A request that says not to do something. */
const NEGATED = /\b(don'?t|do not|dont|never|not yet|no need to|nothing|nichts|nicht|noch nicht|kein\w*)\b|^(no|nein|nee)\b/;
/** Words that point back at the asset of the previous turn. */
const PRONOUN = /\b(it|its|them|that one|this one|sie|ihn|es|ihm|den|dem|der)\b/;

function wordCount(text: string): number {
  return tokens(text).length;
}

const TARGET_FILLER =
  /^(and|und|what|about|how|the|one|ones|on|for|of|at|in|der|die|das|den|dem|auf|an|von|für|fuer|mit|bei|was|ist|wie|es|same|too|also|auch|bitte|please|pls|line|linie|ln|l\d+|\d+)$/;

/** Whether a follow-up says nothing but which target it is about ("and the one on line 2?", "und der auf Linie 1?"). */
function onlyNamesTarget(text: string, assets: AssetRef[]): boolean {
  const aliasWords = new Set(assets.flatMap((asset) => aliasesOf(asset).flatMap((alias) => alias.split(' '))));
  return tokens(text).every((word) => TARGET_FILLER.test(word) || aliasWords.has(word));
}

/** The concrete readings offered when the classifier is unsure: its top intents, phrased for this request. */
function readings(classification: Classification, language: Language, target: string | undefined, availableTools: ReadonlySet<string>): string[] {
  const phrase: Partial<Record<Intent, [string, string]>> = {
    plant_overview: ['the plant overview', 'den Überblick über das Werk'],
    production_status: ['production status and order progress', 'den Produktionsstatus und Auftragsfortschritt'],
    asset_state: [`the live state of ${target ?? 'a machine'}`, `den aktuellen Zustand von ${target ?? 'einer Maschine'}`],
    alarms: [`the alarms${target ? ` of ${target}` : ''}`, `die Alarme${target ? ` von ${target}` : ''}`],
    tag_history: [`a trend${target ? ` of ${target}` : ''}`, `einen Verlauf${target ? ` von ${target}` : ''}`],
    search_manuals: ['the manuals', 'die Handbücher'],
    propose_schedule: ['a new schedule proposal', 'einen neuen Planvorschlag'],
    what_if: ['a what-if scenario', 'ein Was-wäre-wenn-Szenario'],
    explain_late_order: ['why an order is late', 'warum ein Auftrag spät ist'],
    maintenance_forecast: [`the maintenance forecast${target ? ` of ${target}` : ''}`, `die Wartungsprognose${target ? ` von ${target}` : ''}`],
    list_work_orders: ['the work orders', 'die Arbeitsaufträge'],
    inspection_results: ['inspection results', 'die Inspektionsergebnisse'],
    trigger_inspection: ['starting an inspection', 'eine Inspektion starten'],
    generate_shift_handover: ['the shift handover', 'die Schichtübergabe'],
    material_status: ['material stock and run-out', 'Materialbestand und Reichweite'],
    supply_disruption_impact: ['what a late delivery hits', 'was eine späte Lieferung trifft'],
    plan_replenishment: ['the replenishment runs', 'die Nachschubfahrten'],
  };
  const ranked = [{ intent: classification.intent, score: classification.score }, ...classification.alternatives];
  const out: string[] = [];
  for (const { intent } of ranked) {
    const text = phrase[intent as Intent];
    if (!text || !availableTools.has(INTENTS[intent as Intent].tool)) continue;
    out.push(say(language, text[0], text[1]));
    if (out.length === 3) break;
  }
  if (out.length < 2) {
    for (const intent of ['asset_state', 'alarms', 'plant_overview'] as Intent[]) {
      const text = phrase[intent]!;
      const option = say(language, text[0], text[1]);
      if (!out.includes(option) && availableTools.has(INTENTS[intent].tool)) out.push(option);
      if (out.length === 3) break;
    }
  }
  return out;
}

function lowConfidence(classification: Classification, language: Language, target: string | undefined, availableTools: ReadonlySet<string>): Plan {
  const options = readings(classification, language, target, availableTools).map((option) => `**${option}**`);
  return clarify(
    say(
      language,
      `I am not sure what you mean. Do you want ${list(options)}? Say it in a few words, e.g. “${INTENTS.asset_state.example}”.`,
      `Ich bin nicht sicher, was Sie meinen. Möchten Sie ${list(options, 'de')}? Sagen Sie es in wenigen Worten, z. B. „Was macht der Ofen auf Linie 1?“.`,
    ),
  );
}

/** The previous call's asset and line, for follow-ups that do not name their own. */
function inheritedTarget(previous: PreviousCall | undefined, assets: AssetRef[]): AssetRef | undefined {
  if (!previous) return undefined;
  const id = (previous.args.asset ?? previous.args.line) as string | undefined;
  if (typeof id !== 'string') return undefined;
  return assets.find((asset) => asset.id === id) ?? assets.find((asset) => asset.type === 'line' && asset.id.replace(/\D/g, '') === id.replace(/\D/g, ''));
}

/** The intent a follow-up continues, from the last tool call. */
function intentOfTool(tool: string | undefined): Intent | undefined {
  return (Object.keys(INTENTS) as Intent[]).find((intent) => INTENTS[intent].tool === tool);
}

/** For a follow-up that names a different machine, the one of the same kind on the named line. */
function sameKindOnLine(base: AssetRef | undefined, line: string, assets: AssetRef[]): AssetRef | undefined {
  if (!base || base.type === 'line') return assets.find((asset) => asset.type === 'line' && asset.id.replace(/\D/g, '') === line);
  const sameName = (asset: AssetRef) => aliasesOf(asset).some((alias) => aliasesOf(base).includes(alias) && !/\d$/.test(alias)) || asset.type === base.type;
  const candidates = assets.filter((asset) => asset.type === base.type && asset.line?.replace(/\D/g, '') === line && sameName(asset));
  // The machine's own number, without the line's ("Pick-and-place 2 L1" → 2; "Pick-and-place 1 L2" is not a 2).
  const ownNumber = (asset: AssetRef) => /(\d+)\s*\S*$/.exec(asset.name.replace(/\bL\d+\b|\bline \d+\b/gi, '').trim())?.[1];
  const number = ownNumber(base);
  return candidates.find((asset) => number === undefined || ownNumber(asset) === number) ?? candidates[0];
}

/** Turns one user request into a tool call, a clarifying question, or a plain statement of what is possible. */
export function planReply(input: PlanInput): Plan {
  const language = input.language ?? detectLanguage(input.text);
  const text = input.text.trim();
  const lower = text.toLowerCase();
  const timeContext = { now: input.now, timeZone: input.timeZone ?? DEFAULT_TIME_ZONE, shifts: input.shifts };
  let combined = input.pendingQuestion ? `${input.pendingQuestion} ${text}` : text;
  const classification = input.classification;
  let intent: Intent | 'help' | 'smalltalk' | undefined;
  let followUp = false;
  let byRule = false;
  let inheritAsset = false;

  // Nobody but a person approves a write, and no request can ask the copilot to.
  if (
    /\b(approve (it|that|this|the \w+)? ?(yourself|for me)|self-?approve|skip (the )?approval|without (an )?approval|bypass (the )?(gate|approval)|genehmig\w* (es|das|den|die)? ?selbst|selbst (freigeben|genehmigen)|ohne (freigabe|genehmigung))\b/.test(
      lower,
    )
  )
    return {
      kind: 'reply',
      reason: 'refusal',
      text: say(
        language,
        'I cannot approve or skip approvals: every change to the plant waits for a person with the right role to approve it in Approvals.',
        'Freigaben kann ich weder erteilen noch umgehen: Jede Änderung an der Anlage wartet auf die Freigabe durch eine berechtigte Person unter „Approvals“.',
      ),
    };

  // Follow-ups first: they mean something only against what came before.
  const previousIntent = intentOfTool(input.previous?.tool);
  const lastTool = input.earlier?.at(-1)?.tool;
  if (AFFIRMATION.test(lower) && wordCount(text) <= 5) {
    if (lastTool === 'maintenance_forecast') intent = 'create_work_order';
    else if (lastTool === 'plan_replenishment') intent = 'dispatch_transport';
    else if (lastTool === 'propose_schedule' || lastTool === 'what_if') intent = 'release_schedule';
    else if (/\bbook\b|\bbuch/.test(lower)) intent = 'create_work_order';
    else
      return clarify(
        say(
          language,
          'Yes to what? I have no proposal open in this conversation to act on. Say what you want done, e.g. “book a work order for L1-PNP2” after its maintenance forecast.',
          'Ja wozu? In diesem Gespräch ist kein Vorschlag offen. Sagen Sie, was getan werden soll, z. B. „Arbeitsauftrag für L1-PNP2 buchen“ nach der Wartungsprognose.',
        ),
      );
    followUp = true;
  } else if (WHY.test(lower) && wordCount(text) <= 4 && input.previous) {
    const order =
      typeof input.previous.args.order === 'string'
        ? input.previous.args.order
        : input.previous.tool === 'propose_schedule' || input.previous.tool === 'what_if'
          ? lateOrder(input.earlier)
          : undefined;
    if (order) {
      intent = 'explain_late_order';
      combined = `${combined} ${order}`;
    } else {
      intent = 'alarms';
      const target = inheritedTarget(input.previous, input.assets);
      if (target) combined = `${combined} ${target.id}`;
      combined = `${combined} alarm history`;
    }
    followUp = true;
  } else if (
    /\b(which|why|what'?s|welche\w*|warum|wieso|weshalb)\b.*\b(late|spät|spaet|verspätet\w*|behind|delayed|hinterher|hängt|haengt|zurück)\b/.test(lower) &&
    lateOrder(input.earlier)
  ) {
    intent = 'explain_late_order';
    combined = `${combined} ${lateOrder(input.earlier)}`;
    followUp = true;
  } else if (
    lastTool === 'maintenance_forecast' &&
    /\b(work order|wo|ticket|auftrag|arbeitsauftrag|wartungsauftrag|window|fenster)\b/.test(lower) &&
    !/\?\s*$/.test(lower) &&
    explicitWrite('create_work_order', lower)
  ) {
    // "mach da einen Auftrag draus, im empfohlenen Fenster": the forecast just given is what to book.
    intent = 'create_work_order';
    followUp = true;
  } else if (
    previousIntent &&
    previousIntent !== 'alarms' &&
    FOLLOW_UP.test(lower) &&
    /\b(alarm\w*|alerts?|störmeldung\w*|störungen)\b/.test(lower) &&
    !isCommandChatter(lower) &&
    !/\b(mean\w*|bedeut\w*|manual|handbuch)\b/.test(lower)
  ) {
    // "and its alarms?": the same target, the alarms now.
    intent = 'alarms';
    followUp = true;
  } else if (
    !input.previous &&
    !input.pendingQuestion &&
    /^(and|und|what about|how about|und was ist mit|was ist mit|und wie ist es mit)\b/.test(lower) &&
    (/\b(other|the same|andere\w*|gleiche\w*|selbe\w*|dasselbe)\b/.test(lower) ||
      // "and line 2?" — nothing but a target after the "and".
      (wordCount(text) <= 4 && resolveAsset(text, input.assets).kind !== 'none' && !ruleIntent(text, lower, input, timeContext)))
  ) {
    // "und die andere Linie?" with nothing before it: nothing to follow.
    return clarify(
      say(
        language,
        'The other what? There is nothing earlier in this conversation to follow up on. Say what you want to know, e.g. “How is production going on line 2?”.',
        'Die andere was? In diesem Gespräch gibt es noch nichts, woran ich anknüpfen kann. Sagen Sie, was Sie wissen möchten, z. B. „Wie läuft die Produktion auf Linie 2?“.',
      ),
    );
  } else if (
    previousIntent &&
    !input.pendingQuestion &&
    !WRITE_INTENTS.has(previousIntent) &&
    (FOLLOW_UP.test(lower) || (wordCount(text) <= 3 && resolveAsset(text, input.assets).kind !== 'none')) &&
    !(
      classification.score >= 0.9 &&
      classification.intent !== previousIntent &&
      // "do the same for PO-24119" repeats the last request whatever its other words sound like.
      !/^(do the same|same (thing )?for|the same for|dasselbe|das gleiche|das selbe|genauso|auch für|auch fuer)\b/.test(lower) &&
      // "and the one on line 2?" names only a target: nothing in it asks for something else.
      !onlyNamesTarget(text, input.assets) &&
      classification.intent in INTENTS &&
      wordCount(text) > 4 &&
      // A follow-up only turns into a write when it says so; a sure classifier alone is not enough.
      (!WRITE_INTENTS.has(classification.intent as Intent) || explicitWrite(classification.intent as Intent, lower))
    )
  ) {
    intent = previousIntent;
    followUp = true;
  }

  // Material words say what they are about before the general rules read "late" or "what if" as a schedule question.
  const materialText = input.pendingQuestion ? combined : text;
  const named = intent ? undefined : resolveAsset(materialText, input.assets);
  const materialRuled = intent
    ? undefined
    : materialRuleIntent(
        materialText,
        input.parts ?? [],
        input.availableTools,
        lastTool,
        named?.kind === 'ambiguous' || (named?.kind === 'one' && named.asset.type !== 'line'),
      );
  if (materialRuled) {
    intent = materialRuled;
    byRule = true;
  }
  // Phrasings the rules miss ("wer liefert zu spät"): the material model decides when the request has a word of the
  // material world and the plant model is not sure of its own reading. A write from it still needs its verb.
  const materialRead = classification.material;
  if (
    !intent &&
    classification.score < CONFIDENT_PLANT_READING &&
    materialEvidence(text, input.parts ?? []) &&
    !ruleIntent(text, lower, input, timeContext) &&
    isMaterialIntent(materialRead?.intent) &&
    materialRead.score >= MATERIAL_CONFIDENCE_THRESHOLD &&
    input.availableTools.has(INTENTS[materialRead.intent].tool) &&
    (!WRITE_INTENTS.has(materialRead.intent) || (explicitWrite(materialRead.intent, lower) && mayAskToSend(text)))
  ) {
    intent = materialRead.intent;
    byRule = true;
  }

  if (!intent) {
    const ruled = ruleIntent(text, lower, input, timeContext);
    if (ruled) {
      intent = ruled.intent;
      byRule = true;
      inheritAsset = ruled.usesPrevious;
    } else if (
      /\b(what if|what happens if|what would happen|suppose|assuming|simulate|would an? (extra|saturday|sunday|weekend)|can we (squeeze|fit|take)|if (the |we )?.*\b(goes down|is down|breaks|fails|late)|was waere wenn|was wäre wenn|was wenn|was passiert wenn|angenommen|simulier|durchspiel\w*|spiel\w* (mal )?durch|lohnt sich|geht das|schaffen wir\b(?=.*\b(eil\w*|rush|zusätz\w*|zusaetz\w*|extra\w*|wochenend\w*|zusatz\w*|samstag\w*|sonntag\w*|sonder\w*|\d+\s*(?:stück|stk|platinen|boards))))/.test(
        lower,
      )
    )
      intent = 'what_if';
    else if (/^(hi|hello|hey|help|hallo|hilfe|what can (you|i)|was kannst du)\b/.test(lower) && wordCount(text) <= 6) intent = 'help';
    else intent = classification.intent as Intent | 'help' | 'smalltalk';
    // The classifier's "help" only for short requests that sound like it; otherwise ask back.
    if (intent === 'help' && !/\b(help|hilfe|hallo|hello|hi|hey|moin|servus|can you|kannst du|what can|was kann|examples?|beispiel\w*)\b/.test(lower))
      return lowConfidence(classification, language, undefined, input.availableTools);
  }

  // A write is proposed only on an explicit request for it; a question about the same thing is a read.
  if (!followUp && !byRule && WRITE_INTENTS.has(intent as Intent) && !explicitWrite(intent as Intent, lower)) {
    const read = classification.alternatives.find(
      (alternative) => alternative.intent in INTENTS && !WRITE_INTENTS.has(alternative.intent as Intent) && alternative.score >= 0.1,
    );
    if (read) intent = read.intent as Intent;
    // "what's the zone 3 setpoint on oven 1": a question about a setpoint reads the machine.
    else if (intent === 'set_setpoint' && /^(what|which|where|how|is|wie|wo|was|welche\w*|ist|steht)\b|\?\s*$/.test(lower)) intent = 'asset_state';
    else if (intent === 'machine_command' && isCommandChatter(text)) return chatterReply(language);
    else
      return lowConfidence(
        { ...classification, intent: 'asset_state' },
        language,
        resolveAsset(combined, input.assets).kind === 'one' ? (resolveAsset(combined, input.assets) as { asset: AssetRef }).asset.id : undefined,
        input.availableTools,
      );
  }

  if (intent === 'help') return { kind: 'reply', reason: 'help', text: capabilities(input.availableTools, language) };

  let resolution = resolveAsset(combined, input.assets);
  // "Wie ist der Netzdruck?": no machine named, but only one machine measures it.
  if (resolution.kind === 'none' && (inheritAsset || (followUp && PRONOUN.test(lower)))) {
    const inherited = inheritedTarget(input.previous, input.assets);
    if (inherited) resolution = { kind: 'one', asset: inherited };
  }
  if (
    resolution.kind === 'none' &&
    (intent === 'asset_state' ||
      intent === 'tag_history' ||
      intent === 'set_setpoint' ||
      intent === 'maintenance_forecast' ||
      intent === 'plant_overview' ||
      classification.score < CONFIDENCE_THRESHOLD)
  )
    resolution = assetByTag(combined, input.assets);
  // "the L2 blower bearing": the line is named, the machine only by its tag.
  if (
    resolution.kind === 'one' &&
    resolution.asset.type === 'line' &&
    (intent === 'asset_state' || intent === 'tag_history' || intent === 'set_setpoint' || intent === 'maintenance_forecast')
  ) {
    const byTag = assetByTag(combined, input.assets);
    if (byTag.kind === 'one') resolution = byTag;
  }
  const targetName = resolution.kind === 'one' ? resolution.asset.id : undefined;

  // A short request that names a machine and nothing the classifier is sure of asks for its state.
  if (
    !followUp &&
    !isMaterialIntent(intent) &&
    resolution.kind === 'one' &&
    // Longer too when the classifier has no reading at all and the request asks about that machine ("kurze Frage: wie steht die Verpackung?").
    (wordCount(text) <= 5 || ((intent as string) === 'None' && resolution.asset.type !== 'line' && /\?\s*$|\b(how|what|wie|was)\b/.test(lower))) &&
    (intent === 'smalltalk' || (intent as string) === 'None' || classification.score < CONFIDENCE_THRESHOLD) &&
    // A short one must not sound like a command at all; a longer question may open with "Stopp, kurze Frage:".
    !(wordCount(text) <= 5 ? parseCommand(text) : imperativeCommand(text))
  ) {
    intent = 'asset_state';
    byRule = true;
  }
  // The plant overview names no machine; asked about one, people want its state.
  if (intent === 'plant_overview' && resolution.kind === 'one' && resolution.asset.type !== 'line') intent = 'asset_state';
  // "how's the packer on line 1": a machine's condition, unless orders or output are asked about.
  if (
    intent === 'production_status' &&
    !byRule &&
    resolution.kind === 'one' &&
    resolution.asset.type !== 'line' &&
    !orderId(combined) &&
    !/\b(order|orders|auftr\w*|job|output|boards?|platinen|pcbs?|units?|stück|produc\w*|produzier\w*|progress|fortschritt|eta|fertig|done|finish\w*|yield|ausbeute|scrap|ausschuss|count|target|ziel|plan|made|built|gemacht)\b/.test(
      lower,
    )
  )
    intent = 'asset_state';
  // A measurement over a window is a trend, not the value now.
  if (intent === 'asset_state' && resolution.kind === 'one' && resolution.asset.type !== 'line') {
    const window = parseTimeWindow(combined, language, timeContext);
    if (window && resolveTag(withoutAssetWords(combined, resolution.asset), resolution.asset.tags).kind === 'one') intent = 'tag_history';
  }

  if (!followUp && !byRule && intent !== 'what_if') {
    const threshold = WRITE_INTENTS.has(intent as Intent) ? WRITE_CONFIDENCE_THRESHOLD : CONFIDENCE_THRESHOLD;
    if (!(intent in INTENTS) || classification.score < threshold) {
      // A bare measurement or trend word ("Druckverlauf", "temps?") is a plant request missing its machine: ask, do not dismiss.
      if (wordCount(text) <= 3 && intent !== 'smalltalk' && /(verlauf|trend|kurve|druck|temperatur|pressure|temp|vibration|speed|geschwindigkeit)/.test(lower))
        return lowConfidence({ ...classification, intent: 'tag_history' }, language, targetName, input.availableTools);
      if (intent === 'smalltalk' || (intent as string) === 'None' || classification.score < 0.2)
        return {
          kind: 'reply',
          reason: 'unknown',
          text: say(
            language,
            `I did not understand that as a question about the plant. I am the offline model: I answer requests I recognise by calling the plant’s tools, and I cannot hold a free conversation (configure an OpenAI-compatible model for that).\n\n${capabilities(input.availableTools, language)}`,
            `Das habe ich nicht als Frage zur Anlage verstanden (I did not understand that). Ich bin das Offline-Modell: Ich beantworte Anfragen, die ich erkenne, mit den Werkzeugen der Anlage, und kann kein freies Gespräch führen.\n\n${capabilities(input.availableTools, language)}`,
          ),
        };
      return lowConfidence(classification, language, targetName, input.availableTools);
    }
  }
  const chosen = intent as Intent;
  // "no, don't release anything yet", "Ofen bloß nicht stoppen": a negated write is no request for one.
  if (WRITE_INTENTS.has(chosen) && NEGATED.test(lower))
    return {
      kind: 'reply',
      reason: 'unknown',
      text: say(language, 'Okay — I will not change anything.', 'In Ordnung — ich ändere nichts.'),
    };
  const tool = INTENTS[chosen].tool;
  if (!input.availableTools.has(tool)) return unavailable(chosen, input.availableTools, language);

  // A follow-up without a target of its own continues with the previous one.
  let asset = resolution.kind === 'one' ? resolution.asset : undefined;
  const lineNamed = mentionedLine(text);
  if (followUp && !asset) {
    const inherited = inheritedTarget(input.previous, input.assets);
    asset = lineNamed ? sameKindOnLine(inherited, lineNamed, input.assets) : inherited;
  } else if (followUp && asset?.type === 'line' && previousIntent === chosen) {
    // "and line 2?" after a question about a machine: the same machine on line 2.
    const inherited = inheritedTarget(input.previous, input.assets);
    if (inherited && inherited.type !== 'line') asset = sameKindOnLine(inherited, asset.id.replace(/\D/g, ''), input.assets) ?? asset;
  }
  // A manual covers every machine of its type, so "the reflow oven" needs no line to be searched.
  const namesLot = orderId(combined) !== undefined || mentionedLine(combined) !== undefined;
  if (
    resolution.kind === 'ambiguous' &&
    !asset &&
    !isMaterialIntent(chosen) &&
    chosen !== 'search_manuals' &&
    chosen !== 'propose_schedule' &&
    // Inspection results cover every AOI: "AOI Ergebnisse" needs no line to be answered.
    chosen !== 'inspection_results' &&
    !((chosen === 'trigger_inspection' || chosen === 'production_status') && namesLot)
  )
    return clarifyAsset(resolution, language);
  const machine = asset && asset.type !== 'line' ? asset : undefined;
  const lineNumberText = asset?.type === 'line' ? asset.id : (asset?.line ?? (mentionedLine(combined) ? `Line${mentionedLine(combined)}` : undefined));
  const utilities = !asset && /\b(utilities|utility|versorgung\w*|medien)\b/.test(lower);
  const lineId = utilities ? (chosen === 'maintenance_forecast' ? 'Utilities' : 'utilities') : lineNumberText;
  const call = (args: Record<string, unknown>): Plan => ({ kind: 'tool', intent: chosen, tool, args, asset });
  const exampleMachine = input.assets.find((a) => a.type !== 'line')?.id ?? 'L1-RFL';
  const needAsset = (what: string): Plan =>
    clarify(
      say(
        language,
        `Which machine do you mean for ${what}? Name it like “the reflow oven on line 1” or by id, e.g. “${exampleMachine}”.`,
        `Welche Maschine meinen Sie für ${what}? Nennen Sie sie z. B. „Ofen Linie 1“ oder mit ID, z. B. „${exampleMachine}“.`,
      ),
    );
  const previousWindow =
    followUp && typeof input.previous?.args.from === 'string' && typeof input.previous?.args.to === 'string'
      ? { from: input.previous.args.from, to: input.previous.args.to }
      : undefined;
  const window = parseTimeWindow(combined, language, timeContext);

  if (isMaterialIntent(chosen))
    return materialPlan({
      intent: chosen,
      text,
      combined,
      language,
      parts: input.parts ?? [],
      earlier: input.earlier,
      previous: input.previous,
      followUp,
      call,
    });

  switch (chosen) {
    case 'plant_overview':
      return call(lineId ? { line: lineId } : {});
    case 'production_status':
      return call(lineId ? { line: lineId } : {});
    case 'asset_state': {
      if (!asset) return needAsset(say(language, 'its state', 'den Zustand'));
      // The asked value is put first by the answer writer; the call reads the whole asset.
      return call({ asset: asset.id });
    }
    case 'alarms': {
      const before = beforeStop(combined);
      const history =
        Boolean(window) ||
        Boolean(previousWindow) ||
        Boolean(before) ||
        WHY.test(lower) ||
        /\b(history|historie|verlauf|were|was there|happened|gab es|hatten|occur|kam|came up|log|overnight|tripped|ausgelöst)\b/.test(lower);
      const state = /\b(acknowledged|acked|quittiert\w*)\b/.test(lower)
        ? 'acknowledged'
        : /\b(shelved|zurückgestellt\w*|zurueckgestellt\w*|unterdrückt\w*)\b/.test(lower)
          ? 'shelved'
          : /\b(cleared|gegangen\w*)\b/.test(lower)
            ? 'cleared'
            : history
              ? 'all'
              : 'active';
      const args: Record<string, unknown> = { state };
      if (machine) args.asset = machine.id;
      else if (lineId) args.line = lineId;
      const code = alarmCode(combined);
      if (code) args.code = code;
      const priorities = parsePriorities(combined) ?? (followUp && Array.isArray(input.previous?.args.priorities) ? input.previous.args.priorities : undefined);
      if (priorities) args.priorities = priorities;
      if (before) {
        args.before = { ...(machine ? { asset: machine.id } : lineId ? { line: lineId } : {}), event: 'stopped', minutes: before.minutes };
        delete args.asset;
        delete args.line;
      } else if (history) {
        const span = window ?? previousWindow ?? lastHour(input.now);
        args.from = span.from;
        args.to = span.to;
      }
      return call(args);
    }
    case 'tag_history': {
      if (!machine) return needAsset(say(language, 'the trend', 'den Verlauf'));
      let tag = resolveTag(withoutAssetWords(combined, machine), machine.tags);
      if (tag.kind === 'none' && followUp && typeof input.previous?.args.tag === 'string') tag = resolveTag(input.previous.args.tag, machine.tags);
      if (tag.kind === 'ambiguous')
        return clarify(
          say(
            language,
            `Which tag of ${machine.name} do you mean: ${list(tag.candidates.slice(0, 6).map((t) => `\`${t.id}\``))}?`,
            `Welchen Messwert von ${machine.name} meinen Sie: ${list(
              tag.candidates.slice(0, 6).map((t) => `\`${t.id}\``),
              'de',
            )}?`,
          ),
        );
      if (tag.kind === 'none')
        return clarify(
          say(
            language,
            `Which tag of ${machine.name} should I trend? Name it, e.g. ${list((machine.tags ?? []).slice(0, 3).map((t) => `\`${t.id}\``)) || '`Zone4.TemperatureC`'}.`,
            `Welchen Messwert von ${machine.name} soll ich zeigen? Z. B. ${list(
              (machine.tags ?? []).slice(0, 3).map((t) => `\`${t.id}\``),
              'de',
            )}.`,
          ),
        );
      const span =
        window ??
        (previousWindow ? { ...previousWindow, minutes: (Date.parse(previousWindow.to) - Date.parse(previousWindow.from)) / 60_000 } : lastHour(input.now));
      return call({ asset: machine.id, tag: tag.tag.id, from: span.from, to: span.to, resolution: resolutionFor(span.minutes) });
    }
    case 'search_manuals': {
      const query = text.replace(/^(please\s+)?((can|could) you\s+)?(look up|search|find|check)\s+(in\s+)?(the\s+)?(manuals?\s+)?(for\s+)?/i, '').trim();
      return call(machine ? { query: query.length >= 2 ? query : combined, asset: machine.id, k: 5 } : { query: query.length >= 2 ? query : combined, k: 5 });
    }
    case 'propose_schedule':
      // The scheduler plans every line together (orders can move between lines).
      return call({});
    case 'release_schedule': {
      const draftId = latestOutput(input.earlier, ['propose_schedule', 'what_if'], (output) => (output as { draftId?: unknown }).draftId);
      if (typeof draftId !== 'string')
        return clarify(
          say(
            language,
            'There is no proposed schedule in this conversation to release. Ask “Propose a schedule for the open orders” first; I then file the release of that draft for a supervisor’s approval.',
            'In diesem Gespräch gibt es keinen Planvorschlag zum Freigeben (no proposed schedule). Fragen Sie zuerst „Schlag einen Plan für die offenen Aufträge vor“; dann reiche ich die Freigabe dieses Entwurfs zur Genehmigung ein.',
          ),
        );
      return call({ draftId });
    }
    case 'what_if': {
      const previousScenario =
        followUp && input.previous?.tool === 'what_if' && typeof input.previous.args.scenario === 'object'
          ? (input.previous.args.scenario as PreviousScenario)
          : undefined;
      const scenario = whatIfScenario(followUp ? text : combined, machine, lineId, {
        previous: previousScenario,
        extraShiftDate: namedDay(combined, timeContext)?.iso,
      });
      if (scenario.kind === 'clarify') return clarify(scenario.text);
      return call({ scenario: scenario.scenario });
    }
    case 'explain_late_order': {
      const order = orderId(combined);
      if (!order)
        return clarify(
          say(
            language,
            'Which order do you mean? Give its id, e.g. “Why is order PO-24118 late?”.',
            'Welchen Auftrag meinen Sie (Which order)? Nennen Sie die Nummer, z. B. „Warum ist PO-24118 spät?“.',
          ),
        );
      return call({ order });
    }
    case 'maintenance_forecast':
      return call(machine ? { asset: machine.id } : lineId ? { line: lineId } : {});
    case 'list_work_orders': {
      const status = /\bin ?progress\b|\bin arbeit\b|\blaufende\b|\blaufen\b|\bongoing\b/.test(lower)
        ? 'in_progress'
        : /\b(planned|geplant\w*|eingeplant)\b/.test(lower)
          ? 'planned'
          : /\b(done|closed|completed|finished|erledigt\w*|abgeschlossen\w*|fertig\w*)\b/.test(lower)
            ? 'done'
            : /\b(cancel+ed|storniert\w*)\b/.test(lower)
              ? 'cancelled'
              : undefined;
      const limit = Number(/\b(?:last|latest|letzten?)\s+(\d{1,3})\b/.exec(lower)?.[1]);
      return call({ ...(machine ? { asset: machine.id } : {}), ...(status ? { status } : {}), ...(Number.isInteger(limit) && limit > 0 ? { limit } : {}) });
    }
    case 'create_work_order':
      return workOrderPlan(input, combined, machine, call, needAsset, language);
    case 'trigger_inspection': {
      const lot = orderId(combined) ?? /\blot\s+(\w+)/i.exec(combined)?.[1] ?? /\blos\s+(\w+)/i.exec(combined)?.[1];
      const span = /\b(?:boards?|pcbs?|platinen|baugruppen)\s+(\d{1,4})\s*(?:to|bis|-|–)\s*(\d{1,4})\b/i.exec(combined);
      const previousBoards = followUp && typeof input.previous?.args.boards === 'number' ? input.previous.args.boards : undefined;
      const boards = span
        ? Number(span[2]) - Number(span[1]) + 1
        : Number(/\b(\d{1,3})\s*(boards?|pcbs?|platinen|baugruppen|boards)\b/i.exec(combined)?.[1] ?? previousBoards);
      const args: Record<string, unknown> = {};
      if (lot) args.lot = lot;
      const inspectionLine = machine?.line ?? lineId;
      if (inspectionLine) args.line = inspectionLine;
      if (Number.isInteger(boards) && boards > 0) args.boards = boards;
      if (span) args.firstSerial = Number(span[1]);
      if (!args.lot && !args.line)
        return clarify(
          say(
            language,
            'Which line or lot should I inspect? Say e.g. “run an inspection on line 1” or “inspect lot PO-24117”.',
            'Welche Linie oder welches Los soll ich prüfen? Z. B. „Inspektion auf Linie 1 starten“.',
          ),
        );
      return call(args);
    }
    case 'inspection_results': {
      const lot =
        orderId(combined) ??
        (input.previous?.tool === 'trigger_inspection' && typeof input.previous.args.lot === 'string' ? input.previous.args.lot : undefined);
      const args: Record<string, unknown> = {};
      if (lot) args.lot = lot;
      const inspectionLine = machine?.line ?? lineId;
      if (inspectionLine) args.line = inspectionLine;
      // The AOI machine itself, when named, for models and readers that filter by machine.
      if (machine) args.asset = machine.id;
      if (window) {
        args.from = window.from;
        args.to = window.to;
      }
      return call(args);
    }
    case 'generate_shift_handover': {
      const current =
        /\b(current|this shift|my shift|so far|running|ongoing|aktuelle\w*|laufende\w*|bis jetzt|bisher|diese schicht|meine\w* schicht|seit schichtbeginn|ich geh\w*|i'?m leaving|i leave|i'?m off|before i go)\b/.test(
          lower,
        );
      const previous = /\b(last|previous|prior|letzte\w*|vorige\w*|vorherige\w*|night|nacht\w*)\b/.test(lower);
      // The report covers the plant; the line asked about is passed along for the answer's headline.
      const line = lineId ? { line: lineId } : {};
      if (current) return call({ shift: 'current', ...line });
      if (previous) return call({ shift: 'previous', ...line });
      const span = window;
      return call(span ? { from: span.from, to: span.to, ...line } : line);
    }
    case 'set_setpoint':
      return setpointPlan(text, combined, machine, language, call, needAsset);
    case 'machine_command': {
      if (isCommandChatter(text) && !parseCommand(text)) return chatterReply(language);
      const command = parseCommand(text);
      if (!command)
        return clarify(
          say(
            language,
            `Which command do you mean${asset ? ` for ${asset.id}` : ''}: start, stop, hold, unhold (resume), reset or clear? I do not guess a command.`,
            `Welchen Befehl meinen Sie${asset ? ` für ${asset.id}` : ''}: start, stop, hold, unhold (fortsetzen), reset oder clear? Einen Befehl rate ich nicht.`,
          ),
        );
      if (!asset) return needAsset(say(language, 'the command', 'den Befehl'));
      return call({ asset: asset.id, command });
    }
  }
}

/** Words many machines' tags share; alone they do not say which machine is meant. */
const GENERIC_MEASUREMENTS = new Set([
  'temperature',
  'pressure',
  'speed',
  'vibration',
  'current',
  'power',
  'energy',
  'count',
  'flow',
  'setpoint',
  'state',
  'zone',
  'motor',
  'bearing',
  'time',
  'rate',
  'level',
  'good',
  'scrap',
  'total',
  'cycle',
  'order',
  'product',
  'active',
  'alarm',
  'alarms',
]);

/** The asset whose tags alone match the request ("header pressure" → the compressor), if just one. */
function assetByTag(text: string, assets: AssetRef[]): AssetResolution {
  const words = tagQueryWords(text);
  if (words.length === 0) return { kind: 'none' };
  const line = mentionedLine(text);
  let owners = assets.filter((asset) => asset.type !== 'line' && resolveTag(text, asset.tags).kind === 'one' && strongTagMatch(text, asset));
  if (line && owners.some((asset) => asset.line?.replace(/\D/g, '') === line)) owners = owners.filter((asset) => asset.line?.replace(/\D/g, '') === line);
  if (owners.length === 1) return { kind: 'one', asset: owners[0]! };
  if (owners.length > 1 && owners.length <= 4) return { kind: 'ambiguous', candidates: owners, phrase: text };
  return { kind: 'none' };
}

/** Whether the request names a tag of the asset by at least two of its words or a distinctive one (O2). */
function strongTagMatch(text: string, asset: AssetRef): boolean {
  const tag = resolveTag(text, asset.tags);
  if (tag.kind !== 'one') return false;
  const own = tagQueryWords(`${tag.tag.id.replace(/([a-z])([A-Z0-9])/g, '$1 $2').replace(/\./g, ' ')} ${tag.tag.name ?? ''}`);
  const typed = tagQueryWords(text);
  const shared = [...new Set(own)].filter((word) => typed.includes(word));
  return shared.length >= 2 || shared.some((word) => !GENERIC_MEASUREMENTS.has(word));
}

/** The request without the words that named the asset, so "printer" is not read as "print speed". */
function withoutAssetWords(text: string, asset: AssetRef): string {
  if (/\b[A-Z][A-Za-z0-9]*\.[A-Za-z0-9]+\b/.test(text)) return text;
  // Only the words of the names typed: "spi paste volume" keeps "paste", which only the alias "solder paste inspection" has.
  const typed = ` ${tokens(text).join(' ')} `;
  const aliases = aliasesOf(asset);
  const present = aliases.filter((alias) => typed.includes(` ${alias} `));
  const aliasWords = new Set((present.length > 0 ? present : aliases).flatMap((alias) => alias.split(' ')));
  // The machine's own number goes with its name ("Bestücker 1 Vakuum" is not "vacuum 1"); a zone keeps its number.
  let previousDropped = false;
  return tokens(text)
    .filter((word) => {
      const keep = /^\d/.test(word) ? !previousDropped : !aliasWords.has(word) || /^zone/.test(word);
      previousDropped = !keep;
      return keep;
    })
    .join(' ');
}

/** The words that ask for a write of each kind, in English and German. */
const WRITE_VERBS: Partial<Record<Intent, RegExp>> = {
  create_work_order:
    /\b(book|create|file|raise|open|schedule|plan|log|add|enter|put in|request|order|make|buch\w*|anleg\w*|leg\w*|erstell\w*|eroeffne|eröffne|einplan\w*|plane|beauftrag\w*|anforder\w*|erfass\w*|trag\w*|hinzufueg\w*|hinzufüg\w*|mach\w*|stell\w*)\b/,
  release_schedule:
    /\b(release|publish|activate|apply|use|go with|commit|roll out|push|send|deploy|switch|make|put|set|approve|freigeb\w*|frei|veroeffentlich\w*|veröffentlich\w*|aktivier\w*|uebernehm\w*|übernehm\w*|nimm|nehmen|einspielen|ausroll\w*|kraft|umstellen|verwend\w*|verbindlich|gilt|setz\w*|schick\w*)\b/,
  set_setpoint:
    /\b(set|change|raise|lower|increase|decrease|adjust|reduce|bump|crank|drop|turn|take|bring|put|make|up|need|should|new|setz\w*|stell\w*|aender\w*|änder\w*|erhoeh\w*|erhöh\w*|senk\w*|reduzier\w*|anpass\w*|bring\w*|dreh\w*|nimm|hoch|runter|brauchen|soll|neue\w*)\b|\b(to|auf)\s+-?\d/,
  machine_command: /./,
  dispatch_transport: /\b(send|dispatch|go|start|schick\w*|sende\w*|versende\w*|los\w*|beauftrag\w*|fahr\w*|starte\w*)\b/,
};

/** A question about a value or a report of one: "was zone 3 at 185 yesterday?", "wer hat Zone 3 auf 185 gestellt", "can the oven handle 260?". */
const ASKS_OR_REPORTS =
  /^(was|were|is|are|should|shall|did|does|why|what|when|how|who|which|can (?:the|it|this|that)|could (?:the|it|this|that)|would|wer|wie|war|ist|sind|stand|hat|hatte|warum|wieso|weshalb|welche\w*|soll\w*|muss\w*|kann (?:der|die|das))\b|\b(was set|were set|was at|stood|stand|gestellt hat|yesterday|gestern|earlier|vorhin|by the (?:night|early|late) shift|history|historie|spec says|laut spec|maybe|perhaps|i think|i guess|vielleicht|eventuell|sollten wir|should we|ich glaube|ich denke)\b|\bhat\b.*\bgestellt\b/;

function explicitWrite(intent: Intent, lower: string): boolean {
  if (ASKS_OR_REPORTS.test(lower)) return false;
  if (
    /^(show|list|which|what|how many|are there|is there|zeig\w*|welche\w*|was|wie viele|gibt es)\b/.test(lower) &&
    intent !== 'set_setpoint' &&
    intent !== 'machine_command'
  )
    return false;
  if (intent === 'machine_command') return imperativeCommand(lower);
  return WRITE_VERBS[intent]?.test(lower) ?? false;
}

function chatterReply(language: Language): Plan {
  return {
    kind: 'reply',
    reason: 'unknown',
    text: say(
      language,
      'Okay — I did not take that as a command for a machine. Ask again when you are ready.',
      'In Ordnung — das habe ich nicht als Befehl für eine Maschine verstanden. Fragen Sie einfach wieder.',
    ),
  };
}

/** "take zone 3 up by 5" is relative: without the current value there is no exact target to approve. */
const RELATIVE_CHANGE = /\b(by|um)\s+-?\d+(?:[.,]\d+)?\s*(?:degrees?|grad|°c?|bar|%|k)?\b(?!\s*(?:to|auf))/i;
const TARGET_VALUE = /\b(?:to|at|auf|=|is|should be|soll|sollen)\s*:?\s*(-?\d+(?:[.,]\d+)?)/i;

function setpointPlan(
  text: string,
  combined: string,
  machine: AssetRef | undefined,
  language: Language,
  call: (args: Record<string, unknown>) => Plan,
  needAsset: (what: string) => Plan,
): Plan {
  if (!machine) return needAsset(say(language, 'the setpoint change', 'die Sollwertänderung'));
  if (RELATIVE_CHANGE.test(text) && !TARGET_VALUE.test(text))
    return clarify(
      say(
        language,
        `To what value exactly? A change “by” an amount needs the current setpoint, and an approval must name the exact new value. Say e.g. “set zone 3 of ${machine.id} to 190”.`,
        `Auf welchen Wert genau? Eine Änderung „um“ einen Betrag braucht den aktuellen Sollwert, und eine Freigabe muss den genauen neuen Wert nennen. Z. B. „Zone 3 von ${machine.id} auf 190 setzen“.`,
      ),
    );
  const raw = TARGET_VALUE.exec(combined)?.[1] ?? /:\s*(-?\d+(?:[.,]\d+)?)\s*$/.exec(combined)?.[1] ?? setpointValue(text)?.toString();
  if (raw === undefined)
    return clarify(
      say(
        language,
        `What value should the setpoint of ${machine.name} be? Say e.g. “set zone 4 setpoint of ${machine.id} to 245”.`,
        `Welchen Wert soll der Sollwert von ${machine.name} haben (What value)? Z. B. „Zone 4 Sollwert von ${machine.id} auf 245 setzen“.`,
      ),
    );
  const value = Number(raw.replace(',', '.'));
  const writable = (machine.tags ?? []).filter((t) => t.writable || /setpoint|sp$/i.test(t.id));
  // "zone 3" names the setpoint by its zone; the writable tags are the only candidates.
  const tag = resolveTag(`${combined} setpoint`, writable, { writableOnly: true });
  if (tag.kind !== 'one') {
    return clarify(
      say(
        language,
        `Which setpoint of ${machine.name} do you mean${writable.length ? `: ${list(writable.slice(0, 8).map((t) => `\`${t.id}\``))}` : ''}?`,
        `Welchen Sollwert von ${machine.name} meinen Sie${
          writable.length
            ? `: ${list(
                writable.slice(0, 8).map((t) => `\`${t.id}\``),
                'de',
              )}`
            : ''
        }?`,
      ),
    );
  }
  return call({ asset: machine.id, tag: tag.tag.id, value });
}

/** The late order a schedule earlier in the conversation reported (any field naming an order next to lateness). */
function lateOrder(earlier: EarlierResult[] | undefined): string | undefined {
  for (const result of [...(earlier ?? [])].reverse()) {
    if (result.tool !== 'propose_schedule' && result.tool !== 'what_if' && result.tool !== 'explain_late_order') continue;
    const found = findLate(result.output, false);
    if (found) return found;
  }
  return undefined;
}

function findLate(value: unknown, inLate: boolean): string | undefined {
  if (typeof value === 'string') return inLate && /^[A-Z]{2,3}-\d{3,}$/.test(value) ? value : undefined;
  if (Array.isArray(value)) {
    for (const item of value) {
      const found = findLate(item, inLate);
      if (found) return found;
    }
    return undefined;
  }
  if (!value || typeof value !== 'object') return undefined;
  const record = value as Record<string, unknown>;
  const late =
    inLate ||
    record.late === true ||
    Object.entries(record).some(([key, inner]) => /tardiness|late|delay/i.test(key) && typeof inner === 'number' && inner > 0);
  for (const [key, inner] of Object.entries(record)) {
    const found = findLate(inner, late || /late|tardy|delayed/i.test(key));
    if (found) return found;
  }
  return undefined;
}

/**
 * Requests whose form says what they are, whatever the classifier reads: a value for a writable tag,
 * a command verb in command position, a question about an order, an alarm code's meaning, a trend.
 */
function ruleIntent(
  text: string,
  lower: string,
  input: PlanInput,
  timeContext: { now: Date; timeZone: string },
): { intent: Intent; usesPrevious: boolean } | undefined {
  const found = ruleIntentOf(text, lower, input, timeContext);
  return found ? { intent: found[0], usesPrevious: found[1] } : undefined;
}

function ruleIntentOf(text: string, lower: string, input: PlanInput, timeContext: { now: Date; timeZone: string }): [Intent, boolean] | undefined {
  const previousAsset =
    input.previous && typeof input.previous.args.asset === 'string' ? input.assets.find((asset) => asset.id === input.previous!.args.asset) : undefined;
  let resolution = resolveAsset(text, input.assets);
  if (resolution.kind === 'none') {
    const byTag = assetByTag(text, input.assets);
    // "zone 3 looks a bit cold" after a question about oven 1: that oven, not "which oven?".
    // "setz ihn zurück" after a question about placer 1: "ihn" is that placer, not whichever machine's tag "Fehler" fits.
    resolution = byTag.kind === 'ambiguous' && previousAsset && (byTag.candidates.includes(previousAsset) || PRONOUN.test(lower)) ? { kind: 'none' } : byTag;
  }
  const machine = resolution.kind === 'one' ? resolution.asset : resolution.kind === 'ambiguous' ? resolution.candidates[0] : undefined;
  const target = machine ?? (PRONOUN.test(lower) || wordCount(text) <= 4 ? previousAsset : undefined);
  const usesPrevious = !machine && target !== undefined;
  if (beforeStop(text)) return ['alarms', false];
  if (
    target &&
    target.type !== 'line' &&
    setpointValue(text) !== undefined &&
    !/\b(what if|was wäre|was waere|trend|verlauf|history|alarm)/.test(lower) &&
    !ASKS_OR_REPORTS.test(lower)
  ) {
    if (strongWritable(text, target)) return ['set_setpoint', usesPrevious];
  }
  if (imperativeCommand(text) && (target || resolution.kind !== 'none')) return ['machine_command', usesPrevious];
  const hasDraft = (input.earlier ?? []).some(
    (result) => (result.tool === 'propose_schedule' || result.tool === 'what_if') && typeof (result.output as { draftId?: unknown })?.draftId === 'string',
  );
  if (
    hasDraft &&
    /\b(release|publish|push|send|submit|go live|live|activate|freigeb\w*|freigabe|frei|einreich\w*|aktivier\w*|veröffentlich\w*)\b/.test(lower) &&
    !/\?$/.test(lower)
  )
    return ['release_schedule', false];
  if (input.previous?.tool === 'trigger_inspection' && /\b(results?|ergebnis\w*|befund\w*|outcome)\b/.test(lower)) return ['inspection_results', false];
  const booking = /\b(work order|wo|arbeitsauftrag|instandhaltungsauftrag|wartungsauftrag|auftrag anlegen|einplanen|book|buch\w*|maintenance|wartung)\b/.test(
    lower,
  );
  if (booking && resolution.kind !== 'none' && (slotWindow(text, timeContext) || /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}.*\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(text)))
    return ['create_work_order', false];
  // Wear and remaining life are the forecast's subject: "how much life is left in the blower", "RUL for line 2", "Restlebensdauer".
  if (
    /\b(life (?:is )?left|life does .* have left|remaining (?:useful )?life|rul|restlebensdauer|restnutzungsdauer|lebensdauer|wear(?:ing)? out|gives? up|verschlei(?:ß|ss)\w*)\b/.test(
      lower,
    ) &&
    !imperativeCommand(text)
  )
    return ['maintenance_forecast', false];
  if (target && target.type !== 'line' && !orderId(text) && /\b(due|fällig|faellig)\b/.test(lower) && !/\b(rush|eil\w*|order|auftrag)\b/.test(lower))
    return ['maintenance_forecast', usesPrevious];
  // "utilities all good?", "Versorgung ok?": the utilities as a whole are the overview's line "utilities".
  if (
    !machine &&
    /\b(utilities|utility|versorgung|medien)\b/.test(lower) &&
    /\b(ok|okay|good|fine|status|alright|running|alles|gut|läuft|laeuft|laufen|in ordnung|wie)\b/.test(lower) &&
    wordCount(text) <= 6
  )
    return ['plant_overview', false];
  // "Arbeitsaufträge für den Kompressor", "work orders on the chiller": work orders in the plural, with no verb that books one, are a list.
  if (
    /\b(work orders|wos|arbeitsauftr(?:ä|ae)ge\w*|wartungsauftr(?:ä|ae)ge\w*|instandhaltungsauftr(?:ä|ae)ge\w*)\b/.test(lower) &&
    !explicitWrite('create_work_order', lower)
  )
    return ['list_work_orders', false];
  // "handover from 7 until now": the word names the report.
  if (
    /\b(handover|hand-over|shift report|übergabe\w*|uebergabe\w*|schichtübergabe\w*|schichtuebergabe\w*|schichtbericht\w*)\b/.test(lower) &&
    !/\b(manual|handbuch|how do i|wie mache ich)\b/.test(lower)
  )
    return ['generate_shift_handover', false];
  // "propose a schedule, is anything late?", "Plan bitte neu rechnen": a new plan first, whatever else is asked with it.
  if (
    /^(?:please |pls |bitte |ok,? )?(propose|suggest|draft|recalculate|re-?plan|reschedule)\b.*\b(schedule|plan)\b/.test(lower) ||
    /^(?:bitte )?(schlag\w*|erstell\w*)\b.*\b(plan|planung)\w*\b/.test(lower) ||
    /\b(plan|planung|zeitplan)\b.*\bneu (rechnen|berechnen|planen|machen)\b/.test(lower)
  )
    return ['propose_schedule', false];
  if (
    orderId(text) &&
    /\b(material|parts|paste|teile|bauteile|lieferung|components?)\b/.test(lower) &&
    /\b(late|delay\w*|spät\w*|spaet\w*|verspät\w*|\d+\s*(h|hours|stunden))\b/.test(lower)
  )
    return ['what_if', false];
  if (
    orderId(text) &&
    !/\b(how (did|was|were|is)|wie (war|waren|ist|hat)|what did|was hat|was haben)\b/.test(lower) &&
    /\b(run|start|trigger|inspect\w*|prüf\w*|pruef\w*|check\w*)\b/.test(lower) &&
    /\b(aoi|inspect\w*|inspektion|prüf\w*|pruef\w*|checked)\b/.test(lower) &&
    // "Prüfergebnisse", "inspection results", "yield": asking what came out, not starting one.
    !/(result|ergebnis|befund|yield|ausbeute)/.test(lower)
  )
    return ['trigger_inspection', false];
  if (
    /\b\d+\s*(?:x|pcs|stück|stk|boards?)?\s*(?!PO-)[A-Z]{2,5}-[A-Z0-9]{2,}\b/.test(text) &&
    /\b(due|fällig|faellig|zusätzlich|zusaetzlich|rush|eil\w*|squeeze|urgent|dringend|in \d+\s*(h|hours|stunden))\b/i.test(text)
  )
    return ['what_if', false];
  const order = orderId(text);
  if (
    order &&
    /\b(why|warum|wieso|weshalb|late|spät|spaet|verspät\w*|delay\w*|verzug|blockier\w*|holding up|hold-?ups?|stuck|block\w*|hängt|haengt|grund|rechtzeitig|on time|pünktlich|puenktlich)\b/.test(
      lower,
    )
  )
    return ['explain_late_order', false];
  if (
    order &&
    /\b(when|wann|eta|how far|wie weit|progress|fortschritt|fertig|done|finish\w*|ready|schaffen|make it|on track|im plan)\b/.test(lower) &&
    !/\b(inspect|prüf|pruef|aoi)\w*/.test(lower)
  )
    return ['production_status', false];
  if (alarmCode(text) && /\b(mean\w*|bedeut\w*|what (to|do i|should i) do|was tun|was mache|cause|ursache|fix|beheb\w*)\b/.test(lower))
    return ['search_manuals', false];
  if (/\b(what (to|do i|should i|do we) do|was tun|was mache ich|was machen wir)\b/.test(lower) && !imperativeCommand(text)) return ['search_manuals', false];
  // "how many of the 600 boards are done", "wie viele sind schon fertig": the order's progress.
  if (
    /\b(how many|wie ?viele)\b.*\b(done|finished|built|made|completed?|through|fertig\w*|gebaut|produziert|durch)\b/.test(lower) &&
    !/\b(inspect\w*|inspektion|prüf\w*|pruef\w*|aoi|work orders?|arbeitsauftr\w*|wartung\w*|maintenance|alarm\w*)\b/.test(lower)
  )
    return ['production_status', false];
  // "what's the handover procedure", "wie läuft eine Sperre ab", "how does lockout work": the manuals' subject, not the plant's state.
  if (
    (/\b(procedures?|prozedur\w*|vorgehen|vorgehensweise|ablauf|anleitung|vorgaben?|richtlinien?|regeln|rules|policy|checklist\w*|sop|escalat\w*|eskalation\w*|eskalier\w*|allowed|erlaubt|zulässig|zulaessig|how long (?:may|can|should)|wie lange (?:darf|dürfen|duerfen|kann|soll))\b/.test(
      lower,
    ) ||
      /^(wie (funktioniert|läuft|laeuft)\b.*\bab\b|how does\b.*\bwork\b)|\bwie (geht|macht man) (das|man das)\b/.test(lower) ||
      /^wie funktioniert\b/.test(lower)) &&
    !imperativeCommand(text)
  )
    return ['search_manuals', false];
  // "how to recalibrate the spi", "wie wechsle ich die Düse": a procedure, whatever machine it names.
  if (
    /^(how (?:do|can|should|would) (?:i|we|you|one)|how to|wie (?:mache|kann|soll|muss|wechsle|tausche|reinige|kalibriere|richte|stelle) (?:ich|man|wir))\b/.test(
      lower,
    ) &&
    /\b(clean|change|replace|swap|calibrate|recalibrate|adjust|align|load|unload|install|remove|fix|clear|reset|set up|setup|handle|deal|wechs\w*|tausch\w*|reinig\w*|kalibrier\w*|justier\w*|einricht\w*|richte|einstell\w*|stelle|beheb\w*|quittier\w*|zurücksetz\w*|wechsle)\b/.test(
      lower,
    )
  )
    return ['search_manuals', false];
  const window = parseTimeWindow(text, detectLanguage(text), timeContext);
  if (
    window &&
    target &&
    target.type !== 'line' &&
    !/\b(alarm\w*|alert\w*|störung\w*|inspect\w*|ergebnis\w*|results?)\b/.test(lower) &&
    strongTagMatch(withoutAssetWords(text, target), target)
  )
    return ['tag_history', usesPrevious];
  if (
    (/\b(alarm\w*|alerts?|störmeldung\w*)\b/.test(lower) ||
      (/\b(beep\w*|piep\w*|buzz\w*|horn|hupt|hupe)\b/.test(lower) && /\b(active|aktiv|what|was)\b/.test(lower))) &&
    !isCommandChatter(lower) &&
    !/\b(mean\w*|bedeut\w*|manual|handbuch)\b/.test(lower)
  )
    return ['alarms', false];
  if (
    /\b(trend|verlauf|kurve|chart|plot|graph|history of|historie)\b/.test(lower) &&
    target &&
    target.type !== 'line' &&
    resolveTag(withoutAssetWords(text, target), target.tags).kind === 'one'
  )
    return ['tag_history', usesPrevious];
  return undefined;
}

/** Whether the request names a writable tag by its own words (a zone number, a setpoint's description). */
function strongWritable(text: string, asset: AssetRef): boolean {
  const typed = new Set(tagQueryWords(withoutAssetWords(text, asset)));
  return (asset.tags ?? [])
    .filter((tag) => tag.writable)
    .some((tag) => {
      const own = new Set(tagQueryWords(`${tag.id.replace(/([a-z])([A-Z0-9])/g, '$1 $2').replace(/\./g, ' ')} ${tag.name ?? ''}`));
      own.delete('setpoint');
      return [...own].some((word) => typed.has(word) && (/\d/.test(word) || !GENERIC_MEASUREMENTS.has(word) || own.size === 1));
    });
}

/** The new value a setpoint request gives: "to 185", "auf 48", "-> 175", "245 pls", "175°C". */
function setpointValue(text: string): number | undefined {
  const match =
    /(?:\bto|\bauf|->|→|=|\bat)\s*:?\s*(-?\d+(?:[.,]\d+)?)/i.exec(text) ??
    (/\b(?:zone\s*\d+|setpoint|sollwert)\b/i.test(text)
      ? /\b(\d{2,4}(?:[.,]\d+)?)\s*(?:°\s*c|grad|degrees|c\b|bar|n\b|mm\/s)?\s*(?:pls|please|bitte)?[\s.!]*$/i.exec(text)
      : null);
  if (!match) return undefined;
  const value = Number(match[1]!.replace(',', '.'));
  return Number.isFinite(value) ? value : undefined;
}

/** A command verb in command position: at the start of a clause (after "please", "can you") or, in German, at its end. */
function imperativeCommand(text: string): boolean {
  const lower = text.toLowerCase();
  if (isCommandChatter(lower) && !/,\s*(please\s+)?(start|stop|hold|unhold|resume|reset|restart)\b/.test(lower)) return false;
  // Questions, including whether to ("should I reset it?", "soll ich ihn stoppen?"), command nothing.
  if (
    /^(why|what|when|how|is|are|was|did|does|should|shall|must|ought|do i|do we|wann|warum|wieso|wie|ist|sind|steht|läuft|laeuft|soll\w*|muss\w*|müssen|muessen)\b/.test(
      lower,
    )
  )
    return false;
  // A hedge is a thought, not an order: "vielleicht sollten wir den Drucker zurücksetzen", "I think it needs a reset".
  if (
    /\b(maybe|perhaps|i think|i guess|might|vielleicht|eventuell|evtl|sollten wir|should we|ich glaube|ich denke|könnte man|koennte man|müsste man|muesste man)\b/.test(
      lower,
    )
  )
    return false;
  // "inspektion auf linie 2 starten", "start the schedule": a process is started, not a machine.
  if (
    /\b(inspection|inspektion\w*|prüfung|pruefung|prüflauf|prueflauf|schedule|zeitplan|simulation|szenario|scenario|transport|fahrt|milkrun|handover|übergabe|uebergabe|work order|arbeitsauftrag)\b/.test(
      lower,
    )
  )
    return false;
  const clauses = lower
    .split(/[,.;!?]|\b(?:and|then|und|dann)\b/)
    .map((clause) => clause.trim().replace(/^((please|pls|can you|could you|bitte|kannst du|könntest du|mal|now|jetzt|ok|okay)\s+)+/, ''));
  return clauses.some((clause) => {
    if (!clause || parseCommand(clause) === undefined) return false;
    const words = clause.split(/\s+/);
    // "stop, quick one: is the oven …" — a lone command word before a question is an interjection.
    if (words.length === 1 && clauses.filter(Boolean).length > 1) return false;
    const first = words[0] ?? '';
    const last = words.at(-1) ?? '';
    // Telegram style, the verb last: "pnp2 line 1 restart pls" — a bare command, no "had a stop".
    const bare = words.filter((word) => !/^(please|pls|plz|bitte|now|jetzt|asap|sofort)$/.test(word));
    if (
      bare.length >= 2 &&
      bare.length <= 5 &&
      /^(restart|reset|start|stop|hold|resume|unhold)$/.test(bare.at(-1)!) &&
      !bare.some((word) => /^(had|has|have|was|were|a|an|the|any|did|got|no|not|hatte|hat|gab|ein|eine|einen|kein|keine)$/.test(word))
    )
      return true;
    return (
      parseCommand(first) !== undefined ||
      /^(shut|switch|turn|power|bring|put|take|get|let|fire|kick|release|fahr|nimm|lass|setz|halte|starte|stopp|stoppe|unhold|resume)$/.test(first) ||
      /^(stoppen|anhalten|starten|pausieren|abschalten|ausschalten|einschalten|herunterfahren|hochfahren|anfahren|zurücksetzen|zuruecksetzen|fortsetzen|quittieren|zurück|zurueck|again|it)$/.test(
        last,
      )
    );
  });
}
