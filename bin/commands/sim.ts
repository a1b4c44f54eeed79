/**
 * `plantpilot sim`: runs the plant twin alone behind its OPC UA server so any OPC UA client (UaExpert,
 * the Plantpilot connector, a script) can connect. Runs until SIGINT/SIGTERM, then closes cleanly.
 * `--lines` serves only some areas, so a plant can be split the way real ones are (an OPC UA server
 * per line); with `--sparkplug` the chosen areas are published as Sparkplug B edge nodes instead.
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

const AREAS = ['Line1', 'Line2', 'Utilities'] as const;
type Area = (typeof AREAS)[number];

function linesOption(raw: string): Area[] {
  const names = raw
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean);
  const unknown = names.filter((name) => !(AREAS as readonly string[]).includes(name));
  if (names.length === 0 || unknown.length > 0) {
    throw new AppError('invalid_argument', `--lines takes a comma-separated list of ${AREAS.join(', ')}; got "${raw}".`);
  }
  return [...new Set(names)] as Area[];
}

function brokerOption(raw: string): string {
  if (!/^(mqtts?|tcp|ssl|wss?):\/\/[^/\s]+/.test(raw))
    throw new AppError('invalid_argument', `--sparkplug needs an MQTT broker URL such as mqtt://127.0.0.1:1883, got "${raw}".`);
  return raw;
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
    .option('--lines <areas>', `serve only these areas, comma-separated (${AREAS.join(', ')}); default: all`, linesOption)
    .option('--plant-items', 'serve the plant clock and order release (default: only without --lines; give it to one server of a split plant)')
    .option('--no-plant-items', 'do not serve the plant clock and order release')
    .option('--sparkplug <broker>', 'publish the areas as Sparkplug B edge nodes on this MQTT broker instead of serving OPC UA', brokerOption)
    .option('--group-id <id>', 'Sparkplug group id (with --sparkplug)', 'Plant')
    .option('--primary-host <id>', 'Sparkplug 3.0: publish births only when this primary host is online (with --sparkplug)')
    .action(async (options: SimOptions) => {
      const running = options.sparkplug ? await startSparkplugTwin(options) : await startOpcuaTwin(options);
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
      await running.close();
    });
  registerSimHistory(sim);
}

type SimOptions = {
  port: number;
  seed: number;
  speed: number;
  user: string;
  password: string;
  pkiDir?: string;
  lines?: Area[];
  plantItems?: boolean;
  sparkplug?: string;
  groupId: string;
  primaryHost?: string;
};

async function startOpcuaTwin(options: SimOptions): Promise<{ close(): Promise<void> }> {
  // Loaded on use: node-opcua is heavy, and other commands should not pay for it.
  const { startTwinServer } = await import('../../connectors/twin/server');
  const server = await startTwinServer({
    port: options.port,
    seed: options.seed,
    speed: options.speed,
    users: [{ username: options.user, password: options.password }],
    certificateDir: options.pkiDir,
    areas: options.lines,
    plantItems: options.plantItems,
  });
  process.stdout.write(`${server.endpointUrl}\n`);
  process.stderr.write(
    `Plant twin running (seed ${options.seed}, speed ×${options.speed}${options.lines ? `, serving ${options.lines.join(', ')}` : ''}). Anonymous clients may read; ` +
      `writes and methods need user "${options.user}". Press Ctrl+C to stop.\n`,
  );
  return server;
}

async function startSparkplugTwin(options: SimOptions): Promise<{ close(): Promise<void> }> {
  const { PlantTwin } = await import('../../connectors/twin/simulation');
  const { startTwinClock } = await import('../../connectors/twin/twin-clock');
  const { startTwinEdgeNodes } = await import('../../connectors/twin/sparkplug-edge-node');
  const areas = options.lines ?? [...AREAS];
  const twin = new PlantTwin({ seed: options.seed, startTime: new Date() });
  const stopClock = startTwinClock(twin, { speed: options.speed });
  try {
    const nodes = await startTwinEdgeNodes({
      brokerUrl: options.sparkplug!,
      groupId: options.groupId,
      areas,
      twin,
      primaryHostId: options.primaryHost,
      warn: (message) => process.stderr.write(`${message}\n`),
    });
    process.stdout.write(`${options.sparkplug} spBv1.0/${options.groupId} ${nodes.edgeNodeIds.join(',')}\n`);
    process.stderr.write(
      `Plant twin publishing ${areas.join(', ')} as Sparkplug B edge nodes in group ${options.groupId} (seed ${options.seed}, speed ×${options.speed}). Press Ctrl+C to stop.\n`,
    );
    return {
      async close() {
        stopClock();
        await nodes.close();
      },
    };
  } catch (error) {
    stopClock();
    throw new AppError(
      'plant_unreachable',
      `Cannot publish the twin on the MQTT broker ${options.sparkplug} (${(error as Error).message}). Start the broker or check the URL.`,
      {
        cause: error,
      },
    );
  }
}
