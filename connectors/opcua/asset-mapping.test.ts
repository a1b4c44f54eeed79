import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMMON_TAGS, PRODUCTION_TAGS, TYPE_TAGS } from '../twin/catalogue';
import { loadAssetMapping, parseAssetMapping } from './asset-mapping';

describe('asset mapping files', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'plantpilot-mapping-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('reads YAML and JSON with defaults filled in', async () => {
    const yamlFile = path.join(dir, 'plant.yaml');
    await writeFile(
      yamlFile,
      'assets:\n  - id: OVEN-1\n    name: Reflow oven\n    tags:\n      - { id: ZoneTempC, nodeId: "ns=2;s=Oven/Zone4/Temp", unit: "°C" }\n',
    );
    const jsonFile = path.join(dir, 'plant.json');
    await writeFile(
      jsonFile,
      JSON.stringify({ assets: [{ id: 'OVEN-1', name: 'Reflow oven', tags: [{ id: 'ZoneTempC', nodeId: 'ns=2;s=Oven/Zone4/Temp', unit: '°C' }] }] }),
    );
    for (const file of [yamlFile, jsonFile]) {
      expect(await loadAssetMapping(file)).toEqual({
        assets: [
          { id: 'OVEN-1', name: 'Reflow oven', tags: [{ id: 'ZoneTempC', nodeId: 'ns=2;s=Oven/Zone4/Temp', unit: '°C', writable: false }], methods: [] },
        ],
      });
    }
  });

  it('ships an example that loads, and names its tags as the product reads them', async () => {
    const example = await loadAssetMapping(path.join(import.meta.dirname, 'examples', 'asset-mapping.example.yaml'));
    expect(example.assets.map((asset) => asset.id)).toEqual(['L1-RFL', 'L1-PCK', 'UT-AIR']);
    expect(example.assets[0]!.tags.find((tag) => tag.writable)).toMatchObject({ id: 'Zone4.SetpointC', range: { low: 180, high: 260 } });
    // The twin exposes the tag ids the plant page, shift figures, forecasts and tools read.
    const known = new Set([...COMMON_TAGS, ...PRODUCTION_TAGS, ...Object.values(TYPE_TAGS).flat()].map((tag) => tag.id));
    const unknown = example.assets.flatMap((asset) => asset.tags.map((tag) => tag.id)).filter((id) => !known.has(id));
    expect(unknown).toEqual([]);
  });

  it('reports every problem with its path', () => {
    const attempt = () =>
      parseAssetMapping({
        assets: [
          { id: 'A', name: 'A', tags: [{ id: 'T', nodeId: 'not a node id' }] },
          { id: 'A', name: 'Again', tags: [{ id: 'T', nodeId: 'ns=2;i=1', range: { low: 5, high: 1 } }] },
        ],
      });
    expect(attempt).toThrow(/assets\.0\.tags\.0\.nodeId: an OPC UA node id/);
    expect(attempt).toThrow(/assets\.1\.id: duplicate asset id A/);
    expect(attempt).toThrow(/assets\.1\.tags\.0\.range: low must not exceed high/);
  });

  it('says which file it cannot read', async () => {
    await expect(loadAssetMapping(path.join(dir, 'missing.yaml'))).rejects.toMatchObject({
      code: 'file_unreadable',
      message: expect.stringMatching(/missing\.yaml \(ENOENT\)/),
    });
  });
});
