/**
 * The embedded database: PGlite (PostgreSQL compiled to WASM) with pgvector, stored in
 * `<dataDir>/db` and served through node-postgres so the rest of the code sees a normal Pool.
 */
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { createPgConfig } from '@electric-sql/pglite/node-postgres';
import { vector } from '@electric-sql/pglite-pgvector';
import pg from 'pg';
import { AppError } from '../errors';
import { acquireDataDirLock } from './data-dir-lock';
import { runTransaction, type Db } from './db';
import { vectorTypes } from './vector-types';

export type EmbeddedDbOptions = {
  /** A data dir, or undefined for an in-memory database (tests). */
  dataDir?: string;
  /** What the holder is, shown to a second process that finds the dir locked. */
  command?: string;
};

export async function openEmbeddedDb(options: EmbeddedDbOptions = {}): Promise<Db> {
  const lock = options.dataDir ? acquireDataDirLock(options.dataDir, options.command ?? 'plantpilot') : undefined;
  const dbDir = options.dataDir ? path.join(options.dataDir, 'db') : 'memory://';
  let pglite: PGlite;
  try {
    pglite = await PGlite.create(dbDir, { extensions: { vector } });
    await pglite.exec('CREATE EXTENSION IF NOT EXISTS vector');
  } catch (error) {
    lock?.release();
    throw new AppError(
      'db_unavailable',
      `Cannot open the embedded database in ${dbDir}: ${(error as Error).message}. ` +
        'If the files are damaged, move that folder aside (your data stays there) and start again, or set DATABASE_URL.',
      { cause: error },
    );
  }
  const pool = new pg.Pool({ ...createPgConfig(pglite), types: await vectorTypes(pglite) });
  let closed = false;
  return {
    kind: 'pglite',
    location: options.dataDir ? dbDir : 'in-memory PGlite',
    pool,
    lock,
    query: (text, params) => pool.query(text, params),
    transaction: (fn) => runTransaction(pool, fn),
    async close() {
      if (closed) return;
      closed = true;
      await pool.end();
      await pglite.close();
      lock?.release();
    },
  };
}
