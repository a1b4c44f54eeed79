/**
 * Reader for the standard job-shop text format (OR-Library / JSPLIB): '#' comment lines, a header
 * "<jobs> <machines>", then one line per job of (machine, duration) pairs in technological order, with
 * 0-based machines. Pure: it takes the text, the caller reads the file.
 */
import { AppError } from '@/lib/errors';
import type { Problem } from './model';

/**
 * Parses an instance. `source` names the file in error messages, which also give the line number, so a
 * person can find and fix the broken line.
 */
export function parseJssp(text: string, source: string, name = source): Problem {
  const fail = (line: number, message: string): never => {
    throw new AppError(
      'invalid_file',
      `${source} line ${line}: ${message}. Expected the JSPLIB format: a "<jobs> <machines>" header, then one line of <machine> <duration> pairs per job.`,
    );
  };
  const lines = text.split(/\r?\n/);
  const rows: { line: number; numbers: number[] }[] = [];
  lines.forEach((raw, i) => {
    const content = raw.trim();
    if (content === '' || content.startsWith('#')) return;
    const tokens = content.split(/\s+/);
    const numbers = tokens.map((token) => {
      if (!/^\d+$/.test(token)) fail(i + 1, `"${token}" is not a non-negative integer`);
      return Number(token);
    });
    rows.push({ line: i + 1, numbers });
  });
  const header = rows[0];
  if (!header) throw new AppError('invalid_file', `${source} has no header line. Expected "<jobs> <machines>" followed by one line per job.`);
  if (header.numbers.length !== 2) fail(header.line, `the header has ${header.numbers.length} numbers instead of 2`);
  const [jobCount, machineCount] = header.numbers as [number, number];
  if (jobCount < 1 || machineCount < 1) fail(header.line, 'the header must give at least one job and one machine');
  const jobRows = rows.slice(1);
  if (jobRows.length < jobCount) {
    fail(lines.length, `the header announces ${jobCount} jobs but only ${jobRows.length} job lines follow`);
  }
  if (jobRows.length > jobCount) fail(jobRows[jobCount]!.line, `there are more job lines than the ${jobCount} the header announces`);

  const jobs = jobRows.map((row, j) => {
    if (row.numbers.length === 0 || row.numbers.length % 2 !== 0)
      fail(row.line, `job ${j} has ${row.numbers.length} numbers, not an even count of machine/duration pairs`);
    const operations = [];
    for (let k = 0; k < row.numbers.length; k += 2) {
      const machine = row.numbers[k]!;
      if (machine >= machineCount) fail(row.line, `job ${j} uses machine ${machine}, but the header declares ${machineCount} machines (0-based)`);
      operations.push({ alternatives: [{ machine, duration: row.numbers[k + 1]! }], family: 0 });
    }
    return { operations, releaseTime: 0, weight: 1 };
  });
  return { name, timeUnit: 'unit', machineCount, jobs, machines: [], frozen: [] };
}
