/**
 * The app's plant part started from a plant configuration file, as `PLANTPILOT_PLANT_CONFIG=… npm
 * start` would: two line twins on two OPC UA ports and the utilities on Sparkplug B. Health has a
 * line per source, history is recorded from both kinds, and a dead source shows in its own line.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from '../test/eventually';
import { TEST_BROKER_URL, requireBroker, uniqueId } from '../connectors/sparkplug/testing/broker';
import { startTwinServer, type TwinServer } from '../connectors/twin/server';
import { PlantTwin } from '../connectors/twin/simulation';
import { startTwinClock } from '../connectors/twin/twin-clock';
import { startTwinEdgeNodes, type TwinEdgeNodes } from '../connectors/twin/sparkplug-edge-node';
import { loadConfig } from '../lib/config';
import type { Db } from '../lib/db/db';
import { migrate } from '../lib/db/migrate';
import { openEmbeddedDb } from '../lib/db/pglite';
import { silentLogger } from '../lib/log';
import { assetStateTool } from '../tools/plant/tools/asset-state';
import { setSetpointTool } from '../tools/plant/tools/set-setpoint';
import type { ToolCallContext } from '../tools/tool';
import { startSites } from './sites';

const CONTEXT: ToolCallContext = { actor: { kind: 'system', id: 'test', name: 'test', role: 'viewer' } };

describe('plant part from a plant configuration file', () => {
  let dataDir: string;
  let db: Db;
  let line1: TwinServer;
  let line2: TwinServer;
  let edge: TwinEdgeNodes;
  let stopClock: () => void;
  const groupId = uniqueId('Plant');

  beforeAll(async () => {
    await requireBroker();
    dataDir = await mkdtemp(path.join(tmpdir(), 'plantpilot-plant-sources-'));
    db = await openEmbeddedDb({});
    await migrate(db);
    line1 = await startTwinServer({ port: 0, areas: ['Line1'], plantItems: true });
    line2 = await startTwinServer({ port: 0, areas: ['Line2'] });
    const twin = new PlantTwin({ seed: 1, startTime: new Date() });
    stopClock = startTwinClock(twin);
    edge = await startTwinEdgeNodes({ brokerUrl: TEST_BROKER_URL, groupId, areas: ['Utilities'], twin, publishIntervalMs: 200 });
  });
  afterAll(async () => {
    await edge?.close();
    stopClock?.();
    await line1?.close();
    await line2?.close();
    await db?.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('connects every source, records history from each, and reports each source in health', async () => {
    const file = path.join(dataDir, 'plant.yaml');
    await writeFile(
      file,
      [
        'site: { id: FUE, name: Fürth }',
        'sources:',
        `  - id: line1`,
        `    opcua: { endpoint: "${line1.endpointUrl}", identity: { type: username, username: operator, password: plantpilot } }`,
        `  - id: line2`,
        `    opcua: { endpoint: "${line2.endpointUrl}" }`,
        `  - id: utilities`,
        `    sparkplug: { broker: "${TEST_BROKER_URL}", groupId: ${groupId} }`,
      ].join('\n'),
    );
    const config = loadConfig({ PLANTPILOT_DATA_DIR: dataDir, PLANTPILOT_PLANT_CONFIG: file });
    const started = await startSites({ config, db, log: silentLogger });
    const part = started.sites.default.part;
    try {
      expect(part.twin).toBeUndefined();
      const plant = part.current()!.plant;
      // Without an edge node id the host learns the group's nodes from their data, then asks for births.
      await eventually(() => plant.listAssets().some((asset) => asset.id === 'UT-AIR'), 20_000, 'the utilities to be born');
      const health = await eventually(
        async () => {
          const result = await started.health();
          return result.status === 'ok' && result;
        },
        20_000,
        'every source to be healthy',
      );
      expect(health.reason).toMatch(/^site Fürth: 3 of 3 sources connected; this instance records history for 3 of them/);
      expect(health.reason).toMatch(/\nline1 \(opcua opc\.tcp:\/\/[^)]+\): connected, \d+ assets/);
      expect(health.reason).toMatch(/\nline2 \(opcua opc\.tcp:\/\/[^)]+\): connected, \d+ assets/);
      expect(health.reason).toMatch(/\nutilities \(sparkplug mqtt:\/\/[^)]+\): connected, 2 assets, \d+ metrics/);

      const historian = part.current()!.historian;
      await eventually(
        async () => {
          await historian.flush();
          const { rows } = await db.query<{ asset_id: string }>(
            "SELECT DISTINCT asset_id FROM historian_samples WHERE asset_id IN ('L1-RFL', 'L2-RFL', 'UT-AIR')",
          );
          return rows.length === 3;
        },
        20_000,
        'history rows from every source',
      );

      // The tools work on the merged plant unchanged, whichever source serves the asset.
      const assetState = assetStateTool({ plant, historian });
      for (const asset of ['UT-AIR', 'L2-RFL']) {
        const output = assetState.output.parse(await assetState.run(assetState.input.parse({ asset }), CONTEXT));
        expect(output.asset.id).toBe(asset);
      }
      const setSetpoint = setSetpointTool({ plant, readBackTimeoutMs: 15_000 });
      for (const [asset, tag, value] of [
        ['UT-CHL', 'SupplyTempSetpointC', 16],
        ['L1-RFL', 'Zone4.SetpointC', 238],
      ] as const) {
        const input = setSetpoint.input.parse({ asset, tag, value });
        await setSetpoint.preview!(input, CONTEXT);
        const output = await setSetpoint.run(input, CONTEXT);
        expect((await setSetpoint.readBack!(input, output, CONTEXT)).ok).toBe(true);
      }

      await line2.close();
      const degraded = await eventually(
        async () => {
          const result = await part.health();
          return result.status === 'degraded' && result;
        },
        30_000,
        'health to show line2 down',
      );
      expect(degraded.reason).toMatch(/\nline2 \(opcua [^)]+\): connection reconnecting; its values are shown as Bad/);
      expect(degraded.reason).toMatch(/\nline1 \(opcua [^)]+\): connected/);
    } finally {
      await started.stop();
    }
  });

  it('serves each site of a sites: file with its own sources, history and health lines', async () => {
    // A server of its own: the test above closes line2.
    const erlServer = await startTwinServer({ port: 0, areas: ['Line2'] });
    const file = path.join(dataDir, 'sites.yaml');
    await writeFile(
      file,
      [
        'sites:',
        '  - id: FUE',
        '    name: Fürth',
        '    sources:',
        `      - { id: line1, opcua: { endpoint: "${line1.endpointUrl}" } }`,
        '  - id: ERL',
        '    sources:',
        `      - { id: line1, opcua: { endpoint: "${erlServer.endpointUrl}" } }`,
      ].join('\n'),
    );
    const config = loadConfig({ PLANTPILOT_DATA_DIR: dataDir, PLANTPILOT_PLANT_CONFIG: file });
    const started = await startSites({ config, db, log: silentLogger });
    try {
      expect(started.sites.list().map((site) => [site.id, site.name, site.historianKey])).toEqual([
        ['FUE', 'Fürth', ''],
        ['ERL', 'ERL', 'ERL'],
      ]);
      const assetsAt = (siteId: string) =>
        started.sites
          .get(siteId)
          .plant()
          .listAssets()
          .map((asset) => asset.id);
      expect(assetsAt('FUE')).toContain('L1-RFL');
      expect(assetsAt('FUE')).not.toContain('L2-RFL');
      expect(assetsAt('ERL')).toContain('L2-RFL');
      expect(assetsAt('ERL')).not.toContain('L1-RFL');
      // The same source id at two sites: two leases, both held by this one instance.
      const health = await eventually(
        async () => {
          const result = await started.health();
          return result.status === 'ok' && result;
        },
        20_000,
        'both sites to be healthy',
      );
      expect(health.reason).toMatch(/^site Fürth: 1 of 1 sources connected; this instance records history for 1 of them$/m);
      expect(health.reason).toMatch(/^site ERL: 1 of 1 sources connected; this instance records history for 1 of them$/m);
      const erlHistorian = started.sites.get('ERL').historian();
      await eventually(
        async () => {
          await erlHistorian.flush();
          const { rows } = await db.query<{ n: number }>("SELECT count(*)::int AS n FROM historian_samples WHERE site_id = 'ERL' AND asset_id = 'L2-RFL'");
          return rows[0]!.n > 0;
        },
        20_000,
        'ERL history under its own key',
      );
    } finally {
      await started.stop();
      await erlServer.close();
    }
  });

  it('stops the start with the path of a bad field in the file', async () => {
    const file = path.join(dataDir, 'bad.yaml');
    await writeFile(file, 'site: { id: FUE }\nsources:\n  - id: line1\n    opcua: { endpoint: "http://nowhere" }\n');
    const config = loadConfig({ PLANTPILOT_DATA_DIR: dataDir, PLANTPILOT_PLANT_CONFIG: file });
    await expect(startSites({ config, db, log: silentLogger })).rejects.toThrow(/sources\.0\.opcua\.endpoint: an OPC UA endpoint/);
  });
});
