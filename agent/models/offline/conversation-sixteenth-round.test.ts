/**
 * Understanding, sixteenth round: messages typed in one's own words and a fresh probe set written apart from the
 * code (not the NLU evaluation set) that went wrong.
 */
import { describe, expect, it } from 'vitest';
import { after, ask, askWith, earlier, filesAWrite, follow } from './test-support/twin-understanding';

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

describe('follow-ups on what was just planned or read', () => {
  const forecast = {
    previous: { tool: 'maintenance_forecast', args: { asset: 'L2-RFL' } },
    previousText: 'Restlaufzeit vom Gebläse am Ofen L2?',
    earlier: [
      {
        tool: 'maintenance_forecast',
        args: { asset: 'L2-RFL' },
        output: {
          assets: [{ assetId: 'L2-RFL', component: 'blower', recommendedWindow: { from: '2026-03-04T21:00:00.000Z', to: '2026-03-05T01:00:00.000Z' } }],
        },
      },
    ],
  };
  it.each(['plan das bitte ein', 'kannst du das einplanen?', 'planst du das für das empfohlene Fenster ein', 'put that in the recommended window'])(
    '"%s" after a forecast books its window',
    async (text) => {
      expect(await askWith({ text, ...forecast })).toMatchObject({
        kind: 'tool',
        tool: 'create_work_order',
        args: { asset: 'L2-RFL', from: '2026-03-04T21:00:00.000Z', to: '2026-03-05T01:00:00.000Z' },
      });
    },
  );

  it.each(['wie sieht die Restlaufzeit vom Gebläse am Ofen L2 aus', 'how is the wear looking on the L2 oven'])('"%s" is the forecast', async (text) => {
    expect(await ask(text)).toMatchObject({ kind: 'tool', tool: 'maintenance_forecast', args: { asset: 'L2-RFL' } });
  });

  const rush = earlier(
    'what_if',
    { scenario: { type: 'rush_order', product: 'CPU-1516', quantity: 150, dueInHours: 10 } },
    'what if a rush of 150 CPU-1516 comes in, due in 10 h',
  );
  it.each([
    ['try 250 instead', { quantity: 250, dueInHours: 10 }],
    ['und mit 400 Stück?', { quantity: 400, dueInHours: 10 }],
    ['same but due in 6 hours', { quantity: 150, dueInHours: 6 }],
  ])('"%s" after a rush order changes it', async (text, changed) => {
    expect(await follow(text, rush)).toMatchObject({
      kind: 'tool',
      tool: 'what_if',
      args: { scenario: { type: 'rush_order', product: 'CPU-1516', ...changed } },
    });
  });

  const whatIf = {
    previous: { tool: 'what_if', args: { scenario: { type: 'machine_down', asset: 'L2-PNP1', hours: 5 } } },
    previousText: 'what if L2-PNP1 is down for 5 hours',
    earlier: [
      {
        tool: 'what_if',
        args: { scenario: { type: 'machine_down', asset: 'L2-PNP1', hours: 5 } },
        output: { draftId: '0b5c2a10-5b1e-4c8f-9a2d-3e4f5a6b7c8d' },
      },
    ],
  };
  it('"why is 24120 late in that scenario" explains the what-if’s draft', async () => {
    expect(await askWith({ text: 'why is 24120 late in that scenario', ...whatIf })).toMatchObject({
      kind: 'tool',
      tool: 'explain_late_order',
      args: { order: 'PO-24120', draftId: '0b5c2a10-5b1e-4c8f-9a2d-3e4f5a6b7c8d' },
    });
  });

  it.each([
    ['what about the same machine on the other line', 'L2-PNP2'],
    ['und bei der gleichen Maschine auf der anderen Linie?', 'L2-PNP2'],
  ])('"%s" after placer 2 of line 1 is its twin on line 2', async (text, asset) => {
    expect(await after('alarms', { asset: 'L1-PNP2', state: 'active' }, 'any active alarms on pnp2 L1?', text)).toMatchObject({
      kind: 'tool',
      tool: 'alarms',
      args: { asset },
    });
  });

  it('"und die AOI dahinter?" after the oven’s state is the AOI’s state', async () => {
    expect(await after('asset_state', { asset: 'L1-RFL' }, 'wie steht der Lötofen auf Linie 1 da', 'und die AOI dahinter?')).toMatchObject({
      kind: 'tool',
      tool: 'asset_state',
      args: { asset: 'L1-AOI' },
    });
  });
});

