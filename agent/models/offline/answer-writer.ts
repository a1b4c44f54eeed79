/**
 * Writes the offline model's answer from tool results, knowing only the general shape plant tools
 * share: rows of values with units, timestamps and OPC UA quality, `sources`, and errors. Every
 * value shown comes from a tool result; an action is reported only as the gate's outcome says.
 */
import { sourcesOf, worstQuality } from '../../tool-output';

export type ToolResultForAnswer = { tool: string; args: Record<string, unknown>; content: string };

const HEADLINES: Record<string, (args: Record<string, unknown>) => string> = {
  plant_overview: () => 'Here is the plant overview',
  production_status: (a) => `Production status${a.line ? ` for ${a.line}` : ''}`,
  asset_state: (a) => `Current state of ${a.asset}`,
  alarms: (a) => `${a.state === 'all' ? 'Alarm history' : 'Active alarms'}${a.asset ? ` for ${a.asset}` : a.line ? ` on ${a.line}` : ''}`,
  tag_history: (a) => `Trend of ${a.asset} ${a.tag} from ${a.from} to ${a.to}`,
  search_manuals: (a) => `From the manuals on “${a.query}”`,
  propose_schedule: () => 'Proposed schedule',
  what_if: () => 'What-if result',
  release_schedule: () => 'Schedule release',
  explain_late_order: (a) => `Order ${a.order}: late or on time, and why`,
  maintenance_forecast: (a) => `Maintenance forecast${a.asset ? ` for ${a.asset}` : ''}`,
  list_work_orders: () => 'Work orders',
  create_work_order: (a) => `Work order for ${a.asset}: ${a.task}`,
  trigger_inspection: () => 'Inspection',
  inspection_results: () => 'Inspection results',
  generate_shift_handover: () => 'Shift handover',
  set_setpoint: (a) => `Setpoint change ${a.asset} ${a.tag} → ${a.value}`,
  machine_command: (a) => `Command ${a.command} for ${a.asset}`,
};

const MAX_ROWS = 15;
const MAX_COLUMNS = 7;
const PREFERRED_COLUMNS = [
  'id',
  'asset',
  'machine',
  'name',
  'tag',
  'code',
  'text',
  'title',
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

function scalar(value: unknown): string | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : String(Math.round(value * 100) / 100);
  if (typeof value === 'string' || typeof value === 'boolean') return String(value);
  return undefined;
}

const WORDS: Record<string, string> = { rul: 'RUL', id: 'id', pct: '%', kw: 'kW', oee: 'OEE', ppm: 'ppm', s: 's', ms: 'ms' };

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

/** A value with its unit: `{ value: 245, unit: '°C' }` → `245 °C`. */
function withUnit(row: Row, key: string): string | undefined {
  const value = scalar(row[key]);
  if (value === undefined) return undefined;
  const unit = key === 'value' ? scalar(row.unit) : scalar(row[`${key}Unit`]);
  return unit ? `${value} ${unit}` : value;
}

function table(rows: Row[]): string {
  const keys = new Set<string>();
  for (const row of rows) for (const [key, value] of Object.entries(row)) if (scalar(value) !== undefined && key !== 'unit') keys.add(key);
  const columns = [...PREFERRED_COLUMNS.filter((key) => keys.has(key)), ...[...keys].filter((key) => !PREFERRED_COLUMNS.includes(key))].slice(0, MAX_COLUMNS);
  if (columns.length === 0) return '';
  const lines = [`| ${columns.map(label).join(' | ')} |`, `| ${columns.map(() => '---').join(' | ')} |`];
  for (const row of rows.slice(0, MAX_ROWS)) lines.push(`| ${columns.map((key) => cell(withUnit(row, key) ?? '')).join(' | ')} |`);
  if (rows.length > MAX_ROWS) lines.push(`\n…and ${rows.length - MAX_ROWS} more.`);
  return lines.join('\n');
}

function describe(output: unknown, depth = 0): string[] {
  if (!isRecord(output)) {
    if (Array.isArray(output))
      return output.length === 0
        ? ['Nothing found.']
        : [isRecord(output[0]) ? table(output as Row[]) : output.map((item) => `- ${scalar(item) ?? JSON.stringify(item)}`).join('\n')];
    const text = scalar(output);
    return text === undefined ? [] : [text];
  }
  const parts: string[] = [];
  const facts: string[] = [];
  for (const [key, value] of Object.entries(output)) {
    if (key === 'sources' || key === 'unit' || key.endsWith('Unit')) continue;
    if ((key === 'summary' || key === 'answer' || key === 'explanation' || key === 'markdown') && typeof value === 'string') {
      parts.unshift(value);
      continue;
    }
    const text = withUnit(output, key);
    if (text !== undefined) facts.push(`- **${label(key)}**: ${text}`);
    else if (Array.isArray(value)) {
      if (value.length === 0) facts.push(`- **${label(key)}**: none`);
      else if (isRecord(value[0])) parts.push(`**${label(key)}**\n\n${table(value as Row[])}`);
      else facts.push(`- **${label(key)}**: ${value.map((item) => scalar(item) ?? JSON.stringify(item)).join(', ')}`);
    } else if (isRecord(value) && depth < 2) {
      const inner = describe(value, depth + 1);
      if (inner.length > 0) parts.push(`**${label(key)}**\n\n${inner.join('\n\n')}`);
    }
  }
  if (facts.length > 0) parts.unshift(facts.join('\n'));
  return parts;
}

function qualityNote(output: unknown): string {
  const quality = worstQuality(output);
  if (quality === 'good') return 'Data quality: all values Good.';
  if (quality === 'uncertain') return '⚠ Data quality: some values are Uncertain or stale — do not treat them as current.';
  if (quality === 'bad') return '⚠ Data quality: some values are Bad — they are not valid readings; check the connection or the sensor.';
  return '';
}

function errorText(output: Row): string | undefined {
  const error = output.error;
  if (!isRecord(error)) return undefined;
  return `I could not get that: ${scalar(error.message) ?? 'the tool reported an error'}`;
}

/** The answer for one turn's tool results, with citations numbered across the whole answer. */
export function writeAnswer(results: ToolResultForAnswer[]): string {
  const sections: string[] = [];
  const citations: string[] = [];
  for (const result of results) {
    let output: unknown;
    try {
      output = JSON.parse(result.content);
    } catch {
      output = result.content;
    }
    const headline = (HEADLINES[result.tool] ?? (() => result.tool))(result.args);
    if (isRecord(output) && errorText(output)) {
      sections.push(`**${headline}** — ${errorText(output)}`);
      continue;
    }
    if (isRecord(output) && isRecord(output.approval)) {
      // Actuations: only the gate's outcome is reported, in its own words.
      sections.push(`**${headline}** — ${scalar(output.approval.summary) ?? 'No outcome recorded.'}`);
      continue;
    }
    const body = describe(output).filter(Boolean).join('\n\n');
    const sources = sourcesOf(output);
    const marks = sources.map((source) => {
      citations.push(`[${citations.length + 1}] ${source.title}`);
      return `[${citations.length}]`;
    });
    sections.push(
      [`**${headline}**${marks.length ? ` ${marks.join('')}` : ''}`, body || 'The tool returned no data.', qualityNote(output)].filter(Boolean).join('\n\n'),
    );
  }
  if (citations.length > 0) sections.push(`Sources: ${citations.join('; ')}`);
  return sections.join('\n\n');
}
