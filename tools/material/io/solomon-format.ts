/**
 * Reader for the Solomon VRPTW text format (Solomon 1987; also the Gehring & Homberger sets): a name
 * line, a VEHICLE section with "NUMBER CAPACITY", then a CUSTOMER section with one row of seven integers
 * per node (id, x, y, demand, ready time, due date, service time), the depot first as node 0. Parsed by
 * whitespace, so CRLF line ends and trailing spaces are fine. Pure: it takes the text, the caller reads
 * the file.
 */
import { AppError } from '@/lib/errors';
import type { RoutingNode, RoutingProblem } from '../engine/model';

const FORMAT_HINT =
  'Expected the Solomon format: a name line, "VEHICLE" with "NUMBER CAPACITY" and their two values, then "CUSTOMER" with one row of 7 numbers per node (CUST NO., XCOORD., YCOORD., DEMAND, READY TIME, DUE DATE, SERVICE TIME), depot 0 first.';

/** Parses an instance; `source` names the file in error messages, which give the line to fix. */
export function parseSolomon(text: string, source: string): RoutingProblem {
  const fail = (line: number, message: string): never => {
    throw new AppError('invalid_file', `${source} line ${line}: ${message}. ${FORMAT_HINT}`);
  };
  const lines = text.split(/\r?\n/);
  const firstLine = lines.findIndex((line) => line.trim() !== '');
  if (firstLine < 0) throw new AppError('invalid_file', `${source} is empty. ${FORMAT_HINT}`);
  const name = lines[firstLine].trim();
  const vehicleHeader = lines.findIndex((line) => /^\s*NUMBER\s+CAPACITY\s*$/i.test(line));
  if (vehicleHeader < 0) throw new AppError('invalid_file', `${source} has no "NUMBER CAPACITY" header in a VEHICLE section. ${FORMAT_HINT}`);
  let fleetLine = vehicleHeader + 1;
  while (fleetLine < lines.length && lines[fleetLine].trim() === '') fleetLine++;
  const fleet = (lines[fleetLine] ?? '').trim().split(/\s+/);
  if (fleet.length !== 2 || !fleet.every((token) => /^\d+$/.test(token))) {
    fail(fleetLine + 1, `expected two whole numbers (vehicles and capacity) after "NUMBER CAPACITY", found "${(lines[fleetLine] ?? '').trim()}"`);
  }
  const [vehicleLimit, capacity] = fleet.map(Number);
  if (vehicleLimit < 1 || capacity <= 0) fail(fleetLine + 1, 'the fleet needs at least one vehicle with a positive capacity');
  const customerHeader = lines.findIndex((line, i) => i > fleetLine && /^\s*CUSTOMER\s*$/i.test(line));
  if (customerHeader < 0) throw new AppError('invalid_file', `${source} has no CUSTOMER section after the vehicles. ${FORMAT_HINT}`);

  const nodes: RoutingNode[] = [];
  for (let i = customerHeader + 1; i < lines.length; i++) {
    const content = lines[i].trim();
    if (content === '' || /^CUST/i.test(content)) continue;
    const tokens = content.split(/\s+/);
    if (tokens.length !== 7) fail(i + 1, `a node row needs 7 numbers, found ${tokens.length} ("${content}")`);
    const numbers = tokens.map((token) => {
      const value = Number(token);
      if (!/^-?\d+(\.\d+)?$/.test(token) || !Number.isFinite(value)) fail(i + 1, `"${token}" is not a number`);
      return value;
    });
    const [id, x, y, demand, readyTime, dueTime, serviceTime] = numbers;
    if (id !== nodes.length) fail(i + 1, `expected node ${nodes.length} next, found node ${id} (nodes must be numbered 0, 1, 2, … without gaps)`);
    if (readyTime > dueTime) fail(i + 1, `node ${id} has ready time ${readyTime} after its due date ${dueTime}`);
    if (demand < 0 || serviceTime < 0) fail(i + 1, `node ${id} has a negative demand or service time`);
    if (id === 0 && demand !== 0) fail(i + 1, `the depot (node 0) has demand ${demand}; it must be 0`);
    nodes.push({ id, x, y, demand, readyTime, dueTime, serviceTime });
  }
  if (nodes.length < 2)
    throw new AppError('invalid_file', `${source} has ${nodes.length === 0 ? 'no depot and no' : 'a depot but no'} customers. ${FORMAT_HINT}`);
  return { name, vehicleLimit, capacity, nodes };
}
