/**
 * A set of routes held in flat typed arrays, with each route's schedule cached so that inserting a
 * customer is checked in O(1): `start` is the service start at each position when the vehicle leaves
 * the depot at time 0, `latest` the latest service start at each position that keeps the rest of the
 * route on time (Savelsbergh's forward/backward time slack). Every route held here is feasible;
 * callers only insert where `insertionCost` said it fits.
 *
 * Routes live in fixed slots (an empty slot is an unused vehicle). The search keeps two copies, the
 * current solution and a candidate, and copies back and forth only the routes an iteration touched.
 */
import type { CompiledProblem } from './compiled-problem';

export class RouteSet {
  readonly problem: CompiledProblem;
  readonly slotCount: number;
  /** Positions per slot: depot, up to n customers, depot. */
  readonly stride: number;
  readonly nodes: Int32Array;
  readonly length: Int32Array;
  readonly load: Float64Array;
  readonly routeDistance: Float64Array;
  readonly start: Float64Array;
  readonly latest: Float64Array;
  /** Load delivered from the start of the route through each position. */
  readonly loadThrough: Float64Array;
  /** Slot of each customer, -1 while unassigned. */
  readonly routeOf: Int32Array;
  readonly positionOf: Int32Array;
  /** Customers in no route (during route elimination, and mid-iteration). */
  readonly unassigned: Int32Array;
  unassignedCount = 0;
  /** Slots changed since the last `clearTouched`. */
  readonly touched: Int32Array;
  readonly isTouched: Uint8Array;
  touchedCount = 0;

  constructor(problem: CompiledProblem, slotCount = problem.customerCount) {
    this.problem = problem;
    this.slotCount = slotCount;
    this.stride = problem.customerCount + 2;
    this.nodes = new Int32Array(slotCount * this.stride);
    this.length = new Int32Array(slotCount);
    this.load = new Float64Array(slotCount);
    this.routeDistance = new Float64Array(slotCount);
    this.start = new Float64Array(slotCount * this.stride);
    this.latest = new Float64Array(slotCount * this.stride);
    this.loadThrough = new Float64Array(slotCount * this.stride);
    this.routeOf = new Int32Array(problem.nodeCount).fill(-1);
    this.positionOf = new Int32Array(problem.nodeCount);
    this.unassigned = new Int32Array(problem.nodeCount);
    this.touched = new Int32Array(slotCount);
    this.isTouched = new Uint8Array(slotCount);
    for (let slot = 0; slot < slotCount; slot++) this.refresh(slot);
    for (let c = 1; c <= problem.customerCount; c++) this.unassigned[this.unassignedCount++] = c;
  }

  /** Recomputes load, distance and the cached schedule of one route after its node list changed. */
  refresh(slot: number): void {
    const { distance, serviceTime, readyTime, dueTime, demand, nodeCount } = this.problem;
    const base = slot * this.stride;
    const count = this.length[slot];
    const nodes = this.nodes;
    nodes[base] = 0;
    nodes[base + count + 1] = 0;
    let time = readyTime[0];
    this.start[base] = time;
    this.loadThrough[base] = 0;
    let load = 0;
    let length = 0;
    let previous = 0;
    for (let p = 1; p <= count + 1; p++) {
      const node = nodes[base + p];
      const leg = distance[previous * nodeCount + node];
      length += leg;
      time += serviceTime[previous] + leg;
      if (time < readyTime[node]) time = readyTime[node];
      this.start[base + p] = time;
      load += demand[node];
      this.loadThrough[base + p] = load;
      if (p <= count) {
        this.routeOf[node] = slot;
        this.positionOf[node] = p;
      }
      previous = node;
    }
    this.load[slot] = load;
    this.routeDistance[slot] = length;
    let latest = dueTime[0];
    this.latest[base + count + 1] = latest;
    for (let p = count; p >= 0; p--) {
      const node = nodes[base + p];
      latest -= distance[node * nodeCount + nodes[base + p + 1]] + serviceTime[node];
      if (latest > dueTime[node]) latest = dueTime[node];
      this.latest[base + p] = latest;
    }
  }

  touch(slot: number): void {
    if (this.isTouched[slot]) return;
    this.isTouched[slot] = 1;
    this.touched[this.touchedCount++] = slot;
  }

  clearTouched(): void {
    for (let i = 0; i < this.touchedCount; i++) this.isTouched[this.touched[i]] = 0;
    this.touchedCount = 0;
  }

  /**
   * Removes the customers at positions [from, to] of a route except those at [keepFrom, keepTo]
   * (an empty keep range when keepFrom > keepTo) and appends them to `unassigned`.
   */
  removeRange(slot: number, from: number, to: number, keepFrom = 1, keepTo = 0): void {
    const base = slot * this.stride;
    const count = this.length[slot];
    let write = from;
    for (let p = from; p <= count; p++) {
      const node = this.nodes[base + p];
      if (p <= to && (p < keepFrom || p > keepTo)) {
        this.routeOf[node] = -1;
        this.unassigned[this.unassignedCount++] = node;
      } else {
        this.nodes[base + write++] = node;
      }
    }
    this.length[slot] = write - 1;
    this.touch(slot);
    this.refresh(slot);
  }

