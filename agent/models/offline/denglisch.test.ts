/** German plant words in English sentences, and the English of German speakers. */
import { describe, expect, it } from 'vitest';
import { germanWordsInEnglish } from './denglisch';
import { ask } from './test-support/twin-understanding';

describe('germanWordsInEnglish', () => {
  it.each([
    ['show me the Störungen on Linie 2 since Schichtbeginn', 'show me the alarms on line 2 since shift start'],
    ["what's the Sollwert of zone 4 on Ofen 1", "what's the setpoint of zone 4 on oven 1"],
    ['since when stands the packer on line 1?', 'since when is the packer on line 1 stopped?'],
    ['the ICT line 1 is Aborted after the jam, do a clear', 'the ICT line 1 is Aborted after the jam, clear it'],
    ['both Öfen please', 'both ovens please'],
  ])('"%s"', (text, english) => {
    expect(germanWordsInEnglish(text)).toBe(english);
  });
});

describe('mixed-language messages are understood', () => {
  it.each([
    ['how much degree has zone 3 on the Ofen from line 1 at the moment', 'asset_state', { asset: 'L1-RFL' }],
    ['since when stands the packer on line 1?', 'asset_state', { asset: 'L1-PCK' }],
    ['show me the Störungen on Linie 2 since Schichtbeginn', 'alarms', { line: 'Line2' }],
    ['show me all Arbeitsaufträge of Linie 2 that are in Bearbeitung', 'list_work_orders', { line: 'Line2', status: 'in_progress' }],
    ['how was the Taupunkt of the compressor over the Nachtschicht', 'tag_history', { asset: 'UT-AIR', tag: 'DewPointC' }],
    ['the ICT line 1 is Aborted after the jam, do a clear', 'machine_command', { asset: 'L1-ICT', command: 'clear' }],
    ['Kompressor, wann müssen wir den warten? Forecast bitte', 'maintenance_forecast', { asset: 'UT-AIR' }],
  ])('"%s" → %s', async (text, tool, args) => {
    expect(await ask(text)).toMatchObject({ kind: 'tool', tool, args });
  });

  it('a German message keeps its own words', async () => {
    expect(await ask('was war in der Nachtschicht los')).toMatchObject({ kind: 'tool', tool: 'generate_shift_handover' });
  });
});
