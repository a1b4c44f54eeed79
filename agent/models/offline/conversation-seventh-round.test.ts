/**
 * Understanding, seventh round: requests wrapped in greetings and reasons, past figures asked by
 * name ("OEE yesterday", "Ausschuss über Nacht"), and the asked measurement first in a machine's
 * answer. Examples written for these tests, apart from the NLU evaluation set.
 */
import { describe, expect, it } from 'vitest';
import { writeAnswer } from './answer-writer';
import { ask, askWith, earlier, follow } from './test-support/twin-understanding';

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

describe('commands said the way the floor says them', () => {
  it('takes a machine out of hold, switches it off, and runs it down', async () => {
    expect(await ask('take the L2 SPI out of hold')).toMatchObject({ tool: 'machine_command', args: { asset: 'L2-SPI', command: 'unhold' } });
    expect(await ask('Kompressor aus, die Wartung ist schon da')).toMatchObject({ tool: 'machine_command', args: { asset: 'UT-AIR', command: 'stop' } });
    expect(await ask('Lötofen Linie 2 runterfahren, Feierabend')).toMatchObject({ tool: 'machine_command', args: { asset: 'L2-RFL', command: 'stop' } });
    expect(await ask("I'd like you to hold the packer on line 1")).toMatchObject({ tool: 'machine_command', args: { asset: 'L1-PCK', command: 'hold' } });
  });

  it('asks which of reset and start a restart means, since the machine’s state decides', async () => {
    for (const text of ['restart the packer on line 2', 'Packer Linie 2 neu starten']) {
      const plan = await ask(text);
      expect(plan, text).toMatchObject({ kind: 'reply', reason: 'clarify' });
      expect(plan.kind === 'reply' ? plan.text : '').toMatch(/reset.*start/s);
    }
  });

  it('files nothing for what only sounds like one: a leak, a hypothetical, a look', async () => {
    for (const text of [
      'Notfall: Stickstoff tritt aus am Ofen 2, was tun',
      'wenn der Druck unter 6 bar fällt würd ich den Kompressor ausmachen',
      'der Ofen auf Linie 1 sieht gut aus',
      "I'd stop the printer on line 2 if it were mine",
    ]) {
      const plan = await ask(text);
      expect(plan.kind === 'tool' ? plan.tool : 'no write', text).not.toMatch(/machine_command|set_setpoint/);
    }
  });
});

describe('values typed the short way', () => {
  it('reads an arrow and a German verb after the unit as the new value', async () => {
    expect(await ask('L2 reflow conveyor -> 14 mm/s pls')).toMatchObject({
      tool: 'set_setpoint',
      args: { asset: 'L2-RFL', tag: 'ConveyorSpeedSetpointMmPerS', value: 14 },
    });
    expect(await ask('Drucker L2 Rakel 70 Newton einstellen')).toMatchObject({ tool: 'set_setpoint', args: { asset: 'L2-PRN', value: 70 } });
  });

  it('reads "mach 135 draus" after a setpoint was read as that setpoint', async () => {
    const context = earlier('asset_state', { asset: 'L1-RFL' }, 'Zone 1 Ofen Linie 1, was ist der Sollwert');
    expect(await follow('mach 135 draus', context)).toMatchObject({ tool: 'set_setpoint', args: { asset: 'L1-RFL', tag: 'Zone1.SetpointC', value: 135 } });
  });
});

