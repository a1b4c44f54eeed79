/**
 * Grayscale → copper mask. DeepPCB scans are already near-binary (copper black, laminate
 * white), so a fixed mid threshold is enough and, unlike Otsu per image, cannot drift between
 * a template and its test image.
 */
import type { BinaryMask, GrayImage } from './gray-image';

export type BinarizeOptions = {
  /** Gray level that separates copper from laminate. */
  threshold?: number;
  /** True when copper is darker than the laminate (DeepPCB and the synthetic renderer). */
  copperIsDark?: boolean;
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
