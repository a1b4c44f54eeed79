/**
 * Understanding, fifth round: why a line stopped asked without the word "why" or with "down", the
 * shift's board count (the overview's figure, not an order's progress), and lot labels with a
 * sub-lot suffix. Examples written for these tests, apart from the NLU evaluation set.
 */
import { describe, expect, it } from 'vitest';
import { twinAssets } from '../../twin-assets';
import { twinOrders } from '../../twin-orders';
import { twinParts } from '../../twin-parts';
import { INTENTS, type PreviousCall } from './intents';
import { orderId } from './intents/slots';
import { beforeStop } from './time-window';
import { understand } from './understand';

const assets = twinAssets();
const orders = twinOrders();
const parts = twinParts();
const all = new Set(Object.values(INTENTS).map((intent) => intent.tool));
// Wednesday 4 March 2026, 10:00 in Berlin (UTC+1): early shift 06:00–14:00.
const now = new Date('2026-03-04T09:00:00Z');
const ask = (text: string, extra: { previous?: PreviousCall } = {}) =>
  understand({ text, assets, orders, parts, availableTools: all, now, timeZone: 'Europe/Berlin', ...extra });

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

describe('writes said the way people say them', () => {
  it('a report first, then the request in a clause of its own', async () => {
    expect(await ask('zone 5 on oven 2 is running cold, raise its setpoint to 238')).toMatchObject({
      tool: 'set_setpoint',
      args: { asset: 'L2-RFL', tag: 'Zone5.SetpointC', value: 238 },
    });
    expect(await ask('Der Bestücker 1 auf Linie 2 ist auf Held – bitte weitermachen')).toMatchObject({
      tool: 'machine_command',
      args: { asset: 'L2-PNP1', command: 'unhold' },
    });
    // A question at the end takes nothing back, and files nothing.
    expect(await ask('zone 5 on oven 2 was at 236 yesterday, should we set it to 238?')).not.toMatchObject({ tool: 'set_setpoint' });
  });

  it('a value spelt out, or with its unit after "make it"', async () => {
    expect(await ask('take the compressor pressure setpoint to seven bar')).toMatchObject({ tool: 'set_setpoint', args: { asset: 'UT-AIR', value: 7 } });
    expect(await ask('Kompressor Druck auf sechs bar')).toMatchObject({
      tool: 'set_setpoint',
      args: { asset: 'UT-AIR', tag: 'PressureSetpointBar', value: 6 },
    });
    expect(await ask('L1 printer print speed, make it 55 mm/s')).toMatchObject({ tool: 'set_setpoint', args: { asset: 'L1-PRN', value: 55 } });
  });

  it('a negation naming something else does not cancel the write beside it, but one that takes it back does', async () => {
    expect(await ask('stop the packer on line 1? no, not yet')).toMatchObject({ kind: 'reply' });
    expect(await ask('stopp den Packer auf Linie 1, den auf Linie 2 nicht')).toMatchObject({
      tool: 'machine_command',
      args: { asset: 'L1-PCK', command: 'stop' },
    });
  });
});

describe('readings, trends and lists', () => {
  it('a machine and its measurements, nothing else, is a reading now', async () => {
    expect(await ask('Ofen Linie 2: Sauerstoff bitte')).toMatchObject({ tool: 'asset_state', args: { asset: 'L2-RFL' } });
    expect(await ask('compressor dew point')).toMatchObject({ tool: 'asset_state', args: { asset: 'UT-AIR' } });
  });

  it('a bucket size is not a window, and the day before yesterday is a day', async () => {
    expect(await ask('O2 on oven 1 since 6, in 10 minute steps')).toMatchObject({
      tool: 'tag_history',
      args: { asset: 'L1-RFL', from: '2026-03-04T05:00:00.000Z', resolution: '10m' },
    });
    expect(await ask('Taupunkt Kompressor vorgestern von 8 bis 12 Uhr, stündlich')).toMatchObject({
      tool: 'tag_history',
      args: { asset: 'UT-AIR', from: '2026-03-02T07:00:00.000Z', to: '2026-03-02T11:00:00.000Z', resolution: '1h' },
    });
  });

  it('work orders being worked on, and who touched a machine', async () => {
    expect(await ask('welche Arbeitsaufträge laufen gerade, die laufenden bitte')).toMatchObject({ tool: 'list_work_orders', args: { status: 'in_progress' } });
    expect(await ask('who messed with the chiller last night?')).toMatchObject({ tool: 'generate_shift_handover' });
  });

  it("a line's queue is its production status", async () => {
    expect(await ask('what comes next on line 1 after this order')).toMatchObject({ tool: 'production_status' });
    expect(await ask('what runs out next on line 1')).not.toMatchObject({ tool: 'production_status' });
  });
});

