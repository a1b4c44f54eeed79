/**
 * Understanding, third round: a clause that forbids a write beside a request, a window or a value
 * after a live reading (the tag named in the message before), an order or a rush product named by
 * its product, and line numbers typed with a slip. Examples written for these tests, apart from
 * the NLU evaluation set.
 */
import { describe, expect, it } from 'vitest';
import { twinAssets } from '../../twin-assets';
import { twinOrders } from '../../twin-orders';
import { twinParts } from '../../twin-parts';
import { INTENTS, type PreviousCall } from './intents';
import { withoutNegatedWrites } from './negated-clauses';
import { correctLineTypos } from './text';
import { understand } from './understand';

const assets = twinAssets();
const orders = twinOrders();
const parts = twinParts();
const all = new Set(Object.values(INTENTS).map((intent) => intent.tool));
// Wednesday 4 March 2026, 13:00 in Berlin (UTC+1): early shift 06:00–14:00.
const now = new Date('2026-03-04T12:00:00Z');
const ask = (text: string, extra: { previous?: PreviousCall; previousText?: string } = {}) =>
  understand({ text, assets, orders, parts, availableTools: all, now, timeZone: 'Europe/Berlin', ...extra });

describe('a clause that forbids a write', () => {
  it('is set aside, and the rest is the request', async () => {
    expect(withoutNegatedWrites('check the printer on line 1, but do not stop it')).toBe('check the printer on line 1');
    expect(await ask('make me a new plan for the open orders, don’t release it yet')).toMatchObject({ tool: 'propose_schedule' });
    expect(await ask('how is the oven on line 2 doing, dont change anything')).toMatchObject({ tool: 'asset_state', args: { asset: 'L2-RFL' } });
  });

  it('alone, or beside words that are no request, still files nothing', async () => {
    expect(withoutNegatedWrites('Linie 2 läuft nicht, was ist los')).toBe('Linie 2 läuft nicht, was ist los');
    expect(await ask('no, do not release it')).toMatchObject({ kind: 'reply' });
    expect(await ask('den Drucker auf Linie 1 bitte nicht stoppen')).toMatchObject({ kind: 'reply' });
  });
});

describe('after a live reading', () => {
  const previous: PreviousCall = { tool: 'asset_state', args: { asset: 'L1-RFL' } };
  const previousText = 'what is zone 6 on the line 1 oven at right now';

  it('a window trends the value just read', async () => {
    expect(await ask('and the last 3 hours of that?', { previous, previousText })).toMatchObject({
      tool: 'tag_history',
      args: { asset: 'L1-RFL', tag: 'Zone6.TemperatureC' },
    });
  });

  it('a value with "it" sets the setpoint of what was read', async () => {
    expect(await ask('ok set it to 238', { previous, previousText })).toMatchObject({
      tool: 'set_setpoint',
      args: { asset: 'L1-RFL', tag: 'Zone6.SetpointC', value: 238 },
    });
  });

  it('a question about the value is no write', async () => {
    expect(await ask('line 1 oven zone 6 is at 238 degrees?')).not.toMatchObject({ tool: 'set_setpoint' });
  });
});

describe('orders and products by name', () => {
  it('reads the one order of a product on a line as its id', async () => {
    expect(await ask('why is the HMI order on line 1 behind')).toMatchObject({ tool: 'explain_late_order', args: { order: 'PO-24121' } });
  });

  it('reads a rush order of a product named in words', async () => {
    expect(await ask('what if we get 150 drive power boards extra, due in 10 hours')).toMatchObject({
      tool: 'what_if',
      args: { scenario: { type: 'rush_order', product: 'DRV-P22', quantity: 150, dueInHours: 10 } },
    });
  });
});

describe('line numbers typed with a slip', () => {
  it('reads "Lnie 2" and "lien 1" as the line, and leaves other words alone', async () => {
    expect(correctLineTypos('Stand Lnie 2')).toBe('Stand Linie 2');
    expect(correctLineTypos('link 2 is down')).toBe('link 2 is down');
    expect(await ask('production status lien 1')).toMatchObject({ tool: 'production_status', args: { line: 'Line1' } });
  });
});

describe('words around the request', () => {
  it('a greeting before a request is no request for help', async () => {
    expect(await ask('servus, wie läuft der Ofen auf Linie 1')).toMatchObject({ tool: 'asset_state', args: { asset: 'L1-RFL' } });
    expect(await ask('hallo')).toMatchObject({ kind: 'reply' });
  });

  it('a command word naming a thing ("hold time", "restart procedure") is a manual question, not a command', async () => {
    expect(await ask('restart procedure for the reflow oven after a power cut')).toMatchObject({ tool: 'search_manuals' });
  });
});

describe('follow-ups on what was just shown', () => {
  it('"the oven instead" after a what-if on line 1\'s placer is line 1\'s oven', async () => {
    const previous: PreviousCall = { tool: 'what_if', args: { scenario: { type: 'machine_down', asset: 'L1-PNP2', hours: 4 } } };
    expect(await ask('and if it is the oven instead', { previous })).toMatchObject({
      tool: 'what_if',
      args: { scenario: { type: 'machine_down', asset: 'L1-RFL' } },
    });
  });

  it('thanks get a courtesy back, and "not yet" does nothing', async () => {
    expect(await ask('passt, danke')).toMatchObject({ kind: 'reply', text: 'Gern geschehen.' });
    expect(await ask('hmm not yet', { previous: { tool: 'propose_schedule', args: {} } })).toMatchObject({ kind: 'reply' });
  });
});

