/**
 * Writes the offline model's answer from tool results, knowing only the general shape plant tools
 * share: rows of values with units, timestamps and OPC UA quality, `sources`, and errors. Every
 * value shown comes from a tool result; an action is reported only as the gate's outcome says.
 *
 * The asked thing comes first: rows that match the question (a tag, an asset, an order) lead the
 * answer with unit, plant time and quality, and are never cut off by the row limit. Nested data
 * (an order's progress, a line's sequence, contributing signals, windows) is rendered, not
 * dropped. Manual answers lead with the sentences that answer the question, cited. German in,
 * German out: decimal commas and 24-hour plant time.
 */
import { ACKNOWLEDGE_ALARMS } from './intents/rules/plant';
import { bandVerdict, normalBandFor, statedValue, type Passage } from './normal-band';
import { JUDGED_AGAINST_NORMAL } from './intents/conversation';
import { formatPlantTime } from '@/lib/plant-time';
import { sourcesOf, worstQuality } from '../../tool-output';
import { tagQueryWords } from './asset-resolver';
import { tagName } from './tag-names';
import { materialAnswer } from './material-answers';
import { figureAnswer } from './figure-answers';
import { lateOrdersAnswer } from './late-orders-answer';
import { orderProgressAnswer } from './order-progress-answer';
import { plantAnswer } from './plant-answers';
import { SILENCES_A_SIGNAL } from './commands';
import { foldInitialUmlauts, tokens } from './text';
import { SYNONYM_GROUPS } from '../../../knowledge/rank/synonyms';
import type { Language } from './training-set';

export type ToolResultForAnswer = { tool: string; args: Record<string, unknown>; content: string };
export type AnswerOptions = {
  language?: Language;
  question?: string;
  /** The message just typed, when `question` also holds the one before it (a follow-up such as "when will it be done"). */
  latest?: string;
  timeZone?: string;
  /** Machine id → its line id, for answers narrowed to one line. */
  assetLines?: Record<string, string>;
};

type Context = { language: Language; timeZone: string; asked: string[] };

const HEADLINES: Record<string, (args: Record<string, unknown>, l: Language) => string> = {
  plant_overview: (a, l) => `${l === 'de' ? 'Werksüberblick' : 'Plant overview'}${a.line ? ` ${a.line}` : ''}`,
  production_status: (a, l) => `${l === 'de' ? 'Produktionsstatus' : 'Production status'}${a.line ? ` ${l === 'de' ? 'für' : 'for'} ${a.line}` : ''}`,
  asset_state: (a, l) => `${l === 'de' ? 'Aktueller Zustand von' : 'Current state of'} ${a.asset}`,
  // History is called history; the count of what is active now comes from `activeNow` (see alarmsHeadline).
  alarms: (a, l) =>
    `${
      a.state === 'all' || a.state === undefined
        ? l === 'de'
          ? 'Alarmhistorie'
          : 'Alarm history'
        : a.state === 'active'
          ? l === 'de'
            ? 'Aktive Alarme'
            : 'Active alarms'
          : l === 'de'
            ? 'Alarmereignisse'
            : 'Alarm events'
    }${a.asset ? ` ${l === 'de' ? 'für' : 'for'} ${a.asset}` : a.line ? ` ${l === 'de' ? 'auf' : 'on'} ${a.line}` : ''}`,
  tag_history: (a, l) => `${l === 'de' ? 'Verlauf von' : 'Trend of'} ${a.asset} ${a.tag}`,
  search_manuals: (a, l) => `${l === 'de' ? 'Aus den Handbüchern zu' : 'From the manuals on'} “${a.query}”`,
  propose_schedule: (_, l) => (l === 'de' ? 'Planvorschlag' : 'Proposed schedule'),
  what_if: (_, l) => (l === 'de' ? 'Was-wäre-wenn-Ergebnis' : 'What-if result'),
  release_schedule: (_, l) => (l === 'de' ? 'Planfreigabe' : 'Schedule release'),
  explain_late_order: (a, l) => (l === 'de' ? `Auftrag ${a.order}: pünktlich oder spät, und warum` : `Order ${a.order}: late or on time, and why`),
  maintenance_forecast: (a, l) => `${l === 'de' ? 'Wartungsprognose' : 'Maintenance forecast'}${a.asset ? ` ${l === 'de' ? 'für' : 'for'} ${a.asset}` : ''}`,
  list_work_orders: (_, l) => (l === 'de' ? 'Arbeitsaufträge' : 'Work orders'),
  create_work_order: (a, l) => `${l === 'de' ? 'Arbeitsauftrag für' : 'Work order for'} ${a.asset}: ${a.task}`,
  trigger_inspection: (_, l) => (l === 'de' ? 'Inspektion' : 'Inspection'),
  inspection_results: (_, l) => (l === 'de' ? 'Inspektionsergebnisse' : 'Inspection results'),
  generate_shift_handover: (a, l) => `${l === 'de' ? 'Schichtübergabe' : 'Shift handover'}${typeof a.line === 'string' ? ` ${a.line}` : ''}`,
  set_setpoint: (a, l) => `${l === 'de' ? 'Sollwertänderung' : 'Setpoint change'} ${a.asset} ${a.tag} → ${a.value}`,
  machine_command: (a, l) => `${l === 'de' ? 'Befehl' : 'Command'} ${a.command} ${l === 'de' ? 'für' : 'for'} ${a.asset}`,
  material_status: (a, l) => `${l === 'de' ? 'Materialstatus' : 'Material status'} ${a.line ?? a.part ?? a.order ?? ''}`.trim(),
  supply_disruption_impact: (_, l) => (l === 'de' ? 'Auswirkung der Lieferstörung' : 'Supply disruption impact'),
  plan_replenishment: (a, l) => `${l === 'de' ? 'Nachschubplan' : 'Replenishment plan'}${a.line ? ` ${l === 'de' ? 'für' : 'for'} ${a.line}` : ''}`,
  dispatch_transport: (a, l) => {
    const stops = Array.isArray(a.stops) ? a.stops.map((stop) => (stop as { stationId?: string }).stationId ?? '?').join(' → ') : '';
    return `${l === 'de' ? 'Transport' : 'Transport'} ${a.vehicle}${stops ? ` → ${stops}` : ''}`;
  },
};

