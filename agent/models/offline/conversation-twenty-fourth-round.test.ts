/**
 * Understanding, twenty-fourth round: what typing into the running app and fresh probe sets written apart from the code
 * (not the NLU evaluation set) found — in other words than theirs.
 */
import { describe, expect, it } from 'vitest';
import { conversation } from './test-support/twin-conversation';
import { afterReplenishmentPlan, ask, askWith, filesAWrite } from './test-support/twin-understanding';

describe('a reading told beside its setpoint', () => {
  it('files nothing when the reading has no word of its own before the setpoint follows it', async () => {
    for (const text of [
      'Kaltwasser Vorlauf 16,4, Soll 16. Passt das so?',
      'compressor header 6.2 bar, setpoint 6.5 – normal?',
      'Band L1 14,8 mm/s; Sollwert 15',
    ]) {
      expect(filesAWrite(await ask(text)), text).toBe(false);
    }
  });

  it('still files the change asked for beside a reading', async () => {
    expect(await ask('Kaltwasser Vorlauf 16,4, bitte Soll auf 16 stellen')).toMatchObject({
      kind: 'tool',
      tool: 'set_setpoint',
      args: { asset: 'UT-CHL', value: 16 },
    });
  });
});

describe('a manual question that points at the story before it', () => {
  it("searches for the machine's text and trouble told, not the few words of the question", async () => {
    const plan = await ask('the screen on the line 2 printer reads: UNDERSIDE CLEAN ERROR – PRINTER STOPPED. what should we do now?');
    expect(plan).toMatchObject({ kind: 'tool', tool: 'search_manuals', args: { asset: 'L2-PRN' } });
    expect(plan.kind === 'tool' && String(plan.args.query)).toMatch(/UNDERSIDE CLEAN ERROR/);
    const german = await ask('Auf dem Display vom Ofen Linie 1 steht: N2 DRUCK NIEDRIG. Was soll ich da machen?');
    expect(german.kind === 'tool' && german.tool === 'search_manuals' && String(german.args.query)).toMatch(/N2 DRUCK NIEDRIG/);
  });
});

/** PLANT_NOW of the test support is Wednesday 4 March 2026, 10:00 in Berlin. */
const on = (text: string, iso = '2026-03-04T09:00:00Z') => askWith({ text, now: new Date(iso) });