describe('a pronoun with nothing before it', () => {
  it('asks which machine instead of saying it did not understand', async () => {
    for (const text of ['stop it', 'turn it up a bit', 'mach den mal aus']) expect(await ask(text)).toMatchObject({ kind: 'reply', reason: 'clarify' });
  });
});

describe('times that are no values', () => {
  it('a clock time after a zone is a window, never a setpoint', async () => {
    const plan = await ask('zone 2 temp oven 1 since 7:30');
    expect(plan).not.toMatchObject({ tool: 'set_setpoint' });
    expect(plan).toMatchObject({ tool: 'tag_history', args: { asset: 'L1-RFL', tag: 'Zone2.TemperatureC' } });
    expect(await ask('Zone 3 Ofen 2 seit 6 Uhr')).not.toMatchObject({ tool: 'set_setpoint' });
  });

  it('"since Monday" is the Monday just past, "last weekend" Saturday to Monday', async () => {
    // now: Wednesday 4 March 2026, 13:00 in Berlin.
    expect(await ask('alarms since Monday on the chiller')).toMatchObject({ tool: 'alarms', args: { from: '2026-03-01T23:00:00.000Z' } });
    expect(await ask('Alarme letztes Wochenende Linie 2')).toMatchObject({
      tool: 'alarms',
      args: { from: '2026-02-27T23:00:00.000Z', to: '2026-03-01T23:00:00.000Z' },
    });
  });
});

describe('writes that are none, or not for now', () => {
  it('a reading, a doubt or a question whether it could is no setpoint change', async () => {
    for (const text of [
      'the L2 oven zone 3 reading 187 vs setpoint 190',
      'could zone 4 on L1 oven go to 245 without issues',
      'Ofen 2 Zone 5 auf 240? Wirklich?',
      'kann Zone 4 am Ofen 1 auf 260 gehen',
    ])
      expect(await ask(text), text).not.toMatchObject({ tool: 'set_setpoint' });
    expect(await ask('can you set zone 4 on oven 1 to 245')).toMatchObject({ tool: 'set_setpoint', args: { asset: 'L1-RFL', value: 245 } });
  });

  it('a command or a change for later is not filed now', async () => {
    expect(await ask('stop line 2 at 14:00')).toMatchObject({ kind: 'reply', reason: 'clarify' });
    expect(await ask('Ofen 1 Zone 4 heute Abend auf 240 stellen')).toMatchObject({ kind: 'reply', reason: 'clarify' });
    expect(await ask('set zone 4 on oven 1 to 240')).toMatchObject({ tool: 'set_setpoint', args: { value: 240 } });
  });
});

describe('an acknowledgement after a proposal', () => {
  const earlier = [{ tool: 'propose_schedule', args: {}, output: { draftId: '7d3c2a10-5b1e-4c8f-9a2d-3e4f5a6b7c8d' } }];
  const previous: PreviousCall = { tool: 'propose_schedule', args: {} };
  const withDraft = (text: string) =>
    understand({ text, assets, orders, availableTools: all, now, timeZone: 'Europe/Berlin', previous, earlier, previousText: 'propose a schedule' });

  it('"ok" or "fine" files nothing; "yes, release it" does', async () => {
    expect(await withDraft('ok')).toMatchObject({ kind: 'reply' });
    expect(await withDraft('fine')).toMatchObject({ kind: 'reply' });
    expect(await withDraft('yes, release it')).toMatchObject({ tool: 'release_schedule' });
  });

  it('"release it after lunch" is not released now', async () => {
    expect(await withDraft('release it after lunch')).toMatchObject({ kind: 'reply', reason: 'clarify' });
  });
});

describe('what-ifs in the words planners use', () => {
  it('reads a rush order due "bis morgen früh" and a product family in German', async () => {
    // now: Wednesday 13:00 in Berlin; Thursday 06:00 is 17 h away.
    expect(await ask('wir brauchen 150 Steuerungen extra bis morgen früh, geht das?')).toMatchObject({
      tool: 'what_if',
      args: { scenario: { type: 'rush_order', product: 'CPU-1516', quantity: 150, dueInHours: 17 } },
    });
  });

  it('asks back in German when a German what-if says too little', async () => {
    const plan = await ask('was wäre wenn was ausfällt');
    expect(plan).toMatchObject({ kind: 'reply', reason: 'clarify' });
    expect((plan as { text: string }).text).toMatch(/Welche|Szenarien/);
  });

  it('reads "der Netzteil-Auftrag" as the one power-supply order', async () => {
    expect(await ask('warum hängt der Netzteil-Auftrag')).toMatchObject({ tool: 'explain_late_order', args: { order: 'PO-24120' } });
  });
});

describe('questions asked sideways', () => {
  it('"what breaks first" is the maintenance forecast, "what\'s up with" a machine its state', async () => {
    expect(await ask('what wears out next on line 2')).toMatchObject({ tool: 'maintenance_forecast' });
    expect(await ask('hey can you tell me whats up with the second placer on line one, it keeps beeping')).toMatchObject({
      tool: 'asset_state',
      args: { asset: 'L1-PNP2' },
    });
  });
});

describe('a limit is a manual question', () => {
  it('"max paste age on the stencil" searches the manuals; "how much paste is left" reads stock', async () => {
    expect(await ask("what's the max paste age on the stencil")).toMatchObject({ tool: 'search_manuals' });
    expect(await ask('how much solder paste is left in stock')).toMatchObject({ tool: 'material_status' });
  });
});
