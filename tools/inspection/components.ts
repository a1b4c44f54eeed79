/**
 * Connected-component labelling of a binary mask with per-component statistics.
 * Flood fill with an explicit stack: defect masks are sparse, so the cost is dominated by
 * the one scan over the image.
 */
import type { BinaryMask } from './gray-image';

export type ComponentStats = {
  /** 1-based label as written into `labels`. */
  label: number;
  areaPx: number;
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
  sumX: number;
  sumY: number;
  touchesBorder: boolean;
};

export type Components = {
  /** 0 = background, otherwise the component's label. */
  labels: Int32Array;
  components: ComponentStats[];
};

export type Connectivity = 4 | 8;

export function labelComponents(mask: BinaryMask, connectivity: Connectivity = 8): Components {
  const { widthPx: w, heightPx: h, data } = mask;
  const labels = new Int32Array(w * h);
  const components: ComponentStats[] = [];
  // Grown on demand: most masks here are sparse, and a full-size stack would be zeroed for nothing.
  let stack = new Int32Array(256);
  for (let start = 0; start < data.length; start++) {
    if (data[start] === 0 || labels[start] !== 0) continue;
    const label = components.length + 1;
    const stats: ComponentStats = {
      label,
      areaPx: 0,
      minX: w,
      minY: h,
      maxX: -1,
      maxY: -1,
      sumX: 0,
      sumY: 0,
      touchesBorder: false,
    };
    let top = 0;
    stack[top++] = start;
    labels[start] = label;
    while (top > 0) {
      const index = stack[--top];
      const y = (index / w) | 0;
      const x = index - y * w;
      stats.areaPx++;
      stats.sumX += x;
      stats.sumY += y;
      if (x < stats.minX) stats.minX = x;
      if (x > stats.maxX) stats.maxX = x;
      if (y < stats.minY) stats.minY = y;
      if (y > stats.maxY) stats.maxY = y;
      if (x === 0 || y === 0 || x === w - 1 || y === h - 1) stats.touchesBorder = true;
      for (let dy = -1; dy <= 1; dy++) {
        const ny = y + dy;
        if (ny < 0 || ny >= h) continue;
        for (let dx = -1; dx <= 1; dx++) {
          if (dx === 0 && dy === 0) continue;
          if (connectivity === 4 && dx !== 0 && dy !== 0) continue;
          const nx = x + dx;
          if (nx < 0 || nx >= w) continue;
          const neighbour = ny * w + nx;
          if (data[neighbour] !== 0 && labels[neighbour] === 0) {
            labels[neighbour] = label;
            if (top === stack.length) {
              const grown = new Int32Array(stack.length * 2);
              grown.set(stack);
              stack = grown;
            }
            stack[top++] = neighbour;
          }
        }
      }
    }
    components.push(stats);
  }
  return { labels, components };
}

/** Number of foreground components, without keeping statistics. */
export function countComponents(mask: BinaryMask, connectivity: Connectivity = 8): number {
  return labelComponents(mask, connectivity).components.length;
}