describe('the window of a work order, as people give it', () => {
  it('books a job after or before a shift for as long as said — never the shift itself', async () => {
    expect(await on('job on the L2 ICT: swap the pogo pins after the late shift today, 3 hours')).toMatchObject({
      tool: 'create_work_order',
      args: { asset: 'L2-ICT', from: '2026-03-04T21:00:00Z', to: '2026-03-05T00:00:00Z' },
    });
    expect(await on('Wartungsauftrag Kompressor: Filter wechseln, morgen vor der Frühschicht, 1 Std')).toMatchObject({
      tool: 'create_work_order',
      args: { asset: 'UT-AIR', from: '2026-03-05T04:00:00Z', to: '2026-03-05T05:00:00Z' },
    });
    // ("nach" is no count of hours: the length is the "3 Stunden" after it.)
    expect(await on('Wartung Ofen Linie 1 nach der Spätschicht, 3 Stunden, Lüfter reinigen')).toMatchObject({
      tool: 'create_work_order',
      args: { asset: 'L1-RFL', from: '2026-03-04T21:00:00Z', to: '2026-03-05T00:00:00Z' },
    });
    const noLength = await on('book the chiller pump seal after the night shift');
    expect(noLength.kind === 'reply' && noLength.reason).toBe('clarify');
  });

  it('reads a pm said once for both clocks, and a weekday of next week as next week even on that weekday', async () => {
    expect(await on('WO on the L1 SPI, camera recalibration, tomorrow 1-3pm')).toMatchObject({
      args: { asset: 'L1-SPI', from: '2026-03-05T12:00:00Z', to: '2026-03-05T14:00:00Z' },
    });
    expect(await on('Ölwechsel Kompressor nächste Woche Mittwoch 11 bis 13 Uhr einplanen')).toMatchObject({
      args: { asset: 'UT-AIR', from: '2026-03-11T10:00:00Z', to: '2026-03-11T12:00:00Z' },
    });
    expect(await on('book the L2 oven blower on friday next week, 8 to 12')).toMatchObject({ args: { from: '2026-03-13T07:00:00Z' } });
  });

  it("reads tonight's small hours as the coming night, and never books a window that has begun", async () => {
    expect(await on('Lagertausch Bestücker 2 Linie 1 heute Nacht 1 bis 5 Uhr buchen')).toMatchObject({
      args: { asset: 'L1-PNP2', from: '2026-03-05T00:00:00Z', to: '2026-03-05T04:00:00Z' },
    });
    const begun = await on('book the L1 oven flux filter today 6 to 9');
    expect(begun.kind === 'reply' && begun.reason).toBe('clarify');
    // (Two timestamps typed in full are exact: a job logged after the fact is booked as said.)
    expect(await on('book the L1 oven flux filter from 2026-03-03T22:00:00+01:00 to 2026-03-04T01:00:00+01:00')).toMatchObject({
      tool: 'create_work_order',
      args: { from: '2026-03-03T22:00:00+01:00' },
    });
  });

  it('asks whether small-hour clocks are the night or the afternoon, and books the reading picked', async () => {
    for (const text of ['chiller pump bearing check tomorrow between 3 and 5, book it', 'Kompressor Wartung morgen 2 bis 4 eintragen']) {
      const asked = await conversation(text);
      expect(asked.response_metadata?.plantpilot_clarify, text).toBe(true);
      expect(asked.tool_calls ?? []).toEqual([]);
    }
    expect((await conversation('chiller pump bearing check tomorrow between 3 and 5, book it', 'the afternoon please')).tool_calls?.[0]).toMatchObject({
      name: 'create_work_order',
      args: { asset: 'UT-CHL', from: '2026-03-05T14:00:00Z', to: '2026-03-05T16:00:00Z' },
    });
    expect((await conversation('Kompressor Wartung morgen 2 bis 4 eintragen', 'nachts')).tool_calls?.[0]).toMatchObject({
      name: 'create_work_order',
      args: { asset: 'UT-AIR', from: '2026-03-05T01:00:00Z', to: '2026-03-05T03:00:00Z' },
    });
  });

  it('takes no range of numbered things for the clocks of the window', async () => {
    expect(await on('L2 oven zones 3-5 heater check, book it Friday 6 to 10')).toMatchObject({
      tool: 'create_work_order',
      args: { asset: 'L2-RFL', from: '2026-03-06T05:00:00Z', to: '2026-03-06T09:00:00Z' },
    });
  });

  it('takes no clock range for a part number, and writes a job written into a window as a booking', async () => {
    const plan = await on('work order: replace the spindle bearings on L1 placer 2, Friday 7am-11am, 2x SPB-6204');
    expect(plan).toMatchObject({ args: { parts: [{ partNumber: 'SPB-6204', quantity: 2 }] } });
    expect(plan.kind === 'tool' && (plan.args.parts as unknown[]).length).toBe(1);
    expect(await on('Kaltwassersatz Pumpendichtung prüfen, Freitag 14 bis 16 Uhr eintragen')).toMatchObject({
      tool: 'create_work_order',
      args: { asset: 'UT-CHL', from: '2026-03-06T13:00:00Z', to: '2026-03-06T15:00:00Z' },
    });
  });
});

describe('a correction of several clauses', () => {
  it('replaces each slot a clause names and leaves what was ruled out or said aside', async () => {
    expect(await ask('hold the L2 printer — correction, the L2 SPI, the printer is fine')).toMatchObject({
      tool: 'machine_command',
      args: { asset: 'L2-SPI', command: 'hold' },
    });
    expect(await ask('reset the fault on the line 1 AOI, er no, line 1 ICT')).toMatchObject({ args: { asset: 'L1-ICT' } });
    const after = (text: string) => conversation('set the chiller supply to 15 degrees', text);
    expect((await after('I meant 14, typo')).tool_calls?.[0]).toMatchObject({ name: 'set_setpoint', args: { asset: 'UT-CHL', value: 14 } });
    expect(
      (await conversation('Kaltwassersatz auf 15 Grad stellen', 'nee nicht der Kaltwassersatz, der Kompressor soll auf 6,4 bar')).tool_calls?.[0],
    ).toMatchObject({
      name: 'set_setpoint',
      args: { asset: 'UT-AIR', tag: 'PressureSetpointBar', value: 6.4 },
    });
  });

  it('files nothing new when the clause it cannot replace comes first, and never the command ruled out', async () => {
    expect(filesAWrite(await ask('L1 printer print speed to 80 mm/s... ugh no, the squeegee pressure, 80 N'))).toBe(false);
    const ruledOut = await conversation('start the L2 packer', 'no wait, not start, the other one');
    expect(ruledOut.tool_calls ?? []).toEqual([]);
    expect(await ask("don't stop the L2 printer, just the L2 oven")).toMatchObject({ tool: 'machine_command', args: { asset: 'L2-RFL', command: 'stop' } });
  });
});

