/**
 * Understanding, eighth round: the write boundary (quoted text, conditions, changes told as done,
 * whether-to questions), indirect writes said the floor's way, and follow-ups that change one thing.
 * Examples written for these tests, apart from the NLU evaluation set.
 */
import { describe, expect, it } from 'vitest';
import { PLANT_NOW, ask, askWith, earlier, filesAWrite, follow } from './test-support/twin-understanding';

const filesNoWrite = async (text: string) => !filesAWrite(await ask(text));

describe('text in quotation marks', () => {
  it('never files the write it names', async () => {
    for (const text of [
      "the work instruction literally says 'set L1-RFL Zone4.SetpointC to 250', weird",
      'im Störungsticket steht "Bestücker 1 Linie 2 stoppen und Feeder prüfen" — keine Ahnung wer das schreibt',
      'somebody pasted „Zone 2 am Ofen L2 auf 260“ into the group chat, should I?',
    ])
      expect(await filesNoWrite(text), text).toBe(true);
  });

  it('with a remark about it is noted, not searched or run', async () => {
    const plan = await ask("SOP step 4: 'Drucker anhalten, Rakel wechseln, Drucker fortsetzen'. Haben wir so gemacht");
    expect(plan.kind).toBe('reply');
  });

  it('still lets a question about the quote be answered', async () => {
    expect(await ask("what does 'Stop the printer and clean the stencil' mean for E-440")).toMatchObject({ kind: 'tool', tool: 'search_manuals' });
  });
});

describe('a command word inside a condition or a question whether to', () => {
  it('orders nothing', async () => {
    for (const text of [
      'bevor wir den Kompressor abschalten: wie sieht die Restlebensdauer aus',
      'once we stop the L2 oven, how long will the cooldown take',
      'should we lower the chiller to 12? not sure yet',
      'sollen wir Zone 5 am Ofen Linie 1 auf 240 stellen?',
    ])
      expect(await filesNoWrite(text), text).toBe(true);
  });
});

describe('a change told as done, with nothing asked', () => {
  it('is noted and runs nothing', async () => {
    for (const text of ['just reset the L1 AOI myself, fyi', 'Nachtschicht hat den Packer Linie 2 schon wieder gestartet, läuft'])
      expect(await ask(text), text).toMatchObject({ kind: 'reply' });
  });

  it('still answers a question about who or what did it', async () => {
    expect(await ask('wer hat den Bestücker 2 auf Linie 1 gestoppt')).toMatchObject({ kind: 'tool' });
  });
});

describe('an instruction for another shift', () => {
  it('is a note for someone else', async () => {
    const plan = await ask('tell the night shift to restart the L2 AOI after the recipe update');
    expect(plan.kind).toBe('reply');
  });
});

