import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { acquireDataDirLock, readDataDirLock } from './data-dir-lock';

const dirs: string[] = [];
function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plantpilot-lock-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

describe('data dir lock', () => {
  it('refuses a second holder while the first is alive and names it', async () => {
    const dir = tempDir();
    // A real other process holds the lock file.
    const holder = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)']);
    try {
      fs.writeFileSync(
        path.join(dir, 'plantpilot.lock'),
        JSON.stringify({ pid: holder.pid, command: 'plantpilot start (port 3000)', startedAt: '2026-11-24T06:00:00.000Z', url: 'http://localhost:3000' }),
      );
      expect(() => acquireDataDirLock(dir, 'plantpilot db status')).toThrowError(
        expect.objectContaining({ code: 'data_dir_locked', message: expect.stringContaining(`process ${holder.pid} (plantpilot start (port 3000)`) }),
      );
      expect(() => acquireDataDirLock(dir, 'x')).toThrow(/http:\/\/localhost:3000/);
    } finally {
      holder.kill();
    }
  });

  it('takes over a lock left by a process that is gone', async () => {
    const dir = tempDir();
    const gone = spawn(process.execPath, ['-e', '0']);
    await new Promise((resolve) => gone.on('exit', resolve));
    fs.writeFileSync(path.join(dir, 'plantpilot.lock'), JSON.stringify({ pid: gone.pid, command: 'old', startedAt: 'then' }));
    const lock = acquireDataDirLock(dir, 'new');
    expect(readDataDirLock(dir)?.pid).toBe(process.pid);
    lock.release();
    expect(fs.existsSync(path.join(dir, 'plantpilot.lock'))).toBe(false);
  });

  it('ignores a corrupt lock file instead of failing forever', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'plantpilot.lock'), '{not json');
    const lock = acquireDataDirLock(dir, 'new');
    expect(lock.info.pid).toBe(process.pid);
    lock.release();
  });
});
