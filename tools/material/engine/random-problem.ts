/**
 * Seeded random VRPTW instances in the spirit of Solomon's R sets, for tests and demos: customers
 * uniform on a 100 x 100 square around a central depot, windows placed so that each customer can be
 * served by a vehicle of its own. The same seed gives the same instance on every machine.
 */
import { seededRandom } from '@/lib/seeded-random';
import type { RoutingNode, RoutingProblem } from './model';

export interface RandomProblemOptions {
  customers: number;
  seed: number;
  capacity?: number;
  horizon?: number;
  /** Time-window width range; narrow windows make the problem tight. */
  minWindow?: number;
  maxWindow?: number;
}

export function randomRoutingProblem({
  customers,
  seed,
  capacity = 100,
  horizon = 600,
  minWindow = 30,
  maxWindow = 150,
}: RandomProblemOptions): RoutingProblem {
  const random = seededRandom(seed >>> 0);
  const nodes: RoutingNode[] = [{ id: 0, x: 50, y: 50, demand: 0, readyTime: 0, dueTime: horizon, serviceTime: 0 }];
  const serviceTime = 10;
  for (let id = 1; id <= customers; id++) {
    const x = Math.round(random() * 100);
    const y = Math.round(random() * 100);
    const fromDepot = Math.hypot(x - 50, y - 50);
    const earliest = Math.ceil(fromDepot);
    const latest = Math.floor(horizon - fromDepot - serviceTime);
    const width = minWindow + Math.round(random() * (maxWindow - minWindow));
    const readyTime = earliest + Math.floor(random() * Math.max(0, latest - earliest - width));
    const dueTime = Math.min(latest, readyTime + width);
    nodes.push({ id, x, y, demand: 1 + Math.floor(random() * 30), readyTime, dueTime, serviceTime });
  }
  return { name: `random-${customers}-${seed}`, vehicleLimit: customers, capacity, nodes };
}
