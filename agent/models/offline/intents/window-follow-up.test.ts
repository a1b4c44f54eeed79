/**
 * Follow-ups that move the window of the read just made. `now` is Wednesday 2 December 2026, 09:40 plant time.
 */
import { describe, expect, it } from 'vitest';
import { movedWindow, movesWindow } from './window-follow-up';

const context = { now: new Date('2026-12-02T09:40:00+01:00'), timeZone: 'Europe/Berlin' };
const at = (local: string) => new Date(`${local}+01:00`).toISOString();
const lastHour = { from: at('2026-12-02T08:40:00'), to: at('2026-12-02T09:40:00') };
const sevenToNine = { from: at('2026-12-02T07:00:00'), to: at('2026-12-02T09:00:00') };

describe('a window moved by a follow-up', () => {
  it.each([
    ['and the hour before that?', lastHour, '2026-12-02T07:40:00', '2026-12-02T08:40:00'],
    ['und davor?', lastHour, '2026-12-02T07:40:00', '2026-12-02T08:40:00'],
    ['and the 15 before?', { from: at('2026-12-02T09:25:00'), to: at('2026-12-02T09:40:00') }, '2026-12-02T09:10:00', '2026-12-02T09:25:00'],
    ['und die 4h davor', { from: at('2026-12-02T05:40:00'), to: at('2026-12-02T09:40:00') }, '2026-12-02T01:40:00', '2026-12-02T05:40:00'],
    ['and the next hour?', { from: at('2026-12-02T07:00:00'), to: at('2026-12-02T08:00:00') }, '2026-12-02T08:00:00', '2026-12-02T09:00:00'],
    ['now same time last week pls', sevenToNine, '2026-11-25T07:00:00', '2026-11-25T09:00:00'],
    ['und gestern gleiche zeit', sevenToNine, '2026-12-01T07:00:00', '2026-12-01T09:00:00'],
    ['und die nacht davor?', { from: at('2026-12-01T22:00:00'), to: at('2026-12-02T06:00:00') }, '2026-11-30T22:00:00', '2026-12-01T06:00:00'],
    ['and the weekend before?', { from: at('2026-11-28T00:00:00'), to: at('2026-11-30T00:00:00') }, '2026-11-21T00:00:00', '2026-11-23T00:00:00'],
    ['go back another 2 hours', { from: at('2026-12-02T07:40:00'), to: at('2026-12-02T09:40:00') }, '2026-12-02T05:40:00', '2026-12-02T09:40:00'],
    ['extend it to midnight', { from: at('2026-12-02T06:00:00'), to: at('2026-12-02T09:40:00') }, '2026-12-02T00:00:00', '2026-12-02T09:40:00'],
    ['geh zurück bis 6', { from: at('2026-12-02T09:10:00'), to: at('2026-12-02T09:40:00') }, '2026-12-02T06:00:00', '2026-12-02T09:40:00'],
    ['make it 4 hours', { from: at('2026-12-02T07:40:00'), to: at('2026-12-02T09:40:00') }, '2026-12-02T05:40:00', '2026-12-02T09:40:00'],
    ['mach 4 draus', { from: at('2026-12-02T07:40:00'), to: at('2026-12-02T09:40:00') }, '2026-12-02T05:40:00', '2026-12-02T09:40:00'],
    ['last 90 instead', { from: at('2026-12-02T08:55:00'), to: at('2026-12-02T09:40:00') }, '2026-12-02T08:10:00', '2026-12-02T09:40:00'],
    ['make it 2', lastHour, '2026-12-02T07:40:00', '2026-12-02T09:40:00'],
    ['und die 2 davor', lastHour, '2026-12-02T06:40:00', '2026-12-02T08:40:00'],
    ['nur bis 22 uhr', { from: at('2026-12-01T14:00:00'), to: at('2026-12-02T09:40:00') }, '2026-12-01T14:00:00', '2026-12-01T22:00:00'],
    ['eine stunde früher bitte', { from: at('2026-12-02T08:00:00'), to: at('2026-12-02T09:00:00') }, '2026-12-02T07:00:00', '2026-12-02T08:00:00'],
    ['zoom in on 3 to 5 this morning', { from: at('2026-12-01T09:40:00'), to: at('2026-12-02T09:40:00') }, '2026-12-02T03:00:00', '2026-12-02T05:00:00'],
  ])('"%s"', (text, earlier, from, to) => {
    expect(movesWindow(text)).toBe(true);
    expect(movedWindow(text, earlier, context)).toEqual({ from: at(from), to: at(to) });
  });

  it('moves nothing for a message about something else', () => {
    for (const text of ['same for zone 5', 'and line 2?', 'why?', 'set it to 245', 'thanks']) expect(movesWindow(text), text).toBe(false);
  });

  it('a window still to come is not made up', () => {
    expect(movedWindow('and the next hour?', lastHour, context)).toBeUndefined();
  });
});