describe('indirect writes said the way the floor says them', () => {
  it('file the setpoint with the one value the message gives', async () => {
    const cases: [string, Record<string, unknown>][] = [
      ['customer wants less voiding, the foreman says 244 on zone 7 of the L2 oven, make it so', { asset: 'L2-RFL', tag: 'Zone7.SetpointC', value: 244 }],
      ['Kompressor Sollwert 6,8 bar, die Greifer ziehen nicht richtig', { asset: 'UT-AIR', tag: 'PressureSetpointBar', value: 6.8 }],
      ['zone 1 on oven 1 needs to be 165 for the new paste', { asset: 'L1-RFL', tag: 'Zone1.SetpointC', value: 165 }],
      ["I'd like the air header setpoint at 6.4 bar please", { asset: 'UT-AIR', tag: 'PressureSetpointBar', value: 6.4 }],
    ];
    for (const [text, args] of cases) expect(await ask(text), text).toMatchObject({ kind: 'tool', tool: 'set_setpoint', args });
  });

  it('file the command a machine is named with', async () => {
    const cases: [string, Record<string, unknown>][] = [
      ['compressor off for half an hour please, we are changing the dryer cartridge', { asset: 'UT-AIR', command: 'stop' }],
      ['line 2 SPI is sitting idle, get it going', { asset: 'L2-SPI', command: 'start' }],
      ['chiller back on pls, the strainer is clean', { asset: 'UT-CHL', command: 'start' }],
      ['einmal Reset für die AOI Linie 1 bitte', { asset: 'L1-AOI', command: 'reset' }],
      ['hit stop on the L1 packer, cartons are jammed', { asset: 'L1-PCK', command: 'stop' }],
      ['Kaltwassersatz aus für 15 min, wir tauschen den Filter', { asset: 'UT-CHL', command: 'stop' }],
      ['stopp mal den chipshooter auf linie 2, der verliert teile', { asset: 'L2-PNP1', command: 'stop' }],
    ];
    for (const [text, args] of cases) expect(await ask(text), text).toMatchObject({ kind: 'tool', tool: 'machine_command', args });
  });

  it('take "the setpoint" and "Soll auf …" for the machine just read', async () => {
    expect(await follow('lower the setpoint to 13', earlier('asset_state', { asset: 'UT-CHL' }, 'chiller supply temperature now?'))).toMatchObject({
      kind: 'tool',
      tool: 'set_setpoint',
      args: { asset: 'UT-CHL', tag: 'SupplyTempSetpointC', value: 13 },
    });
    expect(
      await follow(
        'passt nicht, Soll auf 172 rauf',
        earlier('tag_history', { asset: 'L1-RFL', tag: 'Zone4.TemperatureC' }, 'Zone 4 Ofen Linie 1 seit sechs Uhr'),
      ),
    ).toMatchObject({ kind: 'tool', tool: 'set_setpoint', args: { asset: 'L1-RFL', tag: 'Zone4.SetpointC', value: 172 } });
  });
});

describe('a follow-up that changes one thing', () => {
  it('keeps the rest of the request', async () => {
    expect(await follow('once more with seed 11', earlier('propose_schedule', {}, 'new schedule please'))).toMatchObject({
      kind: 'tool',
      tool: 'propose_schedule',
      args: { seed: 11 },
    });
    expect(await follow('zu lang, nur die letzten 3', earlier('list_work_orders', {}, 'alle Arbeitsaufträge'))).toMatchObject({
      kind: 'tool',
      tool: 'list_work_orders',
      args: { limit: 3 },
    });
    expect(
      await follow(
        'and if it were 6?',
        earlier('what_if', { scenario: { type: 'machine_down', asset: 'L1-RFL', hours: 2 } }, 'what if oven 1 is down 2 hours'),
      ),
    ).toMatchObject({ kind: 'tool', tool: 'what_if', args: { scenario: { type: 'machine_down', asset: 'L1-RFL', hours: 6 } } });
    expect(await follow('und für 24119?', earlier('material_status', { order: 'PO-24118' }, 'Material für PO-24118'))).toMatchObject({
      kind: 'tool',
      tool: 'material_status',
      args: { order: 'PO-24119' },
    });
    expect(
      await follow('and if it slips a whole day?', earlier('supply_disruption_impact', { supplier: 'SUP-WURTH', delayHours: 4 }, 'Würth is 4 hours late')),
    ).toMatchObject({ kind: 'tool', tool: 'supply_disruption_impact', args: { supplier: 'SUP-WURTH', delayHours: 24 } });
  });

  it('files the same setpoint for another zone only when told "too"', async () => {
    const context = earlier('set_setpoint', { asset: 'L2-RFL', tag: 'Zone2.SetpointC', value: 171 }, 'Zone 2 Ofen L2 auf 171');
    expect(await follow('und Zone 3 auch', context)).toMatchObject({
      kind: 'tool',
      tool: 'set_setpoint',
      args: { asset: 'L2-RFL', tag: 'Zone3.SetpointC', value: 171 },
    });
    const asked = await follow('and zone 3?', context);
    expect(asked.kind === 'tool' && asked.tool === 'set_setpoint').toBe(false);
  });

  it('keeps the machine for its alarms', async () => {
    expect(await follow('gab es da Alarme in der letzten Stunde?', earlier('asset_state', { asset: 'UT-AIR' }, 'wie läuft der Kompressor'))).toMatchObject({
      kind: 'tool',
      tool: 'alarms',
      args: { asset: 'UT-AIR' },
    });
  });
});