describe('reads said in passing', () => {
  it.each([
    ["what's ringing on the L2 packer right now", 'alarms', { asset: 'L2-PCK' }],
    ['was hat der Kompressor heute Nacht alles gemeldet', 'alarms', { asset: 'UT-AIR' }],
    ["what's line 2 building right now and how many to go", 'production_status', { line: 'Line2' }],
    ['L2 had a long stop this morning, rerun the schedule please', 'propose_schedule', {}],
    ['status of everything please, the plant manager wants OEE numbers in 10 min', 'plant_overview', {}],
    ['RUL for the chiller and the compressor', 'maintenance_forecast', { line: 'Utilities' }],
    ['Wartungsprognose für die Versorgung', 'maintenance_forecast', { line: 'Utilities' }],
    ['where are the lockout points on the compressor?', 'search_manuals', {}],
    ['Absperrpunkte am Kältesatz?', 'search_manuals', {}],
  ])('"%s" → %s', async (text, tool, args) => {
    expect(await ask(text)).toMatchObject({ kind: 'tool', tool, args });
  });
});

describe('orders, inspections and work orders in floor words', () => {
  it.each([
    ['ETA vom laufenden Auftrag auf Linie 2?', 'production_status', { line: 'Line2' }],
    ['lass mal die optische Inspektion über den aktuellen Auftrag auf Linie 1 laufen', 'trigger_inspection', { line: 'Line1' }],
    ['AOI Prüfung für PO-24118 starten, 15 Platinen', 'trigger_inspection', { lot: 'PO-24118', boards: 15 }],
    ['please inspect B0101 to B0120 of PO-24118', 'trigger_inspection', { lot: 'PO-24118', firstSerial: 101, boards: 20 }],
    ['scan whatever line 2 is running', 'trigger_inspection', { line: 'Line2' }],
    ['welche Fehlerarten hatte die AOI auf L2 heute?', 'inspection_results', { line: 'Line2' }],
    [
      'IH-Auftrag für den Kompressor: Ölwechsel, morgen 6 bis 8 Uhr',
      'create_work_order',
      { asset: 'UT-AIR', from: '2026-03-05T05:00:00Z', to: '2026-03-05T07:00:00Z' },
    ],
    ['welche IH-Aufträge sind gerade in Arbeit', 'list_work_orders', { status: 'in_progress' }],
    ['Bericht über den gestrigen Tag bitte', 'generate_shift_handover', { from: '2026-03-02T23:00:00.000Z', to: '2026-03-03T23:00:00.000Z' }],
  ])('"%s" → %s', async (text, tool, args) => {
    expect(await ask(text)).toMatchObject({ kind: 'tool', tool, args });
  });

  it('"lass die Tabellen weg" is still about the answers', async () => {
    expect(await ask('lass die Tabellen weg')).toMatchObject({ kind: 'reply' });
  });
});

describe('a change asked for without its value or setpoint is asked back, never read', () => {
  it.each([
    'Ofen L1 bitte etwas heißer',
    'make the L1 oven a little warmer please',
    'Kältemaschine kälter bitte',
    'could you turn up the compressor',
    'Kompressor bitte weniger Druck',
    'L2 printer to 70 please',
    'Ofen L2 auf 240 bitte',
    'reboot the AOI on line 2',
  ])('"%s" asks back and files nothing', async (text) => {
    const plan = await ask(text);
    expect(plan).toMatchObject({ kind: 'reply', reason: 'clarify' });
  });

  it.each(['the L2 oven is hotter than usual', 'is the chiller colder now?'])('"%s" is a report or question, read', async (text) => {
    expect(filesAWrite(await ask(text))).toBe(false);
    expect(await ask(text)).toMatchObject({ kind: 'tool' });
  });
});

