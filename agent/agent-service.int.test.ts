import { AIMessage, type ToolMessage } from '@langchain/core/messages';
import { fakeModel } from '@langchain/core/testing';
import { z } from 'zod';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../lib/db/db';
import { AppError } from '../lib/errors';
import { silentLogger } from '../lib/log';
import { migrate } from '../lib/db/migrate';
import { testDatabases } from '../lib/db/testing';
import { Gate } from '../tools/approval/gate';
import type { ApprovalGate } from '../tools/approval/types';
import { ToolRegistry } from '../tools/registry';
import { defineTool, type AnyTool } from '../tools/tool';
import type { Actor } from '@/lib/auth/actor';
import { startAgentService, type AgentService } from './agent-service';
import type { AgentModel } from './models/agent-model';
import { createOfflineModel, OFFLINE_MODEL_NAME } from './models/offline/offline-model';
import { approvalGateDouble } from './testing/approval-gate-double';
import { answerText, collect, eventually } from './testing/collect';
import { PLANT_TEST_TOOLS, TEST_ASSETS } from './testing/plant-test-tools';

const actor: Actor = { kind: 'user', id: 'u-1', name: 'Olga Operator', role: 'operator' };
const offline = (): AgentModel => ({
  name: OFFLINE_MODEL_NAME,
  kind: 'offline',
  chat: createOfflineModel({ listAssets: async () => TEST_ASSETS, now: () => new Date('2025-03-04T10:00:00Z') }),
});

