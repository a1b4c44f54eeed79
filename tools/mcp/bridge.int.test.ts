// `plantpilot mcp` relays stdio to the running app's /mcp: the same tools, the same gate, the same
// approvals. The bridge runs in-process here with the SDK's in-memory transport standing in for
// stdio (the wire format is the SDK's); the app side is a real HTTP server with the real handler.
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import { ElicitRequestSchema, type CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createToken } from '../../lib/auth/tokens';
import type { Db } from '../../lib/db/db';
import { migrate } from '../../lib/db/migrate';
import { testDatabases } from '../../lib/db/testing';
import { silentLogger } from '../../lib/log';
import { Gate } from '../approval/gate';
import { ToolRegistry } from '../registry';
import type { Actor } from '@/lib/auth/actor';
import { startBridge, type Bridge } from './bridge';
import { createMcpHttpHandler, type McpHttpHandler } from './http-handler';
import { makeTestPlant, serveWebHandler, type WebServer } from './testing';

const admin = { kind: 'cli', id: 'root', name: 'root (CLI on test)' };
const webSupervisor: Actor = { kind: 'user', id: 'u-sup', name: 'Sara Supervisor (sara)', role: 'supervisor' };

describe.each(testDatabases())('plantpilot mcp bridge on $kind', ({ open }) => {
  let db: Db;
  let gate: Gate;
  let plant: ReturnType<typeof makeTestPlant>;
  let handler: McpHttpHandler;
  let web: WebServer;
  let token: string;
  const bridges: { bridge: Bridge; client: Client }[] = [];

  async function bridged(options: { elicit?: 'accept' | 'decline' } = {}): Promise<{ bridge: Bridge; client: Client }> {
    const [stdioClientSide, stdioServerSide] = InMemoryTransport.createLinkedPair();
    const bridge = await startBridge({ url: `${web.url}/mcp`, token, log: silentLogger }, stdioServerSide);
    const client = new Client({ name: 'desktop-client', version: '1.0.0' }, { capabilities: options.elicit ? { elicitation: { form: {} } } : {} });
    if (options.elicit) client.setRequestHandler(ElicitRequestSchema, async () => ({ action: options.elicit! }));
    await client.connect(stdioClientSide);
    bridges.push({ bridge, client });
    return { bridge, client };
  }

  const call = async (client: Client, name: string, args: Record<string, unknown>) => (await client.callTool({ name, arguments: args })) as CallToolResult;

  beforeAll(async () => {
    db = await open();
    await migrate(db);
    plant = makeTestPlant();
    const registry = new ToolRegistry(plant.tools);
    gate = new Gate({ db, registry, log: silentLogger });
    handler = createMcpHttpHandler(() => ({
      db,
      registry,
      gate,
      log: silentLogger,
      publicBaseUrl: 'http://plantpilot.plant.local:3000',
      resources: {
        latestHandover: async () => ({ id: 'h1', title: 'Early shift 2026-11-24', createdAt: '2026-11-24T14:00:00Z', markdown: 'Line 1 ran clean.' }),
      },
    }));
    web = await serveWebHandler(handler.handle);
    token = (await createToken(db, { name: 'desktop', role: 'operator' }, admin)).secret;
  });

  afterAll(async () => {
    for (const { bridge, client } of bridges) {
      await client.close().catch(() => undefined);
      await bridge.close();
    }
    await handler?.close();
    await web?.close();
    await db?.close();
  });

  it('fails with a clear message when the app is not running or the token is missing or refused', async () => {
    const [, serverSide] = InMemoryTransport.createLinkedPair();
    await expect(startBridge({ url: 'http://127.0.0.1:1/mcp', token, log: silentLogger }, serverSide)).rejects.toMatchObject({
      code: 'backend_unavailable',
      message: expect.stringMatching(/Cannot reach Plantpilot at http:\/\/127\.0\.0\.1:1\/mcp .*plantpilot start/),
    });
    await expect(startBridge({ url: `${web.url}/mcp`, token: undefined, log: silentLogger }, serverSide)).rejects.toMatchObject({
      code: 'unauthenticated',
      message: expect.stringMatching(/PLANTPILOT_TOKEN/),
    });
    await expect(startBridge({ url: `${web.url}/mcp`, token: 'ppt_wrong', log: silentLogger }, serverSide)).rejects.toMatchObject({
      code: 'unauthenticated',
      message: expect.stringMatching(/refused the token/),
    });
    expect(handler.sessionCount()).toBe(0);
  });

  it('relays tools: a read, and an actuation that waits for a person and is then seen executed', async () => {
    const { client } = await bridged();
    expect((await client.listTools()).tools.map((t) => t.name).sort()).toEqual([
      'decide_approval',
      'get_approval',
      'read_test_value',
      'set_test_value',
      'withdraw_approval',
    ]);
    expect((await call(client, 'read_test_value', { key: 'zone4' })).structuredContent).toEqual({ key: 'zone4', value: 235, unit: '°C' });

    const filed = (await call(client, 'set_test_value', { key: 'zone4', value: 242 })).structuredContent as Record<string, string>;
    expect(filed).toMatchObject({ status: 'pending', decideUrl: `http://plantpilot.plant.local:3000/approvals/${filed.approvalId}` });
    expect(plant.writes).toEqual([]);

    const request = await gate.get(filed.approvalId!);
    await gate.decide(request.id, { type: 'approve', argsSha256: request.argsSha256 }, webSupervisor);
    expect((await call(client, 'get_approval', { approvalId: filed.approvalId })).structuredContent).toMatchObject({
      status: 'executed',
      readBack: { ok: true, observed: 'zone4 = 242' },
    });
  });

  it('still makes a request with confirmed: true wait — it is refused as an invalid argument', async () => {
    const { client } = await bridged();
    const before = (await gate.list({ statuses: ['pending'] })).length;
    const result = await call(client, 'set_test_value', { key: 'zone5', value: 230, confirmed: true });
    expect(result.isError).toBe(true);
    expect((await gate.list({ statuses: ['pending'] })).length).toBe(before);
  });

  it('passes confirmation prompts to a stdio client that supports them', async () => {
    const { client } = await bridged({ elicit: 'decline' });
    const before = (await gate.list()).length;
    const result = await call(client, 'set_test_value', { key: 'zone5', value: 231 });
    expect(result.isError).toBe(true);
    expect((await gate.list()).length).toBe(before);
  });

  it('relays resources and prompts', async () => {
    const { client } = await bridged();
    const handover = await client.readResource({ uri: 'plantpilot://handovers/latest' });
    expect(handover.contents[0]).toMatchObject({ text: expect.stringContaining('Line 1 ran clean.') });
    await expect(client.readResource({ uri: 'plantpilot://manuals/nothing' })).rejects.toThrow(/no manual/);
    expect((await client.listResourceTemplates()).resourceTemplates.map((t) => t.uriTemplate)).toEqual(['plantpilot://manuals/{doc}']);
    const prompt = await client.getPrompt({ name: 'shift_handover', arguments: {} });
    expect(prompt.messages).toHaveLength(1);
  });

  it('serves real stdio as the `plantpilot mcp` command, and exits when its client goes away', async () => {
    const transport = new StdioClientTransport({
      command: process.execPath,
      args: ['bin/plantpilot.js', 'mcp', '--url', `${web.url}/mcp`, '--token', token],
      env: { LOG_LEVEL: 'warn' },
      stderr: 'pipe',
    });
    const client = new Client({ name: 'desktop-client', version: '1.0.0' });
    await client.connect(transport);
    try {
      const filed = (await call(client, 'set_test_value', { key: 'zone5', value: 233 })).structuredContent as Record<string, string>;
      expect(filed.status).toBe('pending');
      expect((await gate.get(filed.approvalId!)).requester.name).toBe('desktop (MCP)');
    } finally {
      await client.close();
    }
    expect(transport.pid).toBeNull();
  });

  it('ends its app-side session when the stdio client goes away', async () => {
    const { bridge, client } = await bridged();
    await client.listTools();
    const before = handler.sessionCount();
    await client.close();
    await bridge.closed;
    expect(handler.sessionCount()).toBe(before - 1);
  });
});
