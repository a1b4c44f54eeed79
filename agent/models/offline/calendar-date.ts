/**
 * A calendar date said in a request, as plant people write it: "am 12. März", "12.03.", "12.3.2026", "March 12th",
 * "12 March", "the 12th of March", "Mar 12", "2026-03-12", "13/03", "am 14.", "on the 14th". Without a year (or month) it is the next such day to come
 * (today included): a job booked "am 2. Januar" in December is for January.
 *
 * "03/04" reads as 3 April in Europe and as 4 March in the US; both numbers can be a month, so it is read neither
 * way: the result says a date was said that cannot be read, and a booking asks for its window instead of guessing.
 * So does an impossible date ("31.02.").
 */
export type CalendarDay = { year: number; month: number; day: number };
export type DateSaid = { day: CalendarDay } | { unreadable: true } | undefined;

const MONTHS: [RegExp, number][] = [
  [/^(?:january|januar|jan|j(?:ä|ae)nner)$/, 1],
  [/^(?:february|februar|feb)$/, 2],
  [/^(?:march|m(?:ä|ae)rz|mar|m(?:ä|ae)r)$/, 3],
  [/^(?:april|apr)$/, 4],
  [/^(?:may|mai)$/, 5],
  [/^(?:june|juni|jun)$/, 6],
  [/^(?:july|juli|jul)$/, 7],
  [/^(?:august|aug)$/, 8],
  [/^(?:september|sept|sep)$/, 9],
  [/^(?:october|oktober|oct|okt)$/, 10],
  [/^(?:november|nov)$/, 11],
  [/^(?:december|dezember|dec|dez)$/, 12],
];
const MONTH_WORD = String.raw`(january|januar|j(?:ä|ae)nner|jan|february|februar|feb|march|m(?:ä|ae)rz|m(?:ä|ae)r|mar|april|apr|may|mai|june|juni|jun|july|juli|jul|august|aug|september|sept|sep|october|oktober|oct|okt|november|nov|december|dezember|dec|dez)`;

function monthOf(word: string): number | undefined {
  return MONTHS.find(([pattern]) => pattern.test(word))?.[1];
}

/** The day if it exists; a year of two digits is this century's. */
function valid(year: number, month: number, day: number): CalendarDay | undefined {
  const fullYear = year < 100 ? 2000 + year : year;
  const date = new Date(Date.UTC(fullYear, month - 1, day));
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day ? { year: fullYear, month, day } : undefined;
}

/** Without a year: this year's, or next year's when this year's has passed. */
function nextToCome(month: number, day: number, today: CalendarDay): CalendarDay | undefined {
  const thisYear = valid(today.year, month, day);
  if (!thisYear) return undefined;
  const passed = month < today.month || (month === today.month && day < today.day);
  return passed ? valid(today.year + 1, month, day) : thisYear;
}

/** Without a year, looking back: this year's, or last year's when this year's is still to come. */
function lastPast(month: number, day: number, today: CalendarDay): CalendarDay | undefined {
  const thisYear = valid(today.year, month, day);
  if (!thisYear) return undefined;
  const ahead = month > today.month || (month === today.month && day > today.day);
  return ahead ? valid(today.year - 1, month, day) : thisYear;
}

type Direction = { past?: boolean };

function read(year: string | undefined, month: number, day: number, today: CalendarDay, direction: Direction = {}): DateSaid {
  const found = year ? valid(Number(year), month, day) : direction.past ? lastPast(month, day, today) : nextToCome(month, day, today);
  return found ? { day: found } : { unreadable: true };
}

/**
 * The date a lowercased request names, if any. `today` is the plant's calendar day. A date without its year is the
 * next such day to come (a booking), or with `past` the last one gone by (a reading: "alarms on 30/11" said on
 * 2 December is last week's, not next year's).
 */
