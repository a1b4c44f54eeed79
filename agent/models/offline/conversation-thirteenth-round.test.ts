/**
 * Understanding, thirteenth round: things typed into the running app in one's own words that went wrong.
 * Examples written for these tests, apart from the NLU evaluation set.
 */
import { describe, expect, it } from 'vitest';
import { after, ask, askWith, filesAWrite } from './test-support/twin-understanding';

describe('a value said in another unit than the setpoint’s', () => {
  it.each([
    ['set the oven zone 3 on line 1 to 80%', '°C'],
    ['set conveyor speed line 1 to 80%', 'mm/s'],
    ['Band Linie 2 auf 90 % bitte', 'mm/s'],
    ['set the compressor to 6.5 °C', 'bar'],
    ['set compressor to 90 psi', 'bar'],
    ['set the chiller to 59 F', '°C'],
    ['squeegee L1 to 8 kg', 'N'],
  ])('"%s" files nothing and asks for the value in %s', async (text, unit) => {
    const plan = await ask(text);
    expect(filesAWrite(plan)).toBe(false);
    expect(plan.kind === 'reply' && plan.text).toContain(unit);
  });

  it.each([
    ['Kompressor auf 6,5 bar', { asset: 'UT-AIR', value: 6.5 }],
    ['Zone 3 Ofen 2 auf 185 Grad', { asset: 'L2-RFL', tag: 'Zone3.SetpointC', value: 185 }],
    ['set zone 3 of L1-RFL to 190 °C', { asset: 'L1-RFL', tag: 'Zone3.SetpointC', value: 190 }],
  ])('"%s" in the setpoint’s own unit files it', async (text, args) => {
    expect(await ask(text)).toMatchObject({ kind: 'tool', tool: 'set_setpoint', args });
  });
});

describe('a change on a condition, put off or only reported', () => {
  it.each([
    'falls der Kaltwassersatz wieder spinnt, stellen wir ihn halt auf 12 Grad runter, aber erst mal abwarten',
    'QA said we should set the chiller to 13, I want to check with the foreman first',
    'die Kältemaschine ist kälter als sonst, 13 Grad',
  ])('"%s" files nothing', async (text) => {
    expect(filesAWrite(await ask(text))).toBe(false);
  });

  it('asks back saying that a "yes" files the change now', async () => {
    const plan = await ask('falls der Kaltwassersatz wieder spinnt, stellen wir ihn halt auf 12 Grad runter, aber erst mal abwarten');
    expect(plan.kind === 'reply' && plan.text).toMatch(/nur für jetzt.*Jetzt einreichen: \*\*SupplyTempSetpointC von UT-CHL auf 12 setzen\*\*/s);
  });

  it('"ist kälter als sonst, stell sie bitte auf 15" still files the change asked for', async () => {
    expect(await ask('Kältemaschine ist kälter als sonst, stell sie bitte auf 15')).toMatchObject({
      kind: 'tool',
      tool: 'set_setpoint',
      args: { asset: 'UT-CHL', value: 15 },
    });
  });
});

describe('a machine judged against its normal bands', () => {
  it.each([
    ['is the reflow on line 2 in spec', 'L2-RFL'],
    ['liegt Zone 3 Ofen L1 in der Toleranz', 'L1-RFL'],
    ['is the chiller within tolerance', 'UT-CHL'],
    ['ist der Chiller im grünen Bereich?', 'UT-CHL'],
    ['is the compressor ok', 'UT-AIR'],
    ['passt beim Kompressor alles?', 'UT-AIR'],
    ['is everything ok with the chiller', 'UT-CHL'],
  ])('"%s" reads %s and searches its manual for the bands', async (text, asset) => {
    const plan = await ask(text);
    expect(plan).toMatchObject({ kind: 'tool', tool: 'asset_state', args: { asset } });
    expect(plan.kind === 'tool' && plan.also?.[0]).toMatchObject({ tool: 'search_manuals', args: { asset } });
  });

  it('"und der Chiller?" after "ist der Kompressor ok?" judges the chiller the same way', async () => {
    const plan = await after('asset_state', { asset: 'UT-AIR' }, 'ist der Kompressor ok?', 'und der Chiller?');
    expect(plan).toMatchObject({ kind: 'tool', tool: 'asset_state', args: { asset: 'UT-CHL' } });
    expect(plan.kind === 'tool' && plan.also?.[0]).toMatchObject({ tool: 'search_manuals', args: { asset: 'UT-CHL' } });
  });

  it('"ok" alone is no question about a machine', async () => {
    expect(await ask('ok')).toMatchObject({ kind: 'reply' });
  });
});

