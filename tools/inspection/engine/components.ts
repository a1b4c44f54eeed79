/**
 * Connected-component labelling of a binary mask with per-component statistics.
 * Flood fill with an explicit stack: defect masks are sparse, so the cost is dominated by
 * the one scan over the image, or by nothing when the caller already knows the set pixels.
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
  const fill = floodFiller(w, h, data, labels, connectivity);
  for (let start = 0; start < data.length; start++) {
    if (data[start] === 0 || labels[start] !== 0) continue;
    components.push(fill(start, components.length + 1));
  }
  return { labels, components };
}

/**
 * Components of a sparse mask, seeded from a list of its set pixels in raster order (e.g. the
 * survivors of `openSquare2At`), so the image is never scanned. Returns the same statistics,
 * in the same order, as `labelComponents` would for the mask.
 */
export function labelComponentsAt(mask: BinaryMask, indices: ArrayLike<number>, connectivity: Connectivity = 8): ComponentStats[] {
  const { widthPx: w, heightPx: h, data } = mask;
  // Only "visited" is needed here, and a byte map is a quarter of the memory to clear.
  const labels = new Uint8Array(w * h);
  const components: ComponentStats[] = [];
  const fill = floodFiller(w, h, data, labels, connectivity);
  for (let n = 0; n < indices.length; n++) {
    const start = indices[n];
    if (data[start] === 0 || labels[start] !== 0) continue;
    components.push(fill(start, components.length + 1));
  }
  return components;
}

/** Flood fill with an explicit stack, writing `label` into `labels` and returning the statistics. */
function floodFiller(w: number, h: number, data: Uint8Array, labels: Int32Array | Uint8Array, connectivity: Connectivity) {
  // Grown on demand: most masks here are sparse, and a full-size stack would be zeroed for nothing.
  let stack = new Int32Array(256);
  let top = 0;
  let label = 0;
  const diagonal = connectivity === 8;
  const visit = (neighbour: number): void => {
    if (data[neighbour] === 0 || labels[neighbour] !== 0) return;
    labels[neighbour] = label;
    if (top === stack.length) {
      const grown = new Int32Array(stack.length * 2);
      grown.set(stack);
      stack = grown;
    }
    stack[top++] = neighbour;
  };
  // A byte map only records "visited"; labels past 255 would wrap to 0 there.
  const byteMap = labels instanceof Uint8Array;
  return (start: number, componentLabel: number): ComponentStats => {
    label = byteMap ? 1 : componentLabel;
    const stats: ComponentStats = {
      label: componentLabel,
      areaPx: 0,
      minX: w,
      minY: h,
      maxX: -1,
      maxY: -1,
      sumX: 0,
      sumY: 0,
      touchesBorder: false,
    };
    top = 0;
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
      const left = x > 0;
      const right = x < w - 1;
      if (left) visit(index - 1);
      if (right) visit(index + 1);
      if (y > 0) {
        const up = index - w;
        visit(up);
        if (diagonal && left) visit(up - 1);
        if (diagonal && right) visit(up + 1);
      }
      if (y < h - 1) {
        const down = index + w;
        visit(down);
        if (diagonal && left) visit(down - 1);
        if (diagonal && right) visit(down + 1);
      }
    }
    return stats;
  };
}

/** Number of foreground components, without keeping statistics. */
export function countComponents(mask: BinaryMask, connectivity: Connectivity = 8): number {
  return labelComponents(mask, connectivity).components.length;
}
