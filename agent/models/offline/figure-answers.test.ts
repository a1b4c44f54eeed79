import { describe, expect, it } from 'vitest';
import { writeAnswer } from './answer-writer';
import { askedFigures } from './figure-answers';

const kpis = (lineId: string, good: number, scrap: number, oee: number | null) => ({
  lineId,
  goodUnits: good,
  scrapUnits: scrap,
  plannedUnits: 800,
  outputVsPlanPct: (good / 800) * 100,
  availabilityPct: oee === null ? null : 91.2,
  performancePct: oee === null ? null : 100,
  qualityPct: oee === null ? null : 98.4,
  oeePct: oee,
  downtimeMin: 42,
});

const handover = (lines: unknown[]) =>
  JSON.stringify({
    report: {
      window: { from: '2026-12-02T23:00:00.000Z', to: '2026-12-03T23:00:00.000Z', shiftLabel: 'Custom window' },
      kpis: { lines },
      sections: [],
    },
    summary: {},
    sources: [],
  });

const ask = (question: string, content: string, tool = 'generate_shift_handover', language: 'en' | 'de' = 'en') =>
  writeAnswer([{ tool, args: {}, content }], { language, question, timeZone: 'Europe/Berlin' });

describe('the shift figure a question asks for', () => {
  it('reads which figures a question names, in its order, and none for a general question', () => {
    expect(askedFigures('how was OEE on line 1 yesterday')).toEqual(['oee']);
    expect(askedFigures('Ausschuss und Verfügbarkeit Linie 2')).toEqual(['scrap', 'availability']);
    expect(askedFigures('what happened on nights')).toEqual([]);
  });

  it('leads with the named line’s OEE and its factors, over a window that ends on another day', () => {
    const text = ask('how was OEE on line 1 yesterday', handover([kpis('Line1', 812, 9, 89.8), kpis('Line2', 640, 6, 90.5)]));
    const first = text.split('\n').find((line) => line.startsWith('**Line'));
    expect(first).toBe('**Line1 (03 Dec, 00:00 – 04 Dec, 00:00): OEE 89.8 % = availability 91.2 % × performance 100 % × quality 98.4 %.**');
    expect(text).not.toMatch(/\*\*Line2 \(/);
    expect(text.indexOf('OEE 89.8 %')).toBeLessThan(text.indexOf('Custom window'));
  });

  it('leads with both lines when a question compares two', () => {
    const text = ask('compare line 1 and line 2 OEE yesterday', handover([kpis('Line1', 812, 9, 89.8), kpis('Line2', 640, 6, 90.5)]));
    expect(text).toMatch(/\*\*Line1 \([^)]*\): OEE 89\.8 %/);
    expect(text).toMatch(/\*\*Line2 \([^)]*\): OEE 90\.5 %/);
  });

  it('gives every line when none is named, and says so when OEE cannot be computed', () => {
    const text = ask('OEE yesterday?', handover([kpis('Line1', 0, 0, null), kpis('Line2', 640, 6, 90.5)]));
    expect(text).toMatch(/\*\*Line1 \([^)]*\): OEE cannot be computed yet\.\*\*/);
    expect(text).toMatch(/\*\*Line2 \([^)]*\): OEE 90\.5 %/);
  });

  it('answers scrap in German with its share and decimal commas', () => {
    const text = ask(
      'Wie viel Ausschuss hatten wir gestern auf Linie 2?',
      handover([kpis('Line1', 812, 9, 89.8), kpis('Line2', 640, 6, 90.5)]),
      'generate_shift_handover',
      'de',
    );
    expect(text).toMatch(/\*\*Line2 \(03\. Dez\., 00:00 – 04\. Dez\., 00:00\): 6 Ausschuss \(0,9 %\)\.\*\*/);
  });

  it('adds nothing when the question names no figure', () => {
    const text = ask('what happened yesterday', handover([kpis('Line1', 812, 9, 89.8)]));
    expect(text).not.toMatch(/\*\*Line1 \(/);
  });
});
