/**
 * Understanding, twenty-third round: fresh probe sets written apart from the code (not the NLU evaluation set) on
 * answers to the copilot's own questions back, changes with relative or referenced values, the planner's and
 * logistics lead's writes — the cases that went wrong, in other words than the probes'.
 */
import type { AIMessage } from '@langchain/core/messages';
import { describe, expect, it } from 'vitest';
import { conversation } from './test-support/twin-conversation';
import { after, afterReplenishmentPlan, ask, askWith, earlier, filesAWrite, follow } from './test-support/twin-understanding';

/** The turn before: the state of `asset`, asked with `text`. */
const earlierState = (asset: string, text: string) => earlier('asset_state', { asset }, text);

const firstCall = (reply: AIMessage) => reply.tool_calls?.[0];
const askedBack = (reply: AIMessage) => reply.response_metadata?.plantpilot_clarify === true && (reply.tool_calls ?? []).length === 0;

describe("an answer to the copilot's own question back finishes the request it was about", () => {
  it('picks the machine on the line the answer names, in every short form', async () => {
    const cases: [string, string, string, Record<string, unknown>][] = [
      ['hold the chip shooter', 'on line 2', 'machine_command', { asset: 'L2-PNP1', command: 'hold' }],
      ['what does the SPI say', '1', 'asset_state', { asset: 'L1-SPI' }],
      ['halt mal den Feinbestücker an', 'die zwo', 'machine_command', { asset: 'L2-PNP2', command: 'hold' }],
      ['Verpacker wieder weiterlaufen lassen', 'in der eins', 'machine_command', { asset: 'L1-PCK', command: 'unhold' }],
      ['Fehler am Tester quittieren', 'den auf Linie 2', 'machine_command', { asset: 'L2-ICT', command: 'clear' }],
      ['take zone 2 on the oven to 150', 'the first one', 'set_setpoint', { asset: 'L1-RFL', tag: 'Zone2.SetpointC', value: 150 }],
    ];
    for (const [request, answer, tool, args] of cases) {
      expect(askedBack(await conversation(request)), request).toBe(true);
      expect(firstCall(await conversation(request, answer)), `${request} → ${answer}`).toMatchObject({ name: tool, args });
    }
  });

  it('takes a value answered to "what value?" as the value of the change asked for, and nothing the reason after it names', async () => {
    expect(firstCall(await conversation('the chiller supply setpoint has to be changed', '14,5'))).toMatchObject({
      name: 'set_setpoint',
      args: { asset: 'UT-CHL', value: 14.5 },
    });
    // "line 1" in the reason is where the air runs short, not the machine to change.
    expect(firstCall(await conversation('compressor pressure setpoint needs adjusting', '6.9 bar, the placers on line 1 lose vacuum'))).toMatchObject({
      name: 'set_setpoint',
      args: { asset: 'UT-AIR', tag: 'PressureSetpointBar', value: 6.9 },
    });
  });

  it('keeps the whole request when it took two questions back to say it', async () => {
    const asked = await conversation('I need a setpoint changed', 'L1 oven, zone 5');
    expect(askedBack(asked)).toBe(true);
    expect(firstCall(await conversation('I need a setpoint changed', 'L1 oven, zone 5', '228'))).toMatchObject({
      name: 'set_setpoint',
      args: { asset: 'L1-RFL', tag: 'Zone5.SetpointC', value: 228 },
    });
  });

  it('reads a request of its own instead of an answer by itself — its line never finishes the write asked about', async () => {
    const instead = await conversation('set the oven conveyor to 14', 'wait, first show me the active alarms on line 1');
    expect(firstCall(instead)).toMatchObject({ name: 'alarms', args: { state: 'active', line: 'Line1' } });
    expect(firstCall(await conversation('what is the spindle vibration on the placer', 'never mind that, stop placer 2 on line 1 now'))).toMatchObject({
      name: 'machine_command',
      args: { asset: 'L1-PNP2', command: 'stop' },
    });
  });
});

