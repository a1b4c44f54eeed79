/**
 * Understanding, eleventh round: things typed into the running app in one's own words that went wrong.
 * Examples written for these tests, apart from the NLU evaluation set.
 */
import { describe, expect, it } from 'vitest';
import { after, ask, askWith, filesAWrite } from './test-support/twin-understanding';

describe('why a machine stopped, asked in German with a past participle', () => {
  it.each([
    ['Bestücker 2 auf der Eins hat heut früh 3x gestoppt, warum?', 'L1-PNP2'],
    ['warum wurde der Ofen auf L2 angehalten?', 'L2-RFL'],
    ['wieso ist der Kompressor abgeschaltet?', 'UT-AIR'],
    ['Kannst du mir sagen, warum der Ofen L1 gestoppt wurde?', 'L1-RFL'],
  ])('"%s" reads the alarms before the stop of %s, not the machine as it is now', async (text, asset) => {
    expect(await ask(text)).toMatchObject({ kind: 'tool', tool: 'alarms', args: { before: { asset, event: 'stopped' } } });
  });
});

describe('a value a machine had, told with a German verb-second sentence', () => {
  it.each(['Zone 2 am Ofen L1 war letzte Woche auf 160', 'die Frühschicht fuhr den Chiller mit 13 Grad', 'night shift ran the compressor at 6.9, no issues'])(
    '"%s" files no setpoint change',
    async (text) => {
      expect(filesAWrite(await ask(text))).toBe(false);
    },
  );

  it('still files the request that follows such a report', async () => {
    expect(await ask('Spätschicht hatte 6,8 bar, stell den Kompressor bitte wieder auf 6,8')).toMatchObject({
      kind: 'tool',
      tool: 'set_setpoint',
      args: { asset: 'UT-AIR', value: 6.8 },
    });
  });
});

describe("a day's or a shift's boards and scrap", () => {
  it.each(['wie viele Boards hat Linie 1 heute gemacht?', 'how many boards did line 1 make today'])(
    '"%s" reads the shift figures of the line',
    async (text) => {
      expect(await ask(text)).toMatchObject({ kind: 'tool', tool: 'plant_overview', args: { line: 'Line1' } });
    },
  );

  it('"und Ausschuss?" after an order\'s progress reads the same line\'s shift figures, which hold the scrap', async () => {
    for (const text of ['und Ausschuss?', 'and scrap?'])
      expect(await after('production_status', { line: 'Line2' }, 'how is production on line 2', text), text).toMatchObject({
        kind: 'tool',
        tool: 'plant_overview',
        args: { line: 'Line2' },
      });
  });
});

describe('a machine "on" a bare line number', () => {
  it.each([
    ["hang on, what's the printer on 2 doing", 'L2-PRN'],
    ['how is the oven on 1', 'L1-RFL'],
    ['was macht der Drucker auf 2?', 'L2-PRN'],
  ])('"%s" reads %s', async (text, asset) => {
    expect(await ask(text)).toMatchObject({ kind: 'tool', tool: 'asset_state', args: { asset } });
  });

  it('leaves a number with a setting verb a value, not a line', async () => {
    expect(filesAWrite(await ask('Drucker auf 2 stellen'))).toBe(false);
  });
});

describe('moisture-sensitive parts asked about in passing', () => {
  it.each(['the MSL 5a reel has been out since this morning, is it still ok to use?', 'die Rolle mit MSL 4 liegt seit gestern offen, muss die in den Ofen?'])(
    '"%s" searches the MSD procedure, not a trend since the morning',
    async (text) => {
      expect(await ask(text)).toMatchObject({ kind: 'tool', tool: 'search_manuals' });
    },
  );

  it("keeps a part's remaining floor life a material question", async () => {
    expect(await ask('Restliche Floor Life vom STM32 auf Linie 1?')).toMatchObject({ kind: 'tool', tool: 'material_status' });
  });
});

describe('a what-if with a utility or a whole line down', () => {
  it('plans the chiller down when it "quits"', async () => {
    expect(await ask('suppose the chiller quits for 3 hours, what happens to the orders?')).toMatchObject({
      kind: 'tool',
      tool: 'what_if',
      args: { scenario: { type: 'machine_down', asset: 'UT-CHL', hours: 3 } },
    });
  });

  it('offers the whole line as the reading, and plans it on "ja"', async () => {
    const asked = 'angenommen Linie 1 fällt 4 Stunden aus, was passiert mit den Aufträgen?';
    const plan = await ask(asked);
    expect(plan).toMatchObject({ kind: 'reply', reason: 'clarify' });
    expect(plan.kind === 'reply' && plan.text).toMatch(/ganz Line1 für 4 h/);
    expect(await askWith({ text: 'ja', pendingQuestion: asked })).toMatchObject({
      kind: 'tool',
      tool: 'what_if',
      args: { scenario: { type: 'machine_down', asset: 'Line1', hours: 4 } },
    });
  });

  it('does not plan a look back', async () => {
    expect(await ask('if we had stopped line 2 for 2 hours earlier, would we have saved the lot?')).not.toMatchObject({ kind: 'tool', tool: 'what_if' });
  });
});

