/**
 * `plantpilot route <instance-file>`: solves a vehicle-routing problem with capacities and time windows
 * given in the Solomon format, checks the routes with the independent feasibility checker and prints
 * vehicles, distance and the routes (customer ids; the depot, node 0, is implicit at both ends).
 */
import type { Command } from 'commander';
import { parseSolverFlags, readInstanceFile, type SolverFlags } from '../solver-input';
import { AppError } from '../../lib/errors';
import { checkRoutes } from '../../tools/material/engine/feasibility';
import { solveVrptw } from '../../tools/material/engine/solve';
import { parseSolomon } from '../../tools/material/io/solomon-format';

export function register(program: Command): void {
  program
    .command('route')
    .description('Plan vehicle routes with capacities and time windows (Solomon format): fewest vehicles first, then least distance')
    .argument('<instance-file>', 'instance in the Solomon VRPTW format: name, VEHICLE "NUMBER CAPACITY", CUSTOMER rows of 7 numbers, depot 0 first')
    .option('--time-limit <seconds>', 'search time in seconds', '10')
    .option('--seed <n>', 'random seed; with --max-iterations the result is reproducible', '1')
    .option('--max-iterations <n>', 'stop after this many ruin-and-recreate iterations (reproducible on any machine)')
    .option('--json', 'print { vehicles, distance, routes } as one JSON object')
    .action(async (file: string, rawFlags: unknown) => {
      await runRoute(file, parseSolverFlags('route', rawFlags));
    });
}

async function runRoute(file: string, flags: SolverFlags): Promise<void> {
  const text = await readInstanceFile(file);
  const problem = parseSolomon(text, file);
  const customers = problem.nodes.length - 1;
  // With an iteration budget the run is reproducible, so the time limit only applies when given explicitly.
  const timeLimitMs = flags.maxIterations === undefined ? flags.timeLimit * 1000 : undefined;
  process.stderr.write(
    `Routing ${problem.name} (${customers} customers, up to ${problem.vehicleLimit} vehicles of capacity ${problem.capacity})` +
      `${timeLimitMs === undefined ? ` for ${flags.maxIterations} iterations` : ` for up to ${flags.timeLimit} s`}, seed ${flags.seed}...\n`,
  );
  const result = solveVrptw(problem, { seed: flags.seed, timeLimitMs, maxIterations: flags.maxIterations }, { now: () => performance.now() });
  const check = checkRoutes(problem, result.routes);
  if (check.violations.length > 0) {
    for (const violation of check.violations.slice(0, 10)) process.stderr.write(`violation: ${violation}\n`);
    throw new AppError(
      'internal',
      `The routes for ${problem.name} failed the feasibility check (${check.violations.length} violations). This is a solver bug; please report it with the instance file.`,
    );
  }
  if (flags.json) {
    process.stdout.write(`${JSON.stringify({ vehicles: check.vehicles, distance: check.distance, routes: result.routes })}\n`);
    return;
  }
  process.stdout.write(
    [
      `instance  ${problem.name} (${customers} customers)`,
      `vehicles  ${check.vehicles} (first greedy solution: ${result.construction.vehicles}; capacity bound ${result.vehicleLowerBound})`,
      `distance  ${check.distance.toFixed(2)}`,
      `time      ${(result.elapsedMs / 1000).toFixed(1)} s (best found after ${(result.bestFoundAfterMs / 1000).toFixed(1)} s; ${result.iterations} iterations)`,
      ...result.routes.map((route, i) => `route ${String(i + 1).padStart(3)}  0 ${route.join(' ')} 0`),
    ].join('\n') + '\n',
  );
}
