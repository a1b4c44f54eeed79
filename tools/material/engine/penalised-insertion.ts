/**
 * Insertion that may break the constraints, then a repair: the "squeeze" of Nagata & Bräysy (2009, A
 * powerful route minimization heuristic for the VRPTW, Oper. Res. Letters 37). A customer that fits
 * nowhere is put where the penalty F = capacity excess + alpha * time warp grows least; then local moves
 * between an infeasible route and its neighbours' routes (relocate, swap, both 2-opt* exchanges) are
 * applied, best first, while they lower F. The squeeze succeeds when F reaches 0 (every route feasible
 * again); otherwise every route it changed is put back as it was.
 *
 * Time warp (Nagata, Bräysy & Dullaert 2010): a vehicle arriving after a due time "travels back" to it
 * and the lateness is the penalty, so one late customer does not push all the others. On a feasible
 * route the warp of an insertion is found in O(1) from the cached service starts and latest starts;
 * moves between routes that break their windows are scored in O(1) from time-warp segments
 * (time-warp-segments.ts), and only the chosen move is built and checked by a full scan.
 */
import type { RandomSource } from '@/lib/seeded-random';
import type { RouteSet } from './route-set';
import { TimeWarpSegments } from './time-warp-segments';

const EPSILON = 1e-9;

export class SqueezeScratch {
  readonly bufferA: Int32Array;
  readonly bufferB: Int32Array;
  readonly segments: TimeWarpSegments;
  readonly penalty: Float64Array;
  /** Routes changed by the current squeeze, with their customer lists before it. */
  readonly savedSlots: number[] = [];
  readonly saved: Int32Array[] = [];
  readonly isSaved: Uint8Array;

  constructor(nodeCount: number, slotCount: number) {
    this.bufferA = new Int32Array(nodeCount + 2);
    this.bufferB = new Int32Array(nodeCount + 2);
    this.segments = new TimeWarpSegments(slotCount * (nodeCount + 1));
    this.penalty = new Float64Array(slotCount);
    this.isSaved = new Uint8Array(slotCount);
  }
}

/** Capacity excess plus alpha times the time warp of the route 0, customers[0..count), 0. */
export function routePenalty(set: RouteSet, customers: Int32Array, count: number, alpha: number): number {
  const { distance, serviceTime, readyTime, dueTime, demand, capacity, nodeCount } = set.problem;
  let time = readyTime[0];
  let warp = 0;
  let load = 0;
  let previous = 0;
  for (let p = 0; p < count; p++) {
    const node = customers[p];
    time += serviceTime[previous] + distance[previous * nodeCount + node];
    if (time < readyTime[node]) time = readyTime[node];
    if (time > dueTime[node]) {
      warp += time - dueTime[node];
      time = dueTime[node];
    }
    load += demand[node];
    previous = node;
  }
  time += serviceTime[previous] + distance[previous * nodeCount];
  if (time > dueTime[0]) warp += time - dueTime[0];
  return (load > capacity ? load - capacity : 0) + alpha * warp;
}

/**
 * Penalty of inserting `customer` after `position` of a feasible route: capacity excess plus alpha times
 * the time warp (exact for time warp, from the cached schedule).
 */
export function insertionPenalty(set: RouteSet, slot: number, position: number, customer: number, alpha: number): number {
  const { distance, serviceTime, readyTime, dueTime, demand, capacity, nodeCount } = set.problem;
  const base = slot * set.stride;
  const before = set.nodes[base + position];
  const after = set.nodes[base + position + 1];
  let start = set.start[base + position] + serviceTime[before] + distance[before * nodeCount + customer];
  if (start < readyTime[customer]) start = readyTime[customer];
  let warp = 0;
  if (start > dueTime[customer]) {
    warp = start - dueTime[customer];
    start = dueTime[customer];
  }
  const next = start + serviceTime[customer] + distance[customer * nodeCount + after];
  if (next > set.latest[base + position + 1]) warp += next - set.latest[base + position + 1];
  const excess = set.load[slot] + demand[customer] - capacity;
  return (excess > 0 ? excess : 0) + alpha * warp;
}

/**
 * Inserts `customer` (unassigned; no feasible position exists) at its least penalised position and
 * repairs by local moves. Returns true when every route is feasible again; on false the routes are as
 * before and `customer` is still unassigned. `maxSteps` bounds the number of moves applied.
 */
