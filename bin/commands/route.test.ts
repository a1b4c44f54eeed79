import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { checkRoutes } from '../../tools/material/engine/feasibility';
import { randomRoutingProblem } from '../../tools/material/engine/random-problem';
import type { RoutingProblem } from '../../tools/material/engine/model';
import { parseSolomon } from '../../tools/material/io/solomon-format';
import { register } from './route';

const dir = mkdtempSync(join(tmpdir(), 'plantpilot-route-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Writes a problem in the Solomon text format, as the published instances are laid out. */
function toSolomonText(problem: RoutingProblem): string {
  const rows = problem.nodes.map((n) => [n.id, n.x, n.y, n.demand, n.readyTime, n.dueTime, n.serviceTime].map((v) => String(v).padStart(8)).join(''));
  return [
    problem.name,
    '',
    'VEHICLE',
    'NUMBER     CAPACITY',
    `  ${problem.vehicleLimit}   ${problem.capacity}`,
    '',
    'CUSTOMER',
    'CUST NO.  XCOORD.  ...',
    '',
    ...rows,
    '',
  ].join('\r\n');
}

async function run(args: string[]): Promise<string> {
  let stdout = '';
  const out = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => ((stdout += String(chunk)), true));
  const err = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
  try {
    const program = new Command().exitOverride();
    register(program);
    await program.parseAsync(['node', 'plantpilot', 'route', ...args]);
    return stdout;
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
}

describe('plantpilot route', () => {
  const problem = randomRoutingProblem({ customers: 25, seed: 3 });
  const file = join(dir, 'random.txt');
  writeFileSync(file, toSolomonText(problem));

  it('prints vehicles, distance and feasible routes as JSON', async () => {
    const result = JSON.parse(await run([file, '--json', '--max-iterations', '500', '--seed', '2'])) as {
      vehicles: number;
      distance: number;
      routes: number[][];
    };
    const check = checkRoutes(parseSolomon(toSolomonText(problem), file), result.routes);
    expect(check.violations).toEqual([]);
    expect(result.vehicles).toBe(check.vehicles);
    expect(result.distance).toBeCloseTo(check.distance, 9);
    expect(result.routes.flat()).toHaveLength(25);
  });

  it('prints the routes as text with the depot at both ends', async () => {
    const text = await run([file, '--max-iterations', '300']);
    expect(text).toMatch(/^instance {2}random-25-3 \(25 customers\)/);
    expect(text).toMatch(/route {3}1 {2}0( \d+)+ 0/);
  });

  it('names the file and line of a malformed instance', async () => {
    const bad = join(dir, 'bad.txt');
    writeFileSync(bad, toSolomonText(problem).replace(/\r\n {7}2 .*\r\n/, '\r\n       2  5  5\r\n'));
    await expect(run([bad])).rejects.toMatchObject({ code: 'invalid_file', message: expect.stringMatching(/bad\.txt line 12: a node row needs 7 numbers/) });
  });

  it('reports a missing file and bad flags', async () => {
    await expect(run([join(dir, 'nope.txt')])).rejects.toMatchObject({ code: 'file_unreadable', message: expect.stringContaining('no such file') });
    await expect(run([file, '--time-limit', '-1'])).rejects.toMatchObject({ code: 'invalid_argument', message: expect.stringContaining('--time-limit') });
  });
});
