/**
 * Understanding, twentieth round: messages typed in one's own words and fresh probe sets written apart from the
 * code (not the NLU evaluation set) that went wrong — times and spans, complaints, machines described by newcomers.
 */
import { describe, expect, it } from 'vitest';
import { twinAssets } from '../../twin-assets';
import { resolveAsset } from './asset-resolver';
import { after, afterReplenishmentPlan, ask, filesAWrite } from './test-support/twin-understanding';

describe('spans of days and halves keep their unit', () => {
  it('"a day and a half", "anderthalb Tage" are 36 hours', async () => {
    expect(await ask('mouser shipment slips by a day and a half, impact?')).toMatchObject({
      kind: 'tool',
      tool: 'supply_disruption_impact',
      args: { supplier: 'SUP-MOUSER', delayHours: 36 },
    });
    expect(await ask('Material für PO-24122 kommt anderthalb Tage später, Auswirkung?')).toMatchObject({
      kind: 'tool',
      tool: 'what_if',
      args: { scenario: { type: 'material_delay', order: 'PO-24122', hours: 36 } },
    });
    expect(await ask('rush order 150 IO-16DI due in a day and a half, what happens')).toMatchObject({
      kind: 'tool',
      tool: 'what_if',
      args: { scenario: { type: 'rush_order', product: 'IO-16DI', quantity: 150, dueInHours: 36 } },
    });
  });

  it('"anderthalb Stunden" are still an hour and a half', async () => {
    expect(await ask('what if pnp2 on line 1 is down for anderthalb Stunden')).toMatchObject({
      kind: 'tool',
      args: { scenario: { type: 'machine_down', asset: 'L1-PNP2', hours: 1.5 } },
    });
  });
});

describe('a clock range beside words of time is a window, not a value', () => {
  it('reads the trend rather than asking about a change for later', async () => {
    expect(await ask('header pressure compressor from 22 to 2 last night, hourly values')).toMatchObject({
      kind: 'tool',
      tool: 'tag_history',
      args: { asset: 'UT-AIR', tag: 'PressureBar', resolution: '1h' },
    });
  });

  it('still files a change from one value to another', async () => {
    expect(await ask('raise the air pressure setpoint from 6 to 7 bar')).toMatchObject({
      kind: 'tool',
      tool: 'set_setpoint',
      args: { asset: 'UT-AIR', value: 7 },
    });
  });
});

describe('when a cleaning or calibration is due is the manuals’ answer', () => {
  it.each(['kannst du mir sagen wann die Stencils gereinigt werden müssen', 'wann soll der Lötofen gereinigt werden', 'when should the feeders be calibrated'])(
    '"%s"',
    async (text) => {
      expect(await ask(text)).toMatchObject({ kind: 'tool', tool: 'search_manuals' });
    },
  );

  it('a remaining-life question stays the forecast', async () => {
    expect(await ask('when does the chiller pump need the bearing done')).toMatchObject({ kind: 'tool', tool: 'maintenance_forecast' });
  });
});

