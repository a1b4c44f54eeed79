/**
 * A real PostgreSQL ≥ 15 server with pgvector, for deployments with DATABASE_URL and for
 * several app instances sharing one system of record.
 */
import pg from 'pg';
import { redactUrl } from '../config';
import { AppError } from '../errors';
import { runTransaction, type Db } from './db';
import { asDbUnavailable } from './unavailable';
import { vectorTypes, type PoolTypes } from './vector-types';

const MIN_SERVER_VERSION = 150000;

export type PostgresDbOptions = { url: string; maxConnections?: number; connectTimeoutMs?: number };

function reachError(url: string, error: unknown): AppError {
  const code = (error as NodeJS.ErrnoException).code;
  const reason =
    code === 'ECONNREFUSED' ? 'connection refused' : code === 'ENOTFOUND' ? 'host not found' : code === 'ETIMEDOUT' ? 'timed out' : (error as Error).message;
  return new AppError(
    'db_unavailable',
    `Cannot reach PostgreSQL at ${redactUrl(url)} (${reason}). Check DATABASE_URL and that the server is running, or unset DATABASE_URL to use the embedded database.`,
    { cause: error },
  );
}

export async function openPostgresDb(options: PostgresDbOptions): Promise<Db> {
  const { url } = options;
  const connectionTimeoutMillis = options.connectTimeoutMs ?? 5000;
  // Prepare the server with one plain client first: pgvector's types can only be registered
  // on pool connections once the extension exists.
  let types: PoolTypes | undefined;
  const setup = new pg.Client({ connectionString: url, connectionTimeoutMillis });
  setup.on('error', () => undefined);
  try {
    await setup.connect();
  } catch (error) {
    throw reachError(url, error);
  }
  try {
    const { rows } = await setup.query<{ v: string }>('SHOW server_version_num');
    if (Number(rows[0]?.v) < MIN_SERVER_VERSION) {
      throw new AppError('db_unavailable', `PostgreSQL at ${redactUrl(url)} is version ${rows[0]?.v}; Plantpilot needs 15 or newer.`);
    }
    try {
      await setup.query('CREATE EXTENSION IF NOT EXISTS vector');
      types = await vectorTypes(setup);
    } catch (error) {
      throw new AppError(
        'db_unavailable',
        `The pgvector extension is not available in ${redactUrl(url)} (${(error as Error).message}). ` +
          'Install pgvector on the server and run CREATE EXTENSION vector as a superuser.',
        { cause: error },
      );
    }
  } finally {
    await setup.end().catch(() => undefined);
  }

  const pool = new pg.Pool({ connectionString: url, max: options.maxConnections ?? 10, connectionTimeoutMillis, types });
  // An idle client losing its server must not crash the process; the next query reports it.
  pool.on('error', () => undefined);
  let closed = false;
  const where = `PostgreSQL at ${redactUrl(url)}`;
  // A lost, refused or shutting-down server becomes db_unavailable (503, Retry-After) on every face.
  const query: Db['query'] = async (text, params) => {
    try {
      return await pool.query(text, params);
    } catch (error) {
      throw asDbUnavailable(where, error);
    }
  };
  return {
    kind: 'postgres',
    location: redactUrl(url),
    pool,
    query,
    async transaction(fn) {
      try {
        return await runTransaction(pool, fn);
      } catch (error) {
        throw asDbUnavailable(where, error);
      }
    },
    async close() {
      if (closed) return;
      closed = true;
      await pool.end();
    },
  };
}
