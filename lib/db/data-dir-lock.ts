/**
 * The embedded database has one writer: one process per data dir. A lock file names the
 * holder so that a second process can say exactly who holds the dir instead of failing
 * deep inside PGlite. A lock left by a dead process is taken over.
 */
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { AppError } from '../errors';

const LOCK_FILE = 'plantpilot.lock';

const LockInfo = z.object({
  pid: z.number().int(),
  command: z.string(),
  startedAt: z.string(),
  url: z.string().optional(),
});
export type LockInfo = z.infer<typeof LockInfo>;

export type DataDirLock = { info: LockInfo; release(): void; setUrl(url: string): void };

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Reads the current holder of a data dir, or undefined if nobody (alive) holds it. */
export function readDataDirLock(dataDir: string): LockInfo | undefined {
  const file = path.join(dataDir, LOCK_FILE);
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
  const parsed = LockInfo.safeParse(safeJson(text));
  if (!parsed.success) return undefined;
  return isAlive(parsed.data.pid) ? parsed.data : undefined;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

export function describeHolder(dataDir: string, holder: LockInfo): string {
  const via = holder.url ? ` It serves ${holder.url}; use that, or stop it first.` : ' Stop it first.';
  return (
    `The data dir ${dataDir} is in use by process ${holder.pid} (${holder.command}, since ${holder.startedAt}).` +
    `${via} To run a second instance, give it its own PLANTPILOT_DATA_DIR or a shared DATABASE_URL.`
  );
}

/** Takes the lock or throws AppError('data_dir_locked') naming the holder. */
export function acquireDataDirLock(dataDir: string, command: string): DataDirLock {
  fs.mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, LOCK_FILE);
  const info: LockInfo = { pid: process.pid, command, startedAt: new Date().toISOString() };
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(file, JSON.stringify(info), { flag: 'wx' });
      let released = false;
      return {
        info,
        setUrl(url) {
          info.url = url;
          fs.writeFileSync(file, JSON.stringify(info));
        },
        release() {
          if (released) return;
          released = true;
          const current = safeJson(readOrEmpty(file)) as LockInfo | undefined;
          if (current?.pid === process.pid) fs.rmSync(file, { force: true });
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') {
        throw new AppError('file_unreadable', `Cannot create the lock file in ${dataDir}: ${(error as Error).message}. Check that the data dir is writable.`, {
          cause: error,
        });
      }
      const holder = readDataDirLock(dataDir);
      if (holder && holder.pid !== process.pid) throw new AppError('data_dir_locked', describeHolder(dataDir, holder));
      // Stale lock from a process that is gone (or from ourselves after a crash in-process): take it over.
      fs.rmSync(file, { force: true });
    }
  }
  throw new AppError('data_dir_locked', `Could not take the lock on ${dataDir}; another process keeps recreating it.`);
}

function readOrEmpty(file: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}
