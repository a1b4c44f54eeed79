// Tests for bin/commands/inspect.ts (kept beside the engine it drives).
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Command } from 'commander';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { register } from './inspect';
import { writeGrayImage } from '../../tools/inspection/io/image-io';
import { renderBoardPair } from '../../tools/inspection/engine/synthetic-board';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'plantpilot-inspect-'));
  await mkdir(path.join(dir, 'boards'));
  for (const [id, seed] of [
    ['b1', 31],
    ['b2', 32],
  ] as const) {
    const pair = renderBoardPair({ seed, widthPx: 320, heightPx: 320, defects: [{ type: 2 }, { type: 6 }] });
    await writeGrayImage(pair.template, path.join(dir, 'boards', `${id}_temp.jpg`));
    await writeGrayImage(pair.test, path.join(dir, 'boards', `${id}_test.jpg`));
  }
  await writeFile(path.join(dir, 'list.txt'), 'boards/b1.jpg notes/b1.txt\nboards/b2.jpg notes/b2.txt');
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function run(args: string[]): Promise<string> {
  const program = new Command().exitOverride();
  register(program);
  let out = '';
  const stdout = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    out += String(chunk);
    return true;
  });
  const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
  try {
    await program.parseAsync(['node', 'plantpilot', 'inspect', ...args]);
  } finally {
    stdout.mockRestore();
    stderr.mockRestore();
  }
  return out;
}

describe('plantpilot inspect', () => {
  it('prints defects as JSON on the last line', async () => {
    const out = await run([path.join(dir, 'boards/b1_temp.jpg'), path.join(dir, 'boards/b1_test.jpg'), '--json']);
    const result = JSON.parse(out.trim().split('\n').at(-1)!) as { defects: Array<{ name: string; type: number }> };
    expect(result.defects.map((d) => d.name).sort()).toEqual(['pin-hole', 'short']);
  });

  it('writes one result file per pair of a list', async () => {
    await run(['--list', path.join(dir, 'list.txt'), '--root', dir, '--out', path.join(dir, 'out')]);
    const lines = (await readFile(path.join(dir, 'out/b2.txt'), 'utf8')).trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^\d+ \d+ \d+ \d+ [26] (0|1|0\.\d+)$/);
  });

  it('explains what is missing', async () => {
    await expect(run([path.join(dir, 'boards/b1_temp.jpg')])).rejects.toThrow(/Missing images/);
    await expect(run(['--list', path.join(dir, 'list.txt')])).rejects.toThrow(/--root/);
    await expect(run([path.join(dir, 'nope.jpg'), path.join(dir, 'boards/b1_test.jpg')])).rejects.toThrow(/does not exist/);
  });
});
