/**
 * The DeepPCB file formats: the split list (`<image> <annotation>` per line), annotation files
 * (`x1 y1 x2 y2 type` per line, space- or comma-separated, sometimes without a final newline)
 * and the per-image result files this engine writes (`x1 y1 x2 y2 type confidence`).
 */
import path from 'node:path';
import { AppError } from '@/lib/errors';
import { DefectTypeId, type Defect, type LabeledBox } from './defect-types';

export type PairEntry = {
  /** Image path without the `_temp.jpg` / `_test.jpg` suffix, relative to the list's root. */
  imageBase: string;
  annotationPath: string;
  templatePath: string;
  testPath: string;
  /** Basename used for result files, e.g. `20085000`. */
  id: string;
};

export function pairEntry(imageEntry: string, annotationPath: string): PairEntry {
  // Upstream lists write the image as `<id>.jpg` although no such file exists.
  const imageBase = imageEntry.replace(/\.jpe?g$/i, '');
  return {
    imageBase,
    annotationPath,
    templatePath: `${imageBase}_temp.jpg`,
    testPath: `${imageBase}_test.jpg`,
    id: path.basename(imageBase),
  };
}

export function parsePairList(text: string, sourceName = 'list'): PairEntry[] {
  const entries: PairEntry[] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    const fields = line.split(/\s+/);
    if (fields.length < 2) {
      throw new AppError(
        'invalid_file',
        `Line ${index + 1} of ${sourceName} has ${fields.length} field(s): "${line}". ` + 'Each line must be "<image path> <annotation path>".',
      );
    }
    entries.push(pairEntry(fields[0], fields[1]));
  });
  return entries;
}

export function parseAnnotations(text: string, sourceName = 'annotation file'): LabeledBox[] {
  const boxes: LabeledBox[] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.trim();
    if (line === '') return;
    const numbers = line.split(/[\s,]+/).map(Number);
    const type = DefectTypeId.safeParse(numbers[4]);
    if (numbers.length < 5 || numbers.slice(0, 4).some((n) => !Number.isFinite(n)) || !type.success) {
      throw new AppError('invalid_file', `Line ${index + 1} of ${sourceName} is not "x1 y1 x2 y2 type" with type 1..6: "${line}".`);
    }
    const [x1, y1, x2, y2] = numbers;
    boxes.push({ x1, y1, x2, y2, type: type.data as DefectTypeId });
  });
  return boxes;
}

/** One line per defect: `x1 y1 x2 y2 type confidence`. */
export function formatDetections(defects: readonly Defect[]): string {
  return defects.map((d) => `${d.x1} ${d.y1} ${d.x2} ${d.y2} ${d.type} ${d.confidence}`).join('\n') + (defects.length ? '\n' : '');
}

export type DeepPcbSplit = 'tune' | 'holdout';

/** 32-bit FNV-1a hash of a pair id: the deterministic key of the holdout split and of cross-validation folds. */
export function deepPcbHash(id: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) {
    hash ^= id.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

/**
 * Fixed tune/holdout split of DeepPCB trainval: about one pair in five, chosen by a hash of
 * the pair id so every board group is represented, is held out of all tuning.
 */
export function deepPcbSplitOf(id: string): DeepPcbSplit {
  return deepPcbHash(id) % 5 === 0 ? 'holdout' : 'tune';
}

/** Cross-validation fold (0..folds-1) of a pair by the hash of its id; with 5 folds, fold 0 is the fixed holdout. */
export function deepPcbFoldOf(id: string, folds: number): number {
  return deepPcbHash(id) % folds;
}

/** The board group of a pair, e.g. `20085` for `group20085/20085/20085000`: DeepPCB's folders, one board design each. */
export function deepPcbGroupOf(entry: Pick<PairEntry, 'imageBase'>): string {
  const match = /group(\d+)/.exec(entry.imageBase);
  return match ? match[1] : entry.imageBase.split('/')[0];
}
