/**
 * The embedded database's own thread: PGlite (PostgreSQL in WASM) runs here and serves the
 * PostgreSQL wire protocol on a Unix socket, so the app's thread talks to it as to any server
 * and never stops to execute a query itself. Plain JavaScript: it runs in a worker thread, where
 * the TypeScript loader of the parent does not reach.
 */
import { Buffer } from 'node:buffer';
import { rename, rm, writeFile } from 'node:fs/promises';
import { parentPort, workerData } from 'node:worker_threads';
import { PGlite } from '@electric-sql/pglite';
import { vector } from '@electric-sql/pglite-pgvector';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

const { dataDir, socketPath } = workerData;

try {
  const db = await PGlite.create(dataDir, { extensions: { vector } });
  await db.exec('CREATE EXTENSION IF NOT EXISTS vector');
  // One connection: PGlite is a single session, so the app's pool holds exactly one.
  const server = new PGLiteSocketServer({ db, path: socketPath, maxConnections: 1 });
  await server.start();
  parentPort.on('message', async (message) => {
    if (message?.backup) {
      // PGlite runs the dump exclusively (no query in between), so the archive is a consistent
      // copy of the files, WAL included; restoring it is a normal crash-recovery start. Written
      // under a temporary name and renamed, so a half-written backup never carries the final name.
      const partial = `${message.backup}.partial`;
      try {
        const archive = Buffer.from(await (await db.dumpDataDir('gzip')).arrayBuffer());
        await writeFile(partial, archive);
        await rename(partial, message.backup);
        parentPort.postMessage({ backedUp: message.backup, bytes: archive.length });
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