describe('words as they are typed', () => {
  it('"wieviele Gutteile hat Linie 1 heute gemacht" reads line 1’s figures', async () => {
    expect(await ask('wieviele gutteile hat linie 1 heute gemacht')).toMatchObject({ kind: 'tool', args: { line: 'Line1' } });
  });

  it('"wie viel Lotpaste haben wir noch" is the paste in stock, not a printer’s level', async () => {
    expect(await ask('wie viel lotpaste haben wir noch')).toMatchObject({ kind: 'tool', tool: 'material_status' });
  });

  it.each([
    ["what's wrong with line 1 right now", 'Line1'],
    ['was ist mit Linie 2 los', 'Line2'],
  ])('"%s" reads the state of %s', async (text, asset) => {
    expect(await ask(text)).toMatchObject({ kind: 'tool', tool: 'asset_state', args: { asset } });
  });
});

describe('a work order for a part of a machine', () => {
  it.each([
    ['create a work order for the L2 oven blower bearing, tomorrow 6 to 8', 'L2-RFL', 'Maintenance of the blower bearing'],
    ['leg einen Wartungsauftrag an für die Spindel vom Bestücker 2 L1, morgen früh', 'L1-PNP2', 'Wartung Spindel'],
    ['work order for the nozzle changer on placer 1 line 2, tomorrow 6 to 8', 'L2-PNP1', 'Maintenance of the nozzle changer'],
  ])('"%s" names the part in the task', async (text, asset, task) => {
    expect(await ask(text)).toMatchObject({ kind: 'tool', tool: 'create_work_order', args: { asset, task } });
  });
});

describe('how often a machine stopped', () => {
  it.each([
    ['how often did the oven on line 2 stop this week', 'L2-RFL'],
    ['wie oft stand der Packer L1 heute', 'L1-PCK'],
    ['how many times has the compressor tripped since monday', 'UT-AIR'],
  ])('"%s" reads the alarm history of %s over the window', async (text, asset) => {
    const plan = await ask(text);
    expect(plan).toMatchObject({ kind: 'tool', tool: 'alarms', args: { state: 'all', asset } });
    expect(plan.kind === 'tool' && typeof plan.args.from).toBe('string');
  });

  it('"wie oft muss man den Filter wechseln" is still a question for the manual', async () => {
    expect(await ask('wie oft muss man den Filter am Kompressor wechseln')).toMatchObject({ kind: 'tool', tool: 'search_manuals' });
  });
});

describe('the yield with no machine named', () => {
  it.each(['yield on L2 today?', 'wie war die Ausbeute letzte Nacht', 'Ausbeute heute', 'yield last night'])(
    '"%s" reads the inspection results of the window',
    async (text) => {
      const plan = await ask(text);
      expect(plan).toMatchObject({ kind: 'tool', tool: 'inspection_results' });
      expect(plan.kind === 'tool' && typeof plan.args.from).toBe('string');
    },
  );
});

describe('a follow-up that names only another topic', () => {
  const afterLine2 = (text: string) => after('plant_overview', { line: 'Line2' }, 'wie läuft Linie 2', text);

  it.each([
    ['und die Materialreichweite?', 'material_status'],
    ['and the material?', 'material_status'],
    ['und die Wartung?', 'maintenance_forecast'],
    ['and the orders?', 'production_status'],
  ])('"%s" after line 2’s overview reads %s of line 2', async (text, tool) => {
    expect(await afterLine2(text)).toMatchObject({ kind: 'tool', tool, args: { line: 'Line2' } });
  });

  it('"was geht zuerst aus?" after line 2’s overview is line 2’s run-out', async () => {
    expect(await afterLine2('was geht zuerst aus?')).toMatchObject({ kind: 'tool', tool: 'material_status', args: { line: 'Line2' } });
  });

  it('"was geht zuerst aus?" with nothing before asks which line', async () => {
    expect(await ask('was geht zuerst aus?')).toMatchObject({ kind: 'reply', reason: 'clarify' });
  });
});