describe('a correction that names nothing to replace', () => {
  it('asks what should be different, and the answer finishes the request it named', async () => {
    const asked = await conversation('take the L1 oven zone 6 to 240', 'hang on, wrong zone');
    expect(asked.response_metadata?.plantpilot_clarify).toBe(true);
    expect(String(asked.content)).toContain('take the L1 oven zone 6 to 240');
    expect((await conversation('take the L1 oven zone 6 to 240', 'hang on, wrong zone', 'zone 7')).tool_calls?.[0]).toMatchObject({
      name: 'set_setpoint',
      args: { asset: 'L1-RFL', tag: 'Zone7.SetpointC', value: 240 },
    });
    expect((await conversation('Kompressor auf 6,9 bar', 'falscher Wert', '6,7')).tool_calls?.[0]).toMatchObject({
      name: 'set_setpoint',
      args: { asset: 'UT-AIR', value: 6.7 },
    });
  });

  it('reads a request of its own instead of an answer as typed', async () => {
    expect((await conversation('Kompressor auf 6,9 bar', 'falscher Wert', 'zeig mir erst die Alarme von Linie 2')).tool_calls?.[0]).toMatchObject({
      name: 'alarms',
    });
  });
});

describe('German as it is typed in the hall, without a stop between request and reason', () => {
  it('reads the machine put first and pointed back at, and the request before its reason', async () => {
    expect(await ask('der 1er Bestücker auf der zwo, halt den bitte an')).toMatchObject({
      tool: 'machine_command',
      args: { asset: 'L2-PNP1', command: 'hold' },
    });
    expect(await ask('Ofen Linie 1 stopp den sofort')).toMatchObject({ tool: 'machine_command', args: { asset: 'L1-RFL', command: 'stop' } });
    expect(await ask('den Verpacker Linie 2 stoppen bitte die Folie reißt dauernd')).toMatchObject({ args: { asset: 'L2-PCK', command: 'stop' } });
    expect(await ask('die Störung am AOI Linie 1 is weg mach mal nen Reset')).toMatchObject({ args: { asset: 'L1-AOI', command: 'reset' } });
    expect(filesAWrite(await ask('der Drucker auf der eins läuft, halt die Klappe'))).toBe(false);
  });

  it('reads "des" as "das", a line as "die zwo", and the fine-pitch placer by its kind', async () => {
    expect(
      await conversation('wie schaut der Ofen auf der zwo aus', 'des Band is zu schnell, stell des auf 18').then((reply) => reply.tool_calls?.[0]),
    ).toMatchObject({
      name: 'set_setpoint',
      args: { asset: 'L2-RFL', tag: 'ConveyorSpeedSetpointMmPerS', value: 18 },
    });
    expect(await ask('Materialfahrt planen für die zwo bitte')).toMatchObject({ tool: 'plan_replenishment', args: { line: 'Line2' } });
    expect(await ask('was wäre wenn der fine pitch auf linie 2 sechs stunden ausfällt')).toMatchObject({
      tool: 'what_if',
      args: { scenario: { type: 'machine_down', asset: 'L2-PNP2', hours: 6 } },
    });
  });
});

describe("the quality engineer's and the maintenance planner's reads", () => {
  it('reads "prio 2 or higher" as 1 and 2, "3 and lower" as 3 and 4, and a day said inside a range', async () => {
    expect(await ask('alarms prio 2 and above on the L2 oven, last 4 hours')).toMatchObject({ tool: 'alarms', args: { priorities: [1, 2] } });
    expect(await ask('Alarme mindestens Prio 3 am Kompressor heute')).toMatchObject({ args: { priorities: [1, 2, 3] } });
    expect(await ask('alarms priority 3 and lower on line 2 today')).toMatchObject({ args: { priorities: [3, 4] } });
    expect(await ask('alarms on the chiller from yesterday 9:00 to 11:30')).toMatchObject({
      args: { asset: 'UT-CHL', from: '2026-03-03T08:00:00.000Z', to: '2026-03-03T10:30:00.000Z' },
    });
  });

  it('reads acknowledged alarms as a state, and a measurement over the window of the alarms just read', async () => {
    expect(await ask('quittierte Störungen am Drucker Linie 2 seit heute früh')).toMatchObject({
      tool: 'alarms',
      args: { asset: 'L2-PRN', state: 'acknowledged' },
    });
    expect((await conversation('E-221 alarms on the L1 oven since midnight', 'and the blower vibration over the same stretch')).tool_calls?.[0]).toMatchObject({
      name: 'tag_history',
      args: { asset: 'L1-RFL', tag: 'BlowerVibrationMmS', from: '2026-03-03T23:00:00.000Z' },
    });
  });

  it('books a date whose order the weekday settles, and answers a lot hold as something no tool does', async () => {
    expect(await ask('WO for the L2 AOI camera cleaning, Sat 3/7, 6 to 9')).toMatchObject({
      tool: 'create_work_order',
      args: { asset: 'L2-AOI', from: '2026-03-07T05:00:00Z', to: '2026-03-07T08:00:00Z' },
    });
    for (const text of ['quarantine lot 24118 please', 'Charge 24121 sperren, Lötstellen auffällig']) {
      const plan = await ask(text);
      expect(plan.kind === 'reply' && plan.reason, text).toBe('unavailable');
    }
    // (A lot's state asked is no hold asked for.)
    const asked = await ask('is lot 24118 on hold?');
    expect(asked.kind === 'reply' && asked.reason).not.toBe('unavailable');
  });
});

