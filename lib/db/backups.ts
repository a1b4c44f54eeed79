/**
 * Backups of the embedded database: gzipped archives of its data dir in `<dataDir>/backups`,
 * named by their UTC time so they sort by age, the newest `keep` kept (restore: restore.ts).
 * PostgreSQL deployments use PostgreSQL's own tools instead (pg_dump, base backups).
 */
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../errors';
import type { Db } from './db';

const NAME = /^plantpilot-db-(\d{8}T\d{6}Z)\.tar\.gz$/;

export type BackupFile = { file: string; name: string; takenAt: Date; bytes: number };

export const backupDir = (dataDir: string) => path.join(dataDir, 'backups');

/** `20261125T043000Z`: a UTC time that sorts as text and is safe in a file name. */
export function utcStamp(at: Date): string {
  return at
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}Z$/, 'Z');
}

/** `plantpilot-db-20261125T043000Z.tar.gz` */
export function backupName(at: Date): string {
  return `plantpilot-db-${utcStamp(at)}.tar.gz`;
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

/** Writes a backup named for `at` into `dir` and keeps the newest `keep`: what the schedule, the button and the CLI do. */
export async function writeBackup(db: Pick<Db, 'backup'>, dir: string, keep: number, at: Date): Promise<{ backup: BackupFile; pruned: BackupFile[] }> {
  if (!db.backup) throw new AppError('invalid_argument', 'Only the embedded database is backed up by Plantpilot; back up PostgreSQL with pg_dump.');
  const file = path.join(dir, backupName(at));
  const { bytes } = await db.backup(file);
  return { backup: { file, name: path.basename(file), takenAt: at, bytes }, pruned: pruneBackups(dir, keep) };
}
