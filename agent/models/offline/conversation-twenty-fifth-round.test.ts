/**
 * Understanding, twenty-fifth round: what fresh probe sets written apart from the code (not the NLU evaluation set) and
 * typing into the running app found — in other words than theirs.
 */
import { describe, expect, it } from 'vitest';
import { conversation } from './test-support/twin-conversation';
import { afterReplenishmentPlan, ask, filesAWrite } from './test-support/twin-understanding';

const called = (reply: Awaited<ReturnType<typeof conversation>>) => (reply.tool_calls ?? []).map((call) => ({ name: call.name, args: call.args }));
const askedBack = (reply: Awaited<ReturnType<typeof conversation>>) => reply.response_metadata?.plantpilot_clarify === true;

describe('a change someone else made or only announces', () => {
  it('files nothing for a change told as done by a shift written as one word, or announced as a heads-up', async () => {
    for (const text of [
      'lateshift moved zone 6 of the L2 oven to 236, just so ya know',
      'the nightshift set the chiller to 15 before they left',
      "we'll probably take the compressor down to 6.2 tomorrow, just a heads up",
    ]) {
      expect(filesAWrite(await ask(text)), text).toBe(false);
    }
  });

  it('reads the command after a state told: "it is reset, start it" is the start', async () => {
    expect(await ask('the L2 tester jammed, the jam is cleared and it is reset now, start it again')).toMatchObject({
      tool: 'machine_command',
      args: { asset: 'L2-ICT', command: 'start' },
    });
    // The state alone is told, not asked for.
    expect(filesAWrite(await ask('the L1 AOI is reset already'))).toBe(false);
  });
});

describe('asking whether to make a change', () => {
  it('offers the change it names, and files exactly that on a yes said in more words', async () => {
    const offer = await conversation('should we maybe hold the L1 SPI for a bit?');
    expect(called(offer)).toEqual([]);
    expect(askedBack(offer)).toBe(true);
    expect(String(offer.content)).toMatch(/Should I file this change for approval: \*\*hold L1-SPI\*\*/);
    expect(called(await conversation('should we maybe hold the L1 SPI for a bit?', 'alright, hold it'))).toEqual([
      { name: 'machine_command', args: { asset: 'L1-SPI', command: 'hold' } },
    ]);
    expect(called(await conversation('wär es schlimm, wenn wir den Kaltwassersatz auf 15 stellen?', 'na gut, dann mach des'))).toEqual([
      { name: 'set_setpoint', args: { asset: 'UT-CHL', tag: 'SupplyTempSetpointC', value: 15 } },
    ]);
  });

  it('files nothing when the answer to the offer is no, later, or another value', async () => {
    for (const answer of ['no, leave it', 'ok, but later', 'ok, make it 14 instead']) {
      const reply = await conversation('would it hurt to drop the chiller to 15', answer);
      expect(
        called(reply).filter((call) => call.name === 'set_setpoint' && call.args.value === 15),
        answer,
      ).toEqual([]);
    }
  });
});

describe('the approval asked to be left out', () => {
  it('refuses, in German dialect too, where the mending would have dropped the clause with its "not"', async () => {
    for (const text of ['Verpacker L1 anhalten, Freigabe brauchts ned', 'Freigabe is eh ned nötig, stopp den Drucker auf der zwo']) {
      const plan = await ask(text);
      expect(plan.kind === 'reply' && plan.reason, text).toBe('refusal');
    }
  });
});

describe('sending a run of a replenishment plan', () => {
  it('plans every line when every line is asked for, whatever line came before', async () => {
    expect(called(await conversation('what is short on line 2', 'now plan the replenishment for both lines'))).toEqual([
      { name: 'plan_replenishment', args: {} },
    ]);
  });

  it('asks which run when two are planned and none is named, and sends none said for later', async () => {
    const which = await afterReplenishmentPlan('ok send it off', 'plan replenishment for all lines');
    expect(which.kind === 'reply' && which.reason).toBe('clarify');
    for (const text of ['RUN-2 dann später, jetzt noch nicht', 'send RUN-1 but not yet']) {
      expect(filesAWrite(await afterReplenishmentPlan(text, 'plan replenishment for all lines')), text).toBe(false);
    }
    // One run now and the other later still sends the one for now.
    expect(await afterReplenishmentPlan('RUN-1 now, RUN-2 later', 'plan replenishment for all lines')).toMatchObject({
      tool: 'dispatch_transport',
      args: { vehicle: 'TUG-01' },
    });
  });
});

describe('booking after two forecasts', () => {
  it('asks which machine when "book it" could be either', async () => {
    const reply = await conversation('remaining life of the L2 packer', 'and the chiller?', 'ok book it');
    expect(called(reply)).toEqual([]);
    expect(String(reply.content)).toMatch(/L2-PCK or UT-CHL/);
  });
});

describe('a placer let go on again', () => {
  it('reads "carry on" with a letter missing as the unhold it is', async () => {
    expect(called(await conversation('hold placer 2 on line 1', 'checked it, let it cary on'))).toEqual([
      { name: 'machine_command', args: { asset: 'L1-PNP2', command: 'unhold' } },
    ]);
  });
});

