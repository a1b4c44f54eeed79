/**
 * The embedded database: PGlite (PostgreSQL compiled to WASM) with pgvector, stored in
 * `<dataDir>/db`. It runs in its own worker thread and serves the wire protocol on a Unix socket
 * (pglite-worker.mjs), so the rest of the code sees a normal `pg` Pool and, more to the point, the
 * app's thread (HTTP, OPC UA, chat streams) never stalls while the database executes a query.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import pg from 'pg';
import { AppError } from '../errors';
import { acquireDataDirLock } from './data-dir-lock';
import { runTransaction, type Db } from './db';
import { vectorTypes, type PoolTypes } from './vector-types';

export type EmbeddedDbOptions = {
  /** A data dir, or undefined for an in-memory database (tests). */
  dataDir?: string;
  /** What the holder is, shown to a second process that finds the dir locked. */
  command?: string;
};

type WorkerReply = { ready?: true; closed?: true; backedUp?: string; bytes?: number; error?: string };

/** Resolves with the worker's first reply of the given kind; rejects if it reports an error or dies. */
function replyFrom(worker: Worker, kind: 'ready' | 'closed'): Promise<void> {
  return new Promise((resolve, reject) => {
    const onMessage = (reply: WorkerReply) => {
      if (kind === 'ready' && reply.error) finish(() => reject(new Error(reply.error)));
      else if (reply[kind]) finish(resolve);
    };
    const onError = (error: Error) => finish(() => reject(error));
    const onExit = (code: number) => finish(() => reject(new Error(`the database thread stopped (exit code ${code})`)));
    const finish = (settle: () => void) => {
      worker.off('message', onMessage).off('error', onError).off('exit', onExit);
      settle();
    };
    worker.on('message', onMessage).on('error', onError).on('exit', onExit);
  });
}

/** Asks the database thread for an archive of the data dir at `file`. */
function backupIn(worker: Worker, file: string): Promise<{ bytes: number }> {
  return new Promise((resolve, reject) => {
    const onMessage = (reply: WorkerReply) => {
      if (reply.backedUp !== file) return;
      worker.off('message', onMessage).off('exit', onExit);
      if (reply.error)
        reject(new AppError('internal', `The database backup to ${file} failed: ${reply.error}. Check free disk space and that folder's permissions.`));
      else resolve({ bytes: reply.bytes ?? 0 });
    };
    const onExit = (code: number) => {
      worker.off('message', onMessage);
      reject(new Error(`the database thread stopped (exit code ${code}) during a backup`));
    };
    try {
      fs.mkdirSync(path.dirname(file), { recursive: true });
    } catch (error) {
      reject(
        new AppError('file_unreadable', `Cannot create ${path.dirname(file)} for the backup: ${(error as Error).message}. Check that folder's permissions.`),
      );
      return;
    }
    worker.on('message', onMessage).once('exit', onExit);
    worker.postMessage({ backup: file });
  });
}

export async function openEmbeddedDb(options: EmbeddedDbOptions = {}): Promise<Db> {
  const lock = options.dataDir ? acquireDataDirLock(options.dataDir, options.command ?? 'plantpilot') : undefined;
  const dbDir = options.dataDir ? path.join(options.dataDir, 'db') : 'memory://';
  // pg finds a server's socket as <host>/.s.PGSQL.<port>; a private directory keeps it ours.
  const socketDir = fs.mkdtempSync(path.join(os.tmpdir(), 'plantpilot-db-'));
  const worker = new Worker(new URL('./pglite-worker.mjs', import.meta.url), {
    workerData: { dataDir: dbDir, socketPath: path.join(socketDir, '.s.PGSQL.5432') },
  });
  try {
    await replyFrom(worker, 'ready');
  } catch (error) {
    await worker.terminate();
    fs.rmSync(socketDir, { recursive: true, force: true });
    lock?.release();
    throw new AppError(
      'db_unavailable',
      `Cannot open the embedded database in ${dbDir}: ${(error as Error).message}. ` +
        'If the files are damaged, move that folder aside (your data stays there) and start again, or set DATABASE_URL.',
      { cause: error },
    );
  }
  // The vector type ids are looked up on the pool itself, so the parser table is filled in after.
  let parsers: PoolTypes = pg.types;
  const pool = new pg.Pool({
    host: socketDir,
    port: 5432,
    user: 'postgres',
    database: 'postgres',
    // PGlite is one session: one connection, kept open (a transaction is that connection's state).
    max: 1,
    idleTimeoutMillis: 0,
    types: { getTypeParser: ((oid: number, format?: 'text' | 'binary') => parsers.getTypeParser(oid, format as 'text')) as PoolTypes['getTypeParser'] },
  });
  // An idle client's error (the thread stopping) is reported to the next query, not thrown here.
  pool.on('error', () => undefined);
  parsers = await vectorTypes(pool);
  let closed = false;
  let backups: Promise<unknown> = Promise.resolve();
  // If the database thread dies (out of memory, a WASM fault), every query says so plainly.
  let stopped: string | undefined;
  worker.on('error', (error) => (stopped ??= error.message)).on('exit', (code) => (stopped ??= `exit code ${code}`));
  const unavailable = (cause?: unknown) =>
    new AppError('db_unavailable', `The embedded database in ${dbDir} stopped (${stopped}). Restart Plantpilot; what was committed is kept on disk.`, {
      cause,
    });
  const guarded =
    <A extends unknown[], R>(run: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      if (stopped && !closed) throw unavailable();
      try {
        return await run(...args);
      } catch (error) {
        throw stopped && !closed ? unavailable(error) : error;
      }
    };
  return {
    kind: 'pglite',
    location: options.dataDir ? dbDir : 'in-memory PGlite',
    pool,
    lock,
    query: guarded((text: string, params?: unknown[]) => pool.query(text, params)),
    transaction: guarded((fn) => runTransaction(pool, fn)),
    backup: guarded((file: string) => {
      // One at a time: each waits for the one before (the worker answers in order anyway).
      const run = backups.then(() => backupIn(worker, file));
      backups = run.catch(() => undefined);
      return run;
    }),
    async close() {
      if (closed) return;
      closed = true;
      await pool.end();
      const stopped = replyFrom(worker, 'closed').catch(() => undefined);
      worker.postMessage('close');
      await stopped;
      await worker.terminate();
      fs.rmSync(socketDir, { recursive: true, force: true });
      lock?.release();
    },
  };
}
