/**
 * The embedded database's own thread: PGlite (PostgreSQL in WASM) runs here and serves the
 * PostgreSQL wire protocol on a Unix socket, so the app's thread talks to it as to any server
 * and never stops to execute a query itself. Plain JavaScript: it runs in a worker thread, where
 * the TypeScript loader of the parent does not reach.
 */
import { rename, rm, stat } from 'node:fs/promises';
import { parentPort, workerData } from 'node:worker_threads';
import { PGlite } from '@electric-sql/pglite';
import { vector } from '@electric-sql/pglite-pgvector';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import * as tar from 'tar';

const { dataDir, socketPath } = workerData;

try {
  const db = await PGlite.create(dataDir, { extensions: { vector } });
  await db.exec('CREATE EXTENSION IF NOT EXISTS vector');
  // One connection: PGlite is a single session, so the app's pool holds exactly one.
  const server = new PGLiteSocketServer({ db, path: socketPath, maxConnections: 1 });
  await server.start();
  parentPort.on('message', async (message) => {
    if (message?.backup) {
      // The data dir's files are archived while PGlite runs nothing else (its query lock is held),
      // so the archive is a consistent copy, WAL included; restoring it is a normal crash-recovery
      // start. Streamed to disk (memory stays flat however large the database), under a temporary
      // name renamed at the end, so a half-written backup never carries the final name.
      const partial = `${message.backup}.partial`;
      try {
        if (dataDir.startsWith('memory://')) throw new Error('an in-memory database has no files to back up');
        await db.runExclusive(() => tar.c({ gzip: true, file: partial, cwd: dataDir, portable: true }, ['.']));
        await rename(partial, message.backup);
        parentPort.postMessage({ backedUp: message.backup, bytes: (await stat(message.backup)).size });
      } catch (error) {
        await rm(partial, { force: true });
        parentPort.postMessage({ backedUp: message.backup, error: error instanceof Error ? error.message : String(error) });
      }
      return;
    }
    if (message !== 'close') return;
    try {
      await server.stop();
      await db.close();
      parentPort.postMessage({ closed: true });
    } catch (error) {
      parentPort.postMessage({ closed: true, error: error instanceof Error ? error.message : String(error) });
    }
  });
  parentPort.postMessage({ ready: true });
} catch (error) {
  parentPort.postMessage({ error: error instanceof Error ? error.message : String(error) });
}
