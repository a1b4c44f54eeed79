/**
 * Per-source leases with several app instances on one PostgreSQL: each source's history has exactly
 * one recorder, and when that instance goes, another takes over. On the embedded database (one
 * process) every lease is simply held. The PostgreSQL case runs when TEST_DATABASE_URL is set.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from '@/test/eventually';
import type { Db } from '@/lib/db/db';
import { migrate } from '@/lib/db/migrate';
import { testDatabases } from '@/lib/db/testing';
import { TEST_BROKER_URL, requireBroker, uniqueId } from '@/connectors/sparkplug/testing/broker';
import { startTwinServer, type TwinServer } from '@/connectors/twin/server';
import { PlantTwin } from '@/connectors/twin/simulation';
import { startTwinClock } from '@/connectors/twin/twin-clock';
import { startTwinEdgeNodes, type TwinEdgeNodes } from '@/connectors/twin/sparkplug-edge-node';
import { parsePlantConfig, type PlantConfig } from './plant-config';
import { sourceLeaseKey, startPlantSources } from './start-plant-sources';

describe('source lease keys', () => {
  it('differ per source and per site, and are stable', () => {
    expect(sourceLeaseKey('FUE', 'line1')).toBe(sourceLeaseKey('FUE', 'line1'));
    expect(sourceLeaseKey('FUE', 'line1')).not.toBe(sourceLeaseKey('FUE', 'line2'));
    expect(sourceLeaseKey('FUE', 'line1')).not.toBe(sourceLeaseKey('ERL', 'line1'));
    expect(Number.isSafeInteger(sourceLeaseKey('FUE', 'line1'))).toBe(true);
  });
});

describe.each(testDatabases())('per-source leases on $kind', ({ kind, open }) => {
  let db: Db;
  let dataDir: string;
  let line1: TwinServer;
  let edge: TwinEdgeNodes;
  let stopClock: () => void;
  let config: PlantConfig;

  beforeAll(async () => {
    await requireBroker();
    db = await open();
    await migrate(db);
    dataDir = await mkdtemp(path.join(tmpdir(), 'plantpilot-source-leases-'));
    line1 = await startTwinServer({ port: 0, areas: ['Line1'] });
    const groupId = uniqueId('Plant');
    const twin = new PlantTwin({ seed: 1, startTime: new Date() });
    stopClock = startTwinClock(twin);
    edge = await startTwinEdgeNodes({ brokerUrl: TEST_BROKER_URL, groupId, areas: ['Utilities'], twin, publishIntervalMs: 200 });
    config = parsePlantConfig({
      site: { id: uniqueId('SITE') },
      sources: [
        { id: 'line1', opcua: { endpoint: line1.endpointUrl } },
        { id: 'utilities', sparkplug: { broker: TEST_BROKER_URL, groupId, edgeNodeId: 'Utilities' } },
      ],
    });
  });
  afterAll(async () => {
    await edge?.close();
    stopClock?.();
    await line1?.close();
    await db?.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it.runIf(kind === 'pglite')('holds every source on the embedded database', async () => {
    const services = await startPlantSources({ db, dataDir, config });
    try {
      expect(['line1', 'utilities'].map((id) => services.leaseOf(id).held)).toEqual([true, true]);
      expect(services.lease.held).toBe(true);
    } finally {
      await services.close();
    }
  });

  it.runIf(kind === 'postgres')('gives each source one recorder among instances, and hands each over when its holder goes', async () => {
    const first = await startPlantSources({ db, dataDir: path.join(dataDir, 'a'), config });
    const second = await startPlantSources({ db, dataDir: path.join(dataDir, 'b'), config });
    try {
      for (const id of ['line1', 'utilities']) expect([first.leaseOf(id).held, second.leaseOf(id).held]).toEqual([true, false]);
      await first.close();
      await eventually(() => second.leaseOf('line1').held && second.leaseOf('utilities').held, 20_000, 'the second instance to take over every source');
      expect(second.lease.held).toBe(true);
    } finally {
      await first.close();
      await second.close();
    }
  });
});
