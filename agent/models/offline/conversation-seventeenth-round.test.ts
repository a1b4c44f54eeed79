/**
 * Understanding, seventeenth round: messages typed in one's own words and fresh probe sets written apart from the
 * code (not the NLU evaluation set) that went wrong.
 */
import { describe, expect, it } from 'vitest';
import { ask, askWith, filesAWrite } from './test-support/twin-understanding';

describe('what happened at one machine over a night or a shift', () => {
  it.each([
    ['was war heute Nacht am Kompressor los?', 'UT-AIR'],
    ['what happened on the compressor last night', 'UT-AIR'],
    ['was war gestern in der Spätschicht am Ofen L2 los', 'L2-RFL'],
  ])('"%s" is that machine’s alarms, not the whole handover', async (text, asset) => {
    expect(await ask(text)).toMatchObject({ kind: 'tool', tool: 'alarms', args: { asset } });
  });

  it('a line’s night is still the handover', async () => {
    expect(await ask('was war heute nacht auf linie 2 los')).toMatchObject({ kind: 'tool', tool: 'generate_shift_handover' });
  });
});

describe('Bavarian without a German word of the standard language', () => {
  it('"wia hoaß is da Ofa grad?" is read as German and asks which oven', async () => {
    expect(await ask('wia hoaß is da Ofa grad?')).toMatchObject({ kind: 'reply', reason: 'clarify', text: expect.stringMatching(/^Welche/) });
  });
});

describe('a run named by its vehicle kind', () => {
  const tug = [{ stationId: 'L1-PNP1-S', loads: [{ partNumber: 'GRM155R71C104KA88D', quantity: 20000, fromLocationId: 'WH', toLocationId: 'SM-L1' }] }];
  const amr = [{ stationId: 'L2-PNP2-S', loads: [{ partNumber: 'STM32H743ZIT6', quantity: 120, fromLocationId: 'WH', toLocationId: 'SM-L2' }] }];
  const afterPlan = (text: string, line?: string) =>
    askWith({
      text,
      previous: { tool: 'plan_replenishment', args: line ? { line } : {} },
      previousText: 'plan replenishment',
      earlier: [
        {
          tool: 'plan_replenishment',
          args: line ? { line } : {},
          output: {
            runs: [
              { runId: 'RUN-1', vehicle: 'TUG-01', vehicleKind: 'tugger', stops: tug, dispatch: { vehicle: 'TUG-01', stops: tug } },
              { runId: 'RUN-2', vehicle: 'AMR-01', vehicleKind: 'amr', stops: amr, dispatch: { vehicle: 'AMR-01', stops: amr } },
            ],
          },
        },
      ],
    });

  it.each(['passt, lass den AMR fahrn', 'lass den AMR fahren', 'ok let the AMR go'])('"%s" sends the AMR’s run, never the tugger’s', async (text) => {
    expect(await afterPlan(text)).toMatchObject({ kind: 'tool', tool: 'dispatch_transport', args: { vehicle: 'AMR-01', stops: amr } });
  });

  it('"lass den AMR noch stehen, schick den Zug" still holds the AMR', async () => {
    expect(await afterPlan('lass den AMR noch stehen, schick den Zug')).toMatchObject({
      kind: 'tool',
      tool: 'dispatch_transport',
      args: { vehicle: 'TUG-01' },
    });
  });

  it('"send the AMR" after a plan asked for line 1 is the AMR’s run, though it goes elsewhere', async () => {
    expect(await afterPlan('send the AMR', 'Line1')).toMatchObject({ kind: 'tool', tool: 'dispatch_transport', args: { vehicle: 'AMR-01' } });
  });

  it('"send it" after a plan for line 1 is still line 1’s run', async () => {
    expect(await afterPlan('send it', 'Line1')).toMatchObject({ kind: 'tool', tool: 'dispatch_transport', args: { vehicle: 'TUG-01' } });
  });
});

describe('"nix" is "nichts"', () => {
  it.each(['interessant. den entwurf lassen wir aber liegen, nix freigeben', 'noch nix freigeben'])('"%s" after a what-if releases nothing', async (text) => {
    const plan = await askWith({
      text,
      previous: { tool: 'what_if', args: { scenario: { type: 'machine_down', asset: 'L2-RFL', hours: 4 } } },
      previousText: 'angenommen der ofen auf L2 fällt morgen vier stunden aus',
      earlier: [{ tool: 'what_if', args: {}, output: { draftId: '7d3c2a10-5b1e-4c8f-9a2d-3e4f5a6b7c8d' } }],
    });
    expect(filesAWrite(plan)).toBe(false);
  });
});

