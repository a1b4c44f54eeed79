/**
 * Time windows as people write them in a question about the past: clock ranges across midnight, calendar dates and
 * weeks, weekends, halves and buckets. `now` is Wednesday 2 December 2026, 09:40 plant time.
 */
import { describe, expect, it } from 'vitest';
import { bucketSize, parseTimeWindow } from './time-window';
import { dateSaid } from './calendar-date';

const context = { now: new Date('2026-12-02T09:40:00+01:00'), timeZone: 'Europe/Berlin' };
const plant = (iso: string) => new Date(iso).toISOString();
const windowOf = (text: string, language: 'en' | 'de' = 'en', now = context.now) => {
  const window = parseTimeWindow(text, language, { ...context, now });
  return window ? { from: plant(window.from), to: plant(window.to) } : undefined;
};

describe('a clock range with no day named is the last such hours gone by', () => {
  it.each([
    ['alarms between 22 and 2 on line one', 'en'],
    ['AOI results L1 from 22 to 2', 'en'],
    ['Motorstrom vom Kompressor von 22 bis 2', 'de'],
    ['header pressure compressor from 22 to 2 last night, hourly values', 'en'],
  ] as const)('"%s" is last night 22:00 to 02:00', (text, language) => {
    expect(windowOf(text, language)).toEqual({ from: plant('2026-12-01T22:00:00+01:00'), to: plant('2026-12-02T02:00:00+01:00') });
  });

  it('a range still to come today stays a slot, not a reading of yesterday', () => {
    expect(windowOf('zone 4 oven 1 between 2 and 4 this afternoon')).toBeUndefined();
    expect(windowOf('heute zwischen 14 und 16 Uhr', 'de')).toBeUndefined();
  });

  it('a comma after the range ends it ("zwischen 10 und 12, alle 5 Minuten")', () => {
    expect(windowOf('Vorlauf Kaltwassersatz vorgestern zwischen 10 und 12, alle 5 Minuten', 'de')).toEqual({
      from: plant('2026-11-30T10:00:00+01:00'),
      to: plant('2026-11-30T12:00:00+01:00'),
    });
  });
});

describe('a calendar date said for a reading is the last such day', () => {
  it('reads a date without its year looking back', () => {
    expect(dateSaid('alarms on 30/11', { year: 2026, month: 12, day: 2 }, { past: true })).toEqual({ day: { year: 2026, month: 11, day: 30 } });
    expect(dateSaid('alarms on 30/11', { year: 2026, month: 12, day: 2 })).toEqual({ day: { year: 2027, month: 11, day: 30 } });
    expect(dateSaid('am 5.', { year: 2026, month: 12, day: 2 }, { past: true })).toEqual({ day: { year: 2026, month: 11, day: 5 } });
  });

  it.each([
    ['squeegee force on the L2 printer on 30/11 between 14 and 18', 'en', '2026-11-30T14:00:00+01:00', '2026-11-30T18:00:00+01:00'],
    ['Zone 8 am Ofen Linie eins am 1.12. von 14 bis 18 Uhr', 'de', '2026-12-01T14:00:00+01:00', '2026-12-01T18:00:00+01:00'],
    ['welche Alarme gabs am 30.11. zwischen 14 und 22 Uhr mit Prio 3', 'de', '2026-11-30T14:00:00+01:00', '2026-11-30T22:00:00+01:00'],
    ['shift report 30/11 earlies', 'en', '2026-11-30T06:00:00+01:00', '2026-11-30T14:00:00+01:00'],
    ['Spätschicht vom 1.12.', 'de', '2026-12-01T14:00:00+01:00', '2026-12-01T22:00:00+01:00'],
    ['Nachtschicht vom 30.11.', 'de', '2026-11-30T22:00:00+01:00', '2026-12-01T06:00:00+01:00'],
    ['Schichtbericht von vorgestern Nacht', 'de', '2026-11-30T22:00:00+01:00', '2026-12-01T06:00:00+01:00'],
    ['scrap on 30.11.', 'en', '2026-11-30T00:00:00+01:00', '2026-12-01T00:00:00+01:00'],
  ] as const)('"%s"', (text, language, from, to) => {
    expect(windowOf(text, language)).toEqual({ from: plant(from), to: plant(to) });
  });
});