describe('follow-ups that change one thing', () => {
  it('switches the machine, the duration, the sibling, or goes one shift back', async () => {
    expect(
      await follow(
        'switch to the L1 oven',
        earlier('tag_history', { asset: 'L2-RFL', tag: 'Zone7.TemperatureC' }, 'zone 7 temperature of the line 2 oven since 6'),
      ),
    ).toMatchObject({ tool: 'tag_history', args: { asset: 'L1-RFL', tag: 'Zone7.TemperatureC' } });
    expect(
      await follow(
        'make it 8',
        earlier('what_if', { scenario: { type: 'machine_down', asset: 'L2-RFL', hours: 4 } }, 'what if the L2 oven is down for 4 hours'),
      ),
    ).toMatchObject({ tool: 'what_if', args: { scenario: { type: 'machine_down', asset: 'L2-RFL', hours: 8 } } });
    expect(await follow('and the other placer on that line?', earlier('maintenance_forecast', { asset: 'L1-PNP2' }, 'RUL for L1-PNP2'))).toMatchObject({
      tool: 'maintenance_forecast',
      args: { asset: 'L1-PNP1' },
    });
    // At 10:00 on Wednesday 4 March the previous shift is the night; the one before it is Tuesday's late shift.
    expect(await follow('and the one before that?', earlier('generate_shift_handover', { shift: 'previous' }, 'handover for the night shift'))).toMatchObject({
      tool: 'generate_shift_handover',
      args: { from: '2026-03-03T13:00:00.000Z', to: '2026-03-03T21:00:00.000Z' },
    });
  });

  it('takes "leave it as is" after a reading as a decision to change nothing', async () => {
    const plan = await follow('ok leave it as is', earlier('asset_state', { asset: 'L1-RFL' }, 'zone 3 on the line 1 oven?'));
    expect(plan.kind).toBe('reply');
  });
});

describe('what people type around the request', () => {
  it('reads the planner introducing themselves as no placer, and a weekday as that day', async () => {
    expect(await ask('Planer hier – schaffen wir die CPU-Boards heute noch? Fortschritt bitte')).toMatchObject({ tool: 'production_status' });
    expect(await ask('Alarme auf Linie 2 am Montag')).toMatchObject({
      tool: 'alarms',
      args: { line: 'Line2', from: '2026-03-01T23:00:00.000Z', to: '2026-03-02T23:00:00.000Z' },
    });
    expect(await ask('wie sieht es auf Linie 2 aus')).toMatchObject({ tool: 'plant_overview', args: { line: 'Line2' } });
    expect(await ask('Versorgung alles im grünen Bereich? Druckluft, Kühlwasser')).toMatchObject({ tool: 'plant_overview', args: { line: 'utilities' } });
    expect(await ask('aktive Prio-1- und Prio-2-Alarme, ganze Halle')).toMatchObject({ tool: 'alarms', args: { priorities: [1, 2] } });
    expect(await ask('STM32s - how long do we last?')).toMatchObject({ tool: 'material_status', args: { part: 'STM32H743ZIT6' } });
    expect(await ask('Lieferung ASN-4512 kommt nur zur Hälfte')).toMatchObject({ tool: 'supply_disruption_impact', args: { shortfallPct: 50 } });
  });
});

describe('what is late, and why a line stopped', () => {
  it('reads "what\'s late today" and "ist was im Verzug?" as the plan’s late orders', async () => {
    for (const text of ["what's late today", 'anything late?', 'ist was im Verzug?', 'was ist zu spät heute']) {
      expect(await ask(text), text).toMatchObject({ tool: 'propose_schedule' });
    }
  });

  it('leads the schedule answer with the orders late in the current plan when lateness was asked', () => {
    const output = {
      kpis: { makespanMin: 400, setups: 2, onTimePct: 100 },
      comparedKpis: { lateOrderIds: ['PO-24124'] },
      comparedWith: 'current plan',
      delta: {},
      lines: [{ lineId: 'Line2', orders: [{ orderId: 'PO-24124', productId: 'HMI-7MB', tardinessMin: 0 }] }],
      sources: [],
    };
    const content = JSON.stringify(output);
    const english = writeAnswer([{ tool: 'propose_schedule', args: {}, content }], { language: 'en', question: "what's late today" });
    expect(english).toMatch(
      /\*\*In the current plan, 1 order finishes after its due date: PO-24124\.\*\* The proposed schedule below gets every order out on time\./,
    );
    const german = writeAnswer([{ tool: 'propose_schedule', args: {}, content }], { language: 'de', question: 'ist was im Verzug?' });
    expect(german).toMatch(/\*\*Im aktuellen Plan ist 1 Auftrag nach seinem Termin fertig: PO-24124\.\*\*/);
    expect(writeAnswer([{ tool: 'propose_schedule', args: {}, content }], { language: 'en', question: 'propose a schedule' })).not.toMatch(
      /In the current plan/,
    );
  });

  it('answers "why?" after a stop with the manual on the worst alarm before it', async () => {
    const stop = {
      previous: { tool: 'alarms', args: { before: { line: 'Line2', event: 'stopped', minutes: 10 } } },
      previousText: 'why did line 2 stop last time',
      earlier: [
        {
          tool: 'alarms',
          args: {},
          output: {
            events: [
              { code: 'E-101', text: 'Solder paste low on stencil', priority: 3 },
              { code: 'E-712', text: 'ESD tray magazine empty', priority: 2 },
            ],
          },
        },
      ],
    };
    expect(await follow('why?', stop)).toMatchObject({ tool: 'search_manuals', args: { query: 'E-712 ESD tray magazine empty' } });
  });
});