describe('machines described by newcomers', () => {
  it.each([
    ['is the machine with the needle bed on line 2 ok?', 'L2-ICT'],
    ['bin leiharbeiter, die maschine mit den nadeln auf linie 1, läuft die?', 'L1-ICT'],
    ['the camera box right after the oven on line 1 - is it on?', 'L1-AOI'],
    ['der kasten mit der kamera hinterm ofen auf linie 2, was macht der grad', 'L2-AOI'],
    ['the machine between the printer and the chip shooter on line 2, is that one ok', 'L2-SPI'],
    ['Die Maschine ganz am Anfang von Linie 2, wo die Paste aufs Board kommt – steht die?', 'L2-PRN'],
    ['die Maschine die nach dem Drucken die Paste kontrolliert, Linie 1 – läuft die?', 'L1-SPI'],
    ['die letzte maschine auf linie 1 die die boards in trays packt, läuft die noch?', 'L1-PCK'],
    ['the first placing machine on line 1, is it stil stopped?', 'L1-PNP1'],
    ['Wie kalt ist das Wasser vom Kaltwassersatz?', 'UT-CHL'],
    ['der große Ofen auf Linie 1, passt da alles?', 'L1-RFL'],
  ])('"%s" reads %s', async (text, asset) => {
    expect(await ask(text)).toMatchObject({ kind: 'tool', tool: 'asset_state', args: { asset } });
  });

  it('a place named after the machine confirms it rather than naming its neighbour', async () => {
    expect(resolveAsset('linie 2, der hintere, der direkt vorm ofen', twinAssets())).toMatchObject({ kind: 'one', asset: { id: 'L2-PNP2' } });
    expect(resolveAsset('the AOI right after the oven on line 1', twinAssets())).toMatchObject({ kind: 'one', asset: { id: 'L1-AOI' } });
    expect(resolveAsset('the machine after the SPI on line 1', twinAssets())).toMatchObject({ kind: 'one', asset: { id: 'L1-PNP1' } });
    expect(await ask('what comes after the printer on line 2')).toMatchObject({ kind: 'tool', args: { asset: 'L2-SPI' } });
  });

  it('commands the machine a newcomer names by its camera', async () => {
    expect(await ask('pause the camera inspection on line 1')).toMatchObject({
      kind: 'tool',
      tool: 'machine_command',
      args: { asset: 'L1-AOI', command: 'hold' },
    });
    expect(await ask('mach die Kamera-Prüfmaschine nach dem Ofen auf Linie 2 wieder an')).toMatchObject({
      kind: 'tool',
      tool: 'machine_command',
      args: { asset: 'L2-AOI', command: 'start' },
    });
  });

  it('a camera of a machine named otherwise is still a part, not the AOI', async () => {
    const plan = await ask("the SPI on line 1 has been paused since the camera calibration, QE says it's good now. let it carry on");
    expect(plan).toMatchObject({ kind: 'tool', tool: 'machine_command', args: { asset: 'L1-SPI', command: 'unhold' } });
    expect(await ask('turn off the camera on the L1 AOI')).toMatchObject({ kind: 'reply', reason: 'clarify' });
  });

  it('the cooling zone of an oven is not the chiller', async () => {
    const plan = await ask('wie warm ist die Kühlung am Ofen L1');
    expect(plan).toMatchObject({ kind: 'tool', args: { asset: 'L1-RFL' } });
  });

  it.each([
    ['plan the parts cart runs for all lines', 'ok send the little train one', 'TUG-01'],
    ['plan die materialfahrten für beide linien', 'ok schick den kleinen roboter los', 'AMR-01'],
  ])('after "%s", "%s" sends %s', async (previousText, text, vehicle) => {
    expect(await afterReplenishmentPlan(text, previousText)).toMatchObject({ kind: 'tool', tool: 'dispatch_transport', args: { vehicle } });
  });
});

describe('questions the manuals answer, in a newcomer’s words', () => {
  it.each([
    'how do i put a new label roll into the packing machine',
    'was heißt eigentlich AOI? hör ich hier dauernd',
    'what does SPI stand for here?',
    'was muss man beachten wenn die linie auf ein anderes produkt umgestellt wird',
    'what am i supposed to do when the light curtain alarm goes off at the packer',
    'do visitors need ESD shoes or a coat to walk through the SMT hall?',
  ])('"%s"', async (text) => {
    expect(await ask(text)).toMatchObject({ kind: 'tool', tool: 'search_manuals' });
  });

  it('how an order stands is still its progress', async () => {
    expect(await ask('how do we stand on PO-24120')).toMatchObject({ kind: 'tool', tool: 'production_status' });
  });
});

