/**
 * Reads one C-MAPSS subset from a directory. This is the only module in the folder that
 * touches the file system; the CLI and the benchmark share it so both fail the same way.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { AppError } from '@/lib/errors';
import { CMAPSS_SUBSETS, parseCmapssRuns, parseRulFile, type CmapssSubset } from '../engine/cmapss-format';
import type { UnitHistory } from '../engine/unit-history';

export interface CmapssSubsetData {
  subset: CmapssSubset;
  train: UnitHistory[];
  test: UnitHistory[];
  /** True remaining cycles after each test unit's last cycle, in test-file order, uncapped. */
  testRulCycles: number[];
}

export function parseSubsetName(value: string): CmapssSubset {
  const upper = value.toUpperCase();
  if ((CMAPSS_SUBSETS as readonly string[]).includes(upper)) return upper as CmapssSubset;
  throw new AppError('invalid_argument', `Unknown C-MAPSS subset "${value}". Use one of ${CMAPSS_SUBSETS.join(', ')}.`);
}

async function readText(path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'it does not exist' : `it cannot be read (${code ?? String(cause)})`;
    throw new AppError(
      'file_unreadable',
      `Cannot read ${path}: ${reason}. Point --data at the folder holding NASA's C-MAPSS files (train_FD001.txt, test_FD001.txt, RUL_FD001.txt, …).`,
      { cause },
    );
  }
}

/** Loads only the training file (enough to train a model). */
export async function loadCmapssTrain(dataDir: string, subset: CmapssSubset): Promise<UnitHistory[]> {
  const file = join(dataDir, `train_${subset}.txt`);
  return parseCmapssRuns(await readText(file), file);
}

/** Loads train, test and RUL files and checks that the test and RUL files agree. */
export async function loadCmapssSubset(dataDir: string, subset: CmapssSubset): Promise<CmapssSubsetData> {
  const testFile = join(dataDir, `test_${subset}.txt`);
  const rulFile = join(dataDir, `RUL_${subset}.txt`);
  // Read together, but report a failure in file order (train, test, RUL), not whichever came first.
  const reads = [loadCmapssTrain(dataDir, subset), readText(testFile), readText(rulFile)] as const;
  await Promise.allSettled(reads);
  const train = await reads[0];
  const testText = await reads[1];
  const rulText = await reads[2];
  const test = parseCmapssRuns(testText, testFile);
  const testRulCycles = parseRulFile(rulText, rulFile);
  if (testRulCycles.length !== test.length) {
    throw new AppError('invalid_file', `${rulFile} has ${testRulCycles.length} values but ${testFile} has ${test.length} units; they must match one to one.`);
  }
  return { subset, train, test, testRulCycles };
}