export function dateSaid(lower: string, today: CalendarDay, direction: Direction = {}): DateSaid {
  const iso = /\b(\d{4})-(\d{2})-(\d{2})(?![t\d])/.exec(lower);
  if (iso) return read(iso[1], Number(iso[2]), Number(iso[3]), today, direction);
  // "12.03.", "12.3.2026", "am 5.3." — the German order, with the point after the month (not "6.5" bar).
  // (Nor "warn is 4.5. create a WO": a value said, with the sentence's full stop after it.)
  const german =
    /(?<![\d.,])(?<!\b(?:is|was|at|of|ist|war|bei|auf|von|about|around|ca\.?|max|min|limit|warn|alarm)\s+)(\d{1,2})\.(\d{1,2})\.(\d{4}|\d{2})?(?![\d,]|\.\d)/.exec(
      lower,
    );
  if (german) return read(german[3], Number(german[2]), Number(german[1]), today, direction);
  const dayFirst = new RegExp(String.raw`\b(\d{1,2})(?:\.|st|nd|rd|th)?\s+(?:of\s+)?${MONTH_WORD}\b\.?(?:\s+(\d{4})\b)?`).exec(lower);
  if (dayFirst) return read(dayFirst[3], monthOf(dayFirst[2]!)!, Number(dayFirst[1]), today, direction);
  const monthFirst = new RegExp(
    String.raw`\b${MONTH_WORD}\.?\s+(\d{1,2})(?:st|nd|rd|th)?\b(?!\s*(?:°|grad|degrees|bar|%|uhr|h\b|:\d))(?:,?\s+(\d{4})\b)?`,
  ).exec(lower);
  if (monthFirst) return read(monthFirst[3], monthOf(monthFirst[1]!)!, Number(monthFirst[2]), today, direction);
  // "am 14. in der Frühschicht", "on the 14th": a day of the month alone is the next such day to come — this month's,
  // or next month's when it has passed. ("am 2. Bestücker" is a machine's ordinal, not a date.)
  const dayAlone =
    /\b(?:am|den|vom|on the|the|for the|by the)\s+(\d{1,2})(?:\.|st|nd|rd|th)(?!\d|\.\d)(?!\s*[a-zäöüß]*(?:best(?:ü|ue)ck|placer|pnp|ofen|oven|zone|linie|line|drucker|printer|maschine|machine|station|schicht|shift|mal|time|versuch|attempt|platz|place|board|platine|lauf|run|fahrt|stop|halt))/.exec(
      lower,
    );
  if (dayAlone) {
    const day = Number(dayAlone[1]);
    if (day >= 1 && day <= 31) {
      // Looking back, this month's when it has come, else last month's.
      const [month, year] = direction.past
        ? day <= today.day
          ? [today.month, today.year]
          : [((today.month + 10) % 12) + 1, today.month > 1 ? today.year : today.year - 1]
        : [day >= today.day ? today.month : (today.month % 12) + 1, day >= today.day || today.month < 12 ? today.year : today.year + 1];
      const found = valid(year, month, day);
      return found ? { day: found } : { unreadable: true };
    }
  }
  // "13/03", "03/13": the order is known only when one number cannot be a month.
  const slash = /(?<![\d/])(\d{1,2})\/(\d{1,2})(?:\/(\d{4}|\d{2}))?(?![\d/])(?!\s*(?:stunde|std|hour|h\b))/.exec(lower);
  if (slash) {
    const [first, second] = [Number(slash[1]), Number(slash[2])];
    if (first > 12 && second <= 12) return read(slash[3], second, first, today, direction);
    if (second > 12 && first <= 12) return read(slash[3], first, second, today, direction);
    if (first === second) return read(slash[3], first, first, today, direction);
    // "Sat 12/5", "Samstag 5/12": a weekday said with it settles the order, when only one reading falls on that weekday.
    const weekday = weekdaySaid(lower);
    if (weekday !== undefined) {
      const readings = [read(slash[3], second, first, today, direction), read(slash[3], first, second, today, direction)].filter(
        (reading): reading is { day: CalendarDay } => reading !== undefined && 'day' in reading && weekdayOf(reading.day) === weekday,
      );
      if (readings.length === 1) return readings[0];
    }
    return { unreadable: true };
  }
  return undefined;
}

/** The weekday a message names (0 Sunday … 6 Saturday), or undefined. */
function weekdaySaid(lower: string): number | undefined {
  const found = WEEKDAY_WORDS.findIndex((pattern) => pattern.test(lower));
  return found === -1 ? undefined : found;
}

const WEEKDAY_WORDS = [
  /\b(?:sunday|sun|sonntag|so)\b\.?/,
  /\b(?:monday|mon|montag|mo)\b\.?/,
  /\b(?:tuesday|tue|tues|dienstag|di)\b\.?/,
  /\b(?:wednesday|wed|mittwoch|mi)\b\.?/,
  /\b(?:thursday|thu|thur|thurs|donnerstag|do)\b\.?/,
  /\b(?:friday|fri|freitag|fr)\b\.?/,
  /\b(?:saturday|sat|samstag|sa)\b\.?/,
];

function weekdayOf(day: CalendarDay): number {
  return new Date(Date.UTC(day.year, day.month - 1, day.day)).getUTCDay();
}