describe('a value or a change for the setpoint just read', () => {
  const afterReading = (previousText: string, asset: string, text: string, tag?: string) =>
    askWith({
      text,
      previous: { tool: tag ? 'tag_history' : 'asset_state', args: tag ? { asset, tag } : { asset } },
      previousText,
      earlier: [{ tool: 'asset_state', args: { asset }, output: {} }],
    });

  it.each([
    ['zone 1 linie 1 ofen?', 'L1-RFL', 'die muss hoch auf 135, mach mal', 'Zone1.SetpointC', 135],
    ['zone 1 linie 1 ofen?', 'L1-RFL', 'auf 135 bitte', 'Zone1.SetpointC', 135],
    ['druckgeschwindigkeit drucker linie 2?', 'L2-PRN', 'runter auf 45 damit', 'PrintSpeedSetpointMmPerS', 45],
  ])('after "%s", "%s" sets the setpoint read', async (previousText, asset, text, tag, value) => {
    expect(await afterReading(previousText, asset, text)).toMatchObject({ kind: 'tool', tool: 'set_setpoint', args: { asset, tag, value } });
  });

  it('"too warm for the ovens. take the setpoint down to 14" after the chiller’s trend is the chiller’s setpoint', async () => {
    expect(
      await afterReading('trend the chiller supply temp since 6', 'UT-CHL', 'too warm for the ovens. take the setpoint down to 14', 'SupplyTempC'),
    ).toMatchObject({
      kind: 'tool',
      tool: 'set_setpoint',
      args: { asset: 'UT-CHL', tag: 'SupplyTempSetpointC', value: 14 },
    });
  });

  it.each([
    ['show me zone 5 on the L1 oven', 'bring that down a bit pls'],
    ['zone 2 temp on the L2 oven', 'drop it a bit'],
    ['Verlauf Zone 4 Ofen Linie 1 letzte Stunde', 'bissl runter damit'],
  ])('after "%s", "%s" asks for the value and files nothing', async (previousText, text) => {
    const plan = await afterReading(previousText, previousText.includes('L2') ? 'L2-RFL' : 'L1-RFL', text);
    expect(plan).toMatchObject({ kind: 'reply', reason: 'clarify' });
  });

  it('"and zone 6 to 220 as well" after a zone was set is one more change, filed', async () => {
    const plan = await askWith({
      text: 'and zone 6 to 220 as well',
      previous: { tool: 'set_setpoint', args: { asset: 'L1-RFL', tag: 'Zone5.SetpointC', value: 190 } },
      previousText: 'set zone 5 on oven line 1 to 190',
    });
    expect(plan).toMatchObject({ kind: 'tool', tool: 'set_setpoint', args: { asset: 'L1-RFL', tag: 'Zone6.SetpointC', value: 220 } });
  });

  it('"zone 6 läuft auch auf 220" after a zone was set is a value told, asked back', async () => {
    const plan = await askWith({
      text: 'zone 6 läuft auch auf 220',
      previous: { tool: 'set_setpoint', args: { asset: 'L1-RFL', tag: 'Zone5.SetpointC', value: 190 } },
      previousText: 'setz zone 5 am ofen linie 1 auf 190',
    });
    expect(filesAWrite(plan)).toBe(false);
  });
});

describe('commands said the floor’s way', () => {
  it.each([
    ['shut the L2 packer down, we’re out of trays anyway', 'L2-PCK', 'stop'],
    ['we have a board stuck in the line 1 oven conveyer, stop it', 'L1-RFL', 'stop'],
    ['the packer on line 1 has been in hold since the tray refill, let it carry on', 'L1-PCK', 'unhold'],
    ['AOI Linie 2 ist seit der Reinigung pausiert, lass den weiterlaufen', 'L2-AOI', 'unhold'],
  ])('"%s"', async (text, asset, command) => {
    expect(await ask(text)).toMatchObject({ kind: 'tool', tool: 'machine_command', args: { asset, command } });
  });

  it.each([
    ['was ist mit dem ofen auf linie 1 los', 'L1-RFL', 'ok, dann resetten', 'reset'],
    ['Vibration Pumpe Kaltwassersatz letzte Stunde', 'UT-CHL', 'ok dann fahr den kaltwassersatz runter, die IH will an die pumpe', 'stop'],
    ['Alarme SPI Linie 1', 'L1-SPI', 'ok, fehler ist weg – zuruecksetzen bitte', 'reset'],
  ])('after "%s", "%s"', async (previousText, asset, text, command) => {
    const plan = await askWith({
      text,
      previous: { tool: 'alarms', args: { asset } },
      previousText,
      earlier: [{ tool: 'alarms', args: { asset }, output: {} }],
    });
    expect(plan).toMatchObject({ kind: 'tool', tool: 'machine_command', args: { asset, command } });
  });

  it('"the night shift stopped the L2 chip shooter at 3 …, it’s running again now." files nothing', async () => {
    expect(filesAWrite(await ask("the night shift stopped the L2 chip shooter at 3 because of a feeder jam, it's running again now."))).toBe(false);
  });
});
