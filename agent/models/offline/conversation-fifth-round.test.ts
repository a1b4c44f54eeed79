/**
 * Understanding, fifth round: why a line stopped asked without the word "why" or with "down", the
 * shift's board count (the overview's figure, not an order's progress), and lot labels with a
 * sub-lot suffix. Examples written for these tests, apart from the NLU evaluation set.
 */
import { describe, expect, it } from 'vitest';
import { twinAssets } from '../../twin-assets';
import { twinOrders } from '../../twin-orders';
import { twinParts } from '../../twin-parts';
import { INTENTS } from './intents';
import { orderId } from './intents/slots';
import { beforeStop } from './time-window';
import { understand } from './understand';

const assets = twinAssets();
const orders = twinOrders();
const parts = twinParts();
const all = new Set(Object.values(INTENTS).map((intent) => intent.tool));
// Wednesday 4 March 2026, 10:00 in Berlin (UTC+1): early shift 06:00–14:00.
const now = new Date('2026-03-04T09:00:00Z');
const ask = (text: string) => understand({ text, assets, orders, parts, availableTools: all, now, timeZone: 'Europe/Berlin' });

describe('why a line or machine stopped', () => {
  it('is what led up to the stop, however it is asked', async () => {
    for (const [text, line] of [
      ['why did line 2 stop', 'Line2'],
      ['what stopped line 2?', 'Line2'],
      ['why is L1 down', 'Line1'],
      ['was hat Linie 1 gestoppt', 'Line1'],
      ['Ursache für den Stillstand an Linie 2?', 'Line2'],
    ] as const) {
      expect(await ask(text), text).toMatchObject({ kind: 'tool', tool: 'alarms', args: { before: { line, event: 'stopped' } } });
    }
  });

  it('is not read into a question about whether to stop, or into a plain state question', () => {
    expect(beforeStop('should we stop line 2 for the changeover?')).toBeUndefined();
    expect(beforeStop('is line 2 running')).toBeUndefined();
    expect(beforeStop('why is the yield on line 2 so low')).toBeUndefined();
  });
});

describe("the shift's board count", () => {
  it("is the overview's figure, per line when one is named", async () => {
    expect(await ask('how many good boards have we made this shift')).toMatchObject({ kind: 'tool', tool: 'plant_overview' });
    expect(await ask('wie viele Platinen hat Linie 2 seit Schichtbeginn gemacht')).toMatchObject({
      kind: 'tool',
      tool: 'plant_overview',
      args: { line: 'Line2' },
    });
  });

  it("stays an order's progress when an order is asked about", async () => {
    expect(await ask('how many boards of PO-24117 are done this shift')).toMatchObject({ kind: 'tool', tool: 'production_status' });
    expect(await ask('how many of the 600 boards are done')).toMatchObject({ kind: 'tool', tool: 'production_status' });
  });
});

describe('lot labels', () => {
  it('keep a sub-lot suffix, and orders stay orders', () => {
    expect(orderId('inspect lot LOT-24117-01 please')).toBe('LOT-24117-01');
    expect(orderId('how far is PO-24117')).toBe('PO-24117');
    expect(orderId('po 24118 status')).toBe('PO-24118');
  });
});
