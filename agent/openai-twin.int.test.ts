// The whole path with a real OpenAI-compatible model server: ChatOpenAI over SSE → the agent →
// the registry's real tools → the plant twin over OPC UA; an actuation pauses at the approval gate,
// a supervisor approves it from another session, the twin is written and read back, and the model
// is told the outcome. A rejected request never reaches the twin.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../lib/log';
import type { Actor } from '@/lib/auth/actor';
import { startEvalRuntime, type EvalRuntime } from '../evals/run/eval-runtime';
import { monitorTwinWrites, type WriteMonitor } from '../evals/safety/write-monitor';
import { startAgentService, type AgentService } from './agent-service';
import type { ChatEvent } from './chat-events';
import { createOpenAIModel } from './models/agent-model';
import { startOpenAIWireServer, type WireServer } from './testing/openai-wire-server';
import { eventually } from '../test/eventually';

const operator: Actor = { kind: 'user', id: 'u-op-wire', name: 'Olga Operator (olga)', role: 'operator' };
const supervisor: Actor = { kind: 'user', id: 'u-sup-wire', name: 'Sven Supervisor (sven)', role: 'supervisor' };
const ZONE = { asset: 'L1-RFL', tag: 'Zone4.SetpointC' };

let rt: EvalRuntime;
let wire: WireServer;
let agent: AgentService;
let monitor: WriteMonitor;

async function turn(message: string, conversationId?: string): Promise<ChatEvent[]> {
  const events: ChatEvent[] = [];
  for await (const event of agent.send({ conversationId, message, actor: operator })) events.push(event);
  return events;
}

beforeAll(async () => {
  rt = await startEvalRuntime({ shippedManuals: 'skip' });
  // One agent per database in this test: the runtime's own (offline) agent would otherwise claim
  // and resume the paused run with its own model.
  await rt.services.agent!.close();
  monitor = monitorTwinWrites(rt.services.twin!.twin);
  wire = await startOpenAIWireServer([
    // Turn 1: read the oven, then ask for the change, then (after the decision) report it.
    { toolCalls: [{ id: 'call_read', name: 'asset_state', args: { asset: 'L1-RFL' } }] },
    { toolCalls: [{ id: 'call_set', name: 'set_setpoint', args: { ...ZONE, value: 236 } }] },
    { content: 'The supervisor approved it; the plant reads the new setpoint back.' },
    // Turn 2: a change that the supervisor rejects.
    { toolCalls: [{ id: 'call_set_2', name: 'set_setpoint', args: { ...ZONE, value: 262 } }] },
    { content: 'The change was rejected; nothing was written.' },
  ]);
  agent = await startAgentService({
    db: rt.db,
    log: silentLogger,
    registry: rt.services.registry!,
    gate: rt.services.gate!,
    listAssets: async () => [],
    model: createOpenAIModel({ baseUrl: `${wire.url}/v1`, apiKey: 'test-key', name: 'wire-test-model' }),
    sweepIntervalMs: 500,
  });
}, 120_000);

afterAll(async () => {
  await agent?.close();
  monitor?.stop();
  await wire?.close();
  await rt?.close();
});

describe('ChatOpenAI over the wire protocol, through the gate, against the twin', () => {
  it('reads live values, pauses for approval, executes after a supervisor approves, and reports the read-back', async () => {
    const twin = rt.services.twin!.twin;
    const before = twin.readValue(ZONE.asset, ZONE.tag);
    const events = await turn('Check the reflow oven on line 1 and raise zone 4 to 236 °C');
    const conversationId = (events.find((e) => e.type === 'start') as Extract<ChatEvent, { type: 'start' }>).conversationId;

    // The model saw real plant values with units and quality from the twin over OPC UA.
    const toolMessage = JSON.stringify((wire.requests[1]!.messages as unknown[]).at(-1));
    expect(toolMessage).toMatch(/Zone4\.TemperatureC/);
    expect(toolMessage).toMatch(/°C/);
    expect(toolMessage).toMatch(/good/);

    const requested = events.find((e) => e.type === 'approval_requested') as Extract<ChatEvent, { type: 'approval_requested' }>;
    expect(requested).toBeDefined();
    expect(events.at(-1)).toMatchObject({ type: 'done', status: 'awaiting_approval' });
    expect(twin.readValue(ZONE.asset, ZONE.tag)).toBe(before);
    expect(monitor.writes()).toEqual([]);

    const request = await rt.services.gate!.get(requested.approvalId);
    const outcome = await rt.services.gate!.decide(request.id, { type: 'approve', argsSha256: request.argsSha256 }, supervisor);
    expect(outcome).toMatchObject({ status: 'executed', readBack: { ok: true } });
    expect(twin.readValue(ZONE.asset, ZONE.tag)).toBe(236);
    expect(monitor.writes()).toEqual([{ method: 'writeSetpoint', machineId: 'L1-RFL', tagId: 'Zone4.SetpointC', value: 236 }]);

    // The paused run resumes by itself; the model is given the executed outcome with the read-back.
    await eventually(async () => (wire.requests.length >= 3 ? true : undefined), 30_000);
    await eventually(async () => ((await agent.history(conversationId, operator)).conversation.status === 'idle' ? true : undefined), 30_000);
    expect(wire.requests).toHaveLength(3);
    const outcomeMessage = JSON.stringify((wire.requests[2]!.messages as unknown[]).at(-1));
    expect(outcomeMessage).toMatch(/executed/i);
    expect(outcomeMessage).toMatch(/236/);
    const { messages } = await agent.history(conversationId, operator);
    expect(messages.at(-1)).toMatchObject({ role: 'assistant', content: expect.stringMatching(/approved/) });
  });

  it('never writes a rejected change to the twin', async () => {
    const twin = rt.services.twin!.twin;
    const writesBefore = monitor.writes().length;
    const events = await turn('Now set zone 4 to 262 °C');
    const conversationId = (events.find((e) => e.type === 'start') as Extract<ChatEvent, { type: 'start' }>).conversationId;
    const requested = events.find((e) => e.type === 'approval_requested') as Extract<ChatEvent, { type: 'approval_requested' }>;
    const request = await rt.services.gate!.get(requested.approvalId);
    const outcome = await rt.services.gate!.decide(
      request.id,
      { type: 'reject', argsSha256: request.argsSha256, reason: 'zone 4 stays at 236 for this lot' },
      supervisor,
    );
    expect(outcome.status).toBe('rejected');
    await eventually(async () => (wire.requests.length >= 5 ? true : undefined), 30_000);
    await eventually(async () => ((await agent.history(conversationId, operator)).conversation.status === 'idle' ? true : undefined), 30_000);
    expect(twin.readValue(ZONE.asset, ZONE.tag)).toBe(236);
    expect(monitor.writes()).toHaveLength(writesBefore);
    expect(JSON.stringify((wire.requests.at(-1)!.messages as unknown[]).at(-1))).toMatch(/zone 4 stays at 236/);
  });
});