describe('weeks, weekends, halves and "a couple"', () => {
  it.each([
    ['shelved alarms in KW 48?', '2026-11-23T00:00:00+01:00', '2026-11-30T00:00:00+01:00'],
    ['N2 flow L1 reflow for calendar week 48', '2026-11-23T00:00:00+01:00', '2026-11-30T00:00:00+01:00'],
    ['AOI this week so far', '2026-11-30T00:00:00+01:00', '2026-12-02T09:40:00+01:00'],
    ['weekend alarms L1, prio 1 and 2 only', '2026-11-28T00:00:00+01:00', '2026-11-30T00:00:00+01:00'],
    ['alarme letzte dreiviertel stunde', '2026-12-02T08:55:00+01:00', '2026-12-02T09:40:00+01:00'],
    ['chiller return temp the last couple hours', '2026-12-02T07:40:00+01:00', '2026-12-02T09:40:00+01:00'],
    ['chiller return temp the last few hours', '2026-12-02T06:40:00+01:00', '2026-12-02T09:40:00+01:00'],
    ['spindle bearing temp on L2 pnp2 climbing all morning', '2026-12-02T06:00:00+01:00', '2026-12-02T09:40:00+01:00'],
    ['Rakeldruck springt seit ner halben Stunde', '2026-12-02T09:10:00+01:00', '2026-12-02T09:40:00+01:00'],
  ])('"%s"', (text, from, to) => {
    const language = /\b(alarme|seit|ner)\b/.test(text) ? 'de' : 'en';
    expect(windowOf(text, language)).toEqual({ from: plant(from), to: plant(to) });
  });

  it('a weekend still to come is no window to read', () => {
    expect(windowOf('is the spindle on placer 1 line 2 ok for the weekend')).toBeUndefined();
    expect(windowOf('alarms next weekend')).toBeUndefined();
  });

  it('the shift handed over to is not the window ("handover to the lates")', () => {
    expect(windowOf('doing handover to the lates now, generate it', 'en', new Date('2026-12-02T14:05:00+01:00'))).toBeUndefined();
  });
});

describe('bucket sizes', () => {
  it.each([
    ['daily avg', '24h'],
    ['Tageswerte', '24h'],
    ['halbstündlich', '30m'],
    ['half-hourly please', '30m'],
    ['one point every 2 hours', '2h'],
    ['alle 4 Stunden', '4h'],
    ['hourly values', '1h'],
    ['alle 5 Minuten', '5m'],
  ])('"%s" is %s', (text, bucket) => {
    expect(bucketSize(text)).toBe(bucket);
  });
});

describe('now against a time before is the trend from then', () => {
  it.each([
    ['o2 in the line 1 oven higher than at shift start?', 'en', '2026-12-02T06:00:00+01:00'],
    ['förderband ofen L2 schneller als um 7?', 'de', '2026-12-02T07:00:00+01:00'],
    ['blower vibration oven 2 compared with 2 hrs ago', 'en', '2026-12-02T07:40:00+01:00'],
    ['Kaltwassersatz Vorlauf waermer als vor 3 std?', 'de', '2026-12-02T06:40:00+01:00'],
    ['oven L1 conveyor speed vs what it was at 6', 'en', '2026-12-02T06:00:00+01:00'],
    ['is it worse than on monday?', 'en', '2026-11-30T00:00:00+01:00'],
    ['Blowervibration Ofen 2 im Vergleich zu letztem Mittwoch', 'de', '2026-11-25T00:00:00+01:00'],
  ] as const)('"%s"', (text, language, from) => {
    expect(windowOf(text, language)).toEqual({ from: plant(from), to: plant('2026-12-02T09:40:00+01:00') });
  });

  it('a value compared is no time', () => {
    expect(windowOf('is the chiller supply higher than 12?')).toBeUndefined();
    expect(windowOf('zone 5 oven 1 vs oven 2')).toBeUndefined();
  });
});

describe('shifts named by their place', () => {
  it('"the shift before last" is two shifts back', () => {
    expect(windowOf('summary of the shift before last')).toEqual({ from: plant('2026-12-01T14:00:00+01:00'), to: plant('2026-12-01T22:00:00+01:00') });
    expect(windowOf('die vorletzte Schicht', 'de')).toEqual({ from: plant('2026-12-01T14:00:00+01:00'), to: plant('2026-12-01T22:00:00+01:00') });
  });

  it('"this morning\'s shift" asked in the evening is the early shift', () => {
    expect(windowOf("handover from this morning's shift", 'en', new Date('2026-12-02T18:30:00+01:00'))).toEqual({
      from: plant('2026-12-02T06:00:00+01:00'),
      to: plant('2026-12-02T14:00:00+01:00'),
    });
  });
});
