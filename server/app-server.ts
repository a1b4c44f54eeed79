/**
 * The application server: one Node process that owns the services (database, and in later
 * parts the plant connector, agent and job workers) and serves the Next.js app, its API routes
 * and health. `plantpilot start` and `npm start` end up here.
 */
import http from 'node:http';
import { PROJECT_ROOT } from '@/lib/project-root';
import type { CreatedUser } from '../lib/auth/users';
import type { Config } from '../lib/config';
import { openDb, migrate } from '../lib/db';
import type { Db } from '../lib/db/db';
import { AppError } from '../lib/errors';
import { publishLocalAdminAccess } from '../lib/auth/local-admin';
import { sanitiseForwarding } from '../lib/forwarding';
import { startHealthMonitor } from '../lib/health';
import type { Logger } from '../lib/log';
import { setRuntime, type Runtime } from './runtime';
import { ensureBuild } from './build';
import { answerDbUnavailable, needsDatabase } from './db-gate';

/** How long chat turns in flight at shutdown may take to finish; inside `plantpilot start`'s overall deadline. */
const IN_FLIGHT_TURN_DEADLINE_MS = 15_000;

export type AppServer = { url: string; runtime: Runtime; close(): Promise<void> };

export type AppServerOptions = {
  config: Config;
  log: Logger;
  dev?: boolean;
  build?: boolean;
  /** Called with the first-start users and their one-time passwords: created now, or renewed because none has signed in yet. */
  onInitialUsers?: (users: CreatedUser[], renewed: boolean) => void;
  /** True once a stop was asked for during start-up: the build and the web app are skipped, the services start and stop. */
  stopRequested?: () => boolean;
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

export async function startAppServer({
  config,
  log,
  dev = false,
  build = true,
  onInitialUsers,
  stopRequested = () => false,
}: AppServerOptions): Promise<AppServer> {
  const db: Db = await openDb(config, `plantpilot start (port ${config.port})`);
  let stopServices: (() => Promise<void>) | undefined;
  try {
    const applied = await migrate(db);
    if (applied.length > 0) log.info({ migrations: applied.map((m) => m.file) }, `Applied ${applied.length} database migration(s)`);
    log.info(`Database: ${db.kind === 'pglite' ? `embedded PGlite in ${db.location}` : `PostgreSQL ${db.location}`}`);

    if (!dev && build && !stopRequested()) await ensureBuild(PROJECT_ROOT, log);

    // Loaded once the database is open: a start that cannot reach its database fails fast and
    // quietly, before Next.js, the agent and node-opcua are loaded.
    const { startServices } = await import('./services');
    const started = await startServices({ config, db, log });
    stopServices = started.stop;
    if (started.initialUsers.length > 0) onInitialUsers?.(started.initialUsers, started.initialUsersRenewed);
    // Readiness from background checks; the first round answers before the server listens.
    const readiness = startHealthMonitor(started.health);
    const stopStarted = stopServices;
    stopServices = async () => {
      readiness.stop();
      await stopStarted();
    };
    await readiness.refresh();
    const runtime: Runtime = { config, log, db, startedAt: new Date(), health: started.health, readiness, services: started.services };
    if (stopRequested()) {
      // Stopped during start-up: the one-time passwords are out; no need to load and serve the web app.
      return {
        url: '',
        runtime,
        async close() {
          await stopServices?.();
          await db.close();
        },
      };
    }
    setRuntime(runtime);

    const { default: next } = await import('next');
    const app = next({ dev, dir: PROJECT_ROOT, hostname: config.host, port: config.port });
    await app.prepare();
    const handle = app.getRequestHandler();
    const server = http.createServer((req, res) => {
      sanitiseForwarding(req, config.trustedProxies);
      if (readiness.dbDown() && needsDatabase((req.url ?? '/').split('?')[0]!)) {
        answerDbUnavailable(req, res, readiness.report().parts.db.reason);
        return;
      }
      handle(req, res).catch((error: unknown) => {
        log.error({ err: error, url: req.url }, 'Request failed');
        if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
        res.end('Internal error; see the server log.');
      });
    });
    const port = await listen(server, config.port, config.host);
    const url = `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${port}`;
    db.lock?.setUrl(url);
    const localAdmin = await publishLocalAdminAccess(config.dataDir, url);

    let closed = false;
    return {
      url,
      runtime,
      async close() {
        if (closed) return;
        closed = true;
        await localAdmin.remove().catch(() => undefined);
        // No new connections; chat turns in flight finish (or are closed in words) before their streams are cut.
        const serverClosed = new Promise<void>((resolve) => server.close(() => resolve()));
        server.closeIdleConnections();
        await runtime.services.agent
          ?.finishTurns(IN_FLIGHT_TURN_DEADLINE_MS)
          .catch((error: unknown) => log.warn({ err: error }, 'Finishing chat turns failed'));
        server.closeAllConnections();
        await serverClosed;
        await app.close().catch(() => undefined);
        await import('../tools/mcp/shared-http-handler').then((m) => m.closeSharedMcpHttpHandler()).catch(() => undefined);
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