describe('parts and deliveries', () => {
  it('a value with its unit or a kind of part narrows the part', async () => {
    expect(await ask('how long do the 10uF caps last')).toMatchObject({ tool: 'material_status', args: { part: 'GRM21BR61E106KA73L' } });
    expect(await ask('Schablone für die CPU-Boards, wie ist der Bestand?')).toMatchObject({ tool: 'material_status', args: { part: 'STN-CPU1516-120' } });
  });

  it('an under-delivery is a shortfall', async () => {
    expect(await ask('Avnet hat eine Unterlieferung von 30 % gemeldet')).toMatchObject({
      tool: 'supply_disruption_impact',
      args: { shortfallPct: 30 },
    });
  });
});

describe('questions from a first try in my own words', () => {
  it('how an order by its product is getting on is its progress', async () => {
    expect(await ask("how's line 1 getting on with the IO module order")).toMatchObject({ tool: 'production_status' });
  });

  it('how a machine looks is its state, and trouble ahead is the forecast', async () => {
    expect(await ask('Bestücker 2 Linie 1, wie sieht der aus?')).toMatchObject({ tool: 'asset_state', args: { asset: 'L1-PNP2' } });
    expect(await ask('is the chiller pump going to give us trouble before the weekend')).toMatchObject({
      tool: 'maintenance_forecast',
      args: { asset: 'UT-CHL' },
    });
  });
});

describe('late orders and scrap', () => {
  it('which orders are late is what a schedule proposal leads with; one order stays its explanation', async () => {
    expect(await ask('are any orders running late?')).toMatchObject({ tool: 'propose_schedule' });
    expect(await ask('gibt es Aufträge im Verzug?')).toMatchObject({ tool: 'propose_schedule' });
    expect(await ask('why is PO-24118 late')).toMatchObject({ tool: 'explain_late_order', args: { order: 'PO-24118' } });
    expect(await ask('which orders are waiting on a late delivery')).not.toMatchObject({ tool: 'propose_schedule' });
  });

  it("the shift's scrap per line is the overview's", async () => {
    expect(await ask('wie viel Ausschuss hat Linie 2 bisher')).toMatchObject({ tool: 'plant_overview', args: { line: 'Line2' } });
    expect(await ask('scrap reasons on line 2 today')).not.toMatchObject({ tool: 'plant_overview' });
  });
});

describe('older dev misses, read in general', () => {
  it('an overview asked for as one, a machine command with a material reason, worst boards', async () => {
    expect(await ask('quick overview of line 1 please, states and alarms')).toMatchObject({ tool: 'plant_overview', args: { line: 'Line1' } });
    expect(await ask('hold the L1 printer before the paste runs out')).toMatchObject({ tool: 'machine_command', args: { asset: 'L1-PRN', command: 'hold' } });
    expect(await ask('schlechteste Platinen heute an der AOI Linie 2')).toMatchObject({ tool: 'inspection_results' });
  });

  it('a scenario after a plan is a what-if on it, and what has to go to a line is a replenishment plan', async () => {
    const previous = { tool: 'propose_schedule', args: {} };
    expect(await ask('and what if the L1 printer is down for 2 hours as well?', { previous })).toMatchObject({ tool: 'what_if' });
    expect(await ask('what has to go to line 1 before the feeders run dry')).toMatchObject({ tool: 'plan_replenishment', args: { line: 'Line1' } });
  });
});

describe('a line the way the floor says it, and why it stands', () => {
  it('"auf der Zwei" is line 2, "die Zwei Stunden" is not', async () => {
    const { colloquialLines } = await import('./text');
    expect(colloquialLines("wie läuft's auf der Zwei?")).toBe("wie läuft's auf Linie 2?");
    expect(colloquialLines('Probleme an der Eins')).toBe('Probleme an Linie 1');
    expect(colloquialLines('mit der zwei Stunden Pause')).toBe('mit der zwei Stunden Pause');
  });

  it('"und warum steht die?" after a question about a line is what led up to its stop', async () => {
    expect(await ask('und warum steht die?', { previous: { tool: 'asset_state', args: { asset: 'Line2' } } })).toMatchObject({
      tool: 'alarms',
      args: { before: { line: 'Line2', event: 'stopped' } },
    });
  });

  it('asks which line or machine stopped when nothing points at one', async () => {
    expect(await ask('what caused the stop?')).toMatchObject({ kind: 'reply', reason: 'clarify' });
  });
});

