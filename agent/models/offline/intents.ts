/**
 * The offline model's understanding: a request in plain English becomes one intent, each intent
 * maps to one registry tool, and its arguments come from entities resolved against the live asset
 * list. Pure: no clock (passed in), no I/O, so it is table-tested.
 */
import type { AssetRef } from '../../assets';
import { mentionedLine, resolveAsset, resolveTag, type AssetResolution } from './asset-resolver';
import { latestOutput } from './earlier-results';
import { correctTypos, tokens } from './text';
import { whatIfScenario } from './what-if-scenario';

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
} as const;
export type Intent = keyof typeof INTENTS;

export type Plan =
  | { kind: 'tool'; intent: Intent; tool: string; args: Record<string, unknown>; asset?: AssetRef }
  | { kind: 'reply'; reason: 'clarify' | 'unavailable' | 'help' | 'unknown'; text: string };

/** A tool result earlier in the conversation (oldest first), for requests that refer back to one ("book it"). */
export type EarlierResult = { tool: string; args: Record<string, unknown>; output: unknown };

export type PlanInput = {
  text: string;
  earlier?: EarlierResult[];
  /** The question before a clarifying reply ("which one?"), so "line 2" can finish it. */
  pendingQuestion?: string;
  assets: AssetRef[];
  availableTools: ReadonlySet<string>;
  now: Date;
};

/** Words the patterns below rely on; misspellings of these are corrected first. */
const VOCABULARY = [
  'alarm',
  'alarms',
  'alert',
  'alerts',
  'active',
  'history',
  'overview',
  'production',
  'output',
  'throughput',
  'schedule',
  'maintenance',
  'forecast',
  'inspection',
  'inspect',
  'results',
  'defects',
  'handover',
  'manual',
  'manuals',
  'procedure',
  'setpoint',
  'temperature',
  'pressure',
  'vibration',
  'trend',
  'status',
  'state',
  'running',
  'stopped',
  'reflow',
  'printer',
  'stencil',
  'compressor',
  'chiller',
  'remaining',
  'failure',
  'orders',
  'order',
  'shift',
  'report',
  'summary',
  'delayed',
  'happen',
  'overview',
  'explain',
  'change',
  'increase',
  'decrease',
  'trigger',
  'latest',
  'yesterday',
  'minutes',
  'hours',
];

const COMMANDS: [RegExp, string][] = [
  [/\b(unhold|resume|continue)\b/, 'unhold'],
  [/\b(hold|pause)\b|\bon hold\b/, 'hold'],
  [/\b(stop|halt|shut down|shutdown)\b/, 'stop'],
  [/\b(start|restart)\b/, 'start'],
  [/\breset\b/, 'reset'],
  [/\bclear\b/, 'clear'],
];

const MINUTE_MS = 60_000;

/** "last 2 hours", "past 30 minutes", "today", "yesterday" → a window ending now (default 1 h). */
export function timeWindow(text: string, now: Date): { from: string; to: string; minutes: number } {
  const normal = text.toLowerCase();
  let minutes = 60;
  const amount = /\b(?:last|past|previous)\s+(\d+(?:\.\d+)?)?\s*(minute|min|hour|hr|h|day|shift)s?\b/.exec(normal);
  if (amount) {
    const count = Number(amount[1] ?? 1);
    const unit = amount[2]!;
    minutes = count * (unit.startsWith('min') ? 1 : unit.startsWith('day') ? 1440 : unit === 'shift' ? 480 : 60);
  } else if (/\byesterday\b/.test(normal)) minutes = 2 * 1440;
  else if (/\btoday\b/.test(normal)) minutes = 1440;
  else if (/\b(this|last) shift\b/.test(normal)) minutes = 480;
  return { from: new Date(now.getTime() - minutes * MINUTE_MS).toISOString(), to: now.toISOString(), minutes };
}

function resolutionFor(minutes: number): string {
  if (minutes <= 120) return '1m';
  if (minutes <= 720) return '5m';
  if (minutes <= 2880) return '15m';
  return '1h';
}

