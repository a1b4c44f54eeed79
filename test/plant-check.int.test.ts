/**
 * `plantpilot plant check`: a real process validating a plant configuration and, with --connect,
 * reaching a real OPC UA twin and a Sparkplug B edge node on the real broker.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_BROKER_URL, requireBroker, uniqueId } from '../connectors/sparkplug/testing/broker';
import { startTwinServer, type TwinServer } from '../connectors/twin/server';
import { PlantTwin } from '../connectors/twin/simulation';
import { startTwinEdgeNodes, type TwinEdgeNodes } from '../connectors/twin/sparkplug-edge-node';

const ROOT = path.resolve(import.meta.dirname, '..');
const BIN = path.join(ROOT, 'bin', 'plantpilot.js');

function run(args: string[], dataDir: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, env: { ...process.env, PLANTPILOT_DATA_DIR: dataDir, LOG_LEVEL: 'warn' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('plantpilot plant check', () => {
  let dataDir: string;
  let line1: TwinServer;
  let edge: TwinEdgeNodes;
  const groupId = uniqueId('Plant');

  beforeAll(async () => {
    await requireBroker();
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'plantpilot-plant-check-'));
    line1 = await startTwinServer({ port: 0, areas: ['Line1'] });
    edge = await startTwinEdgeNodes({ brokerUrl: TEST_BROKER_URL, groupId, areas: ['Utilities'], twin: new PlantTwin({ seed: 1, startTime: new Date() }) });
  });
  afterAll(async () => {
    await edge?.close();
    await line1?.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('validates the file and reaches every source with --connect', async () => {
    const file = path.join(dataDir, 'plant.yaml');
    await writeFile(
      file,
      `site: { id: FUE, name: Fürth }\nsources:\n  - id: line1\n    opcua: { endpoint: "${line1.endpointUrl}" }\n  - id: utilities\n    sparkplug: { broker: "${TEST_BROKER_URL}", groupId: ${groupId}, edgeNodeId: Utilities }\n`,
    );
    const result = await run(['plant', 'check', file, '--connect'], dataDir);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/valid — site Fürth, 2 sources/);
    expect(result.stdout).toMatch(/line1 +opcua +opc\.tcp:\/\/\S+ +connected, 8 assets/);
    expect(result.stdout).toMatch(/utilities +sparkplug +mqtt:\/\/\S+ group \S+ node Utilities +connected, 2 assets/);
  });

  it('names the bad field and fails', async () => {
    const file = path.join(dataDir, 'bad.yaml');
    await writeFile(file, 'site: { id: FUE }\nsources:\n  - id: utilities\n    sparkplug: { broker: "http://x", groupId: Plant }\n');
    const result = await run(['plant', 'check', file], dataDir);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toMatch(/sources\.0\.sparkplug\.broker: an MQTT broker URL such as mqtt:\/\/10\.0\.0\.7:1883/);
  });
});
