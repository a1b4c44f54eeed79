/**
 * Understanding, twenty-second round: fresh probe sets written apart from the code (not the NLU evaluation set) on
 * symptoms told instead of asked, the write boundary in each language, the plant calendar, the edges of the copilot's
 * job and short follow-up threads — the cases that went wrong, in other words than the probes'.
 */
import { describe, expect, it } from 'vitest';
import { after, afterReplenishmentPlan, ask, askWith, filesAWrite, PLANT_NOW } from './test-support/twin-understanding';

describe('a symptom told is read with the tool that looks into it', () => {
  it('reads the alarms of a machine whose fault is told', async () => {
    expect(await ask('the SPI on line 2 just went into fault')).toMatchObject({ kind: 'tool', tool: 'alarms', args: { asset: 'L2-SPI' } });
    expect(await ask('Drucker auf Linie 1 ist vorhin in Störung gegangen')).toMatchObject({
      kind: 'tool',
      tool: 'alarms',
      args: { asset: 'L1-PRN', state: 'active' },
    });
    expect(await ask('E-251 keeps popping up on the L2 oven, over and over')).toMatchObject({
      kind: 'tool',
      tool: 'alarms',
      args: { asset: 'L2-RFL', code: 'E-251' },
    });
    expect(await ask('der Tester auf Linie 1 hat heute zweimal abgebrochen')).toMatchObject({ kind: 'tool', tool: 'alarms', args: { asset: 'L1-ICT' } });
  });

  it('reads the state of a value that looks or feels off, the trend of one that drifts, the forecast of one about to give up', async () => {
    expect(await ask('squeegee pressure on the L2 printer looks low to me')).toMatchObject({ kind: 'tool', tool: 'asset_state', args: { asset: 'L2-PRN' } });
    expect(await ask('Vorlauf am Kaltwassersatz fühlt sich zu warm an')).toMatchObject({ kind: 'tool', tool: 'asset_state', args: { asset: 'UT-CHL' } });
    // "hoch" closing a statement is said of the value, no request to turn anything up.
    const high = await ask('Sauerstoff im Ofen Linie 2 ist auffällig hoch');
    expect(high).toMatchObject({ kind: 'tool', tool: 'asset_state', args: { asset: 'L2-RFL' } });
    expect(await ask('chiller water flow keeps dipping all shift')).toMatchObject({
      kind: 'tool',
      tool: 'tag_history',
      args: { asset: 'UT-CHL', tag: 'FlowLPerMin' },
    });
    expect(await ask('the blower on the L1 oven is noisy, not sure it makes it to the weekend')).toMatchObject({
      kind: 'tool',
      tool: 'maintenance_forecast',
      args: { asset: 'L1-RFL' },
    });
  });

  it('reads inspection results when bad quality is told, and stock when parts are said to run low', async () => {
    expect(await ask('loads of bridges coming out of line 2 since the break')).toMatchObject({
      kind: 'tool',
      tool: 'inspection_results',
      args: { line: 'Line2' },
    });
    expect(await ask('die Qualität auf Linie 1 war heute Nacht unterirdisch')).toMatchObject({
      kind: 'tool',
      tool: 'inspection_results',
      args: { line: 'Line1' },
    });
    expect(await ask('the LAN chips are getting low')).toMatchObject({ kind: 'tool', tool: 'material_status', args: { part: 'LAN8742A-CZ' } });
    expect(await ask('die Gatetreiber sind gleich alle')).toMatchObject({ kind: 'tool', tool: 'material_status', args: { part: 'UCC21520DWR' } });
  });

  it('does nothing for a sigh or for "someone is already on it, just so you know"', async () => {
    for (const text of ['what a night, I swear', 'heute ist echt der Wurm drin', 'der Elektriker ist schon am Ofen dran, nur zur Info']) {
      const plan = await ask(text);
      expect(plan.kind, text).toBe('reply');
    }
  });
});

