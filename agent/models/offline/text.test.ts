import { describe, expect, it } from 'vitest';
import { correctKeywordTypos } from './text';

describe('keywords as people mistype them', () => {
  it.each([
    ['forcast chiller pump', 'forecast chiller pump'],
    ['matreial status line 1', 'material status line 1'],
    ['wie viel ausschus hatte linie 2 gestern', 'wie viel ausschuss hatte linie 2 gestern'],
    ['inpsection results line 2 today', 'inspection results line 2 today'],
  ])('reads "%s" as "%s"', (typed, read) => {
    expect(correctKeywordTypos(typed)).toBe(read);
  });

  it('leaves real words next to a keyword, names and ids as they are', () => {
    for (const text of ['welcher Lieferant ist spät', 'is the line productive', 'scheduled maintenance', 'L1-PNP2 GRM155R71C104KA88D', 'Avnet Silica'])
      expect(correctKeywordTypos(text)).toBe(text);
  });
});

describe('words that hold a keyword whole', () => {
  it('are no typos of it', () => {
    expect(correctKeywordTypos('reschedule everything')).toBe('reschedule everything');
    expect(correctKeywordTypos('unscheduled stop')).toBe('unscheduled stop');
  });
});
