/**
 * Groups connected components that belong to one defect: a ragged bite or a cut drawn with a
 * thin brush often binarises into several pieces a few pixels apart.
 */
import type { ComponentStats } from './components';

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
