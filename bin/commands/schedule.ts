/**
 * `plantpilot schedule <instance-file>`: solves a job-shop instance in the standard JSPLIB format, checks
 * the schedule with the independent feasibility checker and prints the makespan.
 */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Command } from 'commander';
import { z } from 'zod';
import { AppError } from '../../lib/errors';
import { parseJssp } from '../../tools/scheduling/engine/jssp-format';
import { solve } from '../../tools/scheduling/engine/solve';

const Flags = z.object({
  timeLimit: z.coerce.number().positive('--time-limit must be a positive number of seconds'),
  seed: z.coerce.number().int('--seed must be an integer'),
  maxIterations: z.coerce.number().int().positive('--max-iterations must be a positive integer').optional(),
  json: z.boolean().default(false),
});

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
      const parsed = Flags.safeParse(rawFlags);
      if (!parsed.success) throw new AppError('invalid_argument', `${parsed.error.issues[0]?.message}. See \`plantpilot schedule --help\`.`);
      await runSchedule(file, parsed.data);
    });
}

async function runSchedule(file: string, flags: z.infer<typeof Flags>): Promise<void> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message;
    throw new AppError('file_unreadable', `Cannot read the instance file ${file} (${reason}). Check the path.`, { cause: error });
  }
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
