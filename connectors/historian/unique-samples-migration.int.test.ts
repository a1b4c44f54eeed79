// Migration 0016 on a historian that already holds duplicates (as failovers and reconnects left
// them before writes were idempotent): one row per asset, tag and time stays — the Good one — and
// from then on an offered duplicate is skipped.
import { describe, expect, it } from 'vitest';
import { loadMigrations, migrate } from '../../lib/db/migrate';
import { testDatabases } from '../../lib/db/testing';
import { insertSamples } from './history-store';

describe.each(testDatabases())('historian unique samples (migration 0016) on $kind', ({ open }) => {
  it('de-duplicates existing rows, keeping a Good one, and makes later inserts idempotent', async () => {
    const db = await open();
    try {
      const all = loadMigrations();
      await migrate(
        db,
        all.filter((migration) => migration.version < 16),
      );
      const t0 = new Date('2026-01-01T00:00:00Z');
      const t1 = new Date('2026-01-01T00:00:01Z');
      await db.query(
        `INSERT INTO historian_samples (time, asset_id, tag_id, value, quality) VALUES
           ($1, 'A', 'T', 1, 'good'), ($1, 'A', 'T', 1, 'good'), ($1, 'A', 'T', 1, 'good'),
           ($2, 'A', 'T', 2, 'uncertain'), ($2, 'A', 'T', 2, 'good'),
           ($2, 'B', 'T', 5, 'good')`,
        [t0, t1],
      );
      await migrate(db, all);
      const { rows } = await db.query<{ asset_id: string; time: Date; quality: string }>(
        'SELECT asset_id, time, quality FROM historian_samples ORDER BY asset_id, time',
      );
      expect(rows.map((row) => [row.asset_id, row.time.toISOString(), row.quality])).toEqual([
        ['A', t0.toISOString(), 'good'],
        ['A', t1.toISOString(), 'good'],
        ['B', t1.toISOString(), 'good'],
      ]);

      await insertSamples(db, [
        { time: t0, assetId: 'A', tagId: 'T', value: 1, quality: 'good' },
        { time: t0, assetId: 'A', tagId: 'T', value: 1, quality: 'good' },
        { time: new Date('2026-01-01T00:00:02Z'), assetId: 'A', tagId: 'T', value: 3, quality: 'good' },
      ]);
      const { rows: after } = await db.query<{ n: string }>("SELECT count(*) AS n FROM historian_samples WHERE asset_id = 'A'");
      expect(Number(after[0]!.n)).toBe(3);
    } finally {
      await db.close();
    }
  });
});
