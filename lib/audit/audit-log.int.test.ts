import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../db/db';
import { migrate } from '../db/migrate';
import { testDatabases } from '../db/testing';
import { appendAudit, listAudit, verifyAuditChain } from './audit-log';

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
