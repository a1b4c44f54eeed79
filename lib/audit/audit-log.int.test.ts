import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../db/db';
import { canonicalJson, sha256Hex } from '../canonical-json';
import { loadMigrations, migrate } from '../db/migrate';
import { testDatabases } from '../db/testing';
import { appendAudit, GENESIS_HASH, listAudit, verifyAuditChain } from './audit-log';

const actor = { kind: 'user', id: 'u1', name: 'Anna Weber (supervisor)' };

describe.each(testDatabases())('audit chain on $kind', ({ open }) => {
  let db: Db;
  beforeAll(async () => {
    db = await open();
    await migrate(db);
  });
  afterAll(async () => {
    await db?.close();
  });

  it('chains appended rows and verifies them', async () => {
    for (let i = 0; i < 5; i++) {
      await appendAudit(db, {
        actor,
        action: 'approval.requested',
        subject: { kind: 'approval', id: `a${i}` },
        detail: { value: i * 1.5, note: 'Zone 4 → 245 °C' },
      });
    }
    const rows = await listAudit(db, {});
    expect(rows.map((r) => r.seq)).toEqual([5, 4, 3, 2, 1]);
    expect(rows[0]!.prevHash).toBe(rows[1]!.hash);
    expect(await verifyAuditChain(db)).toEqual({ ok: true, rows: 5, headSeq: 5 });
  });

  it('keeps one chain under concurrent appends', async () => {
    await Promise.all(Array.from({ length: 12 }, (_, i) => appendAudit(db, { actor, action: 'user.login', detail: { i } })));
    const result = await verifyAuditChain(db);
    expect(result).toMatchObject({ ok: true, rows: 17 });
  });

  it('filters by action and subject', async () => {
    const rows = await listAudit(db, { action: 'approval.', subjectId: 'a3' });
    expect(rows).toHaveLength(1);
    expect(rows[0]!.detail).toEqual({ note: 'Zone 4 → 245 °C', value: 4.5 });
  });

  it('reports the first altered row', async () => {
    await db.query(`UPDATE audit_log SET detail = '{"value": 999}' WHERE seq = 3`);
    const result = await verifyAuditChain(db);
    expect(result).toMatchObject({ ok: false, firstBadSeq: 3, problem: 'altered' });
    await db.query(`UPDATE audit_log SET detail = '{"note": "Zone 4 → 245 °C", "value": 3}' WHERE seq = 3`);
    expect((await verifyAuditChain(db)).ok).toBe(true);
  });

  it('reports a row altered together with its own hash through the broken link to the next row', async () => {
    const { rows } = await db.query<{ hash: string }>('SELECT hash FROM audit_log WHERE seq = 2');
    await db.query(`UPDATE audit_log SET actor_name = 'Mallory', hash = $1 WHERE seq = 2`, ['f'.repeat(64)]);
    const result = await verifyAuditChain(db);
    expect(result.ok).toBe(false);
    expect(result).toMatchObject({ firstBadSeq: 2 });
    await db.query(`UPDATE audit_log SET actor_name = $1, hash = $2 WHERE seq = 2`, [actor.name, rows[0]!.hash]);
    expect((await verifyAuditChain(db)).ok).toBe(true);
  });

  it('reports a deleted row and a cut tail', async () => {
    const saved = await db.query('SELECT * FROM audit_log WHERE seq = 4');
    await db.query('DELETE FROM audit_log WHERE seq = 4');
    expect(await verifyAuditChain(db)).toMatchObject({ ok: false, firstBadSeq: 4, problem: 'missing' });
    const row = saved.rows[0];
    await db.query(
      'INSERT INTO audit_log (seq, at, actor_kind, actor_id, actor_name, action, subject_kind, subject_id, conversation_id, detail, prev_hash, hash) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12)',
      [
        row.seq,
        row.at,
        row.actor_kind,
        row.actor_id,
        row.actor_name,
        row.action,
        row.subject_kind,
        row.subject_id,
        row.conversation_id,
        JSON.stringify(row.detail),
        row.prev_hash,
        row.hash,
      ],
    );
    expect((await verifyAuditChain(db)).ok).toBe(true);

    await db.query('DELETE FROM audit_log WHERE seq >= 16');
    expect(await verifyAuditChain(db)).toMatchObject({ ok: false, firstBadSeq: 16, problem: 'missing' });
  });
});

