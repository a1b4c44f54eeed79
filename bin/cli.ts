/**
 * The `plantpilot` CLI: one commander program, one file per command in bin/commands/.
 * Every failure becomes one line on stderr and an exit code from lib/errors (never a stack
 * trace unless --verbose).
 */
import { Command, CommanderError } from 'commander';
import { cliExitCode, isAppError, toAppError } from '../lib/errors';
import * as audit from './commands/audit';
import * as data from './commands/data';
import * as db from './commands/db';
import * as docs from './commands/docs';
import * as evalCommand from './commands/eval';
import * as ingest from './commands/ingest';
import * as forecast from './commands/forecast';
import * as handover from './commands/handover';
import * as inspect from './commands/inspect';
import * as mcp from './commands/mcp';
import * as opcua from './commands/opcua';
import * as plant from './commands/plant';
import * as route from './commands/route';
import * as schedule from './commands/schedule';
import * as search from './commands/search';
import * as sim from './commands/sim';
import * as start from './commands/start';
import * as tokens from './commands/tokens';
import * as users from './commands/users';

type CommandModule = { register(program: Command): void };

/** Every top-level command, in the order `--help` lists them. */
const COMMANDS: CommandModule[] = [
  start,
  db,
  users,
  tokens,
  audit,
  mcp,
  opcua,
  plant,
  sim,
  ingest,
  search,
  docs,
  schedule,
  route,
  forecast,
  inspect,
  handover,
  data,
  evalCommand,
];

export function buildProgram(): Command {
  const program = new Command('plantpilot')
    .description('Plantpilot — an air-gappable copilot for factories. Every write to the plant waits for a human approval.')
    .option('--verbose', 'print stack traces for unexpected errors')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride();
  for (const command of COMMANDS) command.register(program);
  return program;
}

async function main(argv: string[]): Promise<void> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv);
  } catch (error) {
    if (error instanceof CommanderError) {
      process.exitCode = error.exitCode === 0 ? 0 : 2;
      return;
    }
    const appError = toAppError(error);
    process.stderr.write(`plantpilot: ${appError.message}\n`);
    if (program.opts().verbose) process.stderr.write(`${(error as Error).stack ?? ''}\n`);
    else if (!isAppError(error)) process.stderr.write('(unexpected error; run again with --verbose for the stack trace)\n');
    process.exitCode = cliExitCode(appError.code);
  }
}

await main(process.argv);