describe('a change said to be needed, without its value, asks for the value', () => {
  it('asks the value where it had read the changes made or the forecast', async () => {
    for (const text of [
      'the compressor setpoint needs changing',
      'Sollwert vom Kaltwassersatz muss angepasst werden',
      'we need the zone 4 setpoint on oven 2 changed',
    ])
      expect(await ask(text), text).toMatchObject({ kind: 'reply', reason: 'clarify' });
    // A part that needs changing is maintenance, no setpoint.
    expect(await ask('the filter on the compressor needs changing')).toMatchObject({ kind: 'tool', tool: 'maintenance_forecast' });
    expect(await ask('which setpoints got changed on nights')).toMatchObject({ kind: 'tool', tool: 'generate_shift_handover' });
  });

  it('finds the machine of a value named with its line when a change of it is asked', async () => {
    expect(await ask('slow down the print speed on L1')).toMatchObject({ kind: 'reply', reason: 'clarify', text: expect.stringContaining('L1-PRN') });
    expect(await ask('squeegee pressure 75 N on the L2 printer please')).toMatchObject({
      kind: 'tool',
      tool: 'set_setpoint',
      args: { asset: 'L2-PRN', tag: 'SqueegeePressureSetpointN', value: 75 },
    });
  });
});

describe('alarms asked in the words of the floor', () => {
  it('reads what went off or is active as the alarms, over the window said, wherever it was', async () => {
    expect(await ask('what went off between 5 and 6 this morning across the whole plant')).toMatchObject({
      kind: 'tool',
      tool: 'alarms',
      args: { from: '2026-03-04T04:00:00.000Z', to: '2026-03-04T05:00:00.000Z' },
    });
    expect(await ask('what tripped on the chiller overnight')).toMatchObject({ kind: 'tool', tool: 'alarms', args: { asset: 'UT-CHL' } });
    expect(await ask('could you tell me what is active on line 2')).toMatchObject({ kind: 'tool', tool: 'alarms', args: { state: 'active', line: 'Line2' } });
    // What tripped a machine is what led up to its stop.
    expect(await ask('what tripped the chiller overnight')).toMatchObject({ kind: 'tool', tool: 'alarms', args: { before: { asset: 'UT-CHL' } } });
  });

  it('reads "since 8" on the night shift as 20:00, the latest eight o\'clock passed', async () => {
    const night = new Date('2026-03-04T01:30:00.000Z');
    expect(await askWith({ text: 'alarms on the chiller since 8', now: night })).toMatchObject({ args: { from: '2026-03-03T19:00:00.000Z' } });
    expect(await askWith({ text: 'alarms on the chiller since 08:00', now: night })).toMatchObject({ args: { from: '2026-03-03T07:00:00.000Z' } });
    expect(await ask('alarms on the chiller since 8')).toMatchObject({ args: { from: '2026-03-04T07:00:00.000Z' } });
  });
});

describe('follow-ups', () => {
  it('trends the setpoint of the zone just trended', async () => {
    const zone = { asset: 'L2-RFL', tag: 'Zone3.TemperatureC', from: '2026-03-04T07:00:00.000Z', to: '2026-03-04T09:00:00.000Z' };
    expect(await after('tag_history', zone, 'zone 3 on the L2 oven, last 2 hours', 'and the setpoint')).toMatchObject({
      kind: 'tool',
      tool: 'tag_history',
      args: { asset: 'L2-RFL', tag: 'Zone3.SetpointC' },
    });
  });

  it('reads the handover a crew left', async () => {
    expect(await ask('what did the nights leave for us')).toMatchObject({ kind: 'tool', tool: 'generate_shift_handover' });
    expect(await askWith({ text: 'anything the earlies left me?', now: new Date('2026-03-04T13:30:00.000Z') })).toMatchObject({
      kind: 'tool',
      tool: 'generate_shift_handover',
    });
  });

  it('sends the run of the vehicle named, not the one that waits', async () => {
    const plan = await afterReplenishmentPlan('dispatch the tugger one, the AMR can wait', 'replenishment runs please');
    expect(plan).toMatchObject({ kind: 'tool', tool: 'dispatch_transport', args: { vehicle: 'TUG-01' } });
    const other = await afterReplenishmentPlan('der Routenzug kann warten, schick den AMR', 'Nachschub planen');
    expect(other).toMatchObject({ kind: 'tool', tool: 'dispatch_transport', args: { vehicle: 'AMR-01' } });
    expect(filesAWrite(other)).toBe(true);
  });
});