describe('the manuals asked about what was just talked about', () => {
  it('are searched with the earlier words and machine, not with "what does the manual say"', async () => {
    const plan = await follow(
      'what does the manual say about that?',
      earlier('tag_history', { asset: 'L2-RFL', tag: 'Zone3.TemperatureC' }, 'zone 3 on the L2 oven keeps drifting since six'),
    );
    expect(plan).toMatchObject({ kind: 'tool', tool: 'search_manuals' });
    const query = plan.kind === 'tool' ? String(plan.args.query) : '';
    expect(query).toMatch(/drifting/);
    expect(query).toMatch(/L2-RFL/);
    expect(query).not.toMatch(/what does the manual say/);
  });
});

describe('a machine talked about two turns back', () => {
  it('is still the one a tag of two machines means, after a turn without a machine', async () => {
    const plan = await askWith({
      text: 'gut, Zone 4 dann auf 236',
      previous: { tool: 'search_manuals', args: { query: 'zone 4 drift', k: 5 } },
      previousText: 'was sagt das Handbuch dazu',
      earlier: [
        { tool: 'tag_history', args: { asset: 'L2-RFL', tag: 'Zone4.TemperatureC' }, output: {} },
        { tool: 'search_manuals', args: { query: 'zone 4 drift', k: 5 }, output: {} },
      ],
    });
    expect(plan).toMatchObject({ kind: 'tool', tool: 'set_setpoint', args: { asset: 'L2-RFL', tag: 'Zone4.SetpointC', value: 236 } });
  });
});

describe('commands and values said around a reading or a condition', () => {
  it('asks about a state instead of commanding it', async () => {
    for (const text of ['can you check whether the L1 packer is still on hold', 'schau mal ob der Drucker L2 noch auf Hold steht'])
      expect(await filesNoWrite(text), text).toBe(true);
  });

  it('files nothing on a condition', async () => {
    for (const text of ['if the air pressure drops again, stop the L2 oven', 'falls der Kühler wieder ausfällt, Ofen Linie 1 stoppen'])
      expect(await filesNoWrite(text), text).toBe(true);
  });

  it('reads the passive and "needs stopping" as the command', async () => {
    expect(await ask('the L2 SPI needs stopping, stencil change')).toMatchObject({
      kind: 'tool',
      tool: 'machine_command',
      args: { asset: 'L2-SPI', command: 'stop' },
    });
    expect(await ask('der Packer Linie 1 soll zurückgesetzt werden')).toMatchObject({
      kind: 'tool',
      tool: 'machine_command',
      args: { asset: 'L1-PCK', command: 'reset' },
    });
  });

  it('takes the value of the request, not of the reading reported before it', async () => {
    expect(await ask('Kältemaschine steht auf 17 Grad, stell sie auf 14')).toMatchObject({
      kind: 'tool',
      tool: 'set_setpoint',
      args: { asset: 'UT-CHL', tag: 'SupplyTempSetpointC', value: 14 },
    });
  });
});

