/** Plans for maintenance: the remaining-life forecast, listing work orders and booking one in the recommended window. */
import type { AssetRef } from '../../../../assets';
import { latestOutput } from '../../earlier-results';
import { resolveAsset } from '../../asset-resolver';
import { FIRST_MENTIONED, SECOND_MENTIONED, machinesTalkedAbout } from '../conversation';
import { numberWord } from '../../number-words';
import {
  besideAShift,
  bookingWindow,
  clockSaid,
  isoSeconds,
  nextAtClock,
  startClock,
  VAGUE_WHEN,
  windowOnNamedDay,
  smallHoursUnsure,
  windowShiftMinutes,
} from '../../time-window';
import { foldInitialUmlauts } from '../../text';
import { formatPlantTime } from '@/lib/plant-time';
import type { Language } from '../../training-set';
import { clarify, say } from '../replies';
import { withoutAssetWords } from '../tag-match';
import { askedCount, exampleWindow, explicitWindow } from '../slots';
import { DEFAULT_TIME_ZONE, type Plan, type PlanInput } from '../types';
import type { PlanContext } from './plan-context';

/** "the utilities", "die Versorgung", "Medien": the machines on no line, as the forecast names them together. */
const UTILITIES = /\b(utilities|utility|versorgung\w*|medien\w*|infrastruktur)\b/;

export function planMaintenanceForecast(plan: PlanContext): Plan {
  const { machine, lineId, call, lower, input } = plan;
  // "forecast for the utilities, chiller pump and compressor": the utilities as a whole, however many are named.
  const utilities = input.assets.filter((asset) => !asset.line && asset.type !== 'line');
  const namedUtilities = utilities.filter((asset) => [asset.name, ...asset.aliases].some((alias) => alias.length >= 4 && lower.includes(alias.toLowerCase())));
  // ("utilities: when does the chiller pump need attention" names one of them: that one.)
  if (utilities.length > 1 && (namedUtilities.length > 1 || (UTILITIES.test(lower) && !machine)) && (!machine || !machine.line))
    return call({ line: 'Utilities' });
  return call(machine ? { asset: machine.id } : lineId ? { line: lineId } : {});
}

export function planListWorkOrders(plan: PlanContext): Plan {
  const { lower, machine, lineId, call } = plan;
  const status = /\bin[ -]?progress\b|\bin arbeit\b|\blaufende[nr]?\b|\blaufen\b|\bongoing\b|\bbeing worked\b|\bactive\b|\baktive[nr]?\b/.test(lower)
    ? 'in_progress'
    : /\b(planned|geplant\w*|eingeplant)\b/.test(lower)
      ? 'planned'
      : /\b(done|closed|completed|finished|erledigt\w*|abgeschlossen\w*|fertig\w*)\b/.test(lower)
        ? 'done'
        : /\b(cancel\w*|storn\w*|abgesagt\w*)\b/.test(lower)
          ? 'cancelled'
          : undefined;
  // "last WO on the fine pitch placer", "letzter Auftrag am Ofen": the newest one.
  const limit =
    askedCount(lower) ??
    (/\b(?:last|latest|most recent|newest|letzte[rn]?|neueste[rn]?|j(?:ü|ue)ngste[rn]?)\s+(?:wo|work order|auftrag|wa|arbeitsauftrag|wartungsauftrag|ticket|job)\b(?!s)/.test(
      lower,
    )
      ? 1
      : undefined);
  // "status of WO-1003", "Arbeitsauftrag Nr. 12": one order by its id; the tool pads the number.
  const id = workOrderNumber(lower);
  if (id) return call({ id: `WO-${id}` });
  // "open jobs on line 2": every machine of the line.
  return call({
    ...(machine ? { asset: machine.id } : lineId ? { line: lineId } : {}),
    ...(status ? { status } : {}),
    ...(limit !== undefined ? { limit } : {}),
  });
}

/** A job noun and the verb a work order's task starts with ("bearing check" → "Check bearing"). */
const JOB_VERBS: Record<string, string> = {
  check: 'Check',
  inspection: 'Inspect',
  replacement: 'Replace',
  swap: 'Replace',
  change: 'Change',
  service: 'Service',
  cleaning: 'Clean',
  lubrication: 'Lubricate',
  overhaul: 'Overhaul',
  repair: 'Repair',
  calibration: 'Calibrate',
};