describe('writes filed with the wrong command, window, parts or vehicle before', () => {
  it.each([
    ['clear L1 PNP1 after the abort', 'L1-PNP1', 'clear'],
    ['reset the L2 SPI, it stopped on a jam', 'L2-SPI', 'reset'],
  ])('"%s": the verb it opens with is the command', async (text, asset, command) => {
    expect(await ask(text)).toMatchObject({ kind: 'tool', tool: 'machine_command', args: { asset, command } });
  });

  it.each(['kannst du mal nen AOI-Run auf L2 starten', 'start an AOI check on line 2'])('"%s" is an inspection run, not the AOI started', async (text) => {
    expect(await ask(text)).toMatchObject({ kind: 'tool', tool: 'trigger_inspection', args: { line: 'Line2' } });
  });

  it('"WO L2 RFL blower brg replace 2026-03-07 06:00-12:00" books that day, 06:00 to 12:00', async () => {
    expect(await ask('WO L2 RFL blower brg replace 2026-03-07 06:00-12:00')).toMatchObject({
      kind: 'tool',
      tool: 'create_work_order',
      args: { asset: 'L2-RFL', from: '2026-03-07T05:00:00Z', to: '2026-03-07T11:00:00Z' },
    });
  });

  it.each(['go ahead and book that slot, take two SPB-6204 from stores', 'dann bitte einbuchen, mit zwei Lagern SPB-6204'])(
    '"%s" books the parts counted in words',
    async (text) => {
      const plan = await askWith({
        text,
        previous: { tool: 'maintenance_forecast', args: { asset: 'UT-AIR' } },
        previousText: 'forecast for the compressor',
        earlier: [
          {
            tool: 'maintenance_forecast',
            args: { asset: 'UT-AIR' },
            output: {
              assets: [{ assetId: 'UT-AIR', component: 'bearing', recommendedWindow: { from: '2026-03-04T21:00:00.000Z', to: '2026-03-05T01:00:00.000Z' } }],
            },
          },
        ],
      });
      expect(plan).toMatchObject({ kind: 'tool', tool: 'create_work_order', args: { parts: [{ partNumber: 'SPB-6204', quantity: 2 }] } });
    },
  );

  it('"send the tugger run but take tugger two instead" swaps only the vehicle', async () => {
    const stops = [{ stationId: 'L1-PNP1-S', loads: [{ partNumber: 'GRM155R71C104KA88D', quantity: 20000, fromLocationId: 'WH', toLocationId: 'SM-L1' }] }];
    const plan = await askWith({
      text: 'send the tugger run but take tugger two instead, it is charged',
      previous: { tool: 'plan_replenishment', args: {} },
      previousText: 'plan replenishment',
      earlier: [
        {
          tool: 'plan_replenishment',
          args: {},
          output: {
            runs: [
              { runId: 'RUN-1', vehicle: 'TUG-01', vehicleKind: 'tugger', stops, dispatch: { vehicle: 'TUG-01', stops } },
              {
                runId: 'RUN-2',
                vehicle: 'AMR-01',
                vehicleKind: 'amr',
                stops: [{ stationId: 'L2-PNP2-S', loads: [] }],
                dispatch: { vehicle: 'AMR-01', stops: [] },
              },
            ],
          },
        },
      ],
    });
    expect(plan).toMatchObject({ kind: 'tool', tool: 'dispatch_transport', args: { vehicle: 'TUG-02', stops } });
  });
});

describe('requests written like an e-mail', () => {
  it.each([
    ['Hi Plantpilot, please reset the L1 ICT, the operator cleared the jam. Thanks, Jana', 'machine_command', { asset: 'L1-ICT', command: 'reset' }],
    [
      'Dear all,\nplease set zone 5 of the L1 reflow oven to 238.\nKind regards,\nMiriam (Process Engineering)',
      'set_setpoint',
      { asset: 'L1-RFL', tag: 'Zone5.SetpointC', value: 238 },
    ],
    [
      'Hallo Instandhaltung,\nbitte einen Wartungsauftrag für den Kompressor anlegen: Ölwechsel, morgen 6 bis 8 Uhr.\nViele Grüße\nSven',
      'create_work_order',
      { asset: 'UT-AIR' },
    ],
    ['Hallo Logistik, bitte die nächsten Materialfahrten zu Linie 2 einplanen. Danke, Olga', 'plan_replenishment', { line: 'Line2' }],
    [
      'Hi, QE here. Please inspect 12 boards of PO-24118 starting at serial B0041. Thanks',
      'trigger_inspection',
      { lot: 'PO-24118', boards: 12, firstSerial: 41 },
    ],
    [
      'Hallo Leitstand, laut Prozessfreigabe soll die Transportgeschwindigkeit im Ofen Linie 2 ab sofort 17 mm/s betragen. Bitte entsprechend einstellen. Gruß',
      'set_setpoint',
      { asset: 'L2-RFL', tag: 'ConveyorSpeedSetpointMmPerS', value: 17 },
    ],
    ['Hallo Schichtführung, der Packer auf Linie 1 soll bitte in Hold gehen. Danke', 'machine_command', { asset: 'L1-PCK', command: 'hold' }],
  ])('%j', async (text, tool, args) => {
    expect(await ask(text)).toMatchObject({ kind: 'tool', tool, args });
  });

  it('"hey Jens: Zone 3 am Ofen L1 auf 185" is still written to a colleague', async () => {
    expect(filesAWrite(await ask('hey Jens: Zone 3 am Ofen L1 auf 185'))).toBe(false);
  });

  it('"…, the fault is cleared. Please request a reset so we can get going again" files the reset, not a resume', async () => {
    expect(await ask('The light curtain fault at the L1 packer is cleared. Please request a reset of the L1 packer so we can get going again.')).toMatchObject({
      kind: 'tool',
      tool: 'machine_command',
      args: { asset: 'L1-PCK', command: 'reset' },
    });
  });
});