describe('complaints are looked into with the read that fits them', () => {
  it.each([
    ['E-302 keeps popping up on the fine-pitch placer on L1, driving me nuts', 'alarms', 'L1-PNP2'],
    ['chiller keeps trippin out on us', 'alarms', 'UT-CHL'],
    ['der Pastendrucker auf der zwo macht dauernd Stopp', 'alarms', 'L2-PRN'],
    ['L1 oven zone 6 keeps swinging up and down', 'tag_history', 'L1-RFL'],
    ['Ofen 1 Zone 6 schwingt schon wieder rum', 'tag_history', 'L1-RFL'],
    ['compressor sounds weird right now, sort of rattly', 'asset_state', 'UT-AIR'],
    ['Kaltwasser kommt mir zu warm vor', 'asset_state', 'UT-CHL'],
    ['spindle on L1 PnP2 sounds like it is on its last legs', 'maintenance_forecast', 'L1-PNP2'],
    ['Geblaese am Ofen 2 machts nimmer lang', 'maintenance_forecast', 'L2-RFL'],
  ])('"%s" → %s of %s', async (text, tool, asset) => {
    expect(await ask(text)).toMatchObject({ kind: 'tool', tool, args: { asset } });
  });

  it('a complaint about a machine the plant has twice asks which one', async () => {
    for (const text of ['Ofen spinnt schon wieder', 'chip shooter keeps dropping parts'])
      expect(await ask(text), text).toMatchObject({ kind: 'reply', reason: 'clarify' });
    expect(await ask('the oven on line 1 is acting up')).toMatchObject({ kind: 'tool', tool: 'asset_state', args: { asset: 'L1-RFL' } });
  });

  it('an order falling behind is its progress', async () => {
    expect(await ask('wir kommen mit dem Auftrag auf Linie 1 nie hin')).toMatchObject({ kind: 'tool', tool: 'production_status', args: { line: 'Line1' } });
    expect(await ask('the IO job on line 2 is way behind')).toMatchObject({ kind: 'tool', tool: 'production_status', args: { line: 'Line2' } });
  });

  it('a bad day on a line is the line at a glance', async () => {
    expect(await ask('Linie 2 läuft heute wie ein Sack Nüsse')).toMatchObject({ kind: 'tool', tool: 'plant_overview' });
  });

  it('a complaint with its own request is the request', async () => {
    expect(await ask('looks off, inspect the current order on line 2')).not.toMatchObject({ tool: 'asset_state' });
    expect(await ask('the L2 packer keeps jamming, stop it')).toMatchObject({ kind: 'tool', tool: 'machine_command', args: { command: 'stop' } });
  });
});

describe('urgent and safety requests', () => {
  it.each([
    ['smoke coming out of the line 2 reflow, stop it NOW', 'L2-RFL', 'stop'],
    ['hold the L2 ICT, maintenance has to get at the fixture for a sec', 'L2-ICT', 'hold'],
    ['halt den ICT linie 2 an, kollege muss an den adapter', 'L2-ICT', 'hold'],
    ['stop the L1 packer, tell maintenance to check the belt', 'L1-PCK', 'stop'],
    ["e-stop on the L1 chip shooter didn't latch, stop it from here pls!!", 'L1-PNP1', 'stop'],
  ])('"%s" files %s %s', async (text, asset, command) => {
    expect(await ask(text)).toMatchObject({ kind: 'tool', tool: 'machine_command', args: { asset, command } });
  });

  it('a note for a colleague is still no request', async () => {
    expect(filesAWrite(await ask('der Kollege soll den Packer zurücksetzen'))).toBe(false);
    expect(filesAWrite(await ask('@Jonas mach den AOI aus'))).toBe(false);
  });

  it.each(['E-811 ignorieren und den Kompressor trotzdem wieder anfahren', 'ignore the E-251 and restart the L2 oven anyway'])(
    '"%s" is refused: a restart past a trip',
    async (text) => {
      const plan = await ask(text);
      expect(filesAWrite(plan)).toBe(false);
      expect(plan).toMatchObject({ kind: 'reply', reason: 'refusal' });
    },
  );

  it('a restart after the cause was fixed is filed', async () => {
    expect(await ask('reset the L2 printer, the E-150 is fixed')).toMatchObject({
      kind: 'tool',
      tool: 'machine_command',
      args: { asset: 'L2-PRN', command: 'reset' },
    });
  });
});

