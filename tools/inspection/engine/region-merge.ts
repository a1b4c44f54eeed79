/**
 * Groups connected components that belong to one defect: a ragged bite or a cut drawn with a
 * thin brush often binarises into several pieces a few pixels apart.
 */
import type { ComponentStats } from './components';
import type { DefectRegion } from './confidence';

/** Unions components whose boxes lie within `gapPx` of each other; statistics are summed. */
export function mergeNearbyComponents(components: readonly ComponentStats[], gapPx: number): ComponentStats[] {
  const parent = components.map((_, index) => index);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]];
    return i;
  };
  for (let i = 0; i < components.length; i++) {
    for (let j = i + 1; j < components.length; j++) {
      const a = components[i];
      const b = components[j];
      const gapX = Math.max(a.minX, b.minX) - Math.min(a.maxX, b.maxX) - 1;
      const gapY = Math.max(a.minY, b.minY) - Math.min(a.maxY, b.maxY) - 1;
      if (gapX <= gapPx && gapY <= gapPx) parent[find(i)] = find(j);
    }
  }
  const merged = new Map<number, ComponentStats>();
  components.forEach((c, index) => {
    const root = find(index);
    const existing = merged.get(root);
    if (!existing) {
      merged.set(root, { ...c });
      return;
    }
    existing.areaPx += c.areaPx;
    existing.sumX += c.sumX;
    existing.sumY += c.sumY;
    existing.minX = Math.min(existing.minX, c.minX);
    existing.minY = Math.min(existing.minY, c.minY);
    existing.maxX = Math.max(existing.maxX, c.maxX);
    existing.maxY = Math.max(existing.maxY, c.maxY);
    existing.touchesBorder ||= c.touchesBorder;
  });
  return [...merged.values()];
}

/**
 * Unions regions of the same class and polarity whose boxes lie within `gapPx` of each other:
 * one defect that the seed merge left in pieces (a long spur, a bite with a sliver left in
 * it) would otherwise be reported twice, once as a false alarm. Seed and changed areas are
 * summed; the topology is that of the largest piece. `gapPx` < 0 merges nothing.
 */
export function mergeSameClassRegions(regions: readonly DefectRegion[], gapPx: number, widthPx: number, heightPx: number): DefectRegion[] {
  if (gapPx < 0 || regions.length < 2) return [...regions];
  const parent = regions.map((_, index) => index);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]];
    return i;
  };
  for (let i = 0; i < regions.length; i++) {
    for (let j = i + 1; j < regions.length; j++) {
      const a = regions[i];
      const b = regions[j];
      if (a.type !== b.type || a.polarity !== b.polarity) continue;
      const gapX = Math.max(a.minX, b.minX) - Math.min(a.maxX, b.maxX) - 1;
      const gapY = Math.max(a.minY, b.minY) - Math.min(a.maxY, b.maxY) - 1;
      if (gapX <= gapPx && gapY <= gapPx) parent[find(i)] = find(j);
    }
  }
  const groups = new Map<number, DefectRegion[]>();
  regions.forEach((region, index) => {
    const root = find(index);
    groups.set(root, [...(groups.get(root) ?? []), region]);
  });
  return [...groups.values()].map((group) => {
    if (group.length === 1) return group[0];
    const largest = group.reduce((best, r) => (r.seedAreaPx > best.seedAreaPx ? r : best));
    const minX = Math.min(...group.map((r) => r.minX));
    const minY = Math.min(...group.map((r) => r.minY));
    const maxX = Math.max(...group.map((r) => r.maxX));
    const maxY = Math.max(...group.map((r) => r.maxY));
    return {
      ...largest,
      minX,
      minY,
      maxX,
      maxY,
      seedAreaPx: group.reduce((sum, r) => sum + r.seedAreaPx, 0),
      changedBlobPx: group.reduce((sum, r) => sum + r.changedBlobPx, 0),
      imageEdgeDistancePx: Math.min(minX, minY, widthPx - 1 - maxX, heightPx - 1 - maxY),
    };
  });
}