describe('two requests in one message: the first is answered', () => {
  it.each([
    ["what's the chiller supply temp right now, and can you also pull its alarms since 6", 'asset_state', { asset: 'UT-CHL' }],
    ['Welcher Auftrag läuft gerade auf Linie 2 – und warum ist eigentlich PO-24121 so spät dran?', 'production_status', { line: 'Line2' }],
    ['Wie sieht es allgemein in der Fertigung aus, und gibt es heute irgendwo Materialengpässe?', 'plant_overview', {}],
    ['when does the STM32 run out on line 2 and can you plan a run for it', 'material_status', {}],
    ['Welche Maschine fällt als nächstes aus, und habt ihr eine Anleitung für den Lagertausch?', 'maintenance_forecast', {}],
    [
      'print speed on the L1 printer to 55 mm/s and after that tell me how the SPI looks',
      'set_setpoint',
      { asset: 'L1-PRN', tag: 'PrintSpeedSetpointMmPerS', value: 55 },
    ],
  ])('"%s" → %s', async (text, tool, args) => {
    expect(await ask(text)).toMatchObject({ kind: 'tool', tool, args });
  });

  it('a write in the second part is not dropped for the read before it', async () => {
    expect(await ask("what's zone 3 on the L1 oven at, and please set it to 190")).toMatchObject({ kind: 'tool', tool: 'set_setpoint' });
  });

  it('"which orders slip and why" stays one question', async () => {
    expect(await ask('which orders slip and why — start with PO-24118')).toMatchObject({ kind: 'tool', tool: 'explain_late_order' });
  });
});

describe('dialect, spoken numbers and floor German', () => {
  it.each([
    ['Wie isch d’Lagertemperatur vom Gebläse im Ofe zwei die letschte drei Stund gloffe?', 'tag_history', { asset: 'L2-RFL', tag: 'BlowerBearingTempC' }],
    ['zeig ma den Pastenfüllstand vom Drucker auf Linie oans', 'asset_state', { asset: 'L1-PRN' }],
    ['Geh, schalt ma bitte den Packer auf Linie oans wieder ein', 'machine_command', { asset: 'L1-PCK', command: 'start' }],
    ['Chönd ihr dä Bestücker 2 uf Linie zwoa wieder la laufe?', 'machine_command', { asset: 'L2-PNP2', command: 'start' }],
    ['Chasch bitte sechs Platine vom PO-24118 inspiziere?', 'trigger_inspection', { lot: 'PO-24118', boards: 6 }],
    ['Vom Würth kimmt nur de Hälfte vo da Lieferung, was hoaßt des für uns?', 'supply_disruption_impact', { supplier: 'SUP-WURTH', shortfallPct: 50 }],
    ['warum ist der Auftrag zwei vier eins zwei null so spät', 'explain_late_order', { order: 'PO-24120' }],
    ['bitte zehn Platinen vom Auftrag zwei vier eins eins sieben durch die optische Inspektion jagen', 'trigger_inspection', { lot: 'PO-24117', boards: 10 }],
  ])('"%s" → %s', async (text, tool, args) => {
    expect(await ask(text)).toMatchObject({ kind: 'tool', tool, args });
  });

  it('"16 Grad" stays degrees, and the genitive "des" stays', async () => {
    expect(await ask('Vorlauf Kältemaschine auf 16 Grad')).toMatchObject({ kind: 'tool', tool: 'set_setpoint', args: { value: 16 } });
  });

  it('"Mach amoi an Neustart vom Packer L2" asks which of the two commands', async () => {
    expect(await ask('Mach amoi an Neustart vom Packer L2')).toMatchObject({ kind: 'reply', reason: 'clarify' });
  });
});

