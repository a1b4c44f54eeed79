import { describe, expect, it } from 'vitest';
import type { AssetInfo } from '@/connectors/opcua/plant-connection';
import { MACHINES } from '@/connectors/twin/catalogue';
import { assetCandidates, editDistance, resolveAsset, resolveLine } from './asset-resolver';

// The assets as browsing the twin reports them: id, display name, line = area; plus the plant root.
const ASSETS: AssetInfo[] = [
  { id: 'Plant', name: 'Nordwerk Electronics — Fürth plant', tags: [], methods: [] },
  ...MACHINES.map((machine) => ({ id: machine.id, name: machine.displayName, line: machine.area, tags: [], methods: [] })),
];

describe('resolveAsset', () => {
  it.each([
    ['L2-RFL', 'L2-RFL'],
    ['l2-rfl', 'L2-RFL'],
    ['L2 RFL', 'L2-RFL'],
    ['reflow on line 2', 'L2-RFL'],
    ['the reflow oven on line 1', 'L1-RFL'],
    ['oven line two', 'L2-RFL'],
    ['Reflow oven L1', 'L1-RFL'],
    ['L1 oven', 'L1-RFL'],
    ['reflwo oven line 1', 'L1-RFL'],
    ['pick and place 2 on line 1', 'L1-PNP2'],
    ['P&P 1 line 2', 'L2-PNP1'],
    ['PnP 2 on Line2', 'L2-PNP2'],
    ['compressor', 'UT-AIR'],
    ['compresser', 'UT-AIR'],
    ['chiller', 'UT-CHL'],
    ['Process chiller', 'UT-CHL'],
    ['packing line 2', 'L2-PCK'],
    ['L2-RLF', 'L2-RFL'],
  ])('resolves %j to %s', (text, id) => {
    expect(resolveAsset(ASSETS, text).id).toBe(id);
  });

  it.each([
    ['P&P 1', ['L1-PNP1', 'L2-PNP1']],
    ['reflow', ['L1-RFL', 'L2-RFL']],
    ['the oven', ['L1-RFL', 'L2-RFL']],
  ])('asks which one for the ambiguous %j', (text, ids) => {
    expect(assetCandidates(ASSETS, text).map((asset) => asset.id)).toEqual(ids);
    expect(() => resolveAsset(ASSETS, text)).toThrow(
      expect.objectContaining({ code: 'invalid_argument', message: expect.stringMatching(/Which one did you mean: L1-/) }),
    );
  });

  it.each(['coffee machine', 'line 7 oven', 'xyz'])('reports %j as not found with examples', (text) => {
    expect(() => resolveAsset(ASSETS, text)).toThrow(expect.objectContaining({ code: 'not_found', message: expect.stringMatching(/e\.g\. L1-PRN/) }));
  });
});

describe('resolveLine', () => {
  it.each([
    ['Line2', 'Line2'],
    ['line 2', 'Line2'],
    ['L1', 'Line1'],
    ['line two', 'Line2'],
    ['utilities', 'Utilities'],
  ])('resolves %j to %s', (text, line) => {
    expect(resolveLine(ASSETS, text)).toBe(line);
  });

  it('refuses an unknown line, listing the lines', () => {
    expect(() => resolveLine(ASSETS, 'line 9')).toThrow(
      expect.objectContaining({ code: 'not_found', message: expect.stringMatching(/Line1, Line2, Utilities/) }),
    );
  });
});

describe('editDistance', () => {
  it.each([
    ['reflow', 'reflow', 0],
    ['reflwo', 'reflow', 1],
    ['compresser', 'compressor', 1],
    ['', 'abc', 3],
  ])('%s vs %s is %i', (a, b, distance) => {
    expect(editDistance(a, b)).toBe(distance);
  });
});
