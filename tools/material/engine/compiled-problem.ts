/**
 * The problem in the shape the search needs: typed arrays indexed by node id, the full distance matrix
 * computed once, and for every customer the other customers ordered by distance (the ruin step walks
 * these). Built once per solve; nothing here changes afterwards.
 */
import { AppError } from '@/lib/errors';
import type { RoutingProblem } from './model';

export interface CompiledProblem {
  name: string;
  /** Number of customers; node ids run 0..customerCount. */
  customerCount: number;
  /** customerCount + 1, the row length of `distance`. */
  nodeCount: number;
  vehicleLimit: number;
  capacity: number;
  demand: Float64Array;
  readyTime: Float64Array;
  dueTime: Float64Array;
  serviceTime: Float64Array;
  /** distance[a * nodeCount + b], Euclidean, unrounded; also the travel time. */
  distance: Float64Array;
  /** neighbours[(c - 1) * customerCount + k]: the k-th nearest customer to customer c (k = 0 is c itself). */
  neighbours: Int32Array;
  /** At least this many vehicles are needed to carry the total demand. */
  vehicleLowerBound: number;
}

export function compileProblem(problem: RoutingProblem): CompiledProblem {
  const nodes = problem.nodes;
  const nodeCount = nodes.length;
  const customerCount = nodeCount - 1;
  if (customerCount < 1) throw new AppError('invalid_argument', `${problem.name} has no customers; a routing problem needs a depot and at least one customer.`);
  nodes.forEach((node, i) => {
    if (node.id !== i) throw new AppError('invalid_argument', `${problem.name}: node ${i} has id ${node.id}; ids must run 0..n in order.`);
  });
  const demand = Float64Array.from(nodes, (n) => n.demand);
  const readyTime = Float64Array.from(nodes, (n) => n.readyTime);
  const dueTime = Float64Array.from(nodes, (n) => n.dueTime);
  const serviceTime = Float64Array.from(nodes, (n) => n.serviceTime);
  const distance = new Float64Array(nodeCount * nodeCount);
  for (let a = 0; a < nodeCount; a++) {
    for (let b = 0; b < nodeCount; b++) {
      distance[a * nodeCount + b] = Math.hypot(nodes[a].x - nodes[b].x, nodes[a].y - nodes[b].y);
    }
  }
  const depotDue = dueTime[0];
  let totalDemand = 0;
  for (let c = 1; c < nodeCount; c++) {
    totalDemand += demand[c];
    if (demand[c] > problem.capacity) {
      throw new AppError(
        'invalid_argument',
        `${problem.name}: customer ${c} needs ${demand[c]}, more than a vehicle carries (${problem.capacity}); no solution exists.`,
      );
    }
    const arrival = Math.max(readyTime[0] + distance[c], readyTime[c]);
    if (arrival > dueTime[c] || arrival + serviceTime[c] + distance[c * nodeCount] > depotDue) {
      throw new AppError(
        'invalid_argument',
        `${problem.name}: customer ${c} cannot be served in its time window [${readyTime[c]}, ${dueTime[c]}] even by a vehicle of its own; no solution exists.`,
      );
    }
  }
  // Ordered by distance; index 0 holds the customer itself (distance 0, ties broken by id).
  const neighbours = new Int32Array(customerCount * customerCount);
  const order = Array.from({ length: customerCount }, (_, i) => i + 1);
  for (let c = 1; c < nodeCount; c++) {
    const row = c * nodeCount;
    order.sort((a, b) => (a === c ? -1 : b === c ? 1 : distance[row + a] - distance[row + b] || a - b));
    neighbours.set(order, (c - 1) * customerCount);
  }
  return {
    name: problem.name,
    customerCount,
    nodeCount,
    vehicleLimit: problem.vehicleLimit,
    capacity: problem.capacity,
    demand,
    readyTime,
    dueTime,
    serviceTime,
    distance,
    neighbours,
    vehicleLowerBound: Math.max(1, Math.ceil(totalDemand / problem.capacity - 1e-9)),
  };
}
