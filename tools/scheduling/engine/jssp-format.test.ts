import { describe, expect, it } from 'vitest';
import { AppError } from '@/lib/errors';
import { parseJssp } from './jssp-format';

function errorOf(run: () => unknown): AppError {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected an AppError');
}

describe('parseJssp', () => {
  it('reads comments, header and job lines with 0-based machines', () => {
    const problem = parseJssp('# instance tiny\n# comment\n2 2\n0 3 1 2\n1 4  0 1\n', 'tiny.txt', 'tiny');
    expect(problem.name).toBe('tiny');
    expect(problem.machineCount).toBe(2);
    expect(problem.jobs.map((j) => j.operations.map((o) => [o.alternatives[0]!.machine, o.alternatives[0]!.duration]))).toEqual([
      [
        [0, 3],
        [1, 2],
      ],
      [
        [1, 4],
        [0, 1],
      ],
    ]);
  });
  it('names the file and line of a malformed entry', () => {
    const error = errorOf(() => parseJssp('2 2\n0 3 1 2\n1 x 0 1\n', 'bad.txt'));
    expect(error.code).toBe('invalid_file');
    expect(error.message).toMatch(/^bad\.txt line 3: "x"/);
  });
  it('rejects machines outside the header and odd pair counts', () => {
    expect(errorOf(() => parseJssp('1 2\n0 3 2 2\n', 'f')).message).toMatch(/line 2: job 0 uses machine 2/);
    expect(errorOf(() => parseJssp('1 2\n0 3 1\n', 'f')).message).toMatch(/line 2: job 0 has 3 numbers/);
  });
  it('rejects a missing header and a wrong job count', () => {
    expect(errorOf(() => parseJssp('# only comments\n', 'f')).message).toMatch(/no header/);
    expect(errorOf(() => parseJssp('2 2\n0 3 1 2\n', 'f')).message).toMatch(/announces 2 jobs but only 1/);
    expect(errorOf(() => parseJssp('1 2\n0 3 1 2\n1 1 0 1\n', 'f')).message).toMatch(/line 3: there are more job lines/);
  });
});