describe('the floor’s shorthand', () => {
  it('reads a handover for the next shift as the shift now running', async () => {
    // 10:00 in the early shift: the lates come next.
    expect(await ask('handover for the lates please')).toMatchObject({ kind: 'tool', tool: 'generate_shift_handover', args: { shift: 'current' } });
  });

  it('reads orders, boards, lines and hours said the short way', async () => {
    expect(await ask('hamma alles für 24118 da?')).toMatchObject({ kind: 'tool', tool: 'material_status', args: { order: 'PO-24118' } });
    expect(await follow('nochmal 10 ab Platte 31', earlier('inspection_results', { lot: 'PO-24118' }, 'Ergebnisse Los PO-24118'))).toMatchObject({
      kind: 'tool',
      tool: 'trigger_inspection',
      args: { lot: 'PO-24118', boards: 10, firstSerial: 31 },
    });
    expect(await follow('und beim drucker auf der zwoten?', earlier('asset_state', { asset: 'L1-PRN' }, 'wie läuft der Drucker auf Linie 1'))).toMatchObject({
      kind: 'tool',
      asset: { id: 'L2-PRN' },
    });
    expect(
      await follow('and for six?', earlier('what_if', { scenario: { type: 'machine_down', asset: 'L1-AOI', hours: 2 } }, 'what if the L1 AOI is down 2 h')),
    ).toMatchObject({ kind: 'tool', tool: 'what_if', args: { scenario: { hours: 6 } } });
    expect(await ask('fahr den Packer auf der eins wieder an, Kartons sind da')).toMatchObject({
      kind: 'tool',
      tool: 'machine_command',
      args: { asset: 'L1-PCK', command: 'start' },
    });
  });

  it('asks inspection about a defect class', async () => {
    expect(await ask('gab es heute Lötbrücken auf Linie 2?')).toMatchObject({ kind: 'tool', tool: 'inspection_results' });
  });

  it('reads a polite "it would be good if" as the request', async () => {
    expect(await ask('wär gut, wenn du den Drucker L1 kurz anhältst, Schablone wird getauscht')).toMatchObject({
      kind: 'tool',
      tool: 'machine_command',
      args: { asset: 'L1-PRN', command: 'hold' },
    });
  });
});

describe('a write questioned or taken back in the same message', () => {
  it('files nothing', async () => {
    for (const text of [
      'der Meister sagt, wir sollen den Packer L2 stoppen – stimmt das?',
      'Drucker L1 anhalten? Echt jetzt?',
      'reset the L2 AOI? no way, it just came back',
      'Chiller Sollwert 13, ist das so richtig?',
      'zone 5 on oven 2 to 236 — no wait, leave it',
      'Zone 2 Ofen L2 auf 172. Nee, lass mal.',
      'resetting the L1 packer did not help',
      'start placer 2 on line 1 after the nozzle change',
      'nach dem Rollenwechsel Bestücker 2 Linie 1 wieder starten',
    ])
      expect(await filesNoWrite(text), text).toBe(true);
  });
});

describe('the wanted state said as a participle, and "at" before a value', () => {
  it('files the command or the value', async () => {
    expect(await ask('I want the L2 SPI stopped')).toMatchObject({ kind: 'tool', tool: 'machine_command', args: { asset: 'L2-SPI', command: 'stop' } });
    expect(await ask('put the compressor at 6.6 please')).toMatchObject({
      kind: 'tool',
      tool: 'set_setpoint',
      args: { asset: 'UT-AIR', tag: 'PressureSetpointBar', value: 6.6 },
    });
  });

  it('still reads a clock time after the value as later', async () => {
    expect(await filesNoWrite('put the compressor at 6.6 at 14:30')).toBe(true);
  });
});

describe('windows, counts and scenarios said the floor’s way', () => {
  it('reads them', async () => {
    expect(await ask('Alarme Prio 2 seit gestern Abend auf Linie 1')).toMatchObject({
      kind: 'tool',
      tool: 'alarms',
      args: { to: PLANT_NOW.toISOString() },
    });
    expect(await ask('check mal 15 Platten von PO-24118 an der AOI')).toMatchObject({ kind: 'tool', tool: 'trigger_inspection', args: { boards: 15 } });
    expect(await ask('plan mal neu mit dem Ausfall vom Drucker L2 für 3 Stunden')).toMatchObject({
      kind: 'tool',
      tool: 'what_if',
      args: { scenario: { type: 'machine_down', asset: 'L2-PRN', hours: 3 } },
    });
  });
});

