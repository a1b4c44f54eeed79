/**
 * The pixel containers the AOI engine works on. A `GrayImage` is 8-bit grayscale as decoded
 * from a camera or file; a `BinaryMask` holds 0/1 per pixel (1 = copper). Both are row-major
 * with no padding, so pixel (x, y) lives at `y * widthPx + x`.
 */
import { z } from 'zod';
import { AppError } from '@/lib/errors';

export const GrayImage = z
  .object({
    widthPx: z.number().int().positive(),
    heightPx: z.number().int().positive(),
    data: z.instanceof(Uint8Array),
  })
  .refine((image) => image.data.length === image.widthPx * image.heightPx, {
    message: 'data length must equal widthPx * heightPx',
  });
export type GrayImage = z.infer<typeof GrayImage>;

/** Same shape as GrayImage, but every value is 0 (no copper) or 1 (copper). */
export type BinaryMask = GrayImage;

export function createGrayImage(widthPx: number, heightPx: number, fill = 0): GrayImage {
  const data = new Uint8Array(widthPx * heightPx);
  if (fill !== 0) data.fill(fill);
  return { widthPx, heightPx, data };
}

/** Throws an AppError naming `label` when the buffer does not match its declared size. */
export function assertGrayImage(image: GrayImage, label: string): void {
  const parsed = GrayImage.safeParse(image);
  if (!parsed.success) {
    throw new AppError(
      'invalid_argument',
      `The ${label} image is not a valid grayscale buffer (${parsed.error.issues[0]?.message}). ` +
        'Pass { widthPx, heightPx, data: Uint8Array } with one byte per pixel.',
    );
  }
}
