/**
 * Times as the plant reads them: its own time zone (PLANTPILOT_TIME_ZONE), 24-hour clock, the same
 * on every page, in the handover report and whatever the browser's or the server's zone is. A
 * screen that said 05:14 UTC next to a handover saying 06:14 made people ask which one was right.
 * Isomorphic: no Node imports, so client components use it through components/plant-time.tsx.
 */
export type PlantTimeStyle = 'time' | 'seconds' | 'datetime' | 'datetimeSeconds' | 'date' | 'weekdayTime';

const OPTIONS: Record<PlantTimeStyle, Intl.DateTimeFormatOptions> = {
  time: { hour: '2-digit', minute: '2-digit' },
  seconds: { hour: '2-digit', minute: '2-digit', second: '2-digit' },
  datetime: { day: '2-digit', month: 'short', hour: '2-digit', minute: '2-digit' },
  datetimeSeconds: { day: '2-digit', month: 'short', hour: '2-digit', minute: '2-digit', second: '2-digit' },
  date: { day: '2-digit', month: 'short', year: 'numeric' },
  weekdayTime: { weekday: 'short', hour: '2-digit', minute: '2-digit' },
};

const formatters = new Map<string, Intl.DateTimeFormat>();

/**
 * `language` 'de' writes the month the German way ("03. Dez., 15:35") for answers given in German; the clock is
 * 24-hour either way.
 */
export function formatPlantTime(at: Date | string | number, timeZone: string, style: PlantTimeStyle = 'datetime', language: 'en' | 'de' = 'en'): string {
  const key = `${timeZone}\u0000${style}\u0000${language}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(language === 'de' ? 'de-DE' : 'en-GB', { timeZone, hourCycle: 'h23', ...OPTIONS[style] });
    formatters.set(key, formatter);
  }
  const date = at instanceof Date ? at : new Date(at);
  return Number.isNaN(date.getTime()) ? '—' : formatter.format(date);
}

/** The zone server-side text (chat answers, approval outcomes) is written in when no zone is passed. */
export const DEFAULT_PLANT_TIME_ZONE = 'Europe/Berlin';
let serverTimeZone = DEFAULT_PLANT_TIME_ZONE;

/** Set once at server start from PLANTPILOT_TIME_ZONE; pages get the zone through components/plant-time.tsx instead. */
export function setPlantTimeZone(timeZone: string): void {
  serverTimeZone = timeZone;
}

export function plantTimeZone(): string {
  return serverTimeZone;
}

/** ISO 8601 with an offset or Z, as tools and the database write instants. */
export const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})$/;
