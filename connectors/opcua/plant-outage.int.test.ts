// A plant server in its own process that the test stops (SIGSTOP: hung, sockets open), resumes,
// kills and starts again. The connector must notice each, say so in every answer, and write no
// history row twice or with an old time.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeAnswer } from '../../agent/models/offline/answer-writer';
import type { Db } from '../../lib/db/db';
import { migrate } from '../../lib/db/migrate';
import { openEmbeddedDb } from '../../lib/db/pglite';
import { eventually } from '../../test/eventually';
import { alarmsTool } from '../../tools/plant/tools/alarms';
import { assetStateTool } from '../../tools/plant/tools/asset-state';
import type { ToolCallContext } from '../../tools/tool';
import { createHistorian, type Historian } from '../historian/historian';
import type { Sample } from '../historian/historian-types';
import { recordPlantHistory, type PlantRecorder } from '../historian/plant-recorder';
import { startConnectorLease, type ConnectorLease } from './lease';
import { connectPlant, type PlantConnection } from './plant-connection';
import { startPlantProcess, type PlantProcess } from './testing/plant-process';

const CONTEXT: ToolCallContext = { actor: { kind: 'system', id: 'test', name: 'test', role: 'viewer' } };
const sampleKey = (sample: Sample) => `${sample.assetId}/${sample.tagId}@${sample.time.toISOString()}`;

describe('plant outages against a plant server process', () => {
  let twin: PlantProcess;
  let db: Db;
  let lease: ConnectorLease;
  let historian: Historian;
  let plant: PlantConnection;
  let recorder: PlantRecorder;
  let pkiDir: string;
  /** Every sample the recorder handed to the historian, with when. */
  const recorded: { sample: Sample; atMs: number }[] = [];

  beforeAll(async () => {
    pkiDir = await mkdtemp(path.join(tmpdir(), 'plantpilot-plant-outage-'));
    twin = await startPlantProcess({ speed: 10 });
    db = await openEmbeddedDb({});
    await migrate(db);
    lease = await startConnectorLease(db);
    historian = createHistorian(db, { flushIntervalMs: 100 });
    plant = await connectPlant({
      endpointUrl: twin.endpointUrl,
      certificateDir: path.join(pkiDir, 'pki'),
      staleWindowMs: 1500,
      samplingIntervalMs: 100,
      publishingIntervalMs: 100,
      reconnectInitialDelayMs: 200,
      reconnectMaxDelayMs: 1000,
      tags: { kind: 'browse', rootNodeId: 'ns=1;s=Plant' },
    });
    const watched: Historian = {
      ...historian,
      record(sample) {
        recorded.push({ sample, atMs: Date.now() });
        historian.record(sample);
      },
    };
    recorder = recordPlantHistory({ plant, historian: watched, lease });
  }, 240_000); // a process start, PGlite and a browse of the whole plant on a busy machine

  afterAll(async () => {
    await recorder?.stop();
    await plant?.close();
    await historian?.close();
    await lease?.close();
    await db?.close();
    await twin?.close();
    await rm(pkiDir, { recursive: true, force: true });
  }, 60_000);

  it('sees a hung server as not connected, never answers "all Good" or "none" for alarms then, and rewrites no row on resume', async () => {
    await eventually(() => plant.state === 'connected' && plant.getValue('L1-RFL', 'State').quality === 'good', 20_000, 'live values');
    const alarms = alarmsTool({ plant, historian });
    const assetState = assetStateTool({ plant, historian });
    const live = alarms.output.parse(await alarms.run(alarms.input.parse({}), CONTEXT));
    expect(live.dataQuality.worst).toBe('good');

    twin.stop();
    await eventually(() => plant.state === 'reconnecting', 30_000, 'the hung server to be seen as not connected');
    expect(plant.getValue('L1-RFL', 'State').quality).toBe('bad');
    await expect(plant.readNow([{ assetId: 'L1-RFL', tagId: 'State' }])).rejects.toMatchObject({ code: 'plant_unreachable' });

    const during = alarms.output.parse(await alarms.run(alarms.input.parse({}), CONTEXT));
    expect(during.dataQuality.worst).toBe('bad');
    expect(during.dataQuality.note).not.toMatch(/All values are Good/);
    expect(during.activeNowNote).toMatch(/^Unknown: the plant connection is reconnecting/);
    const state = assetState.output.parse(await assetState.run(assetState.input.parse({ asset: 'L1-RFL' }), CONTEXT));
    const line = assetState.output.parse(await assetState.run(assetState.input.parse({ asset: 'Line1' }), CONTEXT));
    for (const output of [state, line]) {
      expect(output.activeAlarmsNote).toMatch(/^Unknown/);
      const answer = writeAnswer([{ tool: 'asset_state', args: { asset: output.asset.id }, content: JSON.stringify(output) }]);
      expect(answer).not.toMatch(/no active alarms|Active alarms\*\*: none/i);
      expect(answer).toMatch(/^Unknown: the plant connection is reconnecting/m);
    }

    const beforeResume = new Set(recorded.map((entry) => sampleKey(entry.sample)));
    const resumedAtMs = Date.now();
    twin.resume();
    await eventually(() => plant.state === 'connected' && plant.getValue('L1-RFL', 'State').quality === 'good', 30_000, 'values after the resume');
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const rewritten = recorded.filter((entry) => entry.atMs >= resumedAtMs && beforeResume.has(sampleKey(entry.sample)));
    expect(rewritten.map((entry) => sampleKey(entry.sample))).toEqual([]);
    await historian.flush();
    const { rows } = await db.query<{ kind: string; code: string }>("SELECT kind, code FROM historian_events WHERE kind = 'connection' ORDER BY time");
    expect(rows.map((row) => row.code)).toEqual(['reconnecting', 'connected']);
  }, 120_000);

  it('shows a killed server as Bad and reconnecting, and reconnects to its restart with the same monitored items', async () => {
    const items = plant.stats().monitoredItems;
    await twin.kill();
    await eventually(() => plant.state === 'reconnecting', 20_000, 'the lost connection to show');
    expect(plant.getValue('L1-RFL', 'State')).toMatchObject({ quality: 'bad', statusText: expect.stringMatching(/^BadNotConnected/) });
    await twin.restart();
    await eventually(() => plant.state === 'connected' && plant.getValue('L1-RFL', 'State').quality === 'good', 180_000, 'the reconnect');
    expect(plant.stats().monitoredItems).toBe(items);
    await historian.flush();
    const { rows } = await db.query<{ code: string }>("SELECT code FROM historian_events WHERE kind = 'connection' ORDER BY time");
    expect(rows.map((row) => row.code).slice(-2)).toEqual(['reconnecting', 'connected']);
  }, 240_000);
});