describe('notes for others, rules and German words that start with an umlaut', () => {
  it('files nothing for a note for the next shift, a message to a colleague or a standing rule', async () => {
    for (const text of [
      'note for nights: placer 2 on line 1 needs a reset before start',
      'sag dem Jonas er soll den Packer auf Linie 2 zurücksetzen',
      'den Kältesatz bitte nie während der Produktion abschalten',
    ]) {
      const plan = await ask(text);
      expect(plan.kind === 'tool' ? plan.tool : 'no write', text).toBe('no write');
    }
  });

  it('still files the commands the floor gives in German', async () => {
    expect(await ask('nimm den Drucker L2 aus dem Hold')).toMatchObject({ tool: 'machine_command', args: { asset: 'L2-PRN', command: 'unhold' } });
  });

  it('reads words that begin with an umlaut like their spelt-out form', async () => {
    expect(await ask('über Nacht Alarme Linie 1')).toMatchObject({ tool: 'alarms', args: { line: 'Line1', from: '2026-03-03T21:00:00.000Z' } });
    expect(await ask('Überfällige Aufträge?')).toMatchObject({ tool: 'propose_schedule' });
  });

  it('reads "all night" and "the last couple of hours" as windows', async () => {
    expect(await ask('zone 4 temperature oven 1 all night')).toMatchObject({
      tool: 'tag_history',
      args: { from: '2026-03-03T21:00:00.000Z', to: '2026-03-04T05:00:00.000Z' },
    });
    expect(await ask('Druck am Kompressor die letzten paar Stunden')).toMatchObject({
      tool: 'tag_history',
      args: { asset: 'UT-AIR', from: '2026-03-04T06:00:00.000Z' },
    });
  });
});

describe('the German particle "halt" and telegram-style values', () => {
  it('reads "setz halt auf 252" after a zone was read as that zone’s setpoint, never as HALT', async () => {
    const context = earlier('asset_state', { asset: 'L1-RFL' }, 'wie warm ist zone 8 am ofen linie 1');
    expect(await follow('setz halt auf 252', context)).toMatchObject({ tool: 'set_setpoint', args: { asset: 'L1-RFL', tag: 'Zone8.SetpointC', value: 252 } });
    expect(await ask('den Ofen von Linie 1 aus dem Halt wieder rausholen')).toMatchObject({ tool: 'machine_command', args: { command: 'unhold' } });
  });

  it('reads a bare value with a courtesy, a belt, and a value with its unit before the setpoint’s name', async () => {
    expect(await ask('chiller supply 15 pls')).toMatchObject({ tool: 'set_setpoint', args: { asset: 'UT-CHL', tag: 'SupplyTempSetpointC', value: 15 } });
    expect(await ask('L1 oven belt a touch slower - 14 mm/s')).toMatchObject({ tool: 'set_setpoint', args: { asset: 'L1-RFL', value: 14 } });
    expect(await ask('kaltwasser n bisschen waermer, 17 grad vorlauf')).toMatchObject({ tool: 'set_setpoint', args: { asset: 'UT-CHL', value: 17 } });
  });
});

