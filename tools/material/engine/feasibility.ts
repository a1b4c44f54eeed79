/**
 * Independent feasibility check of a VRPTW solution, written straight from the rules (no shared code
 * with the search): every customer exactly once, no depot inside a route, at most the fleet size, load
 * within capacity, service starting by each due time (waiting when early, service time before leaving),
 * and back at the depot by its due time. Times and distances are compared with a 1e-6 tolerance, as the
 * reference checker in the benchmark data does.
 */
import type { RoutingProblem, Routes } from './model';

export interface RouteCheck {
  violations: string[];
  /** Non-empty routes. */
  vehicles: number;
  distance: number;
}

const TOLERANCE = 1e-6;

export function checkRoutes(problem: RoutingProblem, routes: Routes): RouteCheck {
  const nodes = problem.nodes;
  const customerCount = nodes.length - 1;
  const violations: string[] = [];
  const visits = new Array<number>(nodes.length).fill(0);
  const leg = (a: number, b: number) => Math.hypot(nodes[a].x - nodes[b].x, nodes[a].y - nodes[b].y);
  let vehicles = 0;
  let distance = 0;
  routes.forEach((route, r) => {
    if (route.length === 0) return;
    vehicles++;
    let load = 0;
    let time = nodes[0].readyTime;
    let previous = 0;
    for (const customer of route) {
      if (!Number.isInteger(customer) || customer < 1 || customer > customerCount) {
        violations.push(`route ${r + 1} visits ${customer}, which is not a customer id (1..${customerCount})`);
        return;
      }
      visits[customer]++;
      const node = nodes[customer];
      load += node.demand;
      const travel = leg(previous, customer);
      distance += travel;
      time = Math.max(time + nodes[previous].serviceTime + travel, node.readyTime);
      if (time > node.dueTime + TOLERANCE) {
        violations.push(`route ${r + 1} reaches customer ${customer} at ${time.toFixed(2)}, after its due time ${node.dueTime}`);
      }
      previous = customer;
    }
    const back = leg(previous, 0);
    distance += back;
    time += nodes[previous].serviceTime + back;
    if (time > nodes[0].dueTime + TOLERANCE) violations.push(`route ${r + 1} returns to the depot at ${time.toFixed(2)}, after ${nodes[0].dueTime}`);
    if (load > problem.capacity + TOLERANCE) violations.push(`route ${r + 1} carries ${load}, more than the capacity ${problem.capacity}`);
  });
  for (let c = 1; c <= customerCount; c++) {
    if (visits[c] === 0) violations.push(`customer ${c} is not served`);
    else if (visits[c] > 1) violations.push(`customer ${c} is served ${visits[c]} times`);
  }
  if (vehicles > problem.vehicleLimit) violations.push(`${vehicles} vehicles are used but only ${problem.vehicleLimit} are available`);
  return { violations, vehicles, distance };
}
