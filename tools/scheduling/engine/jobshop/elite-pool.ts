/**
 * The elite pool of the path-relinking search, kept diverse by distance (quality-and-distance replacement
 * in the spirit of Peng, Lü & Cheng 2015).
 *
 * Why: with "replace the worst if better", every good run's result pushed out a member and the members
 * soon sat in one valley (on ta21–ta50 most runs found their final makespan at a third of the time limit).
 * Relinking two near-identical members restarts the tabu search where it has already been. So a newcomer
 * that is close (in disjunctive arcs) to a member competes with that member only, and one that is far from
 * all of them replaces the most similar member that is worse than it: good solutions still enter, but they
 * crowd out their own neighbours, not the pool's other valleys.
 */
import { arcDistance } from './path-relinking';
import type { ShopState } from './shop-state';

export interface Elite {
  readonly seq: Int32Array;
  value: number;
}

export interface ElitePool {
  readonly members: Elite[];
  readonly capacity: number;
  /** A newcomer closer than this (disjunctive arcs) to a member counts as that member's neighbour. */
  readonly minDistance: number;
  /** Distances between members, indexed i * capacity + j (kept up to date on every change). */
  readonly distance: Int32Array;
  readonly scratchPos: Int32Array;
  readonly newcomerDistance: Int32Array;
}

/**
 * `minDistanceShare` is a share of the number of disjunctive arcs (operation pairs that share a machine),
 * so one setting means the same on 15×15 and 100×20.
 */
export function createElitePool(state: ShopState, capacity: number, minDistanceShare: number): ElitePool {
  let arcs = 0;
  for (let m = 0; m < state.machineCount; m++) {
    const k = state.machineStart[m + 1]! - state.machineStart[m]!;
    arcs += (k * (k - 1)) / 2;
  }
  return {
    members: [],
    capacity,
    minDistance: Math.ceil(arcs * minDistanceShare),
    distance: new Int32Array(capacity * capacity),
    scratchPos: new Int32Array(state.n),
    newcomerDistance: new Int32Array(capacity),
  };
}

/**
 * Offers a tabu run's best to the pool; returns true if it entered. Never enters twice (distance 0). While
 * the pool is filling, everything else enters. Once full: if a member lies within `minDistance`, the
 * newcomer replaces the nearest such member only if it is better than it; otherwise it replaces the most
 * similar member that is worse than it, if there is one.
 */
export function offerToPool(pool: ElitePool, state: ShopState, seq: Int32Array, value: number): boolean {
  const { members, capacity, newcomerDistance: d } = pool;
  let nearest = -1;
  for (let k = 0; k < members.length; k++) {
    d[k] = arcDistance(state, seq, members[k]!.seq, pool.scratchPos);
    if (d[k] === 0) return false;
    if (nearest < 0 || d[k]! < d[nearest]!) nearest = k;
  }
  let slot = -1;
  if (members.length < capacity) {
    slot = members.length;
    members.push({ seq: new Int32Array(seq.length), value });
  } else if (d[nearest]! < pool.minDistance) {
    if (value < members[nearest]!.value) slot = nearest;
  } else {
    for (let k = 0; k < members.length; k++) if (members[k]!.value > value && (slot < 0 || d[k]! < d[slot]!)) slot = k;
  }
  if (slot < 0) return false;
  members[slot]!.seq.set(seq);
  members[slot]!.value = value;
  for (let k = 0; k < members.length; k++) {
    const dk = k === slot ? 0 : d[k]!;
    pool.distance[slot * capacity + k] = dk;
    pool.distance[k * capacity + slot] = dk;
  }
  return true;
}

/** Empties the pool but for its best member, which moves to index 0 (a rebuild starts from it). */
export function keepOnlyBest(pool: ElitePool): Elite {
  const { members } = pool;
  let best = 0;
  for (let k = 1; k < members.length; k++) if (members[k]!.value < members[best]!.value) best = k;
  const kept = members[best]!;
  members.length = 0;
  members.push(kept);
  pool.distance[0] = 0;
  return kept;
}
