/**
 * Understanding, ninth round: values told rather than asked for ("läuft auf 6,5 bar seit heute früh",
 * "went to 243"), hedges that ask for an opinion, polite requests after a report, a bare value for a
 * machine with one setpoint, and short questions about "it". Examples written for these tests, apart
 * from the NLU evaluation set.
 */
import { describe, expect, it } from 'vitest';
import { twinAssets } from '../../twin-assets';
import { twinOrders } from '../../twin-orders';
import { twinParts } from '../../twin-parts';
import { INTENTS } from './intents';
import { understand } from './understand';

const assets = twinAssets();
const orders = twinOrders();
const parts = twinParts();
const all = new Set(Object.values(INTENTS).map((intent) => intent.tool));
// Wednesday 4 March 2026, 10:00 in Berlin (UTC+1): early shift 06:00–14:00.
const now = new Date('2026-03-04T09:00:00Z');
const base = { assets, orders, parts, availableTools: all, now, timeZone: 'Europe/Berlin' };
const ask = (text: string) => understand({ ...base, text });
const after = (tool: string, args: Record<string, unknown>, previousText: string, text: string) =>
  understand({ ...base, text, previous: { tool, args }, previousText, earlier: [{ tool, args, output: {} }] });
const WRITES = new Set(['set_setpoint', 'machine_command', 'release_schedule', 'create_work_order', 'dispatch_transport']);
const filesAWrite = (plan: Awaited<ReturnType<typeof ask>>) => plan.kind === 'tool' && WRITES.has(plan.tool);

describe('a value told, not asked for', () => {
  it('files no write', async () => {
    for (const text of [
      'Kompressor läuft auf 6,5 bar seit heute früh',
      'fyi Zone 6 on L1 reflow went to 243, ok by QE',
      'Zone 5 Ofen L2 ist auf 250 gegangen, keine Ahnung warum',
      'the compressor has been sitting at 7.2 bar all morning',
      'ich würde den Chiller auf 14 stellen, was meinst du',
      'start L1 ICT? it has been idle since 8',
    ])
      expect(filesAWrite(await ask(text)), text).toBe(false);
  });

  it('after a reading, a value with "passt" is a remark', async () => {
    const plan = await after('asset_state', { asset: 'L1-RFL' }, 'wie läuft der Ofen L1', 'Zone 3 auf 185, passt');
    expect(filesAWrite(plan)).toBe(false);
  });
});

describe('requests said the floor way', () => {
  it('files the command', async () => {
    for (const [text, asset, command] of [
      ['mach den Drucker L1 mal aus', 'L1-PRN', 'stop'],
      ['Packer L1 hängt seit 10 min, kannst du den zurücksetzen?', 'L1-PCK', 'reset'],
      ['der Drucker auf L1 braucht nen Reset', 'L1-PRN', 'reset'],
      ['ich brauch den AOI L2 im Hold', 'L2-AOI', 'hold'],
      ['Rakel ist gewechselt, Drucker L2 kann weiter', 'L2-PRN', 'unhold'],
    ] as const)
      expect(await ask(text), text).toMatchObject({ kind: 'tool', tool: 'machine_command', args: { asset, command } });
  });

  it('does not read a machine in Hold as a request for one', async () => {
    expect(filesAWrite(await ask('der AOI L2 ist im Hold'))).toBe(false);
  });

  it('reads the value before a thank-you', async () => {
    expect(await ask('can u set zone 4 L2 oven 238 thx')).toMatchObject({
      kind: 'tool',
      tool: 'set_setpoint',
      args: { asset: 'L2-RFL', tag: 'Zone4.SetpointC', value: 238 },
    });
  });

  it('sets the one setpoint of a machine to the value it goes back to', async () => {
    expect(await ask('chiller zurück auf 16 bitte')).toMatchObject({ kind: 'tool', tool: 'set_setpoint', args: { asset: 'UT-CHL', value: 16 } });
  });

  it('after a machine with one setpoint, takes a bare value as that setpoint', async () => {
    for (const text of ['auf 6,5 runter', 'mach 6,5', '6.5 pls', 'down to 6.5'])
      expect(await after('asset_state', { asset: 'UT-AIR' }, 'Druckluft?', text), text).toMatchObject({
        kind: 'tool',
        tool: 'set_setpoint',
        args: { asset: 'UT-AIR', tag: 'PressureSetpointBar', value: 6.5 },
      });
  });
});

describe('short questions about the machine just talked about', () => {
  it('read its state', async () => {
    for (const text of ['is it on hold?', 'is it running?', 'läuft der wieder?'])
      expect(await after('asset_state', { asset: 'L2-PCK' }, 'how is the L2 packer', text), text).toMatchObject({
        kind: 'tool',
        tool: 'asset_state',
        args: { asset: 'L2-PCK' },
      });
  });

  it('asks how long or why a machine stands as its state', async () => {
    for (const [text, asset] of [
      ['how long has the L1 AOI been on hold', 'L1-AOI'],
      ['seit wann steht der Packer L1', 'L1-PCK'],
      ['Kannst du mir sagen, warum der Ofen L1 gestoppt wurde?', 'L1-RFL'],
    ] as const)
      expect(await ask(text), text).toMatchObject({ kind: 'tool', tool: 'asset_state', args: { asset } });
  });
});
