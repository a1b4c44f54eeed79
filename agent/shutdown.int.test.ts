// A chat turn in flight when the server stops: it finishes inside the shutdown deadline, or it is
// stopped and stored as interrupted in words — never lost, never left "running".
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate } from '../lib/db/migrate';
import { openEmbeddedDb } from '../lib/db/pglite';
import type { Db } from '../lib/db/db';
import { silentLogger } from '../lib/log';
import { ToolRegistry } from '../tools/registry';
import type { AnyTool } from '../tools/tool';
import type { Actor } from '@/lib/auth/actor';
import { startAgentService } from './agent-service';
import type { ChatEvent } from './chat-events';
import { createOfflineModel, OFFLINE_MODEL_NAME } from './models/offline/offline-model';
import { eventually } from './testing/collect';
import { PLANT_TEST_TOOLS, TEST_ASSETS } from './testing/plant-test-tools';

const actor: Actor = { kind: 'user', id: 'u-1', name: 'Olga Operator', role: 'operator' };

/** The plant tools, with asset_state held until the test lets it answer. */
function heldTools() {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  const tools = PLANT_TEST_TOOLS.map((tool): AnyTool =>
    tool.name === 'asset_state'
      ? {
          ...tool,
          run: async (input: never, context: never) => {
            await released;
            return tool.run(input, context);
          },
        }
      : tool,
  );
  return { tools, release };
}

describe('chat turns at shutdown', () => {
  let db: Db;
  beforeAll(async () => {
    db = await openEmbeddedDb({});
    await migrate(db);
  });
  afterAll(async () => db?.close());

  const startAgent = (tools: AnyTool[]) =>
    startAgentService({
      db,
      log: silentLogger,
      registry: new ToolRegistry(tools),
      listAssets: async () => TEST_ASSETS,
      model: { name: OFFLINE_MODEL_NAME, kind: 'offline', chat: createOfflineModel({ listAssets: async () => TEST_ASSETS }) },
      sweepIntervalMs: 60_000,
    });

  /** Reads a turn's events in the background, as the chat page's stream does. */
  const reading = (events: AsyncGenerator<ChatEvent>) => {
    const seen: ChatEvent[] = [];
    const done = (async () => {
      for await (const event of events) seen.push(event);
    })();
    return { seen, done };
  };

  it('lets a turn in flight finish within the deadline and refuses new ones meanwhile', async () => {
    const { tools, release } = heldTools();
    const agent = await startAgent(tools);
    const turn = reading(agent.send({ message: 'what is the state of line 1', actor }));
    await eventually(() => turn.seen.some((event) => event.type === 'tool_call'), 30_000, 'the turn to call its tool');
    const finishing = agent.finishTurns(60_000);
    const refused = reading(agent.send({ message: 'and line 2?', actor }));
    await refused.done;
    expect(refused.seen).toEqual([{ type: 'error', code: 'backend_unavailable', message: expect.stringMatching(/shutting down/) }]);
    release();
    await finishing;
    await turn.done;
    expect(turn.seen.at(-1)).toEqual({ type: 'done', status: 'complete' });
    const start = turn.seen[0]!;
    const { conversation, messages } = await agent.history(start.type === 'start' ? start.conversationId : '', actor);
    expect(conversation.status).toBe('idle');
    expect(messages.at(-1)?.role).toBe('assistant');
    await agent.close();
  });

  it('stops a turn that runs past the deadline and stores it as interrupted by the shutdown, in words', async () => {
    const { tools, release } = heldTools();
    const agent = await startAgent(tools);
    const turn = reading(agent.send({ message: 'what is the state of line 1', actor }));
    await eventually(() => turn.seen.some((event) => event.type === 'tool_call'), 30_000, 'the turn to call its tool');
    await agent.finishTurns(200);
    await turn.done;
    expect(turn.seen.at(-1)).toMatchObject({ type: 'error', code: 'backend_unavailable', message: expect.stringMatching(/server was shutting down/) });
    const start = turn.seen[0]!;
    const { conversation, messages } = await agent.history(start.type === 'start' ? start.conversationId : '', actor);
    expect(conversation.status).toBe('idle');
    expect(messages.at(-1)).toMatchObject({ role: 'error', content: expect.stringMatching(/server was shutting down/) });
    release();
    await agent.close();
  });
});
