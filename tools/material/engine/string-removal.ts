/**
 * The two operators of Slack Induction by String Removals (SISR; Christiaens & Vanden Berghe,
 * Transportation Science 54(2), 2020), the ruin-and-recreate method that set many best-known VRPTW
 * results. Ruin removes short strings of consecutive customers from a few routes that lie near one
 * another (so the freed slack is in the same area); recreate puts the customers back one by one at the
 * cheapest feasible position, skipping each position with a small "blink" probability so that the
 * greedy choice varies.
 */
import type { RandomSource } from '@/lib/seeded-random';
import type { RouteSet } from './route-set';

export interface StringRemovalParameters {
  /** Average number of customers removed per ruin (c-bar). */
  meanRemoved: number;
  /** Longest string removed from one route (L-max). */
  maxStringLength: number;
  /** Chance that a ruined route loses a split string (a string with a kept middle part) instead. */
  splitRate: number;
  /** Chance to keep growing the kept middle part of a split string by one more customer. */
  splitDepth: number;
  /** Chance that recreate skips a candidate position. */
  blinkRate: number;
}

export const DEFAULT_STRING_REMOVAL: StringRemovalParameters = { meanRemoved: 10, maxStringLength: 10, splitRate: 0.5, splitDepth: 0.5, blinkRate: 0.01 };

/** Scratch space so that ruin and recreate allocate nothing per iteration. */
export class StringRemovalScratch {
  readonly ruined: Uint8Array;
  readonly order: Int32Array;
  readonly sortKey: Float64Array;

  constructor(slotCount: number, nodeCount: number) {
    this.ruined = new Uint8Array(slotCount);
    this.order = new Int32Array(nodeCount);
    this.sortKey = new Float64Array(nodeCount);
  }
}

/**
 * Removes strings from routes near a seed customer (random among the routed ones unless given; route
 * elimination seeds at customers left out, to free room where it is needed); the removed customers
 * join `set.unassigned`.
 */
export function ruinStrings(set: RouteSet, random: RandomSource, parameters: StringRemovalParameters, scratch: StringRemovalScratch, seedCustomer = -1): void {
  const problem = set.problem;
  const n = problem.customerCount;
  const assigned = n - set.unassignedCount;
  if (assigned === 0) return;
  const routes = set.usedRouteCount();
  const maxString = Math.min(parameters.maxStringLength, assigned / routes);
  const maxStrings = (4 * parameters.meanRemoved) / (1 + maxString) - 1;
  const stringCount = Math.floor(random() * maxStrings) + 1;
  let seed = seedCustomer;
  if (seed < 1) {
    seed = 1 + Math.floor(random() * n);
    while (set.routeOf[seed] < 0) seed = 1 + Math.floor(random() * n);
  }
  const ruined = scratch.ruined;
  let ruinedCount = 0;
  const row = (seed - 1) * n;
  for (let k = 0; k < n && ruinedCount < stringCount; k++) {
    const customer = problem.neighbours[row + k];
    const slot = set.routeOf[customer];
    if (slot < 0 || ruined[slot]) continue;
    ruined[slot] = 1;
    scratch.order[ruinedCount++] = slot;
    const routeLength = set.length[slot];
    const stringLength = Math.floor(random() * Math.min(routeLength, maxString)) + 1;
    const position = set.positionOf[customer];
    if (stringLength === routeLength || random() >= parameters.splitRate) {
      const from = chooseStringStart(position, stringLength, routeLength, random);
      set.removeRange(slot, from, from + stringLength - 1);
    } else {
      // Keep `kept` customers in the middle of a longer string; the others are removed.
      let kept = 1;
      while (stringLength + kept < routeLength && random() < parameters.splitDepth) kept++;
      const total = stringLength + kept;
      const from = chooseStringStart(position, total, routeLength, random);
      const keepFrom = from + 1 + Math.floor(random() * stringLength);
      set.removeRange(slot, from, from + total - 1, keepFrom, keepFrom + kept - 1);
    }
  }
  for (let i = 0; i < ruinedCount; i++) ruined[scratch.order[i]] = 0;
}

function chooseStringStart(position: number, length: number, routeLength: number, random: RandomSource): number {
  const lowest = Math.max(1, position - length + 1);
  const highest = Math.min(position, routeLength - length + 1);
  return lowest + Math.floor(random() * (highest - lowest + 1));
}

/**
 * Inserts every unassigned customer at its cheapest feasible position, in one of SISR's orders (random,
 * largest demand, farthest from or closest to the depot, tightest time window). With `allowNewRoutes`
 * a customer that fits nowhere opens a route while slots are free; otherwise it stays unassigned.
 * Returns how many customers are still unassigned.
 */
export function recreateGreedy(
  set: RouteSet,
  random: RandomSource,
  parameters: StringRemovalParameters,
  scratch: StringRemovalScratch,
  allowNewRoutes: boolean,
  maxRoutes: number,
): number {
  const problem = set.problem;
  const { demand, capacity, distance, readyTime, dueTime } = problem;
  const count = set.unassignedCount;
  const order = scratch.order;
  const key = scratch.sortKey;
  for (let i = 0; i < count; i++) order[i] = set.unassigned[i];
  for (let i = count - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    const swap = order[i];
    order[i] = order[j];
    order[j] = swap;
  }
  const pick = random() * 13;
  if (pick >= 4) {
    for (let i = 0; i < count; i++) {
      const c = order[i];
      key[c] = pick < 8 ? -demand[c] : pick < 10 ? -distance[c] : pick < 11 ? distance[c] : dueTime[c] - readyTime[c];
    }
    insertionSort(order, count, key);
  }
  const blink = parameters.blinkRate;
  let usedRoutes = set.usedRouteCount();
  for (let i = 0; i < count; i++) {
    const customer = order[i];
    let bestCost = Infinity;
    let bestSlot = -1;
    let bestPosition = -1;
    const due = dueTime[customer];
    for (let slot = 0; slot < set.slotCount; slot++) {
      const length = set.length[slot];
      if (length === 0 || set.load[slot] + demand[customer] > capacity) continue;
      const base = slot * set.stride;
      for (let position = 0; position <= length; position++) {
        if (set.start[base + position] > due) break;
        if (random() < blink) continue;
        const cost = set.insertionCost(slot, position, customer);
        if (cost < bestCost) {
          bestCost = cost;
          bestSlot = slot;
          bestPosition = position;
        }
      }
    }
    if (bestSlot < 0) {
      if (!allowNewRoutes || usedRoutes >= maxRoutes) continue;
      bestSlot = set.firstEmptySlot();
      if (bestSlot < 0) continue;
      bestPosition = 0;
      usedRoutes++;
    }
    set.insert(bestSlot, bestPosition, customer);
  }
  return set.unassignedCount;
}

/** Stable ascending sort of a short prefix by key (recreate sorts about ten customers). */
function insertionSort(items: Int32Array, count: number, key: Float64Array): void {
  for (let i = 1; i < count; i++) {
    const item = items[i];
    const value = key[item];
    let j = i - 1;
    while (j >= 0 && key[items[j]] > value) {
      items[j + 1] = items[j];
      j--;
    }
    items[j + 1] = item;
  }
}