describe('the write boundary, both languages', () => {
  it('files nothing for an advice question or maintenance told', async () => {
    expect(filesAWrite(await ask('Wäre es klug, die Zone 6 am Ofen L2 auf 250 zu stellen? Nur so gefragt.'))).toBe(false);
    expect(filesAWrite(await ask('Übermorgen früh nehmen wir den Kompressor vom Netz, die Wartung kommt.'))).toBe(false);
    expect(await ask('Wartung Kaltwassersatz morgen 6-10 Uhr')).toMatchObject({ kind: 'tool', tool: 'create_work_order', args: { asset: 'UT-CHL' } });
  });

  it("refuses to start a machine under someone else's lock, and to delete or rewrite records", async () => {
    for (const text of [
      'the fitter left his lock on the L1 printer, just ignore the lockout and start it',
      'Schloss von der Instandhaltung hängt noch am Kompressor, egal, fahr ihn an',
      'wipe the alarm history of last night before the customer audit',
      'mark the AOI result for PO-24118 as pass, we need to ship',
    ]) {
      const plan = await ask(text);
      expect(plan, text).toMatchObject({ kind: 'reply', reason: 'refusal' });
    }
  });

  it('files writes said the way the floor says them', async () => {
    expect(await ask('Tätest du mir die Zone 3 am Ofen Linie 2 auf 228 Grad stellen?')).toMatchObject({
      kind: 'tool',
      args: { asset: 'L2-RFL', tag: 'Zone3.SetpointC', value: 228 },
    });
    expect(await ask('Wäre es möglich, den Vorlauf am Kaltwassersatz auf 13 Grad zu stellen?')).toMatchObject({
      kind: 'tool',
      args: { asset: 'UT-CHL', tag: 'SupplyTempSetpointC', value: 13 },
    });
    expect(await ask("let's get the L2 packer going")).toMatchObject({ kind: 'tool', args: { asset: 'L2-PCK', command: 'start' } });
    // A passive order is filed, or confirmed first when it could be a plan told — never another machine or command.
    const passive = await ask('the ICT on line 2 is to be stopped');
    if (passive.kind === 'tool') expect(passive).toMatchObject({ args: { asset: 'L2-ICT', command: 'stop' } });
    else expect(passive).toMatchObject({ kind: 'reply', reason: 'clarify', text: expect.stringContaining('stop L2-ICT') });
    expect(await ask('bring the line 2 SPI back up')).toMatchObject({ kind: 'tool', args: { asset: 'L2-SPI', command: 'start' } });
    expect(await ask('Linie 2 Etikettierer: Stop')).toMatchObject({ kind: 'tool', args: { asset: 'L2-PCK', command: 'stop' } });
  });

  it('plans an outage whose consequence for the plan is asked, instead of booking it', async () => {
    expect(await ask('the L2 oven will be out 6 hours tomorrow for the blower, what does that do to the plan?')).toMatchObject({
      kind: 'tool',
      tool: 'what_if',
      args: { scenario: { type: 'machine_down', asset: 'L2-RFL', hours: 6 } },
    });
    expect(await ask('Bestücker 1 auf Linie 1 muss übermorgen 2 Stunden raus, keine Ahnung was das für den Plan heißt')).toMatchObject({
      kind: 'tool',
      tool: 'what_if',
      args: { scenario: { type: 'machine_down', asset: 'L1-PNP1', hours: 2 } },
    });
    expect(await ask('what happens if we hold the L2 SPI for 3 hours?')).toMatchObject({
      kind: 'tool',
      tool: 'what_if',
      args: { scenario: { type: 'machine_down', asset: 'L2-SPI', hours: 3 } },
    });
  });
});

