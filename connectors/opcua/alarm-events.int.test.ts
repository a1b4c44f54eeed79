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
  // Faults with a long MTBF, so the twin seldom raises them by itself; should it have (the twin runs at 60× and
  // a slow machine gives it hours), freshFault() takes the next candidate rather than wait on an event that
  // cannot come.
  const MACHINES = {
    pglite: {
      faults: [
        { machineId: 'L2-ICT', code: 'E-630', priority: 2, severity: 700 },
        { machineId: 'L1-ICT', code: 'E-630', priority: 2, severity: 700 },
      ],
      unleased: 'L2-PCK',
    },
    postgres: {
      faults: [
        { machineId: 'L2-RFL', code: 'E-260', priority: 1, severity: 900 },
        { machineId: 'L2-ICT', code: 'E-630', priority: 2, severity: 700 },
        { machineId: 'L1-ICT', code: 'E-630', priority: 2, severity: 700 },
      ],
      unleased: 'L1-PCK',
    },
  } as const;

  function freshFault<T extends { machineId: string; code: string }>(candidates: readonly T[]): T {
    const fresh = candidates.find(({ machineId, code }) => !twin.twin.activeAlarms(machineId).some((alarm) => alarm.code === code));
    if (!fresh) throw new Error(`Every candidate fault is already active: ${candidates.map((c) => `${c.machineId} ${c.code}`).join(', ')}`);
    return fresh;
  }

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
      const { faults, unleased } = MACHINES[kind];
      const { machineId: fault, code, priority, severity } = freshFault(faults);
      try {
        // An hour of twin time (a minute at its 60×): a loaded machine must not see the fault repaired before it is read.
        twin.twin.injectFault(fault, code, 3_600_000);
        let seen: string[] = [];
        const raised = await eventually(
          async () => {
            await historian.flush();
            const events = await historian.events({ from, to: new Date(Date.now() + 60_000), kinds: ['alarm'], assetId: fault });
            seen = events.map((event) => `${event.code} ${String(event.payload?.state)}`);
            const active = events.find((event) => event.code === code && event.payload?.active === true);
            // A CI run recorded only the fault's clearing: its raising came before the subscription delivered events.
            // Gone from the twin without its raising recorded, it is raised once more — the recorder must record that one.
            if (!active && !twin.twin.activeAlarms(fault).some((alarm) => alarm.code === code)) twin.twin.injectFault(fault, code, 3_600_000);
            return active;
          },
          15_000,
          `the ${code} event of ${fault} in the historian`,
        ).catch((error: Error) => {
          // Says which half failed: the twin raising it, or the subscription and historian recording it.
          const active = twin.twin.activeAlarms(fault).map((alarm) => alarm.code);
          throw new Error(`${error.message}; twin active on ${fault}: [${active.join(', ')}], historian: [${seen.join(', ')}]`);
        });
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
