import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DATA_SETS, type DataSet } from './data-sets';
import { dataSetsIn, parseManifest, readManifest, verifyDataSet } from './verify';

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'pp-data-verify-'));
afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** A small data set made here: three files, and the manifest of their bytes. */
function generatedSet(name: string): { dir: string; manifest: string } {
  const dir = path.join(scratch, name);
  const files: Record<string, string> = {
    'train_FD001.txt': '1 1 -0.0007 -0.0004 100.0 518.67\n1 2 0.0019 -0.0003 100.0 518.67\n',
    'RUL_FD001.txt': '112\n98\n',
    'sub/notes.txt': 'seeded ' + name + '\n',
  };
  for (const [file, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), text);
  }
  const manifest = Object.entries(files)
    .map(([file, text]) => `${sha256(text)}  ${file}`)
    .join('\n');
  return { dir, manifest: manifest + '\n' };
}

describe('data verify', () => {
  it('passes an intact copy, and ignores files the manifest does not list', async () => {
    const { dir, manifest } = generatedSet('intact');
    fs.writeFileSync(path.join(dir, 'README.md'), 'our own notes\n');
    const report = await verifyDataSet('test', dir, parseManifest(manifest, 'test manifest'));
    expect(report).toMatchObject({ ok: 3, mismatched: [], missing: [], unlisted: 1 });
  });

  it('names a changed file and a missing file', async () => {
    const { dir, manifest } = generatedSet('damaged');
    fs.appendFileSync(path.join(dir, 'RUL_FD001.txt'), '7\n');
    fs.rmSync(path.join(dir, 'sub/notes.txt'));
    const report = await verifyDataSet('test', dir, parseManifest(manifest, 'test manifest'));
    expect(report.ok).toBe(1);
    expect(report.mismatched).toEqual([{ file: 'RUL_FD001.txt', expected: sha256('112\n98\n'), actual: sha256('112\n98\n7\n') }]);
    expect(report.missing).toEqual(['sub/notes.txt']);
  });

  it('refuses a manifest line that is not "<sha256>  <file>" or leaves the folder', () => {
    expect(() => parseManifest('abc  file.txt\n', 'm')).toThrow(/Line 1 of m/);
    expect(() => parseManifest(`${'0'.repeat(64)}  ../etc/passwd\n`, 'm')).toThrow(/outside/);
  });

  it('recognises one data set folder or a folder of them, and says what it expected otherwise', () => {
    const one = generatedSet('cmapss-copy');
    const cmapss = DATA_SETS.find((s) => s.id === 'cmapss')!;
    expect(dataSetsIn(one.dir).map((f) => f.dataSet.id)).toEqual(['cmapss']);
    const parent = path.join(scratch, 'all');
    fs.mkdirSync(path.join(parent, 'cmapss'), { recursive: true });
    fs.copyFileSync(path.join(one.dir, cmapss.marker), path.join(parent, 'cmapss', cmapss.marker));
    expect(dataSetsIn(parent)).toEqual([{ dataSet: cmapss, dir: path.join(parent, 'cmapss') }]);
    expect(() => dataSetsIn(path.join(scratch, 'intact', 'sub'))).toThrow(/No known data set/);
    expect(() => dataSetsIn(path.join(scratch, 'nowhere'))).toThrow(/is not a folder/);
  });

  it('ships a readable manifest for every data set, each listing its marker file', () => {
    for (const set of DATA_SETS as DataSet[]) {
      const entries = readManifest(set);
      expect(entries.length).toBeGreaterThan(10);
      expect(entries.map((e) => e.file)).toContain(set.marker);
    }
  });
});