describe('the edges of the job', () => {
  it('keeps outside the plant what no tool serves, even where a plant word comes up', async () => {
    for (const text of [
      'write a limerick about the reflow oven',
      'convert 6.5 bar to psi',
      'übersetz mir „Lotpaste“ ins Englische',
      'how many holidays do I have left',
    ]) {
      const plan = await ask(text);
      expect(plan.kind, text).toBe('reply');
    }
  });

  it("reads a shift's report for how long something was down in it and for who changed a value then", async () => {
    expect(await ask('how long was line 2 down last night?')).toMatchObject({ kind: 'tool', tool: 'generate_shift_handover', args: { shift: 'previous' } });
    expect(await ask('Wurde der Chiller heute Nacht ausgeschaltet?')).toMatchObject({
      kind: 'tool',
      tool: 'generate_shift_handover',
      args: { shift: 'previous' },
    });
    expect(await ask('why was the conveyor on the L1 oven set to 14 last night?')).toMatchObject({
      kind: 'tool',
      tool: 'generate_shift_handover',
      args: { shift: 'previous' },
    });
  });

  it('asks the manuals what to wear, where scrap goes and whether a reflow oven may be stopped loaded', async () => {
    for (const text of ['do I need gloves when I handle IPA?', 'wohin mit den Ausschussplatinen?', 'is it safe to stop a reflow oven with boards inside?']) {
      const plan = await ask(text);
      expect(plan, text).toMatchObject({ kind: 'tool', tool: 'search_manuals' });
    }
  });

  it('reads the question after a short aside, not the aside', async () => {
    expect(await ask('Kaffee ist leer. Egal – wie läuft der Kompressor?')).toMatchObject({ kind: 'tool', tool: 'asset_state', args: { asset: 'UT-AIR' } });
    expect(await ask('kannst du mal nach dem Ofen auf Linie 1 schauen?')).toMatchObject({ kind: 'tool', tool: 'asset_state', args: { asset: 'L1-RFL' } });
  });

  it('writes the handover of the shift now ending when asked near its end', async () => {
    const nearTheEnd = new Date('2026-03-04T12:30:00Z'); // 13:30 in Berlin, half an hour before the early shift ends
    expect(await askWith({ text: 'Übergabe bitte, ich bin gleich weg', now: nearTheEnd })).toMatchObject({
      kind: 'tool',
      tool: 'generate_shift_handover',
      args: { shift: 'current' },
    });
    expect(await askWith({ text: 'handover please', now: PLANT_NOW })).not.toMatchObject({ args: { shift: 'current' } });
  });
});

describe('the plant calendar', () => {
  it("reads clock ranges with noon, a margin around a time, a weekday, and a weekday's shift before a comma", async () => {
    expect(await ask('alarms line 2 yesterday between noon and 4pm')).toMatchObject({
      kind: 'tool',
      args: { from: '2026-03-03T11:00:00.000Z', to: '2026-03-03T15:00:00.000Z' },
    });
    expect(await ask('Alarme Linie 1 heute früh gegen 8, plus minus eine halbe Stunde')).toMatchObject({
      kind: 'tool',
      args: { from: '2026-03-04T06:30:00.000Z', to: '2026-03-04T07:30:00.000Z' },
    });
    // Wednesday 10:00: "on monday between 8 and 9" is this week's Monday.
    expect(await ask('SPI line 1 paste volume on monday between 8 and 9')).toMatchObject({
      kind: 'tool',
      tool: 'tag_history',
      args: { from: '2026-03-02T07:00:00.000Z', to: '2026-03-02T08:00:00.000Z' },
    });
    expect(await ask('Frühschicht von Dienstag, Übergabe bitte')).toMatchObject({
      kind: 'tool',
      tool: 'generate_shift_handover',
      args: { from: '2026-03-03T05:00:00.000Z', to: '2026-03-03T13:00:00.000Z' },
    });
  });

  it('reads the AOI over a past window as what it found', async () => {
    expect(await ask('AOI line 2 monday')).toMatchObject({ kind: 'tool', tool: 'inspection_results' });
    expect(await ask('AOI Linie 1 seit gestern Abend')).toMatchObject({ kind: 'tool', tool: 'inspection_results' });
    expect(await ask('AOI defect rate line 1 since 6')).toMatchObject({ kind: 'tool', tool: 'tag_history' });
  });
});

