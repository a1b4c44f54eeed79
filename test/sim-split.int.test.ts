/**
 * `plantpilot sim` split the way a plant is: one process serving only Line1 over OPC UA, one
 * publishing the utilities as a Sparkplug B edge node. Real processes, the real broker; each
 * stops cleanly on SIGTERM.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { connectPlant } from '@/connectors/opcua/plant-connection';
import { connectSparkplug } from '@/connectors/sparkplug/sparkplug-source';
import { TEST_BROKER_URL, requireBroker, uniqueId } from '@/connectors/sparkplug/testing/broker';
import { eventually } from './eventually';

const ROOT = path.resolve(import.meta.dirname, '..');
const BIN = path.join(ROOT, 'bin', 'plantpilot.js');

const children: ChildProcess[] = [];
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  for (const child of children.splice(0)) {
    if (child.exitCode !== null) continue;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  }
});
beforeAll(requireBroker);

/** Starts `plantpilot sim …` and resolves with the first line it prints on stdout (its address). */
async function sim(args: string[]): Promise<string> {
  const child = spawn(process.execPath, [BIN, 'sim', ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return eventually(
    () => {
      if (child.exitCode !== null) throw new Error(`plantpilot sim exited with ${child.exitCode}: ${stderr}`);
      return stdout.includes('\n') ? stdout.split('\n')[0]! : undefined;
    },
    60_000,
    'plantpilot sim to print its address',
  );
}

describe('plantpilot sim, split by line', () => {
  it('serves only Line1 over OPC UA with --lines Line1', async () => {
    const endpointUrl = await sim(['--lines', 'Line1', '--port', '0']);
    const pkiDir = await mkdtemp(path.join(os.tmpdir(), 'plantpilot-sim-split-'));
    cleanups.push(() => rm(pkiDir, { recursive: true, force: true }));
    const plant = await connectPlant({ endpointUrl, certificateDir: pkiDir, tags: { kind: 'browse' } });
    cleanups.push(() => plant.close());
    const assets = plant.listAssets();
    expect(assets.length).toBeGreaterThan(0);
    expect(new Set(assets.map((asset) => asset.line))).toEqual(new Set(['Line1']));
    // The plant clock and order release belong to one server of a split plant, not to every one.
    expect(assets.some((asset) => asset.id === 'Plant')).toBe(false);
  });

  it('publishes the utilities as a Sparkplug B edge node with --sparkplug', async () => {
    const groupId = uniqueId('Plant');
    const printed = await sim(['--lines', 'Utilities', '--sparkplug', TEST_BROKER_URL, '--group-id', groupId]);
    expect(printed).toContain(`spBv1.0/${groupId} Utilities`);
    const plant = await connectSparkplug({ brokerUrl: TEST_BROKER_URL, groupId, edgeNodeId: 'Utilities' });
    cleanups.push(() => plant.close());
    await eventually(() => plant.listAssets().length === 2, 15_000, 'both utility machines');
    expect(plant.getValue('UT-CHL', 'SupplyTempC')).toMatchObject({ unit: '°C', quality: 'good' });
  });

  it('refuses an unknown line with a message naming the valid ones', async () => {
    const child = spawn(process.execPath, [BIN, 'sim', '--lines', 'Line9'], { cwd: ROOT });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(code).not.toBe(0);
    expect(stderr).toMatch(/--lines takes a comma-separated list of Line1, Line2, Utilities; got "Line9"/);
  });
});
