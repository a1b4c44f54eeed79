/**
 * Understanding, twenty-third round: fresh probe sets written apart from the code (not the NLU evaluation set) on
 * answers to the copilot's own questions back, changes with relative or referenced values, the planner's and
 * logistics lead's writes — the cases that went wrong, in other words than the probes'.
 */
import { AIMessage, HumanMessage, ToolMessage, type BaseMessage } from '@langchain/core/messages';
import { describe, expect, it } from 'vitest';
import { twinAssets } from '../../twin-assets';
import { twinOrders } from '../../twin-orders';
import { twinParts } from '../../twin-parts';
import { INTENTS } from './intents';
import { OfflineChatModel } from './offline-model';
import { after, afterReplenishmentPlan, ask, askWith, filesAWrite, PLANT_NOW } from './test-support/twin-understanding';

const model = new OfflineChatModel(
  {
    listAssets: async () => twinAssets(),
    listParts: async () => twinParts(),
    listOrders: async () => twinOrders(),
    now: () => PLANT_NOW,
    timeZone: 'Europe/Berlin',
  },
  Object.values(INTENTS).map((intent) => intent.tool),
);

/** A conversation typed turn by turn: each turn's planned reply, its calls answered with an empty stand-in result. */
async function conversation(...texts: string[]): Promise<AIMessage> {
  const history: BaseMessage[] = [];
  let planned: AIMessage | undefined;
  for (const text of texts) {
    history.push(new HumanMessage(text));
    planned = await model.reply(history);
    history.push(planned);
    for (const call of planned.tool_calls ?? []) history.push(new ToolMessage({ tool_call_id: call.id!, name: call.name, content: '{}' }));
    if ((planned.tool_calls ?? []).length > 0) history.push(await model.reply(history));
  }
  return planned!;
}

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
    for (const text of ['the compressor setpoint needs changing', 'Sollwert vom Kaltwassersatz muss angepasst werden', 'we need the zone 4 setpoint on oven 2 changed'])
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