export function squeeze(
  set: RouteSet,
  customer: number,
  random: RandomSource,
  alpha: number,
  granularity: number,
  scratch: SqueezeScratch,
  maxSteps = 200,
): boolean {
  const { distance, nodeCount } = set.problem;
  let bestPenalty = Infinity;
  let bestExtra = Infinity;
  let bestSlot = -1;
  let bestPosition = -1;
  for (let slot = 0; slot < set.slotCount; slot++) {
    const length = set.length[slot];
    if (length === 0) continue;
    const base = slot * set.stride;
    for (let position = 0; position <= length; position++) {
      const penalty = insertionPenalty(set, slot, position, customer, alpha);
      if (penalty > bestPenalty + EPSILON) continue;
      const before = set.nodes[base + position];
      const after = set.nodes[base + position + 1];
      const extra = distance[before * nodeCount + customer] + distance[customer * nodeCount + after] - distance[before * nodeCount + after];
      if (penalty < bestPenalty - EPSILON || extra < bestExtra) {
        bestPenalty = penalty;
        bestExtra = extra;
        bestSlot = slot;
        bestPosition = position;
      }
    }
  }
  if (bestSlot < 0) return false;
  beginJournal(set, scratch);
  save(set, scratch, bestSlot);
  set.insert(bestSlot, bestPosition, customer);
  const penalty = scratch.penalty;
  penalty[bestSlot] = bestPenalty;
  for (let slot = 0; slot < set.slotCount; slot++) if (set.length[slot] > 0) scratch.segments.compute(set, slot);
  const infeasible: number[] = [bestSlot];
  for (let step = 0; step < maxSteps && infeasible.length > 0; step++) {
    const route = infeasible[Math.floor(random() * infeasible.length)];
    if (!applyBestMove(set, route, alpha, granularity, scratch)) break;
    infeasible.length = 0;
    for (const slot of scratch.savedSlots) if (penalty[slot] > 0) infeasible.push(slot);
  }
  if (infeasible.length === 0) return true;
  rollback(set, scratch);
  set.unassigned[set.unassignedCount++] = customer;
  return false;
}

function beginJournal(set: RouteSet, scratch: SqueezeScratch): void {
  for (const slot of scratch.savedSlots) scratch.isSaved[slot] = 0;
  scratch.savedSlots.length = 0;
  scratch.saved.length = 0;
}

function save(set: RouteSet, scratch: SqueezeScratch, slot: number): void {
  if (scratch.isSaved[slot]) return;
  scratch.isSaved[slot] = 1;
  scratch.savedSlots.push(slot);
  const base = slot * set.stride;
  scratch.saved.push(set.nodes.slice(base + 1, base + 1 + set.length[slot]));
  scratch.penalty[slot] = 0;
}

/**
 * Writes back every saved route. Moves stay among saved routes, so rewriting them reassigns every
 * customer they held before; the squeezed customer, in none of them before, is left with no route.
 */
function rollback(set: RouteSet, scratch: SqueezeScratch): void {
  for (const slot of scratch.savedSlots) {
    const base = slot * set.stride;
    for (let p = 1; p <= set.length[slot]; p++) set.routeOf[set.nodes[base + p]] = -1;
  }
  for (let i = 0; i < scratch.savedSlots.length; i++) set.setRoute(scratch.savedSlots[i], scratch.saved[i], scratch.saved[i].length);
  for (let i = 0; i < scratch.savedSlots.length; i++) scratch.isSaved[scratch.savedSlots[i]] = 0;
  scratch.savedSlots.length = 0;
  scratch.saved.length = 0;
}

/**
 * Finds the move between route `route` (infeasible) and a route of a near customer that lowers the
 * summed penalty of the two routes most, and applies it. Moves are scored in O(1) from the time-warp
 * segments; only the chosen one is built. Returns false when no move lowers the penalty.
 */
