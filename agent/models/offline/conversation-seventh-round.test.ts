/**
 * Understanding, seventh round: requests wrapped in greetings and reasons, past figures asked by
 * name ("OEE yesterday", "Ausschuss über Nacht"), and the asked measurement first in a machine's
 * answer. Examples written for these tests, apart from the NLU evaluation set.
 */
import { describe, expect, it } from 'vitest';
import { twinAssets } from '../../twin-assets';
import { twinOrders } from '../../twin-orders';
import { twinParts } from '../../twin-parts';
import { writeAnswer } from './answer-writer';
import { INTENTS } from './intents';
import { understand } from './understand';

const assets = twinAssets();
const orders = twinOrders();
const parts = twinParts();
const all = new Set(Object.values(INTENTS).map((intent) => intent.tool));
// Wednesday 4 March 2026, 10:00 in Berlin (UTC+1): early shift 06:00–14:00.
const now = new Date('2026-03-04T09:00:00Z');
const ask = (text: string) => understand({ text, assets, orders, parts, availableTools: all, now, timeZone: 'Europe/Berlin' });

describe('a command wrapped in a greeting and a reason', () => {
  it('is filed for approval with its machine and command', async () => {
    expect(await ask('hey can you hold the printer on line 1 for a sec, we need to change the stencil')).toMatchObject({
      kind: 'tool',
      tool: 'machine_command',
      args: { asset: 'L1-PRN', command: 'hold' },
    });
    expect(await ask('moin, kannst du den Bestücker 2 auf Linie 2 anhalten, wir tauschen eine Rolle')).toMatchObject({
      kind: 'tool',
      tool: 'machine_command',
      args: { asset: 'L2-PNP2', command: 'hold' },
    });
  });
});

describe('a past shift figure asked by name', () => {
  it('is the handover of that window, for the named line', async () => {
    for (const text of ['Verfügbarkeit Linie 2 letzte Nacht?', 'how much scrap did we have overnight', 'Ausschuss gestern auf L2', 'OEE line 1 yesterday']) {
      expect(await ask(text), text).toMatchObject({ kind: 'tool', tool: 'generate_shift_handover' });
    }
  });
});

describe('a measurement judged against a number', () => {
  it('is not read as the material it is made of', async () => {
    const plan = await ask('is 0.2 mm solder paste height normal for the printer?');
    expect(plan.kind === 'tool' ? plan.tool : plan.kind).not.toBe('material_status');
  });
});

describe('the asked measurement of a machine', () => {
  it('comes first, named by its formula', () => {
    const tags = [
      { tagId: 'State', value: 'Execute', quality: 'good' },
      ...[
        'PowerKw',
        'CycleTimeS',
        'ConveyorSpeedMmPerS',
        'N2FlowM3PerH',
        'BlowerVibrationMmS',
        'BlowerBearingTempC',
        'Zone1.TemperatureC',
        'Zone2.TemperatureC',
        'Zone3.TemperatureC',
      ].map((tagId) => ({ tagId, value: 1, quality: 'good', description: tagId })),
      {
        tagId: 'O2Ppm',
        value: 552.5,
        unit: 'ppm',
        quality: 'good',
        description: 'Residual oxygen in the nitrogen atmosphere',
        timestamp: '2026-03-04T08:59:00Z',
      },
    ];
    const text = writeAnswer(
      [
        {
          tool: 'asset_state',
          args: { asset: 'L2-RFL' },
          content: JSON.stringify({ asset: { id: 'L2-RFL', name: 'Reflow oven L2' }, tags, activeAlarms: [], sources: [] }),
        },
      ],
      { language: 'en', question: 'whats the O2 in oven 2 right now', timeZone: 'Europe/Berlin' },
    );
    const lines = text.split('\n').filter(Boolean);
    expect(lines[1]).toMatch(/Residual oxygen.*552\.5 ppm/);
  });
});
