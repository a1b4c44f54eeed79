/**
 * Uploaded originals on disk. A new version replaces the stored file atomically (written beside it,
 * then renamed over it), and the version it replaces is kept under `.versions/`, so a refused or
 * failed upload never leaves a half-written or foreign file where a good one was. Callers validate
 * the bytes before calling `storeUpload`, and call `restore()` if ingesting the new version fails.
 */
import { randomUUID } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';

export const VERSIONS_DIR = '.versions';

export type StoredUpload = {
  /** Where the file now is (the document's source path). */
  path: string;
  /** Where the version it replaced was kept, if there was one. */
  previous?: string;
  /** Puts the previous version back (or removes the new file when there was none). */
  restore(): Promise<void>;
};

const exists = (file: string) =>
  fs.stat(file).then(
    () => true,
    () => false,
  );

/** `2026-12-02T13:25:55.123Z` → `20261202T132555123Z`: sortable and safe in a file name. */
function stamp(now: Date): string {
  return now.toISOString().replace(/[-:.]/g, '');
}

export async function storeUpload(dir: string, id: string, bytes: Uint8Array, now: Date = new Date()): Promise<StoredUpload> {
  if (id !== path.basename(id) || id.startsWith('.')) throw new Error(`storeUpload takes a plain file name, got ${id}`);
  await fs.mkdir(dir, { recursive: true });
  const target = path.join(dir, id);
  const partial = path.join(dir, `.${id}.${randomUUID()}.part`);
  await fs.writeFile(partial, bytes, { flag: 'wx' });
  let previous: string | undefined;
  try {
    if (await exists(target)) {
      await fs.mkdir(path.join(dir, VERSIONS_DIR), { recursive: true });
      previous = path.join(dir, VERSIONS_DIR, `${id}.${stamp(now)}`);
      // A hard link keeps the old bytes while the rename below swaps the name; copy where links fail.
      await fs.link(target, previous).catch(() => fs.copyFile(target, previous!));
    }
    await fs.rename(partial, target);
  } catch (error) {
    await fs.rm(partial, { force: true });
    throw error;
  }
  return {
    path: target,
    previous,
    async restore() {
      if (!previous) {
        await fs.rm(target, { force: true });
        return;
      }
      const back = path.join(dir, `.${id}.${randomUUID()}.part`);
      await fs.copyFile(previous, back);
      await fs.rename(back, target);
    },
  };
}

/** Removes an uploaded original and its kept versions. Files outside `dir` are never touched. */
export async function removeUpload(dir: string, sourcePath: string): Promise<boolean> {
  const resolved = path.resolve(sourcePath);
  if (path.dirname(resolved) !== path.resolve(dir)) return false;
  const id = path.basename(resolved);
  await fs.rm(resolved, { force: true });
  const versions = path.join(dir, VERSIONS_DIR);
  const kept = await fs.readdir(versions).catch(() => [] as string[]);
  const isVersionOf = (name: string) => name.startsWith(`${id}.`) && /^\d{8}T\d{9}Z$/.test(name.slice(id.length + 1));
  await Promise.all(kept.filter(isVersionOf).map((name) => fs.rm(path.join(versions, name), { force: true })));
  return true;
}