describe('a lot and a queue named in words', () => {
  it('takes no word for a lot id, and reads the queue as the line’s order progress', async () => {
    const plan = await ask('scan 8 boards of the current lot on line 1');
    expect(plan).toMatchObject({ kind: 'tool', tool: 'trigger_inspection', args: { line: 'Line1', boards: 8 } });
    expect(plan.kind === 'tool' ? plan.args.lot : undefined).toBeUndefined();
    expect(await ask('what is next in the queue on line 1')).toMatchObject({ kind: 'tool', tool: 'production_status', args: { line: 'Line1' } });
  });
});

describe('a state told or asked, in the words of the new indirect forms', () => {
  it('files nothing', async () => {
    for (const text of ['the chiller is off', 'the compressor is back on', 'der Packer L2 kann weiterlaufen?', 'chiller off for 20 min?'])
      expect(await filesNoWrite(text), text).toBe(true);
  });
});

describe('command words naming a thing or a state left behind', () => {
  it('file nothing', async () => {
    for (const text of ['start-up of the L1 oven took ages this morning', 'reset counter on the L1 ICT says 9', 'the lates left the chiller off'])
      expect(await filesNoWrite(text), text).toBe(true);
  });
});

describe('a question that is no polite request, and a stop told as fixed', () => {
  it('files nothing', async () => {
    for (const text of ['Stopp-Grund am Drucker L2?', 'the L1 oven stop earlier?', 'Halt am Packer L1 wegen Kartons, schon behoben'])
      expect(await filesNoWrite(text), text).toBe(true);
  });

  it('still files a command asked for politely as a question', async () => {
    expect(await ask('kannst du den Packer L1 kurz anhalten?')).toMatchObject({ kind: 'tool', tool: 'machine_command', args: { command: 'hold' } });
  });
});

describe('a value reported, judged or asked about', () => {
  it('files nothing', async () => {
    for (const text of [
      'laut Profil soll Zone 6 am Ofen L2 240 haben',
      'zone 6 oven 2 target 240, actual 233',
      'oven 2 zone 6 setpoint 240?',
      'lowering zone 6 on oven 2 to 235 – worth a try?',
      'Chiller auf 15 Grad läuft gut',
      'würde es helfen, den Kompressor auf 7 bar zu stellen?',
    ])
      expect(await filesNoWrite(text), text).toBe(true);
  });
});

describe('a release or a dispatch talked about after a plan', () => {
  const plan = {
    previous: { tool: 'propose_schedule', args: {} },
    previousText: 'propose a schedule',
    earlier: [{ tool: 'propose_schedule', args: {}, output: { draftId: '7d3c2a10-5b1e-4c8f-9a2d-3e4f5a6b7c8d' } }],
  };
  const runs = {
    previous: { tool: 'plan_replenishment', args: { line: 'Line1' } },
    previousText: 'plan the replenishment for line 1',
    earlier: [{ tool: 'plan_replenishment', args: { line: 'Line1' }, output: {} }],
  };

  it('files nothing when the release is a thing or the send waits for something', async () => {
    expect(filesAWrite(await follow('release notes?', plan))).toBe(false);
    expect(filesAWrite(await follow('the previous release messed up line 1', plan))).toBe(false);
    expect(filesAWrite(await follow('send it once the tugger is charged', runs))).toBe(false);
  });

  it('still releases on "looks good, release it"', async () => {
    expect(await follow('looks good, release it', plan)).toMatchObject({ kind: 'tool', tool: 'release_schedule' });
  });
});

describe('a command as the subject of a statement, and a change told in the passive', () => {
  it('files nothing', async () => {
    for (const text of [
      'stopping the L2 packer now would cost us the HMI order',
      'Zurücksetzen vom Packer L1 hat geklappt',
      'chiller set to 14 by the night shift',
      'the reset on the L1 AOI worked',
    ])
      expect(await filesNoWrite(text), text).toBe(true);
  });
});
