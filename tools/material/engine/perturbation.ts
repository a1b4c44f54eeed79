/**
 * Random feasible moves that shake a solution between ejections in the route minimisation (Nagata &
 * Bräysy 2009 apply a fixed number of random 2-opt* and swap moves there): each try picks a routed
 * customer u and one of its near customers v in another route, and applies relocating u next to v or the
 * 2-opt* exchange that links u to v, whichever it drew, when the result is feasible, whatever its
 * distance. Checked in O(1) from the cached schedules; every route stays feasible.
 */
import type { RandomSource } from '@/lib/seeded-random';
import { type LocalSearchScratch, swapTails } from './local-search';
import type { RouteSet } from './route-set';

/** Tries `tries` random moves; returns how many were applied. */
export function perturb(set: RouteSet, random: RandomSource, tries: number, granularity: number, scratch: LocalSearchScratch): number {
  const { distance, nodeCount, customerCount, neighbours, demand, capacity, serviceTime } = set.problem;
  const stride = set.stride;
  const k = Math.min(granularity, customerCount - 1);
  if (k < 1) return 0;
  let applied = 0;
  for (let t = 0; t < tries; t++) {
    const u = 1 + Math.floor(random() * customerCount);
    const ru = set.routeOf[u];
    if (ru < 0) continue;
    const v = neighbours[(u - 1) * customerCount + 1 + Math.floor(random() * k)];
    const rv = set.routeOf[v];
    if (rv < 0 || rv === ru) continue;
    const pu = set.positionOf[u];
    const pv = set.positionOf[v];
    if (random() < 0.5) {
      if (set.load[rv] + demand[u] > capacity) continue;
      const position = random() < 0.5 ? pv : pv - 1;
      if (set.insertionCost(rv, position, u) === Infinity) continue;
      set.removeRange(ru, pu, pu);
      set.insert(rv, position, u);
      applied++;
      continue;
    }
    const baseU = ru * stride;
    const baseV = rv * stride;
    const prevV = set.nodes[baseV + pv - 1];
    const afterU = set.nodes[baseU + pu + 1];
    if (set.loadThrough[baseU + pu] + set.load[rv] - set.loadThrough[baseV + pv - 1] > capacity) continue;
    if (set.loadThrough[baseV + pv - 1] + set.load[ru] - set.loadThrough[baseU + pu] > capacity) continue;
    if (set.start[baseU + pu] + serviceTime[u] + distance[u * nodeCount + v] > set.latest[baseV + pv]) continue;
    if (set.start[baseV + pv - 1] + serviceTime[prevV] + distance[prevV * nodeCount + afterU] > set.latest[baseU + pu + 1]) continue;
    swapTails(set, ru, pu, rv, pv - 1, scratch);
    applied++;
  }
  return applied;
}
