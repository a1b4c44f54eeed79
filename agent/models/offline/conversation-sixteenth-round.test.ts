/**
 * Understanding, sixteenth round: messages typed in one's own words and a fresh probe set written apart from the
 * code (not the NLU evaluation set) that went wrong.
 */
import { describe, expect, it } from 'vitest';
import { ask, earlier, filesAWrite, follow } from './test-support/twin-understanding';

describe('work orders of a line', () => {
  it.each([
    ['any open maintenance jobs on line 2?', 'Line2'],
    ['Wartungsaufträge Linie 1', 'Line1'],
  ])('"%s" lists the line’s work orders', async (text, line) => {
    expect(await ask(text)).toMatchObject({ kind: 'tool', tool: 'list_work_orders', args: { line } });
  });

  it('a machine named still narrows to that machine', async () => {
    expect(await ask('work orders for the L1 placer 2')).toMatchObject({ kind: 'tool', tool: 'list_work_orders', args: { asset: 'L1-PNP2' } });
  });
});

describe('a supplier out for weeks', () => {
  it.each([
    ["if Würth can't deliver for a week, what happens", 'SUP-WURTH', 168],
    ['Mouser liefert eine Woche nicht, was bedeutet das', 'SUP-MOUSER', 168],
    ['AT&S 2 weeks late', 'SUP-ATS', 336],
  ])('"%s" is a delay of its weeks in hours', async (text, supplier, delayHours) => {
    expect(await ask(text)).toMatchObject({ kind: 'tool', tool: 'supply_disruption_impact', args: { supplier, delayHours } });
  });
});

describe('a machine out for a while, and what it does to the plan', () => {
  it.each([
    ['Wenn der Kühlwassersatz morgen für 6 h in die Wartung geht, was heißt das für unsere Aufträge?', 'UT-CHL', 6],
    ['if the compressor goes into maintenance for 3 h, what does that do to our due dates?', 'UT-AIR', 3],
    ['the fitters want the chiller for 2 hours, what is the impact on the schedule?', 'UT-CHL', 2],
  ])('"%s" is a what-if, never a work order booked', async (text, asset, hours) => {
    const plan = await ask(text);
    expect(filesAWrite(plan)).toBe(false);
    expect(plan).toMatchObject({ kind: 'tool', tool: 'what_if', args: { scenario: { type: 'machine_down', asset, hours } } });
  });

  it('a booking in so many words still books', async () => {
    expect(await ask('book the chiller for maintenance tomorrow 6 to 10')).toMatchObject({
      kind: 'tool',
      tool: 'create_work_order',
      args: { asset: 'UT-CHL' },
    });
  });
});

describe('a polite request softened with "maybe"', () => {
  it.each([
    ['could you maybe take zone 5 on the L2 oven up to 250', { asset: 'L2-RFL', tag: 'Zone5.SetpointC', value: 250 }],
    ['kannst du vielleicht Zone 7 am Ofen Linie 1 auf 245 stellen', { asset: 'L1-RFL', tag: 'Zone7.SetpointC', value: 245 }],
  ])('"%s" is the request', async (text, args) => {
    expect(await ask(text)).toMatchObject({ kind: 'tool', tool: 'set_setpoint', args });
  });

  it('"kannst du vielleicht den Packer L2 zurücksetzen" files the reset', async () => {
    expect(await ask('kannst du vielleicht den Packer L2 zurücksetzen')).toMatchObject({
      kind: 'tool',
      tool: 'machine_command',
      args: { asset: 'L2-PCK', command: 'reset' },
    });
  });

  it.each(['maybe set zone 2 on the L1 oven to 160?', 'could we maybe set zone 2 on the L1 oven to 160'])(
    '"%s" is a thought aloud and files nothing',
    async (text) => {
      expect(filesAWrite(await ask(text))).toBe(false);
    },
  );
});

