// MCP tokens while the app runs: the admin API behind the Tokens page and `plantpilot tokens`.
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAudit } from '@/lib/audit/audit-log';
import { publishLocalAdminAccess, readLocalAdminAccess } from '@/lib/auth/local-admin';
import { sessionActor } from '@/lib/auth/request';
import { signedInUsers, type SignedIn } from '@/lib/auth/testing';
import { authenticateToken, tokenActor } from '@/lib/auth/tokens';
import { loadConfig } from '@/lib/config';
import { openEmbeddedDb } from '@/lib/db';
import type { Db } from '@/lib/db/db';
import { migrate } from '@/lib/db/migrate';
import { CLIENT_ADDRESS_HEADER } from '@/lib/forwarding';
import { silentLogger } from '@/lib/log';
import { setRuntime } from '@/server/runtime';
import { Gate } from '@/tools/approval/gate';
import { makeTestPlant } from '@/tools/approval/testing/test-plant';
import { ToolRegistry } from '@/tools/registry';
import { DELETE } from './[id]/route';
import { GET, POST } from './route';

const BASE = 'http://127.0.0.1:3000';

describe('MCP token admin routes', () => {
  let db: Db;
  let dataDir: string;
  let people: Record<'ada' | 'sam' | 'olga', SignedIn>;

  beforeAll(async () => {
    dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'plantpilot-tokens-'));
    db = await openEmbeddedDb({});
    await migrate(db);
    setRuntime({ config: loadConfig({ PLANTPILOT_DATA_DIR: dataDir }), log: silentLogger, db, startedAt: new Date(), health: {}, services: {} });
    people = await signedInUsers(db, { ada: 'admin', sam: 'supervisor', olga: 'operator' });
  });
  afterAll(async () => {
    setRuntime(undefined);
    await db?.close();
    if (dataDir) await fs.rm(dataDir, { recursive: true, force: true });
  });

  const asPerson = (who: SignedIn, method: string, url: string, body?: unknown) =>
    new Request(`${BASE}${url}`, {
      method,
      headers: { cookie: who.cookie, 'x-csrf-token': who.csrfToken, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  const asCli = (secret: string, from: string, method: string, url: string, body?: unknown) =>
    new Request(`${BASE}${url}`, {
      method,
      headers: { authorization: `Bearer ${secret}`, [CLIENT_ADDRESS_HEADER]: from, 'x-plantpilot-cli-user': 'plantops', 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  const idParams = (id: string) => ({ params: Promise.resolve({ id }) });

  it('lets an admin create a token for a person, see it once, list it with its owner, and revoke it', async () => {
    const created = await POST(
      asPerson(people.ada, 'POST', '/api/admin/tokens', { name: 'sam-assistant', role: 'supervisor', canApprove: true, owner: 'sam' }),
    );
    expect(created.status).toBe(201);
    const { token, secret } = await created.json();
    expect(secret).toMatch(/^ppt_/);
    expect(token).toMatchObject({ name: 'sam-assistant', canApprove: true, owner: { username: 'sam' } });

    const listed = await (await GET(asPerson(people.ada, 'GET', '/api/admin/tokens'))).json();
    expect(listed.tokens.map((t: { name: string }) => t.name)).toContain('sam-assistant');
    expect(JSON.stringify(listed)).not.toContain(secret);

    expect((await authenticateToken(db, secret))?.lastUsedAt).toBeDefined();
    const revoked = await DELETE(asPerson(people.ada, 'DELETE', `/api/admin/tokens/${token.id}`), idParams(token.id));
    expect(revoked.status).toBe(200);
    expect(await authenticateToken(db, secret)).toBeUndefined();
    const audit = await listAudit(db, { action: 'token.', subjectId: token.id });
    expect(audit.map((e) => e.action)).toEqual(['token.revoked', 'token.created']);
  });

  it('refuses everyone but admins, and a token with more than its owner’s role', async () => {
    expect((await GET(asPerson(people.sam, 'GET', '/api/admin/tokens'))).status).toBe(403);
    expect((await POST(asPerson(people.olga, 'POST', '/api/admin/tokens', { name: 'x', role: 'viewer' }))).status).toBe(403);
    const tooHigh = await POST(asPerson(people.ada, 'POST', '/api/admin/tokens', { name: 'olga-admin', role: 'admin', owner: 'olga' }));
    expect(tooHigh.status).toBe(400);
  });

  it('serves the CLI on the app’s own machine with the local admin secret, and nobody elsewhere', async () => {
    const published = await publishLocalAdminAccess(dataDir, 'http://localhost:3000');
    const { secret } = (await readLocalAdminAccess(dataDir))!;
    expect((await fs.stat(path.join(dataDir, 'local-admin.json'))).mode & 0o777).toBe(0o600);

    const created = await POST(asCli(secret, '127.0.0.1', 'POST', '/api/admin/tokens', { name: 'line-assistant', role: 'operator' }));
    expect(created.status).toBe(201);
    const { token } = await created.json();
    expect(token.createdBy).toMatchObject({ kind: 'cli', id: 'plantops' });

    expect((await GET(asCli(secret, '10.0.0.5', 'GET', '/api/admin/tokens'))).status).toBe(403);
    expect((await GET(asCli(`ppl_${'x'.repeat(43)}`, '127.0.0.1', 'GET', '/api/admin/tokens'))).status).toBe(401);
    await published.remove();
    expect((await GET(asCli(secret, '127.0.0.1', 'GET', '/api/admin/tokens'))).status).toBe(401);
  });

  it('applies four-eyes to the person: a request filed in the web app cannot be approved with the same person’s token', async () => {
    const plant = makeTestPlant();
    const gate = new Gate({ db, registry: new ToolRegistry(plant.tools), log: silentLogger });
    const created = await POST(asPerson(people.ada, 'POST', '/api/admin/tokens', { name: 'sam-approver', role: 'supervisor', canApprove: true, owner: 'sam' }));
    const { secret } = await created.json();
    const samsToken = tokenActor((await authenticateToken(db, secret))!);
    expect(samsToken).toMatchObject({ kind: 'mcp_client', id: people.sam.user.id });

    const request = await gate.request({ tool: 'set_test_value', args: { key: 'zone4', value: 280 }, actor: sessionActor({ ...people.sam, expiresAt: '' }) });
    expect(request.risk).toBe('high');
    await expect(gate.decide(request.id, { type: 'approve', argsSha256: request.argsSha256 }, samsToken)).rejects.toMatchObject({
      code: 'forbidden',
      message: expect.stringMatching(/second person/),
    });
    expect(plant.writes).toEqual([]);
  });
});
