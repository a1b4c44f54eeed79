// The MCP server over Streamable HTTP, driven by the official SDK client against the /mcp route's
// handler on a real socket: every actuation waits for a person, whatever the client sends.
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { ElicitRequestSchema, type CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { POST as mcpRoute } from '../../app/mcp/route';
import { listAudit } from '../../lib/audit/audit-log';
import { createToken, revokeToken } from '../../lib/auth/tokens';
import { loadConfig } from '../../lib/config';
import type { Db } from '../../lib/db/db';
import { migrate } from '../../lib/db/migrate';
import { testDatabases } from '../../lib/db/testing';
import { silentLogger } from '../../lib/log';
import { setRuntime } from '@/server/runtime';
import { Gate } from '../approval/gate';
import { ToolRegistry } from '../registry';
import type { Actor } from '@/lib/auth/actor';
import { closeSharedMcpHttpHandler, sharedMcpHttpHandler } from './shared-http-handler';
import { makeTestPlant, serveWebHandler, type WebServer } from './testing';

const admin = { kind: 'cli', id: 'root', name: 'root (CLI on test)' };
const webSupervisor: Actor = { kind: 'user', id: 'u-sup', name: 'Sara Supervisor (sara)', role: 'supervisor' };

type Structured = Record<string, unknown>;

describe.each(testDatabases())('MCP over Streamable HTTP on $kind', ({ open }) => {
  let db: Db;
  let gate: Gate;
  let plant: ReturnType<typeof makeTestPlant>;
  let web: WebServer;
  const secrets: Record<string, string> = {};
  const clients: Client[] = [];

  async function connect(secret: string | undefined, options: { elicit?: 'accept' | 'decline' } = {}): Promise<Client> {
    const client = new Client({ name: 'test-client', version: '1.0.0' }, { capabilities: options.elicit ? { elicitation: { form: {} } } : {} });
    if (options.elicit) client.setRequestHandler(ElicitRequestSchema, async () => ({ action: options.elicit! }));
    const transport = new StreamableHTTPClientTransport(new URL(`${web.url}/mcp`), {
      requestInit: { headers: secret ? { authorization: `Bearer ${secret}` } : {} },
    });
    await client.connect(transport);
    clients.push(client);
    return client;
  }

  const call = async (client: Client, name: string, args: Record<string, unknown>) => (await client.callTool({ name, arguments: args })) as CallToolResult;
  const text = (result: CallToolResult) => result.content.map((c) => (c.type === 'text' ? c.text : '')).join('\n');
  const resourceText = (result: { contents: ({ text: string } | { blob: string })[] }) => result.contents.map((c) => ('text' in c ? c.text : '')).join('');
  const pendingCount = async () => (await gate.list({ statuses: ['pending'] })).length;

  beforeAll(async () => {
    db = await open();
    await migrate(db);
    plant = makeTestPlant();
    const registry = new ToolRegistry(plant.tools);
    gate = new Gate({ db, registry, log: silentLogger });
    const knowledge = {
      listDocuments: async () => [{ id: 'reflow-oven-manual', title: 'Reflow oven manual', docType: 'manual', assets: ['L1-RFL'] }],
      getDocument: async (id: string) => (id === 'reflow-oven-manual' ? { id, title: 'Reflow oven manual' } : undefined),
      documentChunks: async () => [{ ordinal: 0, headingText: 'Alarm E-214', body: 'Zone 4 over temperature. Check the fan.' }],
    };
    setRuntime({ config: loadConfig({}), log: silentLogger, db, startedAt: new Date(), health: {}, services: { registry, gate, knowledge } as never });
    web = await serveWebHandler(mcpRoute);
    for (const [name, role, canApprove] of [
      ['operator-bot', 'operator', false],
      ['viewer-bot', 'viewer', false],
      ['approver-bot', 'supervisor', true],
      ['doomed-bot', 'operator', false],
    ] as const) {
      secrets[name] = (await createToken(db, { name, role, canApprove }, admin)).secret;
    }
  });

  afterAll(async () => {
    for (const client of clients) await client.close().catch(() => undefined);
    await closeSharedMcpHttpHandler();
    await web?.close();
    setRuntime(undefined);
    await db?.close();
  });

  it('refuses a request without a valid token with 401 and WWW-Authenticate', async () => {
    const body = JSON.stringify({
      jsonrpc: '2.0',
      id: 1,
      method: 'initialize',
      params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'x', version: '1' } },
    });
    const headers = { 'content-type': 'application/json', accept: 'application/json, text/event-stream' };
    for (const auth of [undefined, 'Bearer ppt_not-a-real-token', 'Basic dXNlcjpwYXNz']) {
      const response = await fetch(`${web.url}/mcp`, { method: 'POST', body, headers: auth ? { ...headers, authorization: auth } : headers });
      expect(response.status).toBe(401);
      expect(response.headers.get('www-authenticate')).toMatch(/^Bearer/);
      expect(((await response.json()) as { error: { message: string } }).error.message).toMatch(/token/);
    }
    await expect(connect(undefined)).rejects.toThrow();
  });

  it('lists every registry tool with its JSON schema, plus the approval tools', async () => {
    const client = await connect(secrets['operator-bot']);
    const { tools } = await client.listTools();
    expect(tools.map((t) => t.name).sort()).toEqual(['decide_approval', 'get_approval', 'read_test_value', 'set_test_value', 'withdraw_approval']);
    const setter = tools.find((t) => t.name === 'set_test_value')!;
    expect(setter.inputSchema).toMatchObject({ type: 'object', properties: { key: { enum: ['zone4', 'zone5'] } }, additionalProperties: false });
    expect(setter.outputSchema).toMatchObject({ properties: { approvalId: {}, status: {}, preview: {}, decideUrl: {} } });
    expect(setter.annotations).toMatchObject({ readOnlyHint: false });
    expect(tools.find((t) => t.name === 'read_test_value')!.outputSchema).toMatchObject({ properties: { value: { type: 'number' } } });
  });

  it('calls a read tool and returns structured output', async () => {
    const client = await connect(secrets['viewer-bot']);
    const result = await call(client, 'read_test_value', { key: 'zone4' });
    expect(result.isError).toBeFalsy();
    expect(result.structuredContent).toEqual({ key: 'zone4', value: 235, unit: '°C' });
  });

  it('files an actuation that waits for a person; approved in the web session, get_approval shows the read-back', async () => {
    const client = await connect(secrets['operator-bot']);
    const filed = await call(client, 'set_test_value', { key: 'zone4', value: 245 });
    expect(filed.isError).toBeFalsy();
    const { approvalId, status, preview, decideUrl } = filed.structuredContent as Structured;
    expect(status).toBe('pending');
    expect(decideUrl).toBe(`${web.url}/approvals/${String(approvalId)}`);
    expect(preview).toMatchObject({ summary: 'Set zone4 to 245 °C', risk: 'medium' });
    expect(plant.values.get('zone4')).toBe(235);
    expect(plant.writes).toEqual([]);

    const pending = await call(client, 'get_approval', { approvalId });
    expect(pending.structuredContent).toMatchObject({ status: 'pending', final: false, requester: 'operator-bot (MCP)' });

    const request = await gate.get(String(approvalId));
    expect(request.requester).toMatchObject({ kind: 'mcp_client', name: 'operator-bot (MCP)', role: 'operator' });
    await gate.decide(request.id, { type: 'approve', argsSha256: request.argsSha256 }, webSupervisor);

    const done = await call(client, 'get_approval', { approvalId });
    expect(done.structuredContent).toMatchObject({
      status: 'executed',
      final: true,
      readBack: { ok: true, observed: 'zone4 = 245' },
      decidedBy: webSupervisor.name,
    });
    expect(plant.writes).toEqual([{ key: 'zone4', value: 245 }]);
  });

  it.each([{ confirmed: true }, { approved: true }, { approval: 'granted', confirmed: 'yes' }])(
    'rejects %j in the arguments as invalid and files nothing',
    async (extra) => {
      const client = await connect(secrets['operator-bot']);
      const before = await pendingCount();
      const writes = plant.writes.length;
      const result = await call(client, 'set_test_value', { key: 'zone5', value: 230, ...extra });
      expect(result.isError).toBe(true);
      expect(text(result)).toMatch(/Input validation error/);
      expect(text(result)).toMatch(new RegExp(Object.keys(extra)[0]!));
      expect(await pendingCount()).toBe(before);
      expect(plant.writes.length).toBe(writes);
    },
  );

  it('refuses an actuation from a viewer token, as a result the model can read', async () => {
    const client = await connect(secrets['viewer-bot']);
    const before = await pendingCount();
    const result = await call(client, 'set_test_value', { key: 'zone5', value: 230 });
    expect(result.isError).toBe(true);
    expect(text(result)).toMatch(/viewer role, which may not request changes/);
    expect(await pendingCount()).toBe(before);
  });

  it('lets only an approver token decide, and never on its own request', async () => {
    const operator = await connect(secrets['operator-bot']);
    const approver = await connect(secrets['approver-bot']);
    const filed = (await call(operator, 'set_test_value', { key: 'zone5', value: 240 })).structuredContent as Structured;
    const view = (await call(operator, 'get_approval', { approvalId: filed.approvalId })).structuredContent as Structured;
    const decision = { approvalId: filed.approvalId, decision: 'approve', argsSha256: view.argsSha256 };

    const refused = await call(operator, 'decide_approval', decision);
    expect(refused.isError).toBe(true);
    expect(text(refused)).toMatch(/no approver scope/);
    expect((await gate.get(String(filed.approvalId))).status).toBe('pending');

    const decided = await call(approver, 'decide_approval', decision);
    expect(decided.structuredContent).toMatchObject({ status: 'executed', decidedBy: 'approver-bot (MCP)', readBack: { ok: true } });
    expect(plant.values.get('zone5')).toBe(240);

    const own = (await call(approver, 'set_test_value', { key: 'zone5', value: 250 })).structuredContent as Structured;
    const ownView = (await call(approver, 'get_approval', { approvalId: own.approvalId })).structuredContent as Structured;
    const selfApproval = await call(approver, 'decide_approval', { approvalId: own.approvalId, decision: 'approve', argsSha256: ownView.argsSha256 });
    expect(selfApproval.isError).toBe(true);
    expect(text(selfApproval)).toMatch(/filed this request itself/);
    expect((await gate.get(String(own.approvalId))).status).toBe('pending');
    expect(plant.values.get('zone5')).toBe(240);
  });

  it('lets a token withdraw only the request it filed itself, without the approver scope', async () => {
    const operator = await connect(secrets['operator-bot']);
    const approver = await connect(secrets['approver-bot']);
    const writes = plant.writes.length;
    const filed = (await call(operator, 'set_test_value', { key: 'zone5', value: 245 })).structuredContent as Structured;
    const view = (await call(operator, 'get_approval', { approvalId: filed.approvalId })).structuredContent as Structured;
    const withdrawal = { approvalId: filed.approvalId, argsSha256: view.argsSha256, reason: 'meant zone 4' };

    const notTheirs = await call(approver, 'withdraw_approval', withdrawal);
    expect(notTheirs.isError).toBe(true);
    expect(text(notTheirs)).toMatch(/who asked for this change, can withdraw it/);
    expect((await gate.get(String(filed.approvalId))).status).toBe('pending');

    const withdrawn = await call(operator, 'withdraw_approval', withdrawal);
    expect(withdrawn.structuredContent).toMatchObject({
      status: 'rejected',
      message: expect.stringMatching(/^Withdrawn by the requester: meant zone 4 .*Nothing was changed/),
    });
    const late = await call(approver, 'decide_approval', { approvalId: filed.approvalId, decision: 'approve', argsSha256: view.argsSha256 });
    expect(late.isError).toBe(true);
    expect(plant.writes.length).toBe(writes);
  });

  it('asks a client with elicitation to confirm; a decline files nothing, an accept files a pending request', async () => {
    const decliner = await connect(secrets['operator-bot'], { elicit: 'decline' });
    const before = await pendingCount();
    const zone4 = plant.values.get('zone4');
    const declined = await call(decliner, 'set_test_value', { key: 'zone4', value: 250 });
    expect(declined.isError).toBe(true);
    expect(text(declined)).toMatch(/Not filed/);
    expect(await pendingCount()).toBe(before);

    const accepter = await connect(secrets['operator-bot'], { elicit: 'accept' });
    const accepted = await call(accepter, 'set_test_value', { key: 'zone4', value: 250 });
    expect(accepted.structuredContent).toMatchObject({ status: 'pending' });
    expect(await pendingCount()).toBe(before + 1);
    expect(plant.values.get('zone4')).toBe(zone4);
  });

  it('stops a revoked token at its next request, and keeps sessions to their own token', async () => {
    const client = await connect(secrets['doomed-bot']);
    expect((await call(client, 'read_test_value', { key: 'zone4' })).isError).toBeFalsy();
    const sessionId = (client.transport as StreamableHTTPClientTransport).sessionId!;

    const hijack = await fetch(`${web.url}/mcp`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${secrets['viewer-bot']}`,
        'mcp-session-id': sessionId,
        'content-type': 'application/json',
        accept: 'application/json, text/event-stream',
      },
      body: JSON.stringify({ jsonrpc: '2.0', id: 9, method: 'tools/list' }),
    });
    expect(hijack.status).toBe(404);

    const own = await fetch(`${web.url}/mcp`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${secrets['doomed-bot']}`,
        'mcp-session-id': sessionId,
        'content-type': 'application/json',
        accept: 'application/json, text/event-stream',
      },
      body: JSON.stringify({ jsonrpc: '2.0', id: 10, method: 'tools/list' }),
    });
    expect(own.status).toBe(200);
    // Streams go out unbuffered: Next's gzip must not hold them back.
    expect(own.headers.get('content-type')).toMatch(/^text\/event-stream/);
    expect(own.headers.get('cache-control')).toMatch(/no-transform/);
    await own.text();

    await revokeToken(db, 'doomed-bot', admin);
    await expect(client.callTool({ name: 'read_test_value', arguments: { key: 'zone4' } })).rejects.toThrow(/401|revoked|Unauthorized/i);
    await expect(connect(secrets['doomed-bot'])).rejects.toThrow();
  });

  it('serves manuals, the plant model and the latest handover as resources, and both prompts', async () => {
    const client = await connect(secrets['viewer-bot']);
    const { resources } = await client.listResources();
    expect(resources.map((r) => r.uri).sort()).toEqual([
      'plantpilot://handovers/latest',
      'plantpilot://manuals/reflow-oven-manual',
      'plantpilot://plant/model',
    ]);
    const manual = await client.readResource({ uri: 'plantpilot://manuals/reflow-oven-manual' });
    expect(manual.contents[0]).toMatchObject({ mimeType: 'text/markdown', text: expect.stringContaining('## Alarm E-214') });
    await expect(client.readResource({ uri: 'plantpilot://manuals/no-such-doc' })).rejects.toThrow(/no manual "no-such-doc"/);
    const model = await client.readResource({ uri: 'plantpilot://plant/model' });
    expect(JSON.parse(resourceText(model))).toMatchObject({ available: false });
    const handover = await client.readResource({ uri: 'plantpilot://handovers/latest' });
    expect(resourceText(handover)).toMatch(/No shift handover/);

    const { prompts } = await client.listPrompts();
    expect(prompts.map((p) => p.name).sort()).toEqual(['shift_handover', 'troubleshoot_alarm']);
    const prompt = await client.getPrompt({ name: 'troubleshoot_alarm', arguments: { code: 'E-214', asset: 'L1-RFL' } });
    expect(prompt.messages[0]!.content).toMatchObject({ type: 'text', text: expect.stringContaining('alarm E-214 on L1-RFL') });
  });

  it('audits MCP requests under the token identity and closes every session at shutdown', async () => {
    const requested = await listAudit(db, { action: 'approval.requested' });
    expect(requested.every((e) => e.actor.kind === 'mcp_client' && e.actor.id.startsWith('token:'))).toBe(true);
    const handler = sharedMcpHttpHandler();
    expect(handler.sessionCount()).toBeGreaterThan(0);
    const client = clients[clients.length - 1]!;
    await (client.transport as StreamableHTTPClientTransport).terminateSession();
    await closeSharedMcpHttpHandler();
    expect(handler.sessionCount()).toBe(0);
  });
});
