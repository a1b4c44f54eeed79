/**
 * Checks a downloaded copy of a data set against its committed manifest (file → sha256): every listed
 * file must be there with exactly those bytes. Files not in the manifest (a README, a SHA256SUMS of
 * the copy's own) are counted but do not fail the check.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../lib/errors';
import { DATA_SETS, type DataSet } from './data-sets';

export type ManifestEntry = { file: string; sha256: string };

export type VerifyReport = {
  dataSet: string;
  dir: string;
  ok: number;
  mismatched: { file: string; expected: string; actual: string }[];
  missing: string[];
  /** Files in the folder that the manifest does not list (not an error). */
  unlisted: number;
};

const LINE = /^([0-9a-f]{64}) [ *](.+)$/;

/** Parses `sha256sum` output: `<64 hex>  <path>` per line. */
export function parseManifest(text: string, source: string): ManifestEntry[] {
  const entries: ManifestEntry[] = [];
  text.split('\n').forEach((line, index) => {
    if (!line.trim()) return;
    const match = LINE.exec(line);
    if (!match) throw new AppError('invalid_file', `Line ${index + 1} of ${source} is not "<sha256>  <file>": "${line.slice(0, 80)}".`);
    const file = match[2]!;
    if (path.isAbsolute(file) || file.split('/').includes('..'))
      throw new AppError('invalid_file', `Line ${index + 1} of ${source} names ${file}, outside the data set's folder.`);
    entries.push({ file, sha256: match[1]! });
  });
  return entries;
}

export function readManifest(dataSet: Pick<DataSet, 'id' | 'manifestFile'>): ManifestEntry[] {
  return parseManifest(fs.readFileSync(dataSet.manifestFile, 'utf8'), dataSet.manifestFile);
}

async function sha256Of(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of fs.createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

function countFiles(dir: string): number {
  let count = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) count += countFiles(path.join(dir, entry.name));
    else if (entry.isFile()) count++;
  }
  return count;
}

export async function verifyDataSet(dataSet: string, dir: string, entries: readonly ManifestEntry[]): Promise<VerifyReport> {
  const report: VerifyReport = { dataSet, dir, ok: 0, mismatched: [], missing: [], unlisted: 0 };
  for (const entry of entries) {
    const file = path.join(dir, entry.file);
    if (!fs.existsSync(file)) {
      report.missing.push(entry.file);
      continue;
    }
    const actual = await sha256Of(file);
    if (actual === entry.sha256) report.ok++;
    else report.mismatched.push({ file: entry.file, expected: entry.sha256, actual });
  }
  report.unlisted = Math.max(0, countFiles(dir) - report.ok - report.mismatched.length);
  return report;
}

/**
 * Which data sets a folder holds: the folder itself (recognised by its marker file), or its
 * sub-folders named after data sets (a copy of the whole data folder).
 */
export function dataSetsIn(dir: string, sets: readonly DataSet[] = DATA_SETS): { dataSet: DataSet; dir: string }[] {
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory())
    throw new AppError('not_found', `${dir} is not a folder. Give the folder of a downloaded data set (or the folder that holds several).`);
  const own = sets.find((set) => fs.existsSync(path.join(dir, set.marker)));
  if (own) return [{ dataSet: own, dir }];
  const found = sets.filter((set) => fs.existsSync(path.join(dir, set.id, set.marker))).map((set) => ({ dataSet: set, dir: path.join(dir, set.id) }));
  if (found.length === 0) {
    throw new AppError(
      'not_found',
      `No known data set in ${dir}: none of ${sets.map((s) => `${s.id}/${s.marker}`).join(', ')} is there. ` +
        'Point at the folder of one data set or at the folder that holds them; docs/benchmarks.md says where to download each.',
    );
  }
  return found;
}

export function formatReport(report: VerifyReport): string {
  const lines = [
    `${report.dataSet} (${report.dir}): ${report.ok} ok, ${report.mismatched.length} changed, ${report.missing.length} missing` +
      (report.unlisted ? `, ${report.unlisted} not in the manifest (ignored)` : ''),
  ];
  for (const m of report.mismatched.slice(0, 20)) lines.push(`  changed: ${m.file} (sha256 ${m.actual.slice(0, 12)}…, expected ${m.expected.slice(0, 12)}…)`);
  for (const file of report.missing.slice(0, 20)) lines.push(`  missing: ${file}`);
  const more = report.mismatched.length + report.missing.length - 40;
  if (more > 0) lines.push(`  … and ${more} more`);
  return lines.join('\n');
}
