/**
 * Parsers for NASA's C-MAPSS text files (train_FD00x, test_FD00x, RUL_FD00x). Pure: they
 * take the file's text and name, so errors can say which file and line is wrong.
 * Rows are space-separated with trailing spaces: unit, cycle, 3 settings, s1..s21.
 */
import { AppError } from '@/lib/errors';
import type { UnitHistory } from './unit-history';

export const CMAPSS_SUBSETS = ['FD001', 'FD002', 'FD003', 'FD004'] as const;
export type CmapssSubset = (typeof CMAPSS_SUBSETS)[number];

const SETTING_COUNT = 3;
const SENSOR_COUNT = 21;
const COLUMN_COUNT = 2 + SETTING_COUNT + SENSOR_COUNT;
export const CMAPSS_SENSOR_NAMES = Array.from({ length: SENSOR_COUNT }, (_, i) => `s${i + 1}`);

function malformed(fileName: string, lineNumber: number, problem: string): AppError {
  return new AppError(
    'invalid_file',
    `${fileName} line ${lineNumber}: ${problem}. C-MAPSS rows have ${COLUMN_COUNT} space-separated numbers ` +
      '(unit, cycle, 3 settings, 21 sensors); check that the file is an unmodified NASA C-MAPSS file.',
  );
}

/** Parses a train_ or test_ file into unit histories, in the file's unit order. */
export function parseCmapssRuns(text: string, fileName: string): UnitHistory[] {
  const units: UnitHistory[] = [];
  const seenUnits = new Set<number>();
  let current: UnitHistory | undefined;
  let currentUnit = Number.NaN;
  const lines = text.split('\n');
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index].trim();
    if (line === '') continue;
    const lineNumber = index + 1;
    const fields = line.split(/\s+/);
    if (fields.length !== COLUMN_COUNT) {
      throw malformed(fileName, lineNumber, `expected ${COLUMN_COUNT} columns, found ${fields.length}`);
    }
    const values = fields.map(Number);
    const badColumn = values.findIndex((v) => !Number.isFinite(v));
    if (badColumn >= 0) {
      throw malformed(fileName, lineNumber, `column ${badColumn + 1} is not a number ("${fields[badColumn]}")`);
    }
    const [unit, cycle] = values;
    if (!Number.isInteger(unit) || !Number.isInteger(cycle)) {
      throw malformed(fileName, lineNumber, 'unit and cycle must be whole numbers');
    }
    if (unit !== currentUnit) {
      if (seenUnits.has(unit)) {
        throw malformed(fileName, lineNumber, `unit ${unit} appears again after other units; rows must be grouped by unit`);
      }
      seenUnits.add(unit);
      currentUnit = unit;
      current = { unitId: String(unit), cycles: [] };
      units.push(current);
    }
    const previous = current!.cycles.at(-1);
    if (previous && cycle <= previous.cycle) {
      throw malformed(fileName, lineNumber, `cycle ${cycle} of unit ${unit} does not follow cycle ${previous.cycle}`);
    }
    const sensors: Record<string, number> = {};
    for (let s = 0; s < SENSOR_COUNT; s++) sensors[CMAPSS_SENSOR_NAMES[s]] = values[2 + SETTING_COUNT + s];
    current!.cycles.push({ cycle, settings: values.slice(2, 2 + SETTING_COUNT), sensors });
  }
  if (units.length === 0) {
    throw new AppError('invalid_file', `${fileName} has no data rows. Check that it is a C-MAPSS train_ or test_ file.`);
  }
  return units;
}

/** Parses a RUL_ file: one non-negative whole number of remaining cycles per test unit. */
export function parseRulFile(text: string, fileName: string): number[] {
  const values: number[] = [];
  const lines = text.split('\n');
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index].trim();
    if (line === '') continue;
    const value = Number(line);
    if (!Number.isInteger(value) || value < 0) {
      throw new AppError(
        'invalid_file',
        `${fileName} line ${index + 1}: expected one whole number of remaining cycles, found "${line}". ` + 'Check that it is an unmodified C-MAPSS RUL_ file.',
      );
    }
    values.push(value);
  }
  if (values.length === 0) throw new AppError('invalid_file', `${fileName} is empty. Expected one RUL value per test unit.`);
  return values;
}
