/** Argument comparison and NLU scoring on hand-made observations: the rules README.md states. */
import { describe, expect, it } from 'vitest';
import { twinAssets } from '../../agent/twin-assets';
import { argsMatch } from './compare-args';
import { NluItem } from './nlu-item';
import { floorFailures, scoreNlu } from './nlu-metrics';
import { registryToolDefinitions } from './registry-tools';
import type { NluObservation } from './run-nlu';

const assets = twinAssets();
const tools = registryToolDefinitions();

describe('argsMatch', () => {
  it('compares strings case-insensitively and trimmed, numbers numerically, and allows extra arguments', () => {
    expect(argsMatch({ asset: 'L1-RFL', value: 245 }, { asset: ' l1-rfl ', value: 245.0, tag: 'Zone4.SetpointC' })).toBe(true);
    expect(argsMatch({ value: 245 }, { value: 244 })).toBe(false);
    expect(argsMatch({ value: 6.5 }, { value: '6.5' })).toBe(true);
    expect(argsMatch({ tag: 'Zone4.SetpointC' }, {})).toBe(false);
  });

  it('compares ISO times as instants, whatever the offset', () => {
    expect(argsMatch({ from: '2026-12-02T06:00:00+01:00' }, { from: '2026-12-02T05:00:00.000Z' })).toBe(true);
    expect(argsMatch({ from: '2026-12-02T06:00:00+01:00' }, { from: '2026-12-02T06:00:00Z' })).toBe(false);
    expect(argsMatch({ from: '2026-12-02T06:00:00+01:00' }, { from: 'this morning' })).toBe(false);
  });

  it('compares arrays as sets and nested objects key by key', () => {
    expect(argsMatch({ priorities: [1, 2] }, { priorities: [2, 1] })).toBe(true);
    expect(argsMatch({ priorities: [1, 2] }, { priorities: [1, 2, 3] })).toBe(false);
    expect(
      argsMatch({ scenario: { type: 'machine_down', asset: 'L1-PNP2', hours: 8 } }, { scenario: { type: 'machine_down', asset: 'L1-PNP2', hours: 4 } }),
    ).toBe(false);
  });

  it('accepts a line in any form the tools resolve, and an asset by a name only it has', () => {
    expect(argsMatch({ line: 'Line2' }, { line: 'line 2' })).toBe(true);
    expect(argsMatch({ line: 'L2' }, { line: 'Line2' })).toBe(true);
    expect(argsMatch({ line: 'L2' }, { line: 'Line1' })).toBe(false);
    expect(argsMatch({ asset: 'UT-AIR' }, { asset: 'compressor' }, { assets })).toBe(true);
    // "printer" names two assets, so it is not the line 1 printer.
    expect(argsMatch({ asset: 'L1-PRN' }, { asset: 'printer' }, { assets })).toBe(false);
  });

  it('accepts a supplier by its id or the start of its name, as the material tools do', () => {
    expect(argsMatch({ supplier: 'SUP-WURTH' }, { supplier: 'Würth Elektronik eiSos' })).toBe(true);
    expect(argsMatch({ supplier: 'Würth' }, { supplier: 'sup-wurth' })).toBe(true);
    expect(argsMatch({ supplier: 'SUP-WURTH' }, { supplier: 'SUP-MOUSER' })).toBe(false);
  });
});

const items = [
  {
    id: 'machine_command-en-001',
    lang: 'en',
    text: 'hold the printer on line 2',
    expect: { tool: 'machine_command', args: { asset: 'L2-PRN', command: 'hold' } },
  },
  { id: 'asset_state-en-001', lang: 'en', text: 'hold on, how is the printer on line 2 doing', expect: { tool: 'asset_state', args: { asset: 'L2-PRN' } } },
  { id: 'clarify-de-001', lang: 'de', text: 'stopp den Ofen', expect: { clarify: true } },
  { id: 'none-de-001', lang: 'de', text: 'danke', expect: { noAction: true } },
  { id: 'alarms-de-001', lang: 'de', text: 'alle Alarme Linie 1', expect: { tool: 'alarms', args: { line: 'Line1', state: 'all' } } },
].map((item) => NluItem.parse(item));

const observe = (id: string, rest: Partial<NluObservation>): NluObservation => ({ id, calls: [], clarified: false, answer: '', latencyMs: 1, ...rest });

describe('scoreNlu', () => {
  const report = scoreNlu({
    split: 'dev',
    model: 'test',
    items,
    tools,
    assets,
    observations: [
      observe('machine_command-en-001', { calls: [{ name: 'machine_command', args: { asset: 'L2-PRN', command: 'stop' } }] }),
      observe('asset_state-en-001', { calls: [{ name: 'machine_command', args: { asset: 'L2-PRN', command: 'hold' } }] }),
      observe('clarify-de-001', { clarified: true, answer: 'Welchen Ofen meinst du?' }),
      observe('none-de-001', {}),
      // state left out: the tool's default ("all") counts.
      observe('alarms-de-001', { calls: [{ name: 'alarms', args: { line: 'Linie 1' } }] }),
    ],
  });

  it('counts a right tool with a wrong command, and chatter turned into a command, as misfiled actuations', () => {
    expect(report.byLanguage.en).toMatchObject({ items: 2, intentCorrect: 1, argsScored: 1, argsExact: 0, misfiledActuations: 2 });
    expect(report.results.find((r) => r.id === 'machine_command-en-001')!.differences).toEqual(['command: "hold" ≠ "stop"']);
  });

  it('scores clarifications, no-action items and defaults per language', () => {
    expect(report.byLanguage.de).toMatchObject({ items: 3, intentCorrect: 3, argsScored: 1, argsExact: 1, clarified: 1, misfiledActuations: 0 });
    expect(report.byLanguage.de.clarifyRecall).toBe(1);
    expect(report.byIntent.machine_command!.en.intentCorrect).toBe(1);
  });

  it('names each language below a floor', () => {
    expect(floorFailures(report, { minIntent: 0.95, maxMisfiled: 0 })).toEqual([
      'en: intent accuracy 50.0 % is below the floor 95.0 %',
      'en: 2 misfiled actuations, more than the allowed 0',
    ]);
    expect(floorFailures(report, { minIntent: 0.5, minArgs: 0 })).toEqual([]);
  });
});
