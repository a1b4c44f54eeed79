import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../lib/config';
import type { Db } from '../lib/db/db';
import { migrate } from '../lib/db/migrate';
import { openEmbeddedDb } from '../lib/db/pglite';
import { silentLogger } from '../lib/log';
import { startPlantPart } from './plant-part';

const HOUR_MS = 3_600_000;

describe('plant part with the built-in twin', () => {
  let dataDir: string;
  let db: Db;
  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'plantpilot-plant-part-'));
    db = await openEmbeddedDb({});
    await migrate(db);
  });
  afterAll(async () => {
    await db?.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('at first start fills the empty historian with the twin’s last hours, and never again', async () => {
    const config = loadConfig({ PLANTPILOT_DATA_DIR: dataDir, PLANTPILOT_TWIN_PORT: '0', PLANTPILOT_TWIN_WARM_UP_HOURS: '1' });
    const startedAt = Date.now();
    const first = await startPlantPart({ config, db, log: silentLogger });
    try {
      expect(first.twin).toBeDefined();
      // The live twin carries on from the simulated past: its clock is now, not an hour ago.
      expect(Math.abs(first.twin!.twin.now().getTime() - Date.now())).toBeLessThan(60_000);
      const { rows } = await db.query<{ first: Date; minutes: number }>(
        "SELECT min(time) AS first, count(DISTINCT date_trunc('minute', time))::int AS minutes FROM historian_samples WHERE asset_id = 'L1-RFL' AND tag_id = 'Zone4.TemperatureC'",
      );
      expect(Math.abs(rows[0]!.first.getTime() - (startedAt - HOUR_MS))).toBeLessThan(5 * 60_000);
      expect(rows[0]!.minutes).toBeGreaterThanOrEqual(60);
      const events = await db.query<{ n: number }>("SELECT count(*)::int AS n FROM historian_events WHERE kind = 'state_change' AND time < $1", [
        new Date(startedAt),
      ]);
      expect(events.rows[0]!.n).toBeGreaterThan(0);
    } finally {
      await first.stop();
    }

    const secondStart = new Date();
    const before = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM historian_samples');
    const second = await startPlantPart({ config, db, log: silentLogger });
    await second.stop();
    // History was present, so nothing was simulated into the past this time.
    const older = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM historian_samples WHERE time < $1', [secondStart]);
    expect(older.rows[0]!.n).toBe(before.rows[0]!.n);
  });
});