describe('the limit of a measurement just shown', () => {
  it.each(["what's the limit?", 'was ist die Grenze?', "what's the max allowed?"])(
    '"%s" after the L2 oven’s O2 trend reads the oven and the O2 row of its manual',
    async (text) => {
      const plan = await after('tag_history', { asset: 'L2-RFL', tag: 'O2Ppm' }, 'show me the O2 on the L2 oven over the last 4 hours', text);
      expect(plan).toMatchObject({ kind: 'tool', tool: 'asset_state', args: { asset: 'L2-RFL' } });
      expect(plan.kind === 'tool' && plan.also?.[0]).toMatchObject({ tool: 'search_manuals', args: { query: expect.stringContaining('O2Ppm') } });
    },
  );
});

describe('commands as the floor says them', () => {
  it.each([
    ['schalt mal den Packer auf Linie 1 ab', 'L1-PCK'],
    ['stell den Kompressor ab', 'UT-AIR'],
    ['schalte den Chiller aus', 'UT-CHL'],
  ])('"%s" stops %s (the separable verb)', async (text, asset) => {
    expect(await ask(text)).toMatchObject({ kind: 'tool', tool: 'machine_command', args: { asset, command: 'stop' } });
  });

  it('"der Packer L1 schaltet immer ab" stops nothing', async () => {
    expect(filesAWrite(await ask('der Packer L1 schaltet immer ab'))).toBe(false);
  });

  it.each(['reset the AOI on line 1 after the shift', 'stop the oven on line 2 tomorrow'])('"%s" says a command is filed only for now', async (text) => {
    const plan = await ask(text);
    expect(plan).toMatchObject({ kind: 'reply', reason: 'clarify' });
    expect(plan.kind === 'reply' && plan.text).toMatch(/only file a change for now/);
  });

  it.each(['hold that thought, what is the O2 on L2', 'hold your horses, how is line 1'])('"%s" holds nothing', async (text) => {
    const plan = await ask(text);
    expect(filesAWrite(plan)).toBe(false);
    expect(plan.kind === 'reply' ? plan.text : '').not.toMatch(/should hold/);
  });

  it.each([
    ['kannst du mir sagen, ob der Packer L2 gestoppt werden darf?', 'L2-PCK'],
    ['darf ich den Packer L2 stoppen?', 'L2-PCK'],
    ['can I stop the L2 packer now?', 'L2-PCK'],
  ])('"%s" reads the state of %s and commands nothing', async (text, asset) => {
    expect(await ask(text)).toMatchObject({ kind: 'tool', tool: 'asset_state', args: { asset } });
  });

  it.each(['the boss says restart the ICT on L2, do it', 'Chef sagt, starte den ICT auf L2 neu, mach bitte'])(
    '"%s" asks which of the two commands of a restart to file',
    async (text) => {
      const plan = await ask(text);
      expect(filesAWrite(plan)).toBe(false);
      expect(plan.kind === 'reply' && plan.text).toMatch(/reset.*start/s);
    },
  );
});

describe('planners and shift leads, in their words', () => {
  it('"handover for the late shift yesterday" is yesterday’s 14:00–22:00, not the current shift', async () => {
    expect(await ask('handover for the late shift yesterday')).toMatchObject({
      kind: 'tool',
      tool: 'generate_shift_handover',
      args: { from: '2026-03-03T13:00:00.000Z', to: '2026-03-03T21:00:00.000Z' },
    });
  });

  it.each([
    ['what if the L2 oven is down the whole night shift', 8, 12],
    ['was wäre wenn der Ofen L2 die ganze Spätschicht steht', 8, 4],
  ])('"%s" plans the outage over that shift', async (text, hours, startsInHours) => {
    expect(await ask(text)).toMatchObject({
      kind: 'tool',
      tool: 'what_if',
      args: { scenario: { type: 'machine_down', asset: 'L2-RFL', hours, startsInHours } },
    });
  });

  it('"what if line 2 is down the whole night shift" is a what-if, not the night’s handover', async () => {
    const plan = await ask('what if line 2 is down the whole night shift');
    expect(plan).not.toMatchObject({ tool: 'generate_shift_handover' });
  });

  it.each([
    ['what if we get a rush order of 200 CPU boards due tomorrow noon', 26],
    ['was wäre wenn ein Eilauftrag über 300 HMI Platinen bis übermorgen kommt', 60],
  ])('"%s" is due %s hours from now', async (text, dueInHours) => {
    expect(await ask(text)).toMatchObject({ kind: 'tool', tool: 'what_if', args: { scenario: { type: 'rush_order', dueInHours } } });
  });

  it.each(['E-302 on placer 1 line 2 what now', 'E-140 am Drucker L1, was jetzt?'])('"%s" asks the manual what to do', async (text) => {
    expect(await ask(text)).toMatchObject({ kind: 'tool', tool: 'search_manuals' });
  });

  it.each(["what's the torque for the nozzle holder screws", 'wie hoch ist das Anzugsmoment der Düsenhalter-Schrauben'])(
    '"%s" is a specification in the manual, for every placer',
    async (text) => {
      expect(await ask(text)).toMatchObject({ kind: 'tool', tool: 'search_manuals' });
    },
  );

  it('"… in 5 minute intervals" is a trend’s resolution, not a specification in the manual', async () => {
    expect(await ask('trend of zone 3 on the L1 oven over the last 2 hours in 5 minute intervals')).toMatchObject({ kind: 'tool', tool: 'tag_history' });
  });

  it('"was war heute zwischen 10 und 12 auf Linie 2 los" reads line 2’s alarm history of that window', async () => {
    expect(await ask('was war heute zwischen 10 und 12 auf Linie 2 los')).toMatchObject({
      kind: 'tool',
      tool: 'alarms',
      args: { state: 'all', line: 'Line2', from: '2026-03-04T09:00:00.000Z', to: '2026-03-04T11:00:00.000Z' },
    });
  });
});