/**
 * The task as the request names it, starting with a verb as the work-order procedure asks: "book a bearing
 * check on the chiller pump" → "Check bearing"; "Lager tauschen am Kältesatz einplanen" → "Lager tauschen".
 */
function taskNamed(text: string): string | undefined {
  const job =
    /\b(?:book|schedule|plan|create|raise|open|file|log|add|put in)\s+(?:a |an |the |one )?(?:work order (?:for|to) (?:a |an |the )?)?([a-z][a-z -]{1,40}?)\s+(check|inspection|replacement|swap|change|service|cleaning|lubrication|overhaul|repair|calibration)\b/i.exec(
      text,
    );
  if (job) return `${JOB_VERBS[job[2]!.toLowerCase()]} ${job[1]!.trim()}`;
  // "Wartungsauftrag Kompressor Donnerstag 6 bis 9, Ölwechsel", "Filterwechsel einplanen": the job as one German noun.
  const germanJob =
    /(?<![\wäöüß])((?:[A-Za-zÄÖÜäöüß]+)?(?:wechsel|tausch|austausch|pr(?:ü|ue)fung|reinigung|kalibrierung|schmierung|inspektion|reparatur|instandsetzung))(?![\wäöüß])/i.exec(
      text,
    )?.[1];
  if (germanJob && !/^(?:schicht|produkt|auftrags?|werkzeug|rüst|ruest)wechsel$/i.test(germanJob))
    return `${germanJob.charAt(0).toUpperCase()}${germanJob.slice(1)}`;
  // "compressor oil change next Monday 8 to 10", "belt check on the chiller pump": a job noun without a booking verb.
  const englishJob =
    /\b(oil|filter|belt|bearing|seal|nozzle|spindle|pump|fan|blower|motor|valve|sensor|camera|squeegee|stencil|wiper|conveyor|gripper|feeder|fixture)\s+(check|inspection|replacement|swap|change|service|cleaning|lubrication|overhaul|repair|calibration)\b/i.exec(
      text,
    );
  if (englishJob) return `${JOB_VERBS[englishJob[2]!.toLowerCase()]} ${englishJob[1]!.toLowerCase()}`;
  const german =
    /\b((?:[A-Za-zÄÖÜäöüß-]+\s+){0,2}?)(tauschen|wechseln|prüfen|pruefen|reinigen|schmieren|kalibrieren|inspizieren|ersetzen|warten|instandsetzen)\b/i.exec(
      text,
    );
  if (german && german[1]!.trim()) {
    const object = german[1]!.trim().replace(/^(?:den|die|das|einen|eine|ein|mal|bitte)\s+/i, '');
    if (object && !/^(?:zu|und|oder|am|an|auf|für|fuer)$/i.test(object))
      return `${object.charAt(0).toUpperCase()}${object.slice(1)} ${german[2]!.toLowerCase()}`;
  }
  return undefined;
}

/**
 * "a work order for the L2 oven blower bearing, tomorrow 6 to 8", "Wartungsauftrag für die Spindel vom Bestücker 2 L1":
 * the part of the machine the job is for, once the machine's own words and the window are taken away.
 */
/** Where a phrase naming a part ends: a day, a time, a shift, a window or a courtesy. */
const PART_PHRASE_END = String.raw`(?=\s*(?:[,;.!?]|\b(?:tomorrow'?s?|today'?s?|tonight|morgen|heute|from|von|at|um|on|am|for|f(?:ü|ue)r|next|n(?:ä|ae)chste\w*|this|diese\w*|between|zwischen|please|pls|bitte|monday|tuesday|wednesday|thursday|friday|saturday|sunday|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|weekend|wochenende|early|late|night|fr(?:ü|ue)h\w*|sp(?:ä|ae)t\w*|nacht\w*|in the|im|in der)\b|\b\d|$))`;