const MAX_ROWS = 15;
const MAX_COLUMNS = 7;
const MAX_NESTED_ROWS = 10;
const PREFERRED_COLUMNS = [
  'id',
  'asset',
  'assetId',
  'machine',
  'line',
  'name',
  'tag',
  'tagId',
  'orderId',
  'code',
  'text',
  'title',
  'description',
  'state',
  'status',
  'value',
  'priority',
  'quality',
  'timestamp',
  'sourceTimestamp',
  'time',
];

type Row = Record<string, unknown>;

function isRecord(value: unknown): value is Row {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;

function formatNumber(value: number, context: Context): string {
  const rounded = Number.isInteger(value) ? String(value) : String(Math.round(value * 100) / 100);
  return context.language === 'de' ? rounded.replace('.', ',') : rounded;
}

function scalar(value: unknown, context?: Context): string | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'number')
    return context ? formatNumber(value, context) : Number.isInteger(value) ? String(value) : String(Math.round(value * 100) / 100);
  if (typeof value === 'string') return context && ISO_TIME.test(value) ? formatPlantTime(value, context.timeZone, 'datetime', context.language) : value;
  if (typeof value === 'boolean') return context?.language === 'de' ? (value ? 'ja' : 'nein') : String(value);
  return undefined;
}

/** "Active alarms" only over alarms the connector shows active now; raised events are not active alarms. */
function alarmsHeadline(headline: string, output: unknown, language: Language): string {
  if (!isRecord(output) || !Array.isArray(output.activeNow)) return headline;
  const active = output.activeNow.length;
  // Raised events are not active alarms: with none active now, the list is headed as events.
  if (active === 0) headline = headline.replace(/^Active alarms/, 'Alarm events').replace(/^Aktive Alarme/, 'Alarmereignisse');
  if (language === 'de') return `${headline} — ${active === 0 ? 'derzeit ist kein Alarm aktiv' : `${active} jetzt aktiv`}`;
  return `${headline} — ${active === 0 ? 'no alarm is active now' : `${active} active now`}`;
}

const WORDS: Record<string, string> = { rul: 'RUL', id: 'id', pct: '%', kw: 'kW', oee: 'OEE', ppm: 'ppm', s: 's', ms: 'ms', eta: 'ETA' };