describe('what each role leaves implicit', () => {
  it('reads priorities as alarms, "any placer" as all of them, and the event a window starts at', async () => {
    expect(await ask('prio 1 und 2 in der frühschicht bis jetzt')).toMatchObject({
      tool: 'alarms',
      args: { priorities: [1, 2], from: '2026-03-04T05:00:00.000Z' },
    });
    const any = await ask('E-312 heut nacht auf irgendnem bestücker?');
    expect(any).toMatchObject({ tool: 'alarms', args: { code: 'E-312', from: '2026-03-03T21:00:00.000Z' } });
    expect(any.kind === 'tool' ? any.args.asset : undefined).toBeUndefined();
    expect(await ask('any E-520 on the L1 AOI since the changeover at 7?')).toMatchObject({ tool: 'alarms', args: { from: '2026-03-04T06:00:00.000Z' } });
    expect(await ask('compressor header pressure trend, yesterdays lates')).toMatchObject({
      tool: 'tag_history',
      args: { from: '2026-03-03T13:00:00.000Z', to: '2026-03-03T21:00:00.000Z' },
    });
  });

  it('answers the handover without asking which oven, and gives the solver the time asked', async () => {
    expect(await ask('somebody fiddled with the oven overnight, pull up the handover')).toMatchObject({ tool: 'generate_shift_handover' });
    expect(await ask('re-plan the open orders pls, give it 30 s')).toMatchObject({ tool: 'propose_schedule', args: { timeLimitS: 30 } });
    expect(await ask('suppose L1 placer 2 is out 6 hours for bearings, what’s the hit')).toMatchObject({
      tool: 'what_if',
      args: { scenario: { type: 'machine_down', asset: 'L1-PNP2', hours: 6 } },
    });
    expect(await ask('schaffen wir den cpu auftrag heut noch')).toMatchObject({ tool: 'production_status', args: { line: 'Line1' } });
  });

  it('follows up with the other line, "and for" another machine, a release said the floor’s way, and a wait', async () => {
    expect(await follow('and the other line?', earlier('production_status', { line: 'Line1' }, "where's line 1 at with its orders"))).toMatchObject({
      args: { line: 'Line2' },
    });
    expect(await follow('und für die pumpe vom kühler', earlier('maintenance_forecast', { asset: 'L1-PNP2' }, 'RUL bestücker 2 linie 1'))).toMatchObject({
      tool: 'maintenance_forecast',
      args: { asset: 'UT-CHL' },
    });
    const draft = {
      ...earlier('propose_schedule', {}, 'plan die offenen aufträge neu'),
      earlier: [{ tool: 'propose_schedule', args: {}, output: { draftId: 'd-1' } }],
    };
    expect(await follow('jo schick den raus', draft)).toMatchObject({ tool: 'release_schedule', args: { draftId: 'd-1' } });
    expect((await follow('nah don’t release yet, waiting for the planner meeting', draft)).kind).toBe('reply');
  });
});

describe('parts and machines named by what sets them apart', () => {
  it('reads the part a follow-up names by its maker or kind over the one before', async () => {
    expect(
      await follow('and the samsung alternate?', earlier('material_status', { part: 'GRM155R71C104KA88D' }, 'stock of the murata 100nF caps')),
    ).toMatchObject({
      tool: 'material_status',
      args: { part: 'CL05B104KO5NNNC' },
    });
  });

  it('reads a machine by its place in the line’s flow, and not a time said the same way', async () => {
    expect(await ask('der vor dem ofen auf linie 2, laeuft der eig?')).toMatchObject({ tool: 'asset_state', args: { asset: 'L2-PNP2' } });
    expect(await ask("the one after the AOI on line 1, what's it doing")).toMatchObject({ tool: 'asset_state', args: { asset: 'L1-ICT' } });
    expect(await ask('what happened before the oven on line 2 stopped')).toMatchObject({ tool: 'alarms', args: { before: { asset: 'L2-RFL' } } });
  });

  it('reads when a line finishes its order, typos and all', async () => {
    expect(await ask("wehn does line 1 finish what it's running")).toMatchObject({ tool: 'production_status', args: { line: 'Line1' } });
  });
});

