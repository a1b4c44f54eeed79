import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SpillQueue } from './spill-queue';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

function queue(segmentRows = 100) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pp-spill-'));
  dirs.push(dir);
  return { dir, spill: new SpillQueue<number>({ dir, prefix: 'samples', maxRows: 1000, segmentRows, encode: (n) => n, decode: (json) => json as number }) };
}

/** Takes everything out the way the batch writer does: peek, store, drop. */
function drainAll(spill: SpillQueue<number>): number[] {
  const out: number[] = [];
  for (let rows = spill.peek(); rows && rows.length > 0; rows = spill.peek()) {
    out.push(...rows);
    spill.drop(rows.length);
  }
  return out;
}

describe('spill queue', () => {
  it('gives rows back oldest first, from disk and from what is staged', () => {
    const { spill } = queue(3);
    spill.push([1, 2, 3, 4, 5]);
    spill.persist();
    spill.push([6, 7]);
    expect(spill.rows).toBe(7);
    expect(drainAll(spill)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(spill.rows).toBe(0);
  });

  it('loses no newer row when staged rows reach disk while the peeked ones are being written', () => {
    const { spill } = queue();
    spill.push([1, 2, 3]);
    const peeked = spill.peek();
    expect(peeked).toEqual([1, 2, 3]);
    // While the database write runs: new rows arrive and the periodic persist writes all staged rows.
    spill.push([4, 5]);
    spill.persist();
    spill.drop(peeked!.length);
    expect(spill.rows).toBe(2);
    expect(drainAll(spill)).toEqual([4, 5]);
  });

  it('picks up segments a stopped process left, in order', () => {
    const { dir, spill } = queue(2);
    spill.push([1, 2, 3]);
    spill.persist();
    const again = new SpillQueue<number>({ dir, prefix: 'samples', maxRows: 1000, segmentRows: 2, encode: (n) => n, decode: (json) => json as number });
    expect(drainAll(again)).toEqual([1, 2, 3]);
  });
});
