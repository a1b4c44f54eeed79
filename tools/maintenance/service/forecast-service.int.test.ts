import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHistorian, type Historian } from '@/connectors/historian/historian';
import type { Sample } from '@/connectors/historian/historian-types';
import { PlantTwin } from '@/connectors/twin/simulation';
import type { Db } from '@/lib/db/db';
import { migrate } from '@/lib/db/migrate';
import { testDatabases } from '@/lib/db/testing';
import { silentLogger } from '@/lib/log';
import { DEGRADING_ASSETS, signalTags } from './degrading-assets';
import { startForecastService, type ForecastService } from './forecast-service';
import { loadLatestModels } from './forecast-store';

/**
 * The twin itself, recorded minute by minute for a few simulated hours, is what the forecasts are
 * computed from. In the catalogue L1-PNP2's spindle starts at wear 0.55 and L2-PNP2's at 0.15.
 */
const SIM_HOURS = 8;
const START = new Date('2025-03-03T06:00:00Z');
const ASSETS = DEGRADING_ASSETS.filter((a) => ['L1-PNP2', 'L2-PNP2', 'UT-AIR'].includes(a.id));

function recordTwin(): { samples: Sample[]; end: Date; wear: Record<string, number> } {
  const twin = new PlantTwin({ seed: 3, startTime: START });
  const samples: Sample[] = [];
  for (let minute = 0; minute < SIM_HOURS * 60; minute++) {
    twin.step(60_000);
    // UT-AIR is left out of the recording on purpose: it must come back as insufficient history.
    for (const asset of ASSETS.filter((a) => a.id !== 'UT-AIR')) {
      for (const tagId of signalTags(asset.profile)) {
        samples.push({ time: twin.now(), assetId: asset.id, tagId, value: twin.readValue(asset.id, tagId) as number, quality: 'good' });
      }
    }
  }
  const snapshot = twin.snapshot();
  return { samples, end: twin.now(), wear: Object.fromEntries(ASSETS.map((a) => [a.id, snapshot.machines[a.id].wear ?? 0])) };
}

const recording = recordTwin();

describe.each(testDatabases())('maintenance forecasts on the twin ($kind)', ({ open }) => {
  let db: Db;
  let historian: Historian;
  let service: ForecastService;

  beforeAll(async () => {
    db = await open();
    await migrate(db);
    historian = createHistorian(db, { flushIntervalMs: 60_000 });
    for (const sample of recording.samples) historian.record(sample);
    await historian.flush();
    service = await startForecastService({
      db,
      log: silentLogger,
      historian,
      assets: ASSETS,
      now: () => recording.end,
      intervalMs: 3_600_000,
      training: { seed: 1, days: 12, maxTrees: 30 },
    });
  });

  afterAll(async () => {
    await service?.stop();
    await historian?.close();
    await db?.close();
  });

  it('ranks the degrading spindle above the healthy one', async () => {
    expect(recording.wear['L1-PNP2']).toBeGreaterThan(recording.wear['L2-PNP2']);
    const ranked = await service.latest();
    const worn = ranked.find((f) => f.assetId === 'L1-PNP2')!;
    const healthy = ranked.find((f) => f.assetId === 'L2-PNP2')!;
    expect(worn.status).toBe('ok');
    expect(healthy.status).toBe('ok');
    expect(worn.riskRank).toBeLessThan(healthy.riskRank);
    expect(worn.lowerHours!).toBeLessThan(healthy.lowerHours!);
    expect(worn.lowerHours!).toBeLessThanOrEqual(worn.rulHours!);
    expect(worn.upperHours!).toBeGreaterThanOrEqual(worn.rulHours!);
    expect(worn.topSignals.length).toBeGreaterThan(0);
    expect(worn.modelVersion).toBe('twin-r2-s1-d12');
    expect(worn.cyclesObserved).toBeGreaterThanOrEqual(SIM_HOURS);
  });

  it('says when an asset has too little history instead of inventing a number', async () => {
    const air = await service.forecastFor('UT-AIR');
    expect(air).toMatchObject({ status: 'insufficient_history', rulHours: null, lowerHours: null, cyclesObserved: 0 });
    expect(air!.detail).toMatch(/at least 6/);
    const ranked = await service.latest();
    expect(ranked[ranked.length - 1].assetId).toBe('UT-AIR');
  });

  it('stores the trained models and reuses them at the next start', async () => {
    // A model an older release saved (format 1) is newer here but no longer parses: it is passed over.
    await db.query(`INSERT INTO maintenance_models (machine_type, version, trained_at, model, training) VALUES ($1, $2, now() + interval '1 hour', $3, $4)`, [
      'pick-and-place',
      'twin-r1-s1-d12',
      JSON.stringify({ format: 'plantpilot-rul-model', version: 1 }),
      JSON.stringify({}),
    ]);
    const stored = await loadLatestModels(db);
    expect(stored?.version).toBe('twin-r2-s1-d12');
    expect([...stored!.byMachineType.keys()].sort()).toEqual(['pick-and-place', 'reflow-oven']);
    const again = await startForecastService({ db, log: silentLogger, historian, assets: ASSETS, now: () => recording.end, training: { seed: 99, days: 5 } });
    try {
      expect(again.modelVersion).toBe('twin-r2-s1-d12');
      const recomputed = await again.refresh();
      expect(recomputed).toHaveLength(3);
    } finally {
      await again.stop();
    }
  });
});
