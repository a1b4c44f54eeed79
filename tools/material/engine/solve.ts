/**
 * The VRPTW solver: fewest vehicles first, then least distance. A greedy construction, then two phases:
 *
 * 1. Route elimination, in two stages.
 *    a. Nagata & Bräysy's ejection pool (2009; route-minimisation.ts): take out a route, put its
 *       customers back one by one at a feasible position, else by a squeeze (insertion with penalised
 *       time warp and capacity excess, repaired by local moves; penalised-insertion.ts), else by ejecting
 *       up to five customers of one route with the smallest summed failure counts (ejection-search.ts),
 *       with random feasible moves after each ejection (perturbation.ts). It reaches the best-known
 *       vehicle count of most R1/RC1 instances in well under a second. It stops when it has removed no
 *       route for `ejectionPoolStallShare` of the budget.
 *    b. SISR elimination (Christiaens & Vanden Berghe 2020; string-removal.ts) from there: take out the
 *       smallest route and keep ruining (mostly next to a customer left out) and recreating without
 *       opening routes; a candidate is accepted when fewer customers are left out, or when the ones left
 *       out have been left out no more often so far (the "absence" counts). On long routes (R2, RC2) the
 *       ejection search runs out of its node budget and this stage is the one that removes the last
 *       route. It stops at the capacity bound, at `eliminationShare` of the budget, or after a stall.
 * 2. Distance. Simulated annealing over SISR ruin-and-recreate at the vehicle count reached, never
 *    opening a route; each complete candidate is polished by a granular local search (relocate, 2-opt*;
 *    local-search.ts) before the acceptance test.
 *
 * Pure: the clock is passed in (`clock.now`, milliseconds) and read only to stop; with `maxIterations`
 * and no time limit the result depends on the seed alone.
 */
import { AppError } from '@/lib/errors';
import { seededRandom } from '@/lib/seeded-random';
import { compileProblem } from './compiled-problem';
import type { RoutingProblem, Routes } from './model';
import { LocalSearchScratch, localSearch } from './local-search';
import { RouteSet } from './route-set';
import { DEFAULT_ROUTE_MINIMISATION, minimiseRoutes, type RouteMinimisationOptions } from './route-minimisation';
import { DEFAULT_STRING_REMOVAL, recreateGreedy, ruinStrings, StringRemovalScratch, type StringRemovalParameters } from './string-removal';

export interface SolveOptions {
  seed: number;
  /** Stop after this much time on `clock`. */
  timeLimitMs?: number;
  /** Stop after this many ruin-and-recreate iterations (both phases together). */
  maxIterations?: number;
  /**
   * Share of the budget given to route elimination at most. It stops early at the capacity bound, and
   * when it has removed no route for `eliminationStallShare` of the budget.
   */
  eliminationShare?: number;
  eliminationStallShare?: number;
  /**
   * How routes are eliminated: Nagata & Bräysy's ejection pool with squeeze and ejection search
   * (route-minimisation.ts, the default), or SISR ruin-and-recreate with absence counts.
   */
  routeMinimisation?: 'ejection-pool' | 'string-removal';
  /** The ejection pool stops when it has removed no route for this share of the budget; SISR elimination follows. */
  ejectionPoolStallShare?: number;
  ejectionPool?: Partial<RouteMinimisationOptions>;
  /** Chance that a route-elimination ruin starts next to a customer left out rather than anywhere. */
  eliminationFocus?: number;
  /** Polish every complete candidate of the distance phase with the granular local search, or not. */
  localSearch?: 'candidates' | 'off';
  /** Nearest customers the local search looks at for each customer. */
  granularity?: number;
  /** Annealing temperature at the start and end of the distance phase, as multiples of the mean arc length. */
  startTemperature?: number;
  endTemperature?: number;
  /** Operator parameters for route elimination and for the distance phase. */
  eliminationStringRemoval?: Partial<StringRemovalParameters>;
  stringRemoval?: Partial<StringRemovalParameters>;
}

export interface SolveClock {
  now(): number;
}

export interface SolveResult {
  routes: Routes;
  vehicles: number;
  distance: number;
  /** The first complete solution (greedy insertion), before any search. */
  construction: { vehicles: number; distance: number };
  iterations: number;
  eliminationIterations: number;
  /** Distance-phase candidates rejected because recreate left a customer out. */
  incompleteCandidates: number;
  /** When route elimination reached each vehicle count. */
  eliminations: { vehicles: number; atMs: number }[];
  elapsedMs: number;
  bestFoundAfterMs: number;
  /** Vehicles needed to carry the total demand; elimination stops there. */
  vehicleLowerBound: number;
  stopReason: 'time_limit' | 'iteration_limit';
}

