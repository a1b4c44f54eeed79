/** `plantpilot start`: serve the app (and its services) until interrupted. */
import type { Command } from 'commander';
import { AppError } from '../../lib/errors';
import { formatInitialUsers } from '../../lib/auth/bootstrap';
import { cliContext } from '../context';

export function register(program: Command): void {
  program
    .command('start')
    .description('serve the web app, API and MCP endpoint on PORT (default 3000), building the app first when needed')
    .option('-p, --port <port>', 'port to listen on (overrides PORT)')
    .option('--dev', 'run Next.js in development mode (hot reload)')
    .option('--no-build', 'do not build the web app even if sources changed')
    .action(async (options: { port?: string; dev?: boolean; build: boolean }) => {
      const { config, log } = cliContext();
      if (options.port !== undefined) {
        const port = Number(options.port);
        if (!Number.isInteger(port) || port < 0 || port > 65535)
          throw new AppError('invalid_argument', `--port expects a port number between 0 and 65535 (got "${options.port}").`);
        config.port = port;
      }
      // Loaded on use: the server pulls in Next.js, the agent and node-opcua, which other commands do not need.
      const { startAppServer } = await import('../../lib/server/app-server');
      const server = await startAppServer({
        config,
        log,
        dev: options.dev ?? false,
        build: options.build,
        onInitialUsers: (users) => console.log(`\n${formatInitialUsers(users)}\n`),
      });
      log.info(`Plantpilot is serving ${server.url}`);
      await new Promise<void>((resolve) => {
        const stop = (signal: string) => {
          log.info(`${signal} received, shutting down…`);
          server.close().then(resolve, (error: unknown) => {
            log.error({ err: error }, 'Shutdown did not complete cleanly');
            resolve();
          });
        };
        process.once('SIGINT', () => stop('SIGINT'));
        process.once('SIGTERM', () => stop('SIGTERM'));
      });
    });
}