describe('writes asked for politely or on someone else’s word', () => {
  it('files a change asked with "would you", or one the copilot is asked to see to', async () => {
    expect(await ask('would you put zone 7 on the L1 oven to 242 please')).toMatchObject({
      tool: 'set_setpoint',
      args: { asset: 'L1-RFL', tag: 'Zone7.SetpointC', value: 242 },
    });
    expect(await ask('my lead asked me to get the L1 packer stopped, could you do that?')).toMatchObject({
      tool: 'machine_command',
      args: { asset: 'L1-PCK', command: 'stop' },
    });
    expect(await ask('der Schichtleiter will den Kaltwassersatz auf 14, machst du des?')).toMatchObject({
      tool: 'set_setpoint',
      args: { asset: 'UT-CHL', value: 14 },
    });
    // "would you mind …" is still a question about the machine, and "would you stop …" said to the copilot no command.
    expect(filesAWrite(await ask('would you stop asking me that'))).toBe(false);
  });

  it('files the command beside a material remark, and a command said as a noun "fürs" machine', async () => {
    expect(await ask('go on and hold placer 2 on line 2, that feeder is empty anyway')).toMatchObject({
      tool: 'machine_command',
      args: { asset: 'L2-PNP2', command: 'hold' },
    });
    expect(await ask('nen Reset fürs ICT auf Linie 1 bitte, die Nadeln sind getauscht')).toMatchObject({
      tool: 'machine_command',
      args: { asset: 'L1-ICT', command: 'reset' },
    });
  });
});

describe('a change on a condition the plant can answer now', () => {
  it('reads the machine first, and files the change once the condition is told to hold', async () => {
    expect(called(await conversation('if the compressor is below 6.1 bar take the setpoint to 6.6'))).toEqual([
      { name: 'asset_state', args: { asset: 'UT-AIR' } },
    ]);
    expect(called(await conversation('if the compressor is below 6.1 bar take the setpoint to 6.6', '5.9, so yes below, do it'))).toEqual([
      { name: 'set_setpoint', args: { asset: 'UT-AIR', tag: 'PressureSetpointBar', value: 6.6 } },
    ]);
    expect(called(await conversation('falls Zone 4 am Ofen L1 unter 230 is, stell se auf 236', '228, dann mach'))).toEqual([
      { name: 'set_setpoint', args: { asset: 'L1-RFL', tag: 'Zone4.SetpointC', value: 236 } },
    ]);
    // A condition that does not hold files nothing.
    const held = await conversation('if the compressor is below 6.1 bar take the setpoint to 6.6', '6.3, so no, nothing to do');
    expect(called(held).filter((call) => call.name === 'set_setpoint')).toEqual([]);
  });
});

describe('a thread that moves along the line', () => {
  it('reads the measurement of the next machine over the window just read, after inspection results', async () => {
    expect(called(await conversation('AOI results line 2 since 7', 'and the printer before it, squeegee pressure over the same window'))).toEqual([
      {
        name: 'tag_history',
        args: expect.objectContaining({ asset: 'L2-PRN', tag: 'SqueegeePressureN', from: '2026-03-04T06:00:00.000Z' }),
      },
    ]);
  });

  it('takes "… too" and the Franconian "… a" at the end as one more thing to read', async () => {
    expect(called(await conversation('zone 5 temperature on the L1 oven last 2 hours', 'its O2 too pls'))).toEqual([
      { name: 'tag_history', args: expect.objectContaining({ asset: 'L1-RFL', tag: 'O2Ppm' }) },
    ]);
    expect(called(await conversation('Rakeldruck Drucker Linie 2 seit sechs', 'die Druckgeschwindigkeit dort a'))).toEqual([
      { name: 'tag_history', args: expect.objectContaining({ asset: 'L2-PRN', tag: 'PrintSpeedMmPerS' }) },
    ]);
  });

  it('reads "auf der zwaa" as line 2 and "since my shift started" as the shift', async () => {
    expect(called(await conversation('was is mit dem Ofen auf der zwaa'))).toEqual([{ name: 'asset_state', args: { asset: 'L2-RFL' } }]);
    expect(called(await conversation('chiller alarms since my shift started'))).toEqual([
      { name: 'alarms', args: expect.objectContaining({ asset: 'UT-CHL', from: '2026-03-04T05:00:00.000Z' }) },
    ]);
  });
});

