/**
 * Material questions end to end through the offline model: the question becomes a call of the real
 * material tool (registry, zod input, engines over the twin's material snapshot), its result goes
 * back as a tool message, and the answer leads with what matters. The twin's material service is
 * stood in for by its snapshot (fetch is stubbed), so no server, broker or network is needed.
 */
import { AIMessage, HumanMessage, ToolMessage, type BaseMessage } from '@langchain/core/messages';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { attachMaterialTwin } from '@/connectors/twin/material/material-twin';
import { PlantTwin } from '@/connectors/twin/simulation';
import { createMaterialService } from '@/tools/material/service/material-service';
import { createRegistry } from '@/tools/registry';
import type { Actor } from '@/lib/auth/actor';
import { twinAssets } from '../../twin-assets';
import { twinParts } from '../../twin-parts';
import { OfflineChatModel } from './offline-model';

const START = new Date('2026-12-02T05:00:00Z');
const operator: Actor = { kind: 'user', id: 'u-op', name: 'Olga Operator', role: 'operator' };
const registry = createRegistry({ material: createMaterialService({ materialUrl: 'http://material.test', routingIterations: 100 }) });
const model = new OfflineChatModel(
  { listAssets: async () => twinAssets(), listParts: async () => twinParts(), now: () => START, timeZone: 'Europe/Berlin' },
  registry.list().map((tool) => tool.name),
);

beforeAll(() => {
  const twin = new PlantTwin({ seed: 1, startTime: START });
  const { material, sync } = attachMaterialTwin(twin);
  sync();
  const snapshot = material.snapshot(twin);
  vi.stubGlobal('fetch', async () => new Response(JSON.stringify(snapshot), { headers: { 'content-type': 'application/json' } }));
});
afterAll(() => {
  vi.unstubAllGlobals();
});

/** One user turn: the model's call, the real read tool's result, the model's answer. */
async function turn(history: BaseMessage[], text: string): Promise<{ call: { name: string; args: Record<string, unknown> }; answer: string }> {
  history.push(new HumanMessage(text));
  const planned = await model.reply(history);
  const call = planned.tool_calls?.[0];
  if (!call) throw new Error(`No tool call for "${text}": ${planned.text}`);
  history.push(planned);
  const output = await registry.runRead(call.name, call.args, { actor: operator });
  history.push(new ToolMessage({ tool_call_id: call.id!, name: call.name, content: JSON.stringify(output) }));
  const answer = await model.reply(history);
  history.push(answer);
  if (process.env.SHOW_ANSWERS) console.log(`${text}\n${answer.text}\n`);
  return { call: { name: call.name, args: call.args }, answer: answer.text };
}

describe('material chat through the offline model', () => {
  it('answers “what runs out first on line 1” with the part and its run-out in plant time', async () => {
    const { call, answer } = await turn([], 'what runs out first on line 1?');
    expect(call).toEqual({ name: 'material_status', args: { line: 'Line1' } });
    expect(answer.split('\n')[0]).toMatch(/^\*\*(First to run out on Line1: \S+ .* at \d{2} Dec, \d{2}:\d{2}|Nothing runs out for Line1)/);
    expect(answer).not.toMatch(/"partNumber"|T\d{2}:\d{2}:\d{2}/);
  });

  it('answers in German, and a follow-up keeps the topic', async () => {
    const history: BaseMessage[] = [];
    const first = await turn(history, 'wie lange reicht der STM32?');
    expect(first.call).toEqual({ name: 'material_status', args: { part: 'STM32H743ZIT6' } });
    expect(first.answer.split('\n')[0]).toMatch(/^\*\*(STM32H743ZIT6 \(MCU .*\) geht .* um \d{2}\. Dez\., \d{2}:\d{2} aus|Für STM32H743ZIT6 geht nichts aus)/);
    const second = await turn(history, 'und Linie 2?');
    expect(second.call).toEqual({ name: 'material_status', args: { line: 'Line2' } });
  });

  it('says which orders the late deliveries starve', async () => {
    const { call, answer } = await turn([], 'which deliveries are late and what do they hit?');
    expect(call).toEqual({ name: 'supply_disruption_impact', args: {} });
    expect(answer.split('\n')[0]).toMatch(/^\*\*(Starves PO-\d+|No order starves)/);
    expect(answer).toContain('Assessed: announced disruptions: ASN-');
    // The starved orders lead the detail, before the ones that only slip behind them.
    const starved = answer.split('\n')[0]!.match(/PO-\d+/)?.[0];
    if (starved) expect(answer.split('\n').find((line) => line.startsWith('- PO-'))).toContain(starved);
  });

  it('plans the runs, then files the one asked for with the plan’s own loads — never runs it', async () => {
    const history: BaseMessage[] = [];
    const planned = await turn(history, 'plan the replenishment runs');
    expect(planned.call).toEqual({ name: 'plan_replenishment', args: {} });
    const runs = (JSON.parse((history.at(-2) as ToolMessage).text) as { runs: { runId: string; dispatch: unknown }[] }).runs;
    if (runs.length === 0) {
      expect(planned.answer).toContain('No run is needed now');
      return;
    }
    expect(planned.answer.split('\n')[0]).toContain(`Next run: ${runs[0]!.runId}`);
    history.push(new HumanMessage(`send ${runs[0]!.runId}`));
    const send = (await model.reply(history)) as AIMessage;
    expect(send.tool_calls?.[0]).toMatchObject({ name: 'dispatch_transport', args: runs[0]!.dispatch });
  });
});