/** A field name as people read it: `rulHours` → `RUL hours`, `sourceTimestamp` → `source timestamp`. */
export function label(key: string): string {
  const words = key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/_/g, ' ')
    .toLowerCase()
    .split(' ')
    .filter(Boolean)
    .map((word) => WORDS[word] ?? word);
  const text = words.join(' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

/** A plant value `{ value, unit, quality, sourceTimestamp }` as one readable cell: "245 °C (Good, 02 Dec 14:05)". */
function plantValue(value: Row, context: Context): string | undefined {
  if (!('value' in value) || !('quality' in value)) return undefined;
  const shown = scalar(value.value, context) ?? '—';
  const unit = scalar(value.unit);
  const at = typeof value.sourceTimestamp === 'string' ? formatPlantTime(value.sourceTimestamp, context.timeZone, 'seconds') : undefined;
  return `${shown}${unit ? ` ${unit}` : ''} (${[scalar(value.quality), at].filter(Boolean).join(', ')})`;
}

/** A value with its unit: `{ value: 245, unit: '°C' }` → `245 °C`; nested small records as "key value" pairs. */
function withUnit(row: Row, key: string, context: Context): string | undefined {
  const raw = row[key];
  if (isRecord(raw)) {
    const asPlant = plantValue(raw, context);
    if (asPlant) return asPlant;
    const pairs = Object.entries(raw)
      .map(([inner, value]) => [inner, scalar(value, context)] as const)
      .filter(([, value]) => value !== undefined)
      .slice(0, 5);
    return pairs.length ? pairs.map(([inner, value]) => `${label(inner).toLowerCase()} ${value}`).join(', ') : undefined;
  }
  if (Array.isArray(raw) && raw.every((item) => !isRecord(item) && !Array.isArray(item)))
    return raw.map((item) => scalar(item, context)).join(', ') || undefined;
  const value = scalar(raw, context);
  if (value === undefined) return undefined;
  const unit = key === 'value' ? scalar(row.unit) : scalar(row[`${key}Unit`]);
  return unit ? `${value} ${unit}` : value;
}

const QUESTION_WORDS = new Set(
  // Question words, and the small words that join them ("and on oven 2?"): none names a value.
  // Nor do the words that ask for a judgement ("is that normal", "passt das", "in spec", "zu hoch"), nor a line's
  // spoken number ("auf der Eins").
  (
    'zu too hoch high niedrig low kalt cold heiss hot warm eins zwo zwei drei ' +
    'whats what hows wie was wieviel much many current now jetzt aktuell gerade and on of in at for the to is it its from with also too there then und am im an auf der die das den dem bei von vom mit auch da dort dann ist that this normal normally ok okay passt spec range bereich zeigt shows reads right currently moment momentan grad please pls bitte mal tell show me give gib zeig mir value wert reading braucht brauchen need needs using uses hat haben has have gibt liegt liegen doing macht ' +
    // "can you check if the nitrogen is within spec", "kannst du schauen ob … im Rahmen ist".
    'can could you check if whether within inside limits limit tolerance kannst du schau schauen prüf pruef prüfen pruefen ob innerhalb rahmen toleranz ' +
    // A window says when, not what: "der letzten 8 Stunden", "over the last hour".
    'last letzten letzte seit since over during über ueber hours hour stunden stunde minutes minuten min today heute shift schicht ' +
    // "what should it be?", "wie hoch sollte der sein?": asking for the band names no value.
    'should be sein soll sollte sollten haben'
  ).split(' '),
);

/** Machine names: the asset a question is about, not a value of it. */
const MACHINE_NAMES = new Set(
  'oven ofen reflow printer drucker placer bestuecker packer verpacker compressor kompressor chiller kaltwassersatz aoi spi ict machine maschine line linie'.split(
    ' ',
  ),
);
/** Numbered words that name a line or machine ("l2", "oven2", "pnp1"), not a part of one like "zone5". */
const NUMBERED_MACHINES = /^(?:l|line|linie|lines|oven|ofen|pnp|placer|bestuecker|printer|drucker|aoi|spi|ict|packer|run|po|wo|p)$/;

/** Whether a row is about what the question asked (a tag, an asset, an order or code it names). */
function isAsked(row: Row, context: Context): boolean {
  if (context.asked.length === 0) return false;
  const texts = Object.entries(row)
    .filter(([key, value]) => typeof value === 'string' && /id|tag|name|description|code|asset|order|title|line/i.test(key))
    .map(([, value]) => String(value).replace(/\./g, ' '));
  // Two readings of an id: "Zone4Temp" → "Zone 4 Temp" (numbered words) and "O2Ppm" → "O2 Ppm" (formula words).
  const own = tagQueryWords(
    [...texts.map((text) => text.replace(/([a-z])([A-Z0-9])/g, '$1 $2')), ...texts.map((text) => text.replace(/([a-z0-9])([A-Z])/g, '$1 $2'))].join(' '),
  );
  // Numbered words ("oven2", "zone4") are checked below; question words and the machine's own name name no value
  // ("what is zone 5 on the L2 oven at" must not lead with the oven's conveyor speed).
  // "O2 on both ovens": "both" and the machines named in the plural name no value either.
  const distinctive = context.asked.filter(
    (word) =>
      word.length >= 2 &&
      !/\d/.test(word) &&
      !QUESTION_WORDS.has(word) &&
      !MACHINE_NAMES.has(word) &&
      !MACHINE_NAMES.has(word.replace(/(?:e?s|n)$/, '')) &&
      !/^(?:both|beide\w*|all|alle\w*|each|jede[nrsm]?|oefen|öfen)$/.test(word),
  );
  // "der letzten 8 Stunden" reads as "letzten8": a window's number is no numbered part of the machine.
  const numbers = context.asked.filter((word) => /\d/.test(word) && !QUESTION_WORDS.has(word.replace(/\d+$/, '')));
  // "Zone 5 vom Ofen L2 steht auf welchem Wert?": a numbered part of the machine ("zone5") decides — the rows that
  // have it are asked, whatever other words the question has; rows without it are not.
  const parts = numbers.filter((number) => /^[a-z]{3,}\d+$/.test(number) && !NUMBERED_MACHINES.test(number.replace(/\d+$/, '')));
  if (parts.length > 0) return parts.every((part) => own.includes(part));
  if (distinctive.length === 0) return false;
  // "the zone temps": a plural names what its singular does ("temps" → "temp…").
  const hits = distinctive.filter((word) =>
    [word, word.replace(/(?<=\w{3})s$/, '')].some((form) =>
      own.some((mine) => mine === form || (form.length >= 4 && mine.startsWith(form)) || (mine.length >= 4 && form.startsWith(mine))),
    ),
  );
  // "zone 4" must not pick zone 3's row: a numbered word of the same kind must match exactly.
  const numbered = numbers.every((number) => {
    const kind = number.replace(/\d+$/, '');
    const sameKind = own.filter((mine) => /\d$/.test(mine) && mine.replace(/\d+$/, '') === kind);
    return sameKind.length === 0 || sameKind.includes(number);
  });
  // "Zone 4 Ist-Temperatur": a numbered word the row has exactly ("zone4") counts as a shared word.
  const numberedHits = numbers.filter((number) => own.includes(number)).length;
  return hits.length >= 1 && hits.length + numberedHits >= Math.min(2, distinctive.length) && numbered;
}

function table(rows: Row[], context: Context): string {
  const keys = new Set<string>();
  for (const row of rows)
    for (const key of Object.keys(row)) if (withUnit(row, key, context) !== undefined && key !== 'unit' && key !== 'sources') keys.add(key);
  const columns = [...PREFERRED_COLUMNS.filter((key) => keys.has(key)), ...[...keys].filter((key) => !PREFERRED_COLUMNS.includes(key))].slice(0, MAX_COLUMNS);
  if (columns.length === 0) return '';
  // The asked rows first and always shown; the rest up to the limit.
  const asked = rows.filter((row) => isAsked(row, context));
  const others = rows.filter((row) => !asked.includes(row));
  const shown = [...asked, ...others.slice(0, Math.max(0, MAX_ROWS - asked.length))];
  const lines = [`| ${columns.map(label).join(' | ')} |`, `| ${columns.map(() => '---').join(' | ')} |`];
  for (const row of shown) lines.push(`| ${columns.map((key) => cell(withUnit(row, key, context) ?? '')).join(' | ')} |`);
  const hidden = rows.length - shown.length;
  if (hidden > 0) lines.push(`\n${context.language === 'de' ? `…und ${hidden} weitere.` : `…and ${hidden} more.`}`);
  const nested = shown.slice(0, MAX_NESTED_ROWS).flatMap((row) => nestedParts(row, context));
  return [lines.join('\n'), ...nested].join('\n\n');
}

/** What a row names itself by, for the heading of its nested data. */
function rowName(row: Row): string {
  for (const key of ['id', 'line', 'assetId', 'asset', 'orderId', 'name', 'code', 'title']) {
    const value = row[key];
    if (typeof value === 'string' || typeof value === 'number') return String(value);
    if (isRecord(value) && (typeof value.value === 'string' || typeof value.value === 'number')) return String(value.value);
  }
  return '';
}

/** Arrays of records inside a row (a line's orders, a sequence, contributing signals) as their own tables. */
function nestedParts(row: Row, context: Context): string[] {
  const parts: string[] = [];
  for (const [key, value] of Object.entries(row)) {
    if (Array.isArray(value) && value.length > 0 && isRecord(value[0])) parts.push(`**${rowName(row)} — ${label(key)}**\n\n${table(value as Row[], context)}`);
  }
  return parts;
}

function describe(output: unknown, context: Context, depth = 0): string[] {
  if (!isRecord(output)) {
    if (Array.isArray(output))
      return output.length === 0
        ? [context.language === 'de' ? 'Nichts gefunden.' : 'Nothing found.']
        : [isRecord(output[0]) ? table(output as Row[], context) : output.map((item) => `- ${scalar(item, context) ?? JSON.stringify(item)}`).join('\n')];
    const text = scalar(output, context);
    return text === undefined ? [] : [text];
  }
  const parts: string[] = [];
  const facts: string[] = [];
  for (const [key, value] of Object.entries(output)) {
    if (key === 'sources' || key === 'unit' || key.endsWith('Unit')) continue;
    // A list's note is said in place of an empty list (below); beside a non-empty one it stands on its own.
    const noted = output[key.slice(0, -'Note'.length)];
    if (key.endsWith('Note') && Array.isArray(noted) && noted.length === 0) continue;
    if ((key === 'summary' || key === 'answer' || key === 'explanation' || key === 'markdown') && typeof value === 'string') {
      parts.unshift(value);
      continue;
    }
    if (isRecord(value) && plantValue(value, context)) {
      facts.push(`- **${label(key)}**: ${plantValue(value, context)}`);
      continue;
    }
    const text = isRecord(value) ? undefined : withUnit(output, key, context);
    if (text !== undefined) facts.push(`- **${label(key)}**: ${text}`);
    else if (Array.isArray(value)) {
      // An empty list the source cannot vouch for (a lost plant) carries a note: say that, never "none".
      const note = output[`${key}Note`];
      if (value.length === 0) facts.push(`- **${label(key)}**: ${typeof note === 'string' ? note : context.language === 'de' ? 'keine' : 'none'}`);
      else if (isRecord(value[0])) parts.push(`**${label(key)}**\n\n${table(value as Row[], context)}`);
      else facts.push(`- **${label(key)}**: ${value.map((item) => scalar(item, context) ?? JSON.stringify(item)).join(', ')}`);
    } else if (isRecord(value) && depth < 3) {
      const inner = describe(value, context, depth + 1);
      if (inner.length > 0) parts.push(`**${label(key)}**\n\n${inner.join('\n\n')}`);
    }
  }
  if (facts.length > 0) parts.unshift(facts.join('\n'));
  return parts;
}

function qualityNote(output: unknown, language: Language): string {
  const quality = worstQuality(output);
  if (language === 'de') {
    if (quality === 'good') return 'Datenqualität: alle Werte Good.';
    if (quality === 'uncertain') return '⚠ Datenqualität: einige Werte sind Uncertain oder veraltet — nicht als aktuell behandeln.';
    if (quality === 'bad') return '⚠ Datenqualität: einige Werte sind Bad — keine gültigen Messwerte; Verbindung oder Sensor prüfen.';
    return '';
  }
  if (quality === 'good') return 'Data quality: all values Good.';
  if (quality === 'uncertain') return '⚠ Data quality: some values are Uncertain or stale — do not treat them as current.';
  if (quality === 'bad') return '⚠ Data quality: some values are Bad — they are not valid readings; check the connection or the sensor.';
  return '';
}

function errorText(output: Row, language: Language): string | undefined {
  const error = output.error;
  if (!isRecord(error)) return undefined;
  return `${language === 'de' ? 'Das konnte ich nicht abrufen' : 'I could not get that'}: ${scalar(error.message) ?? 'the tool reported an error'}`;
}

/**
 * "Kältemaschine Vorlauf zeigt 19 Grad, ist das normal?" read the machine and searched its manual in one step:
 * the asked value judged against the normal band the manual's tag table gives, first. "Is the reflow on line 2 in
 * spec?" names no value: then every value whose band the manual lists is judged, those outside named.
 */
function bandVerdicts(results: ToolResultForAnswer[], question: string, context: Context): string[] {
  const parsed = (tool: string) =>
    results
      .filter((candidate) => candidate.tool === tool)
      .map((result) => {
        try {
          return JSON.parse(result.content) as unknown;
        } catch {
          return undefined;
        }
      })
      .filter(isRecord);
  const state = parsed('asset_state')[0];
  // Every search made in the step: the asker's own words and the tag's row.
  const passages = parsed('search_manuals')
    .flatMap((manuals) => (Array.isArray(manuals.passages) ? (manuals.passages as Row[]) : []))
    .map((passage) => ({ text: String(passage.text ?? ''), title: scalar(passage.title), section: scalar(passage.section) }));
  if (!state || !Array.isArray(state.tags) || passages.length === 0) return [];
  const numeric = (state.tags as Row[]).filter((row) => typeof row.value === 'number');
  const asked = numeric.filter((row) => isAsked(row, context)).slice(0, 2);
  // The search for bands is made only to judge ("und der Chiller?" after "ist der Kompressor ok?" says no "ok" itself).
  const searchedForBands = results.some((result) => result.tool === 'search_manuals' && /normal band/.test(String(result.args.query ?? '')));
  if (asked.length === 0 && (searchedForBands || JUDGED_AGAINST_NORMAL.test(question.toLowerCase())))
    return wholeMachineVerdict(state, numeric, passages, context);
  return asked.flatMap((row) => {
    const tagId = String(row.tagId ?? '');
    const band = normalBandFor(tagId, passages);
    if (!band) return [];
    const unit = scalar(row.unit) ?? band.unit;
    const name = tagName(tagId, scalar(row.description), context.language) ?? tagId;
    return [bandVerdict({ name, tagId, value: row.value as number, unit }, band, context.language, statedValue(question, unit))];
  });
}

/** Every value of the machine whose normal band the passages list, judged: how many are inside, and each one outside. */
function wholeMachineVerdict(state: Row, rows: readonly Row[], passages: readonly Passage[], context: Context): string[] {
  const de = context.language === 'de';
  const judged = rows.flatMap((row) => {
    const tagId = String(row.tagId ?? '');
    // A setpoint is what the process is asked to be, not a measurement of it.
    if (row.writable === true) return [];
    const band = normalBandFor(tagId, passages);
    return band ? [{ row, tagId, band, value: row.value as number }] : [];
  });
  if (judged.length === 0) return [];
  const outside = judged.filter(({ value, band }) => value < band.low || value > band.high);
  const asset = isRecord(state.asset) ? state.asset : {};
  const machine = asset.id ? `${scalar(asset.name) ?? ''} (${String(asset.id)})`.trim() : de ? 'Die Maschine' : 'The machine';
  // Bands may come from the machine's manual and from the plant's conventions for every machine: name each document.
  const source = [...new Set(judged.map(({ band }) => band.title).filter(Boolean))].join('; ');
  const inside = judged.length - outside.length;
  const head = de
    ? `**${machine}: ${inside} von ${judged.length} Messwerten mit Normalbereich liegen darin${outside.length === 0 ? '' : `, ${outside.length} außerhalb`}**${source ? ` (${source})` : ''}.`
    : `**${machine}: ${inside} of ${judged.length} measured values with a normal band are inside it${outside.length === 0 ? '' : `, ${outside.length} outside`}**${source ? ` (${source})` : ''}.`;
  const lines = outside.map(({ row, tagId, band, value }) => {
    const name = tagName(tagId, scalar(row.description), context.language) ?? tagId;
    return `- ${bandVerdict({ name, tagId, value, unit: scalar(row.unit) ?? band.unit }, { ...band, title: '', section: undefined }, context.language)}`;
  });
  return [head, ...lines];
}

function leadValues(output: unknown, context: Context): string[] {
  if (!isRecord(output) || !Array.isArray(output.tags)) return [];
  let asked = (output.tags as Row[]).filter((row) => isAsked(row, context));
  // "and the zone temps?": eight zones' temperatures and their eight setpoints all fit the words; the measured ones
  // are asked unless the question names setpoints.
  if (asked.length > 8 && !context.asked.some((word) => /^(?:setpoints?|sollw\w*|soll|sp)$/.test(word))) asked = asked.filter((row) => row.writable !== true);
  // … and the heater outputs' descriptions mention "zone" and "temperature" too: then the rows whose id says it.
  if (asked.length > 8) asked = asked.filter((row) => isAsked({ tagId: row.tagId }, context));
  if (asked.length === 0 || asked.length > 8) return [];
  return asked.map((row) => {
    const name = tagName(scalar(row.tagId), scalar(row.description), context.language) ?? scalar(row.tagId) ?? '';
    const value = plantValue(row, context) ?? withUnit(row, 'value', context) ?? '—';
    return `**${name}** (${scalar(row.tagId) ?? ''}): ${value}`;
  });
}

const SENTENCE_STOP = new Set(
  'the a an is are was were what which how do does did i we you it of to in on for and or with at by be can should when where why this that my our your der die das ist sind was wie wo wann warum ich wir sie es und oder mit für von zu im am ein eine manual manuals say says about tell me handbuch handbuchs steht sagt über ueber zum zur den dem des bitte please muss man kann soll sollte müssen muessen machen mache tun get gets got need needs'.split(
    ' ',
  ),
);

/** A word of the question and a word of a passage are the same word, inflections aside ("reinige" / "reinigen"). */
function sameStem(own: string, word: string): boolean {
  return own === word || (word.length >= 4 && own.startsWith(word)) || (word.length >= 6 && own.startsWith(word.slice(0, -1)));
}

/** The synonym groups' one-word phrases, spelt as `tokens` spells words (umlauts as ae, oe, ue). */
const SYNONYM_WORDS = SYNONYM_GROUPS.map((phrases) => phrases.filter((phrase) => !/[\s-]/.test(phrase)).flatMap((phrase) => tokens(phrase)));

/** "How often …", "wie oft …": the answer is an interval, so a maintenance table's row says it best. */
/** "move PO-24120 to line 1", "leg den 24120 auf Linie 1": an order asked to go to another line. */
const MOVE_ORDER =
  /\b(move|put|shift|switch|swap|run|verschieb\w*|leg\w*|pack\w*|schieb\w*|umplan\w*|setz\w*)\b.*\b(?:to|onto|on|auf|nach|in)\s+(?:the\s+|die\s+)?(?:line|linie|l)\s*\d\b/i;
/** "what do I do about E-214", "und was mach ich da?": the steps a manual gives, not what the code means. */
const ASKS_WHAT_TO_DO =
  /\b(what (?:to|do i|should i|do we|should we) do|how (?:do i|do we|to) fix|what now|was (?:mach|tu|tun|soll|m(?:ü|ue)ss)\w* (?:ich|wir|man)|was tun|abhilfe|beheb\w*|steps|ma(?:ß|ss)nahmen)\b/i;
const ASKS_HOW_OFTEN = /\b(how often|how frequently|interval\w*|wie oft|wie h(?:ä|ae)ufig|intervall\w*|in welchem abstand)\b/i;
const STATES_AN_INTERVAL =
  /\b(interval|intervall|every|daily|weekly|monthly|yearly|each shift|per shift|t(?:ä|ae)glich|w(?:ö|oe)chentlich|monatlich|j(?:ä|ae)hrlich|jede\w* schicht)\b/i;

/**
 * The words a question word may appear as in the manuals: itself and its plant synonyms, German and
 * English ("Schablone" → "stencil", "reinigen" → "clean"), so a German question finds its English answer.
 */
function alternativesOf(word: string): string[] {
  // The group that spells the word itself wins over one with a longer word it begins ("schablone" is the
  // stencil, not the "schablonendrucker" of the printer group, whose rows would then answer for it).
  const exact = SYNONYM_WORDS.filter((phrases) => phrases.includes(word));
  const groups = exact.length > 0 ? exact : SYNONYM_WORDS.filter((phrases) => phrases.some((phrase) => sameStem(phrase, word))).slice(0, 1);
  return [word, ...groups.flat()];
}

/**
 * A passage as the units that can answer: its sentences, and each row of a table as one line that
 * names its columns ("Clean nozzles (ultrasonic cleaner) — Interval: Daily; By: Operator").
 */
export function answerUnits(text: string): string[] {
  const units: string[] = [];
  let prose: string[] = [];
  let header: string[] | undefined;
  const flush = () => {
    units.push(
      ...prose
        .join(' ')
        .replace(/\s+/g, ' ')
        .split(/(?<=[.!?])\s+(?=[A-ZÄÖÜ0-9])/),
    );
    prose = [];
  };
  for (const line of text.split('\n')) {
    const cells = line.split('|').map((cell) => cell.trim());
    if (cells.length < 2) {
      header = undefined;
      prose.push(line);
      continue;
    }
    flush();
    if (!header) {
      header = cells;
      continue;
    }
    const named = cells.slice(1).map((cell, index) => (header![index + 1] ? `${header![index + 1]}: ${cell}` : cell));
    units.push(`${cells[0]} — ${named.join('; ')}.`);
  }
  flush();
  // A table row run together in an older passage ("Item | PNP1 | PNP2 Model | …") answers nothing as a sentence.
  return units.map((unit) => unit.trim()).filter((unit) => unit.length >= 20 && unit.length <= 600 && (unit.match(/\|/g) ?? []).length < 3);
}

/** The sentences or table rows of manual passages that answer the question best (shared words, synonyms counted). */
export function answeringSentences(question: string, passages: { number: number; text: string }[], max = 2): { sentence: string; number: number }[] {
  // A number counts however short ("MSL 3").
  const wanted = tokens(question).filter((word) => !SENTENCE_STOP.has(word) && (word.length >= 2 || /\d/.test(word)));
  if (wanted.length === 0) return [];
  const alternatives = new Map(wanted.map((word) => [word, alternativesOf(word)]));
  const scored: { sentence: string; number: number; score: number }[] = [];
  for (const passage of passages) {
    for (const sentence of answerUnits(passage.text)) {
      const words = tokens(sentence);
      const hits = wanted.filter((word) => alternatives.get(word)!.some((alternative) => words.some((own) => sameStem(own, alternative))));
      // Numbers and codes in the question (E-214, MSL 3) must be in the answering sentence to count double.
      const exact = wanted.filter((word) => /\d/.test(word) && words.includes(word)).length;
      const interval = ASKS_HOW_OFTEN.test(question) && STATES_AN_INTERVAL.test(sentence) ? 1 : 0;
      // "MSL 3": the table row whose first cell is the number or code asked for is that row's answer, ahead of a
      // sentence that only mentions the code among others ("MSL 2a to 5a must be baked").
      const rowKey = / — /.test(sentence) && wanted.includes(tokens(sentence.split(' — ')[0]!).join(' ')) ? 1 : 0;
      // A long unit shares many words by its length alone.
      const length = Math.max(0, words.length - 30) * 0.02;
      const score = hits.length + exact + interval + 3 * rowKey - length - passage.number * 0.01;
      // The row of the code asked ("MSL 5a" → "5a — Floor life: 24 hours") answers however few other words it shares.
      if (hits.length >= Math.min(2, wanted.length) || (rowKey > 0 && exact > 0)) scored.push({ sentence, number: passage.number, score });
    }
  }
  scored.sort((a, b) => b.score - a.score);
  // A second unit only when it answers about as well as the first; a weaker one is noise next to it.
  const best = scored[0]?.score ?? 0;
  return scored
    .filter(({ score }) => score >= best - 0.5)
    .slice(0, max)
    .map(({ sentence, number }) => ({ sentence, number }));
}

/**
 * The passages a manual search found, after the answering sentence: each with its citation number, document and
 * section, in a few lines — not a table of scores and versions.
 */
function manualPassages(output: Row, context: Context, firstCitation: number): string | undefined {
  if (!Array.isArray(output.passages) || output.passages.length === 0) return undefined;
  const lines = (output.passages as Row[]).slice(0, MAX_PASSAGES).map((passage, index) => {
    const number = typeof passage.number === 'number' ? passage.number : index + 1;
    const text = (scalar(passage.text) ?? '').replace(/\s+/g, ' ').trim();
    const shown = text.length > PASSAGE_CHARS ? `${text.slice(0, PASSAGE_CHARS).replace(/\s+\S*$/, '')} …` : text;
    const where = [scalar(passage.title), scalar(passage.section)].filter(Boolean).join(' — ');
    return `[${firstCitation + number - 1}] ${where ? `**${where}**: ` : ''}${shown}`;
  });
  return `**${context.language === 'de' ? 'Passagen' : 'Passages'}**\n\n${lines.join('\n')}`;
}
const MAX_PASSAGES = 5;
const PASSAGE_CHARS = 280;

/** "E-211 to E-218": the codes a section heading covers, as prefix and number range. */
const CODE_RANGE = /\b([A-Z])-(\d{3})\s*(?:to|bis|–|-)\s*(?:[A-Z]-)?(\d{3})\b/;

/**
 * "what does E-214 mean" where no section is filed under E-214: the rows that start with the code (the alarm
 * list's "E-214 — Text: Zone 4 heater over-temperature deviation; Priority: 2") and the prose of a section
 * whose heading covers it ("E-211 to E-218 …": what the range means and when it is raised), each cited.
 */
function codeInTablesAndRanges(
  id: string,
  rows: Row[],
  passages: { number: number; text: string }[],
  firstCitation: number,
  whatToDo = false,
): string | undefined {
  const cite = (number: number) => `[${firstCitation + number - 1}]`;
  // "E-214 — und was mach ich da?": the section's causes and steps answer, not the alarm list's row again.
  const keyed = whatToDo
    ? []
    : passages
        .flatMap(({ number, text }) => answerUnits(text).map((unit) => ({ unit, number })))
        .filter(({ unit }) => unit.startsWith(`${id} — `))
        .slice(0, 2)
        .map(({ unit, number }) => `${unit.slice(id.length + 3)} ${cite(number)}`);
  const [prefix, number] = [id[0]!, Number(id.slice(2))];
  const ranged = rows.findIndex((row) => {
    const range = typeof row.section === 'string' ? CODE_RANGE.exec(row.section) : null;
    return range !== null && range[1] === prefix && Number(range[2]) <= number && number <= Number(range[3]);
  });
  const prose =
    ranged >= 0
      ? passages[ranged]!.text.split('\n')
          .filter((line) => !line.includes('|'))
          .join(' ')
          .replace(/\s+/g, ' ')
          .trim()
      : '';
  const steps = whatToDo ? prose.search(/\b(?:Causes|Ursachen|Action|Maßnahmen|Response)\s*:|(?:^|\s)1\.\s/) : -1;
  const told = steps > 0 ? prose.slice(steps).trim() : prose;
  const limit = whatToDo ? 700 : 400;
  const shown = told.length > limit ? `${told.slice(0, limit).replace(/\s\S*$/, '')} …` : told;
  const parts = [...keyed, ...(shown ? [`${shown} ${cite(passages[ranged]!.number)}`] : [])];
  return parts.length > 0 ? parts.join(' ') : undefined;
}

function manualAnswer(output: Row, question: string, context: Context, firstCitation: number): string | undefined {
  if (!Array.isArray(output.passages) || output.passages.length === 0) return undefined;
  const passages = (output.passages as Row[]).map((passage, index) => ({
    number: typeof passage.number === 'number' ? passage.number : index + 1,
    text: typeof passage.text === 'string' ? passage.text : '',
  }));
  const lead = context.language === 'de' ? 'Antwort' : 'Answer';
  // "what does E-302 mean": the passage filed under that code (its section names it) is the answer, whole.
  const code = /\b([a-z])-?(\d{3})\b/i.exec(question);
  if (code) {
    const id = `${code[1]!.toUpperCase()}-${code[2]}`;
    const index = (output.passages as Row[]).findIndex((passage) => typeof passage.section === 'string' && passage.section.includes(id));
    const passage = index >= 0 ? passages[index] : undefined;
    if (passage && passage.text.length > 0) {
      const text = passage.text.replace(/\s+/g, ' ').trim();
      const shown = text.length > 600 ? `${text.slice(0, 600).replace(/\s\S*$/, '')} …` : text;
      const heading = String((output.passages as Row[])[index]!.section)
        .split(' > ')
        .at(-1);
      return `**${lead} — ${heading}:** ${shown} [${firstCitation + passage.number - 1}]`;
    }
    const answer = codeInTablesAndRanges(id, output.passages as Row[], passages, firstCitation, ASKS_WHAT_TO_DO.test(question));
    if (answer) return `**${lead} — ${id}:** ${answer}`;
  }
  const best = answeringSentences(question, passages);
  if (best.length === 0) return undefined;
  return `**${lead}:** ${best.map(({ sentence, number }) => `${sentence} [${firstCitation + number - 1}]`).join(' ')}`;
}

/** What a manual search was for: the question, and the query the call searched when it differs ("why?" → "E-712 …"). */
function manualQuestion(question: string, args: Record<string, unknown> | undefined): string {
  const query = typeof args?.query === 'string' ? args.query : '';
  return query && !question.includes(query) ? `${question} ${query}` : question;
}

/** The answer for one turn's tool results, with citations numbered across the whole answer. */
export function writeAnswer(results: ToolResultForAnswer[], options: AnswerOptions = {}): string {
  const language = options.language ?? 'en';
  const question = options.question ?? '';
  const context: Context = { language, timeZone: options.timeZone ?? 'Europe/Berlin', asked: question ? tagQueryWords(question) : [] };
  const sections: string[] = [];
  const citations: string[] = [];
  const verdicts = bandVerdicts(results, question, context);
  if (verdicts.length > 0) sections.push(verdicts.join('\n'));
  // "ack all alarms on line 2": no tool acknowledges alarms; the answer says so before the alarms to acknowledge.
  const silences = SILENCES_A_SIGNAL.test(foldInitialUmlauts(question.toLowerCase()));
  if (results.some((result) => result.tool === 'alarms') && (ACKNOWLEDGE_ALARMS.test(question.toLowerCase()) || silences))
    sections.push(
      language === 'de'
        ? '**Alarme quittiere ich nicht aus dem Chat:** Quittiert — und die Hupe abgestellt — wird am Bedienpanel der Maschine, wo jemand die Ursache sieht. Eine einzelne Maschine nach einer Störung zurückholen: den Befehl für sie nennen („L1-PNP2 zurücksetzen“), er geht zur Freigabe. Das sind die Alarme dazu:'
        : '**I do not acknowledge alarms from the chat:** they are acknowledged — and a horn silenced — at the machine’s HMI, where someone sees the cause. To bring one machine back after a fault, ask for its command (“reset L1-PNP2”), which is filed for approval. These are the alarms:',
    );
  for (const result of results) {
    let output: unknown;
    try {
      output = JSON.parse(result.content);
    } catch {
      output = result.content;
    }
    let headline = (HEADLINES[result.tool] ?? (() => result.tool))(result.args, language);
    if (result.tool === 'alarms') headline = alarmsHeadline(headline, output, language);
    if (isRecord(output) && errorText(output, language)) {
      sections.push(`**${headline}** — ${errorText(output, language)}`);
      continue;
    }
    if (isRecord(output) && isRecord(output.approval)) {
      // Actuations: only the gate's outcome is reported, in its own words.
      sections.push(`**${headline}** — ${scalar(output.approval.summary) ?? 'No outcome recorded.'}`);
      continue;
    }
    // Material results have answers of their own: what runs out first, what a late delivery starves, the next run.
    const material = materialAnswer(result.tool, result.args, output, { language, timeZone: context.timeZone, question });
    if (material) {
      sections.push(material);
      continue;
    }
    const firstCitation = citations.length + 1;
    const sources = sourcesOf(output);
    const marks = sources.map((source) => {
      citations.push(`[${citations.length + 1}] ${source.title}`);
      return `[${citations.length}]`;
    });
    // The plant's own tools answer in sentences that lead with what was asked; others get tables.
    const written = plantAnswer(result.tool, output, {
      language,
      timeZone: context.timeZone,
      args: result.args,
      assetLines: options.assetLines,
      question,
    });
    const lead = written
      ? [
          ...(result.tool === 'explain_late_order' && MOVE_ORDER.test(question)
            ? [
                language === 'de'
                  ? 'Einen Auftrag verschiebe ich nicht selbst: Die Linie legt der Plan fest, der mit Freigabe gilt. Was es brächte, ihn als Nächstes auf einer Linie zu fertigen, steht unten unter „Was helfen würde“; „Plan vorschlagen“ und dessen Freigabe setzen es um.'
                  : 'I do not move an order myself: its line comes from the plan, which takes effect when it is released. What running it next on a line would give is under “What would help” below; “propose a schedule” and releasing it carry it out.',
              ]
            : []),
          ...leadValues(output, context),
          ...figureAnswer(result.tool, output, question, { language, timeZone: context.timeZone }),
          ...lateOrdersAnswer(result.tool, output, question, { language, timeZone: context.timeZone }),
          ...orderProgressAnswer(result.tool, output, question, { language, timeZone: context.timeZone, latest: options.latest }),
          ...written.lead,
        ]
      : [
          ...leadValues(output, context),
          // A value judged against its band above is the answer; a sentence picked from the manual would only compete.
          ...(isRecord(output) && question && verdicts.length === 0
            ? [manualAnswer(output, manualQuestion(question, result.args), context, firstCitation) ?? '']
            : []),
        ].filter(Boolean);
    const passages = !written && result.tool === 'search_manuals' && isRecord(output) ? manualPassages(output, context, firstCitation) : undefined;
    const body = (written ? written.body : passages ? [passages] : describe(output, context)).filter(Boolean).join('\n\n');
    sections.push(
      [
        `**${headline}**${marks.length ? ` ${marks.join('')}` : ''}`,
        lead.join('\n'),
        body || (written ? '' : language === 'de' ? 'Das Werkzeug hat keine Daten geliefert.' : 'The tool returned no data.'),
        qualityNote(output, language),
      ]
        .filter(Boolean)
        .join('\n\n'),
    );
  }
  if (citations.length > 0) sections.push(`${language === 'de' ? 'Quellen' : 'Sources'}: ${citations.join('; ')}`);
  return sections.join('\n\n');
}