  /** Inserts a customer after `position` (0 = right after the depot) and removes it from `unassigned`. */
  insert(slot: number, position: number, customer: number): void {
    const base = slot * this.stride;
    const count = this.length[slot];
    for (let p = count + 1; p > position; p--) this.nodes[base + p + 1] = this.nodes[base + p];
    this.nodes[base + position + 1] = customer;
    this.length[slot] = count + 1;
    this.touch(slot);
    this.refresh(slot);
    for (let i = 0; i < this.unassignedCount; i++) {
      if (this.unassigned[i] === customer) {
        this.unassigned[i] = this.unassigned[--this.unassignedCount];
        break;
      }
    }
  }

  /**
   * Extra distance of inserting `customer` after `position` in `slot`, or Infinity when the route would
   * miss a time window (capacity is the caller's check, once per route).
   */
  insertionCost(slot: number, position: number, customer: number): number {
    const { distance, serviceTime, readyTime, dueTime, nodeCount } = this.problem;
    const base = slot * this.stride;
    const before = this.nodes[base + position];
    const after = this.nodes[base + position + 1];
    const toCustomer = distance[before * nodeCount + customer];
    let serviceStart = this.start[base + position] + serviceTime[before] + toCustomer;
    if (serviceStart > dueTime[customer]) return Infinity;
    if (serviceStart < readyTime[customer]) serviceStart = readyTime[customer];
    const fromCustomer = distance[customer * nodeCount + after];
    if (serviceStart + serviceTime[customer] + fromCustomer > this.latest[base + position + 1]) return Infinity;
    return toCustomer + fromCustomer - distance[before * nodeCount + after];
  }

  /**
   * Replaces the customers of a route by `customers[0..count)` (which may come from other routes; the
   * caller rewrites those too). The route may break a time window or the capacity for a while: the
   * route-minimisation squeeze repairs such routes, and it reads only `nodes`, `length` and `load` of them.
   */
  setRoute(slot: number, customers: Int32Array, count: number): void {
    const base = slot * this.stride;
    for (let p = 0; p < count; p++) this.nodes[base + 1 + p] = customers[p];
    this.length[slot] = count;
    this.touch(slot);
    this.refresh(slot);
  }

  /** Copies one route (and the positions of its customers) from another set over the same problem. */
  copyRouteFrom(other: RouteSet, slot: number): void {
    const base = slot * this.stride;
    const count = other.length[slot];
    const end = base + count + 2;
    this.nodes.set(other.nodes.subarray(base, end), base);
    this.start.set(other.start.subarray(base, end), base);
    this.latest.set(other.latest.subarray(base, end), base);
    this.loadThrough.set(other.loadThrough.subarray(base, end), base);
    this.length[slot] = count;
    this.load[slot] = other.load[slot];
    this.routeDistance[slot] = other.routeDistance[slot];
    for (let p = 1; p <= count; p++) {
      const node = other.nodes[base + p];
      this.routeOf[node] = slot;
      this.positionOf[node] = p;
    }
  }

  private copyUnassignedFrom(other: RouteSet): void {
    this.unassignedCount = other.unassignedCount;
    for (let i = 0; i < other.unassignedCount; i++) {
      const c = other.unassigned[i];
      this.unassigned[i] = c;
      this.routeOf[c] = -1;
    }
  }

  /** Makes this set equal to `other` in the slots `other` touched (the undo/commit of one iteration). */
  copyTouchedFrom(other: RouteSet): void {
    for (let i = 0; i < other.touchedCount; i++) this.copyRouteFrom(other, other.touched[i]);
    this.copyUnassignedFrom(other);
  }

  /** Undoes this set's touched slots by copying them back from `other` (a rejected candidate). */
  revertTouchedFrom(other: RouteSet): void {
    for (let i = 0; i < this.touchedCount; i++) this.copyRouteFrom(other, this.touched[i]);
    this.copyUnassignedFrom(other);
  }

  copyAllFrom(other: RouteSet): void {
    for (let slot = 0; slot < this.slotCount; slot++) {
      if (this.length[slot] > 0 || other.length[slot] > 0) this.copyRouteFrom(other, slot);
    }
    this.copyUnassignedFrom(other);
  }

  usedRouteCount(): number {
    let used = 0;
    for (let slot = 0; slot < this.slotCount; slot++) if (this.length[slot] > 0) used++;
    return used;
  }

  totalDistance(): number {
    let total = 0;
    for (let slot = 0; slot < this.slotCount; slot++) if (this.length[slot] > 0) total += this.routeDistance[slot];
    return total;
  }

  firstEmptySlot(): number {
    for (let slot = 0; slot < this.slotCount; slot++) if (this.length[slot] === 0) return slot;
    return -1;
  }

  /** The non-empty routes as customer-id lists. */
  toRoutes(): number[][] {
    const routes: number[][] = [];
    for (let slot = 0; slot < this.slotCount; slot++) {
      const count = this.length[slot];
      if (count === 0) continue;
      const base = slot * this.stride;
      routes.push(Array.from(this.nodes.subarray(base + 1, base + count + 1)));
    }
    return routes;
  }
}
