/**
 * `plantpilot schedule <instance-file>`: solves a job-shop instance in the standard JSPLIB format, checks
 * the schedule with the independent feasibility checker and prints the makespan.
 */
import { basename } from 'node:path';
import type { Command } from 'commander';
import { parseSolverFlags, readInstanceFile, type SolverFlags } from '../solver-input';
import { AppError } from '../../lib/errors';
import { parseJssp } from '../../tools/scheduling/engine/jssp-format';
import { solve } from '../../tools/scheduling/engine/solve';

export function register(program: Command): void {
  program
    .command('schedule')
    .description('Solve a job-shop instance (JSPLIB format) and print the makespan of the best schedule found')
    .argument('<instance-file>', 'instance in the standard JSSP format: "<jobs> <machines>", then one line of <machine> <duration> pairs per job')
    .option('--time-limit <seconds>', 'search time in seconds', '10')
    .option('--seed <n>', 'random seed; with --max-iterations the result is reproducible', '1')
    .option('--max-iterations <n>', 'stop after this many tabu-search iterations (reproducible on any machine)')
    .option('--json', 'print { makespan, feasible, operations } as one JSON object on the last line')
    .action(async (file: string, rawFlags: unknown) => {
      await runSchedule(file, parseSolverFlags('schedule', rawFlags));
    });
}

async function runSchedule(file: string, flags: SolverFlags): Promise<void> {
  const text = await readInstanceFile(file);
  const problem = parseJssp(text, file, basename(file));
  const machineCount = problem.machineCount;
  process.stderr.write(
    `Solving ${problem.name} (${problem.jobs.length} jobs x ${machineCount} machines) for up to ${flags.timeLimit} s, seed ${flags.seed}...\n`,
  );
  const result = solve(
    problem,
    { timeLimitMs: flags.timeLimit * 1000, maxIterations: flags.maxIterations, seed: flags.seed, objective: 'makespan' },
    { now: () => performance.now() },
  );
  const feasible = result.violations.length === 0;

  if (flags.json) {
    const operations = result.operations.map(({ job, op, machine, start, end }) => ({ job, op, machine, start, end }));
    process.stdout.write(`${JSON.stringify({ makespan: result.makespan, feasible, operations })}\n`);
  } else {
    const seconds = (ms: number | null) => ((ms ?? 0) / 1000).toFixed(1);
    process.stdout.write(
      [
        `instance  ${problem.name} (${problem.jobs.length} jobs x ${machineCount} machines)`,
        `makespan  ${result.makespan} (dispatching rule ${result.baseline.rule.toUpperCase()}: ${result.baseline.makespan}; lower bound ${result.lowerBound})`,
        `feasible  ${feasible ? 'yes' : `NO, ${result.violations.length} violations`}`,
        `time      ${seconds(result.elapsedMs)} s (best found after ${seconds(result.bestFoundAfterMs)} s; ${result.iterations} iterations, ${result.restarts} restarts, stopped: ${result.stopReason.replace('_', ' ')})`,
      ].join('\n') + '\n',
    );
  }
  if (!feasible) {
    for (const v of result.violations.slice(0, 10)) process.stderr.write(`violation: ${v.message}\n`);
    throw new AppError(
      'internal',
      `The schedule for ${problem.name} failed the feasibility check (${result.violations.length} violations). This is a solver bug; please report it with the instance file.`,
    );
  }
}
