/**
 * Route minimisation after Nagata & Bräysy (2009, "A powerful route minimization heuristic for the
 * VRPTW", Oper. Res. Letters 37:333–338). To delete a route, its customers go into an ejection pool and
 * are put back one at a time (last in, first out):
 *
 * 1. at a random feasible position, if there is one;
 * 2. else by a squeeze: insert with penalised time-window and capacity violation and repair by local
 *    moves (penalised-insertion.ts);
 * 3. else its failure count p goes up by one, and it is inserted with up to `maxEjected` other customers
 *    of one route thrown out into the pool, those with the smallest summed p (ejection-search.ts); then
 *    the solution is shaken by random feasible moves (perturbation.ts).
 *
 * When the pool is empty the route is gone and the next one is tried; when the budget runs out first,
 * the solution goes back to the last one with every customer routed. Every route outside a squeeze is
 * feasible.
 */
import type { RandomSource } from '@/lib/seeded-random';
import { EjectionScratch, findEjection } from './ejection-search';
import { LocalSearchScratch } from './local-search';
import { SqueezeScratch, squeeze } from './penalised-insertion';
import { perturb } from './perturbation';
import { RouteSet } from './route-set';

export interface RouteMinimisationOptions {
  /** Most customers thrown out to insert one (k_max; 5 in the paper). */
  maxEjected: number;
  /** Search nodes per route and insertion position in the ejection search. */
  ejectionNodeBudget: number;
  /** Random moves tried after each ejection (I_rand; 1000 in the paper). */
  perturbMoves: number;
  /** Near customers looked at by the squeeze and the perturbation. */
  granularity: number;
  /** Weight of time warp against capacity excess in the squeeze penalty. */
  alpha: number;
  /** Where a customer goes when it fits somewhere: a random feasible position (the paper) or the cheapest. */
  insertion: 'random' | 'cheapest';
}

export const DEFAULT_ROUTE_MINIMISATION: RouteMinimisationOptions = {
  maxEjected: 5,
  ejectionNodeBudget: 300,
  perturbMoves: 100,
  granularity: 20,
  alpha: 1,
  insertion: 'random',
};

export interface RouteMinimisationBudget {
  /** Called once per customer taken from the pool; true when the phase must stop. */
  exhausted(): boolean;
}

export interface RouteMinimisationStats {
  steps: number;
  squeezes: number;
  ejections: number;
}

/**
 * Deletes routes from `set` (feasible, every customer routed) until `lowerBound` vehicles or until the
 * budget runs out; `onEliminated` hears each vehicle count reached. `set` is left feasible and complete.
 */
export function minimiseRoutes(
  set: RouteSet,
  random: RandomSource,
  options: RouteMinimisationOptions,
  lowerBound: number,
  budget: RouteMinimisationBudget,
  onEliminated: (vehicles: number) => void,
): RouteMinimisationStats {
  const problem = set.problem;
  const snapshot = new RouteSet(problem);
  const counts = new Float64Array(problem.nodeCount);
  const squeezeScratch = new SqueezeScratch(problem.nodeCount, set.slotCount);
  const ejectionScratch = new EjectionScratch(problem.nodeCount);
  const moveScratch = new LocalSearchScratch(problem.nodeCount);
  const stats: RouteMinimisationStats = { steps: 0, squeezes: 0, ejections: 0 };
  const pool: number[] = [];
  while (set.usedRouteCount() > lowerBound && !budget.exhausted()) {
    snapshot.copyAllFrom(set);
    const slot = randomUsedSlot(set, random);
    const base = slot * set.stride;
    for (let p = 1; p <= set.length[slot]; p++) pool.push(set.nodes[base + p]);
    set.removeRange(slot, 1, set.length[slot]);
    counts.fill(1);
    while (pool.length > 0 && !budget.exhausted()) {
      stats.steps++;
      const customer = pool.pop()!;
      if (insertFeasible(set, customer, random, options.insertion === 'cheapest')) continue;
      if (squeeze(set, customer, random, options.alpha, options.granularity, squeezeScratch)) {
        stats.squeezes++;
        continue;
      }
      counts[customer]++;
      const ejection = findEjection(set, customer, counts, options.maxEjected, options.ejectionNodeBudget, random, ejectionScratch);
      if (ejection) {
        stats.ejections++;
        set.insert(ejection.slot, ejection.position, customer);
        for (const out of ejection.ejected) {
          set.removeRange(ejection.slot, set.positionOf[out], set.positionOf[out]);
          pool.push(out);
        }
      } else {
        pool.unshift(customer);
      }
      perturb(set, random, options.perturbMoves, options.granularity, moveScratch);
    }
    if (pool.length > 0) {
      pool.length = 0;
      set.copyAllFrom(snapshot);
      break;
    }
    onEliminated(set.usedRouteCount());
  }
  return stats;
}

function randomUsedSlot(set: RouteSet, random: RandomSource): number {
  let chosen = -1;
  let seen = 0;
  for (let slot = 0; slot < set.slotCount; slot++) if (set.length[slot] > 0 && random() * ++seen < 1) chosen = slot;
  return chosen;
}

/** Inserts `customer` at the cheapest or a uniformly drawn feasible position; false when there is none. */
function insertFeasible(set: RouteSet, customer: number, random: RandomSource, cheapest: boolean): boolean {
  const { demand, capacity, dueTime } = set.problem;
  let chosenSlot = -1;
  let chosenPosition = -1;
  let seen = 0;
  let bestCost = Infinity;
  for (let slot = 0; slot < set.slotCount; slot++) {
    const length = set.length[slot];
    if (length === 0 || set.load[slot] + demand[customer] > capacity) continue;
    const base = slot * set.stride;
    for (let position = 0; position <= length; position++) {
      if (set.start[base + position] > dueTime[customer]) break;
      const cost = set.insertionCost(slot, position, customer);
      if (cost === Infinity) continue;
      if (cheapest ? cost < bestCost : random() * ++seen < 1) {
        bestCost = cost;
        chosenSlot = slot;
        chosenPosition = position;
      }
    }
  }
  if (chosenSlot < 0) return false;
  set.insert(chosenSlot, chosenPosition, customer);
  return true;
}
