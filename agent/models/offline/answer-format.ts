/**
 * The small pieces every offline answer writer shares: reading a tool result's loose JSON, and writing
 * figures and plant times the way the asker's language does (decimal commas and 24-hour times in German).
 */
import { formatPlantTime } from '@/lib/plant-time';
import type { Language } from './training-set';

export type Row = Record<string, unknown>;
export type PlantAnswerOptions = { language: Language; timeZone: string };
/** `lead` comes first (what was asked); `body` replaces the generic tables. */
export type PlantAnswer = { lead: string[]; body: string[] };

export const isRecord = (value: unknown): value is Row => typeof value === 'object' && value !== null && !Array.isArray(value);
export const rows = (value: unknown): Row[] => (Array.isArray(value) ? value.filter(isRecord) : []);
export const str = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);
export const num = (value: unknown): number | undefined => (typeof value === 'number' && Number.isFinite(value) ? value : undefined);

export function say(options: PlantAnswerOptions, english: string, german: string): string {
  return options.language === 'de' ? german : english;
}

/** 86.7 → "86.7" / "86,7": German in, German out, decimal commas included. */
export function figure(value: number | undefined, options: PlantAnswerOptions, digits = 1): string {
  if (value === undefined) return '—';
  return new Intl.NumberFormat(options.language === 'de' ? 'de-DE' : 'en-GB', { maximumFractionDigits: digits }).format(value);
}

export function withUnit(value: number | undefined, unit: unknown, options: PlantAnswerOptions): string {
  const shown = figure(value, options);
  const text = str(unit);
  // A counter's unit "count" says nothing a reader needs ("Gutzähler 0 count").
  if (!text || value === undefined || text === 'count') return shown;
  return text === '%' ? `${shown} %` : `${shown} ${text}`;
}

export function time(iso: unknown, options: PlantAnswerOptions, style: 'time' | 'datetime' | 'weekdayTime' = 'datetime'): string {
  const text = str(iso);
  return text ? formatPlantTime(text, options.timeZone, style, options.language) : '—';
}

/** "05 Dec, 02:27 – 05:31": a window in plant time, its day once when both ends are on it. */
export function timeRange(start: unknown, end: unknown, options: PlantAnswerOptions): string {
  const from = time(start, options);
  const day = from.includes(', ') ? from.slice(0, from.lastIndexOf(', ') + 2) : undefined;
  const until = day && time(end, options).startsWith(day) ? time(end, options, 'time') : time(end, options);
  return `${from} – ${until}`;
}

/** A span people read: "45 min", "21,9 h" (from 90 minutes up, as the scheduler writes its own). */
export function span(minutes: number, options: PlantAnswerOptions): string {
  return minutes >= 90 ? `${figure(minutes / 60, options)} h` : `${figure(minutes, options, 0)} min`;
}

/** A tag's description as a name: its first phrase ("Compressor vibration velocity, RMS (ISO …)" → "Compressor vibration velocity"). */
export function shortDescription(description: string | undefined): string | undefined {
  if (!description) return undefined;
  const first = description.split(/[.;](?:\s|$)|\s\(|,\s/)[0]!.trim();
  return first.length > 0 ? first : undefined;
}