describe('a night asked about while it runs', () => {
  it('is the current shift so far, and the night before once it is over', async () => {
    const at = (iso: string) => askWith({ text: 'Was war letzte Nacht los?', now: new Date(iso) });
    expect(await at('2026-03-04T02:40:00Z')).toMatchObject({ tool: 'generate_shift_handover', args: { shift: 'current' } });
    expect(await at('2026-03-04T09:00:00Z')).toMatchObject({ tool: 'generate_shift_handover', args: { shift: 'previous' } });
  });
});

describe('vehicles and parts asked about by name', () => {
  it('says no tool reports where a vehicle is, and still plans runs', async () => {
    for (const text of ['which AMR is free right now', 'wo steht der Routenzug gerade']) expect((await ask(text)).kind, text).toBe('reply');
    expect(await ask('welche Routenzugfahrten stehen als nächstes an?')).toMatchObject({ tool: 'plan_replenishment' });
  });
});

describe('corrections and the second message', () => {
  it('files the corrected value or machine of the request just made', async () => {
    expect(
      await follow('sorry, 195', earlier('set_setpoint', { asset: 'L1-RFL', tag: 'Zone3.SetpointC', value: 190 }, 'set zone 3 on the line 1 oven to 190')),
    ).toMatchObject({
      tool: 'set_setpoint',
      args: { asset: 'L1-RFL', tag: 'Zone3.SetpointC', value: 195 },
    });
    expect(await follow('actually the L2 one', earlier('machine_command', { asset: 'L1-AOI', command: 'reset' }, 'reset L1-AOI'))).toMatchObject({
      tool: 'machine_command',
      args: { asset: 'L2-AOI', command: 'reset' },
    });
    expect(await follow('nee, linie 1 mein ich', earlier('asset_state', { asset: 'L2-PNP1' }, 'was macht der bestücker 1 auf linie 2'))).toMatchObject({
      tool: 'asset_state',
      args: { asset: 'L1-PNP1' },
    });
    expect(await follow('lieber 25', earlier('trigger_inspection', { lot: 'PO-24120', boards: 10 }, 'AOI für 10 boards von PO-24120'))).toMatchObject({
      tool: 'trigger_inspection',
      args: { lot: 'PO-24120', boards: 25 },
    });
  });

  it('resumes the machine just held on "weiter", and starts the machine whose stop was just explained', async () => {
    expect(
      await follow('so, paste ist nachgefüllt, weiter', earlier('machine_command', { asset: 'L1-PRN', command: 'hold' }, 'halt den drucker auf linie 1 an')),
    ).toMatchObject({
      tool: 'machine_command',
      args: { asset: 'L1-PRN', command: 'unhold' },
    });
    const stop = earlier('alarms', { before: { asset: 'L1-SPI', event: 'stopped', minutes: 10 } }, 'warum steht die SPI linie 1');
    expect(await follow('fahr sie wieder an', stop)).toMatchObject({ tool: 'machine_command', args: { asset: 'L1-SPI', command: 'start' } });
  });

  it('reads a quarter hour before a stop, an extra shift as a scenario, "vorgestern", and coffee as chatter', async () => {
    expect(await ask('which alarms came up in the quarter hour before line 1 went down')).toMatchObject({ args: { before: { line: 'Line1', minutes: 15 } } });
    expect(await ask('would an extra shift on line 2 this Saturday get PO-24124 back on time?')).toMatchObject({
      tool: 'what_if',
      args: { scenario: { type: 'extra_shift', line: 'Line2' } },
    });
    expect(await ask('welche fehler hatte die AOI auf linie 2 vorgestern')).toMatchObject({
      args: { from: '2026-03-01T23:00:00.000Z', to: '2026-03-02T23:00:00.000Z' },
    });
    expect((await ask('moin, kaffee ist alle')).kind).toBe('reply');
  });
});