describe('changes whose value is not said exactly', () => {
  it('asks for the exact value of a change by a factor, a share, or a value kept elsewhere — and files nothing', async () => {
    for (const text of [
      'run the L2 oven belt at half its speed',
      'Drucker L1 Druckgeschwindigkeit doppelt so schnell bitte',
      'chiller supply a quarter degree lower, 5 percent less',
      'set the L1 oven zone 2 back to what it was on Monday',
      'Rakeldruck am Drucker L2 wieder auf den alten Wert',
      'put zone 6 of the L1 oven to the value in the spec sheet',
      'reset the squeegee pressure on the L2 printer to default',
    ]) {
      const plan = await ask(text);
      expect(plan, text).toMatchObject({ kind: 'reply', reason: 'clarify' });
      expect(filesAWrite(plan), text).toBe(false);
    }
  });

  it('asks which of two values offered, also in words, and reads a value said in words or with the value it comes from', async () => {
    expect(await ask('L1 oven zone 4 to two-twenty or two-thirty, your call')).toMatchObject({ kind: 'reply', reason: 'clarify' });
    expect(await ask('set zone 5 on the L2 oven to roughly two hundred thirty-five degrees C')).toMatchObject({
      kind: 'tool',
      args: { asset: 'L2-RFL', tag: 'Zone5.SetpointC', value: 235 },
    });
    expect(await ask('take the L1 oven conveyor from 15 down to 13 mm/s')).toMatchObject({ kind: 'tool', args: { asset: 'L1-RFL', value: 13 } });
    expect(await ask('Rakeldruck Drucker L2 wieder auf 72 N, wie letzte Woche')).toMatchObject({
      kind: 'tool',
      tool: 'set_setpoint',
      args: { asset: 'L2-PRN', tag: 'SqueegeePressureSetpointN', value: 72 },
    });
  });

  it('files nothing for a change planned on a condition, or a note for the next shift', async () => {
    for (const text of [
      "if the bridging comes back we'll drop zone 7 a couple of degrees",
      'told the lates to hold the packer if the labels run out',
      'wenn der Druck wieder fällt, drehen wir den Sollwert etwas hoch',
      'note for nights: chiller went from 15 to 14 at noon',
      'für die Übergabe: Drucker L2 Rakeldruck von 70 auf 72 geändert',
    ]) {
      const plan = await ask(text);
      expect(plan.kind, text).toBe('reply');
      expect(filesAWrite(plan), text).toBe(false);
    }
  });

  it('answers what a setting change would do from the manuals, and who changed a value from the shift report', async () => {
    expect(await ask('what happens to the paste if we run the L1 printer 10 mm/s faster?')).toMatchObject({ kind: 'tool', tool: 'search_manuals' });
    expect(await ask('who dropped the chiller setpoint on nights?')).toMatchObject({ kind: 'tool', tool: 'generate_shift_handover' });
    expect(await ask('lates cranked zone 2 up, what else did they change?')).toMatchObject({ kind: 'tool', tool: 'generate_shift_handover' });
  });
});

describe("the planner's and the logistics lead's requests", () => {
  it('releases the draft asked for politely, and with the approver named', async () => {
    const draft = { draftId: 'd-1', lines: [] };
    const proposed = {
      previous: { tool: 'propose_schedule', args: {} },
      previousText: 'new plan please',
      earlier: [{ tool: 'propose_schedule', args: {}, output: draft }],
    };
    expect(await askWith({ text: 'could you release that one?', ...proposed })).toMatchObject({ kind: 'tool', tool: 'release_schedule' });
    expect(await askWith({ text: 'kannst du den mal freigeben?', ...proposed })).toMatchObject({ kind: 'tool', tool: 'release_schedule' });
    expect(await askWith({ text: 'ok, schick ihn zur Freigabe, der Meister soll abzeichnen', ...proposed })).toMatchObject({
      kind: 'tool',
      tool: 'release_schedule',
    });
    expect(await ask('reschedule the lines, 24121 moved up to prio 1')).toMatchObject({ kind: 'tool', tool: 'propose_schedule' });
  });

  it('reads an outage told with its window as a what-if, the half that does not come as the shortfall, and missing parts as material', async () => {
    expect(await ask('chiller goes off tomorrow from 6 to 9 for the pump job - how does that hit the plan?')).toMatchObject({
      kind: 'tool',
      tool: 'what_if',
      args: { scenario: { type: 'machine_down', asset: 'UT-CHL', hours: 3 } },
    });
    expect(await ask('Mouser only sends half of the STM32 order, what does that hit?')).toMatchObject({
      kind: 'tool',
      tool: 'supply_disruption_impact',
      args: { part: 'STM32H743ZIT6', shortfallPct: 50 },
    });
    expect(await ask('Fehlteile auf Linie 2?')).toMatchObject({ kind: 'tool', tool: 'material_status', args: { line: 'Line2' } });
    expect(await ask('was hat die AOI-Prüfung von 24119 ergeben')).toMatchObject({ kind: 'tool', tool: 'inspection_results', args: { lot: 'PO-24119' } });
    expect(await ask('prüf mal 8 Leiterplatten vom Los PO-24119 im AOI')).toMatchObject({
      kind: 'tool',
      tool: 'trigger_inspection',
      args: { lot: 'PO-24119', boards: 8 },
    });
  });
});