/** A phrase that is only a day, a shift or a time names no part ("job for Saturday 6 to 10"). */
const NOT_A_PART =
  /^(?:january|januar|february|februar|march|m(?:ä|ae)rz|april|may|mai|june|juni|july|juli|august|september|october|oktober|november|december|dezember|the \d|den \d|(?:ü|ue)bermorgen|day after|tomorrow'?s?|today'?s?|tonight|morgen|heute|next|this|monday|tuesday|wednesday|thursday|friday|saturday|sunday|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|weekend|wochenende|early|late|night|fr(?:ü|ue)h\w*|sp(?:ä|ae)t\w*|nacht\w*|\d)/i;

function partNamed(text: string, machine: AssetRef, language: Language): string | undefined {
  const forPhrase = new RegExp(
    String.raw`\b(?:work ?orders?|wos?|jobs?|wartungsauftrag|arbeitsauftrag|auftrag|wartung)\s+(?:an\s+)?(?:for|on|für|fuer)\s+(.+?)${PART_PHRASE_END}`,
    'i',
  ).exec(text)?.[1];
  const phrase =
    (forPhrase && !NOT_A_PART.test(forPhrase.trim().replace(/^(?:the|a|an|die|den|das|der|dem)\s+/i, '')) ? forPhrase : undefined) ??
    // "book the chiller pump job for Saturday", "schedule the L1 placer 2 spindle job": the words before "job", once
    // the machine's own are taken away.
    /\b(?:the|a|an|den|die|das)\s+((?:[a-z0-9äöüß-]+\s+){1,4}?)(?:job|work|service|repair|swap|replacement|check|overhaul|einsatz|reparatur|tausch)\b/i.exec(
      text,
    )?.[1];
  if (!phrase) return undefined;
  const part = withoutAssetWords(phrase, machine)
    // The line the machine stands on ("vom Bestücker 2 L1", "on line 2") names no part of it.
    .replace(/\b(?:l\d|(?:line|linie)\s*\d)\b/g, ' ')
    // "Auftrag für den Kompressor anlegen": the booking's own verb names no part.
    .replace(/\b(?:anlegen|einplanen|buchen|erstellen|eintragen|machen|aufmachen|book|schedule|create|plan|raise|open|add|please|pls|bitte)\b/gi, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^(?:the|a|an|die|den|das|der|dem)\s+/, '')
    .replace(/(?:\s+(?:of|on|at|in|vom|von|am|an|auf|der|dem|des|the))+$/, '')
    .trim();
  if (!part || NOT_A_PART.test(part) || /^(?:of|on|vom|von|am|an|the|die|den|das)$/.test(part) || part.split(' ').length > 4) return undefined;
  return say(language, `Maintenance of the ${part}`, `Wartung ${part.charAt(0).toUpperCase()}${part.slice(1)}`);
}