describe('"stop it" and "lass ihn weiterlaufen" after a reading', () => {
  it('names the machine back before filing a stop, and resumes a held machine', async () => {
    const stopIt = await follow('stop it', earlier('asset_state', { asset: 'L1-PRN' }, 'how is the printer on line 1'));
    expect(stopIt).toMatchObject({ kind: 'reply', reason: 'clarify' });
    expect(stopIt.kind === 'reply' ? stopIt.text : '').toMatch(/stop L1-PRN/);
    expect(
      await follow('ok passt, lass ihn weiterlaufen', earlier('asset_state', { asset: 'L1-ICT' }, 'warum steht der ICT auf Linie 1 in Held?')),
    ).toMatchObject({
      tool: 'machine_command',
      args: { asset: 'L1-ICT', command: 'unhold' },
    });
    expect((await ask('stop line 2 printer? nah, leave it running')).kind).toBe('reply');
  });
});

describe('questions whether a command may be given, and commands for later', () => {
  it('files nothing', async () => {
    for (const text of [
      'kann man den Bestücker 1 auf Linie 2 im laufenden Betrieb zurücksetzen?',
      'can we reset the packer on line 2 while it runs?',
      'nach dem Rüsten Drucker L1 wieder starten',
      'start the printer on line 1 again after the cleaning',
    ]) {
      const plan = await ask(text);
      expect(plan.kind === 'tool' ? plan.tool : 'no write', text).not.toMatch(/machine_command|set_setpoint/);
    }
  });
});

describe('the arguments people pin down', () => {
  it('reads values and durations in words, and a change someone already made as done', async () => {
    expect(await ask('Ofen L1 Zone 8 auf zweihundertvierzig')).toMatchObject({
      tool: 'set_setpoint',
      args: { asset: 'L1-RFL', tag: 'Zone8.SetpointC', value: 240 },
    });
    expect(await ask('the oven on line 2, zone 1 to two hundred')).toMatchObject({ tool: 'set_setpoint', args: { value: 200 } });
    expect(await ask('Was passiert, wenn der Bestücker 1 auf Linie 2 zweieinhalb Stunden steht?')).toMatchObject({
      tool: 'what_if',
      args: { scenario: { asset: 'L2-PNP1', hours: 2.5 } },
    });
    expect(await ask('AOI-Prüfung aktueller Auftrag Linie 1, acht Boards')).toMatchObject({ tool: 'trigger_inspection', args: { boards: 8 } });
    const done = await ask('Tom already set the chiller to 13 degrees an hour ago');
    expect(done.kind === 'tool' ? done.tool : 'no write').not.toBe('set_setpoint');
  });

  it('reads the utilities named one by one, half an hour before a stop, an order by its number, and a restart of the chiller', async () => {
    expect(await ask('quick status of the utilities pls, air and chilled water')).toMatchObject({ tool: 'plant_overview', args: { line: 'utilities' } });
    expect(await ask('Welche Meldungen kamen in der halben Stunde bevor Linie 2 stand')).toMatchObject({ args: { before: { line: 'Line2', minutes: 30 } } });
    expect(await ask('Reicht das Material für Auftrag 24122?')).toMatchObject({ tool: 'material_status', args: { order: 'PO-24122' } });
    expect(await ask('Kühler neustarten bitte')).toMatchObject({ kind: 'reply', reason: 'clarify' });
  });

  it('follows "make it 10 hours instead", "do one for line 2 as well", and "dann stopp ihn" on the machine just read', async () => {
    expect(
      await follow(
        'make it 10 hours instead',
        earlier('what_if', { scenario: { type: 'machine_down', asset: 'L1-PNP2', hours: 4 } }, 'what if placer 2 on line 1 goes down for 4 hours'),
      ),
    ).toMatchObject({ args: { scenario: { hours: 10 } } });
    expect(await follow('do one for line 2 as well', earlier('plan_replenishment', { line: 'Line1' }, 'replenishment for line 1'))).toMatchObject({
      tool: 'plan_replenishment',
      args: { line: 'Line2' },
    });
    expect(
      await follow('okay, dann stopp ihn', earlier('tag_history', { asset: 'UT-CHL', tag: 'PumpVibrationMmS' }, 'Pumpenschwingung am Kühler')),
    ).toMatchObject({
      tool: 'machine_command',
      args: { asset: 'UT-CHL', command: 'stop' },
    });
  });
});