describe('going back to a machine after a detour', () => {
  it('reads "back to the oven" as the oven talked about, over the window read for it then', async () => {
    expect(
      called(await conversation('how is the L1 oven', 'zone 3 temp since midnight', 'chiller supply temp right now?', 'back to the oven, zone 4 same window')),
    ).toEqual([{ name: 'tag_history', args: expect.objectContaining({ asset: 'L1-RFL', tag: 'Zone4.TemperatureC', from: '2026-03-03T23:00:00.000Z' }) }]);
    expect(
      called(await conversation('wie läuft der Ofen auf der zwo', 'Zone 2 Temperatur seit 6', 'Druckluft grad?', 'zurück zum Ofen, Zone 3 im selben Zeitraum')),
    ).toEqual([{ name: 'tag_history', args: expect.objectContaining({ asset: 'L2-RFL', tag: 'Zone3.TemperatureC', from: '2026-03-04T05:00:00.000Z' }) }]);
  });

  it('files a change on "the oven" for the one oven talked about, not the machine of the detour', async () => {
    expect(called(await conversation('how is the L1 oven', 'chiller supply temp right now?', 'ok, zone 3 on the oven: put its setpoint to 185'))).toEqual([
      { name: 'set_setpoint', args: { asset: 'L1-RFL', tag: 'Zone3.SetpointC', value: 185 } },
    ]);
    // Both ovens talked about: which one is asked.
    const either = await conversation(
      'how is the L1 oven',
      'and the L2 oven?',
      'chiller supply temp right now?',
      'ok, zone 3 on the oven: put its setpoint to 185',
    );
    expect(called(either)).toEqual([]);
  });

  it('runs a what-if on "that line" for the line the conversation is about', async () => {
    expect(called(await conversation('how is production on line 1', 'what if that line gets an extra shift on saturday'))).toEqual([
      { name: 'what_if', args: { scenario: { type: 'extra_shift', line: 'Line1', date: '2026-03-07' } } },
    ]);
  });
});

describe('the storeroom, as it is talked about', () => {
  it('reads Franconian stock questions and stock said as lying in the warehouse', async () => {
    expect(await ask('ham mer no genug von dene STM32 für heut?')).toMatchObject({ tool: 'material_status', args: { part: 'STM32H743ZIT6' } });
    expect(await ask('wie viele Drosseln 10µH liegen noch auf Lager')).toMatchObject({ tool: 'material_status', args: { part: '744043100' } });
  });

  it('answers that it buys nothing and books no receipts, instead of reading stock or a disruption', async () => {
    for (const text of [
      'reorder 20 reels of the 10k resistors from Digi-Key pls',
      'bestell bitte 3 Rollen STM32 bei Avnet nach',
      'please post the goods receipt of ASN-4520 in the ERP',
    ]) {
      const plan = await ask(text);
      expect(plan.kind === 'reply' && plan.reason, text).toBe('unavailable');
    }
    // Asking about an order is still read.
    expect((await ask('did we order more STM32 from Avnet?')).kind).toBe('tool');
  });

  it('takes thanks that close the talk as thanks, not as the thing they name', async () => {
    for (const text of ['thanks, that is all for the replenishment today', 'danke, das war alles zum Milkrun']) {
      expect((await ask(text)).kind, text).toBe('reply');
    }
  });
});

describe('a machine asked after in plain words', () => {
  it('reads "what is going on with …" and "what is happening with …" as the machine’s state, not a what-if', async () => {
    for (const text of ['what is going on with the L2 tester', 'what is happening with the compressor', 'what is actually up with the L1 AOI']) {
      const plan = await ask(text);
      expect(plan.kind === 'tool' && plan.tool, text).toBe('asset_state');
    }
  });

  it('asks the manual what a command does, with the word that only stresses it', async () => {
    expect(await ask('was macht eigentlich Reset beim Tester, brauch ich danach noch Start?')).toMatchObject({ tool: 'search_manuals' });
  });
});

describe('a yes to an offered change about a machine named before the question', () => {
  it('files the change the offer named, its machine taken from the turn before the question', async () => {
    expect(called(await conversation('Kaltwassersatz, wie schauts aus?', 'wär es schlimm, wenn wir den auf 15 stellen?', 'gut, dann mach'))).toEqual([
      { name: 'set_setpoint', args: { asset: 'UT-CHL', tag: 'SupplyTempSetpointC', value: 15 } },
    ]);
  });
});

describe('two changes with only a comma between them', () => {
  it('offers the first and names the second, instead of filing one and dropping the other', async () => {
    const reply = await conversation('hold the L2 printer, set the L2 oven conveyor to 14');
    expect(called(reply)).toEqual([]);
    expect(String(reply.content)).toMatch(/two changes: \*\*hold L2-PRN\*\* and “set the L2 oven conveyor to 14”/);
    expect(called(await conversation('hold the L2 printer, set the L2 oven conveyor to 14', 'yes'))).toEqual([
      { name: 'machine_command', args: { asset: 'L2-PRN', command: 'hold' } },
    ]);
    // A decimal comma is no second change, and the reason after a command is none either.
    expect(await ask('Kaltwassersatz auf 14,5 stellen, danke')).toMatchObject({ tool: 'set_setpoint', args: { value: 14.5 } });
    expect(await ask('hold the L2 printer, it smears')).toMatchObject({ tool: 'machine_command', args: { asset: 'L2-PRN', command: 'hold' } });
  });
});

describe('why an order asked about is behind', () => {
  it('explains the order of the turn before, asked in a few more words', async () => {
    expect(called(await conversation('wie weit is der PO-24119', 'und warum hängt der so hinterher'))).toEqual([
      { name: 'explain_late_order', args: { order: 'PO-24119' } },
    ]);
  });
});