export function solveVrptw(problem: RoutingProblem, options: SolveOptions, clock: SolveClock): SolveResult {
  const { timeLimitMs, maxIterations } = options;
  if (timeLimitMs === undefined && maxIterations === undefined) {
    throw new AppError('invalid_argument', 'Give the routing solver a time limit or an iteration budget (or both).');
  }
  const eliminationShare = options.eliminationShare ?? 0.6;
  const eliminationStallShare = options.eliminationStallShare ?? 0.3;
  const ejectionPoolStallShare = options.ejectionPoolStallShare ?? 0.1;
  const eliminationParameters = { ...DEFAULT_STRING_REMOVAL, ...options.eliminationStringRemoval };
  // Tight instances (long routes that fill the horizon, as in C2 and R2) need bigger ruins to move at all.
  const parameters = { ...DEFAULT_STRING_REMOVAL, meanRemoved: 20, ...options.stringRemoval };
  const compiled = compileProblem(problem);
  const random = seededRandom((Math.floor(options.seed) ^ 0x5bd1e995) >>> 0);
  const scratch = new StringRemovalScratch(compiled.customerCount, compiled.nodeCount);
  const startedMs = clock.now();
  const limitMs = timeLimitMs ?? Infinity;
  const limitIterations = maxIterations ?? Infinity;
  let iterations = 0;
  let elapsedMs = 0;
  /**
   * Share of the budget used so far, in [0, 1]. The clock is read every 16th call only: a CPU-time
   * clock is a system call, and reading it every iteration cost a third of the run.
   */
  let calls = 0;
  const progress = (): number => {
    if ((calls++ & 15) === 0) elapsedMs = clock.now() - startedMs;
    return Math.min(1, Math.max(iterations / limitIterations, elapsedMs / limitMs));
  };

  const current = new RouteSet(compiled);
  recreateGreedy(current, random, parameters, scratch, true, compiled.customerCount);
  const candidate = new RouteSet(compiled);
  const best = new RouteSet(compiled);
  candidate.copyAllFrom(current);
  best.copyAllFrom(current);
  const construction = { vehicles: current.usedRouteCount(), distance: current.totalDistance() };
  let bestVehicles = construction.vehicles;
  let bestDistance = construction.distance;
  let bestFoundAfterMs = 0;

  // Phase 1: route elimination.
  const absences = new Float64Array(compiled.nodeCount);
  const absenceSum = (set: RouteSet): number => {
    let sum = 0;
    for (let i = 0; i < set.unassignedCount; i++) sum += absences[set.unassigned[i]];
    return sum;
  };
  const eliminations: { vehicles: number; atMs: number }[] = [];
  let lastEliminationShare = 0;
  if (options.routeMinimisation !== 'string-removal') {
    minimiseRoutes(
      current,
      random,
      { ...DEFAULT_ROUTE_MINIMISATION, ...options.ejectionPool },
      compiled.vehicleLowerBound,
      {
        exhausted: () => {
          iterations++;
          const share = progress();
          return share >= eliminationShare || share - lastEliminationShare > ejectionPoolStallShare;
        },
      },
      (vehicles) => {
        best.copyAllFrom(current);
        bestVehicles = vehicles;
        bestDistance = best.totalDistance();
        bestFoundAfterMs = elapsedMs;
        lastEliminationShare = progress();
        eliminations.push({ vehicles, atMs: elapsedMs });
      },
    );
    // Long routes (R2, RC2) defeat the ejection search within the budget; SISR carries on from here.
    lastEliminationShare = progress();
  }
  if (bestVehicles > compiled.vehicleLowerBound) {
    removeSmallestRoute(current, random);
    candidate.copyAllFrom(current);
  }
  for (let share = progress(); bestVehicles > compiled.vehicleLowerBound && share < eliminationShare; share = progress()) {
    if (share - lastEliminationShare > eliminationStallShare) break;
    iterations++;
    candidate.clearTouched();
    const nearLeftOut = candidate.unassignedCount > 0 && random() < (options.eliminationFocus ?? 0.9);
    ruinStrings(candidate, random, eliminationParameters, scratch, nearLeftOut ? candidate.unassigned[Math.floor(random() * candidate.unassignedCount)] : -1);
    recreateGreedy(candidate, random, eliminationParameters, scratch, false, 0);
    const accept = candidate.unassignedCount < current.unassignedCount || absenceSum(candidate) <= absenceSum(current);
    for (let i = 0; i < candidate.unassignedCount; i++) absences[candidate.unassigned[i]]++;
    if (!accept) {
      candidate.revertTouchedFrom(current);
      continue;
    }
    current.copyTouchedFrom(candidate);
    if (current.unassignedCount > 0) continue;
    best.copyAllFrom(current);
    bestVehicles = best.usedRouteCount();
    bestDistance = best.totalDistance();
    bestFoundAfterMs = elapsedMs;
    lastEliminationShare = share;
    eliminations.push({ vehicles: bestVehicles, atMs: elapsedMs });
    if (bestVehicles <= compiled.vehicleLowerBound) break;
    removeSmallestRoute(current, random);
    candidate.copyAllFrom(current);
  }
  const eliminationIterations = iterations;

  // Phase 2: distance, by simulated annealing at the vehicle count reached. A candidate in which
  // recreate could not place every customer is rejected (opening a route would add a vehicle).
  current.copyAllFrom(best);
  candidate.copyAllFrom(best);
  let currentCost = bestDistance;
  const meanArc = bestDistance / (compiled.customerCount + bestVehicles);
  const startTemperature = (options.startTemperature ?? 1) * meanArc;
  const endTemperature = (options.endTemperature ?? 0.01) * meanArc;
  const phaseStart = progress();
  let incompleteCandidates = 0;
  const localSearchMode = options.localSearch ?? 'candidates';
  const granularity = options.granularity ?? 20;
  const localScratch = new LocalSearchScratch(compiled.nodeCount);
  for (let share = phaseStart; share < 1; share = progress()) {
    iterations++;
    const phaseShare = phaseStart < 1 ? (share - phaseStart) / (1 - phaseStart) : 1;
    const temperature = startTemperature * Math.pow(endTemperature / startTemperature, phaseShare);
    candidate.clearTouched();
    ruinStrings(candidate, random, parameters, scratch);
    if (recreateGreedy(candidate, random, parameters, scratch, false, 0) > 0) {
      incompleteCandidates++;
      candidate.revertTouchedFrom(current);
      continue;
    }
    if (localSearchMode === 'candidates') localSearch(candidate, random, granularity, localScratch, true);
    let candidateCost = currentCost;
    for (let i = 0; i < candidate.touchedCount; i++) {
      const slot = candidate.touched[i];
      candidateCost += candidate.routeDistance[slot] - current.routeDistance[slot];
    }
    if (candidateCost < currentCost - temperature * Math.log(random())) {
      current.copyTouchedFrom(candidate);
      currentCost = candidateCost;
      if (candidateCost < bestDistance - 1e-9) {
        best.copyAllFrom(current);
        // Recomputed from the routes so that rounding in the running sum never accumulates.
        bestDistance = best.totalDistance();
        currentCost = bestDistance;
        bestFoundAfterMs = elapsedMs;
      }
    } else {
      candidate.revertTouchedFrom(current);
    }
  }

  return {
    routes: best.toRoutes(),
    // The distance phase may empty a route on its own.
    vehicles: best.usedRouteCount(),
    distance: bestDistance,
    construction,
    iterations,
    eliminationIterations,
    eliminations,
    incompleteCandidates,
    elapsedMs,
    bestFoundAfterMs,
    vehicleLowerBound: compiled.vehicleLowerBound,
    stopReason: iterations >= limitIterations ? 'iteration_limit' : 'time_limit',
  };
}

/** Moves the customers of the shortest (fewest customers) route to `unassigned`; ties go by chance. */
function removeSmallestRoute(set: RouteSet, random: () => number): void {
  let chosen = -1;
  let ties = 0;
  for (let slot = 0; slot < set.slotCount; slot++) {
    const length = set.length[slot];
    if (length === 0) continue;
    if (chosen < 0 || length < set.length[chosen]) {
      chosen = slot;
      ties = 1;
    } else if (length === set.length[chosen] && random() * ++ties < 1) {
      chosen = slot;
    }
  }
  if (chosen >= 0) set.removeRange(chosen, 1, set.length[chosen]);
}
