import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from './db';
import { loadMigrations, migrate, migrationStatus } from './migrate';
import { testDatabases } from './testing';

describe.each(testDatabases())('database on $kind', ({ open }) => {
  let db: Db;
  beforeAll(async () => {
    db = await open();
  });
  afterAll(async () => {
    await db?.close();
  });

  it('applies every migration once and records it', async () => {
    const before = await migrationStatus(db);
    expect(before.applied).toHaveLength(0);
    expect(before.pending.map((m) => m.file)).toEqual(loadMigrations().map((m) => m.file));

    const applied = await migrate(db);
    expect(applied.length).toBe(loadMigrations().length);
    expect(await migrate(db)).toEqual([]);

    const after = await migrationStatus(db);
    expect(after.pending).toEqual([]);
    expect(after.changed).toEqual([]);
    expect(after.applied.map((m) => m.version)).toEqual(loadMigrations().map((m) => m.version));
  });

  it('rolls back a failing migration and leaves no record of it', async () => {
    const bad = [
      { version: 9999, name: 'broken', file: '9999_broken.sql', sql: 'CREATE TABLE half_done (id int); SELECT * FROM no_such_table;', checksum: 'x' },
    ];
    await expect(migrate(db, bad)).rejects.toMatchObject({ code: 'migration_failed' });
    const { rows } = await db.query("SELECT to_regclass('half_done') AS t");
    expect(rows[0].t).toBeNull();
    const status = await migrationStatus(db, bad);
    expect(status.pending.map((m) => m.version)).toEqual([9999]);
  });

  it('stores vectors and orders them by cosine distance', async () => {
    await db.query('CREATE TABLE vec_probe (id int PRIMARY KEY, embedding vector(3))');
    await db.query('INSERT INTO vec_probe VALUES (1, $1), (2, $2), (3, $3)', ['[1,0,0]', '[0,1,0]', '[0.7,0.7,0]']);
    const { rows } = await db.query<{ id: number; embedding: number[]; distance: number }>(
      'SELECT id, embedding, embedding <=> $1 AS distance FROM vec_probe ORDER BY embedding <=> $1',
      ['[0.9,0.2,0]'],
    );
    expect(rows.map((r) => r.id)).toEqual([1, 3, 2]);
    expect(rows[0]!.embedding).toEqual([1, 0, 0]);
    expect(rows[0]!.distance).toBeLessThan(rows[1]!.distance);
  });

  it('answers a full-text query with ranking', async () => {
    await db.query("CREATE TABLE fts_probe (id int PRIMARY KEY, body text, tsv tsvector GENERATED ALWAYS AS (to_tsvector('english', body)) STORED)");
    await db.query('INSERT INTO fts_probe (id, body) VALUES ($1, $2), ($3, $4), ($5, $6)', [
      1,
      'Reflow oven zone 4 over-temperature: check the heater relay',
      2,
      'Stencil printer squeegee pressure out of range',
      3,
      'Zone temperatures drift when the oven heaters age',
    ]);
    const { rows } = await db.query<{ id: number }>(
      "SELECT id FROM fts_probe WHERE tsv @@ websearch_to_tsquery('english', $1) ORDER BY ts_rank(tsv, websearch_to_tsquery('english', $1)) DESC",
      ['oven heater'],
    );
    expect(rows.map((r) => r.id).sort()).toEqual([1, 3]);
  });

  it('commits a transaction that resolves and rolls back one that throws', async () => {
    await db.query('CREATE TABLE tx_probe (id int PRIMARY KEY)');
    await db.transaction(async (tx) => {
      await tx.query('INSERT INTO tx_probe VALUES (1)');
    });
    await expect(
      db.transaction(async (tx) => {
        await tx.query('INSERT INTO tx_probe VALUES (2)');
        throw new Error('abandon');
      }),
    ).rejects.toThrow('abandon');
    const { rows } = await db.query<{ id: number }>('SELECT id FROM tx_probe ORDER BY id');
    expect(rows.map((r) => r.id)).toEqual([1]);
  });
});
