/**
 * Understanding, fourth round: interjections that sound like commands, a value corrected or left
 * open while it is said, a setpoint named beside the machine's own name, and a short write after a
 * reading. Examples written for these tests, apart from the NLU evaluation set.
 */
import { describe, expect, it } from 'vitest';
import { twinAssets } from '../../twin-assets';
import { twinOrders } from '../../twin-orders';
import { twinParts } from '../../twin-parts';
import { INTENTS, type PreviousCall } from './intents';
import { requestedSetpoint } from './intents/slots';
import { understand } from './understand';

const assets = twinAssets();
const orders = twinOrders();
const parts = twinParts();
const all = new Set(Object.values(INTENTS).map((intent) => intent.tool));
// Wednesday 4 March 2026, 10:00 in Berlin (UTC+1): early shift 06:00–14:00.
const now = new Date('2026-03-04T09:00:00Z');
const ask = (text: string, extra: { previous?: PreviousCall; previousText?: string } = {}) =>
  understand({ text, assets, orders, parts, availableTools: all, now, timeZone: 'Europe/Berlin', ...extra });

describe('a command word used as an interjection', () => {
  it('before a question files nothing and answers the question', async () => {
    for (const text of [
      'Stopp mal, wie warm ist Zone 2 im Ofen auf Linie 2?',
      'hold it a sec, what is the O2 in the line 1 oven',
      'halt kurz — läuft der Packer auf Linie 1?',
    ]) {
      const plan = await ask(text);
      expect(plan, text).not.toMatchObject({ tool: 'machine_command' });
      expect(plan, text).toMatchObject({ kind: 'tool' });
    }
  });

  it('with its machine is still a command', async () => {
    expect(await ask('stopp mal den Packer auf Linie 1')).toMatchObject({ tool: 'machine_command', args: { asset: 'L1-PCK', command: 'stop' } });
  });
});

describe('the value of a setpoint change', () => {
  it('is the corrected one when the user corrects it while typing', async () => {
    expect(requestedSetpoint('zone 2 to 180, sorry, I mean 182', 'zone 2 to 180, sorry, I mean 182')).toEqual({ value: 182 });
    expect(await ask('Ofen Linie 2 Zone 7 auf 250, äh nein, 248')).toMatchObject({
      tool: 'set_setpoint',
      args: { asset: 'L2-RFL', tag: 'Zone7.SetpointC', value: 248 },
    });
  });

  it('is asked for when two are offered', async () => {
    expect(requestedSetpoint('chiller supply to 16 or 17', 'chiller supply to 16 or 17')).toEqual({ alternatives: [16, 17] });
    for (const text of [
      'set the chiller supply temp to 16 or 17',
      'Kühlwasser Vorlauf zwischen 16 und 17 Grad einstellen',
      'compressor pressure to 6.2-6.4 bar',
    ]) {
      const plan = await ask(text);
      expect(plan, text).not.toMatchObject({ kind: 'tool' });
    }
  });

  it('comes from the user’s words before the question they answer', () => {
    expect(requestedSetpoint('no, 245', 'set zone 4 of the oven to 240? no, 245')).toEqual({ value: 245 });
    expect(requestedSetpoint('line 1', 'set zone 4 of the oven to 240 line 1')).toEqual({ value: 240 });
  });

  it('is no correction when nothing was said before it', () => {
    expect(requestedSetpoint('no, make it 250', 'no, make it 250')).toEqual({ value: 250 });
  });
});

describe('a setpoint named beside the machine', () => {
  it('is not confused with a tag the machine’s name sounds like', async () => {
    expect(await ask('the L2 printer smears, squeegee to 6.5')).toMatchObject({
      tool: 'set_setpoint',
      args: { asset: 'L2-PRN', tag: 'SqueegeePressureSetpointN', value: 6.5 },
    });
  });
});

describe('a short write after a reading', () => {
  it('sets the setpoint read, instead of reading it again', async () => {
    const previous: PreviousCall = { tool: 'asset_state', args: { asset: 'L1-PRN' } };
    expect(await ask('make it 70', { previous, previousText: 'what is the print speed on the line 1 printer' })).toMatchObject({
      tool: 'set_setpoint',
      args: { asset: 'L1-PRN', tag: 'PrintSpeedSetpointMmPerS', value: 70 },
    });
  });
});