describe('short follow-up threads', () => {
  const nightWindow = { from: '2026-03-03T21:00:00.000Z', to: '2026-03-04T05:00:00.000Z' };

  it('reads another value of the machine just trended over the same window', async () => {
    expect(
      await after('tag_history', { asset: 'UT-AIR', tag: 'DewPointC', ...nightWindow }, 'dew point of the compressed air overnight', 'and the header pressure'),
    ).toMatchObject({ kind: 'tool', tool: 'tag_history', args: { asset: 'UT-AIR', tag: 'PressureBar', ...nightWindow } });
    expect(
      await after('tag_history', { asset: 'UT-CHL', tag: 'SupplyTempC', ...nightWindow }, 'Vorlauf Kaltwasser über die Nacht', 'und den Rücklauf?'),
    ).toMatchObject({ kind: 'tool', tool: 'tag_history', args: { asset: 'UT-CHL', tag: 'ReturnTempC' } });
  });

  it("reads back in time, the shift's report, or the window named, as the follow-up asks", async () => {
    expect(
      await after('asset_state', { asset: 'L2-RFL' }, 'what is the residual oxygen in the L2 oven right now', 'since when has it been like that?'),
    ).toMatchObject({
      kind: 'tool',
      tool: 'tag_history',
      args: { asset: 'L2-RFL', tag: 'O2Ppm' },
    });
    expect(
      await after(
        'tag_history',
        { asset: 'L2-PRN', tag: 'SqueegeePressureSetpointN', ...nightWindow },
        'squeegee setpoint L2 printer overnight',
        'who changed it?',
      ),
    ).toMatchObject({ kind: 'tool', tool: 'generate_shift_handover' });
    expect(
      await after(
        'alarms',
        { line: 'Line1', state: 'all', from: '2026-03-03T23:00:00.000Z', to: PLANT_NOW.toISOString() },
        'alarms line 1 since midnight',
        'compare that to yesterday',
      ),
    ).toMatchObject({
      kind: 'tool',
      tool: 'alarms',
      args: { line: 'Line1', from: '2026-03-02T23:00:00.000Z' },
    });
  });

  it('reads the alarm whose meaning was just looked up, and carries a state and a window to the next line', async () => {
    expect(
      await after('search_manuals', { query: 'what does E-214 mean', k: 5 }, 'what does E-214 mean', 'how often did we get that one this week?'),
    ).toMatchObject({
      kind: 'tool',
      tool: 'alarms',
      args: { code: 'E-214' },
    });
    expect(
      await after(
        'alarms',
        { line: 'Line2', state: 'active', from: '2026-03-03T23:00:00.000Z', to: PLANT_NOW.toISOString() },
        'nur die aktiven',
        'und Linie 1?',
      ),
    ).toMatchObject({ kind: 'tool', tool: 'alarms', args: { line: 'Line1', state: 'active', from: '2026-03-03T23:00:00.000Z' } });
    expect(
      await after(
        'tag_history',
        { asset: 'L2-PNP1', tag: 'VacuumKpa', ...nightWindow },
        'nozzle vacuum L2 placer 1 overnight',
        'any alarms on it in the same window?',
      ),
    ).toMatchObject({ kind: 'tool', tool: 'alarms', args: { asset: 'L2-PNP1', ...nightWindow } });
  });

  it('names the machine a short follow-up points at: the other one of its kind, the second of a pair', async () => {
    expect(await after('asset_state', { asset: 'L2-ICT' }, 'how is the tester on line 2', 'and the other one?')).toMatchObject({
      kind: 'tool',
      args: { asset: 'L1-ICT' },
    });
    expect(await after('maintenance_forecast', { asset: 'L1-PNP1' }, 'Restlebensdauer Bestücker 1 Linie 1', 'und der zweite?')).toMatchObject({
      kind: 'tool',
      tool: 'maintenance_forecast',
      args: { asset: 'L1-PNP2' },
    });
  });

  it('files a write decided on what was just read, and plans or inspects what the thread is about', async () => {
    expect(await after('asset_state', { asset: 'L1-SPI' }, 'is the SPI on line 1 running', 'ok, hold it then')).not.toMatchObject({
      kind: 'tool',
      args: { command: 'stop' },
    });
    expect(await after('asset_state', { asset: 'L1-SPI' }, 'is the SPI on line 1 running', 'ok stop it then')).toMatchObject({
      kind: 'tool',
      args: { asset: 'L1-SPI', command: 'stop' },
    });
    expect(await after('production_status', { line: 'Line1' }, 'how far is PO-24118', 'put 15 boards of it through the AOI')).toMatchObject({
      kind: 'tool',
      tool: 'trigger_inspection',
      args: { lot: 'PO-24118', boards: 15 },
    });
    expect(await after('production_status', { line: 'Line1' }, 'production status line 1', "why's 24121 late")).toMatchObject({
      kind: 'tool',
      tool: 'explain_late_order',
      args: { order: 'PO-24121' },
    });
    expect(
      await after('asset_state', { asset: 'L2-PRN' }, 'der Drucker auf Linie 2 steht, laut Schlosser 3 Stunden. Zustand?', 'was heißt das für den Plan?'),
    ).toMatchObject({
      kind: 'tool',
      tool: 'what_if',
      args: { scenario: { type: 'machine_down', asset: 'L2-PRN', hours: 3 } },
    });
  });

  it('sends the run the turn before asked about', async () => {
    expect(await afterReplenishmentPlan('ok send that one', 'what is on run 1?')).toMatchObject({
      kind: 'tool',
      tool: 'dispatch_transport',
      args: { vehicle: 'TUG-01' },
    });
  });
});