describe('follow-ups on the alarms and the forecast just shown', () => {
  const alarmsShown = {
    previous: { tool: 'alarms', args: { state: 'active', line: 'Line2' } },
    previousText: 'alarms on line 2 right now',
    earlier: [
      {
        tool: 'alarms',
        args: { state: 'active', line: 'Line2' },
        output: {
          events: [
            { code: 'E-260', text: 'Board drop in conveyor', priority: 1, assetId: 'L2-RFL', state: 'cleared' },
            { code: 'E-301', text: 'Feeder reel low', priority: 4, assetId: 'L2-PNP1', state: 'active' },
          ],
          activeNow: [{ code: 'E-301', text: 'Feeder reel low', priority: 4, assetId: 'L2-PNP1' }],
        },
      },
    ],
  };

  it.each(['which one is the worst', 'ok which of those is the most serious', 'welcher ist am schlimmsten', 'what does it mean', 'was bedeutet der'])(
    '"%s" asks the manual about the most severe alarm active now',
    async (text) => {
      expect(await askWith({ text, ...alarmsShown })).toMatchObject({
        kind: 'tool',
        tool: 'search_manuals',
        args: { query: expect.stringContaining('E-301') },
      });
    },
  );

  it.each(['why so soon?', 'what drives it', 'warum so früh?'])('"%s" after a forecast reads the forecast, which names its drivers', async (text) => {
    expect(await after('maintenance_forecast', { asset: 'L1-PNP1' }, 'forecast placer 1 line 1', text)).toMatchObject({
      kind: 'tool',
      tool: 'maintenance_forecast',
      args: { asset: 'L1-PNP1' },
    });
  });
});

describe('indirect changes, filed with the value asked for and nothing else', () => {
  it.each([
    ['zone 7 L2 oven 248 instead of 245 please', { asset: 'L2-RFL', tag: 'Zone7.SetpointC', value: 248 }],
    ['Zone 7 Ofen L2 248 statt 245', { asset: 'L2-RFL', tag: 'Zone7.SetpointC', value: 248 }],
    ['Drucker L2 Geschwindigkeit auf 45', { asset: 'L2-PRN', tag: 'PrintSpeedSetpointMmPerS', value: 45 }],
    ['nimm beim Drucker 2 die Geschwindigkeit auf 45 zurück', { asset: 'L2-PRN', tag: 'PrintSpeedSetpointMmPerS', value: 45 }],
    ["chiller's running too warm, we need 14 on the supply", { asset: 'UT-CHL', value: 14 }],
  ])('"%s" files %o', async (text, args) => {
    expect(await ask(text)).toMatchObject({ kind: 'tool', tool: 'set_setpoint', args });
  });

  it.each(['setz den Kompressor auf den Normalwert zurück', 'Kompressor Sollwert auf Standard zurücksetzen'])(
    '"%s" is no PackML reset and files nothing',
    async (text) => {
      expect(filesAWrite(await ask(text))).toBe(false);
    },
  );

  it('"setz den ICT L2 zurück" is still a reset', async () => {
    expect(await ask('setz den ICT L2 zurück')).toMatchObject({ kind: 'tool', tool: 'machine_command', args: { asset: 'L2-ICT', command: 'reset' } });
  });

  it('"Ofen L1 Temperatur auf 240" names no one of eight zones and files nothing', async () => {
    expect(filesAWrite(await ask('Ofen L1 Temperatur auf 240'))).toBe(false);
  });
});

