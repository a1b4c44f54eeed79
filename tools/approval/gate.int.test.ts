// The gate's guarantees, each checked against the thing it protects: a value that changes only
// when a person approved exactly that change, once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAudit, verifyAuditChain } from '../../lib/audit/audit-log';
import type { Db } from '../../lib/db/db';
import { migrate } from '../../lib/db/migrate';
import { testDatabases } from '../../lib/db/testing';
import { silentLogger } from '../../lib/log';
import { ToolRegistry } from '../registry';
import type { Actor } from '@/lib/auth/actor';
import { Gate } from './gate';
import { setKillSwitch } from './kill-switch';
import { makeTestPlant } from './testing/test-plant';

const operator: Actor = { kind: 'user', id: 'u-op', name: 'Olga Operator', role: 'operator' };
const supervisorA: Actor = { kind: 'user', id: 'u-sa', name: 'Sven Supervisor', role: 'supervisor' };
const supervisorB: Actor = { kind: 'user', id: 'u-sb', name: 'Sara Supervisor', role: 'supervisor' };
const viewer: Actor = { kind: 'user', id: 'u-v', name: 'Vera Viewer', role: 'viewer' };

describe.each(testDatabases())('approval gate on $kind', ({ open }) => {
  let db: Db;
  let plant: ReturnType<typeof makeTestPlant>;
  let gate: Gate;
  let clock = new Date('2026-11-24T06:00:00Z');

  beforeAll(async () => {
    db = await open();
    await migrate(db);
    plant = makeTestPlant();
    gate = new Gate({ db, registry: new ToolRegistry(plant.tools), log: silentLogger, now: () => clock });
  });
  afterAll(async () => {
    await db?.close();
  });

  const writesNow = () => plant.writes.length;

  it('files a pending request with canonical arguments and runs nothing', async () => {
    const before = writesNow();
    const request = await gate.request({ tool: 'set_test_value', args: { value: 245, key: 'zone4' }, actor: operator, conversationId: 'c1' });
    expect(request.status).toBe('pending');
    expect(request.argsJson).toBe('{"key":"zone4","value":245}');
    expect(request.argsSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(request.preview.changes[0]).toMatchObject({ current: '235', proposed: '245' });
    expect(new Date(request.expiresAt).getTime() - new Date(request.createdAt).getTime()).toBe(15 * 60 * 1000);
    expect(writesNow()).toBe(before);
  });

  it.each([
    [{ key: 'zone4', value: 245, approved: true }, /unexpected "approved"/],
    [{ key: 'zone4', value: 245, confirmed: true }, /unexpected "confirmed"/],
    [{ key: 'zone4', value: 999 }, /value/],
    [{ key: 'zone9', value: 200 }, /key/],
  ])('rejects arguments %j without filing anything', async (args, message) => {
    const before = (await gate.list()).length;
    await expect(gate.request({ tool: 'set_test_value', args, actor: operator })).rejects.toMatchObject({
      code: 'invalid_argument',
      message: expect.stringMatching(message),
    });
    expect((await gate.list()).length).toBe(before);
  });

  it('refuses requests from a viewer and for read tools', async () => {
    await expect(gate.request({ tool: 'set_test_value', args: { key: 'zone4', value: 240 }, actor: viewer })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(gate.request({ tool: 'read_test_value', args: { key: 'zone4' }, actor: operator })).rejects.toMatchObject({ code: 'invalid_argument' });
    await expect(gate.request({ tool: 'no_such_tool', args: {}, actor: operator })).rejects.toMatchObject({ code: 'not_found' });
  });

  it('executes exactly the approved arguments once, with read-back, when a supervisor approves', async () => {
    const request = await gate.request({ tool: 'set_test_value', args: { key: 'zone4', value: 245 }, actor: operator });
    const before = writesNow();
    const done = await gate.decide(request.id, { type: 'approve', argsSha256: request.argsSha256 }, supervisorA);
    expect(done.status).toBe('executed');
    expect(done.readBack).toEqual({ ok: true, observed: 'zone4 = 245' });
    expect(done.decidedBy).toMatchObject({ id: supervisorA.id });
    expect(plant.writes.slice(before)).toEqual([{ key: 'zone4', value: 245 }]);

    // Replay: the same approval again runs nothing.
    await expect(gate.decide(request.id, { type: 'approve', argsSha256: request.argsSha256 }, supervisorB)).rejects.toMatchObject({ code: 'approval_used' });
    expect(writesNow()).toBe(before + 1);
  });

  it('lets neither an operator, a viewer, the CLI nor the system approve', async () => {
    const request = await gate.request({ tool: 'set_test_value', args: { key: 'zone5', value: 230 }, actor: operator });
    const before = writesNow();
    for (const decider of [operator, viewer, { ...supervisorA, kind: 'cli' as const }, { ...supervisorA, kind: 'system' as const }]) {
      await expect(gate.decide(request.id, { type: 'approve', argsSha256: request.argsSha256 }, decider)).rejects.toMatchObject({ code: 'forbidden' });
    }
    expect((await gate.get(request.id)).status).toBe('pending');
    expect(writesNow()).toBe(before);
  });

  it('needs a second person for a high-risk change (four-eyes)', async () => {
    const request = await gate.request({ tool: 'set_test_value', args: { key: 'zone4', value: 280 }, actor: supervisorA });
    expect(request.risk).toBe('high');
    const before = writesNow();
    await expect(gate.decide(request.id, { type: 'approve', argsSha256: request.argsSha256 }, supervisorA)).rejects.toMatchObject({
      code: 'forbidden',
      message: expect.stringMatching(/second person/),
    });
    expect(writesNow()).toBe(before);
    const done = await gate.decide(request.id, { type: 'approve', argsSha256: request.argsSha256 }, supervisorB);
    expect(done.status).toBe('executed');
    expect(plant.values.get('zone4')).toBe(280);
  });

  it('re-judges risk against the live value when deciding: two medium steps do not add up to a high one approved alone', async () => {
    plant.values.set('zone4', 200);
    const up = await gate.request({ tool: 'set_test_value', args: { key: 'zone4', value: 240 }, actor: supervisorA });
    const down = await gate.request({ tool: 'set_test_value', args: { key: 'zone4', value: 160 }, actor: supervisorA });
    expect([up.risk, down.risk]).toEqual(['medium', 'medium']);
    expect((await gate.decide(up.id, { type: 'approve', argsSha256: up.argsSha256 }, supervisorA)).status).toBe('executed');

    const before = writesNow();
    const refused = gate.decide(down.id, { type: 'approve', argsSha256: down.argsSha256 }, supervisorA);
    await expect(refused).rejects.toMatchObject({ code: 'conflict', message: expect.stringMatching(/zone4 was 200 .* is 240 now; the risk is now high/) });
    expect(writesNow()).toBe(before);
    const old = await gate.get(down.id);
    expect(old.status).toBe('superseded');
    const refiled = await gate.get(old.supersededBy!);
    expect(refiled).toMatchObject({ status: 'pending', risk: 'high', argsSha256: down.argsSha256, requester: { id: supervisorA.id } });
    expect(refiled.preview.changes[0]).toMatchObject({ current: '240', proposed: '160' });

    // Now high risk: the requester cannot approve it himself; a second person can.
    await expect(gate.decide(refiled.id, { type: 'approve', argsSha256: refiled.argsSha256 }, supervisorA)).rejects.toMatchObject({ code: 'forbidden' });
    expect(writesNow()).toBe(before);
    expect((await gate.decide(refiled.id, { type: 'approve', argsSha256: refiled.argsSha256 }, supervisorB)).status).toBe('executed');
    expect(plant.values.get('zone4')).toBe(160);
    const rejudged = await listAudit(db, { action: 'approval.rejudged', subjectId: down.id });
    expect(rejudged[0]!.detail).toMatchObject({ replacement: refiled.id, before: { risk: 'medium' }, after: { risk: 'high' } });
  });

  it('checks the live value again right before executing and runs nothing when it changed after the decision', async () => {
    plant.values.set('zone4', 200);
    const request = await gate.request({ tool: 'set_test_value', args: { key: 'zone4', value: 210 }, actor: operator });
    const before = writesNow();
    // Between the decision's check and the execution someone else moves zone 4.
    plant.setAfterPreview(() => {
      plant.setAfterPreview(undefined);
      plant.values.set('zone4', 150);
    });
    try {
      const done = await gate.decide(request.id, { type: 'approve', argsSha256: request.argsSha256 }, supervisorA);
      expect(done.status).toBe('failed');
      expect(done.error).toMatch(/changed between the approval and the execution: zone4 was 200 .* is 150 now.*Nothing was executed/);
    } finally {
      plant.setAfterPreview(undefined);
    }
    expect(writesNow()).toBe(before);
    expect(plant.values.get('zone4')).toBe(150);
  });

  it('executes once when two supervisors approve at the same moment', async () => {
    const request = await gate.request({ tool: 'set_test_value', args: { key: 'zone5', value: 210 }, actor: operator });
    const before = writesNow();
    const results = await Promise.allSettled([
      gate.decide(request.id, { type: 'approve', argsSha256: request.argsSha256 }, supervisorA),
      gate.decide(request.id, { type: 'approve', argsSha256: request.argsSha256 }, supervisorB),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(results.filter((r) => r.status === 'rejected')).toHaveLength(1);
    expect(writesNow()).toBe(before + 1);
  });

  it('refuses a decision that names other arguments than the request holds', async () => {
    const request = await gate.request({ tool: 'set_test_value', args: { key: 'zone5', value: 215 }, actor: operator });
    const other = await gate.request({ tool: 'set_test_value', args: { key: 'zone5', value: 290 }, actor: operator });
    const before = writesNow();
    await expect(gate.decide(request.id, { type: 'approve', argsSha256: other.argsSha256 }, supervisorA)).rejects.toMatchObject({ code: 'approval_invalid' });
    expect(writesNow()).toBe(before);
  });

  it('never runs arguments altered in the database after they were requested', async () => {
    const request = await gate.request({ tool: 'set_test_value', args: { key: 'zone5', value: 220 }, actor: operator });
    await db.query('UPDATE approval_requests SET args_json = $2 WHERE id = $1', [request.id, '{"key":"zone5","value":299}']);
    const before = writesNow();
    const done = await gate.decide(request.id, { type: 'approve', argsSha256: request.argsSha256 }, supervisorA);
    expect(done.status).toBe('failed');
    expect(done.error).toMatch(/no longer match their approved hash/);
    expect(writesNow()).toBe(before);
  });

  it('does not execute an expired request', async () => {
    const request = await gate.request({ tool: 'set_test_value', args: { key: 'zone5', value: 225 }, actor: operator });
    const saved = clock;
    clock = new Date(clock.getTime() + 16 * 60 * 1000);
    try {
      const before = writesNow();
      await expect(gate.decide(request.id, { type: 'approve', argsSha256: request.argsSha256 }, supervisorA)).rejects.toMatchObject({
        code: 'approval_expired',
      });
      expect((await gate.get(request.id)).status).toBe('expired');
      expect(writesNow()).toBe(before);
    } finally {
      clock = saved;
    }
  });

  it('records a rejection with its reason and never executes it later', async () => {
    const request = await gate.request({ tool: 'set_test_value', args: { key: 'zone5', value: 226 }, actor: operator });
    const rejected = await gate.decide(request.id, { type: 'reject', argsSha256: request.argsSha256, reason: 'Zone 5 is in a profile trial' }, supervisorA);
    expect(rejected).toMatchObject({ status: 'rejected', reason: 'Zone 5 is in a profile trial' });
    const before = writesNow();
    await expect(gate.decide(request.id, { type: 'approve', argsSha256: request.argsSha256 }, supervisorB)).rejects.toMatchObject({ code: 'approval_used' });
    expect(writesNow()).toBe(before);
  });

  it('lets the requester withdraw their own request, without an approver role, and nobody approve it after', async () => {
    const request = await gate.request({ tool: 'set_test_value', args: { key: 'zone4', value: 250 }, actor: operator, conversationId: 'c-withdraw' });
    const before = writesNow();
    // Someone else cannot withdraw it (a supervisor rejects instead), the CLI cannot, and a withdrawal names the exact arguments.
    await expect(gate.decide(request.id, { type: 'withdraw', argsSha256: request.argsSha256 }, supervisorA)).rejects.toMatchObject({
      code: 'forbidden',
      message: expect.stringContaining('Olga Operator'),
    });
    await expect(gate.decide(request.id, { type: 'withdraw', argsSha256: '0'.repeat(64) }, operator)).rejects.toMatchObject({ code: 'approval_invalid' });
    const withdrawn = await gate.decide(request.id, { type: 'withdraw', argsSha256: request.argsSha256, reason: 'wrong zone, meant zone 6' }, operator);
    expect(withdrawn).toMatchObject({ status: 'rejected', decidedBy: { id: operator.id }, reason: 'Withdrawn by the requester: wrong zone, meant zone 6' });
    await expect(gate.decide(request.id, { type: 'approve', argsSha256: request.argsSha256 }, supervisorA)).rejects.toMatchObject({ code: 'approval_used' });
    await expect(gate.decide(request.id, { type: 'withdraw', argsSha256: request.argsSha256 }, operator)).rejects.toMatchObject({ code: 'approval_used' });
    expect(writesNow()).toBe(before);
    const audit = await listAudit(db, { action: 'approval.withdrawn', subjectId: request.id });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ conversationId: 'c-withdraw' });
  });

  it('turns an edit into a new request with a new hash; the old one can no longer run', async () => {
    const request = await gate.request({ tool: 'set_test_value', args: { key: 'zone5', value: 240 }, actor: operator });
    const before = writesNow();
    const edited = await gate.decide(request.id, { type: 'edit', argsSha256: request.argsSha256, args: { key: 'zone5', value: 238 } }, supervisorA);
    expect(edited.id).not.toBe(request.id);
    expect(edited.argsSha256).not.toBe(request.argsSha256);
    expect(edited.supersedes).toBe(request.id);
    expect(edited.status).toBe('executed');
    expect(plant.writes.slice(before)).toEqual([{ key: 'zone5', value: 238 }]);
    const old = await gate.get(request.id);
    expect(old).toMatchObject({ status: 'superseded', supersededBy: edited.id });
    await expect(gate.decide(request.id, { type: 'approve', argsSha256: request.argsSha256 }, supervisorB)).rejects.toMatchObject({ code: 'approval_invalid' });
    expect(writesNow()).toBe(before + 1);
  });

  it('re-validates an edit and refuses one that names another tool or bad values', async () => {
    const request = await gate.request({ tool: 'set_test_value', args: { key: 'zone5', value: 241 }, actor: operator });
    await expect(
      gate.decide(request.id, { type: 'edit', argsSha256: request.argsSha256, args: { key: 'zone5', value: 1000 } }, supervisorA),
    ).rejects.toMatchObject({ code: 'invalid_argument' });
    await expect(
      gate.decide(request.id, { type: 'edit', argsSha256: request.argsSha256, args: { key: 'zone5', value: 239 }, tool: 'read_test_value' }, supervisorA),
    ).rejects.toMatchObject({ code: 'invalid_argument', message: expect.stringMatching(/unexpected "tool"/) });
    expect((await gate.get(request.id)).status).toBe('pending');
  });

  it('refuses a __proto__ key in edited or requested arguments instead of dropping it', async () => {
    const request = await gate.request({ tool: 'set_test_value', args: { key: 'zone5', value: 243 }, actor: operator });
    const decision = JSON.parse(`{"type":"edit","argsSha256":"${request.argsSha256}","args":{"key":"zone5","value":239,"__proto__":{"approved":true}}}`);
    await expect(gate.decide(request.id, decision, supervisorA)).rejects.toMatchObject({
      code: 'invalid_argument',
      message: expect.stringMatching(/unexpected "__proto__"/),
    });
    expect((await gate.get(request.id)).status).toBe('pending');
    await expect(
      gate.request({ tool: 'set_test_value', args: JSON.parse('{"key":"zone5","value":239,"__proto__":{"x":1}}'), actor: operator }),
    ).rejects.toMatchObject({ code: 'invalid_argument' });
  });

  it('keeps a high-risk edit waiting for a second person', async () => {
    const request = await gate.request({ tool: 'set_test_value', args: { key: 'zone5', value: 242 }, actor: operator });
    const before = writesNow();
    const edited = await gate.decide(request.id, { type: 'edit', argsSha256: request.argsSha256, args: { key: 'zone5', value: 270 } }, supervisorA);
    expect(edited).toMatchObject({ status: 'pending', risk: 'high', editedBy: { id: supervisorA.id } });
    await expect(gate.decide(edited.id, { type: 'approve', argsSha256: edited.argsSha256 }, supervisorA)).rejects.toMatchObject({ code: 'forbidden' });
    expect(writesNow()).toBe(before);
    expect((await gate.decide(edited.id, { type: 'approve', argsSha256: edited.argsSha256 }, supervisorB)).status).toBe('executed');
  });

  it('reports a failed read-back as a failed action', async () => {
    const request = await gate.request({ tool: 'set_test_value', args: { key: 'zone5', value: 233 }, actor: operator });
    plant.setReadBackLies(true);
    try {
      const done = await gate.decide(request.id, { type: 'approve', argsSha256: request.argsSha256 }, supervisorA);
      expect(done.status).toBe('failed');
      expect(done.error).toMatch(/Read-back failed/);
    } finally {
      plant.setReadBackLies(false);
    }
  });

  it('stops every request and every execution while the kill switch is engaged', async () => {
    const pending = await gate.request({ tool: 'set_test_value', args: { key: 'zone5', value: 234 }, actor: operator });
    await expect(
      setKillSwitch(db, { engaged: true, reason: 'Conveyor jam', by: { kind: 'user', id: operator.id, name: operator.name }, role: 'operator' }),
    ).rejects.toMatchObject({ code: 'forbidden' });
    await setKillSwitch(db, {
      engaged: true,
      reason: 'Line 1 conveyor jam, maintenance inside the guard',
      by: { kind: 'user', id: supervisorA.id, name: supervisorA.name },
      role: 'supervisor',
    });
    const before = writesNow();
    try {
      await expect(gate.request({ tool: 'set_test_value', args: { key: 'zone5', value: 236 }, actor: operator })).rejects.toMatchObject({
        code: 'actuation_disabled',
      });
      const done = await gate.decide(pending.id, { type: 'approve', argsSha256: pending.argsSha256 }, supervisorA);
      expect(done.status).toBe('failed');
      expect(done.error).toMatch(/kill switch/);
      expect(writesNow()).toBe(before);
    } finally {
      await setKillSwitch(db, { engaged: false, by: { kind: 'user', id: supervisorA.id, name: supervisorA.name }, role: 'supervisor' });
    }
    expect((await gate.request({ tool: 'set_test_value', args: { key: 'zone5', value: 236 }, actor: operator })).status).toBe('pending');
  });

  it('wakes a waiter when the outcome is decided', async () => {
    const request = await gate.request({ tool: 'set_test_value', args: { key: 'zone5', value: 237 }, actor: operator });
    const outcome = gate.waitForOutcome(request.id, { pollMs: 50 });
    await gate.decide(request.id, { type: 'approve', argsSha256: request.argsSha256 }, supervisorB);
    expect((await outcome).status).toBe('executed');
  });

  it('audits every step in an intact chain', async () => {
    const entries = await listAudit(db, { action: 'approval.', limit: 1000 });
    const actions = new Set(entries.map((e) => e.action));
    for (const action of [
      'approval.requested',
      'approval.approved',
      'approval.executing',
      'approval.executed',
      'approval.rejected',
      'approval.withdrawn',
      'approval.edited',
      'approval.expired',
      'approval.failed',
    ]) {
      expect(actions).toContain(action);
    }
    expect((await verifyAuditChain(db)).ok).toBe(true);
  });
});