function detectIntent(text: string): Intent | undefined {
  const t = text;
  const imperative = /^(please\s+)?((can|could|would) you\s+)?(please\s+)?(start|stop|halt|hold|pause|put|unhold|resume|reset|abort|clear|restart|shut)\b/;
  if (imperative.test(t)) return 'machine_command';
  if (/\b(set|change|raise|lower|increase|decrease|adjust)\b.*\b(to|by)\s+-?\d/.test(t) || /\b(change|adjust)\b.*\bsetpoint\b/.test(t)) return 'set_setpoint';
  if (/\bwhat if\b|\bwhat would happen\b|\bwhat happens if\b/.test(t)) return 'what_if';
  if (/\b(release|publish)\b.*\b(schedule|plan|draft|sequence|it|that)\b/.test(t)) return 'release_schedule';
  if (/\bbook\b|\b(create|file)\b.*\bwork ?orders?\b|^(please\s+)?(schedule|plan)\s+(the\s+|a\s+)?maintenance\b/.test(t)) return 'create_work_order';
  if (/\bhand ?over\b|\bshift (report|summary)\b/.test(t)) return 'generate_shift_handover';
  if (/\b(late|delayed|behind)\b/.test(t) && /\border\b|\b[a-z]{2,3}\s?\d{3,}\b/.test(t)) return 'explain_late_order';
  if (/\bwork orders?\b/.test(t)) return 'list_work_orders';
  if (/\b(schedule|reschedule|sequence|sequencing)\b/.test(t)) return 'propose_schedule';
  if (/\b(maintenance|remaining useful life|rul|forecast|wear|worn|fail|failure|bearing)\b/.test(t)) return 'maintenance_forecast';
  if (/\b(run|start|trigger|launch|do)\s+(an?\s+|the\s+)?(new\s+)?(aoi\s+)?inspection\b|^inspect\b/.test(t)) return 'trigger_inspection';
  if (/\b(inspection|defects?|pareto|aoi results?)\b/.test(t)) return 'inspection_results';
  if (/\b(manuals?|procedure|sop|instructions?|troubleshoot\w*|datasheet)\b|\bhow (do|to|should|can) (i|we|you)\b|\bwhat does .* mean\b|\bmeaning of\b/.test(t))
    return 'search_manuals';
  if (/\b(trend|chart|plot|graph)\b|\bhistory of\b|\bover the (last|past)\b|\b(last|past) \d+ (minutes?|hours?|h)\b/.test(t) && !/\balarms?\b/.test(t))
    return 'tag_history';
  if (/\b(alarms?|alerts?|faults?|warnings?|tripped)\b/.test(t)) return 'alarms';
  if (/\b(production|output|throughput|oee|yield|scrap|orders?|how many (boards|units|pcbs))\b/.test(t)) return 'production_status';
  if (
    /\b(overview|whole plant|all lines|all machines|everything)\b|\bhow (is|are) (the )?(plant|factory|lines|things)\b|\b(state|status) of the (plant|factory)\b/.test(
      t,
    )
  )
    return 'plant_overview';
  if (/\b(state|status|doing|running|stopped|idle|temperature|speed|pressure|value|values|reading|readings|how is|hows|whats)\b/.test(t)) return 'asset_state';
  return undefined;
}

function list(items: string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} or ${items.at(-1)}`;
}

function clarifyAsset(resolution: Extract<AssetResolution, { kind: 'ambiguous' }>): Plan {
  const options = resolution.candidates.map((asset) => `**${asset.name}** (${asset.id})`);
  return {
    kind: 'reply',
    reason: 'clarify',
    text: `Which one do you mean: ${list(options)}? Name the line or the machine id, e.g. “${resolution.candidates[0]!.id}”.`,
  };
}

/** What the offline model can help with, given the tools present now. */
export function capabilities(availableTools: ReadonlySet<string>): string {
  const lines = (Object.keys(INTENTS) as Intent[])
    .filter((intent) => availableTools.has(INTENTS[intent].tool))
    .map((intent) => `- ${INTENTS[intent].label} — e.g. “${INTENTS[intent].example}”`);
  if (lines.length === 0) return 'No plant tools are available on this server yet, so I cannot look anything up. Ask an administrator to connect the plant.';
  return `I can help with:\n${lines.join('\n')}`;
}

function unavailable(intent: Intent, availableTools: ReadonlySet<string>): Plan {
  return {
    kind: 'reply',
    reason: 'unavailable',
    text: `I cannot help with ${INTENTS[intent].label} here: that capability (\`${INTENTS[intent].tool}\`) is not available on this server.\n\n${capabilities(availableTools)}`,
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
): Plan {
  const outlooks = latestOutput(input.earlier, ['maintenance_forecast'], (output) => (output as { assets?: Outlook[] }).assets) ?? [];
  const outlook = machine ? outlooks.find((o) => o.assetId === machine.id) : outlooks.length === 1 ? outlooks[0] : undefined;
  const assetId = machine?.id ?? outlook?.assetId;
  if (!assetId) return needAsset('the work order');
  const window = explicitWindow(combined) ?? outlook?.recommendedWindow ?? undefined;
  if (!window) {
    return {
      kind: 'reply',
      reason: 'clarify',
      text:
        `For a work order on ${assetId} I need its window. Ask for its maintenance forecast first (“When will ${assetId} need maintenance?”) and book the window it recommends, ` +
        `or give the window as “from ${exampleWindow(input.now).from} to ${exampleWindow(input.now).to}”.`,
    };
  }
  const task =
    /\bto\s+((?:replace|inspect|check|clean|lubricate|grease|service|change|overhaul|repair|calibrate|align)\b[^.?!]*)/i.exec(input.text)?.[1]?.trim() ??
    `Planned maintenance of the ${outlook?.component?.toLowerCase() ?? 'machine'}${outlook ? ' from the remaining-useful-life forecast' : ''}`;
  return call({ asset: assetId, task, from: window.from, to: window.to });
}