describe('two lines or two machines in one message', () => {
  it.each(['compare line 1 and line 2 output today', 'Linie 1 vs Linie 2 heute', 'OEE Linie 1 und 2'])(
    '"%s" reads the overview of both lines',
    async (text) => {
      const plan = await ask(text);
      expect(plan).toMatchObject({ kind: 'tool', tool: 'plant_overview' });
      expect(plan.kind === 'tool' && plan.args.line).toBeUndefined();
    },
  );

  it('"stop L1 printer and line 2 printer" offers the first stop instead of dropping the second, and files it on "yes"', async () => {
    const asked = 'stop L1 printer and line 2 printer';
    const plan = await ask(asked);
    expect(filesAWrite(plan)).toBe(false);
    expect(plan.kind === 'reply' && plan.text).toMatch(/one command per approval.*stop L1-PRN.*L2-PRN/);
    expect(await askWith({ text: 'yes', pendingQuestion: asked })).toMatchObject({
      kind: 'tool',
      tool: 'machine_command',
      args: { asset: 'L1-PRN', command: 'stop' },
    });
  });
});

describe('an inspection not asked for', () => {
  it.each(['Bitte keinen Reset am AOI L1, der läuft gerade eine Prüfung', "don't run an inspection on line 2 now"])('"%s" starts none', async (text) => {
    expect(await ask(text)).toMatchObject({ kind: 'reply' });
  });

  it('"prüf mal 10 Boards vom Auftrag auf Linie 1" still starts one', async () => {
    expect(await ask('prüf mal 10 Boards vom Auftrag auf Linie 1')).toMatchObject({
      kind: 'tool',
      tool: 'trigger_inspection',
      args: { line: 'Line1', boards: 10 },
    });
  });
});

describe('material, in the words of the floor', () => {
  it('"Wann kommt die nächste Lieferung 100nF" asks which of the two 100 nF parts', async () => {
    const plan = await ask('Wann kommt die nächste Lieferung 100nF');
    expect(plan).toMatchObject({ kind: 'reply', reason: 'clarify' });
    expect(plan.kind === 'reply' && plan.text).toMatch(/GRM155R71C104KA88D.*CL05B104KO5NNNC/);
  });

  it('"wo ist der Milkrun gerade" says no tool reports where vehicles are, as the English question does', async () => {
    const plan = await ask('wo ist der Milkrun gerade');
    expect(plan.kind === 'reply' && plan.text).toMatch(/meldet hier kein Werkzeug/);
  });
});

describe('a line against its plan', () => {
  it.each([
    ['is line 1 ahead or behind plan', 'Line1'],
    ['liegt Linie 2 im Plan', 'Line2'],
    ['are we behind plan on line 2 this shift', 'Line2'],
  ])('"%s" reads the overview of %s', async (text, line) => {
    expect(await ask(text)).toMatchObject({ kind: 'tool', tool: 'plant_overview', args: { line } });
  });

  it('"is PO-24118 behind schedule" is still the order’s', async () => {
    expect(await ask('is PO-24118 behind schedule')).toMatchObject({ kind: 'tool', tool: 'explain_late_order', args: { order: 'PO-24118' } });
  });
});

describe('more of the same read', () => {
  const resultsShown = earlierResults('inspection_results', {
    line: 'Line1',
    asset: 'L1-AOI',
    from: '2026-03-04T05:00:00.000Z',
    to: '2026-03-04T09:00:00.000Z',
  });

  it.each(['welche Fehler am häufigsten?', 'which defects most often'])('"%s" after line 1’s AOI results keeps the line and the window', async (text) => {
    expect(await askWith({ text, ...resultsShown })).toMatchObject({
      kind: 'tool',
      tool: 'inspection_results',
      args: { line: 'Line1', from: '2026-03-04T05:00:00.000Z', to: '2026-03-04T09:00:00.000Z' },
    });
  });

  it.each(['hey is anything broken right now', 'ist irgendwas kaputt', 'steht gerade was'])('"%s" reads the plant overview', async (text) => {
    expect(await ask(text)).toMatchObject({ kind: 'tool', tool: 'plant_overview' });
  });
});

function earlierResults(tool: string, args: Record<string, unknown>) {
  return { previous: { tool, args }, previousText: 'AOI Ergebnisse Linie 1 seit Schichtbeginn', earlier: [{ tool, args, output: {} }] };
}
