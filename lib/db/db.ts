/**
 * The one database interface. Both the embedded database (PGlite in WASM) and a real
 * PostgreSQL server sit behind a `pg` Pool, so every query module is written once and
 * runs on both. Always parameterise; never build SQL from strings.
 */
import type pg from 'pg';
import type { DataDirLock } from './data-dir-lock';

export type DbKind = 'pglite' | 'postgres';

/** Anything that can run a query: the Db itself or the client inside a transaction. */
export interface Queryable {
  query<R extends pg.QueryResultRow = pg.QueryResultRow>(text: string, params?: unknown[]): Promise<pg.QueryResult<R>>;
}

export interface Db extends Queryable {
  readonly kind: DbKind;
  /** Where the data lives, for messages: a data dir or a URL with the password masked. */
  readonly location: string;
  readonly pool: pg.Pool;
  /** The data-dir lock held by the embedded database; absent for PostgreSQL. */
  readonly lock?: DataDirLock;
  /**
   * Runs `fn` in one transaction on one connection; commits if it resolves, rolls back if it throws.
   * Inside, use only `tx` — the embedded database has a single connection, so a query on the Db
   * itself would wait for the transaction to finish.
   */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  /**
   * Embedded database only: writes a gzipped archive of the data dir to `file` (queries wait while
   * it is taken). PostgreSQL is backed up with its own tools (pg_dump, base backups).
   */
  backup?(file: string): Promise<{ bytes: number }>;
  close(): Promise<void>;
}

export async function runTransaction<T>(pool: pg.Pool, fn: (tx: Queryable) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const result = await fn(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
