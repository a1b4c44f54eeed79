import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTwinConnection, type TwinConnection } from './testing/twin-connection';
import type { Db } from '../../lib/db/db';
import { migrate } from '../../lib/db/migrate';
import { openEmbeddedDb } from '../../lib/db/pglite';
import { testDatabases } from '../../lib/db/testing';
import { createHistorian, type Historian } from '../historian/historian';
import type { TwinServer } from '../twin/server';
import { recordAlarmEvents, subscribeAlarmEvents, type AlarmEvent } from './alarm-events';
import type { PlantConnection } from './plant-connection';
import { startPlantServices } from './start-plant-services';
import { eventually } from '../../test/eventually';

describe('alarm events from the plant twin', () => {
  let fixture: TwinConnection;
  let twin: TwinServer;
  let plant: PlantConnection;

  beforeAll(async () => {
    fixture = await startTwinConnection({ seed: 5 });
    ({ twin, plant } = fixture);
  });

  afterAll(async () => {
    await fixture?.close();
  });

  it('delivers an injected fault as an active alarm event, then its clearing', async () => {
    const received: AlarmEvent[] = [];
    const subscription = await subscribeAlarmEvents(plant, (event) => received.push(event));
    try {
      // Repaired after 2 simulated minutes, about 2 s of wall time at speed 60.
      twin.twin.injectFault('L1-RFL', 'E-260', 120_000);
      const raised = await eventually(() => received.find((event) => event.code === 'E-260' && event.active), 15_000, 'the raised event');
      expect(raised).toMatchObject({ assetId: 'L1-RFL', sourceName: 'L1-RFL', priority: 1, state: 'active', severity: 900 });
      expect(raised.message).toMatch(/E-260/);
      const cleared = await eventually(() => received.find((event) => event.code === 'E-260' && !event.active), 15_000, 'the cleared event');
      expect(cleared).toMatchObject({ assetId: 'L1-RFL', state: 'cleared' });
      expect(cleared.time.getTime()).toBeGreaterThanOrEqual(raised.time.getTime());
    } finally {
      await subscription.close();
    }
  });

  // One machine per database pass: a fault still active from the previous pass raises no new event.
  // Faults with a long MTBF, so the twin does not raise them by itself during the test.
  const MACHINES = {
    pglite: { fault: 'L2-ICT', code: 'E-630', priority: 2, severity: 700, unleased: 'L2-PCK' },
    postgres: { fault: 'L2-RFL', code: 'E-260', priority: 1, severity: 900, unleased: 'L1-PCK' },
  } as const;

  describe.each(testDatabases())('recorded in the historian on $kind', ({ kind, open }) => {
    let db: Db;
    let historian: Historian;

    beforeAll(async () => {
      db = await open();
      await migrate(db);
      historian = createHistorian(db, { flushIntervalMs: 50 });
    });

    afterAll(async () => {
      await historian?.close();
      await db?.close();
    });

    it('records alarm events with code, priority and state while holding the lease', async () => {
      const lease = { held: true };
      const recorder = await recordAlarmEvents({ plant, historian, lease });
      const from = new Date(Date.now() - 60_000);
      const { fault, code, priority, severity, unleased } = MACHINES[kind];
      try {
        twin.twin.injectFault(fault, code, 600_000);
        const raised = await eventually(
          async () => {
            await historian.flush();
            const events = await historian.events({ from, to: new Date(Date.now() + 60_000), kinds: ['alarm'], assetId: fault });
            return events.find((event) => event.code === code && event.payload?.active === true);
          },
          15_000,
          'the alarm event in the historian',
        );
        expect(raised).toMatchObject({
          kind: 'alarm',
          assetId: fault,
          priority,
          severity,
          payload: expect.objectContaining({ state: 'active', active: true }),
        });
        // Without the lease, nothing is recorded.
        lease.held = false;
        const before = (await historian.events({ from, to: new Date(Date.now() + 60_000), kinds: ['alarm'], assetId: unleased })).length;
        twin.twin.injectFault(unleased, 'E-720', 600_000);
        await new Promise((resolve) => setTimeout(resolve, 1500));
        await historian.flush();
        expect((await historian.events({ from, to: new Date(Date.now() + 60_000), kinds: ['alarm'], assetId: unleased })).length).toBe(before);
      } finally {
        await recorder.stop();
      }
    });
  });

  it('is part of the plant services: startPlantServices records alarm events and closes cleanly', async () => {
    const db = await openEmbeddedDb({});
    const dataDir = await mkdtemp(path.join(tmpdir(), 'plantpilot-plant-services-'));
    try {
      await migrate(db);
      const services = await startPlantServices({ db, dataDir, settings: { endpointUrl: twin.endpointUrl, publishingIntervalMs: 200 } });
      try {
        const from = new Date(Date.now() - 60_000);
        twin.twin.injectFault('UT-CHL', 'E-930', 600_000);
        const recorded = await eventually(
          async () => {
            await services.historian.flush();
            const events = await services.historian.events({ from, to: new Date(Date.now() + 60_000), kinds: ['alarm'], assetId: 'UT-CHL' });
            return events.find((event) => event.code === 'E-930');
          },
          15_000,
          'the alarm event from the plant services',
        );
        expect(recorded).toMatchObject({ assetId: 'UT-CHL', payload: expect.objectContaining({ state: 'active' }) });
      } finally {
        await services.close();
      }
      expect(services.plant.state).toBe('closed');
    } finally {
      await db.close();
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
