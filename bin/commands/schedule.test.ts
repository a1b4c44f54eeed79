import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { checkSchedule } from '../../tools/scheduling/engine/feasibility';
import { parseJssp } from '../../tools/scheduling/engine/jssp-format';
import { register } from './schedule';

const dir = mkdtempSync(join(tmpdir(), 'plantpilot-schedule-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const INSTANCE = '# tiny\n3 3\n0 3 1 2 2 2\n0 2 2 1 1 4\n1 4 2 3 0 1\n';

async function run(args: string[]): Promise<string> {
  let stdout = '';
  const out = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => ((stdout += String(chunk)), true));
  const err = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
  try {
    const program = new Command().exitOverride();
    register(program);
    await program.parseAsync(['node', 'plantpilot', 'schedule', ...args]);
    return stdout;
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
}

describe('plantpilot schedule', () => {
  const file = join(dir, 'tiny.txt');
  writeFileSync(file, INSTANCE);

  it('prints the makespan as text', async () => {
    const text = await run([file, '--time-limit', '5', '--max-iterations', '300']);
    expect(text).toMatch(/instance {2}tiny\.txt \(3 jobs x 3 machines\)/);
    expect(text).toMatch(/makespan {2}\d+/);
    expect(text).toMatch(/feasible {2}yes/);
  });

  it('prints one JSON object on the last line with a feasible schedule', async () => {
    const lines = (await run([file, '--json', '--max-iterations', '300'])).trim().split('\n');
    const result = JSON.parse(lines.at(-1)!) as {
      makespan: number;
      feasible: boolean;
      operations: { job: number; op: number; machine: number; start: number; end: number }[];
    };
    expect(result.feasible).toBe(true);
    expect(result.operations).toHaveLength(9);
    expect(result.makespan).toBe(Math.max(...result.operations.map((o) => o.end)));
    expect(checkSchedule(parseJssp(INSTANCE, file), result.operations)).toEqual([]);
  });

  it('names the file and line of a malformed instance', async () => {
    const bad = join(dir, 'bad.txt');
    writeFileSync(bad, '2 2\n0 3 1 2\n1 4 0\n');
    await expect(run([bad])).rejects.toMatchObject({ code: 'invalid_file', message: expect.stringContaining(`${bad} line 3`) });
  });

  it('reports a missing file and bad flags', async () => {
    await expect(run([join(dir, 'missing.txt')])).rejects.toMatchObject({ code: 'file_unreadable' });
    await expect(run([file, '--time-limit', 'soon'])).rejects.toMatchObject({ code: 'invalid_argument' });
  });
});
