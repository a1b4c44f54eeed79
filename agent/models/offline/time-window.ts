/**
 * Time windows in a request ("last 2 hours", "since midnight", "between 6 and 8 this morning",
 * "seit Schichtbeginn", "gestern"), read in the plant's time zone. The phrases plant people use
 * most are read by the rules below in English and German: they answer in microseconds, and
 * Microsoft Recognizers-Text, whose JavaScript build has no German date-time model at all, also
 * reads "between 6 and 8 this morning" as 08:00 only. Everything else in English ("from 14:00 to
 * 15:30", "last night", "this week", "since 10 pm yesterday") goes to the recognizer.
 */
import { createRequire } from 'node:module';
import { shiftAt, lastCompletedShift, zonedInstant, DEFAULT_SHIFT_CALENDAR, type ShiftCalendar } from '@/lib/shift-calendar';
import { localParts } from '@/lib/time-zone';
import type { Language } from './training-set';
import { dateSaid } from './calendar-date';
import { halvesAsDecimals, numberWord } from './number-words';
import { foldInitialUmlauts, lastSentence } from './text';

export type TimeWindow = { from: string; to: string; minutes: number };
/** "the 10 minutes before line 1 stopped" → the alarms tool's `before` argument. */
export type BeforeStop = { minutes: number };

export type TimeContext = { now: Date; timeZone: string; shifts?: ShiftCalendar };

/** The plant's shift calendar, or the default shifts in the plant's time zone. */
export function shiftCalendarOf(context: TimeContext): ShiftCalendar {
  return context.shifts ?? { ...DEFAULT_SHIFT_CALENDAR, timeZone: context.timeZone };
}

/** The shift a word names: "lates", "Spätschicht", "nights", "Frühschicht". */
const NAMED_SHIFT: [RegExp, 'early' | 'late' | 'night'][] = [
  [/^(?:early|earlies|morning|fr(?:ü|ue)h)/, 'early'],
  [/^(?:late|lates|afternoon|sp(?:ä|ae)t)/, 'late'],
  [/^(?:night|nights|nacht)/, 'night'],
];

export function shiftNamed(word: string): 'early' | 'late' | 'night' | undefined {
  return NAMED_SHIFT.find(([pattern]) => pattern.test(word.toLowerCase()))?.[1];
}

/** The shift a message names as a shift: "the night shift", "the lates", "Frühschicht" (not "late" or "early" alone). */
export function namedShiftIn(text: string): 'early' | 'late' | 'night' | undefined {
  const named = /\b(?:(early|morning|late|afternoon|night)[- ]?shift|(earlies|lates|nights)\b|(fr(?:ü|ue)h|sp(?:ä|ae)t|nacht)schicht)\b/.exec(
    text.toLowerCase(),
  );
  return named ? shiftNamed(named[1] ?? named[2] ?? named[3]!) : undefined;
}

/**
 * A clock as said in a due time or an outage's end: "14:30", "2pm", "14 Uhr", "6h", "10 o'clock", "noon", "Mittag",
 * "midnight", "Mitternacht".
 */
