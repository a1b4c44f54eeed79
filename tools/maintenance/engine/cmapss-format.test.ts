import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '@/lib/errors';
import { loadCmapssSubset } from '../io/cmapss-files';
import { parseCmapssRuns, parseRulFile } from './cmapss-format';

function row(unit: number, cycle: number, level = 0): string {
  const sensors = Array.from({ length: 21 }, (_, s) => (500 + s + level).toFixed(2));
  // C-MAPSS rows end with trailing spaces.
  return [unit, cycle, '-0.0007', '0.0004', '100.0', ...sensors].join(' ') + '  ';
}

describe('C-MAPSS parsing', () => {
  it('groups rows by unit and names the sensors s1..s21', () => {
    const units = parseCmapssRuns([row(1, 1), row(1, 2, 1), row(2, 1)].join('\n') + '\n', 'train_FD001.txt');
    expect(units.map((u) => [u.unitId, u.cycles.length])).toEqual([
      ['1', 2],
      ['2', 1],
    ]);
    expect(units[0].cycles[1]).toMatchObject({ cycle: 2, settings: [-0.0007, 0.0004, 100] });
    expect(units[0].cycles[1].sensors.s1).toBe(501);
    expect(units[0].cycles[1].sensors.s21).toBe(521);
  });

  it('names the file and line of a malformed row', () => {
    const text = [row(1, 1), row(1, 2).replace(' 510.00', ' ')].join('\n');
    expect(() => parseCmapssRuns(text, 'train_FD001.txt')).toThrow(/train_FD001\.txt line 2: expected 26 columns, found 25/);
    expect(() => parseCmapssRuns(row(1, 1).replace('-0.0007', 'abc'), 'test_FD002.txt')).toThrow(/test_FD002\.txt line 1: column 3 is not a number \("abc"\)/);
    expect(() => parseCmapssRuns([row(1, 2), row(1, 1)].join('\n'), 'x.txt')).toThrow(/line 2: cycle 1 of unit 1 does not follow cycle 2/);
    expect(() => parseRulFile('112\n98\n-3\n', 'RUL_FD001.txt')).toThrow(/RUL_FD001\.txt line 3/);
    expect(() => parseCmapssRuns('\n\n', 'empty.txt')).toThrow(/no data rows/);
  });
});

describe('loading a subset', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'cmapss-'));
    await writeFile(join(dir, 'train_FD001.txt'), [row(1, 1), row(1, 2)].join('\n'));
    await writeFile(join(dir, 'test_FD001.txt'), [row(1, 1), row(2, 1)].join('\n'));
    await writeFile(join(dir, 'RUL_FD001.txt'), '10\n');
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('says which file is missing and what --data should point at', async () => {
    const error = await loadCmapssSubset(dir, 'FD002').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('file_unreadable');
    expect((error as AppError).message).toMatch(/train_FD002\.txt: it does not exist.*--data/);
  });

  it('refuses a RUL file that does not match the test units', async () => {
    await expect(loadCmapssSubset(dir, 'FD001')).rejects.toThrow(/has 1 values but .*test_FD001\.txt has 2 units/);
  });
});