function workOrderNumber(lower: string): string | undefined {
  return (
    /\bwo[-\s_#]?(\d{1,6})\b/.exec(lower)?.[1] ??
    /\b(?:work ?order|arbeitsauftrag\w*|wartungsauftrag\w*)\s*(?:no\.?|nr\.?|number|nummer|#)?\s*(\d{1,6})\b/.exec(lower)?.[1]
  );
}

export function planCreateWorkOrder(plan: PlanContext): Plan {
  const { input, combined, language, call, needAsset } = plan;
  // "forecast for placer 2 line 1" → "and the compressor?" → "book the first one", "both look bad, book them": of the
  // machines two forecasts were read for, the one named by its place; both, or either, is asked back (one approval each).
  const forecast = forecastsRead(input);
  const lower = input.text.toLowerCase();
  // ("forecast for placer 2" → "and the L2 oven blower" → "both look bad, book it in the window": two machines talked about.)
  const talked = machinesTalkedAbout(input, 3);
  if (forecast.length < 2 && talked.length >= 2 && BOTH.test(lower) && resolveAsset(input.text, input.assets).kind === 'none')
    forecast.push(...talked.slice(0, 2).reverse());
  let machine = plan.machine;
  if (forecast.length === 2 && resolveAsset(input.text, input.assets).kind === 'none') {
    if (FIRST_MENTIONED.test(lower)) machine = forecast[0];
    else if (SECOND_MENTIONED.test(lower)) machine = forecast[1];
    else if (BOTH.test(lower) || !/\b(?:that one|this one|the last|the latter|letzte\w*|den da|die da|das da|dem da)\b/.test(lower))
      // ("… → buch des": either of the two could be meant; the one approval names one machine.)
      return clarify(
        say(
          language,
          `A work order is booked for one machine: ${forecast[0]!.id} or ${forecast[1]!.id}? Say which one first, e.g. “book ${forecast[0]!.id} in its window”; the other can follow.`,
          `Ein Arbeitsauftrag gilt für eine Maschine: ${forecast[0]!.id} oder ${forecast[1]!.id}? Sagen Sie, welche zuerst, z. B. „${forecast[0]!.id} ins Fenster buchen“; die andere danach.`,
        ),
      );
  }
  return workOrderPlan(input, combined, machine, call, needAsset, language);
}

/** "both", "beide", "all of them", "die zwei": more than one machine meant. */
const BOTH = /\b(?:both|beide\w*|all|alle\w*|them|die zwei|the two)\b/;

/** The machines the last two forecasts of the conversation were read for, in the order they came, when they differ. */
function forecastsRead(input: PlanInput): AssetRef[] {
  const forecasts = (input.earlier ?? []).filter((result) => result.tool === 'maintenance_forecast' && typeof result.args.asset === 'string').slice(-2);
  const machines = forecasts.flatMap((result) => input.assets.filter((asset) => asset.id === result.args.asset));
  return machines.length === 2 && machines[0] !== machines[1] ? machines : [];
}

type Outlook = { assetId: string; component?: string; recommendedWindow?: { from: string; to: string } | null };

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
  // ("book the first one" after two forecasts: its outlook is in the forecast before the last.)
  const outlook = machine
    ? (outlooks.find((o) => o.assetId === machine.id) ??
      latestOutput(input.earlier, ['maintenance_forecast'], (output) => (output as { assets?: Outlook[] }).assets?.find((o) => o.assetId === machine.id)))
    : outlooks.length === 1
      ? outlooks[0]
      : undefined;
  const assetId = machine?.id ?? outlook?.assetId;
  if (!assetId) return needAsset(say(language, 'the work order', 'den Arbeitsauftrag'));
  const time = { now: input.now, timeZone: input.timeZone ?? DEFAULT_TIME_ZONE, shifts: input.shifts };
  // "between 2 and 4 tomorrow": the night's or the afternoon's — a window people must be on the floor for is asked.
  const unsure = explicitWindow(combined) ? undefined : smallHoursUnsure(input.text);
  if (unsure) {
    const [night, day] = [`${pad(unsure.from)}:00–${pad(unsure.to)}:00`, `${unsure.from + 12}:00–${unsure.to + 12}:00`];
    return clarify(
      say(
        language,
        `${unsure.from} to ${unsure.to} at night (${night}) or in the afternoon (${day})? Say which, e.g. “book it ${day}”, and I will file the work order on ${assetId}.`,
        `${unsure.from} bis ${unsure.to} in der Nacht (${night}) oder am Nachmittag (${day})? Sagen Sie, welches, z. B. „buch das ${day}“, dann lege ich den Arbeitsauftrag an ${assetId} an.`,
      ),
    );
  }
  const asked = explicitWindow(combined) ?? bookingWindow(input.text, time);
  // "after the late shift, …" with no length: the shift's own window is not what was asked, nor the forecast's.
  if (!asked && besideAShift(input.text))
    return clarify(
      say(
        language,
        `How long should the work order on ${assetId} take after (or before) that shift? Say e.g. “after the late shift, 2 hours”.`,
        `Wie lange soll der Arbeitsauftrag an ${assetId} neben dieser Schicht dauern? Sagen Sie z. B. „nach der Spätschicht, 2 Stunden“.`,
      ),
    );
  // "book it but from 23:00", "ja, aber erst ab 23 Uhr": the recommended window, started at the time said, as long.
  // ("book it but start at midnight, 4 hours": midnight is a clock time, the next one to come; the hours its length.)
  const clockText = input.text.replace(/\b(?:midnight|mitternacht)\b/gi, '0:00').replace(/\b(?:noon|midday|mittag)\b/gi, '12:00');
  const startSaid = /\b(?:start(?:ing)? at|from|ab|erst ab|beginning at|begin at)\s+\d/i.test(clockText);
  const start = asked ? undefined : (startClock(clockText, time) ?? (startSaid ? nextClockSaid(clockText, input.now, time.timeZone) : undefined));
  const lastingHours = Number(/\b(\d+(?:[.,]\d+)?)\s*(?:h|hrs?|hours?|std|stunden?)\b/i.exec(clockText)?.[1]?.replace(',', '.') ?? NaN);
  const recommended = outlook?.recommendedWindow;
  // "book it a day later", "eine Stunde später": the recommended window moved; "book it on Saturday": to that day.
  const shift = asked || start ? undefined : windowShiftMinutes(input.text);
  const moved =
    recommended && shift !== undefined
      ? { from: isoSeconds(new Date(Date.parse(recommended.from) + shift * 60_000)), to: isoSeconds(new Date(Date.parse(recommended.to) + shift * 60_000)) }
      : recommended && !asked && !start
        ? windowOnNamedDay(recommended, input.text, time)
        : undefined;
  // "book it for next week": no window to book, and the recommended one is not what was asked.
  if (!asked && !start && !moved && VAGUE_WHEN.test(foldInitialUmlauts(input.text.toLowerCase()))) {
    const shown = (iso: string) => formatPlantTime(iso, time.timeZone, 'datetime', language);
    return clarify(
      say(
        language,
        `Which day and time should the work order on ${assetId} take? An approval books an exact window${recommended ? `; the forecast recommends ${shown(recommended.from)} to ${shown(recommended.to)}` : ''}. Say e.g. “book it Tuesday 6 to 10”.`,
        `An welchem Tag und zu welcher Zeit soll der Arbeitsauftrag an ${assetId} liegen? Eine Freigabe bucht ein genaues Fenster${recommended ? `; die Prognose empfiehlt ${shown(recommended.from)} bis ${shown(recommended.to)}` : ''}. Sagen Sie z. B. „buch das Dienstag 6 bis 10“.`,
      ),
    );
  }
  // "ok book it, but end at 1 instead of 2", "aber nur bis 1 Uhr": the recommended window, ended at the time said.
  const end = recommended && !asked && !moved ? endClockAfter(input.text, start ? isoSeconds(start) : recommended.from, time.timeZone) : undefined;
  const ended = end && recommended ? { from: start ? isoSeconds(start) : recommended.from, to: end } : undefined;
  const window =
    asked ??
    moved ??
    ended ??
    (start && (recommended || Number.isFinite(lastingHours))
      ? {
          from: isoSeconds(start),
          to: isoSeconds(
            new Date(
              start.getTime() +
                (Number.isFinite(lastingHours) && lastingHours > 0 && lastingHours <= 72
                  ? lastingHours * 3_600_000
                  : Date.parse(recommended!.to) - Date.parse(recommended!.from)),
            ),
          ),
        }
      : // A start said that could not be read is asked back below, never booked as the recommended window.
        startSaid && !start
        ? undefined
        : recommended) ??
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
    /\b(?:to|um)\s+((?:replace|inspect|check|clean|lubricate|grease|service|change|overhaul|repair|calibrate|align)\b[^.?!,;]*)/i
      .exec(input.text)?.[1]
      ?.trim() ??
    taskNamed(input.text) ??
    (machine ? partNamed(input.text, machine, language) : undefined) ??
    say(
      language,
      `Planned maintenance of the ${outlook?.component?.toLowerCase() ?? 'machine'}${outlook ? ' from the remaining-useful-life forecast' : ''}`,
      `Geplante Wartung${outlook?.component ? ` (${outlook.component})` : ''}${outlook ? ' aus der Restlebensdauer-Prognose' : ''}`,
    );
  // "2 x SPB-6204", "2 bearings SPB-6204", "2 Stk. Lager SPB-6204", "1x CHL-SEAL-01": a count, at most two words, a part number.
  // "two SPB-6204 from stores", "mit zwei Lagern SPB-6204": the count spelt out, too.
  const parts = [
    ...input.text.matchAll(
      /(?<![\w-])(\d+|one|two|three|four|five|six|eight|ten|twelve|zwei|drei|vier|f(?:ü|ue)nf|sechs|acht|zehn|zw(?:ö|oe)lf)\s*(?:x|×|stk\.?|stück|pcs\.?|pieces?)?\s*(?:(?:of\s+)?[a-zäöüß-]+\s+){0,3}?([A-Z]{2,5}(?:-[A-Z]{2,8})?-\d{2,}[A-Z0-9-]*)\b/gi,
    ),
  ].flatMap((match) => {
    const quantity = /^\d+$/.test(match[1]!) ? Number(match[1]) : numberWord(match[1]!.toLowerCase());
    // ("Saturday 6am-10am": a clock range, not six of part "am-10am".)
    if (CLOCK_NOT_A_PART.test(match[2]!)) return [];
    return quantity !== undefined && quantity > 0 ? [{ partNumber: match[2]!, quantity }] : [];
  });
  // "Lagersatz GBL-KIT-10 1 Stück", "SPB-6204 x2": the count after the part number.
  for (const match of input.text.matchAll(
    /\b([A-Z]{2,5}(?:-[A-Z]{2,8})?-\d{2,}[A-Z0-9-]*)\s*(?:,\s*)?(?:x\s*(\d+)|(\d+)\s*(?:x|×|stk\.?|stück|pcs\.?|pieces?)(?![\w-]))/gi,
  )) {
    const quantity = Number(match[2] ?? match[3]);
    if (quantity > 0 && !parts.some((part) => part.partNumber === match[1])) parts.push({ partNumber: match[1]!, quantity });
  }
  // A window read from words that has already begun is no booking to approve ("heute Nacht 0 bis 4" read as the night just
  // gone): asked back. (Two timestamps typed in full are exact — a job logged after the fact is the asker's to say.)
  if (!explicitWindow(combined) && Date.parse(window.from) < input.now.getTime() - PAST_START_GRACE_MINUTES * 60_000) {
    const shown = (iso: string) => formatPlantTime(iso, time.timeZone, 'datetime', language);
    return clarify(
      say(
        language,
        `${shown(window.from)} to ${shown(window.to)} has already begun — which day and time should the work order on ${assetId} take? Say e.g. “tomorrow 6 to 10”.`,
        `${shown(window.from)} bis ${shown(window.to)} hat schon begonnen — an welchem Tag und zu welcher Zeit soll der Arbeitsauftrag an ${assetId} liegen? Sagen Sie z. B. „morgen 6 bis 10“.`,
      ),
    );
  }
  return call({ asset: assetId, task, from: window.from, to: window.to, ...(parts.length ? { parts } : {}) });
}

/** "am-10am", "pm-4pm", "uhr-14": the clock words a time range puts before a dash — no part number. */
const CLOCK_NOT_A_PART = /^(?:am|pm|uhr|h)-/i;

/** How far in the past a booked window may start (the minutes it takes to read and approve it). */
const PAST_START_GRACE_MINUTES = 15;

const pad = (hour: number) => String(hour).padStart(2, '0');

/** The first time after `from` at the clock an "end at 1", "finish by 5", "nur bis 1 Uhr" names; undefined when none is named. */
function endClockAfter(text: string, from: string, timeZone: string): string | undefined {
  const said =
    /\b(?:end(?:ing)?|finish(?:ed|ing)?|done|wrap(?:ped)? up|until|till|bis)\s+(?:at\s+|by\s+|um\s+)?(\d{1,2}(?::\d{2})?\s*(?:am|pm|uhr)?)\b(?!\s*(?:°|grad|bar|%|h\b|hours?|std|stunden?|min))/i.exec(
      text,
    )?.[1];
  const clock = said ? clockSaid(said) : undefined;
  return clock ? isoSeconds(nextAtClock(clock, { now: new Date(from), timeZone })) : undefined;
}

/** The next time to come at the clock a "start at 1", "ab 23 Uhr" names, in plant time; undefined when none is read. */
function nextClockSaid(text: string, now: Date, timeZone: string): Date | undefined {
  const said = /\b(?:start(?:ing)? at|from|ab|erst ab|beginning at|begin at)\s+(\d{1,2}(?::\d{2})?\s*(?:am|pm|uhr)?)\b/i.exec(text)?.[1];
  const clock = said ? clockSaid(said) : undefined;
  return clock ? nextAtClock(clock, { now, timeZone }) : undefined;
}