export function clockSaid(word: string): { hour: number; minute: number } | undefined {
  const said = word.trim().toLowerCase();
  if (/^(?:noon|midday|mittags?)$/.test(said)) return { hour: 12, minute: 0 };
  if (/^(?:midnight|mitternacht)$/.test(said)) return { hour: 0, minute: 0 };
  return parseClock(said.replace(/\s*(?:uhr|h|o'?clock)$/, ''));
}

/** The next time the plant's clock shows `clock`: today, or 24 h later when today's has passed. */
export function nextAtClock(clock: { hour: number; minute: number }, context: TimeContext): Date {
  const today = at(plantDay(context), clock.hour, clock.minute, context);
  return today.getTime() > context.now.getTime() ? today : new Date(today.getTime() + 24 * 60 * MINUTE_MS);
}

const MINUTE_MS = 60_000;
const UNIT_MINUTES: [RegExp, number][] = [
  [/^(m|mins?|minutes?|minuten?)$/, 1],
  [/^(h|hrs?|hours?|std|stunden?|stunde)$/, 60],
  [/^(d|days?|tage?n?|tag)$/, 1440],
  [/^(weeks?|wochen?)$/, 10080],
  [/^(shifts?|schichten|schicht)$/, 480],
];

type Day = { year: number; month: number; day: number };

/** The calendar day `days` after `day` (before, when negative). */
function addDays(day: Day, days: number): Day {
  const shifted = new Date(Date.UTC(day.year, day.month - 1, day.day + days));
  return { year: shifted.getUTCFullYear(), month: shifted.getUTCMonth() + 1, day: shifted.getUTCDate() };
}

function plantDay(context: TimeContext, offsetDays = 0): Day {
  const p = localParts(context.now.getTime(), context.timeZone);
  return addDays({ year: p.year, month: p.month, day: p.day }, offsetDays);
}

/** An instant as booking windows and requests write it: ISO 8601 to the second ("2026-03-04T21:00:00Z"). */
/** The Monday of ISO week `week` of `year` (week 1 holds the year's first Thursday). */
function isoWeekMonday(year: number, week: number): Day {
  const fourthOfJanuary = new Date(Date.UTC(year, 0, 4));
  const mondayOfWeekOne = new Date(fourthOfJanuary.getTime() - ((fourthOfJanuary.getUTCDay() + 6) % 7) * 86_400_000);
  const monday = new Date(mondayOfWeekOne.getTime() + (week - 1) * 7 * 86_400_000);
  return { year: monday.getUTCFullYear(), month: monday.getUTCMonth() + 1, day: monday.getUTCDate() };
}

export function isoSeconds(date: Date): string {
  return date.toISOString().replace('.000Z', 'Z');
}

function at(day: Day, hour: number, minute: number, context: TimeContext): Date {
  return zonedInstant(day, `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`, context.timeZone);
}

function window(from: Date, to: Date): TimeWindow {
  const end = to.getTime();
  return { from: from.toISOString(), to: new Date(end).toISOString(), minutes: Math.max(1, Math.round((end - from.getTime()) / MINUTE_MS)) };
}

/** Minutes in a unit of time as said: "min", "Std", "hours", "Tage", "Schicht". */
export function unitMinutes(unit: string): number | undefined {
  return UNIT_MINUTES.find(([pattern]) => pattern.test(unit))?.[1];
}

function amount(text: string | undefined): number {
  if (!text) return 1;
  const n = Number(text.replace(',', '.'));
  return Number.isFinite(n) ? n : (numberWord(text) ?? 1);
}

/** Hours in a part of the day: "6 and 8 this morning" are 06–08, "2 to 4 this afternoon" 14–16. */
function dayPartHour(hour: number, part: string | undefined): number {
  if (!part) return hour;
  if (/afternoon|evening|tonight|nachmittag|abend/.test(part) && hour < 12) return hour + 12;
  if (/night|nacht/.test(part) && hour >= 6 && hour < 12) return hour + 12;
  return hour;
}

/** A calendar date said for a reading ("on 30/11", "am 1.12."): the last such day gone by, or undefined. */
function pastDateSaid(text: string, context: TimeContext): Day | undefined {
  const said = dateSaid(text, plantDay(context), { past: true });
  return said && 'day' in said ? said.day : undefined;
}

function dayOf(text: string, context: TimeContext): Day {
  const dated = pastDateSaid(text, context);
  if (dated) return dated;
  // "on wednesday between 10 and 12": the last such weekday (today's, when today is that day).
  const weekday = WEEKDAYS.slice(0, 7).find(([pattern]) => pattern.test(text))?.[1];
  if (weekday !== undefined && !/\b(next|coming|n(?:ä|ae)chste\w*|kommende\w*)\b/.test(text))
    return plantDay(context, -((weekdayToday(context) - weekday + 7) % 7));
  if (/\b(vorgestern|day before yesterday)\b/.test(text)) return plantDay(context, -2);
  return /\b(yesterday|gestern)\b/.test(text) ? plantDay(context, -1) : plantDay(context);
}

/** Today's weekday in plant time, 0 = Sunday. */
function weekdayToday(context: TimeContext): number {
  const p = localParts(context.now.getTime(), context.timeZone);
  return new Date(Date.UTC(p.year, p.month - 1, p.day)).getUTCDay();
}

export function parseClock(text: string): { hour: number; minute: number } | undefined {
  const match = /^(\d{1,2})(?:[:.h](\d{2}))?\s*(am|pm)?$/.exec(text.trim());
  if (!match) return undefined;
  let hour = Number(match[1]);
  if (match[3] === 'pm' && hour < 12) hour += 12;
  if (match[3] === 'am' && hour === 12) hour = 0;
  const minute = Number(match[2] ?? 0);
  return hour < 24 && minute < 60 ? { hour, minute } : undefined;
}

const CLOCK = String.raw`(\d{1,2}(?:[:.h]\d{2})?\s*(?:am|pm)?)`;
const PART = String.raw`(this morning|this afternoon|this evening|in the morning|in the afternoon|in the evening|tonight|last night|yesterday|today|heute morgen|heute früh|heute vormittag|heute nachmittag|heute abend|heute nacht|gestern abend|gestern|heute|am vormittag|am nachmittag|am abend|nachmittags|abends|morgens|früh)`;

/** "zwischen 16 und 17 Grad", "between 6 and 8 bar": two values with a unit, not two clock times. */
const NOT_A_QUANTITY = String.raw`(?!\d|[.,]\d|\s*(?:°|grad\b|degrees?\b|deg\b|bar\b|mm\b|%|ppm\b|n\b|newton\b|kw\b|a\b|mbar\b))`;

/**
 * How the floor writes times, spelt the way the rules read them: "heut" → "heute", "over night" → "overnight",
 * "yesterdays lates" → "yesterday's late shift", and "since the changeover at 7" / "seit der Umstellung um 8" →
 * "since 7" / "seit 8" (the event named is when the window starts).
 */
function floorSpelling(t: string): string {
  return (
    // "die letzten anderthalb Stunden", "the last hour and a half", "one and a half hours": halves as decimals.
    halvesAsDecimals(t)
      .replace(/\bheut\b/g, 'heute')
      // Typed without umlauts or with a slip: "heute frueh", "spaet", "zwichen 6 und 8".
      .replace(/\bfrueh\b/g, 'früh')
      .replace(/\bspaet\b/g, 'spät')
      .replace(/\b(?:zwichen|zwishen|zwsichen|zwischn|zwschen|zwieschen)\b/g, 'zwischen')
      // "den ganzen gestrigen Tag", "die gestrige Spätschicht": yesterday's.
      .replace(/\bgestrig(?:e|en|er|es|em)\b/g, 'gestern')
      // "between noon and 6pm", "von Mittag bis 18 Uhr": noon as the clock time it is, where a range says it.
      .replace(/\b(between|from|zwischen|von|and|to|until|till|und|bis)\s+(?:noon|midday|mittag)\b/g, '$1 12:00')
      .replace(/\bover night\b/g, 'overnight')
      .replace(/\byesterdays\b/g, "yesterday's")
      // Not "handover to the lates": the shift handed over to is the next one, not the window.
      .replace(/(?<!\bto (?:the )?|\bover (?:the )?)\b(?:the )?lates\b/g, 'late shift')
      .replace(/(?<!\bto (?:the )?|\bover (?:the )?)\b(?:the )?earlies\b/g, 'early shift')
      .replace(/\b(since|seit)\s+(?:the|der|dem|die|our|unserer?)\s+[a-zäöüß-]+\s+(?:at|um)\s+(?=\d)/g, '$1 ')
      // "seit Schichtbegin" (one n short), "since shfit start": the shift's start, typed quickly.
      .replace(/\bschicht ?(?:begin|beginnn|begnn|beginnt)\b/g, 'schichtbeginn')
      .replace(/\b(?:shfit|shit|shift) (?:start|strat|stat)\b/g, 'shift start')
  );
}

/** The rules for the phrases used most, English and German. */
function ruleWindow(text: string, context: TimeContext): TimeWindow | undefined {
  const now = context.now;
  const t = floorSpelling(foldInitialUmlauts(text.toLowerCase()));

  // "between 6 and 8 this morning", "from 14:00 to 15:30", "zwischen 6 und 8 Uhr heute Morgen", "von 6 bis 8 Uhr"
  const between = new RegExp(
    String.raw`\b(?:between|from|zwischen|von)\s+${CLOCK}\s*(?:uhr\s*)?(?:and|to|until|till|-|–|und|bis)\s+${CLOCK}${NOT_A_QUANTITY}\s*(?:uhr|o'?clock)?\s*${PART}?`,
  ).exec(t);
  if (between) {
    const from = parseClock(between[1]!);
    const to = parseClock(between[2]!);
    if (from && to) {
      // The part of the day may stand anywhere: "yesterday between 2 and 4, in the afternoon", "nachmittags zwischen 2 und 4".
      const part =
        between[3] ??
        /\b(afternoon|evening|nachmittags?|abends?)\b/.exec(t)?.[1] ??
        (/\b(this morning|heute morgen|heute früh)\b/.test(t) ? 'this morning' : undefined);
      // "yesterday between 2 and 4 in the afternoon": a part that names no day leaves the day to the rest of the text.
      const day = dayOf(part && /yesterday|gestern|today|heute|this|tonight/.test(part) ? part : t, context);
      let fromHour = dayPartHour(from.hour, part);
      let toHour = dayPartHour(to.hour, part);
      // "between 10 and 2" spans noon; "zwischen 22 und 2 Uhr" runs past midnight (below, a day later).
      if (!/am|pm/.test(between[2]!) && toHour < fromHour && toHour < 12 && fromHour < 12) toHour += 12;
      if (toHour < fromHour) fromHour -= 0;
      let start = at(day, fromHour, from.minute, context);
      let end = at(day, toHour, to.minute, context);
      if (end.getTime() <= start.getTime()) end = new Date(end.getTime() + 1440 * MINUTE_MS);
      // "alarms from 22 to 2" asked at 09:40: the night just past, when no day is named — a window still to come is
      // for booking, and a reading with no day means the last such hours gone by.
      const dayNamed = /\b(?:today|tonight|tomorrow|heute|morgen|(?:ü|ue)bermorgen|this|next)\b/.test(t) || pastDateSaid(t, context) !== undefined;
      // ("on wednesday between 10 and 12" asked on a Wednesday at 09:40: last week's.)
      const weekdayNamed = WEEKDAYS.slice(0, 7).some(([pattern]) => pattern.test(t));
      if (!dayNamed && start.getTime() > now.getTime()) {
        const back = (weekdayNamed ? 7 : 1) * 1440 * MINUTE_MS;
        start = new Date(start.getTime() - back);
        end = new Date(end.getTime() - back);
      }
      return window(start, end);
    }
  }

  // "around 3 last night, give or take 15 min", "heute früh so gegen 7, plus minus ne Viertelstunde": a clock time and
  // the margin either side of it.
  const around = new RegExp(
    String.raw`\b(?:around|about|at about|roughly|gegen|um|so um|so gegen|ca\.?|circa)\s+${CLOCK}\b[^.?!]*?\b(?:give or take|plus or minus|plus minus|plus\/minus|\+\/-|±)\s*(?:an?\s+|ne\s+|eine\s+)?(\d+\s*(?:min\w*|minuten?)|viertelstunde|quarter(?: of an)? hour|halbe stunde|half (?:an )?hour)`,
  ).exec(t);
  if (around) {
    const clock = parseClock(around[1]!);
    const margin = /viertel|quarter/.test(around[2]!) ? 15 : /halb|half/.test(around[2]!) ? 30 : Number(/\d+/.exec(around[2]!)![0]);
    if (clock && margin > 0 && margin <= 180) {
      let hour = clock.hour;
      if (/\b(?:afternoon|evening|nachmittags?|abends?|pm)\b/.test(t) && hour < 12) hour += 12;
      let centre = at(dayOf(t, context), hour, clock.minute, context);
      // "last night around 11": the evening before; "around 3 last night": this morning's small hours.
      if (/\b(?:last night|letzte nacht|heute nacht|gestern abend)\b/.test(t) && hour >= 18) centre = at(plantDay(context, -1), hour, clock.minute, context);
      if (centre.getTime() > now.getTime()) centre = new Date(centre.getTime() - 1440 * MINUTE_MS);
      return window(new Date(centre.getTime() - margin * MINUTE_MS), new Date(centre.getTime() + margin * MINUTE_MS));
    }
  }

  // "last 2 hours", "past 30 min", "letzte 2 Stunden", "in den letzten 8h", "vergangene Stunde"
  const last =
    /\b(?:last|past|previous|letzten?|letzter|vergangenen?|seit)\s+(\d+(?:[.,]\d+)?|an?|one|two|three|four|five|six|eight|ten|twelve|einer|zwei|drei|vier|fünf|sechs|acht|zehn|zwölf)?\s*(m|mins?|minutes?|minuten?|h|hrs?|hours?|std|stunden?|days?|tagen?|tage|weeks?|wochen?)\b/.exec(
      t,
    );
  if (last) {
    const minutes = amount(last[1]) * unitMinutes(last[2]!)!;
    return window(new Date(now.getTime() - minutes * MINUTE_MS), now);
  }
  // "pnp1 l2 vib trend 2h", "O2 Verlauf 30 min": a bare span beside a trend word is the span up to now.
  const bare =
    /(?<!\b(?:for|in|für|fuer|um|by|within|innerhalb|after|nach|down|out|aus)\s+)\b(\d+(?:[.,]\d+)?)\s*(h|hrs?|hours?|std|stunden?|min|mins|minutes?|minuten)\b(?!\s*(?:ago|late|later|delay|später|spaeter|verspätung|verspaetung|her|zu spät))/.exec(
      t,
    );
  // ("L2 PNP1 vib 8h": a measurement and a span, the engineer's shorthand for its trend.)
  if (bare && /\b(trend\w*|history|historie|verlauf\w*|kurve|chart|graph|plot|alarm\w*|log|vibration\w*|temp\w*|pressure|druck\w*|current|strom)\b/.test(t)) {
    const minutes = amount(bare[1]) * unitMinutes(bare[2]!)!;
    return window(new Date(now.getTime() - minutes * MINUTE_MS), now);
  }
  // "the last half hour", "past quarter of an hour", "der letzten halben Stunde", "seit einer Viertelstunde"
  const fraction =
    /\b(?:last|past|previous|letzten?|letzte|vergangenen?|seit)\s+(?:(?:an?|einer|ner|der)\s+)?(half an? hour|half hour|halben? stunde|three quarters? of an hour|quarter(?: of an)? hour|dreiviertel ?stunde|viertel ?stunde)\b/.exec(
      t,
    );
  if (fraction) {
    const minutes = /dreiviertel|three quarter/.test(fraction[1]!) ? 45 : /quarter|viertel/.test(fraction[1]!) ? 15 : 30;
    return window(new Date(now.getTime() - minutes * MINUTE_MS), now);
  }
  // Not "in 5 min" / "in 2 Stunden": that is a time ahead ("boss wants OEE numbers in 5 min"), no window past.
  const compact = /(?<!\b(?:in|within|innerhalb von|binnen)\s+)\b(\d+(?:[.,]\d+)?)\s*(h|hrs?|hours?|std|stunden|min|minutes|minuten)\b/.exec(t);
  if (compact && /\b(over|for|in|during|the|der|die|in den|über|für)\b/.test(t) && !/\b(down|ausfällt|steht|late|spät|due|fällig)\b/.test(t)) {
    const minutes = amount(compact[1]) * unitMinutes(compact[2]!)!;
    return window(new Date(now.getTime() - minutes * MINUTE_MS), now);
  }

  // Shifts: "since shift start", "this shift", "seit Schichtbeginn", "diese Schicht", "last shift", "letzte Schicht"
  const calendar = shiftCalendarOf(context);
  if (
    /\b(since (the )?(start of (the )?)?shift( start)?|this shift|current shift|seit schicht(beginn|anfang|start)|diese schicht|aktuelle[rn]? schicht|laufende[rn]? schicht|since (?:we|i) (?:came|got) in|since (?:we|i) (?:started|clocked on)|since (?:my|our|the) shift (?:started|began|kicked off)|since (?:my|our) shift|seit (?:meine[rm]?|unsere[rm]?) schicht(?:beginn|anfang)?|seit (?:wir|ich) (?:da (?:sind|bin)|hier (?:sind|bin)|angefangen (?:haben|hab)))\b/.test(
      t,
    )
  )
    return window(shiftAt(calendar, now).from, now);
  // "the shift before last", "die vorletzte Schicht": two shifts back.
  if (/\b(?:(?:the )?shift before (?:the )?last|vorletzte[rn]? schicht)\b/.test(t)) {
    const last = lastCompletedShift(calendar, now);
    const before = shiftAt(calendar, new Date(last.from.getTime() - MINUTE_MS));
    return window(before.from, before.to);
  }
  if (
    /\b(last shift|previous shift|letzte[rn]? schicht|vorige[rn]? schicht|vorherige[rn]? schicht)\b/.test(t) ||
    // "the shift that just finished", "die Schicht, die gerade zu Ende ging", "die eben beendete Schicht".
    /\bshift (?:that |which )?(?:just |has just )?(?:finished|ended|wrapped up|went home)\b|\b(?:gerade|eben|soeben) (?:beendete[nm]?|abgeschlossene[nm]?|zu ende gegangene[nm]?) schicht\b|\bschicht,? die (?:gerade|eben) (?:zu ende (?:ging|gegangen ist)|aufgeh(?:ö|oe)rt hat|vorbei ist)\b/.test(
      t,
    )
  ) {
    const shift = lastCompletedShift(calendar, now);
    return window(shift.from, shift.to);
  }

  // "since midnight", "seit Mitternacht", "since 6", "seit 6 Uhr"
  if (/\b(since midnight|seit mitternacht)\b/.test(t)) return window(at(plantDay(context), 0, 0, context), now);
  // "seit gestern Mittag", "since yesterday noon": from 12:00 yesterday.
  if (/\b(?:since|seit|ab)\s+(?:yesterday|gestern)\s+(?:at\s+|um\s+)?(?:noon|midday|lunch(?:time)?|mittag)\b/.test(t))
    return window(at(plantDay(context, -1), 12, 0, context), now);
  // "seit dem Mittag", "since noon": from 12:00 today, once it has passed.
  if (
    /\b(since (?:noon|midday|lunch(?:time)?)|since (?:today )?at noon|seit (?:dem |heute )?mittag)\b/.test(t) &&
    at(plantDay(context), 12, 0, context).getTime() < now.getTime()
  )
    return window(at(plantDay(context), 12, 0, context), now);
  // "Friday's late shift", "Montagnacht", "Montag 14 bis 22 Uhr": a shift or span of a weekday (before "from Monday").
  const weekdayWindow = weekdayShiftOrSpan(t, context);
  if (weekdayWindow) return weekdayWindow;
  // "since Monday", "seit Montag": that weekday just past (today's when it is today), to now.
  const sinceMatch = /\b(?:since|seit|from|ab)\s+(last\s+|letzte[nm]?\s+)?(\w+)/.exec(t);
  const sinceDay = sinceMatch?.[2];
  const sinceWeekday = sinceDay ? WEEKDAYS.find(([pattern]) => pattern.test(sinceDay))?.[1] : undefined;
  if (sinceWeekday !== undefined) {
    // "since last Wednesday" said on a Wednesday: a week ago, not today.
    const today = (weekdayToday(context) - sinceWeekday + 7) % 7 || (sinceMatch?.[1] ? 7 : 0);
    // "seit Samstag früh um 6", "since Saturday 6 am": from that hour of the day.
    const clock = new RegExp(
      String.raw`\b${sinceDay}\s+(?:(?:fr(?:ü|ue)h|morgens?|morning|vormittag)\s+)?(?:um|at|ab|gegen)?\s*(\d{1,2})(?::(\d{2}))?\s*(?:uhr|h|am|o'?clock)?\b`,
    ).exec(t);
    const hour = clock ? Number(clock[1]) : 0;
    if (hour <= 23) return window(at(plantDay(context, -today), hour, clock?.[2] ? Number(clock[2]) : 0, context), now);
    return window(at(plantDay(context, -today), 0, 0, context), now);
  }
  // "last weekend", "letztes Wochenende": Saturday 00:00 to Monday 00:00 just past.
  if (
    /\b(last weekend|over the weekend|on the weekend|letzte[ns]? wochenende|am wochenende|übers wochenende|uebers wochenende)\b/.test(t) ||
    // "weekend alarms L1", "Übergabe fürs Wochenende": the weekend just past, unless one to come is named.
    (/\b(weekend|wochenende)\b/.test(t) &&
      !/\b(?:next|coming|this|upcoming|for the|through the|till the|until the|before the|by the|n(?:ä|ae)chste\w*|kommende\w*|dieses|diese|bis zum|vor dem)\s+(?:weekend|wochenende)\b/.test(
        t,
      ))
  ) {
    const back = (weekdayToday(context) - 6 + 7) % 7 || 7;
    return window(at(plantDay(context, -back), 0, 0, context), at(plantDay(context, -back + 2), 0, 0, context));
  }
  // "und am Montag?", "alarms on Monday", "letzten Freitag": that weekday's whole day, the last one past (today so far
  // when it is today). Not a coming day ("next Monday"), which is a slot for booking, nor one with clock times.
  const dayNamed = WEEKDAYS.find(([pattern]) => pattern.test(t))?.[1];
  // Numbers that name a line, zone, machine, priority, order or alarm say nothing about the time.
  const clockFree = !/\d/.test(
    t.replace(/\b(?:linie|line|l|zone|prio\w*|p|ofen|oven|pnp|placer|best(?:ü|ue)cker|po|wo|e)[\s-]*\d+\b|\b[a-z]+\d*-[a-z]*\d+\b/g, ' '),
  );
  if (
    dayNamed !== undefined &&
    clockFree &&
    !/\b(next|coming|this coming|n(?:ä|ae)chste\w*|kommende\w*|morgen|tomorrow|morning|afternoon|evening|vormittag|nachmittag|abend)\b/.test(t)
  ) {
    const back = (weekdayToday(context) - dayNamed + 7) % 7;
    return window(at(plantDay(context, -back), 0, 0, context), back === 0 ? now : at(plantDay(context, -back + 1), 0, 0, context));
  }
  // "since yesterday 18:00", "18:00 yesterday until now", "seit gestern 18 Uhr": from that clock time yesterday.
  const sinceYesterday =
    new RegExp(String.raw`\b(?:since|seit|from|ab|von)\s+(?:yesterday|gestern)\s+(?:at\s+|um\s+|ab\s+)?${CLOCK}(?![\d-])`).exec(t) ??
    new RegExp(
      String.raw`\b(?:since|seit|from|ab|von)\s+${CLOCK}\s*(?:uhr|o'?clock)?\s+(?:yesterday|gestern)\b(?!\s*(?:to|until|till|-|–|bis|und|and)\s*\d)`,
    ).exec(t) ??
    // Without "since", only a time that is plainly a clock ("18:00 yesterday until now"; "line 2 yesterday" is a line).
    /(?<![\w-])(\d{1,2}[:.]\d{2}|\d{1,2}\s*(?:am|pm)|\d{1,2}\s*uhr)\s+(?:yesterday|gestern)\b\s*(?:until|till|to|bis)\s*(?:now|jetzt|heute)\b/.exec(t);
  if (sinceYesterday && !/\b(?:vorgestern|day before)\b/.test(t)) {
    const clock = parseClock(sinceYesterday[1]!);
    if (clock) return window(at(plantDay(context, -1), clock.hour, clock.minute, context), now);
  }
  const since = new RegExp(
    String.raw`\b(?:since|seit|from|ab|von)\s+${CLOCK}(?![\d-])\s*(?:uhr|o'?clock)?(?:\s*(?:until|till|to|bis)\s*(?:now|jetzt))?(?!\s*(?:to|until|till|-|–|bis|und|and)\s*\d)`,
  ).exec(t);
  if (since) {
    const clock = parseClock(since[1]!);
    if (clock) {
      let start = at(plantDay(context), clock.hour, clock.minute, context);
      if (start.getTime() > now.getTime()) start = new Date(start.getTime() - 1440 * MINUTE_MS);
      // "since 8" at 02:17 on the night shift: a bare hour of the twelve is the latest of its two readings that has passed
      // (20:00 last evening, not 08:00 yesterday morning); "since 08:00", "since 8 am" and "seit 8 Uhr" say which.
      if (/^[1-9](?:[:.]\d{2})?$/.test(since[1]!.trim()) && !/\b(?:uhr|o'?clock)\b/.test(since[0])) {
        const evening = new Date(start.getTime() + 720 * MINUTE_MS);
        if (evening.getTime() <= now.getTime()) start = evening;
      }
      return window(start, now);
    }
  }

  // Parts of a day: "yesterday evening", "this afternoon", "gestern Abend", "heute Nachmittag".
  // (Not "this morning's shift": a shift of the day, read below.)
  const dayPart =
    /\b(yesterday|this|today|gestern|heute)\s+(morning|afternoon|evening|morgen|früh|vormittag|nachmittag|abend)\b(?!'?s?\s*(?:shift|schicht))/.exec(t);
  if (dayPart) {
    const day = /yesterday|gestern/.test(dayPart[1]!) ? plantDay(context, -1) : plantDay(context);
    const [fromHour, toHour] = /morning|morgen|früh|vormittag/.test(dayPart[2]!) ? [6, 12] : /afternoon|nachmittag/.test(dayPart[2]!) ? [12, 18] : [18, 22];
    const start = at(day, fromHour, 0, context);
    const end = at(day, toHour, 0, context);
    // "seit gestern Abend", "since yesterday evening": from then until now, not the evening alone.
    const since = new RegExp(`\\b(?:since|seit|ab)\\s+${dayPart[0]}`).test(t);
    if (start.getTime() < now.getTime()) return window(start, since || end.getTime() >= now.getTime() ? now : end);
  }

  // A named shift of a day: "yesterday's late shift", "the early shift today", "gestern Spätschicht", "Frühschicht von gestern",
  // "30/11 earlies", "Spätschicht vom 1.12.".
  const dated = pastDateSaid(t, context);
  const named =
    /\b(early|morning|late|afternoon|früh|frueh|spät|spaet)(?:'?s)?[- ]?(?:shift|schicht)\b|(?<!\b(?:to|for|an|f(?:ü|ue)r)\s+(?:the\s+|die\s+)?)\b(earlies|lates)\b/.exec(
      t,
    );
  if (named) {
    const daysBack = /\b(vorgestern\w*|day before yesterday)\b/.test(t) ? 2 : /\b(yesterday'?s?|gestern\w*)\b/.test(t) ? 1 : 0;
    const yesterday = daysBack > 0 || dated !== undefined;
    const [fromHour, toHour] = /early|morning|früh|frueh|earlies/.test(named[1] ?? named[2]!) ? [6, 14] : [14, 22];
    const day = dated ?? plantDay(context, -daysBack);
    const start = at(day, fromHour, 0, context);
    const end = at(day, toHour, 0, context);
    const chosen =
      !yesterday && start.getTime() > now.getTime()
        ? { start: at(plantDay(context, -1), fromHour, 0, context), end: at(plantDay(context, -1), toHour, 0, context) }
        : { start, end };
    return window(chosen.start, chosen.end.getTime() < now.getTime() ? chosen.end : now);
  }

  // "Nachtschicht vom 1.12.", "the night shift on 30/11", "vorgestern Nacht": the night that began that evening.
  const nightOf = dated ?? (/\b(vorgestern|day before yesterday)\b/.test(t) ? plantDay(context, -2) : undefined);
  if (nightOf && /\b(night[- ]?shift|nights|nacht ?schicht|nacht|night)\b/.test(t)) {
    const end = at(addDays(nightOf, 1), 6, 0, context);
    return window(at(nightOf, 22, 0, context), end.getTime() < now.getTime() ? end : now);
  }
  // "alarms on 30/11", "AOI-Ergebnisse vom 1.12.": that whole day (so far, when it is today).
  if (dated) {
    const end = at(addDays(dated, 1), 0, 0, context);
    if (at(dated, 0, 0, context).getTime() < now.getTime()) return window(at(dated, 0, 0, context), end.getTime() < now.getTime() ? end : now);
  }
  // "KW 48", "calendar week 48", "week 48": that ISO week, Monday to Monday (so far, when it is this week).
  const isoWeek = /\b(?:kw|cw|wk|calendar week|kalenderwoche|week|woche)\s*(\d{1,2})\b/.exec(t);
  if (isoWeek && Number(isoWeek[1]) >= 1 && Number(isoWeek[1]) <= 53) {
    const monday = isoWeekMonday(plantDay(context).year, Number(isoWeek[1]));
    const start = at(monday, 0, 0, context);
    const end = at(addDays(monday, 7), 0, 0, context);
    if (start.getTime() < now.getTime()) return window(start, end.getTime() < now.getTime() ? end : now);
  }

  // Whole days and nights.
  // "the last couple of hours": two, as the word says; "the last few hours", "die letzten paar Stunden": about three.
  if (/\b(?:last|past|the last|the past)\s+couple (?:of )?hours?\b/.test(t)) return window(new Date(now.getTime() - 2 * 3_600_000), now);
  if (
    /\b(?:last|past|the last|the past|letzten|vergangenen)\s+(?:few |paar |zwei,? drei )hours?\b|\b(?:letzten|vergangenen)\s+(?:paar|zwei,? drei)\s+stunden\b/.test(
      t,
    )
  )
    return window(new Date(now.getTime() - 3 * 3_600_000), now);
  if (
    /\b(overnight|last night|night shift|über nacht|ueber nacht|(?:ü|ue)ber die nacht|over the night|heute nacht|letzte nacht|nachts|nachtschicht|in der nacht|all night|the whole night|whole night|during the night|through the night|die ganze nacht|ganze nacht)\b/.test(
      t,
    )
  ) {
    const today = plantDay(context);
    return window(at(plantDay(context, -1), 22, 0, context), at(today, 6, 0, context).getTime() < now.getTime() ? at(today, 6, 0, context) : now);
  }
  // "how was the spindle vibration since yesterday", "seit gestern": from yesterday's start to now.
  if (/\b(?:since|seit|ab)\s+(?:yesterday|gestern)\b/.test(t)) return window(at(plantDay(context, -1), 0, 0, context), now);
  if (/\b(vorgestern|day before yesterday)\b/.test(t)) return window(at(plantDay(context, -2), 0, 0, context), at(plantDay(context, -1), 0, 0, context));
  if (/\b(yesterday|gestern)\b/.test(t)) return window(at(plantDay(context, -1), 0, 0, context), at(plantDay(context), 0, 0, context));
  if (/\b(this morning|heute morgen|heute früh|heute vormittag|all morning|the whole morning|den ganzen (?:vormittag|morgen))\b/.test(t))
    return window(at(plantDay(context), 6, 0, context), now);
  if (/\b(today|so far today|heute|bisher heute)\b/.test(t)) return window(at(plantDay(context), 0, 0, context), now);
  if (/\b(this week|diese woche)\b/.test(t)) {
    const p = localParts(now.getTime(), context.timeZone);
    const weekday = (new Date(Date.UTC(p.year, p.month - 1, p.day)).getUTCDay() + 6) % 7;
    return window(at(plantDay(context, -weekday), 0, 0, context), now);
  }
  return undefined;
}

const WEEKDAY_WORD = String.raw`(monday|montag|tuesday|dienstag|wednesday|mittwoch|thursday|donnerstag|friday|freitag|saturday|samstag|sunday|sonntag|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun|mo|di|mi|do|fr|sa|so)\.?`;

function weekdayNumber(word: string): number | undefined {
  return WEEKDAYS.find(([pattern]) => pattern.test(word))?.[1] ?? WEEKDAYS.find(([pattern]) => pattern.test(`${word} 6 uhr`))?.[1];
}

/**
 * A past shift or span named by its weekday: "Friday's late shift", "Freitag Spätschicht", "Monday night" (the night shift
 * from Monday 22:00), "Montag 14 bis 22 Uhr", "Sat 6am to Mon 6am". The last such day past; a shift not yet begun today
 * is last week's.
 */
function weekdayShiftOrSpan(t: string, context: TimeContext): TimeWindow | undefined {
  const now = context.now;
  if (/\b(next|coming|this coming|n(?:ä|ae)chste\w*|kommende\w*)\b/.test(t)) return undefined;
  const back = (weekday: number) => (weekdayToday(context) - weekday + 7) % 7;
  const span = new RegExp(
    String.raw`\b${WEEKDAY_WORD}\s+(?:from\s+|von\s+|ab\s+|between\s+|zwischen\s+)?${CLOCK}\s*(?:uhr|o'?clock)?\s*(?:to|until|till|-|–|bis|and|und)\s*(?:${WEEKDAY_WORD}\s+)?${CLOCK}(?![\d.,])`,
  ).exec(t);
  if (span) {
    const [first, second] = [weekdayNumber(span[1]!), span[3] ? weekdayNumber(span[3]) : undefined];
    const [from, to] = [parseClock(span[2]!), parseClock(span[4]!)];
    if (first === undefined || !from || !to) return undefined;
    let day = plantDay(context, -back(first));
    if (at(day, from.hour, from.minute, context).getTime() > now.getTime()) day = addDays(day, -7);
    const start = at(day, from.hour, from.minute, context);
    const days = second === undefined ? (to.hour * 60 + to.minute <= from.hour * 60 + from.minute ? 1 : 0) : (second - first + 7) % 7 || 7;
    const end = at(addDays(day, days), to.hour, to.minute, context);
    return window(start, end.getTime() < now.getTime() ? end : now);
  }
  // The day's full name ("do", "so" are words too).
  const dayWord = [...t.matchAll(new RegExp(String.raw`\b${WEEKDAY_WORD}(?:'s|s)?(?=[\s,.;:!?]|$|nacht)`, 'g'))]
    .map((match) => match[1]!)
    .find((word) => word.length > 3);
  const weekday = dayWord ? weekdayNumber(dayWord) : undefined;
  if (weekday === undefined) return undefined;
  const shift = /\b(?:early|morning)[- ]?shift\b|\bfr(?:ü|ue)h ?schicht\b/.test(t)
    ? ([6, 14] as const)
    : /\b(?:late|afternoon)[- ]?shift\b|\bsp(?:ä|ae)t ?schicht\b/.test(t)
      ? ([14, 22] as const)
      : /\bnight[- ]?shift\b|\bnacht ?schicht\b|\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\s+night\b|\b(?:montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag) ?nacht\b/.test(
            t,
          )
        ? ([22, 30] as const)
        : undefined;
  if (!shift) return undefined;
  let day = plantDay(context, -back(weekday));
  if (at(day, shift[0], 0, context).getTime() > now.getTime()) day = addDays(day, -7);
  const start = at(day, shift[0], 0, context);
  const end = at(addDays(day, Math.floor(shift[1] / 24)), shift[1] % 24, 0, context);
  return window(start, end.getTime() < now.getTime() ? end : now);
}

/** Words that suggest a time phrase the rules did not read, so the recognizer is worth asking. */
const TIME_HINT =
  /\b(\d{1,2}(:\d{2})?\s*(am|pm)|\d{1,2}:\d{2}|noon|midnight|morning|afternoon|evening|night|week|month|monday|tuesday|wednesday|thursday|friday|saturday|sunday|ago|since|from|until|o'?clock)\b/;

type Recognizer = (text: string, culture: string, options: undefined, reference: Date) => { resolution?: { values?: Record<string, string>[] } }[];
let recognizer: Recognizer | undefined;

/** Loads Recognizers-Text (about two seconds on a small machine), once, ahead of the first request. */
export function loadTimeRecognizer(): Recognizer {
  if (!recognizer) {
    const suite = createRequire(import.meta.url)('@microsoft/recognizers-text-suite') as { recognizeDateTime: Recognizer };
    recognizer = suite.recognizeDateTime;
  }
  return recognizer;
}

function wallToInstant(wall: string, context: TimeContext): Date | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})(?: (\d{2}):(\d{2}))?/.exec(wall);
  if (!match) {
    const time = /^(\d{2}):(\d{2})/.exec(wall);
    return time ? at(plantDay(context), Number(time[1]), Number(time[2]), context) : undefined;
  }
  return at({ year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) }, Number(match[4] ?? 0), Number(match[5] ?? 0), context);
}

function recognizedWindow(text: string, context: TimeContext): TimeWindow | undefined {
  const p = localParts(context.now.getTime(), context.timeZone);
  // The recognizer reads the reference with local-time getters: give it the plant's wall clock.
  const reference = new Date(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  for (const result of loadTimeRecognizer()(text, 'en-us', undefined, reference)) {
    const value = result.resolution?.values?.at(-1);
    if (!value) continue;
    const start = value.start ? wallToInstant(value.start, context) : undefined;
    const end = value.end ? wallToInstant(value.end, context) : undefined;
    if (value.Mod === 'since' && start) return window(start, context.now);
    if (start && end && end.getTime() > start.getTime()) return window(start, end.getTime() > context.now.getTime() ? context.now : end);
    if (value.type === 'date' && value.value) {
      const day = wallToInstant(value.value, context);
      if (day) return window(day, new Date(Math.min(day.getTime() + 1440 * MINUTE_MS, context.now.getTime())));
    }
  }
  return undefined;
}

/** The window a request names, in plant time, or undefined when it names none. */
/**
 * Clock times said in words, as digits: "half 9" (English: 9:30) and "halb 9" (German: 8:30), "quarter
 * past 7" / "viertel nach 7" (7:15), "quarter to 9" / "viertel vor 9" / "dreiviertel 9" (8:45).
 */
export function spokenClockTimes(text: string, language: Language): string {
  const hhmm = (hour: number, minute: number) => `${(hour + 24) % 24}:${String(minute).padStart(2, '0')}`;
  return (
    text
      // "seit viertel nach sieben", "quarter past seven": the hour in words, as digits first.
      .replace(
        /\b(viertel nach|viertel vor|drei ?viertel|halb|quarter past|quarter to|half past|half)\s+([a-zäöüß]+)\b/gi,
        (whole: string, lead: string, word: string) => {
          const hour = /^(a|an|ein|eine|einer|einen|one)$/i.test(word) ? undefined : numberWord(word);
          return hour !== undefined && hour >= 1 && hour <= 24 ? `${lead} ${hour}` : whole;
        },
      )
      // "zwischen 6:15 und acht", "seit samstag frueh um sechs": an hour in words after a word of time, as digits.
      .replace(
        /\b(um|at|bis|und|and|to|till|until|zwischen|between|von|from|ab|seit|since)\s+([a-zäöüß]+)\b(?!\s*(?:stunden?|std|hours?|hrs?|minuten?|min|mins|minutes?|tage?n?|days?|boards?|platinen|st(?:ü|ue)ck|pcs|%|prozent|percent|grad|degrees|bar)\b)/gi,
        (whole: string, lead: string, word: string) => {
          const hour = /^(a|an|ein|eine|einer|einen|one|eins)$/i.test(word) ? undefined : numberWord(word);
          return hour !== undefined && hour >= 1 && hour <= 24 ? `${lead} ${hour}` : whole;
        },
      )
      .replace(/\bhalf past (\d{1,2})\b/gi, (_, h: string) => hhmm(Number(h), 30))
      .replace(/\bquarter past (\d{1,2})\b|\bviertel nach (\d{1,2})\b/gi, (_, a?: string, b?: string) => hhmm(Number(a ?? b), 15))
      .replace(/\bquarter to (\d{1,2})\b|\bviertel vor (\d{1,2})\b|\bdrei ?viertel (\d{1,2})\b/gi, (_, a?: string, b?: string, c?: string) =>
        hhmm(Number(a ?? b ?? c) - 1, 45),
      )
      .replace(/\bhalb (\d{1,2})\b/gi, (_, h: string) => hhmm(Number(h) - 1, 30))
      .replace(/\bhalf (\d{1,2})\b/gi, (_, h: string) => (language === 'de' ? hhmm(Number(h) - 1, 30) : hhmm(Number(h), 30)))
  );
}

/** "in 15 min buckets", "every 5 minutes", "hourly", "stündlich", "im 5-Minuten-Raster": how finely a trend is asked for. */
const BUCKET =
  /\b(?:in |at |per |every |alle |im |je )?(\d{1,3})[\s-]*(?:min|mins|minute|minutes|minuten|m)\b[\s-]*(?:buckets?|intervals?|steps?|values|schritt\w*|raster|intervall\w*|takt|aufl(?:ö|oe)sung|resolution|averages?|mittel\w*|werte?)|\b(?:per|every|alle|je|pro) (\d{1,3}) ?(?:min|mins|minutes|minuten)\b|\b(hourly|per hour|every hour|st(?:ü|ue)ndlich\w*|pro stunde|je stunde|jede stunde|hour by hour|in hour buckets|stundenwerte|stundenweise|stundenmittel\w*)\b|\b(minute by minute|every minute|per minute|min(?:ü|ue)tlich\w*|pro minute|je minute|minutenwerte)\b|\b(quarter[- ]hourly|every quarter hour|per quarter hour|viertelst(?:ü|ue)ndlich\w*|viertelstundenwerte?|viertelstundenweise)\b|\b(raw(?: data| values| samples)?|unaggregated|rohdaten|rohwerte|ungemittelt)\b|\b(daily|per day|day by day|t(?:ä|ae)glich\w*|tageswerte?|tagesmittel\w*|pro tag|je tag)\b|\b(half[- ]hourly|every half hour|per half hour|halbst(?:ü|ue)ndlich\w*|alle halbe stunde|jede halbe stunde)\b|\b(?:every|per|alle|je|pro) (\d{1,2}) ?(?:h|hrs?|hours?|std|stunden?)\b/i;

/** "back to midnight", "zurück bis 6 Uhr": a window stretched back to a time, ending now. */
const BACK_TO =
  /\b(?:(?:go|stretch|extend|take|pull|zoom)\s+(?:it\s+|that\s+|this\s+)?)?(?:back|zur(?:ü|ue)ck)\s+(?:to|till|until|bis(?:\s+zum|\s+um)?)\s+(midnight|mitternacht|schichtbeginn|shift start|\d{1,2}(?:[:.]\d{2})?\s*(?:am|pm|uhr)?)/gi;

/**
 * "O2 higher than at shift start?", "worse than on Monday", "schneller als um 7?", "compared with 2 hrs ago", "im
 * Vergleich zu gestern": now against a time before — the trend from then, which shows both. Only before a word of time
 * ("higher than 12" is a value).
 */
const COMPARED_WITH =
  /\b(?:(?:higher|lower|worse|better|more|less|warmer|colder|hotter|faster|slower|bigger|smaller|different)\s+(?:now\s+)?than|compared (?:with|to)|vs\.?(?:\s+what it was)?|im vergleich (?:zu[mr]?|mit)|(?:h(?:ö|oe)her|niedriger|schlechter|besser|mehr|weniger|w(?:ä|ae)rmer|k(?:ä|ae)lter|schneller|langsamer|anders)\s+als)\s+(?:(?:at|um)\s+(?=\d{1,2}(?::\d{2})?\b)|(?:(?:at|on|bei|um|am|zu)\s+)?(?=(?:yesterday|gestern|vorgestern|last\s+\w+|letzte[nmrs]?\s+\w+|(?:mon|tues|wednes|thurs|fri|satur|sun)day|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|shift start|start of (?:the )?shift|schicht(?:beginn|anfang|start)|midnight|mitternacht|this morning|heute (?:fr(?:ü|ue)h|morgen)|\d{1,2}(?::\d{2})?\s*(?:uhr|am|pm|o'?clock)\b|\d+(?:[.,]\d+)?\s*(?:h|hrs?|hours?|std|stunden?|min\w*)\s+ago|vor\s+\d+(?:[.,]\d+)?\s*(?:h|std|stunden?|min\w*))))/gi;

/** The text without its bucket size: "in 15-min-Schritten" names no tag (not a flow "per min"). */
export function withoutBucket(text: string): string {
  return text.replace(new RegExp(BUCKET.source, 'gi'), ' ');
}

export function bucketSize(text: string): string | undefined {
  const match = BUCKET.exec(text);
  if (!match) return undefined;
  if (match[3]) return '1h';
  if (match[4]) return '1m';
  if (match[5]) return '15m';
  if (match[6]) return 'raw';
  if (match[7]) return '24h';
  if (match[8]) return '30m';
  if (match[9]) return `${Number(match[9])}h`;
  const minutes = Number(match[1] ?? match[2]);
  return minutes >= 1 && minutes <= 1440 ? (minutes % 60 === 0 ? `${minutes / 60}h` : `${minutes}m`) : undefined;
}

export function parseTimeWindow(given: string, language: Language, context: TimeContext): TimeWindow | undefined {
  // "… looks higher than last week. give me its trend over the last 24h": the sentence that asks names the window.
  const asking = lastSentence(given);
  // ("Alarme am 30.11. zwischen 14 und 22 Uhr": the point of a date ends no sentence.)
  if (asking !== given && !/\d\.\s*$/.test(given.slice(0, given.length - asking.length).trim())) {
    const window = parseTimeWindow(asking, language, context);
    if (window) return window;
  }
  // A bucket size is no window: "since midnight in 15 min buckets" is since midnight, not the last 15 minutes.
  // "stretch that back to midnight", "go back to 6", "zurück bis Mitternacht": from then until now.
  const text = spokenClockTimes(
    given
      .replace(BUCKET, ' ')
      .replace(BACK_TO, (_whole, time: string) => `${language === 'de' ? 'seit' : 'since'} ${time}`)
      .replace(COMPARED_WITH, language === 'de' ? 'seit ' : 'since ')
      // "ab Mitternacht", "ab Schichtbeginn" in a read: since then (a window that starts later is a slot to book, read elsewhere).
      .replace(/(?<![\p{L}])ab\s+(mitternacht|schichtbeginn|schichtanfang|schichtstart)\b/giu, 'seit $1')
      // "from yesterday 14:00 to 18:00", "von gestern 14 bis 18 Uhr": the day said inside the range, before it.
      .replace(/\b(from|von)\s+(yesterday|gestern|today|heute|vorgestern)\s+(?=\d)/gi, '$2 $1 ')
      // "gestern Nacht", "yesterday night": the night just past, as "letzte Nacht" is (not the whole of yesterday).
      .replace(/(?<![\p{L}])(?:gestern|yesterday)\s+(nacht|night)\b/giu, (_whole, night: string) =>
        night.toLowerCase() === 'nacht' ? 'letzte Nacht' : 'last night',
      )
      // ("since 2 hrs ago", "seit vor 3 Std": the span back to then.)
      .replace(/\b(since|seit)\s+(?:vor\s+)?(\d+(?:[.,]\d+)?\s*(?:h|hrs?|hours?|std|stunden?|min\w*))(?:\s+ago)?/gi, (_whole, word: string, span: string) =>
        word.toLowerCase() === 'seit' ? `letzte ${span}` : `last ${span}`,
      ),
    language,
  );
  const ruled = ruleWindow(text, context);
  const window = ruled || language === 'de' ? ruled : TIME_HINT.test(text.toLowerCase()) ? recognizedWindow(text, context) : undefined;
  // "Saturday morning", "tomorrow 6 to 10": a window that starts later holds no history; it is a slot to book, not a window to read.
  return window && Date.parse(window.from) > context.now.getTime() ? undefined : window;
}

/** Ways people say a machine or line stopped, in English and German. */
const STOPPED =
  'stop(?:ped|s)?|went down|went off|shut down|tripped|halt(?:ed)?|died|crashed|stand|stehen ?blieb|stehen ?geblieben|stehn ?geblieben|gestoppt|ausgefallen|ausgegangen|abgeschaltet|stillstand|stillgestanden';

/** "the 10 minutes before line 1 stopped", "die 10 Minuten bevor Linie 1 stand" → 10. */
export function beforeStop(text: string): BeforeStop | undefined {
  // "the quarter hour before line 1 went down", "die halbe Stunde bevor …": the span in minutes.
  const lower = text
    .toLowerCase()
    .replace(/\b(?:the |a |die |eine |der )?(?:quarter(?: of an)? hour|viertelstunde)\b/g, '15 min')
    .replace(/\b(?:the |a |die |eine |der )?(?:half (?:an )?hour|halben? stunde)\b/g, '30 min');
  const match =
    new RegExp(`\\b(\\d+)\\s*(?:min|mins|minutes|minuten)[\\s,]+(?:before|prior to|leading up to|vor dem|bevor|vor)\\b.*\\b(${STOPPED})\\b`).exec(lower) ??
    /\bbefore\b.*\b(stopped|went down|tripped)\b/.exec(lower);
  // "Linie 2 ist stehen geblieben – was kam die 20 min davor": the stop first, the minutes after it.
  const reversed = match
    ? undefined
    : new RegExp(`\\b(${STOPPED})\\b.*?\\b(\\d+)\\s*(?:min|mins|minutes|minuten)\\s+(?:davor|vorher|zuvor|before (?:that|it|then))\\b`).exec(lower);
  // "line 1 stopped 10 min ago — why?", "warum steht Linie 2": why a stop happened is what led up to it.
  if (
    !match &&
    !reversed &&
    new RegExp(`\\b(why|warum|wieso|weshalb|how come)\\b`).test(lower) &&
    new RegExp(
      `\\b(stopped|went down|tripped|died|crashed|stehen ?geblieben|stehn ?geblieben|gestoppt|angehalten|abgeschaltet|ausgegangen|ausgefallen|stillstand|steht|stehen|(?:is|are)(?: \\w+){1,4} down|(?:did|does|do)\\b.*\\bstop)\\b`,
    ).test(lower)
  )
    return { minutes: 10 };
  // "what stopped line 2", "what caused the stop on L1", "Ursache für den Stillstand an Linie 2": the same question, without a why.
  if (
    !match &&
    !reversed &&
    // ("what tripped on the compressor overnight" asks what signalled there, not what tripped it.)
    /\b(what (?:stopped|tripped(?!\s+(?:on|at|in|across|over)\b)|took down|brought down)|what caused|cause of|reason for|ursache|grund (?:für|fuer)|was hat\b.*\b(?:gestoppt|angehalten|lahmgelegt))\b/.test(
      lower,
    ) &&
    /\b(stop\w*|stillstand\w*|ausfall\w*|gestoppt|angehalten|lahmgelegt|down|tripped)\b/.test(lower)
  )
    return { minutes: 10 };
  // "line 2 went down around 7:15, what alarms came before that": the stop, then what led up to it, no minutes said.
  if (!match && !reversed && new RegExp(`\\b(${STOPPED})\\b.*\\b(davor|vorher|zuvor|before (?:that|it|then)|leading up to it)\\b`).test(lower))
    return { minutes: 10 };
  if (!match && !reversed) return undefined;
  const minutes = Number(match ? match[1] : reversed![2]);
  return { minutes: Number.isInteger(minutes) && minutes > 0 ? Math.min(minutes, 240) : 10 };
}

const WEEKDAYS: [RegExp, number][] = [
  [/\b(monday|montag\w*)\b/, 1],
  [/\b(tuesday|dienstag\w*)\b/, 2],
  [/\b(wednesday|mittwoch\w*)\b/, 3],
  [/\b(thursday|donnerstag\w*)\b/, 4],
  [/\b(friday|freitag\w*)\b/, 5],
  // "sat" is a day only where a day can stand ("on sat", "since sat"): "the printer sat idle" names no day.
  [/\b(saturday|samstag\w*)\b|^sat$|\b(?:on|since|last|this|next|from|until|till|by)\s+sat\b/, 6],
  [/\b(sunday|sonntag\w*)\b/, 0],
  // "Sa 6-14", "Mo. 22 Uhr bis Di. 2 Uhr", "Thu 8-12": the short forms, only before a clock ("so", "do" are words).
  ...(['mo|mon', 'di|tue|tues', 'mi|wed', 'do|thu|thur|thurs', 'fr|fri', 'sa|sat', 'so|sun'] as const).map((short, index): [RegExp, number] => [
    new RegExp(String.raw`\b(?:${short})\.?(?=\s*\d{1,2}(?:[:.]\d{2})?\s*(?:uhr|h\b|am\b|pm\b|-|–|bis\b|to\b))`),
    (index + 1) % 7,
  ]),
];

/**
 * "extra shift Saturday" said at 04:30 on a Saturday: the plant's day (its first shift of the morning) has not begun, so
 * the weekday named is today, not a week ahead. Night shifts that run past midnight belong to the day before.
 */
function beforeTheDayStarts(context: TimeContext): boolean {
  const calendar = shiftCalendarOf(context);
  const first = [...calendar.shifts].map((shift) => shift.start).sort()[0];
  if (!first) return false;
  const p = localParts(context.now.getTime(), context.timeZone);
  return `${String(p.hour).padStart(2, '0')}:${String(p.minute).padStart(2, '0')}` < first;
}

/** A date said that cannot be read ("03/04", "31.02."): a booking asks for its window rather than guess one. */
function unreadableDate(t: string, context: TimeContext): boolean {
  const said = dateSaid(t, plantDay(context));
  return said !== undefined && 'unreadable' in said;
}

/** The plant-local date a request names for a future slot: "tonight", "tomorrow", "Saturday", "morgen". */
export function namedDay(
  text: string,
  context: TimeContext,
  // A day with no clock said ("extra shift Saturday", "by Saturday"): its own weekday is today until its first shift
  // starts. A slot with a clock decides that by its clock (todayIfAhead).
  options: { todayBeforeItStarts?: boolean } = {},
): { year: number; month: number; day: number; iso: string } | undefined {
  const t = foldInitialUmlauts(text.toLowerCase());
  const iso = (day: Day) => `${day.year}-${String(day.month).padStart(2, '0')}-${String(day.day).padStart(2, '0')}`;
  // "am 12. März", "March 12th": a date said beats the words around it.
  const said = dateSaid(t, plantDay(context));
  if (said) return 'day' in said ? { ...said.day, iso: iso(said.day) } : undefined;
  let offset: number | undefined;
  if (/\b(day after tomorrow|(?:ü|ue)bermorgen)\b/.test(t)) offset = 2;
  else if (/\b(tomorrow|morgen|tmrw)\b/.test(t) && !/\bheute morgen\b/.test(t)) offset = 1;
  else if (/\b(today|tonight|this evening|heute|heute nacht|heute abend)\b/.test(t)) offset = 0;
  else {
    // "Sunday 22:00 to Monday 02:00": the day said first is the day it starts on.
    const weekday = WEEKDAYS.map(([pattern, day]) => [pattern.exec(t)?.index ?? Infinity, day] as const)
      .filter(([index]) => index !== Infinity)
      .sort((a, b) => a[0] - b[0])[0]?.[1];
    if (weekday !== undefined) {
      const p = localParts(context.now.getTime(), context.timeZone);
      const today = new Date(Date.UTC(p.year, p.month - 1, p.day)).getUTCDay();
      // "nächste Woche Mittwoch", "Wednesday next week": that weekday of the week after this one (weeks start on Monday).
      if (NEXT_WEEK.test(t)) offset = 7 - ((today + 6) % 7) + ((weekday + 6) % 7);
      else offset = (weekday - today + 7) % 7 || (options.todayBeforeItStarts && beforeTheDayStarts(context) ? 0 : 7);
    }
  }
  if (offset === undefined) return undefined;
  const day = plantDay(context, offset);
  return { ...day, iso: iso(day) };
}

/**
 * A future slot for booking work: "tonight 22:00 to 02:00", "Saturday 8 to 12", "heute Nacht 22 bis
 * 2 Uhr", "morgen 14–16 Uhr". The end before the start runs into the next day. Undefined without a
 * day and a range.
 */
/** "Saturday morning", "morgen Nachmittag": a named day's part, for booking a job into it. */
const DAY_PARTS: [RegExp, number, number][] = [
  [/\b(morning|vormittag|früh|frueh|morgens)\b/, 6, 12],
  [/\b(afternoon|nachmittag|nachmittags)\b/, 12, 18],
  [/\b(evening|abend|abends)\b/, 18, 22],
];

function dayPartSlot(t: string, context: TimeContext): { from: string; to: string } | undefined {
  const part = DAY_PARTS.find(([words]) => words.test(t));
  // "tomorrow morning": "morgen" is the day there, not the morning.
  const day = part ? namedDay(t.replace(/\bmorgen (?=(früh|frueh|vormittag|nachmittag|abend))/, 'morgen '), context) : undefined;
  if (!part || !day) return undefined;
  const booked = todayIfAhead(day, part[1], 0, context, t);
  return { from: isoSeconds(at(booked, part[1], 0, context)), to: isoSeconds(at(booked, part[2], 0, context)) };
}

/** "next week", "nächste Woche", "kommende Woche": the week after this one, when a weekday is named with it. */
const NEXT_WEEK = /\b(?:next week|n(?:ä|ae)chste(?:n)? woche|kommende(?:n)? woche|in der n(?:ä|ae)chsten woche)\b/;

/**
 * "buch das für Samstag früh" said early on a Saturday: today's morning, still ahead — not next week's. A weekday
 * names today when the time said on it has not passed yet (namedDay takes a weekday as the next one to come).
 */
function todayIfAhead(day: Day, hour: number, minute: number, context: TimeContext, text = ''): Day {
  // ("nächste Woche Mittwoch 10–12" said on a Wednesday is a week away, whatever the clock.)
  if (NEXT_WEEK.test(text)) return day;
  const today = plantDay(context);
  const inAWeek = plantDay(context, 7);
  if (day.year !== inAWeek.year || day.month !== inAWeek.month || day.day !== inAWeek.day) return day;
  return at(today, hour, minute, context).getTime() > context.now.getTime() ? today : day;
}

/** Not a range of things numbered ("zones 3-5", "Bestücker 1 und 2", "feeder 2 to 4"), which is no span of clock times. */
const NOT_NUMBERED_THINGS = String.raw`(?<!\b(?:zones?|zonen|placers?|pnp|best(?:ü|ue)cker|lines?|linien?|l|feeders?|nozzles?|stations?|prio\w*|runs?|lanes?|spuren?|nr\.?|no\.?|#|x)\s*)`;

export function slotWindow(text: string, context: TimeContext): { from: string; to: string } | undefined {
  // "Saturday 8 am to noon", "bis Mittag": noon and midnight as clocks.
  // "von halb acht bis zehn": clocks said in words, as digits.
  const t = spokenClockTimes(foldInitialUmlauts(text.toLowerCase()), /\bhalb\b/.test(text.toLowerCase()) ? 'de' : 'en')
    .replace(/\b(?:noon|midday|mittags?)\b/g, '12:00')
    .replace(/\b(?:midnight|mitternacht)\b/g, '0:00')
    // "2026-12-05 06:00-12:00": an ISO date (not a full timestamp) as the day it names — its "12-05" is no clock range.
    .replace(/\b(\d{4})-(\d{2})-(\d{2})\b(?!T)/g, (_whole, year: string, month: string, day: string) => `${Number(day)}.${Number(month)}.${year}`);
  if (unreadableDate(t, context)) return undefined;
  // "Friday 22:00 to Saturday 02:00": the day the range ends on, between its clocks, is the next one.
  const range =
    new RegExp(
      String.raw`${NOT_NUMBERED_THINGS}\b${CLOCK}\s*(?:uhr\s*)?(?:to|until|till|-|–|bis)\s*(?:(?:on\s+|am\s+)?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|tomorrow|morgen|(?:mo|di|mi|do|fr|sa|so|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)\.?)\s+)?${CLOCK}`,
    ).exec(t) ??
    // "am Montag zwischen 6 und 10", "between 6 and 10": a range said with "between … and", not two quantities.
    new RegExp(String.raw`\b(?:zwischen|between)\s+${CLOCK}\s*(?:uhr\s*)?(?:und|and)\s+${CLOCK}${NOT_A_QUANTITY}`).exec(t);
  if (!range) return lastingSlot(t, context) ?? dayPartSlot(t, context);
  const from = parseClock(range[1]!);
  const to = parseClock(range[2]!);
  if (!from || !to) return undefined;
  // "von 22 Uhr bis 2 Uhr" with no day: today's, or tomorrow's when it has begun.
  const named = namedDay(t, context) ?? (/\bnight|nacht\b/.test(t) ? plantDay(context) : undefined);
  const nextOccurrence = /\b(?:von|from|ab)\s+\d/.test(t)
    ? at(plantDay(context), from.hour, from.minute, context).getTime() > context.now.getTime()
      ? plantDay(context)
      : plantDay(context, 1)
    : undefined;
  const day = named ?? nextOccurrence;
  if (!day) return undefined;
  let fromHour = from.hour;
  const toHour = to.hour;
  // "between 2 and 4pm", "2-4 pm": the pm said once is both clocks'.
  if (/pm\s*$/.test(range[2]!) && !/(?:am|pm)\s*$/.test(range[1]!) && fromHour < 12 && fromHour + 12 < toHour) fromHour += 12;
  const tonight = /\b(tonight|this evening|heute abend|heute nacht)\b/.test(t) && !/(?:am|pm)\s*$/.test(range[1]!);
  // "tonight 8 to 10" is 20:00; "heute Nacht 0 bis 4", "tonight 2 to 4" are the small hours after today.
  const smallHours = tonight && fromHour <= SMALL_HOURS_END;
  if (tonight && fromHour < 12 && fromHour > SMALL_HOURS_END) fromHour += 12;
  // (Said in the small hours themselves, tonight's are today's.)
  const inTheSmallHours = localParts(context.now.getTime(), context.timeZone).hour <= SMALL_HOURS_END;
  const booked = smallHours && !inTheSmallHours ? addDays(day, 1) : todayIfAhead(day, fromHour, from.minute, context, t);
  const start = at(booked, fromHour, from.minute, context);
  let end = at(booked, toHour, to.minute, context);
  if (end.getTime() <= start.getTime()) end = new Date(end.getTime() + 1440 * MINUTE_MS);
  return { from: isoSeconds(start), to: isoSeconds(end) };
}

/** The last hour of the night a "tonight" clock can name ("heute Nacht 2 bis 4" is 02:00 tomorrow; "tonight 7" is 19:00). */
const SMALL_HOURS_END = 5;

/** A count as digits ("1,5") or a number word ("zwei"); undefined for a word that is no number. */
function countSaid(word: string): number | undefined {
  return /^\d/.test(word) ? Number(word.replace(',', '.')) : numberWord(word);
}

/** "für 2 Stunden", "for 90 minutes", "zwei Stunden ab 9", "2h ab 14 Uhr": how long a job is to last, in minutes. */
const LASTING = [
  /\b(?:f(?:ü|ue)r|for)\s+(?:(?:about|around|ca\.?|etwa|rund|gut)\s+)?(\d+(?:[.,]\d+)?|[a-z]+)\s*(h|hrs?|hours?|std|stunden?|min|mins|minutes?|minuten)\b/,
  /\b(\d+(?:[.,]\d+)?|[a-z]+)\s*(h|hrs?|hours?|std|stunden?|min|mins|minutes?|minuten)\s+(?:ab|from|starting)\b/,
];

function lastingMinutes(t: string): number | undefined {
  for (const pattern of LASTING) {
    const match = pattern.exec(t);
    const minutes = match ? minutesSaid(match[1]!, match[2]!) : undefined;
    if (minutes !== undefined) return minutes;
  }
  return undefined;
}

/** "2" and "Std", "zwei" and "hours": a span said as a count and its unit, in whole minutes; undefined for no span. */
function minutesSaid(count: string, unit: string): number | undefined {
  const unitLength = unitMinutes(unit);
  const said = countSaid(count);
  return unitLength && said && said > 0 ? Math.round(said * unitLength) : undefined;
}

/**
 * "ab 14 Uhr für 2 Stunden", "tomorrow from 6 for 3 hours", "in 2 Stunden für 1 Stunde": a start and how long. The
 * start is a clock ahead (startClock) or a delay from now, to the minute.
 */
function lastingSlot(t: string, context: TimeContext): { from: string; to: string } | undefined {
  const minutes = lastingMinutes(t);
  if (!minutes) return undefined;
  const delay = /\bin\s+(\d+(?:[.,]\d+)?|[a-z]+)\s*(h|hrs?|hours?|std|stunden?|min|mins|minutes?|minuten)\b/.exec(t);
  const delayUnit = delay ? unitMinutes(delay[2]!) : undefined;
  const delayCount = delay ? countSaid(delay[1]!) : undefined;
  const start =
    startClock(t, context) ??
    (delayUnit && delayCount ? new Date(Math.ceil((context.now.getTime() + delayCount * delayUnit * MINUTE_MS) / MINUTE_MS) * MINUTE_MS) : undefined);
  if (!start) return undefined;
  return { from: isoSeconds(start), to: isoSeconds(new Date(start.getTime() + minutes * MINUTE_MS)) };
}

/**
 * "at 14:00", "ab 14 Uhr", "tomorrow from 6 am", "morgen um 6": the clock time something is to start at, on the
 * day named (today when none is), when that lies ahead. A time already past today is a look back, not a start.
 */
export function startClock(text: string, context: TimeContext): Date | undefined {
  const t = foldInitialUmlauts(text.toLowerCase());
  if (unreadableDate(t, context)) return undefined;
  const match = new RegExp(
    String.raw`\b(?:at|from|starting(?: at)?|ab|um|von)\s+${CLOCK}(?:\s*(?:uhr|o'?clock))?(?!\s*(?:°|degrees?|grad|bar|%|h\b|hours?|hrs?|std|stunden?|min))`,
  ).exec(t);
  const clock = match ? parseClock(match[1]!) : undefined;
  if (!clock || clock.hour > 23 || clock.minute > 59) return undefined;
  const day = namedDay(t, context) ?? plantDay(context);
  const start = at(day, clock.hour, clock.minute, context);
  return start.getTime() > context.now.getTime() ? start : undefined;
}

/**
 * A slot for booking work, as slotWindow reads it, or a named shift on a named day: "tomorrow's early shift", "Sunday
 * night shift", "morgen Frühschicht" — that shift from the plant's calendar (a night shift runs into the next day).
 * Without a day, the next shift of that name that has not begun.
 */
/** How far ahead a maintenance window is booked from chat; a window further out is asked back. */
const FARTHEST_BOOKING_DAYS = 180;

/** "(last one was 30/11)", "letzte Wartung war am 28.11.", "last done on Monday": when a job was done before. */
const LAST_TIME_DONE =
  /\(\s*(?:last|previous|letzte\w*|vorige\w*)\b[^)]*\)|\b(?:last (?:one|time|service|change|wo|job)|previous (?:one|service)|letzte[rsn]? (?:mal|wartung|auftrag|wechsel|service)|zuletzt)\s+(?:was\s+|war\s+|done\s+|gemacht\s+)?(?:on\s+|am\s+)?[^,;.)]*(?:\d{1,2}[./]\d{1,2}\.?|monday|tuesday|wednesday|thursday|friday|saturday|sunday|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag)\b[^,;)]*/gi;

export function bookingWindow(given: string, context: TimeContext): { from: string; to: string } | undefined {
  // "oil + filter change (last one was 30/11), window tomorrow 14:00 to 16:30": when the job was done before is no day to
  // book it on (it had booked 30/11 of the next year).
  const text = given.replace(LAST_TIME_DONE, ' ');
  const slot = slotWindow(text, context);
  // A date just passed, read as next year's ("30/11" said on 2 December), is no window to book without asking.
  if (slot && new Date(slot.from).getTime() - context.now.getTime() > FARTHEST_BOOKING_DAYS * 1440 * MINUTE_MS) return undefined;
  if (slot) return slot;
  const t = foldInitialUmlauts(text.toLowerCase());
  if (unreadableDate(t, context)) return undefined;
  const name = namedShiftIn(t);
  if (!name) return undefined;
  const calendar = shiftCalendarOf(context);
  const shift = calendar.shifts.find((candidate) => candidate.name === name);
  if (!shift) return undefined;
  const span = (day: Day) => {
    const start = zonedInstant(day, shift.start, calendar.timeZone);
    let end = zonedInstant(day, shift.end, calendar.timeZone);
    if (end.getTime() <= start.getTime()) end = zonedInstant(addDays(day, 1), shift.end, calendar.timeZone);
    return { start, end };
  };
  const day = namedDay(t, context);
  // "after the late shift today, 2 hours", "vor der Frühschicht 1 Std": a job beside the shift, not the shift itself —
  // as long as said, or asked back.
  const beside = BESIDE_A_SHIFT.exec(t)?.[1];
  if (beside) {
    const minutes = lastingMinutes(t) ?? lastingAlone(t);
    const { start, end } = day
      ? span(day)
      : (nextShiftSpan(span, context, beside === 'after' || beside === 'nach' ? 'end' : 'start') ?? { start: undefined, end: undefined });
    if (!minutes || !start || !end) return undefined;
    const from = beside === 'after' || beside === 'nach' ? end : new Date(start.getTime() - minutes * MINUTE_MS);
    if (from.getTime() <= context.now.getTime()) return undefined;
    return { from: isoSeconds(from), to: isoSeconds(new Date(from.getTime() + minutes * MINUTE_MS)) };
  }
  if (day) {
    const { start, end } = span(day);
    return end.getTime() > context.now.getTime() ? { from: isoSeconds(start), to: isoSeconds(end) } : undefined;
  }
  for (let offset = 0; offset <= 2; offset++) {
    const { start, end } = span(plantDay(context, offset));
    if (start.getTime() >= context.now.getTime()) return { from: isoSeconds(start), to: isoSeconds(end) };
  }
  return undefined;
}

/** Whether a booking's "after the late shift" / "vor der Frühschicht" is said (its window needs a length too). */
export function besideAShift(text: string): boolean {
  return BESIDE_A_SHIFT.test(foldInitialUmlauts(text.toLowerCase()));
}

/**
 * "between 2 and 4 tomorrow", "Samstag 3 bis 5": two small-hour clocks with nothing to say whether they are the night's or
 * the afternoon's (no am/pm, no leading zero, no "night", "früh" or "afternoon") — a plant works both, so a booking asks.
 * Returns the two readings' hours, or undefined when the clocks are plain.
 */
export function smallHoursUnsure(text: string): { from: number; to: number } | undefined {
  const t = foldInitialUmlauts(text.toLowerCase());
  const range = SMALL_HOURS_RANGE.exec(t);
  if (!range) return undefined;
  const from = Number(range[1]);
  const to = Number(range[2]);
  if (to <= from) return undefined;
  if (
    /\b(?:night|nights|nacht|nachts|overnight|morning|morgens|fr(?:ü|ue)h|in der fr(?:ü|ue)h|afternoon|nachmittags?|evening|abends?|mittags?|early shift|late shift|night shift|fr(?:ü|ue)hschicht|sp(?:ä|ae)tschicht|nachtschicht)\b/.test(
      t,
    )
  )
    return undefined;
  return { from, to };
}

const SMALL_HOURS_RANGE = new RegExp(
  String.raw`(?<![\d:.,])${NOT_NUMBERED_THINGS}\b([1-5])(?::00)?\s*(?:uhr\s*)?(?:to|until|till|-|–|bis|and|und)\s*([2-7])(?::00)?(?![\d:]|[.,]\d|\s*(?:am|pm|a\.m|p\.m|°|grad|degrees?|bar|mm|%|h\b|hours?|hrs?|std|stunden?|min|x\b|stk|pcs|st(?:ü|ue)ck))`,
);

/** The request with its unsure small-hour clocks said as the reading chosen: "between 2 and 4 tomorrow" → "between 14:00 and 16:00 tomorrow". */
export function withHoursChosen(text: string, reading: 'night' | 'afternoon'): string {
  return text.replace(new RegExp(SMALL_HOURS_RANGE.source, 'i'), (whole: string, from: string, to: string) => {
    const clock = (hour: string) => `${String(Number(hour) + (reading === 'afternoon' ? 12 : 0)).padStart(2, '0')}:00`;
    const joiner = /\b(?:and|und)\b/i.exec(whole)?.[0] ?? (/\bbis\b/i.test(whole) ? 'bis' : 'to');
    return `${clock(from)} ${joiner} ${clock(to)}`;
  });
}

/** "after the late shift", "nach der Spätschicht", "before the early shift", "vor der Frühschicht": beside a shift, not in it. */
const BESIDE_A_SHIFT =
  /\b(after|nach|before|vor)\s+(?:the\s+|der\s+|dem\s+|today'?s\s+|tonight'?s\s+|tomorrow'?s\s+|this\s+|heutigen\s+)?(?:(?:early|morning|late|afternoon|night)[- ]?shift|(?:fr(?:ü|ue)h|sp(?:ä|ae)t|nacht)schicht)\b/;

/** "…, 2 hours", "… 2 Std": a length said by itself, as a booking beside a shift gives it. */
function lastingAlone(t: string): number | undefined {
  // (The first count that is one: "nach der Frühschicht, 3 Stunden" has "nac" + "h" before it.)
  const minutes = [...t.matchAll(/\b(\d+(?:[.,]\d+)?|[a-z]+)\s*(h|hrs?|hours?|std|stunden?|min|mins|minutes?|minuten)\b/g)]
    .map((match) => minutesSaid(match[1]!, match[2]!))
    .find((said) => said !== undefined);
  return minutes !== undefined && minutes <= 72 * 60 ? minutes : undefined;
}

/** The next shift of that name whose start (or end) is still ahead. */
function nextShiftSpan(span: (day: Day) => { start: Date; end: Date }, context: TimeContext, edge: 'start' | 'end'): { start: Date; end: Date } | undefined {
  for (let offset = -1; offset <= 2; offset++) {
    const found = span(plantDay(context, offset));
    if (found[edge].getTime() > context.now.getTime()) return found;
  }
  return undefined;
}

/**
 * "book it but 2 hours earlier", "a day later", "eine Stunde später": how far a recommended window is to move, in
 * minutes (earlier is negative), or undefined when the request moves nothing.
 */
export function windowShiftMinutes(text: string): number | undefined {
  const t = foldInitialUmlauts(text.toLowerCase());
  const match =
    /\b(\d+(?:[.,]\d+)?|a|an|one|half an?|ein(?:e|en)?|eine halbe|zwei|two|drei|three|vier|four)\s*(h|hrs?|hours?|std|stunden?|min|mins|minutes?|minuten|days?|tage?n?|tag)\s+(earlier|sooner|later|fr(?:ü|ue)her|sp(?:ä|ae)ter|eher)\b/.exec(
      t,
    );
  if (!match) return undefined;
  const said = match[1]!;
  const count = /^\d/.test(said) ? Number(said.replace(',', '.')) : /half|halbe/.test(said) ? 0.5 : (numberWord(said.split(' ').at(-1)!) ?? 1);
  const unit = unitMinutes(match[2]!);
  if (!unit || !Number.isFinite(count) || count <= 0) return undefined;
  return Math.round(count * unit) * (/^(earlier|sooner|fr|eher)/.test(match[3]!) ? -1 : 1);
}

/**
 * "book it on Saturday", "am Samstag": a day named with no clock moves a recommended window to that day at the same
 * plant-time clock, as long. Undefined without such a day, or when the day's window has already begun.
 */
export function windowOnNamedDay(window: { from: string; to: string }, text: string, context: TimeContext): { from: string; to: string } | undefined {
  const t = foldInitialUmlauts(text.toLowerCase());
  if (/\d{1,2}\s*(?::\d{2}|uhr|h\b|am\b|pm\b)|\b(?:from|von|ab|at|um|bis|to|until)\s+\d/.test(t)) return undefined;
  const day = namedDay(t, context, { todayBeforeItStarts: true });
  if (!day) return undefined;
  const start = localParts(Date.parse(window.from), context.timeZone);
  const from = at(day, start.hour, start.minute, context);
  if (from.getTime() <= context.now.getTime()) return undefined;
  const to = new Date(from.getTime() + (Date.parse(window.to) - Date.parse(window.from)));
  return { from: isoSeconds(from), to: isoSeconds(to) };
}

/** "next week", "am Wochenende", "later this week": a time too vague to book. */
export const VAGUE_WHEN =
  /\b(?:next week|this week|later this week|the weekend|at the weekend|over the weekend|sometime|some time|n(?:ä|ae)chste woche|diese woche|am wochenende|(?:ü|ue)bers wochenende|irgendwann|sp(?:ä|ae)ter in der woche)\b/;
