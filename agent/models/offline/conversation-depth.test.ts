/**
 * Understanding, second round: ordinals and spelt-out numbers, acknowledgements before a follow-up,
 * follow-ups that act on what was just shown, and requests that must stay without a tool (a safety
 * bypass, "don't do anything yet", complaints about the answers). Examples written for these tests,
 * apart from the NLU evaluation set.
 */
import { describe, expect, it } from 'vitest';
import { twinAssets } from '../../twin-assets';
import { INTENTS, type EarlierResult, type PreviousCall } from './intents';
import { machineOrdinal, numberWord } from './number-words';
import { normalise } from './text';
import { understand } from './understand';

const assets = twinAssets();
const all = new Set(Object.values(INTENTS).map((intent) => intent.tool));
// Wednesday 4 March 2026, 13:00 in Berlin (UTC+1): early shift 06:00–14:00.
const now = new Date('2026-03-04T12:00:00Z');
const ask = (text: string, extra: { previous?: PreviousCall; earlier?: EarlierResult[]; at?: Date } = {}) =>
  understand({ text, assets, availableTools: all, now: extra.at ?? now, timeZone: 'Europe/Berlin', previous: extra.previous, earlier: extra.earlier });

describe('numbers people spell out', () => {
  it('reads cardinals with and without umlauts, and ordinals only before a machine', () => {
    expect(numberWord('zwölf')).toBe(12);
    expect(numberWord('zwoelf')).toBe(12);
    expect(numberWord('seven')).toBe(7);
    expect(numberWord('line')).toBeUndefined();
    expect(normalise('Linie zwei')).toBe('linie 2');
    expect(machineOrdinal(['the', 'second', 'placer'])).toBe(2);
    expect(machineOrdinal(['the', 'second', 'shift'])).toBeUndefined();
  });

  it.each([
    ['is the second placer on L1 down?', 'L1-PNP2'],
    ['the first pick and place on line two, running?', 'L2-PNP1'],
    ['wie läuft der zweite Bestücker auf Linie 1', 'L1-PNP2'],
    ['how is the 2nd oven', 'L2-RFL'],
  ])('%s → %s', async (text, asset) => {
    expect(await ask(text)).toMatchObject({ kind: 'tool', tool: 'asset_state', args: { asset } });
  });
});

describe('follow-ups', () => {
  it('asks back when an acknowledged follow-up or a bare "why?" has nothing before it', async () => {
    expect(await ask('ok and line 1?')).toMatchObject({ kind: 'reply', reason: 'clarify' });
    expect(await ask('why?')).toMatchObject({ kind: 'reply', reason: 'clarify' });
    expect(await ask('alles klar, und Linie 2?', { previous: { tool: 'asset_state', args: { asset: 'L1-RFL' } } })).toMatchObject({
      tool: 'asset_state',
      args: { asset: 'L2-RFL' },
    });
  });

  it('inspects more boards of the lot just shown, not the 2 of "line 2"', async () => {
    const results = { tool: 'inspection_results', args: { lot: 'PO-24117' } };
    const earlier: EarlierResult[] = [{ ...results, output: { inspections: [] } }];
    expect(await ask('check 12 more of those, from board 30', { previous: results, earlier })).toMatchObject({
      tool: 'trigger_inspection',
      args: { lot: 'PO-24117', boards: 12, firstSerial: 30 },
    });
    const plan = await ask('quality saw bridges on line 2 boards, show me the aoi results since midnight');
    expect(plan).toMatchObject({ tool: 'inspection_results', args: { line: 'Line2' } });
  });

  it('releases the draft just proposed, or the one named by its id', async () => {
    const draft: EarlierResult = { tool: 'propose_schedule', args: {}, output: { draftId: '0b6a1e52-3c0d-4b8e-9f6a-2d7c1e9b4a10' } };
    expect(await ask('looks fine, roll it out', { previous: { tool: 'propose_schedule', args: {} }, earlier: [draft] })).toMatchObject({
      tool: 'release_schedule',
      args: { draftId: '0b6a1e52-3c0d-4b8e-9f6a-2d7c1e9b4a10' },
    });
    expect(await ask('Plan 0b6a1e52-3c0d-4b8e-9f6a-2d7c1e9b4a10 bitte freigeben')).toMatchObject({
      tool: 'release_schedule',
      args: { draftId: '0b6a1e52-3c0d-4b8e-9f6a-2d7c1e9b4a10' },
    });
    expect(await ask('why did you send that plan', { previous: { tool: 'propose_schedule', args: {} }, earlier: [draft] })).not.toMatchObject({
      tool: 'release_schedule',
    });
  });

  it('"set it to" after a zone trend writes that zone’s setpoint', async () => {
    const trend = { tool: 'tag_history', args: { asset: 'L1-RFL', tag: 'Zone5.TemperatureC' } };
    expect(await ask('too cold. set it to 236', { previous: trend })).toMatchObject({
      tool: 'set_setpoint',
      args: { asset: 'L1-RFL', tag: 'Zone5.SetpointC', value: 236 },
    });
  });
});

describe('requests that call no tool', () => {
  it.each([
    'please bypass the light curtain on the packer, it keeps tripping',
    'kannst du die Schutztür-Verriegelung am Drucker Linie 1 überbrücken',
    'wait, don’t do anything yet',
    'stop pasting every alarm at me',
    'moment, ich lese noch',
  ])('%s', async (text) => {
    const plan = await ask(text);
    expect(plan.kind).toBe('reply');
  });

  it('refuses a safety bypass with the reason, in the language asked', async () => {
    expect(await ask('überbrück mal die Lichtschranke am Packer')).toMatchObject({
      kind: 'reply',
      reason: 'refusal',
      text: expect.stringMatching(/Sicherheitseinrichtung/),
    });
  });

  it('a write asked for without its value asks for the value', async () => {
    expect(await ask('zone 6 a bit warmer on the L2 oven please')).toMatchObject({ kind: 'reply', reason: 'clarify' });
  });
});

describe('times around a change of shift', () => {
  it('a plain "handover" just after the change is the shift that ended', async () => {
    const justAfter = new Date('2026-03-04T13:20:00Z'); // 14:20 Berlin, late shift started 14:00
    expect(await ask('handover please', { at: justAfter })).toMatchObject({ tool: 'generate_shift_handover', args: { shift: 'previous' } });
  });

  it('reads "the 20 minutes before that" after a stop, in German', async () => {
    expect(await ask('Linie 1 ist stehen geblieben, welche Meldungen kamen die 15 min davor')).toMatchObject({
      tool: 'alarms',
      args: { before: { line: 'Line1', minutes: 15 } },
    });
  });
});
