/**
 * `plantpilot sim`: runs the plant twin alone behind its OPC UA server so any OPC UA client (UaExpert,
 * the Plantpilot connector, a script) can connect. Runs until SIGINT/SIGTERM, then closes cleanly.
 */
import type { Command } from 'commander';
import { registerSimHistory } from './sim-history';
import { AppError } from '../../lib/errors';

function integerOption(name: string, low: number, high: number) {
  return (raw: string): number => {
    const value = Number(raw);
    if (!Number.isInteger(value) || value < low || value > high) {
      throw new AppError('invalid_argument', `--${name} must be a whole number from ${low} to ${high}, got "${raw}".`);
    }
    return value;
  };
}

function speedOption(raw: string): number {
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0 || value > 10_000) {
    throw new AppError('invalid_argument', `--speed must be a number above 0 and at most 10000 (60 = one simulated minute per second), got "${raw}".`);
  }
  return value;
}

export function register(program: Command): void {
  const sim = program
    .command('sim')
    .description('Run the simulated SMT plant (the twin) as an OPC UA server until interrupted')
    .option('--port <port>', 'TCP port to listen on (0 = any free port)', integerOption('port', 0, 65_535), 4840)
    .option('--seed <seed>', 'random seed; the same seed gives the same plant history', integerOption('seed', -2_147_483_648, 2_147_483_647), 1)
    .option('--speed <factor>', 'simulated seconds per real second', speedOption, 1)
    .option('--user <name>', 'username allowed to write setpoints and call methods', 'operator')
    .option('--password <password>', 'password for --user', 'plantpilot')
    .option('--pki-dir <dir>', 'folder for the server certificate (default: a temporary folder)')
    .action(async (options: { port: number; seed: number; speed: number; user: string; password: string; pkiDir?: string }) => {
      // Loaded on use: node-opcua is heavy, and other commands should not pay for it.
      const { startTwinServer } = await import('../../connectors/twin/server');
      const server = await startTwinServer({
        port: options.port,
        seed: options.seed,
        speed: options.speed,
        users: [{ username: options.user, password: options.password }],
        certificateDir: options.pkiDir,
      });
      process.stdout.write(`${server.endpointUrl}\n`);
      process.stderr.write(
        `Plant twin running (seed ${options.seed}, speed ×${options.speed}). Anonymous clients may read; ` +
          `writes and methods need user "${options.user}". Press Ctrl+C to stop.\n`,
      );
      await new Promise<void>((resolve) => {
        const stop = () => {
          process.off('SIGINT', stop);
          process.off('SIGTERM', stop);
          resolve();
        };
        process.on('SIGINT', stop);
        process.on('SIGTERM', stop);
      });
      process.stderr.write('Stopping the plant twin…\n');
      await server.close();
    });
  registerSimHistory(sim);
}