describe('a write corrected in the next message', () => {
  const zone6 = earlier('set_setpoint', { asset: 'L1-RFL', tag: 'Zone6.SetpointC', value: 254 }, 'set zone 6 of the line 1 reflow to 254');

  it.each(['argh typo, meant 245', 'oops, I meant 245', 'my bad, should be 245', 'vertippt, soll 245 heißen'])('"%s" files the value meant', async (text) => {
    expect(await follow(text, zone6)).toMatchObject({ kind: 'tool', tool: 'set_setpoint', args: { asset: 'L1-RFL', tag: 'Zone6.SetpointC', value: 245 } });
  });

  it.each([
    ['and zone 7 the same but 250', 'Zone7.SetpointC', 250],
    ['same for zone 3 but 190', 'Zone3.SetpointC', 190],
    ['für Zone 4 dasselbe, aber 248', 'Zone4.SetpointC', 248],
    ['nee, Zone 5', 'Zone5.SetpointC', 254],
  ])('"%s" files that zone', async (text, tag, value) => {
    expect(await follow(text, zone6)).toMatchObject({ kind: 'tool', tool: 'set_setpoint', args: { asset: 'L1-RFL', tag, value } });
  });

  it.each(['actually, no', 'nein, doch nicht', 'nope'])('"%s" files nothing and says where to take the request back', async (text) => {
    const plan = await follow(text, zone6);
    expect(filesAWrite(plan)).toBe(false);
    expect(plan.kind === 'reply' && plan.text).toMatch(/approval card|Freigabekarte/);
  });

  const hold = earlier('machine_command', { asset: 'L2-PNP1', command: 'hold' }, 'hold the line 2 chip shooter');
  it.each(['actually no, stop it instead', 'no wait, stop it rather than hold it', 'doch lieber ganz stoppen statt nur anhalten'])(
    '"%s" after a hold files the stop for the same machine',
    async (text) => {
      expect(await follow(text, hold)).toMatchObject({ kind: 'tool', tool: 'machine_command', args: { asset: 'L2-PNP1', command: 'stop' } });
    },
  );

  it.each(['nein, halt, nicht den', "no, don't stop it"])('"%s" files nothing', async (text) => {
    expect(filesAWrite(await follow(text, hold))).toBe(false);
  });
});

describe('windows said the way people say them (plant time: Wednesday 4 March 2026, 10:00)', () => {
  it.each([
    ['alarms on the L1 oven yesterday between 3 and 5 in the afternoon', '2026-03-03T14:00:00.000Z', '2026-03-03T16:00:00.000Z'],
    ['Alarme Ofen L1 gestern nachmittags zwischen 1 und 3', '2026-03-03T12:00:00.000Z', '2026-03-03T14:00:00.000Z'],
    ['alarms on the L1 oven since 19:00 yesterday', '2026-03-03T18:00:00.000Z', '2026-03-04T09:00:00.000Z'],
    ['Alarme Ofen L1 seit gestern 20 Uhr', '2026-03-03T19:00:00.000Z', '2026-03-04T09:00:00.000Z'],
    ['Alarme Ofen L1 vorgestern in der Frühschicht', '2026-03-02T05:00:00.000Z', '2026-03-02T13:00:00.000Z'],
    ['Alarme Ofen L1 seit Schichtbegin', '2026-03-04T05:00:00.000Z', '2026-03-04T09:00:00.000Z'],
  ])('"%s"', async (text, from, to) => {
    expect(await ask(text)).toMatchObject({ kind: 'tool', tool: 'alarms', args: { asset: 'L1-RFL', from, to } });
  });

  it.each([
    ['zone 3 trend on the L1 oven, last hour and a half', '2026-03-04T07:30:00.000Z'],
    ['Verlauf Zone 3 Ofen L1 die letzten eineinhalb Stunden', '2026-03-04T07:30:00.000Z'],
    ['zone 3 trend on the L1 oven over the last two and a half hours', '2026-03-04T06:30:00.000Z'],
  ])('"%s" counts the half hour', async (text, from) => {
    expect(await ask(text)).toMatchObject({ kind: 'tool', tool: 'tag_history', args: { asset: 'L1-RFL', from } });
  });

  it('"alarms on line 2 yesterday" is the whole day, the line no clock', async () => {
    expect(await ask('any alarms on line 2 yesterday')).toMatchObject({
      kind: 'tool',
      tool: 'alarms',
      args: { from: '2026-03-02T23:00:00.000Z', to: '2026-03-03T23:00:00.000Z' },
    });
  });
});
