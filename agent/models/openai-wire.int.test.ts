import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../lib/db/db';
import { migrate } from '../../lib/db/migrate';
import { openEmbeddedDb } from '../../lib/db/pglite';
import { silentLogger } from '../../lib/log';
import { ToolRegistry } from '../../tools/registry';
import { startAgentService } from '../agent-service';
import { answerText, collect } from '../testing/collect';
import { PLANT_TEST_TOOLS, TEST_ASSETS } from '../testing/plant-test-tools';
import { startOpenAIWireServer, type WireServer } from '../testing/openai-wire-server';
import { createOpenAIModel } from './agent-model';

const actor = { kind: 'user', id: 'u-1', name: 'Olga', role: 'operator' } as const;

describe('ChatOpenAI over the wire through the agent and the registry', () => {
  let db: Db;
  let wire: WireServer;
  beforeAll(async () => {
    db = await openEmbeddedDb({});
    await migrate(db);
  });
  afterAll(async () => {
    await wire?.close();
    await db?.close();
  });

  it('streams tokens, assembles tool-call arguments split across chunks, and runs the tool', async () => {
    wire = await startOpenAIWireServer([
      { toolCalls: [{ id: 'call_1', name: 'asset_state', args: { asset: 'L1-RFL' } }] },
      { content: 'The reflow oven L1 is in Execute; zone 4 is at 244.6 °C (Good) [1].' },
    ]);
    const agent = await startAgentService({
      db,
      log: silentLogger,
      registry: new ToolRegistry(PLANT_TEST_TOOLS),
      listAssets: async () => TEST_ASSETS,
      model: createOpenAIModel({ baseUrl: wire.url, apiKey: 'test-key', name: 'wire-test-model' }),
    });
    try {
      const events = await collect(agent.send({ message: 'How is the reflow oven on line 1?', actor }));
      expect(events[0]).toMatchObject({ type: 'start', model: 'wire-test-model' });
      expect(events.find((event) => event.type === 'tool_result')).toMatchObject({ call: { name: 'asset_state', args: { asset: 'L1-RFL' }, status: 'ok' } });
      expect(events.filter((event) => event.type === 'token').length).toBeGreaterThan(3);
      expect(answerText(events)).toBe('The reflow oven L1 is in Execute; zone 4 is at 244.6 °C (Good) [1].');
      expect(events.at(-1)).toEqual({ type: 'done', status: 'complete' });

      expect(wire.requests).toHaveLength(2);
      const first = wire.requests[0] as { stream: boolean; tools: { function: { name: string } }[]; messages: { role: string }[] };
      expect(first.stream).toBe(true);
      expect(first.tools.map((tool) => tool.function.name)).toContain('set_setpoint');
      expect(first.messages[0]!.role).toBe('system');
      const second = wire.requests[1] as { messages: { role: string; content: string; tool_call_id?: string }[] };
      expect(second.messages.at(-1)).toMatchObject({ role: 'tool', tool_call_id: 'call_1' });
      expect(second.messages.at(-1)!.content).toContain('244.6');

      // An exhausted script is a server error: the person gets a message naming what to check.
      const failed = await collect(agent.send({ message: 'again?', actor }));
      expect(failed.at(-1)).toMatchObject({ type: 'error', code: 'model_unavailable', message: expect.stringContaining('OPENAI_BASE_URL') });
    } finally {
      await agent.close();
    }
  });
});