describe('engineer shorthand', () => {
  it.each([
    ['L1 PNP2 vib 4h', 'tag_history', { asset: 'L1-PNP2', tag: 'SpindleVibrationMmS', from: '2026-03-04T05:00:00.000Z' }],
    ['Z5 SW 240 Ofen1', 'set_setpoint', { asset: 'L1-RFL', tag: 'Zone5.SetpointC', value: 240 }],
    ['L2 BE1 Spindel Vib letzte 2h Verlauf', 'tag_history', { asset: 'L2-PNP1', tag: 'SpindleVibrationMmS' }],
    ['WA UT-CHL Pumpenlager tauschen morgen 6-10 Uhr', 'create_work_order', { asset: 'UT-CHL', from: '2026-03-05T05:00:00Z', to: '2026-03-05T09:00:00Z' }],
    ['AOI PO-24118 15 brds', 'trigger_inspection', { lot: 'PO-24118', boards: 15 }],
    ['Übergabe NS', 'generate_shift_handover', { shift: 'previous' }],
    ['handover N-shift', 'generate_shift_handover', { shift: 'previous' }],
    ['shift report for the actual shift until now', 'generate_shift_handover', { shift: 'current' }],
    ['alarms from the night', 'alarms', { from: '2026-03-03T21:00:00.000Z', to: '2026-03-04T05:00:00.000Z' }],
    [
      'Wartungsauftrag für den Bestücker zwei auf Linie 2, Düsen reinigen, heute von vierzehn bis sechzehn Uhr',
      'create_work_order',
      { asset: 'L2-PNP2', from: '2026-03-04T13:00:00Z', to: '2026-03-04T15:00:00Z' },
    ],
  ])('"%s" → %s', async (text, tool, args) => {
    expect(await ask(text)).toMatchObject({ kind: 'tool', tool, args });
  });
});

describe('fillers, calques and parts rejected at incoming inspection', () => {
  it.each([
    ['which alarms on line 2 are still open and nobody has acknowledged them', 'alarms', { line: 'Line2', state: 'active' }],
    ['welche Alarme auf L1 sind noch nicht quittiert', 'alarms', { line: 'Line1', state: 'active' }],
    [
      'at incoming inspection we found 250 pieces of the STM32H743ZIT6 bad, what does it do to production?',
      'supply_disruption_impact',
      { part: 'STM32H743ZIT6', rejectedQuantity: 250 },
    ],
    [
      'bei der Wareneingangsprüfung sind dreihundert Stück vom STM32H743ZIT6 durchgefallen',
      'supply_disruption_impact',
      { part: 'STM32H743ZIT6', rejectedQuantity: 300 },
    ],
    ['Mouser can only send half of the next delivery, what does that do to us', 'supply_disruption_impact', { supplier: 'SUP-MOUSER', shortfallPct: 50 }],
    ['uh the L2 packer needs to go on hold for a tray change, can you do that', 'machine_command', { asset: 'L2-PCK', command: 'hold' }],
    ['please make the SPI of line 1 again on, the error is gone', 'machine_command', { asset: 'L1-SPI', command: 'start' }],
    ['the L1 oven keeps throwing E-214, what are we supposed to do for that', 'search_manuals', {}],
  ])('"%s" → %s', async (text, tool, args) => {
    expect(await ask(text)).toMatchObject({ kind: 'tool', tool, args });
  });

  it('"I\'d like the compressor setpoint at 6.2 bar" keeps its "like"', async () => {
    expect(await ask("air's a touch high, I'd like the compressor setpoint at 6.2 bar")).toMatchObject({
      kind: 'tool',
      tool: 'set_setpoint',
      args: { value: 6.2 },
    });
  });

  it('"good, give it free to the lines" after a proposal is its release', async () => {
    const plan = await askWith({
      text: 'good, give it free to the lines',
      previous: { tool: 'propose_schedule', args: {} },
      previousText: 'replan everything please',
      earlier: [{ tool: 'propose_schedule', args: {}, output: { draftId: '7d3c2a10-5b1e-4c8f-9a2d-3e4f5a6b7c8d' } }],
    });
    expect(plan).toMatchObject({ kind: 'tool', tool: 'release_schedule', args: { draftId: '7d3c2a10-5b1e-4c8f-9a2d-3e4f5a6b7c8d' } });
  });
});

