import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../lib/db/db';
import { migrate } from '../../lib/db/migrate';
import { openPostgresDb } from '../../lib/db/postgres';
import { testDatabases } from '../../lib/db/testing';
import { parseAssetMapping } from '../opcua/asset-mapping';
import { startConnectorLease, type ConnectorLease } from '../opcua/lease';
import { connectPlant, type PlantConnection } from '../opcua/plant-connection';
import { startTestPlantServer, testPlantMapping, type TestPlantServer } from '../opcua/testing/test-plant-server';
import { createHistorian, type Historian } from './historian';
import { recordPlantHistory, type PlantRecorder } from './plant-recorder';
import { eventually } from '../../test/eventually';

const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL;

type Instance = { db: Db; lease: ConnectorLease; historian: Historian; plant: PlantConnection; recorder: PlantRecorder };

describe.each(testDatabases())('plant history recording on $kind', ({ kind, open }) => {
  let db: Db;
  let server: TestPlantServer;
  let pkiDir: string;
  const instances: Instance[] = [];

  const startInstance = async (instanceDb: Db): Promise<Instance> => {
    const lease = await startConnectorLease(instanceDb, { retryMs: 300 });
    const historian = createHistorian(instanceDb, { flushIntervalMs: 50 });
    const plant = await connectPlant({
      endpointUrl: server.endpointUrl,
      certificateDir: path.join(pkiDir, 'pki'),
      samplingIntervalMs: 50,
      publishingIntervalMs: 100,
      tags: { kind: 'mapping', mapping: parseAssetMapping(testPlantMapping(server.namespaceIndex, 2)) },
    });
    const instance = { db: instanceDb, lease, historian, plant, recorder: recordPlantHistory({ plant, historian, lease }) };
    instances.push(instance);
    return instance;
  };
  const stopInstance = async (instance: Instance) => {
    await instance.recorder.stop();
    await instance.plant.close();
    await instance.historian.close();
    await instance.lease.close();
  };
  const rowsWithValue = async (valueC: number) => {
    const { rows } = await db.query<{ n: string }>(
      "SELECT count(*) AS n FROM historian_samples WHERE asset_id = 'SENSORS' AND tag_id = 'TT0000' AND value = $1",
      [valueC],
    );
    return Number(rows[0]!.n);
  };

  beforeAll(async () => {
    db = await open();
    await migrate(db);
    pkiDir = await mkdtemp(path.join(tmpdir(), 'plantpilot-recorder-'));
    server = await startTestPlantServer({ sensorCount: 2 });
  });
  afterAll(async () => {
    for (const instance of instances.splice(0)) await stopInstance(instance).catch(() => undefined);
    await server?.close();
    await db?.close();
    await rm(pkiDir, { recursive: true, force: true });
  });

  it('records value changes with a snapshot at start', async () => {
    const instance = await startInstance(db);
    server.setSensor(0, 42);
    await eventually(async () => (await rowsWithValue(42)) === 1, 5000, 'the change to reach the historian');
    const history = await instance.historian.history({
      assetId: 'SENSORS',
      tagId: 'TT0000',
      from: new Date(Date.now() - 60_000),
      to: new Date(Date.now() + 1000),
      resolution: 'raw',
    });
    expect(history.resolution === 'raw' && history.points.map((point) => point.value)).toEqual([20, 42]);
    await stopInstance(instances.pop()!);
  });

  it.runIf(kind === 'postgres')('writes history from one of two instances only, and the other takes over when it dies', async () => {
    const { rows } = await db.query<{ name: string }>('SELECT current_database() AS name');
    const url = new URL(TEST_DATABASE_URL!);
    url.pathname = `/${rows[0]!.name}`;
    const first = await startInstance(await openPostgresDb({ url: url.toString() }));
    const second = await startInstance(await openPostgresDb({ url: url.toString() }));
    expect([first.lease.held, second.lease.held]).toEqual([true, false]);

    server.setSensor(0, 50);
    await eventually(async () => (await rowsWithValue(50)) >= 1, 5000, 'the change to reach the historian');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await rowsWithValue(50)).toBe(1);

    // The first instance dies: its database connections go and it stops doing anything.
    await first.recorder.stop();
    await first.plant.close();
    await first.db.query("SELECT pg_terminate_backend(pid) FROM pg_locks WHERE locktype = 'advisory' AND granted");
    await first.lease.close();
    await first.db.close();
    await eventually(() => second.lease.held, 15_000, 'the second instance to take over the lease');

    server.setSensor(0, 60);
    await eventually(async () => (await rowsWithValue(60)) >= 1, 5000, 'the change to reach the historian');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await rowsWithValue(60)).toBe(1);
    await stopInstance(second);
    await second.db.close();
    instances.splice(0);
  });
});