function applyBestMove(set: RouteSet, route: number, alpha: number, granularity: number, scratch: SqueezeScratch): boolean {
  const { neighbours, customerCount, demand, capacity } = set.problem;
  const segments = scratch.segments;
  const stride = set.stride;
  const penalty = scratch.penalty;
  const loadThrough = set.loadThrough;
  const k = Math.min(granularity, customerCount - 1);
  const baseR = route * stride;
  const lengthR = set.length[route];
  const loadR = set.load[route];
  const excess = (load: number) => (load > capacity ? load - capacity : 0);
  let bestDelta = -EPSILON;
  let bestMove = -1;
  let bestU = 0;
  let bestV = 0;
  for (let pu = 1; pu <= lengthR; pu++) {
    const u = set.nodes[baseR + pu];
    const row = (u - 1) * customerCount;
    for (let n = 1; n <= k; n++) {
      const v = neighbours[row + n];
      const other = set.routeOf[v];
      if (other < 0 || other === route) continue;
      const before = penalty[route] + (scratch.isSaved[other] ? penalty[other] : 0);
      const baseS = other * stride;
      const loadS = set.load[other];
      const pv = set.positionOf[v];
      // The route without u, for both relocations.
      segments.beginPrefix(set, route, pu - 1);
      segments.appendSuffix(set, route, pu + 1);
      const withoutU = excess(loadR - demand[u]) + alpha * segments.warp;
      for (let move = 0; move < 5; move++) {
        let first: number;
        let second: number;
        if (move <= 1) {
          // Relocate u before v (0) or after v (1).
          segments.beginPrefix(set, other, pv - 1 + move);
          segments.appendCustomer(set, u);
          segments.appendSuffix(set, other, pv + move);
          first = withoutU;
          second = excess(loadS + demand[u]) + alpha * segments.warp;
        } else if (move === 2) {
          // Swap u and v.
          segments.beginPrefix(set, route, pu - 1);
          segments.appendCustomer(set, v);
          segments.appendSuffix(set, route, pu + 1);
          first = excess(loadR - demand[u] + demand[v]) + alpha * segments.warp;
          segments.beginPrefix(set, other, pv - 1);
          segments.appendCustomer(set, u);
          segments.appendSuffix(set, other, pv + 1);
          second = excess(loadS - demand[v] + demand[u]) + alpha * segments.warp;
        } else {
          // 2-opt*: u -> v (3) joins the route's head through u to the other's tail from v; v -> u (4)
          // joins the other's head through v to this route's tail from u.
          const cutR = move === 3 ? pu : pu - 1;
          const cutS = move === 3 ? pv - 1 : pv;
          segments.beginPrefix(set, route, cutR);
          segments.appendSuffix(set, other, cutS + 1);
          first = excess(loadThrough[baseR + cutR] + loadS - loadThrough[baseS + cutS]) + alpha * segments.warp;
          segments.beginPrefix(set, other, cutS);
          segments.appendSuffix(set, route, cutR + 1);
          second = excess(loadThrough[baseS + cutS] + loadR - loadThrough[baseR + cutR]) + alpha * segments.warp;
        }
        const delta = first + second - before;
        if (delta < bestDelta) {
          bestDelta = delta;
          bestMove = move;
          bestU = u;
          bestV = v;
        }
      }
    }
  }
  if (bestMove < 0) return false;
  const other = set.routeOf[bestV];
  const [countA, countB] = buildMove(set, bestMove, route, set.positionOf[bestU], other, set.positionOf[bestV], scratch.bufferA, scratch.bufferB);
  save(set, scratch, other);
  set.setRoute(route, scratch.bufferA, countA);
  set.setRoute(other, scratch.bufferB, countB);
  penalty[route] = routePenalty(set, scratch.bufferA, countA, alpha);
  penalty[other] = routePenalty(set, scratch.bufferB, countB, alpha);
  segments.compute(set, route);
  segments.compute(set, other);
  return true;
}

/** Writes the two routes that a move (numbered as in applyBestMove) makes into `a` and `b`. */
function buildMove(set: RouteSet, move: number, route: number, pu: number, other: number, pv: number, a: Int32Array, b: Int32Array): [number, number] {
  const nodes = set.nodes;
  const baseR = route * set.stride;
  const baseS = other * set.stride;
  const lengthR = set.length[route];
  const lengthS = set.length[other];
  const u = nodes[baseR + pu];
  const v = nodes[baseS + pv];
  let countA = 0;
  let countB = 0;
  if (move <= 1) {
    for (let p = 1; p <= lengthR; p++) if (p !== pu) a[countA++] = nodes[baseR + p];
    for (let p = 1; p <= lengthS; p++) {
      if (p === pv && move === 0) b[countB++] = u;
      b[countB++] = nodes[baseS + p];
      if (p === pv && move === 1) b[countB++] = u;
    }
  } else if (move === 2) {
    for (let p = 1; p <= lengthR; p++) a[countA++] = p === pu ? v : nodes[baseR + p];
    for (let p = 1; p <= lengthS; p++) b[countB++] = p === pv ? u : nodes[baseS + p];
  } else {
    const cutR = move === 3 ? pu : pu - 1;
    const cutS = move === 3 ? pv - 1 : pv;
    for (let p = 1; p <= cutR; p++) a[countA++] = nodes[baseR + p];
    for (let p = cutS + 1; p <= lengthS; p++) a[countA++] = nodes[baseS + p];
    for (let p = 1; p <= cutS; p++) b[countB++] = nodes[baseS + p];
    for (let p = cutR + 1; p <= lengthR; p++) b[countB++] = nodes[baseR + p];
  }
  return [countA, countB];
}
