/** `plantpilot start`: serve the app (and its services) until interrupted. */
import type { Command } from 'commander';
import { AppError } from '../../lib/errors';
import { formatInitialUsers } from '../../lib/auth/bootstrap';
import { cliContext } from '../context';

/** A stop that takes longer than this (a hung dependency) ends the process anyway, before an orchestrator's SIGKILL. */
const SHUTDOWN_DEADLINE_MS = 25_000;

type EarlySignals = { takeOver(handler: (signal: NodeJS.Signals) => void): void };

export function register(program: Command): void {
  program
    .command('start')
    .description('serve the web app, API and MCP endpoint on PORT (default 3000), building the app first when needed')
    .option('-p, --port <port>', 'port to listen on (overrides PORT)')
    .option('--dev', 'run Next.js in development mode (hot reload)')
    .option('--no-build', 'do not build the web app even if sources changed')
    .action(async (options: { port?: string; dev?: boolean; build: boolean }) => {
      const { config, log } = cliContext();
      // Handlers first: a stop during start-up lets the services come up (so a first start still
      // prints its one-time passwords) and then shuts them down cleanly; a second signal ends it now.
      let requested: NodeJS.Signals | undefined;
      let serving = false;
      let onStop: (signal: NodeJS.Signals) => void = () => undefined;
      const stopRequested = new Promise<NodeJS.Signals>((resolve) => (onStop = resolve));
      const onSignal = (signal: NodeJS.Signals) => {
        if (requested) {
          log.warn(`${signal} received again: exiting without waiting for a clean shutdown`);
          process.exit(signal === 'SIGINT' ? 130 : 143);
        }
        requested = signal;
        log.info(serving ? `${signal} received, shutting down…` : `${signal} received during start-up; stopping as soon as the services are up`);
        onStop(signal);
      };
      process.on('SIGINT', onSignal);
      process.on('SIGTERM', onSignal);
      (globalThis as { [key: symbol]: EarlySignals | undefined })[Symbol.for('plantpilot.earlySignals')]?.takeOver(onSignal);

      if (options.port !== undefined) {
        const port = Number(options.port);
        if (!Number.isInteger(port) || port < 0 || port > 65535)
          throw new AppError('invalid_argument', `--port expects a port number between 0 and 65535 (got "${options.port}").`);
        config.port = port;
      }
      // Loaded on use: the server pulls in Next.js, the agent and node-opcua, which other commands do not need.
      const { startAppServer } = await import('../../server/app-server');
      const server = await startAppServer({
        config,
        log,
        dev: options.dev ?? false,
        build: options.build,
        onInitialUsers: (users, renewed) => console.log(`\n${formatInitialUsers(users, renewed)}\n`),
        stopRequested: () => requested !== undefined,
      });
      serving = true;
      if (!requested) log.info(`Plantpilot is serving ${server.url}`);
      const signal = await stopRequested;
      const deadline = setTimeout(() => {
        log.error(`Shutdown did not finish within ${SHUTDOWN_DEADLINE_MS / 1000} s; exiting anyway`);
        process.exit(1);
      }, SHUTDOWN_DEADLINE_MS);
      deadline.unref();
      try {
        await server.close();
        log.info(`Stopped cleanly after ${signal}`);
      } catch (error) {
        log.error({ err: error }, 'Shutdown did not complete cleanly');
        process.exitCode = 1;
      } finally {
        clearTimeout(deadline);
        process.off('SIGINT', onSignal);
        process.off('SIGTERM', onSignal);
      }
    });
}
