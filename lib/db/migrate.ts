/**
 * Numbered SQL migrations (`lib/db/migrations/0001_name.sql`), applied in order, each in its
 * own transaction, recorded in `schema_migrations` with a checksum. Several app instances
 * may start together against one PostgreSQL: an advisory lock lets one migrate at a time.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { AppError } from '../errors';
import type { Db, Queryable } from './db';

export const MIGRATIONS_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');

/** Arbitrary constant: the advisory-lock key that serialises migrations across instances. */
const MIGRATION_LOCK_KEY = 0x706c6e74;

const FILE_PATTERN = /^(\d{4})_([a-z0-9_]+)\.sql$/;

export type Migration = { version: number; name: string; file: string; sql: string; checksum: string };

export type AppliedMigration = { version: number; name: string; checksum: string; appliedAt: Date };

export type MigrationStatus = {
  applied: AppliedMigration[];
  pending: Migration[];
  /** Applied migrations whose file has been edited since: a sign of a hand-edited history. */
  changed: Migration[];
};

export function loadMigrations(dir: string = MIGRATIONS_DIR): Migration[] {
  const files = fs
    .readdirSync(dir)
    .filter((file) => file.endsWith('.sql'))
    .sort();
  const migrations: Migration[] = [];
  const seen = new Map<number, string>();
  for (const file of files) {
    const match = FILE_PATTERN.exec(file);
    if (!match) throw new AppError('migration_failed', `Migration file ${file} in ${dir} is misnamed: use NNNN_lower_snake_name.sql.`);
    const version = Number(match[1]);
    const previous = seen.get(version);
    if (previous) throw new AppError('migration_failed', `Migrations ${previous} and ${file} share version ${version}; renumber one of them.`);
    seen.set(version, file);
    const sql = fs.readFileSync(path.join(dir, file), 'utf8');
    migrations.push({ version, name: match[2]!, file, sql, checksum: createHash('sha256').update(sql).digest('hex') });
  }
  return migrations;
}

const CREATE_TABLE = `
CREATE TABLE IF NOT EXISTS schema_migrations (
  version    integer PRIMARY KEY,
  name       text NOT NULL,
  checksum   text NOT NULL,
  applied_at timestamptz NOT NULL DEFAULT now()
)`;

async function readApplied(client: Queryable): Promise<AppliedMigration[]> {
  const { rows } = await client.query<{ version: number; name: string; checksum: string; applied_at: Date }>(
    'SELECT version, name, checksum, applied_at FROM schema_migrations ORDER BY version',
  );
  return rows.map((row) => ({ version: row.version, name: row.name, checksum: row.checksum, appliedAt: row.applied_at }));
}

function compare(migrations: Migration[], applied: AppliedMigration[]): MigrationStatus {
  const byVersion = new Map(applied.map((m) => [m.version, m]));
  return {
    applied,
    pending: migrations.filter((m) => !byVersion.has(m.version)),
    changed: migrations.filter((m) => {
      const done = byVersion.get(m.version);
      return done !== undefined && done.checksum !== m.checksum;
    }),
  };
}

export async function migrationStatus(db: Db, migrations: Migration[] = loadMigrations()): Promise<MigrationStatus> {
  await db.query(CREATE_TABLE);
  return compare(migrations, await readApplied(db));
}

/** Applies every pending migration; returns those it applied. Safe to run again. */
export async function migrate(db: Db, migrations: Migration[] = loadMigrations()): Promise<Migration[]> {
  // One client for lock and transactions: the embedded database has a single connection.
  const client = await db.pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    await client.query(CREATE_TABLE);
    const { pending } = compare(migrations, await readApplied(client));
    for (const migration of pending) {
      try {
        await client.query('BEGIN');
        await client.query(migration.sql);
        await client.query('INSERT INTO schema_migrations (version, name, checksum) VALUES ($1, $2, $3)', [
          migration.version,
          migration.name,
          migration.checksum,
        ]);
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw new AppError('migration_failed', `Migration ${migration.file} failed and was rolled back: ${(error as Error).message}`, { cause: error });
      }
    }
    return pending;
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => undefined);
    client.release();
  }
}