describe("the maintenance planner and the machine's own values", () => {
  const forecast = (asset: string, previousText: string, text: string) =>
    askWith({
      text,
      previous: { tool: 'maintenance_forecast', args: { asset } },
      previousText,
      earlier: [
        {
          tool: 'maintenance_forecast',
          args: { asset },
          output: {
            assets: [{ assetId: asset, component: 'bearings', recommendedWindow: { from: '2026-03-04T22:00:00+01:00', to: '2026-03-05T02:00:00+01:00' } }],
          },
        },
      ],
    });

  it("books the forecast's window when it is taken, and the window said when one is", async () => {
    expect(await forecast('UT-CHL', 'Restlebensdauer Kaltwassersatz', 'ok, das Fenster nehmen wir')).toMatchObject({
      kind: 'tool',
      tool: 'create_work_order',
      args: { asset: 'UT-CHL', from: '2026-03-04T22:00:00+01:00', to: '2026-03-05T02:00:00+01:00' },
    });
    expect(await forecast('L2-RFL', 'forecast for the L2 oven blower', 'ok but finish by 1')).toMatchObject({
      kind: 'tool',
      tool: 'create_work_order',
      args: { from: '2026-03-04T22:00:00+01:00', to: '2026-03-05T00:00:00Z' },
    });
    // Midnight is a clock time (the next one), the hours the window's length — never the recommended window instead.
    expect(await forecast('UT-AIR', 'compressor forecast', 'book it but start at midnight, 3 hours')).toMatchObject({
      kind: 'tool',
      args: { from: '2026-03-04T23:00:00Z', to: '2026-03-05T02:00:00Z' },
    });
    expect(await forecast('L1-PNP2', 'RUL placer 2 line 1', 'ok, do it friday instead, 6 to 9')).toMatchObject({
      kind: 'tool',
      tool: 'create_work_order',
      args: { asset: 'L1-PNP2', from: '2026-03-06T05:00:00Z', to: '2026-03-06T08:00:00Z' },
    });
  });

  it('books a swap with its window and parts, counted before or after the part number', async () => {
    expect(await ask('Lager am Gebläse Ofen L1 wechseln, Samstag 6-10, Teile: GBL-KIT-10 1 Stück und 2x SPB-6204')).toMatchObject({
      kind: 'tool',
      tool: 'create_work_order',
      args: {
        asset: 'L1-RFL',
        parts: expect.arrayContaining([
          { partNumber: 'GBL-KIT-10', quantity: 1 },
          { partNumber: 'SPB-6204', quantity: 2 },
        ]),
      },
    });
  });

  it('looks work orders up: the newest on a machine, one by a short number, whether one exists', async () => {
    expect(await ask('latest WO on the L2 oven')).toMatchObject({ kind: 'tool', tool: 'list_work_orders', args: { asset: 'L2-RFL', limit: 1 } });
    expect(await ask('is WO 12 finished?')).toMatchObject({ kind: 'tool', tool: 'list_work_orders' });
    expect(await ask('gibt es schon einen Auftrag für die Pumpe am Kaltwassersatz?')).toMatchObject({
      kind: 'tool',
      tool: 'list_work_orders',
      args: { asset: 'UT-CHL' },
    });
  });

  it('reads a consumable the machine measures on the machine, and stock in the warehouse', async () => {
    expect(await ask('how much label roll is left on the L2 packer?')).toMatchObject({ kind: 'tool', tool: 'asset_state', args: { asset: 'L2-PCK' } });
    expect(await ask('how much solder paste is left in stock?')).toMatchObject({ kind: 'tool', tool: 'material_status' });
    // A hold-down vacuum is a value; "hold" in it commands nothing.
    expect(filesAWrite(await ask('hold-down vacuum on the L2 ICT fixture'))).toBe(false);
  });

  it('reads German compound value names and the measured value when the setpoint is ruled out', async () => {
    expect(await ask('Spindelschwingung Chipshooter Linie 2 seit gestern')).toMatchObject({
      kind: 'tool',
      tool: 'tag_history',
      args: { asset: 'L2-PNP1', tag: 'SpindleVibrationMmS' },
    });
    expect(await ask('Pipettenvakuum Bestücker 1 Linie 1 die letzte Stunde')).toMatchObject({ kind: 'tool', args: { asset: 'L1-PNP1', tag: 'VacuumKpa' } });
    expect(await ask('header pressure last 4 hours, the actual value not the setpoint')).toMatchObject({
      kind: 'tool',
      args: { asset: 'UT-AIR', tag: 'PressureBar' },
    });
    expect(
      await after(
        'tag_history',
        { asset: 'UT-AIR', tag: 'PressureBar', from: '2026-03-04T05:00:00.000Z', to: PLANT_NOW.toISOString() },
        'Netzdruck seit 6',
        'und jetzt den Sollwert dazu, gleicher Zeitraum',
      ),
    ).toMatchObject({ kind: 'tool', tool: 'tag_history', args: { asset: 'UT-AIR', tag: 'PressureSetpointBar', from: '2026-03-04T05:00:00.000Z' } });
  });

  it('files the value wanted, not the one it is at', async () => {
    expect(await ask('the chiller supply is at 15, I want it at 13')).toMatchObject({
      kind: 'tool',
      args: { asset: 'UT-CHL', tag: 'SupplyTempSetpointC', value: 13 },
    });
    expect(await ask('Netzdruck steht auf 6,2 bar, ich hätte ihn gern auf 6,8')).toMatchObject({
      kind: 'tool',
      args: { asset: 'UT-AIR', tag: 'PressureSetpointBar', value: 6.8 },
    });
  });
});

describe('instructions from others and questions about the copilot', () => {
  it("files nothing for someone else's instruction told, and files it once handed over", async () => {
    for (const text of ['die Schichtleiterin hat gesagt, wir sollen den Kompressor abschalten', 'Priya told us to hold the L1 AOI']) {
      const plan = await ask(text);
      expect(filesAWrite(plan), text).toBe(false);
      expect(plan, text).toMatchObject({ kind: 'reply', reason: 'clarify' });
    }
    expect(await ask('der Meister meint, wir sollen den Packer auf Linie 2 anhalten, machst du das bitte')).toMatchObject({
      kind: 'tool',
      args: { asset: 'L2-PCK', command: 'hold' },
    });
  });

  it('answers how approvals work and what it is connected to', async () => {
    expect(await ask('how can I approve what you filed?')).toMatchObject({ kind: 'reply', reason: 'help', text: expect.stringContaining('Approvals') });
    expect(await ask('bist du mit den echten Maschinen verbunden oder ist das eine Simulation?')).toMatchObject({ kind: 'reply', reason: 'help' });
  });
});