describe('a line given on its own', () => {
  it('finishes a question back about the line, and narrows a read of the whole plant to that line', async () => {
    expect(firstCall(await conversation('what runs short first on the line?', 'one'))).toMatchObject({ name: 'material_status', args: { line: 'Line1' } });
    expect(firstCall(await conversation('wie weit ist die Linie mit dem Auftrag', 'zwo'))).toMatchObject({
      name: 'production_status',
      args: { line: 'Line2' },
    });
  });

  it('reads whether an alarm came in a window as its history', async () => {
    expect(await ask('hatten wir heute E-251 am Ofen L2?')).toMatchObject({ kind: 'tool', tool: 'alarms', args: { asset: 'L2-RFL', code: 'E-251' } });
    expect(await ask('what does E-251 mean')).toMatchObject({ kind: 'tool', tool: 'search_manuals' });
  });
});

describe('values among other numbers', () => {
  it('files the value asked for, not a reading, a spec band or a value offered as the other choice', async () => {
    expect(await ask('L1 oven zone 3 sits at 172, the profile says 180-185, set it to 182 please')).toMatchObject({
      kind: 'tool',
      args: { asset: 'L1-RFL', tag: 'Zone3.SetpointC', value: 182 },
    });
    expect(await ask('Rakeldruck L2 steht auf 90, Vorgabe 75–85. Stell 80 ein')).toMatchObject({
      kind: 'tool',
      args: { asset: 'L2-PRN', tag: 'SqueegeePressureSetpointN', value: 80 },
    });
    expect(await ask('Zone 6 L2 auf 240 – ne Moment, 238, falsch abgelesen')).toMatchObject({ kind: 'tool', args: { value: 238 } });
    for (const text of [
      'Zone 4 Ofen L1 auf 190 oder doch 192, mach mal',
      'chiller setpoint to 13 or maybe 14, not sure',
      'Druckluft Soll 6,6 bzw 6,9 bar setzen',
    ]) {
      const plan = await ask(text);
      expect(plan, text).toMatchObject({ kind: 'reply', reason: 'clarify' });
      expect(filesAWrite(plan), text).toBe(false);
    }
  });

  it('reads a reading told beside its setpoint as a report, never the setpoint asked for', async () => {
    for (const text of [
      'chiller supply 15.8 now, setpoint 15. been like that since 8?',
      'Ofen L1 Zone 2 zeigt 148, Soll 150. passt das so?',
      'Rakeldruck L1 liegt bei 71, Sollwert 70, alles gut',
    ]) {
      const plan = await ask(text);
      expect(filesAWrite(plan), text).toBe(false);
    }
    expect(await ask('compressor setpoint 6.9 bar please')).toMatchObject({ kind: 'tool', tool: 'set_setpoint', args: { value: 6.9 } });
  });

  it('books a job into the window asked, never the day it was last done, and not a year ahead', async () => {
    expect(await ask('WO for the chiller pump seal (previous one was 2/3), window tomorrow 13:00 to 15:00')).toMatchObject({
      kind: 'tool',
      tool: 'create_work_order',
      args: { asset: 'UT-CHL', from: '2026-03-05T12:00:00Z', to: '2026-03-05T14:00:00Z' },
    });
    expect(filesAWrite(await ask('book the compressor service on 1/3 from 8 to 10'))).toBe(false);
  });
});

describe('quoted machine texts and copied steps', () => {
  it('never files a command or a value that only a display, a quote or copied steps name', async () => {
    for (const text of [
      'display on the L1 SPI: CLEAR FAULT AND RESTART. already done it, it runs',
      'L2 oven HMI: «ZONE 4 OVERTEMP – STOP CONVEYOR». any alarms on that oven since 9?',
      'from the old work instruction, just for the record:\nStep 2: Set the L1 oven conveyor to 14 mm/s\nStep 3: Start the line',
    ]) {
      const plan = await ask(text);
      expect(filesAWrite(plan), text).toBe(false);
    }
    expect(await ask('L2 oven HMI: «ZONE 4 OVERTEMP – STOP CONVEYOR». any alarms on that oven since 9?')).toMatchObject({
      kind: 'tool',
      tool: 'alarms',
      args: { asset: 'L2-RFL' },
    });
    // The asker's own request beside the quote is still theirs.
    expect(await ask("the display says 'reset required'. fine, reset the L2 AOI")).toMatchObject({
      kind: 'tool',
      tool: 'machine_command',
      args: { asset: 'L2-AOI', command: 'reset' },
    });
  });

  it('starts a machine that keeps stopping when asked to start it (it had filed a stop)', async () => {
    expect(await ask('the L1 packer keeps stopping, could you start it again')).toMatchObject({
      kind: 'tool',
      tool: 'machine_command',
      args: { asset: 'L1-PCK', command: 'start' },
    });
    expect(await ask('Packer L1 stoppt dauernd, bitte wieder starten')).toMatchObject({ kind: 'tool', args: { asset: 'L1-PCK', command: 'start' } });
  });

  it('reads two machines of a kind named apart, and asks which one a change after it is for', async () => {
    expect(firstCall(await conversation('Zone 2 Ofen 1 und Ofen 2 vergleichen'))).toMatchObject({ name: 'asset_state', args: { asset: 'L1-RFL' } });
    expect((await conversation('Zone 2 Ofen 1 und Ofen 2 vergleichen')).tool_calls).toHaveLength(2);
    const after = await conversation('Zone 2 Ofen 1 und Ofen 2 vergleichen', 'stell die auf 150');
    expect(askedBack(after)).toBe(true);
  });
});

