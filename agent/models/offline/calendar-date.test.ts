import { describe, expect, it } from 'vitest';
import { dateSaid } from './calendar-date';

const today = { year: 2026, month: 3, day: 4 };

describe('dateSaid', () => {
  it.each([
    ['am 12. märz von 7 bis 11', { year: 2026, month: 3, day: 12 }],
    ['12.03. 8-12 uhr', { year: 2026, month: 3, day: 12 }],
    ['am 5.3. um 8', { year: 2026, month: 3, day: 5 }],
    ['12.3.2027', { year: 2027, month: 3, day: 12 }],
    ['12.3.27', { year: 2027, month: 3, day: 12 }],
    ['march 12th 7-11', { year: 2026, month: 3, day: 12 }],
    ['the 12th of march', { year: 2026, month: 3, day: 12 }],
    ['12 mar', { year: 2026, month: 3, day: 12 }],
    ['2026-04-01', { year: 2026, month: 4, day: 1 }],
    ['13/03 from 7', { year: 2026, month: 3, day: 13 }],
    ['03/13 from 7', { year: 2026, month: 3, day: 13 }],
    // No year and already past: next year's.
    ['am 2. januar', { year: 2027, month: 1, day: 2 }],
    ['am 4. märz', { year: 2026, month: 3, day: 4 }],
  ])('"%s" is %o', (text, day) => {
    expect(dateSaid(text, today)).toEqual({ day });
  });

  it.each(['12/03 from 7', '31.02. 8-12 uhr', '2026-02-30'])('"%s" is a date that cannot be read', (text) => {
    expect(dateSaid(text, today)).toEqual({ unreadable: true });
  });

  it.each(['stell den kompressor auf 6.5 bar', 'zone 3 auf 185', 'set it to 6,5', 'drucker l1 7.5 n', 'ab 14 uhr für 2 stunden'])(
    '"%s" names no date',
    (text) => {
      expect(dateSaid(text, today)).toBeUndefined();
    },
  );
});
