/**
 * The application server: one Node process that owns the services (database, and in later
 * parts the plant connector, agent and job workers) and serves the Next.js app, its API routes
 * and health. `plantpilot start` and `npm start` end up here.
 */
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CreatedUser } from '../auth/users';
import type { Config } from '../config';
import { openDb, migrate } from '../db';
import type { Db } from '../db/db';
import { AppError } from '../errors';
import type { Logger } from '../log';
import { setRuntime, type Runtime } from '../runtime';
import { ensureBuild } from './build';

export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

export type AppServer = { url: string; runtime: Runtime; close(): Promise<void> };

export type AppServerOptions = {
  config: Config;
  log: Logger;
  dev?: boolean;
  build?: boolean;
  /** Called once with the users created on first start and their one-time passwords. */
  onInitialUsers?: (users: CreatedUser[]) => void;
};

function listen(server: http.Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) => {
      server.off('listening', onListening);
      if (error.code === 'EADDRINUSE') {
        reject(new AppError('conflict', `Port ${port} is already in use. Stop the other program or set PORT to a free port.`, { cause: error }));
      } else reject(error);
    };
    const onListening = () => {
      server.off('error', onError);
      resolve((server.address() as { port: number }).port);
    };
    server.once('error', onError);
    server.once('listening', onListening);
    server.listen(port, host);
  });
}

export async function startAppServer({ config, log, dev = false, build = true, onInitialUsers }: AppServerOptions): Promise<AppServer> {
  const db: Db = await openDb(config, `plantpilot start (port ${config.port})`);
  let stopServices: (() => Promise<void>) | undefined;
  try {
    const applied = await migrate(db);
    if (applied.length > 0) log.info({ migrations: applied.map((m) => m.file) }, `Applied ${applied.length} database migration(s)`);
    log.info(`Database: ${db.kind === 'pglite' ? `embedded PGlite in ${db.location}` : `PostgreSQL ${db.location}`}`);

    if (!dev && build) await ensureBuild(PROJECT_ROOT, log);

    // Loaded once the database is open: a start that cannot reach its database fails fast and
    // quietly, before Next.js, the agent and node-opcua are loaded.
    const { startServices } = await import('./services');
    const started = await startServices({ config, db, log });
    stopServices = started.stop;
    if (started.initialUsers.length > 0) onInitialUsers?.(started.initialUsers);
    const runtime: Runtime = { config, log, db, startedAt: new Date(), health: started.health, services: started.services };
    setRuntime(runtime);

    const { default: next } = await import('next');
    const app = next({ dev, dir: PROJECT_ROOT, hostname: config.host, port: config.port });
    await app.prepare();
    const handle = app.getRequestHandler();
    const server = http.createServer((req, res) => {
      handle(req, res).catch((error: unknown) => {
        log.error({ err: error, url: req.url }, 'Request failed');
        if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
        res.end('Internal error; see the server log.');
      });
    });
    const port = await listen(server, config.port, config.host);
    const url = `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${port}`;
    db.lock?.setUrl(url);

    let closed = false;
    return {
      url,
      runtime,
      async close() {
        if (closed) return;
        closed = true;
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.closeAllConnections();
        });
        await app.close().catch(() => undefined);
        await import('../../tools/mcp/shared-http-handler').then((m) => m.closeSharedMcpHttpHandler()).catch(() => undefined);
        setRuntime(undefined);
        await stopServices?.();
        await db.close();
      },
    };
  } catch (error) {
    setRuntime(undefined);
    await stopServices?.().catch(() => undefined);
    await db.close().catch(() => undefined);
    throw error;
  }
}