/** Turns one user request into a tool call, a clarifying question, or a plain statement of what is possible. */
export function planReply(input: PlanInput): Plan {
  const combined = input.pendingQuestion ? `${input.pendingQuestion} ${input.text}` : input.text;
  const corrected = correctTypos(tokens(combined), VOCABULARY).join(' ');
  const intent = detectIntent(corrected) ?? (resolveAsset(combined, input.assets).kind === 'one' ? 'asset_state' : undefined);

  if (!intent) {
    if (/^(hi|hello|hey|help|what can (you|i) (do|ask))\b/.test(corrected)) return { kind: 'reply', reason: 'help', text: capabilities(input.availableTools) };
    return {
      kind: 'reply',
      reason: 'unknown',
      text: `I did not understand that. I am the offline model: I answer requests I recognise by calling the plant’s tools, and I cannot hold a free conversation (configure an OpenAI-compatible model for that).\n\n${capabilities(input.availableTools)}`,
    };
  }
  const tool = INTENTS[intent].tool;
  if (!input.availableTools.has(tool)) return unavailable(intent, input.availableTools);

  const resolution = resolveAsset(combined, input.assets);
  // A manual covers every machine of its type, so "the reflow oven" needs no line to be searched.
  if (resolution.kind === 'ambiguous' && intent !== 'search_manuals') return clarifyAsset(resolution);
  const asset = resolution.kind === 'one' ? resolution.asset : undefined;
  const machine = asset && asset.type !== 'line' ? asset : undefined;
  const lineId = asset?.type === 'line' ? asset.id : (asset?.line ?? (mentionedLine(combined) ? `Line${mentionedLine(combined)}` : undefined));
  const call = (args: Record<string, unknown>): Plan => ({ kind: 'tool', intent, tool, args, asset });
  const needAsset = (what: string): Plan => ({
    kind: 'reply',
    reason: 'clarify',
    text: `Which machine do you mean for ${what}? Name it like “the reflow oven on line 1” or by id, e.g. “${input.assets.find((a) => a.type !== 'line')?.id ?? 'L1-RFL'}”.`,
  });

  switch (intent) {
    case 'plant_overview':
      return call({});
    case 'production_status':
      return call(lineId ? { line: lineId } : {});
    case 'asset_state':
      if (!asset) return needAsset('its state');
      return call({ asset: asset.id });
    case 'alarms': {
      const history = /\b(history|yesterday|today|last|past|previous|earlier|were|happened)\b/.test(corrected);
      const code = /\be-?\d{3}\b/i
        .exec(combined)?.[0]
        ?.toUpperCase()
        .replace(/^E(\d)/, 'E-$1');
      const args: Record<string, unknown> = { state: history ? 'all' : 'active' };
      if (machine) args.asset = machine.id;
      else if (lineId) args.line = lineId;
      if (code) args.code = code;
      if (history) {
        const window = timeWindow(combined, input.now);
        args.from = window.from;
        args.to = window.to;
      }
      return call(args);
    }
    case 'tag_history': {
      if (!machine) return needAsset('the trend');
      const tag = resolveTag(combined, machine.tags);
      if (tag.kind === 'ambiguous')
        return {
          kind: 'reply',
          reason: 'clarify',
          text: `Which tag of ${machine.name} do you mean: ${list(tag.candidates.slice(0, 6).map((t) => `\`${t.id}\``))}?`,
        };
      if (tag.kind === 'none')
        return {
          kind: 'reply',
          reason: 'clarify',
          text: `Which tag of ${machine.name} should I trend? Name it, e.g. ${list((machine.tags ?? []).slice(0, 3).map((t) => `\`${t.id}\``)) || '`Zone4.TemperatureC`'}.`,
        };
      const window = timeWindow(combined, input.now);
      return call({ asset: machine.id, tag: tag.tag.id, from: window.from, to: window.to, resolution: resolutionFor(window.minutes) });
    }
    case 'search_manuals': {
      const query = input.text.replace(/^(please\s+)?((can|could) you\s+)?(look up|search|find|check)\s+(in\s+)?(the\s+)?(manuals?\s+)?(for\s+)?/i, '').trim();
      return call(machine ? { query, asset: machine.id, k: 5 } : { query, k: 5 });
    }
    case 'propose_schedule':
      // The scheduler plans every line together (orders can move between lines).
      return call({});
    case 'release_schedule': {
      const draftId = latestOutput(input.earlier, ['propose_schedule', 'what_if'], (output) => (output as { draftId?: unknown }).draftId);
      if (typeof draftId !== 'string')
        return {
          kind: 'reply',
          reason: 'clarify',
          text: 'There is no proposed schedule in this conversation to release. Ask “Propose a schedule for the open orders” first; I then file the release of that draft for a supervisor’s approval.',
        };
      return call({ draftId });
    }
    case 'what_if': {
      const scenario = whatIfScenario(combined, machine, lineId);
      if (scenario.kind === 'clarify') return { kind: 'reply', reason: 'clarify', text: scenario.text };
      return call({ scenario: scenario.scenario });
    }
    case 'explain_late_order': {
      const order = /\b([a-z]{2,3})[-\s]?(\d{3,})\b/i.exec(combined);
      if (!order) return { kind: 'reply', reason: 'clarify', text: 'Which order do you mean? Give its id, e.g. “Why is order PO-24118 late?”.' };
      return call({ order: `${order[1]!.toUpperCase()}-${order[2]}` });
    }
    case 'maintenance_forecast':
      return call(machine ? { asset: machine.id } : lineId ? { line: lineId } : {});
    case 'list_work_orders': {
      const status = /\bin ?progress\b/.test(corrected)
        ? 'in_progress'
        : /\bplanned\b/.test(corrected)
          ? 'planned'
          : /\b(done|closed|completed|finished)\b/.test(corrected)
            ? 'done'
            : /\bcancel+ed\b/.test(corrected)
              ? 'cancelled'
              : undefined;
      return call({ ...(machine ? { asset: machine.id } : {}), ...(status ? { status } : {}) });
    }
    case 'create_work_order':
      return workOrderPlan(input, combined, machine, call, needAsset);
    case 'trigger_inspection':
      return call(machine ? { asset: machine.id } : lineId ? { line: lineId } : {});
    case 'inspection_results':
      return call(machine ? { asset: machine.id } : lineId ? { line: lineId } : {});
    case 'generate_shift_handover':
      return call(lineId ? { line: lineId } : {});
    case 'set_setpoint': {
      if (!machine) return needAsset('the setpoint change');
      const value = /\b(?:to|at)\s+(-?\d+(?:\.\d+)?)/.exec(combined)?.[1];
      if (value === undefined)
        return {
          kind: 'reply',
          reason: 'clarify',
          text: `What value should the setpoint of ${machine.name} be? Say e.g. “set zone 4 setpoint of ${machine.id} to 245”.`,
        };
      const tag = resolveTag(
        combined,
        machine.tags?.filter((t) => /setpoint|sp$/i.test(t.id) || t.writable),
        { writableOnly: true },
      );
      if (tag.kind !== 'one') {
        const writable = (machine.tags ?? []).filter((t) => t.writable || /setpoint/i.test(t.id)).slice(0, 8);
        return {
          kind: 'reply',
          reason: 'clarify',
          text: `Which setpoint of ${machine.name} do you mean${writable.length ? `: ${list(writable.map((t) => `\`${t.id}\``))}` : ''}?`,
        };
      }
      return call({ asset: machine.id, tag: tag.tag.id, value: Number(value) });
    }
    case 'machine_command': {
      if (!asset) return needAsset('the command');
      const command = COMMANDS.find(([pattern]) => pattern.test(corrected))?.[1] ?? 'stop';
      return call({ asset: asset.id, command });
    }
  }
}
