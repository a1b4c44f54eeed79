import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAudit, verifyAuditChain } from '../audit/audit-log';
import type { Db } from '../db/db';
import { migrate } from '../db/migrate';
import { testDatabases } from '../db/testing';
import { authenticateToken, createToken, listTokens, revokeToken, tokenActor } from './tokens';

const admin = { kind: 'cli', id: 'root', name: 'root (CLI on test)' };

describe.each(testDatabases())('MCP tokens on $kind', ({ open }) => {
  let db: Db;
  beforeAll(async () => {
    db = await open();
    await migrate(db);
  });
  afterAll(async () => {
    await db?.close();
  });

  it('shows the token once and stores only its hash', async () => {
    const { token, secret } = await createToken(db, { name: 'claude-desktop', role: 'operator' }, admin);
    expect(secret).toMatch(/^ppt_[A-Za-z0-9_-]{43}$/);
    expect(token).toMatchObject({ name: 'claude-desktop', role: 'operator', canApprove: false, createdBy: admin });
    const { rows } = await db.query<{ token_sha256: string }>('SELECT token_sha256 FROM mcp_tokens WHERE id = $1', [token.id]);
    expect(rows[0]!.token_sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(rows)).not.toContain(secret.slice(4));
    expect(await authenticateToken(db, secret)).toMatchObject({ id: token.id, lastUsedAt: expect.any(String) });
    expect(tokenActor(token)).toEqual({ kind: 'mcp_client', id: `token:${token.id}`, name: 'claude-desktop (MCP)', role: 'operator' });
  });

  it('refuses unknown, malformed and revoked tokens', async () => {
    const { token, secret } = await createToken(db, { name: 'ci-bot', role: 'viewer' }, admin);
    expect(await authenticateToken(db, undefined)).toBeUndefined();
    expect(await authenticateToken(db, 'ppt_nope')).toBeUndefined();
    expect(await authenticateToken(db, secret.slice(4))).toBeUndefined();
    await revokeToken(db, 'ci-bot', admin);
    expect(await authenticateToken(db, secret)).toBeUndefined();
    await expect(revokeToken(db, token.id, admin)).rejects.toMatchObject({ code: 'conflict' });
    await expect(revokeToken(db, 'ci-bot', admin)).rejects.toMatchObject({ code: 'not_found' });
    // A revoked name may be reused.
    await createToken(db, { name: 'ci-bot', role: 'viewer' }, admin);
  });

  it('gives the approver scope only to supervisors and admins', async () => {
    await expect(createToken(db, { name: 'op-approver', role: 'operator', canApprove: true }, admin)).rejects.toMatchObject({
      code: 'invalid_argument',
      message: expect.stringMatching(/supervisor or admin/),
    });
    const { token } = await createToken(db, { name: 'shift-lead', role: 'supervisor', canApprove: true }, admin);
    expect(token.canApprove).toBe(true);
  });

  it('rejects bad names, roles and duplicates with a clear message', async () => {
    await expect(createToken(db, { name: 'x'.repeat(80), role: 'viewer' }, admin)).rejects.toMatchObject({ code: 'invalid_argument' });
    await expect(createToken(db, { name: 'ok', role: 'root' as never }, admin)).rejects.toMatchObject({ message: expect.stringMatching(/Roles: viewer/) });
    await expect(createToken(db, { name: 'claude-desktop', role: 'viewer' }, admin)).rejects.toMatchObject({ code: 'conflict' });
  });

  it('lists live tokens and audits every change without the secret', async () => {
    const live = await listTokens(db);
    expect(live.map((t) => t.name).sort()).toEqual(['ci-bot', 'claude-desktop', 'shift-lead']);
    expect((await listTokens(db, { includeRevoked: true })).length).toBe(4);
    const audit = await listAudit(db, { action: 'token.' });
    expect(audit.map((e) => e.action).sort()).toEqual(['token.created', 'token.created', 'token.created', 'token.created', 'token.revoked']);
    expect(JSON.stringify(audit)).not.toMatch(/ppt_/);
    expect((await verifyAuditChain(db)).ok).toBe(true);
  });
});
