/**
 * Grayscale → copper mask. DeepPCB scans are already near-binary (copper black, laminate
 * white), so a fixed mid threshold is enough and, unlike Otsu per image, cannot drift between
 * a template and its test image.
 *
 * `profileMask` and `binarizeProfiled` also produce what registration needs (row and column
 * projections and a bit-packed copy of the mask), so registration never rescans the pixels:
 * the fused version touches each gray pixel once.
 */
import type { BinaryMask, GrayImage } from './gray-image';

export type BinarizeOptions = {
  /** Gray level that separates copper from laminate. */
  threshold?: number;
  /** True when copper is darker than the laminate (DeepPCB and the synthetic renderer). */
  copperIsDark?: boolean;
};

/** A mask with its projections and a bit-packed copy, the inputs of registration. */
export type MaskProfile = {
  mask: BinaryMask;
  /** Row-major, `wordsPerRow` words a row; pixel x of a row is bit (x & 31) of word (x >> 5); bits past the width are 0. */
  bits: Uint32Array;
  wordsPerRow: number;
  /** Copper pixels per row and per column. */
  rowSums: Float64Array;
  columnSums: Float64Array;
};

export function binarize(image: GrayImage, options: BinarizeOptions = {}): BinaryMask {
  const threshold = options.threshold ?? 128;
  const copperIsDark = options.copperIsDark ?? true;
  const source = image.data;
  const out = new Uint8Array(source.length);
  if (copperIsDark) {
    for (let i = 0; i < source.length; i++) out[i] = source[i] < threshold ? 1 : 0;
  } else {
    for (let i = 0; i < source.length; i++) out[i] = source[i] >= threshold ? 1 : 0;
  }
  return { widthPx: image.widthPx, heightPx: image.heightPx, data: out };
}

/** Binarises and profiles in one pass over the gray pixels. */
export function binarizeProfiled(image: GrayImage, options: BinarizeOptions = {}): MaskProfile {
  const threshold = options.threshold ?? 128;
  // With copper bright, copper is `value >= threshold`, i.e. NOT `value < threshold`.
  const flip = (options.copperIsDark ?? true) ? 0 : 1;
  return profileOf(image, threshold, flip);
}

/** Profiles a mask that is already binary. */
export function profileMask(mask: BinaryMask): MaskProfile {
  // 0/1 values: "copper is bright" at threshold 1 maps them to themselves.
  return profileOf(mask, 1, 1);
}

/** Copper is `(value < threshold) XOR flip`. */
function profileOf(image: GrayImage, threshold: number, flip: number): MaskProfile {
  const { widthPx: w, heightPx: h } = image;
  const profile: MaskProfile = {
    mask: { widthPx: w, heightPx: h, data: new Uint8Array(w * h) },
    bits: new Uint32Array(((w + 31) >> 5) * h),
    wordsPerRow: (w + 31) >> 5,
    rowSums: new Float64Array(h),
    columnSums: new Float64Array(w),
  };
  if (w % 32 === 0 && image.data.byteOffset % 4 === 0) profileFourAtATime(image, threshold, flip, profile);
  else profilePixelByPixel(image, threshold, flip, profile);
  return profile;
}

function profilePixelByPixel(image: GrayImage, threshold: number, flip: number, profile: MaskProfile): void {
  const { widthPx: w, heightPx: h, data: source } = image;
  const { bits, wordsPerRow, rowSums, columnSums } = profile;
  const out = profile.mask.data;
  for (let y = 0; y < h; y++) {
    const row = y * w;
    const wordRow = y * wordsPerRow;
    let rowSum = 0;
    for (let x0 = 0; x0 < w; x0 += 32) {
      const end = Math.min(w, x0 + 32);
      let word = 0;
      for (let x = x0; x < end; x++) {
        const bit = (source[row + x] < threshold ? 1 : 0) ^ flip;
        out[row + x] = bit;
        word |= bit << (x - x0);
        columnSums[x] += bit;
        rowSum += bit;
      }
      bits[wordRow + (x0 >> 5)] = word;
    }
    rowSums[y] = rowSum;
  }
}

/**
 * The same, four pixels per 32-bit operation (SWAR): each byte is compared with the threshold
 * without borrows crossing bytes, bytes become 0/1 mask values, and four mask bytes gather
 * into four packed bits with one multiply. Column sums accumulate in byte lanes, flushed
 * before a lane can overflow.
 */
function profileFourAtATime(image: GrayImage, threshold: number, flip: number, profile: MaskProfile): void {
  const { widthPx: w, heightPx: h, data: source } = image;
  const { bits, wordsPerRow, rowSums, columnSums } = profile;
  const quads = w >> 2;
  const gray32 = new Uint32Array(source.buffer, source.byteOffset, (w * h) >> 2);
  const out32 = new Uint32Array(profile.mask.data.buffer, 0, (w * h) >> 2);
  // value >= threshold, per byte: for t <= 128 a byte is >= t if its top bit is set or its low
  // seven bits plus 128 minus t keep the top bit; for t > 128 both the top bit and low bits >= t - 128 are needed.
  const high = threshold > 128;
  const lowThreshold = Math.imul(high ? threshold - 128 : threshold, 0x01010101);
  const invert = flip === 0 ? 0xffffffff : 0;
  const lanes = new Uint32Array(quads);
  let rowsInLanes = 0;
  for (let y = 0; y < h; y++) {
    const quadRow = y * quads;
    const wordRow = y * wordsPerRow;
    let rowSum = 0;
    for (let k = 0; k < wordsPerRow; k++) {
      let word = 0;
      for (let m = 0; m < 8; m++) {
        const q = quadRow + k * 8 + m;
        const x = gray32[q];
        const lowAtLeast = (((x & 0x7f7f7f7f) | 0x80808080) - lowThreshold) & 0x80808080;
        const atLeast = high ? x & lowAtLeast & 0x80808080 : (x & 0x80808080) | lowAtLeast;
        const copper = ((atLeast ^ invert) >>> 7) & 0x01010101;
        out32[q] = copper;
        lanes[k * 8 + m] += copper;
        word |= (Math.imul(copper, 0x01020408) >>> 24) << (m * 4);
      }
      bits[wordRow + k] = word;
      rowSum += popcount(word);
    }
    rowSums[y] = rowSum;
    if (++rowsInLanes === 255 || y === h - 1) {
      for (let q = 0; q < quads; q++) {
        const lane = lanes[q];
        const x = q * 4;
        columnSums[x] += lane & 0xff;
        columnSums[x + 1] += (lane >>> 8) & 0xff;
        columnSums[x + 2] += (lane >>> 16) & 0xff;
        columnSums[x + 3] += lane >>> 24;
      }
      lanes.fill(0);
      rowsInLanes = 0;
    }
  }
}

/** Set bits in a 32-bit word. */
export function popcount(word: number): number {
  let v = word - ((word >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return Math.imul((v + (v >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24;
}