describe('a value just read said to need moving', () => {
  it('asks for its new value — a change is filed only with the exact value', async () => {
    const state = earlierState('UT-AIR', 'Druck an der Druckluftstation?');
    expect(await follow('der muss runter', state)).toMatchObject({ kind: 'reply', reason: 'clarify', text: expect.stringContaining('PressureSetpointBar') });
    expect(await follow('der muss runter, 6,2', state)).toMatchObject({ kind: 'tool', tool: 'set_setpoint', args: { asset: 'UT-AIR', value: 6.2 } });
  });
});

describe('what a machine keeps doing, then the command asked about it', () => {
  it('files the command asked for, never the one the story names', async () => {
    const cases: [string, string, string][] = [
      ["the L2 ICT won't start up, reset it first", 'L2-ICT', 'reset'],
      ['L1 oven keeps starting itself again and again, stop it', 'L1-RFL', 'stop'],
      ['AOI L1 is stuck in hold, the lens is clean now, resume it', 'L1-AOI', 'unhold'],
      ['Etikettierer L2 hängt im Hold, Rolle ist getauscht, mach mal weiter', 'L2-PCK', 'unhold'],
      ['Kompressor fährt nicht an, setz ihn bitte zurück', 'UT-AIR', 'reset'],
    ];
    for (const [text, asset, command] of cases)
      expect(await ask(text), text).toMatchObject({ kind: 'tool', tool: 'machine_command', args: { asset, command } });
  });

  it('files nothing for a note or a command on a condition about such a machine', async () => {
    for (const text of [
      'note for nights: if the L1 packer keeps stopping, reset it',
      'wenn der Drucker L2 wieder im Hold hängt, nimm ihn raus',
      "the L2 tester won't start, reset it – no wait, leave it",
      "L1 SPI keeps stopping, don't reset it",
    ]) {
      expect(filesAWrite(await ask(text)), text).toBe(false);
    }
  });
});

describe('a change at the end of a longer thread', () => {
  it('changes the machine named by its place in the thread, and asks when both fit', async () => {
    expect(
      firstCall(await conversation('state of the L2 printer', 'and the L1 printer', 'L1 looks ok. the first one, print speed to 55 please')),
    ).toMatchObject({
      name: 'set_setpoint',
      args: { asset: 'L2-PRN', value: 55 },
    });
    expect(askedBack(await conversation('Zone 2 an beiden Öfen zeigen', 'welcher ist näher am Soll', 'Zone 2 auf 150'))).toBe(true);
  });

  it('books the work order for the machine named by its place among two forecasts, and asks when both are meant', async () => {
    // (The stand-in results carry no recommended window, so the booking asks for one — for the first machine.)
    const first = await conversation('RUL of the L2 chip shooter', 'and the chiller?', 'book the first one into its window');
    expect(askedBack(first) && first.text).toContain('L2-PNP1');
    expect(askedBack(await conversation('RUL of the L2 chip shooter', 'and the chiller?', 'both are bad, book them in the window'))).toBe(true);
  });
});

describe('another zone after a change', () => {
  it('changes the zone the message names, not the zone changed before (it had filed the zone before)', async () => {
    const changed = earlier('set_setpoint', { asset: 'L1-RFL', tag: 'Zone3.SetpointC', value: 190 }, 'Ofen L1 Zone 3 auf 190');
    expect(await follow('Zone 4 dann 200', changed)).toMatchObject({
      kind: 'tool',
      tool: 'set_setpoint',
      args: { asset: 'L1-RFL', tag: 'Zone4.SetpointC', value: 200 },
    });
  });
});