describe('what happened in a window, asked in German', () => {
  it.each(['hab ich was verpasst seit 6?', 'was ist in der letzten Stunde passiert?'])('"%s" reads the alarm history of the window', async (text) => {
    expect(await ask(text)).toMatchObject({ kind: 'tool', tool: 'alarms', args: { state: 'all' } });
  });

  it('leaves "was passiert, wenn …" a what-if', async () => {
    expect(await ask('was passiert mit dem Plan, wenn der Bestücker 1 auf Linie 2 für 3 Stunden ausfällt?')).toMatchObject({ kind: 'tool', tool: 'what_if' });
  });
});

describe('a value a machine had, told with "hatte" / "had"', () => {
  it.each(['Spätschicht hatte den Kompressor auf 6,8 bar, lief gut', 'the L1 oven had zone 5 at 250 all night, fyi'])('"%s" files nothing', async (text) => {
    expect(filesAWrite(await ask(text))).toBe(false);
  });

  it.each([
    ['we had zone 5 at 250 on the L1 oven last week, put it back', 'L1-RFL', 250],
    ['der Ofen L1 hatte Zone 4 auf 245, bitte wieder so einstellen', 'L1-RFL', 245],
  ])('"%s" still asks for the value', async (text, asset, value) => {
    expect(await ask(text)).toMatchObject({ kind: 'tool', tool: 'set_setpoint', args: { asset, value } });
  });
});

describe('two changes in one message', () => {
  it('offers the first for approval instead of dropping the second without a word, and files it on "ja"', async () => {
    const asked = 'setz Rakeldruck L2 auf 80 und Geschwindigkeit auf 55';
    const plan = await ask(asked);
    expect(plan).toMatchObject({ kind: 'reply', reason: 'clarify' });
    expect(plan.kind === 'reply' && plan.text).toMatch(/eine Änderung pro Freigabe.*SqueegeePressureSetpointN von L2-PRN auf 80/);
    expect(await askWith({ text: 'ja', pendingQuestion: asked })).toMatchObject({
      kind: 'tool',
      tool: 'set_setpoint',
      args: { asset: 'L2-PRN', tag: 'SqueegeePressureSetpointN', value: 80 },
    });
  });
});

describe('"kill" a machine', () => {
  it('is a stop, and "kill the alarm" is no machine command', async () => {
    expect(await ask("kill the L2 packer, it's jamming")).toMatchObject({ kind: 'tool', tool: 'machine_command', args: { asset: 'L2-PCK', command: 'stop' } });
    expect(filesAWrite(await ask('kill the alarm on the L2 packer'))).toBe(false);
  });
});

describe('a direction and a value, asked for politely', () => {
  it('files "Kältemaschine bitte einen Tick kälter, 13 Grad" and reads "ist kälter als sonst, 13 Grad"', async () => {
    expect(await ask('Kältemaschine bitte einen Tick kälter, 13 Grad')).toMatchObject({
      kind: 'tool',
      tool: 'set_setpoint',
      args: { asset: 'UT-CHL', value: 13 },
    });
    expect(filesAWrite(await ask('die Kältemaschine ist kälter als sonst, 13 Grad'))).toBe(false);
  });
});

describe('who approved what', () => {
  it.each(['wer hat heute Änderungen freigegeben?', 'who approved the zone 4 change on L1?'])('"%s" points to the audit log', async (text) => {
    const plan = await ask(text);
    expect(plan.kind).toBe('reply');
    expect(plan.kind === 'reply' && plan.text).toMatch(/Audit/);
  });
});

describe('parts an order is short of', () => {
  it.each(['wieviel Teile fehlen für PO-24122', 'which parts are missing for 24122?'])('"%s" reads the order\'s material status', async (text) => {
    expect(await ask(text)).toMatchObject({ kind: 'tool', tool: 'material_status', args: { order: 'PO-24122' } });
  });
});

describe('words typed as they are spoken', () => {
  it('reads "wat is mit der zwo los" as the state of line 2', async () => {
    expect(await ask('wat is mit der zwo los')).toMatchObject({ kind: 'tool', tool: 'asset_state', args: { asset: 'Line2' } });
  });
});

describe('a real late delivery asked about with an order', () => {
  it('is no what-if with a delay made up', async () => {
    for (const text of ['the late Avnet delivery, which parts are missing for PO-24122?', 'die Avnet Lieferung ist spät, was fehlt uns für PO-24122?'])
      expect(await ask(text), text).not.toMatchObject({ kind: 'tool', tool: 'what_if' });
    expect(await ask('what if material for PO-24118 is 6 hours late')).toMatchObject({
      kind: 'tool',
      tool: 'what_if',
      args: { scenario: { type: 'material_delay', order: 'PO-24118', hours: 6 } },
    });
  });
});

describe('a change by an amount, said as how far off the value is', () => {
  it.each(['zone 3 on oven 2 is 4 degrees low, bump it up', 'zone 4 L1 up 3 degrees'])(
    '"%s" asks for the exact value, never files the amount as the setpoint',
    async (text) => {
      const plan = await ask(text);
      expect(filesAWrite(plan)).toBe(false);
      expect(plan.kind === 'reply' && plan.text).toMatch(/To what value exactly/);
    },
  );

  it('keeps a value to go to a value ("auf 7 bar hoch", "up to 245")', async () => {
    expect(await ask('Druckluft ist zu knapp, Netzdruck-Soll bitte auf 7 bar hoch')).toMatchObject({ kind: 'tool', tool: 'set_setpoint', args: { value: 7 } });
    expect(await ask('zone 4 L1 up to 245')).toMatchObject({ kind: 'tool', tool: 'set_setpoint', args: { value: 245 } });
  });
});