describe.each(testDatabases())('audit rows that hashed an unstored role, on $kind', ({ open }) => {
  let db: Db;
  beforeAll(async () => {
    db = await open();
    await migrate(
      db,
      loadMigrations().filter((m) => m.version < 14),
    );
  });
  afterAll(async () => {
    await db?.close();
  });

  /** Appends a row the way the app did before migration 0014: the hash covers `role`, the row does not store it. */
  async function appendAsBefore(seq: number, prevHash: string, role: string | undefined, detail: Record<string, unknown>): Promise<string> {
    const at = new Date(Date.UTC(2026, 11, 1, 6, 0, seq, 123)).toISOString();
    const actor = { kind: 'user', id: `u${seq}`, name: 'Olga Krause (olga)', ...(role ? { role } : {}) };
    const subject = { kind: 'handover_note', id: `n${seq}` };
    const hash = sha256Hex(canonicalJson({ seq, at, actor, action: 'handover.note_added', subject, conversationId: null, detail, prevHash }));
    await db.query(
      `INSERT INTO audit_log (seq, at, actor_kind, actor_id, actor_name, action, subject_kind, subject_id, conversation_id, detail, prev_hash, hash)
       VALUES ($1, $2, 'user', $3, 'Olga Krause (olga)', 'handover.note_added', $4, $5, NULL, $6, $7, $8)`,
      [seq, at, actor.id, subject.kind, subject.id, canonicalJson(detail), prevHash, hash],
    );
    await db.query(`INSERT INTO audit_head (id, seq, hash) VALUES (true, $1, $2) ON CONFLICT (id) DO UPDATE SET seq = EXCLUDED.seq, hash = EXCLUDED.hash`, [
      seq,
      hash,
    ]);
    return hash;
  }

  it('re-verifies old rows in migration 0014, records each repair with its reason, changes no row, and still reports real tampering', async () => {
    let prev = GENESIS_HASH;
    prev = await appendAsBefore(1, prev, 'operator', { category: 'note', assetId: 'L1-PNP1', text: 'Nozzle "4" → ok\n' });
    prev = await appendAsBefore(2, prev, undefined, { category: 'hold', assetId: null, nested: { list: [1, 2.5, -3], flag: true } });
    prev = await appendAsBefore(3, prev, 'supervisor', { shift: 'A', from: '2026-12-01T05:00:00.000Z' });
    await appendAsBefore(4, prev, 'operator', { category: 'note', assetId: null });
    // Someone edits row 4 after the fact: no role makes its hash fit, so it must stay reported.
    await db.query(`UPDATE audit_log SET detail = '{"category": "hold", "assetId": null}' WHERE seq = 4`);
    const before = await db.query('SELECT * FROM audit_log ORDER BY seq');
    const unrepaired = await verifyAuditChain(db);
    expect(unrepaired.ok).toBe(false);
    if (!unrepaired.ok) expect(unrepaired.problems.map((p) => p.seq)).toEqual([1, 3, 4]);

    await migrate(db);

    const after = await db.query('SELECT * FROM audit_log WHERE seq <= 4 ORDER BY seq');
    expect(after.rows).toEqual(before.rows);
    const repairs = await db.query<{ seq: string; hashed_actor_role: string; reason: string }>('SELECT * FROM audit_repairs ORDER BY seq');
    expect(repairs.rows.map((r) => [Number(r.seq), r.hashed_actor_role])).toEqual([
      [1, 'operator'],
      [3, 'supervisor'],
    ]);
    expect(repairs.rows[0]!.reason).toMatch(/role "operator".*not store/);
    const [repairedRow] = await listAudit(db, { action: 'audit.repaired' });
    expect(repairedRow).toMatchObject({ seq: 5, actor: { kind: 'system' }, detail: { seqs: [1, 3] } });

    const result = await verifyAuditChain(db);
    expect(result).toMatchObject({ ok: false, rows: 5, repairedSeqs: [1, 3], firstBadSeq: 4, problem: 'altered' });
    if (!result.ok) expect(result.problems.map((p) => p.seq)).toEqual([4]);
  });
});

describe.each(testDatabases())('verifying the chain on $kind', ({ open }) => {
  let db: Db;
  beforeAll(async () => {
    db = await open();
    await migrate(db);
  });
  afterAll(async () => {
    await db?.close();
  });

  it('hashes only what a row stores, so an actor passed with a role still verifies', async () => {
    await appendAudit(db, { actor: { ...actor, role: 'operator' } as typeof actor, action: 'handover.note_added', detail: { category: 'note' } });
    expect(await verifyAuditChain(db)).toEqual({ ok: true, rows: 1, headSeq: 1 });
  });

  it('reports every bad row, not only the first', async () => {
    for (let i = 0; i < 6; i++) await appendAudit(db, { actor, action: 'user.login', detail: { i } });
    await db.query(`UPDATE audit_log SET actor_name = 'Mallory' WHERE seq = 2`);
    await db.query(`UPDATE audit_log SET detail = '{"i": 99}' WHERE seq = 5`);
    await db.query('DELETE FROM audit_log WHERE seq = 6');
    const result = await verifyAuditChain(db);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => [p.seq, p.problem])).toEqual([
      [2, 'altered'],
      [5, 'altered'],
      [6, 'missing'],
    ]);
    expect(result.message).toMatch(/^3 problems/);
  });
});