describe('a change by an amount, and what is normal', () => {
  it('a relative change asks for the new value, never reads "by 5 degrees" as a time', async () => {
    for (const text of ['take zone 2 on oven 2 down by 3 degrees', 'Zone 5 Ofen 2 um 4 Grad runter']) {
      const plan = await ask(text);
      expect(plan, text).toMatchObject({ kind: 'reply', reason: 'clarify' });
      expect(JSON.stringify(plan), text).not.toMatch(/not for later|nicht für später/);
    }
    expect(await ask('hold line 1 at 14:00')).toMatchObject({ kind: 'reply', reason: 'clarify' });
  });

  it('what is normal for a value is the manuals', async () => {
    expect(await ask('compressor dew point, is that normal?')).toMatchObject({ tool: 'search_manuals' });
  });
});

describe('German floor talk, second try', () => {
  it('"mach … wieder an" starts the machine; "was macht … an Linie 2" only asks', async () => {
    expect(await ask('mach den Drucker auf Linie 1 wieder an')).toMatchObject({ tool: 'machine_command', args: { asset: 'L1-PRN', command: 'start' } });
    expect(await ask('was macht der Drucker an Linie 1')).toMatchObject({ tool: 'asset_state', args: { asset: 'L1-PRN' } });
  });

  it("a past shift's OEE is its handover, and a machine's problems its state", async () => {
    expect(await ask('wie war die OEE auf Linie 2 in der Spätschicht gestern?')).toMatchObject({ tool: 'generate_shift_handover' });
    expect(await ask('hat der Kompressor Probleme?')).toMatchObject({ tool: 'asset_state', args: { asset: 'UT-AIR' } });
  });
});

describe('near-misses written after the test run, from my own probes of the new write paths', () => {
  const writes = ['set_setpoint', 'machine_command', 'release_schedule', 'create_work_order', 'dispatch_transport'];
  it('reports of values, thoughts aloud, retractions and trailing interjections file nothing', async () => {
    for (const text of [
      'Zone 4 am Ofen 1 hatte 250, jetzt 245',
      'Kompressor auf 7 bar wäre besser, oder?',
      'stop line 2? nah, leave it running',
      'stopp den Drucker auf Linie 1 – ach, lass ihn laufen',
      'Linie 2 stand vorhin, stopp mal',
      'Zone 3 Ofen 1 stand gestern auf 185, heute auf 180',
      'der Packer L2 war auf Held, ok weiter',
      'the oven 2 blower setpoint would be better at 80, right?',
      'mach mal die Übersicht für Linie 2 an',
      'der Packer L1 macht wieder an',
    ]) {
      const plan = await ask(text);
      expect(writes, `${text} → ${JSON.stringify(plan)}`).not.toContain((plan as { tool?: string }).tool);
    }
  });
});

describe('several runs at once', () => {
  it('are offered one by one, each its own approval', async () => {
    const previous = { tool: 'plan_replenishment', args: { line: 'Line1' } };
    const earlier = [
      {
        tool: 'plan_replenishment',
        args: { line: 'Line1' },
        output: {
          runs: [
            {
              runId: 'RUN-1',
              vehicle: 'TUG-01',
              vehicleKind: 'tugger',
              stops: [{ stationId: 'L1-PNP1-S', loads: [] }],
              dispatch: { vehicle: 'TUG-01', stops: [] },
            },
            {
              runId: 'RUN-2',
              vehicle: 'TUG-01',
              vehicleKind: 'tugger',
              stops: [{ stationId: 'L1-PNP2-S', loads: [] }],
              dispatch: { vehicle: 'TUG-01', stops: [] },
            },
          ],
        },
      },
    ];
    const send = (text: string) => understand({ text, assets, orders, parts, availableTools: all, now, timeZone: 'Europe/Berlin', previous, earlier });
    expect(await send('beide Fahrten losschicken')).toMatchObject({ kind: 'reply', reason: 'clarify' });
    expect(await send('RUN-2 losschicken')).toMatchObject({ tool: 'dispatch_transport', args: { vehicle: 'TUG-01' } });
  });
});