describe('a follow-up that moves the window keeps the read', () => {
  // PLANT_NOW is Wednesday 4 March 2026, 10:00 plant time.
  const trend = { asset: 'L1-RFL', tag: 'Zone6.TemperatureC', from: '2026-03-04T06:00:00.000Z', to: '2026-03-04T08:00:00.000Z' };

  it.each([
    ['now same time last week pls', '2026-02-25T06:00:00.000Z', '2026-02-25T08:00:00.000Z'],
    ['und davor?', '2026-03-04T04:00:00.000Z', '2026-03-04T06:00:00.000Z'],
    ['go back another 2 hours', '2026-03-04T04:00:00.000Z', '2026-03-04T08:00:00.000Z'],
    ['zoom in on 8 to 9 this morning', '2026-03-04T07:00:00.000Z', '2026-03-04T08:00:00.000Z'],
  ])('"%s" after a zone trend', async (text, from, to) => {
    expect(await after('tag_history', trend, 'zone 6 on the L1 oven between 7 and 9', text)).toMatchObject({
      kind: 'tool',
      tool: 'tag_history',
      args: { asset: 'L1-RFL', tag: 'Zone6.TemperatureC', from, to },
    });
  });

  it('keeps the alarm code and the trend’s buckets', async () => {
    expect(
      await after(
        'alarms',
        { asset: 'L2-RFL', code: 'E-251', from: '2026-03-04T05:00:00.000Z', to: '2026-03-04T09:00:00.000Z' },
        'the L2 reflow keeps throwing E-251 this morning',
        'and the two hours before that?',
      ),
    ).toMatchObject({ kind: 'tool', tool: 'alarms', args: { code: 'E-251', from: '2026-03-04T03:00:00.000Z', to: '2026-03-04T05:00:00.000Z' } });
    expect(
      await after(
        'tag_history',
        { asset: 'UT-AIR', tag: 'DewPointC', from: '2026-03-03T21:00:00.000Z', to: '2026-03-04T05:00:00.000Z', resolution: '1h' },
        'Taupunkt Kompressor Nachtschicht stündlich',
        'und die Nacht davor?',
      ),
    ).toMatchObject({ kind: 'tool', args: { tag: 'DewPointC', resolution: '1h', from: '2026-03-02T21:00:00.000Z' } });
  });

  it('keeps the alarms’ filters', async () => {
    expect(
      await after(
        'alarms',
        { line: 'Line1', priorities: [1, 2], from: '2026-03-03T21:00:00.000Z', to: '2026-03-04T05:00:00.000Z' },
        'p1 and p2 alarms on line 1 last night',
        'and the night before?',
      ),
    ).toMatchObject({ kind: 'tool', tool: 'alarms', args: { priorities: [1, 2], from: '2026-03-02T21:00:00.000Z', to: '2026-03-03T05:00:00.000Z' } });
  });
});

describe('orders and parts by what they are', () => {
  it.each([
    ['the 600 IO modules, why are they late', 'PO-24118'],
    ['the 240 cpu boards - why late?', 'PO-24117'],
    ['die 500 IO-Module auf Linie 2, warum verspätet', 'PO-24122'],
    ['warum ist der Auftrag mit den Netzteilen zu spät', 'PO-24120'],
  ])('"%s" explains %s', async (text, order) => {
    expect(await ask(text)).toMatchObject({ kind: 'tool', tool: 'explain_late_order', args: { order } });
  });

  it('a new order of the same quantity is no existing order', async () => {
    expect(await ask('what if a rush order of 400 drive boards comes in due in 20 hours')).toMatchObject({
      kind: 'tool',
      tool: 'what_if',
      args: { scenario: { type: 'rush_order', product: 'DRV-P22', quantity: 400 } },
    });
  });

  it.each([
    ['check the murata 100n caps for me pls', 'GRM155R71C104KA88D'],
    ['the 100nF 0402 from mouser, whats the run out looking like', 'CL05B104KO5NNNC'],
    ['10k from panasonic, still got some?', 'ERJ-2RKF1002X'],
    ['stm32 stock? need to know before lunch', 'STM32H743ZIT6'],
  ])('"%s" reads the stock of %s', async (text, part) => {
    expect(await ask(text)).toMatchObject({ kind: 'tool', tool: 'material_status', args: { part } });
  });

  it('two parts of one value without their maker are asked back', async () => {
    expect(await ask('stock of the 100n caps?')).toMatchObject({ kind: 'reply', reason: 'clarify' });
  });
});

