import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { seededRandom } from '../../lib/seeded-random';
import { register } from './forecast';

/** A tiny C-MAPSS-shaped fleet: sensor s2 rises towards failure, the rest is noise. */
function cmapssText(unitLives: number[], seed: number): string {
  const random = seededRandom(seed);
  const lines: string[] = [];
  unitLives.forEach((life, u) => {
    for (let cycle = 1; cycle <= life; cycle++) {
      const wear = Math.exp((cycle - life) / 20);
      const sensors = Array.from({ length: 21 }, (_, s) => (s === 1 ? 640 + 5 * wear : 100 + s) + random() * 0.1);
      lines.push([u + 1, cycle, 0.001, 0.0002, 100, ...sensors.map((v) => v.toFixed(4))].join(' ') + ' ');
    }
  });
  return lines.join('\n') + '\n';
}

async function runCli(args: string[]): Promise<string[]> {
  const printed: string[] = [];
  const log = vi.spyOn(console, 'log').mockImplementation((line: string) => void printed.push(line));
  const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
  try {
    const program = new Command().exitOverride();
    register(program);
    await program.parseAsync(['node', 'plantpilot', ...args]);
  } finally {
    log.mockRestore();
    stderr.mockRestore();
  }
  return printed;
}

describe('plantpilot forecast', () => {
  let dir: string;
  const testLives = [30, 45, 60];
  const fullLives = [70, 80, 90];
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'forecast-cli-'));
    await writeFile(join(dir, 'train_FD001.txt'), cmapssText([70, 80, 90, 100, 75, 85, 95, 65], 1));
    const fullTest = cmapssText(fullLives, 2).trim().split('\n');
    const truncated = fullTest.filter((line) => {
      const [unit, cycle] = line.split(' ').map(Number);
      return cycle <= testLives[unit - 1];
    });
    await writeFile(join(dir, 'test_FD001.txt'), truncated.join('\n') + '\n');
    await writeFile(join(dir, 'RUL_FD001.txt'), fullLives.map((life, i) => life - testLives[i]).join('\n') + '\n');
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('trains, saves, and evaluates a saved model with a JSON summary', async () => {
    const modelPath = join(dir, 'model.json');
    const trainOut = await runCli(['forecast', 'train', '--data', dir, '--subset', 'FD001', '--out', modelPath, '--json']);
    expect(JSON.parse(trainOut.at(-1)!)).toMatchObject({ subset: 'FD001', units: 8 });
    expect(JSON.parse(await readFile(modelPath, 'utf8'))).toMatchObject({ format: 'plantpilot-rul-model', version: 2, label: 'FD001' });

    const evalOut = await runCli(['forecast', 'eval', '--data', dir, '--subset', 'FD001', '--model', modelPath, '--json']);
    const result = JSON.parse(evalOut.at(-1)!);
    expect(result.subset).toBe('FD001');
    expect(result.units.map((u: { unit: number }) => u.unit)).toEqual([1, 2, 3]);
    for (const key of ['rmse', 'score', 'coverage']) expect(Number.isFinite(result[key])).toBe(true);
    for (const unit of result.units) expect(unit.lower).toBeLessThanOrEqual(unit.upper);
    // Unit 3 is 30 cycles from failure and wearing; unit 1 is 40 cycles from failure but barely worn.
    expect(result.units[2].predicted).toBeLessThan(result.units[0].predicted);
  });

  it('fails with a clear message when the data folder is wrong', async () => {
    await expect(runCli(['forecast', 'eval', '--data', join(dir, 'missing'), '--subset', 'FD001'])).rejects.toThrow(/train_FD001\.txt: it does not exist/);
  });
});
