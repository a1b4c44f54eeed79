/**
 * Binary morphology with square structuring elements, done as two separable 1-D passes with
 * running counts so the cost does not grow with the element size. Pixels outside the image
 * count as background for dilation and as foreground for erosion, so borders neither grow
 * copper nor eat it.
 */
import type { BinaryMask } from './gray-image';

type Mode = 'erode' | 'dilate';

/** One 1-D pass over every line; the window at i spans [i - before, i + after]. */
function pass1d(
  src: Uint8Array,
  dst: Uint8Array,
  length: number,
  lineCount: number,
  step: number,
  lineStep: number,
  before: number,
  after: number,
  mode: Mode,
): void {
  const windowSize = before + after + 1;
  const outside = mode === 'erode' ? 1 : 0;
  for (let line = 0; line < lineCount; line++) {
    const base = line * lineStep;
    let count = 0;
    for (let j = -before; j <= after; j++) count += j >= 0 && j < length ? src[base + j * step] : outside;
    for (let i = 0; i < length; i++) {
      dst[base + i * step] = mode === 'dilate' ? (count > 0 ? 1 : 0) : count === windowSize ? 1 : 0;
      const entering = i + after + 1;
      const leaving = i - before;
      count += entering < length ? src[base + entering * step] : outside;
      count -= leaving >= 0 ? src[base + leaving * step] : outside;
    }
  }
}

function apply(mask: BinaryMask, before: number, after: number, mode: Mode): BinaryMask {
  const { widthPx, heightPx } = mask;
  if (before + after <= 0) return { widthPx, heightPx, data: mask.data.slice() };
  const temp = new Uint8Array(mask.data.length);
  const out = new Uint8Array(mask.data.length);
  pass1d(mask.data, temp, widthPx, heightPx, 1, widthPx, before, after, mode);
  pass1d(temp, out, heightPx, widthPx, widthPx, 1, before, after, mode);
  return { widthPx, heightPx, data: out };
}

/** Erosion with a (2r+1)-pixel square centred on each pixel. */
export function erode(mask: BinaryMask, radiusPx = 1): BinaryMask {
  return apply(mask, radiusPx, radiusPx, 'erode');
}

/** Dilation with a (2r+1)-pixel square centred on each pixel. */
export function dilate(mask: BinaryMask, radiusPx = 1): BinaryMask {
  return apply(mask, radiusPx, radiusPx, 'dilate');
}

/** Removes foreground specks and slivers thinner than 2r+1 pixels. */
export function open(mask: BinaryMask, radiusPx = 1): BinaryMask {
  return dilate(erode(mask, radiusPx), radiusPx);
}

/** Fills background gaps thinner than 2r+1 pixels. */
export function close(mask: BinaryMask, radiusPx = 1): BinaryMask {
  return erode(dilate(mask, radiusPx), radiusPx);
}

/**
 * Opening with a sizePx × sizePx square (any size, even ones): keeps exactly the pixels
 * covered by some fully-foreground square of that size. sizePx = 2 drops one-pixel lines.
 */
export function openSquare(mask: BinaryMask, sizePx: number): BinaryMask {
  if (sizePx <= 1) return { ...mask, data: mask.data.slice() };
  if (sizePx === 2) return openSquare2(mask);
  // Erode with the square anchored at its top-left, then dilate with the reflected square.
  return apply(apply(mask, 0, sizePx - 1, 'erode'), sizePx - 1, 0, 'dilate');
}

/** The 2×2 opening as a direct test per set pixel; fast on sparse masks (defect seeds). */
function openSquare2(mask: BinaryMask): BinaryMask {
  const { widthPx: w, heightPx: h, data } = mask;
  const out = new Uint8Array(data.length);
  const at = (x: number, y: number): number => (x >= 0 && y >= 0 && x < w && y < h ? data[y * w + x] : 0);
  for (let y = 0; y < h; y++) {
    const row = y * w;
    for (let x = 0; x < w; x++) {
      if (data[row + x] === 0) continue;
      // Kept if any of the four 2×2 squares containing (x, y) is fully set.
      for (let dy = -1; dy <= 0; dy++) {
        for (let dx = -1; dx <= 0; dx++) {
          if (at(x + dx, y + dy) && at(x + dx + 1, y + dy) && at(x + dx, y + dy + 1) && at(x + dx + 1, y + dy + 1)) {
            out[row + x] = 1;
          }
        }
      }
    }
  }
  return { widthPx: w, heightPx: h, data: out };
}

/**
 * The 2×2 opening evaluated only at the listed pixels (the set pixels of a sparse mask, in any
 * order): returns those of them that survive, in the same order. Cost follows the list, not
 * the image.
 */
export function openSquare2At(mask: BinaryMask, indices: ArrayLike<number>, count = indices.length): Int32Array {
  const { widthPx: w, heightPx: h, data } = mask;
  const kept = new Int32Array(count);
  let keptCount = 0;
  for (let n = 0; n < count; n++) {
    const i = indices[n];
    const y = (i / w) | 0;
    const x = i - y * w;
    const left = x > 0 && data[i - 1] !== 0;
    const right = x < w - 1 && data[i + 1] !== 0;
    let survives = false;
    if (y > 0) {
      const up = i - w;
      if (data[up] !== 0 && ((left && data[up - 1] !== 0) || (right && data[up + 1] !== 0))) survives = true;
    }
    if (!survives && y < h - 1) {
      const down = i + w;
      if (data[down] !== 0 && ((left && data[down - 1] !== 0) || (right && data[down + 1] !== 0))) survives = true;
    }
    if (survives) kept[keptCount++] = i;
  }
  return kept.subarray(0, keptCount);
}
