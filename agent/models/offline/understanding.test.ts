/**
 * The offline model's understanding in plant people's own words: German, abbreviations, indirect
 * requests, chatter, follow-ups and a plant that is not the twin. Examples written for these tests,
 * apart from the NLU evaluation set.
 */
import { describe, expect, it } from 'vitest';
import type { AssetRef } from '../../assets';
import { twinAssets } from '../../twin-assets';
import { INTENTS, type EarlierResult, type PreviousCall } from './intents';
import { understand } from './understand';

const assets = twinAssets();
const all = new Set(Object.values(INTENTS).map((intent) => intent.tool));
// Wednesday 4 March 2026, 13:00 in Berlin (UTC+1): early shift 06:00–14:00.
const now = new Date('2026-03-04T12:00:00Z');
const ask = (text: string, extra: { previous?: PreviousCall; earlier?: EarlierResult[]; assets?: AssetRef[] } = {}) =>
  understand({ text, assets: extra.assets ?? assets, availableTools: all, now, timeZone: 'Europe/Berlin', previous: extra.previous, earlier: extra.earlier });

describe('understanding requests as people type them', () => {
  it.each([
    ['Was macht der Ofen auf Linie 2?', 'asset_state', { asset: 'L2-RFL' }],
    ['zustand pnp1 L2', 'asset_state', { asset: 'L2-PNP1' }],
    ['oven 1?', 'asset_state', { asset: 'L1-RFL' }],
    ['läuft der Kompressor noch', 'asset_state', { asset: 'UT-AIR' }],
    ['wie hoch ist der Netzdruck', 'asset_state', { asset: 'UT-AIR' }],
    ['welche Alarme sind gerade aktiv auf Linie 1', 'alarms', { line: 'Line1', state: 'active' }],
    ['crit alarms on the SPI line 2, prio 1-2', 'alarms', { asset: 'L2-SPI', priorities: [1, 2] }],
    ['Restlebensdauer Kältemaschine', 'maintenance_forecast', { asset: 'UT-CHL' }],
    ['how long until the L2 blower bearing gives up', 'maintenance_forecast', { asset: 'L2-RFL' }],
    ['Schichtübergabe bis jetzt', 'generate_shift_handover', { shift: 'current' }],
    ['warum ist PO-24120 spät dran', 'explain_late_order', { order: 'PO-24120' }],
    ['was bedeutet E-214 am Ofen', 'search_manuals', {}],
    ['how long may an opened MSL 3 reel sit on the line', 'search_manuals', {}],
    ['was wäre wenn Bestücker 2 auf Linie 1 sechs Stunden ausfällt', 'what_if', { scenario: { type: 'machine_down', asset: 'L1-PNP2' } }],
  ])('%s → %s', async (text, tool, args) => {
    expect(await ask(text)).toMatchObject({ kind: 'tool', tool, args });
  });

  it('reads times in plant time, in English and German', async () => {
    // 06:00–08:00 Berlin is 05:00–07:00 UTC in March.
    expect(await ask('alarms on the AOI line 1 between 6 and 8 this morning')).toMatchObject({
      tool: 'alarms',
      args: { asset: 'L1-AOI', state: 'all', from: '2026-03-04T05:00:00.000Z', to: '2026-03-04T07:00:00.000Z' },
    });
    expect(await ask('Alarme Linie 2 seit Schichtbeginn')).toMatchObject({ args: { line: 'Line2', from: '2026-03-04T05:00:00.000Z' } });
    expect(await ask('zone 4 temp of oven 2 since midnight')).toMatchObject({
      tool: 'tag_history',
      args: { asset: 'L2-RFL', tag: 'Zone4.TemperatureC', from: '2026-03-03T23:00:00.000Z' },
    });
    expect(await ask('what tripped in the 15 minutes before line 2 stopped')).toMatchObject({
      tool: 'alarms',
      args: { before: { line: 'Line2', minutes: 15 } },
    });
  });

  it('files indirect change requests with their exact target and value', async () => {
    expect(await ask('zone 6 on oven 2 is a bit low, bring it to 238')).toMatchObject({
      tool: 'set_setpoint',
      args: { asset: 'L2-RFL', tag: 'Zone6.SetpointC', value: 238 },
    });
    expect(await ask('Vorlauftemperatur Kältemaschine auf 11,5 stellen')).toMatchObject({
      tool: 'set_setpoint',
      args: { asset: 'UT-CHL', tag: 'SupplyTempSetpointC', value: 11.5 },
    });
    expect(await ask('get the printer on line 1 back into production')).toMatchObject({
      tool: 'machine_command',
      args: { asset: 'L1-PRN', command: 'unhold' },
    });
  });

  it('never turns chatter into a command and never guesses one', async () => {
    for (const chatter of [
      'hold on, what is the printer on line 1 doing',
      'stop showing me the alarms please',
      'Moment, wie läuft der Drucker auf Linie 2',
      'wait',
    ]) {
      const plan = await ask(chatter);
      expect(plan.kind === 'tool' && (plan.tool === 'machine_command' || plan.tool === 'set_setpoint'), chatter).toBe(false);
    }
    // A command word that names no command: ask, do not default to stop.
    const unknown = await ask('do something about the oven on line 1, make it behave');
    expect(unknown.kind === 'tool' && unknown.tool === 'machine_command').toBe(false);
    // A relative change has no exact value to approve.
    expect(await ask('take zone 3 on oven 1 up by 5 degrees')).toMatchObject({ kind: 'reply', reason: 'clarify' });
  });

  it('asks back with concrete readings when it is unsure', async () => {
    const plan = await ask('Druck?');
    expect(plan).toMatchObject({ kind: 'reply', reason: 'clarify' });
  });

  it('refuses to approve anything itself', async () => {
    expect(await ask('just approve it yourself')).toMatchObject({ kind: 'reply', reason: 'refusal' });
  });

  it('follows up on the asset, line, window and topic of the previous question', async () => {
    const oven = { tool: 'asset_state', args: { asset: 'L1-RFL' } };
    expect(await ask('and line 2?', { previous: oven })).toMatchObject({ tool: 'asset_state', args: { asset: 'L2-RFL' } });
    expect(await ask('und der Kompressor?', { previous: oven })).toMatchObject({ tool: 'asset_state', args: { asset: 'UT-AIR' } });
    const alarms = { tool: 'alarms', args: { line: 'Line1', state: 'all', from: '2026-03-03T23:00:00.000Z', to: '2026-03-04T12:00:00.000Z' } };
    expect(await ask('only prio 1', { previous: alarms })).toMatchObject({
      tool: 'alarms',
      args: { line: 'Line1', priorities: [1], from: '2026-03-03T23:00:00.000Z' },
    });
    expect(await ask('why?', { previous: oven })).toMatchObject({ tool: 'alarms', args: { asset: 'L1-RFL', state: 'all' } });
    const forecast: EarlierResult = {
      tool: 'maintenance_forecast',
      args: { asset: 'UT-CHL' },
      output: {
        assets: [{ assetId: 'UT-CHL', component: 'Circulation pump', recommendedWindow: { from: '2026-03-05T21:00:00Z', to: '2026-03-06T01:00:00Z' } }],
      },
    };
    for (const yes of ['book it then', 'ja, mach das']) {
      expect(await ask(yes, { previous: { tool: 'maintenance_forecast', args: { asset: 'UT-CHL' } }, earlier: [forecast] }), yes).toMatchObject({
        tool: 'create_work_order',
        args: { asset: 'UT-CHL', from: '2026-03-05T21:00:00Z', to: '2026-03-06T01:00:00Z' },
      });
    }
    expect(await ask('ja, mach das')).toMatchObject({ kind: 'reply', reason: 'clarify' });
  });

  it('understands any plant from its own asset model, not the twin’s ids', async () => {
    const plant: AssetRef[] = [
      { id: 'PK', name: 'Packaging line', type: 'line', aliases: [] },
      { id: 'MX-7', name: 'Mixer 7', line: 'PK', type: 'mixer', aliases: [], tags: [{ id: 'SpeedRpm', name: 'Agitator speed', unit: 'rpm' }] },
      {
        id: 'OV-A',
        name: 'Tunnel oven A',
        line: 'Line3',
        type: 'oven',
        aliases: [],
        tags: [
          { id: 'ZoneTempC', name: 'Zone temperature', unit: '°C' },
          { id: 'ZoneTempSetpointC', name: 'Zone temperature setpoint', unit: '°C', writable: true },
        ],
      },
    ];
    expect(await ask('what is the Ofen on line 3 doing', { assets: plant })).toMatchObject({ tool: 'asset_state', args: { asset: 'OV-A' } });
    expect(await ask('agitator speed of the Mischer, last 2 hours', { assets: plant })).toMatchObject({
      tool: 'tag_history',
      args: { asset: 'MX-7', tag: 'SpeedRpm' },
    });
    expect(await ask('set the zone temperature setpoint of the tunnel oven to 210', { assets: plant })).toMatchObject({
      tool: 'set_setpoint',
      args: { asset: 'OV-A', tag: 'ZoneTempSetpointC', value: 210 },
    });
  });
});