for (const database of testDatabases()) {
  describe(`agent service on ${database.kind}`, () => {
    // One database for the file (opening PGlite costs seconds); each test has its own conversations.
    const open: { db?: Db; services: AgentService[] } = { services: [] };
    beforeAll(async () => {
      open.db = await database.open();
      await migrate(open.db);
    });
    afterEach(async () => {
      for (const service of open.services.splice(0)) await service.close();
    });
    afterAll(async () => {
      await open.db?.close();
    });

    async function start(options: { tools?: AnyTool[]; gate?: ApprovalGate; model?: AgentModel } = {}) {
      const service = await startAgentService({
        db: open.db!,
        log: silentLogger,
        registry: new ToolRegistry(options.tools ?? PLANT_TEST_TOOLS),
        gate: options.gate,
        listAssets: async () => TEST_ASSETS,
        model: options.model ?? offline(),
        sweepIntervalMs: 60_000,
      });
      open.services.push(service);
      return service;
    }

    it('answers a read question with a tool call, a streamed answer and a stored history', async () => {
      const agent = await start();
      const events = await collect(agent.send({ message: 'what is the state of line 1', actor }));
      const types = events.map((event) => event.type);
      expect(types[0]).toBe('start');
      expect(types.at(-1)).toBe('done');
      const call = events.find((event) => event.type === 'tool_call');
      expect(call?.type === 'tool_call' && call.call).toMatchObject({ name: 'asset_state', args: { asset: 'Line1' } });
      const result = events.find((event) => event.type === 'tool_result');
      expect(result?.type === 'tool_result' && result.call).toMatchObject({ status: 'ok', quality: 'uncertain', sources: [{ kind: 'tag' }] });
      expect(types.filter((type) => type === 'token').length).toBeGreaterThan(3);
      const answer = answerText(events);
      expect(answer).toContain('244.6 °C');
      expect(answer).toMatch(/Uncertain/);
      expect(answer).toContain('[1]');

      const opening = events[0]!;
      const conversationId = opening.type === 'start' ? opening.conversationId : '';
      const { conversation, messages } = await agent.history(conversationId, actor);
      expect(conversation).toMatchObject({ model: OFFLINE_MODEL_NAME, status: 'idle', title: 'what is the state of line 1' });
      expect(messages.map((message) => message.role)).toEqual(['user', 'tool', 'assistant']);
      expect((await agent.list(actor)).map((c) => c.id)).toContain(conversationId);
      await expect(agent.history(conversationId, { ...actor, id: 'someone-else' })).rejects.toMatchObject({ code: 'not_found' });

      // The next turn continues the same thread: the model sees the earlier turn.
      const again = await collect(agent.send({ conversationId, message: 'and the reflow oven on line 2?', actor }));
      expect(again.find((event) => event.type === 'tool_call')).toMatchObject({ call: { args: { asset: 'L2-RFL' } } });
    });

    it('keeps what a turn showed when the reader goes away mid-answer, and says it stopped', async () => {
      const agent = await start();
      const turn = agent.send({ message: 'what is the state of line 1', actor });
      let conversationId = '';
      for await (const event of turn) {
        if (event.type === 'start') conversationId = event.conversationId;
        if (event.type === 'tool_result') break; // like a closed page: the stream is returned, not failed
      }
      const { conversation, messages } = await agent.history(conversationId, actor);
      expect(messages.map((message) => message.role)).toEqual(['user', 'tool', 'error']);
      expect(messages.at(-1)!.content).toMatch(/stopped here/);
      expect(conversation.status).toBe('idle');
    });

    it('asks which one when a name fits several machines, and finishes the question with the answer', async () => {
      const agent = await start();
      const first = await collect(agent.send({ message: 'status of P&P 1', actor }));
      expect(answerText(first)).toMatch(/Which one do you mean.*L1-PNP1.*L2-PNP1/);
      expect(first.some((event) => event.type === 'tool_call')).toBe(false);
      const conversationId = first[0]!.type === 'start' ? first[0]!.conversationId : '';
      const second = await collect(agent.send({ conversationId, message: 'line 2', actor }));
      expect(second.find((event) => event.type === 'tool_call')).toMatchObject({ call: { name: 'asset_state', args: { asset: 'L2-PNP1' } } });
    });

    it('pauses an actuation for approval, survives a restart, and reports the executed outcome', async () => {
      const gate = approvalGateDouble();
      let ran = 0;
      const tools = PLANT_TEST_TOOLS.map((tool) => (tool.effect === 'actuate' ? { ...tool, run: async () => ((ran += 1), { ok: true }) } : tool));
      const first = await start({ tools, gate });
      const events = await collect(first.send({ message: 'set zone 4 setpoint of the reflow oven on line 1 to 245', actor }));
      const requested = events.find((event) => event.type === 'approval_requested');
      expect(requested).toMatchObject({ tool: 'set_setpoint', args: { asset: 'L1-RFL', tag: 'Zone4.SetpointC', value: 245 } });
      expect(events.at(-1)).toEqual({ type: 'done', status: 'awaiting_approval' });
      // The card comes with a sentence saying what was filed and that nothing has changed yet.
      const said = events.flatMap((event) => (event.type === 'token' ? [event.text] : [])).join('');
      expect(said).toMatch(/^Filed for approval: .*245.*Nothing changes in the plant until someone approves it/s);
      expect(gate.requests).toHaveLength(1);
      const conversationId = events[0]!.type === 'start' ? events[0]!.conversationId : '';

      const blocked = await collect(first.send({ conversationId, message: 'hello?', actor }));
      expect(blocked).toEqual([expect.objectContaining({ type: 'error', code: 'conflict' })]);

      // Restart: a new service instance on the same database picks the pause up.
      await first.close();
      open.services.splice(0);
      const second = await start({ tools, gate });
      gate.decide(gate.requests[0]!.id, { status: 'executed' });
      const history = await eventually(async () => {
        const current = await second.history(conversationId, actor);
        return current.conversation.status === 'idle' && current.messages.at(-1)?.role === 'assistant' ? current : undefined;
      });
      expect(history.messages.at(-1)!.content).toMatch(/executed.*Read-back confirms: Zone4.SetpointC = 245 °C/);
      // The record written after the resume keeps the title and arguments the paused call was shown with.
      expect(history.messages.find((message) => message.role === 'tool')!.tool).toMatchObject({
        status: 'ok',
        title: expect.any(String),
        args: { asset: 'L1-RFL', tag: 'Zone4.SetpointC', value: 245 },
        approval: { status: 'executed' },
      });
      expect(gate.requests).toHaveLength(1);
      expect(ran).toBe(0);
    });

    it('reports a rejection truthfully and never runs the tool', async () => {
      const gate = approvalGateDouble();
      const agent = await start({ gate });
      const events = await collect(agent.send({ message: 'hold the printer on line 2', actor }));
      const conversationId = events[0]!.type === 'start' ? events[0]!.conversationId : '';
      const resumed: string[] = [];
      agent.onResumedEvent((_id, event) => event.type === 'token' && resumed.push(event.text));
      gate.decide(gate.requests[0]!.id, { status: 'rejected', reason: 'line 2 is changing over' });
      await eventually(async () => ((await agent.history(conversationId, actor)).conversation.status === 'idle' ? true : undefined));
      expect(resumed.join('')).toMatch(/Rejected by Sam Supervisor: line 2 is changing over\. Nothing was changed/);
      const stored = (await agent.history(conversationId, actor)).messages.find((message) => message.role === 'tool')!.tool!;
      expect(stored.approval).toMatchObject({ status: 'rejected' });
      expect(stored.title).toEqual(expect.any(String));
      expect(Object.keys(stored.args).length).toBeGreaterThan(0);
    });

    it('lets the requester withdraw a wrong request on the real gate and correct it in the same conversation', async () => {
      const gate = new Gate({ db: open.db!, registry: new ToolRegistry(PLANT_TEST_TOOLS), log: silentLogger });
      const agent = await start({ gate });
      const events = await collect(agent.send({ message: 'set zone 4 on the line 1 oven to 250', actor }));
      const conversationId = events[0]!.type === 'start' ? events[0]!.conversationId : '';
      const [filed] = await gate.list({ conversationId });
      expect(filed).toMatchObject({ status: 'pending', args: { asset: 'L1-RFL', tag: 'Zone4.SetpointC', value: 250 } });
      const resumed: string[] = [];
      agent.onResumedEvent((_id, event) => event.type === 'token' && resumed.push(event.text));

      // An operator may not approve or reject, but takes their own request back.
      await gate.decide(filed!.id, { type: 'withdraw', argsSha256: filed!.argsSha256, reason: 'wrong value' }, actor);
      await eventually(async () => ((await agent.history(conversationId, actor)).conversation.status === 'idle' ? true : undefined));
      expect(resumed.join('')).toMatch(/Withdrawn by Olga Operator, who asked for it \(“wrong value”\)\. Nothing was changed/);

      // The conversation goes on where it was: the correction names only the new value.
      const corrected = await collect(agent.send({ conversationId, message: 'sorry, 248 I meant', actor }));
      expect(corrected.find((event) => event.type === 'approval_requested')).toMatchObject({
        tool: 'set_setpoint',
        args: { asset: 'L1-RFL', tag: 'Zone4.SetpointC', value: 248 },
      });
      expect((await gate.list({ conversationId })).map((request) => request.status).sort()).toEqual(['pending', 'rejected']);
    });

    it('fails closed without a gate: the actuation is refused and nothing runs', async () => {
      const agent = await start();
      const events = await collect(agent.send({ message: 'stop the printer on line 1', actor }));
      expect(events.find((event) => event.type === 'tool_result')).toMatchObject({
        call: { status: 'error', output: { error: { code: 'actuation_disabled' } } },
      });
      expect(answerText(events)).toMatch(/approval gate is not running/);
    });

    it('gives a call whose arguments do not fit the tool a clean invalid_argument result the model can correct', async () => {
      const model = fakeModel()
        .respondWithTools([{ name: 'asset_state', args: { machine: 'L1-RFL' }, id: 'bad-args' }])
        .respond(new AIMessage('Let me try that again.'));
      const agent = await start({ model: { name: 'fake', kind: 'scripted', chat: model } });
      const events = await collect(agent.send({ message: 'state of the oven', actor }));
      const result = events.find((event) => event.type === 'tool_result');
      expect(result).toMatchObject({
        call: { status: 'error', output: { error: { code: 'invalid_argument', message: expect.stringMatching(/do not fit asset_state/) } } },
      });
      const seen = model.calls.at(-1)!.messages.find((message) => message.getType() === 'tool')!;
      expect(JSON.parse(String(seen.content))).toMatchObject({ error: { code: 'invalid_argument' } });
      // No stack trace or install path reaches the model or the person.
      expect(String(seen.content)).not.toMatch(/node_modules|\bat \w+ \(/);
      expect(events.at(-1)).toEqual({ type: 'done', status: 'complete' });
    });

    it('returns recoverable tool errors to the model and surfaces infrastructure failures to the person', async () => {
      const model = fakeModel()
        .respondWithTools([{ name: 'asset_state', args: { asset: 'L9-XYZ' }, id: 'c1' }])
        .respond(new AIMessage('There is no L9-XYZ; did you mean L1-RFL?'))
        .respondWithTools([{ name: 'flaky_plant', args: {}, id: 'c2' }])
        .respond(new AIMessage('The plant was unreachable a moment ago.'));
      const flaky = defineTool({
        name: 'flaky_plant',
        title: 'Flaky',
        description: 'Always down.',
        input: z.object({}),
        output: z.object({}),
        effect: 'read',
        run: async () => {
          throw new AppError('plant_unreachable', 'Cannot reach the plant at opc.tcp://10.0.0.5:4840. Check OPCUA_ENDPOINT.');
        },
      });
      const agent = await start({ tools: [...PLANT_TEST_TOOLS, flaky], model: { name: 'fake', kind: 'scripted', chat: model } });
      const recoverable = await collect(agent.send({ message: 'state of L9-XYZ', actor }));
      expect(recoverable.find((event) => event.type === 'tool_result')).toMatchObject({ call: { status: 'error', output: { error: { code: 'not_found' } } } });
      expect(answerText(recoverable)).toContain('did you mean L1-RFL');
      const conversationId = recoverable[0]!.type === 'start' ? recoverable[0]!.conversationId : '';
      const failed = await collect(agent.send({ conversationId, message: 'try the flaky one', actor }));
      expect(failed.at(-1)).toMatchObject({ type: 'error', code: 'plant_unreachable', message: expect.stringContaining('Check OPCUA_ENDPOINT') });
      const afterFailure = (await agent.history(conversationId, actor)).messages.map((message) => message.role);
      expect(afterFailure.slice(afterFailure.lastIndexOf('user'))).toEqual(['user', 'assistant', 'error']);

      // The conversation goes on. The model is shown the failed call as failed, so every tool call
      // it sees has its answer (OpenAI-compatible servers reject a history with an unanswered one).
      const next = await collect(agent.send({ conversationId, message: 'and now?', actor }));
      expect(next.at(-1)).toEqual({ type: 'done', status: 'complete' });
      const seen = model.calls.at(-1)!.messages;
      const answered = seen.find((message) => message.getType() === 'tool' && (message as ToolMessage).tool_call_id === 'c2') as ToolMessage | undefined;
      expect(answered?.content).toMatch(/did not complete/);
      expect(seen.indexOf(answered!)).toBeLessThan(seen.findLastIndex((message) => message.getType() === 'human'));
    });
  });
}