describe('a reading or alarm list, then what it did or what to do', () => {
  it('reads "what did that do since midnight" as the value’s trend, and the fix for listed alarms as the manuals', async () => {
    expect(
      await follow('what did that do since midnight?', earlier('asset_state', { asset: 'L1-RFL' }, 'current residual oxygen in the line 1 reflow')),
    ).toMatchObject({
      tool: 'tag_history',
      args: { asset: 'L1-RFL', tag: 'O2Ppm' },
    });
    expect(await follow('was mach ich dagegen?', earlier('alarms', { asset: 'L2-RFL', code: 'E-260' }, 'Alarme Ofen Linie 2 heute'))).toMatchObject({
      tool: 'search_manuals',
      args: { query: 'E-260 L2-RFL' },
    });
  });
});

describe('ordinals, possessives, compounds and windows over midnight', () => {
  it('reads "the second run", "line 2’s current order", "Schraubenkompressor" and "gestern zwischen 22 und 2 Uhr"', async () => {
    const plan = {
      ...earlier('plan_replenishment', {}, 'plan replenishment'),
      earlier: [
        {
          tool: 'plan_replenishment',
          args: {},
          output: {
            runs: [
              { runId: 'RUN-1', vehicle: 'TUG-01', dispatch: { vehicle: 'TUG-01', stops: [{ stationId: 'L1-PNP1-S', loads: [] }] } },
              { runId: 'RUN-2', vehicle: 'AMR-01', dispatch: { vehicle: 'AMR-01', stops: [{ stationId: 'L2-PNP2-S', loads: [] }] } },
            ],
          },
        },
      ],
    };
    expect(await follow('dispatch the second run', plan)).toMatchObject({ tool: 'dispatch_transport', args: { vehicle: 'AMR-01' } });
    expect(await ask("kick off an AOI check on line 2's current order, 15 boards")).toMatchObject({
      tool: 'trigger_inspection',
      args: { line: 'Line2', boards: 15 },
    });
    expect(await ask('Wartungsintervall Ölwechsel Schraubenkompressor laut Hersteller?')).toMatchObject({ tool: 'search_manuals', args: { asset: 'UT-AIR' } });
    expect(await ask('Vorlauftemperatur Kaltwasser gestern zwischen 22 und 2 Uhr')).toMatchObject({
      tool: 'tag_history',
      args: { from: '2026-03-03T21:00:00.000Z', to: '2026-03-04T01:00:00.000Z' },
    });
  });
});

describe('an instruction relayed from someone else', () => {
  it('files nothing, and the same words as the asker’s own request do', async () => {
    for (const text of ['den Ofen auf Linie 2 abstellen, sagt der Meister', 'stop the oven on line 2, the foreman says']) {
      const plan = await ask(text);
      expect(plan.kind === 'tool' ? plan.tool : 'no write', text).not.toBe('machine_command');
    }
    expect(await ask('stop the oven on line 2')).toMatchObject({ tool: 'machine_command', args: { asset: 'L2-RFL', command: 'stop' } });
  });
});