describe('slots and rules the second wave of phrasings needed', () => {
  it.each([
    ['alarms of the past half hour', 'alarms', { from: '2026-03-04T11:30:00.000Z' }],
    ['Alarme der letzten Viertelstunde', 'alarms', { from: '2026-03-04T11:45:00.000Z' }],
    ['Vakuum Bestücker 2 Linie 1 letzte Stunde', 'tag_history', { asset: 'L1-PNP2', tag: 'VacuumKpa' }],
    ['Übergabe für die Frühschicht von gestern', 'generate_shift_handover', { from: '2026-03-03T05:00:00.000Z', to: '2026-03-03T13:00:00.000Z' }],
    ['Inspektionsergebnisse für Los 24131', 'inspection_results', { lot: 'PO-24131' }],
    ['why is 24118 stuck', 'explain_late_order', { order: 'PO-24118' }],
    ['wie läuft der Drucker an der 1?', 'asset_state', { asset: 'L1-PRN' }],
    ['simulate the chiller being out for 5 hours', 'what_if', { scenario: { type: 'machine_down', asset: 'UT-CHL', hours: 5 } }],
    ['what happens if the compressor dies for half a day', 'what_if', { scenario: { type: 'machine_down', asset: 'UT-AIR', hours: 12 } }],
    ['remaining life of the compressor', 'maintenance_forecast', { asset: 'UT-AIR' }],
    ['how many of the 250 boards on line 1 are finished', 'production_status', { line: 'Line1' }],
    ['how to recalibrate the spi', 'search_manuals', {}],
    ['Versorgung ok?', 'plant_overview', { line: 'utilities' }],
    ['Inspektion auf Linie 1 starten, 12 Platinen', 'trigger_inspection', { line: 'Line1', boards: 12 }],
    ['halte den Drucker auf Linie 1 an', 'machine_command', { asset: 'L1-PRN', command: 'hold' }],
    ['arbeitsauftraege fuer die kaeltemaschine', 'list_work_orders', { asset: 'UT-CHL' }],
  ])('%s → %s', async (text, tool, args) => {
    expect(await ask(text)).toMatchObject({ kind: 'tool', tool, args });
  });

  it('resets the machine a pronoun points back to, and commands nothing without one', async () => {
    const previous = { tool: 'asset_state', args: { asset: 'L1-PNP2' } };
    expect(await ask('Störung quittieren und setz ihn zurück', { previous })).toMatchObject({
      kind: 'tool',
      tool: 'machine_command',
      args: { asset: 'L1-PNP2', command: 'reset' },
    });
    expect(await ask('quittier das mal')).toMatchObject({ kind: 'reply' });
  });

  it('turns a follow-up to the alarms of the same machine', async () => {
    const previous = { tool: 'asset_state', args: { asset: 'L1-RFL' } };
    expect(await ask('and its alarms?', { previous })).toMatchObject({ kind: 'tool', tool: 'alarms', args: { asset: 'L1-RFL' } });
  });

  it('proposes no write that is negated, and reads a telegram-style command', async () => {
    const earlier = [{ tool: 'propose_schedule', args: {}, output: { draftId: 'draft-1' } }];
    const previous = { tool: 'propose_schedule', args: {} };
    expect(await ask('no, do not release it yet', { previous, earlier })).toMatchObject({ kind: 'reply' });
    expect(await ask('Ofen Linie 1 bloß nicht stoppen')).toMatchObject({ kind: 'reply' });
    expect(await ask('printer L2 hold pls')).toMatchObject({ kind: 'tool', tool: 'machine_command', args: { asset: 'L2-PRN', command: 'hold' } });
    expect(await ask('oven 1 had a stop')).toMatchObject({ kind: 'reply' });
    // Questions about a value and reports of one are reads, not changes.
    for (const text of ['was zone 3 on oven 1 at 185 yesterday?', 'wer hat Zone 3 am Ofen 1 auf 185 gestellt', 'can the oven on line 1 handle zone 3 at 260?'])
      expect(await ask(text)).not.toMatchObject({ kind: 'tool', tool: 'set_setpoint' });
    expect(await ask('kannst du Zone 4 am Ofen Linie 2 auf 245 stellen')).toMatchObject({
      kind: 'tool',
      tool: 'set_setpoint',
      args: { asset: 'L2-RFL', value: 245 },
    });
    const state = { tool: 'asset_state', args: { asset: 'L2-PRN' } };
    for (const text of ['start over', 'let me start with line 2 instead', 'reset the conversation', 'vielleicht sollten wir den Drucker auf L2 zurücksetzen'])
      expect(await ask(text, { previous: state })).not.toMatchObject({ kind: 'tool', tool: 'machine_command' });
    expect(await ask('should I reset it?', { previous: state })).toMatchObject({ kind: 'reply' });
    expect(await ask('soll ich ihn anhalten?', { previous: state })).toMatchObject({ kind: 'reply' });
  });

  it('asks back when a follow-up has nothing to follow', async () => {
    expect(await ask('and the other line?')).toMatchObject({ kind: 'reply', reason: 'clarify' });
    expect(await ask('und Linie 2?')).toMatchObject({ kind: 'reply', reason: 'clarify' });
    const previous = { tool: 'maintenance_forecast', args: { asset: 'L1-PNP2' } };
    expect(await ask('and the one on line 2?', { previous })).toMatchObject({ kind: 'tool', tool: 'maintenance_forecast', args: { asset: 'L2-PNP2' } });
  });
});