describe('spans and lines said as words', () => {
  it('"in den zehn Minuten bevor sie stehen geblieben ist" is the ten minutes before line 1 stopped', async () => {
    expect(await ask('was hatte die Linie 1 für Alarme in den zehn Minuten bevor sie stehen geblieben ist')).toMatchObject({
      kind: 'tool',
      tool: 'alarms',
      args: { before: { line: 'Line1', minutes: 10 } },
    });
  });

  it('"und auf der zwoten Linie?" after placer 2 of line 1 reads placer 2 of line 2', async () => {
    expect(await after('asset_state', { asset: 'L1-PNP2' }, 'Werte am Bestücker 2 auf Linie 1?', 'und auf der zwoten Linie?')).toMatchObject({
      kind: 'tool',
      args: { asset: 'L2-PNP2' },
    });
  });
});

describe('a machine named outright beats a typo match', () => {
  it('"Arbeitsauftrag anlegen: Gebläse am Ofen L1 prüfen, morgen 6-10 Uhr" books the oven, not the tester ("prüfen" ≈ "Prüfer")', async () => {
    expect(await ask('Arbeitsauftrag anlegen: Gebläse am Ofen L1 prüfen, morgen 6-10 Uhr')).toMatchObject({
      kind: 'tool',
      tool: 'create_work_order',
      args: { asset: 'L1-RFL', from: '2026-03-05T05:00:00Z', to: '2026-03-05T09:00:00Z' },
    });
  });
});

describe('the held-out probe’s misses, in other words', () => {
  it('"zeig mir die Alarme davon seit Schichtbeginn" after a machine’s state lists its alarms, not a trend of its alarm count', async () => {
    expect(
      await after('asset_state', { asset: 'L2-SPI' }, 'was ist mit der SPI auf Linie 2 los?', 'zeig mir die Alarme davon seit Schichtbeginn'),
    ).toMatchObject({
      kind: 'tool',
      tool: 'alarms',
      args: { asset: 'L2-SPI' },
    });
  });

  it('"der Auftrag mit den Antriebsplatinen" is the drive board order', async () => {
    expect(await ask('der Auftrag mit den Antriebsplatinen, warum ist der so spät?')).toMatchObject({
      kind: 'tool',
      tool: 'explain_late_order',
      args: { order: 'PO-24119' },
    });
  });

  it('"the utilities overview, is the compressor fine too?" is the utilities overview', async () => {
    expect(await ask('utilities overview please, is the compressor fine too?')).toMatchObject({
      kind: 'tool',
      tool: 'plant_overview',
      args: { line: 'utilities' },
    });
  });
});

describe('where an order stands', () => {
  it.each(['Hi, could you tell me where PO-24118 stands? Thanks, Mark', 'wo steht PO-24118?', 'where are we with 24118'])(
    '"%s" is its progress',
    async (text) => {
      expect(await ask(text)).toMatchObject({ kind: 'tool', tool: 'production_status' });
    },
  );
});

describe('two requests, the second taking the first back', () => {
  it.each([
    'set zone 3 on the L1 oven to 190 and then tell me how the SPI looks — no wait, don’t',
    'stop the L2 printer and tell me its alarms, actually no, leave it running',
    'Drucker L2 stoppen und zeig mir die Alarme – nee, doch nicht',
  ])('"%s" files nothing', async (text) => {
    expect(filesAWrite(await ask(text))).toBe(false);
  });
});

describe('"make … on" is a start only as a command', () => {
  it.each(['make sure the L1 oven is on', 'make sure the chiller stays on'])('"%s" files nothing', async (text) => {
    expect(filesAWrite(await ask(text))).toBe(false);
  });
});