describe('a moment named by a start is no start asked for', () => {
  it('trends from the shift start or the start of a run, and still starts what is asked to start', async () => {
    for (const text of ['chiller supply temp since shift start, hourly', 'L2 oven O2 from the start of the shift', 'Kompressor Druck seit Schichtstart']) {
      const plan = await ask(text);
      expect(filesAWrite(plan), text).toBe(false);
      expect(plan, text).toMatchObject({ kind: 'tool', tool: 'tag_history' });
    }
    expect(await ask('start the L2 packer again')).toMatchObject({ tool: 'machine_command', args: { asset: 'L2-PCK', command: 'start' } });
  });
});

describe('a command just asked for, swapped for another', () => {
  it('files the other command for the same machine, and nothing when only the first is taken back', async () => {
    expect((await conversation('stop the L1 tester', "no don't stop it, just pause it")).tool_calls?.[0]).toMatchObject({
      name: 'machine_command',
      args: { asset: 'L1-ICT', command: 'hold' },
    });
    expect((await conversation('Ofen Linie 2 anhalten', 'nicht anhalten, ganz stoppen bitte')).tool_calls?.[0]).toMatchObject({
      name: 'machine_command',
      args: { asset: 'L2-RFL', command: 'stop' },
    });
    expect((await conversation('stop the L1 tester', "don't stop it")).tool_calls ?? []).toEqual([]);
  });
});

describe('a correction after a change asked for, with the rest kept', () => {
  it('moves the change to the line said, keeping zone and value said to stay the same', async () => {
    expect(
      (await conversation('Ofen Linie zwei Zone 4 auf 190', 'mist, falscher Ofen. Linie eins, gleiche Zone, gleicher Wert')).tool_calls?.[0],
    ).toMatchObject({
      name: 'set_setpoint',
      args: { asset: 'L1-RFL', tag: 'Zone4.SetpointC', value: 190 },
    });
    expect((await conversation('take zone 2 on the line 2 oven to 160', "wait, wrong zone, it should've been zone 3")).tool_calls?.[0]).toMatchObject({
      name: 'set_setpoint',
      args: { asset: 'L2-RFL', tag: 'Zone3.SetpointC', value: 160 },
    });
  });
});

describe('two commands for two machines, a comma between them', () => {
  it('offers the first with its own machine and files that one on "yes" — never one command on the other machine', async () => {
    const asked = await conversation('pause the L2 SPI, stop the L2 packer');
    expect(asked.tool_calls ?? []).toEqual([]);
    expect(String(asked.content)).toContain('hold L2-SPI');
    expect((await conversation('pause the L2 SPI, stop the L2 packer', 'yes')).tool_calls?.[0]).toMatchObject({
      name: 'machine_command',
      args: { asset: 'L2-SPI', command: 'hold' },
    });
    expect((await conversation('AOI Linie 1 anhalten, dann den Tester Linie 1 stoppen')).tool_calls ?? []).toEqual([]);
  });

  it('reads a correction after a full stop, as after a comma', async () => {
    expect(await afterReplenishmentPlan('send RUN-2. no wait, RUN-1 first', 'plan the next material runs')).toMatchObject({
      tool: 'dispatch_transport',
      args: { vehicle: 'TUG-01' },
    });
  });
});

describe('something out of the ordinary asked after, on one machine', () => {
  it("reads that machine's alarms over the window said, not the plant's shift report", async () => {
    expect(await ask('anything odd on the chiller since the shift started?')).toMatchObject({ tool: 'alarms', args: { asset: 'UT-CHL' } });
    expect(await ask('irgendwas Ungewöhnliches am AOI Linie 2 seit Schichtbeginn?')).toMatchObject({ tool: 'alarms', args: { asset: 'L2-AOI' } });
  });
});
