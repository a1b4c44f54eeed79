import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Command } from 'commander';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { TwinHistories } from '../../tools/maintenance/service/twin-histories';
import { registerSimHistory } from './sim-history';

describe('plantpilot sim history', () => {
  afterEach(() => vi.restoreAllMocks());

  it('writes run-to-failure histories that parse as the twin-histories format', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'sim-history-'));
    try {
      vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
      const program = new Command().exitOverride();
      registerSimHistory(program.command('sim'));
      const out = path.join(dir, 'h.json');
      await program.parseAsync(['sim', 'history', '--days', '6', '--seed', '3', '--asset', 'L1-PNP1', 'L2-PNP1', '--out', out], { from: 'user' });
      const histories = TwinHistories.parse(JSON.parse(await readFile(out, 'utf8')));
      expect(histories).toMatchObject({ seed: 3, days: 6 });
      expect(new Set(histories.units.map((u) => u.assetId))).toEqual(new Set(['L1-PNP1', 'L2-PNP1']));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
