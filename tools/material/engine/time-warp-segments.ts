/**
 * Time-warp data of route prefixes and suffixes (Vidal et al. 2013, "A hybrid genetic algorithm with
 * adaptive diversity management for a large class of vehicle routing problems with time windows"), so
 * that the time warp of a route glued from a prefix of one route, maybe a customer, and a suffix of
 * another is found in O(1) even when the routes break their time windows. A segment has a duration
 * (service and travel, waiting included), a time warp, and the earliest and latest start of service at
 * its first node that achieve them. Used by the squeeze of the route minimisation.
 */
import type { RouteSet } from './route-set';

export class TimeWarpSegments {
  /** Prefix through position p (depot at 0) and suffix from position p (depot at length + 1), per slot. */
  readonly forwardDuration: Float64Array;
  readonly forwardWarp: Float64Array;
  readonly forwardEarliest: Float64Array;
  readonly forwardLatest: Float64Array;
  readonly backwardDuration: Float64Array;
  readonly backwardWarp: Float64Array;
  readonly backwardEarliest: Float64Array;
  readonly backwardLatest: Float64Array;
  /** The running concatenation of `begin`/`append`. */
  duration = 0;
  warp = 0;
  earliest = 0;
  latest = 0;
  last = 0;

  constructor(size: number) {
    this.forwardDuration = new Float64Array(size);
    this.forwardWarp = new Float64Array(size);
    this.forwardEarliest = new Float64Array(size);
    this.forwardLatest = new Float64Array(size);
    this.backwardDuration = new Float64Array(size);
    this.backwardWarp = new Float64Array(size);
    this.backwardEarliest = new Float64Array(size);
    this.backwardLatest = new Float64Array(size);
  }

  /** Recomputes the prefix and suffix data of one route from its node list. */
  compute(set: RouteSet, slot: number): void {
    const { serviceTime, readyTime, dueTime } = set.problem;
    const base = slot * set.stride;
    const count = set.length[slot];
    this.begin(0, 0, readyTime[0], dueTime[0], 0);
    this.forwardDuration[base] = 0;
    this.forwardWarp[base] = 0;
    this.forwardEarliest[base] = readyTime[0];
    this.forwardLatest[base] = dueTime[0];
    for (let p = 1; p <= count + 1; p++) {
      const node = set.nodes[base + p];
      this.append(set, serviceTime[node], 0, readyTime[node], dueTime[node], node, node);
      this.forwardDuration[base + p] = this.duration;
      this.forwardWarp[base + p] = this.warp;
      this.forwardEarliest[base + p] = this.earliest;
      this.forwardLatest[base + p] = this.latest;
    }
    let duration = 0;
    let warp = 0;
    let earliest = readyTime[0];
    let latest = dueTime[0];
    const end = base + count + 1;
    this.backwardDuration[end] = duration;
    this.backwardWarp[end] = warp;
    this.backwardEarliest[end] = earliest;
    this.backwardLatest[end] = latest;
    for (let p = count; p >= 0; p--) {
      const node = set.nodes[base + p];
      // single(node) + the suffix from p + 1.
      this.begin(serviceTime[node], 0, readyTime[node], dueTime[node], node);
      this.appendRaw(set, duration, warp, earliest, latest, set.nodes[base + p + 1], 0);
      duration = this.duration;
      warp = this.warp;
      earliest = this.earliest;
      latest = this.latest;
      this.backwardDuration[base + p] = duration;
      this.backwardWarp[base + p] = warp;
      this.backwardEarliest[base + p] = earliest;
      this.backwardLatest[base + p] = latest;
    }
  }

  begin(duration: number, warp: number, earliest: number, latest: number, last: number): void {
    this.duration = duration;
    this.warp = warp;
    this.earliest = earliest;
    this.latest = latest;
    this.last = last;
  }

  /** Starts the running concatenation with the prefix of `slot` through `position`. */
  beginPrefix(set: RouteSet, slot: number, position: number): void {
    const i = slot * set.stride + position;
    this.begin(this.forwardDuration[i], this.forwardWarp[i], this.forwardEarliest[i], this.forwardLatest[i], set.nodes[i]);
  }

  appendCustomer(set: RouteSet, customer: number): void {
    const { serviceTime, readyTime, dueTime } = set.problem;
    this.append(set, serviceTime[customer], 0, readyTime[customer], dueTime[customer], customer, customer);
  }

  /** Appends the suffix of `slot` from `position` (which ends at the depot). */
  appendSuffix(set: RouteSet, slot: number, position: number): void {
    const i = slot * set.stride + position;
    this.append(set, this.backwardDuration[i], this.backwardWarp[i], this.backwardEarliest[i], this.backwardLatest[i], set.nodes[i], 0);
  }

  append(set: RouteSet, duration: number, warp: number, earliest: number, latest: number, first: number, last: number): void {
    this.appendRaw(set, duration, warp, earliest, latest, first, last);
  }

  private appendRaw(set: RouteSet, duration: number, warp: number, earliest: number, latest: number, first: number, last: number): void {
    const travel = set.problem.distance[this.last * set.problem.nodeCount + first];
    const delta = this.duration - this.warp + travel;
    const waitAdded = Math.max(earliest - delta - this.latest, 0);
    const warpAdded = Math.max(this.earliest + delta - latest, 0);
    this.duration = this.duration + duration + travel + waitAdded;
    this.warp = this.warp + warp + warpAdded;
    this.earliest = Math.max(earliest - delta, this.earliest) - waitAdded;
    this.latest = Math.min(latest - delta, this.latest) + warpAdded;
    this.last = last;
  }
}