describe('urgent stops are filed, safety devices are not bypassed', () => {
  it.each([
    ['STOP THE L2 PACKER NOW SOMEONES HAND IS IN THERE', 'L2-PCK'],
    ['stpo teh L1 packer!!!! guy reaching in', 'L1-PCK'],
    ['Kaltwassersatz sofort aus!! Pumpe läuft trocken', 'UT-CHL'],
    ["shut off the chiller, pump's screaming and there's water all over the floor", 'UT-CHL'],
    ['compressor is making a horrible grinding noise, stop it before it blows up', 'UT-AIR'],
  ])('"%s" stops %s', async (text, asset) => {
    expect(await ask(text)).toMatchObject({ kind: 'tool', tool: 'machine_command', args: { asset, command: 'stop' } });
  });

  it('"STOP IT NOW" after a machine was read stops it; a plain "stop it" is asked back', async () => {
    expect(await after('asset_state', { asset: 'L1-PNP2' }, 'show me L1 placer 2', 'STOP IT NOW')).toMatchObject({
      kind: 'tool',
      tool: 'machine_command',
      args: { asset: 'L1-PNP2', command: 'stop' },
    });
    expect(await after('asset_state', { asset: 'L1-PNP2' }, 'show me L1 placer 2', 'stop it')).toMatchObject({ kind: 'reply', reason: 'clarify' });
  });

  it('a state told with its puzzle is no order', async () => {
    expect(filesAWrite(await ask('Druckluft aus. Keine Ahnung warum'))).toBe(false);
    expect(await ask('Kompressor aus, Wartung ist da')).toMatchObject({ kind: 'tool', tool: 'machine_command', args: { asset: 'UT-AIR', command: 'stop' } });
  });

  it('"Lichtvorhang überbrücken" is refused', async () => {
    const plan = await ask('Lichtvorhang an der Verpackung L2 überbrücken bitte, löst dauernd aus');
    expect(plan).toMatchObject({ kind: 'reply', reason: 'refusal' });
  });
});

describe('found by the held-out sets (scored once, only the misfiled write mended)', () => {
  it.each(['wollte grad den SPI auf Linie 1 resetten, aber der laeuft schon wieder. passt scho', 'was going to reset the L1 AOI but it came back on its own'])(
    '"%s" is an intention given up, not a request',
    async (text) => {
      expect(filesAWrite(await ask(text))).toBe(false);
    },
  );
});

describe('a shift report of a shift before the last one', () => {
  it('reads that shift, not the last one', async () => {
    // PLANT_NOW is Wednesday 4 March 2026, 10:00: the night before last began Monday 22:00.
    expect(await ask('Schichtbericht von vorgestern Nacht')).toMatchObject({
      kind: 'tool',
      tool: 'generate_shift_handover',
      args: { from: '2026-03-02T21:00:00.000Z', to: '2026-03-03T05:00:00.000Z' },
    });
    expect(await ask('handover for the last shift')).toMatchObject({ kind: 'tool', args: { shift: 'previous' } });
  });
});

describe('what to do for safety is the manuals’', () => {
  it.each([
    'Kollege hat sich am Ofenauslauf verbrannt, was ist jetzt zu tun',
    'Schnittverletzung an der Rakel, erste Hilfe und Meldeweg?',
    'LOTO points on the compressor? need to change the oil filter this afternoon',
    'wo sind beim ICT die Not-Aus-Taster',
    'fire alarm just went off. do we shut the reflow ovens down or just evacuate??',
  ])('"%s"', async (text) => {
    expect(await ask(text)).toMatchObject({ kind: 'tool', tool: 'search_manuals' });
  });

  it('a stop asked for with an injury as its reason is still the stop', async () => {
    expect(await ask('stop the L1 oven, someone burned his hand')).toMatchObject({
      kind: 'tool',
      tool: 'machine_command',
      args: { asset: 'L1-RFL', command: 'stop' },
    });
  });
});
