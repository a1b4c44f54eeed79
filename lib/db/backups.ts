/**
 * Backups of the embedded database: gzipped archives of its data dir in `<dataDir>/backups`,
 * named by their UTC time so they sort by age, the newest `keep` kept (restore: restore.ts).
 * PostgreSQL deployments use PostgreSQL's own tools instead (pg_dump, base backups).
 */
import fs from 'node:fs';
import path from 'node:path';

const NAME = /^plantpilot-db-(\d{8}T\d{6}Z)\.tar\.gz$/;

export type BackupFile = { file: string; name: string; takenAt: Date; bytes: number };

export const backupDir = (dataDir: string) => path.join(dataDir, 'backups');

/** `plantpilot-db-20261125T043000Z.tar.gz` */
export function backupName(at: Date): string {
  return `plantpilot-db-${at
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}Z$/, 'Z')}.tar.gz`;
}

function takenAtOf(name: string): Date | undefined {
  const stamp = NAME.exec(name)?.[1];
  if (!stamp) return undefined;
  const iso = `${stamp.slice(0, 4)}-${stamp.slice(4, 6)}-${stamp.slice(6, 8)}T${stamp.slice(9, 11)}:${stamp.slice(11, 13)}:${stamp.slice(13, 15)}Z`;
  return new Date(iso);
}

/** The backups in a folder, newest first; other files there are ignored. */
export function listBackups(dir: string): BackupFile[] {
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  return names
    .flatMap((name) => {
      const takenAt = takenAtOf(name);
      if (!takenAt) return [];
      const file = path.join(dir, name);
      return [{ file, name, takenAt, bytes: fs.statSync(file).size }];
    })
    .sort((a, b) => b.takenAt.getTime() - a.takenAt.getTime());
}

/** Deletes all but the newest `keep` backups; returns what it deleted. */
export function pruneBackups(dir: string, keep: number): BackupFile[] {
  const old = listBackups(dir).slice(Math.max(keep, 1));
  for (const backup of old) fs.rmSync(backup.file, { force: true });
  return old;
}
